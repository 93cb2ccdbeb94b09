"""``portasnn export pynn NET.pnet -o script.py`` (issue 14 item 3): one PyNN script for every PyNN backend.

The script takes the simulator from its command line as PyNN's examples do (``nest``, ``spiNNaker``,
``portasnn``) and runs unchanged on each. It is written by the spinnaker target's script writer in its portable
mode (``targets/spinnaker/pynn_script.py``): PyNN's standard cell types as each backend has them, connectors,
weights (PyNN's units and sign conventions), stimuli and recorders; explicit connections and per-neuron values as
text files next to the script. Networks of PyNN standard cell types only: a NESTML model would need its class on
every backend, and a plastic synapse each backend's own STDP conventions, so both are refused (E295).
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Mapping

from portasnn.errors import NetworkError, UsageError


@dataclasses.dataclass(frozen=True)
class Exported:
    script: Path
    files: tuple[Path, ...]  # the data files next to it


def export_script(network: str | Path, out: str | Path, overrides: Mapping[str, str] | None = None,
                  force: bool = False) -> Exported:
    """Write ``network`` (a .pnet) as the PyNN script ``out`` (and its data files next to it)."""
    from portasnn.frontend.network import load_network
    from portasnn.targets.spinnaker.cells import check_cells
    from portasnn.targets.spinnaker.pynn_script import script_view
    from portasnn.targets.spinnaker.render import render
    from portasnn.weight_scaling import resolve

    out = Path(out)
    if out.suffix != ".py":
        raise UsageError(f"{out}: the script to write must end in .py", code="E294", hint="e.g. -o net.py")
    if out.exists() and not force:
        raise UsageError(f"{out} exists", code="E294", hint="give another -o, or --force to replace it")
    net = load_network(network, overrides)
    for ref in net.models:
        if ref.kind != "pynn":
            raise NetworkError(f"model '{ref.key}' is a {ref.kind} model; `export pynn` writes PyNN's standard cell "
                               "types only", code="E295", span=ref.span, construct=f"model {ref.key}",
                               hint=f"use `model {ref.key} = pynn <CellType> {{...}}` (IF_curr_exp, IF_curr_delta, "
                                    "IF_curr_alpha, IF_cond_exp: the cell types sPyNNaker runs as NEST does), or "
                                    "build it for one simulator: portasnn build")
    for proj in net.projections:
        if proj.plastic:
            raise NetworkError(f"projection '{proj.name}' is plastic; `export pynn` writes static synapses only",
                               code="E295", span=proj.synapse_span or proj.span, construct=f"connect {proj.name}",
                               hint="portasnn build --target spinnaker writes sPyNNaker's STDP script")
    cells = check_cells(net, "spinnaker")
    view = script_view(net, cells, resolve(net, ()), board=True, portable=True)
    written = []
    for rel, text in view.data_files.items():
        path = out.parent / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        written.append(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render("portable_script.py.j2", v=view, script=out.name))
    return Exported(script=out, files=tuple(written))
