"""``portasnn export pynn NET.pnet -o script.py`` (issue 14 item 3): one PyNN script for every PyNN backend.

The script takes the simulator from its command line as PyNN's examples do (``nest``, ``spiNNaker``,
``portasnn``) and runs unchanged on each. It is written by the spinnaker target's script writer in its portable
mode (``targets/spinnaker/pynn_script.py``): PyNN's standard cell types as each backend has them, connectors,
weights (PyNN's units and sign conventions), stimuli and recorders; explicit connections and per-neuron values as
text files next to the script. Networks of PyNN standard cell types only: a NESTML model would need its class on
every backend (refused, E295). A plastic projection (pair STDP) becomes PyNN's STDPMechanism with an additive
rule's amplitudes as each backend reads them (``additive(lambda, w_max)`` in the script); its final weights, if
recorded, are written as ``results/<pre>__<post>.weights.txt``.
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


def _check_plastic(net, proj) -> None:  # noqa: ANN001 - ir.Network, ir.Projection
    """A plastic projection PyNN's STDPMechanism writes for every backend: all-to-all pair STDP (SpikePairRule),
    weights between 0 and a positive Wmax, final weights recorded at most (no samples during the run)."""
    from portasnn.targets.spinnaker.plasticity import pair_rule

    def refuse(what: str, hint: str) -> NetworkError:
        return NetworkError(f"projection '{proj.name}': {what}", code="E295", span=proj.synapse_span or proj.span,
                            construct=f"connect {proj.name}", hint=hint)

    rule = pair_rule(net, proj)  # refuses the rules no STDPMechanism of sPyNNaker runs (E240)
    if rule.timing != "pair":
        kind = "a triplet rule" if rule.triplet else "nearest-neighbour pairs"
        raise refuse(f"its rule ({rule.synapse}, {kind}) has no timing dependence in PyNN's "
                     "standard library", "portasnn build --target spinnaker writes it with sPyNNaker's or portasnn's "
                     "own timing dependence")
    if (net.synapse(proj.synapse).param("Wmax") or 1.0) < 0:
        raise refuse("inhibitory plastic weights (a negative Wmax) read differently on pyNN.nest and sPyNNaker",
                     "export a network whose plastic weights are excitatory")
    if any(r.projection == proj.name and r.interval is not None for r in net.weight_recorders):
        raise refuse("weights recorded during the run (`every`): PyNN has no recorder of weights",
                     "record the final weights only (`record weights of ...` without `every`)")


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
            _check_plastic(net, proj)
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
