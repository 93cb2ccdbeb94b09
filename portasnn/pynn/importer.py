"""``portasnn import pynn SCRIPT.py -o DIR`` (issue 14 item 3): the network a PyNN script builds, as .pnet.

The script runs against ``portasnn.pynn`` up to its first ``sim.run()`` (:func:`portasnn.pynn.script.capture`);
the network it built there is written as ``DIR/<name>.pnet`` with its data files next to it: the explicit
connections PyNN's connectors drew (``conn/``) and per-neuron parameters and initial values (``params/``), so
that reading the .pnet gives the same program (the same IR hash) as the script, and runs as the script does
(``simulate`` is the script's ``run()`` time).
"""
from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Sequence

from portasnn.errors import UsageError
from portasnn.ir import network as ir
from portasnn.ir.printer import to_pnet
from portasnn.pynn.lowering import script_tstop


@dataclasses.dataclass(frozen=True)
class Imported:
    pnet: Path
    files: tuple[Path, ...]
    network: ir.Network  # as the .pnet reads


def import_script(script: str | Path, outdir: str | Path, args: Sequence[str] = (), force: bool = False) -> Imported:
    """Write the network ``script`` builds (with ``args`` as its command line) into ``outdir``."""
    from portasnn.pynn.script import capture

    out = Path(outdir)
    if out.exists() and (not out.is_dir() or any(out.iterdir())):
        if not force:
            raise UsageError(f"output directory {out} exists and is not empty", code="E294",
                             hint="give another -o DIR, or --force to replace it")
    net = capture(script, "nest", args)
    if out.exists():  # only now: a script that fails loses nothing
        shutil.rmtree(out) if out.is_dir() else out.unlink()
    out.mkdir(parents=True)
    # the script's own run(tstop), not the one step more its portasnn.pynn run simulates (lowering.run_duration)
    sim = dataclasses.replace(net.simulation, duration=script_tstop(net.simulation.duration, net.simulation.resolution))
    return write_pnet(dataclasses.replace(net, simulation=sim), out,
                      f"imported from the PyNN script {Path(script).name} by `portasnn import pynn`")


def write_pnet(net: ir.Network, out: Path, header: str) -> Imported:
    """``net`` as ``out/<name>.pnet`` (``# header`` first), its data files copied into ``out/conn`` and
    ``out/params`` (``out`` exists)."""
    files: list[Path] = []

    def move(data, folder: str):  # noqa: ANN001, ANN202 - an ArrayFile or ConnectionFile
        src = Path(data.source or data.path)
        rel = f"{folder}/{src.name}"
        dest = out / rel
        if not dest.exists():
            dest.parent.mkdir(exist_ok=True)
            shutil.copyfile(src, dest)
            files.append(dest)
        return dataclasses.replace(data, path=rel, source=str(dest.resolve()))

    def values(items: tuple[tuple[str, ir.Value], ...]) -> tuple[tuple[str, ir.Value], ...]:
        return tuple((k, move(v, "params") if isinstance(v, ir.ArrayFile) else v) for k, v in items)

    pops = tuple(dataclasses.replace(p, params=values(p.params), initial=values(p.initial)) for p in net.populations)
    projs = tuple(dataclasses.replace(p, data=move(p.data, "conn")) if p.data is not None else p
                  for p in net.projections)
    net = dataclasses.replace(net, populations=pops, projections=projs)
    pnet = out / f"{net.name}.pnet"
    pnet.write_text(f"# {header}\n" + to_pnet(net))
    return Imported(pnet=pnet, files=tuple(files), network=net)
