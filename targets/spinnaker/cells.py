"""PyNN standard cell types on the spinnaker targets (issue 14 item 5): sPyNNaker's own built-ins, no generated C.

The PyNN script creates them as ``p.IF_curr_exp(...)``; ``BuiltinCell`` gives the script writer what it reads of
a lowered model (PyNN names, IR -> PyNN unit factors, synapse types, weight units). ``check_cells`` refuses what
would not mean the same network as on NEST, or what the emulator cannot run yet.
"""
from __future__ import annotations

from dataclasses import dataclass

from portasnn.errors import NetworkError
from portasnn.ir.pynn_cells import CELL_TYPES, IR_UNIT, SPYNNAKER_SIGN


@dataclass(frozen=True, slots=True)
class CellField:
    name: str
    net_to_pynn: float  # IR unit -> PyNN's unit
    exposed: bool = True


@dataclass(frozen=True, slots=True)
class BuiltinCell:
    """sPyNNaker's built-in ``name`` as the script writer sees a lowered model."""

    name: str
    params: tuple[CellField, ...]
    states: tuple[CellField, ...]
    weight_to_model: tuple[float, float]
    global_weight_scale: float
    synapse_types: tuple[str, ...] = ("excitatory", "inhibitory")
    current_port: str | None = None
    builtin: bool = True

    @property
    def record_names(self) -> dict[str, str]:
        """PyNN's recordable -> sPyNNaker's (its standard neurons record their synaptic input as gsyn_exc/_inh)."""
        return {"isyn_exc": "gsyn_exc", "isyn_inh": "gsyn_inh"}

    @property
    def stem(self) -> str:
        return self.name


def builtin_cell(name: str) -> BuiltinCell:
    cell = CELL_TYPES[name]

    def fields(items) -> tuple[CellField, ...]:  # noqa: ANN001
        return tuple(CellField(p.name, SPYNNAKER_SIGN.get(p.name, 1.0) / IR_UNIT[p.unit][1]) for p in items)

    to_model = 1.0 / IR_UNIT[{"pA": "nA", "nS": "uS", "mV": "mV"}[cell.weight_unit]][1]
    return BuiltinCell(name=name, params=fields(cell.params), states=fields(cell.state),
                       weight_to_model=(to_model, to_model),
                       global_weight_scale=1024.0 if cell.weight_unit == "nS" else 1.0)


def check_cells(network, target: str) -> dict[str, BuiltinCell]:  # noqa: ANN001
    """The PyNN cell types of ``network`` by model key, checked for ``target`` ("spinnaker" or "spinnaker-host")."""
    out: dict[str, BuiltinCell] = {}
    if network is None:
        return out
    for ref in network.models:
        if ref.kind != "pynn":
            continue
        if target != "spinnaker" and not CELL_TYPES[ref.name].spynnaker:
            emulated = ", ".join(n for n, c in CELL_TYPES.items() if c.spynnaker)
            raise NetworkError(f"model '{ref.key}': {target} does not emulate sPyNNaker's {ref.name} yet", span=ref.span,
                               code="E283", construct=f"model {ref.key}",
                               hint=f"{target} runs {emulated}; run this network on nest" + (
                                   " (or build it for a board with --target spinnaker, where sPyNNaker has its own)"
                                   if CELL_TYPES[ref.name].board else f" ({CELL_TYPES[ref.name].no_board})"))
        if target == "spinnaker" and not CELL_TYPES[ref.name].board:
            raise NetworkError(f"model '{ref.key}': {CELL_TYPES[ref.name].no_board}", span=ref.span, code="E283",
                               construct=f"model {ref.key}", hint="run this network on nest, or use a NESTML model")
        out[ref.key] = builtin_cell(ref.name)
    for pop in network.populations:
        ref = network.model(pop.model)
        if ref.kind == "pynn" and ref.name == "IF_curr_delta":
            cm = dict(pop.params).get("cm", CELL_TYPES["IF_curr_delta"].defaults["cm"])
            if cm != 1000.0:
                raise NetworkError(f"population '{pop.name}': sPyNNaker's IF_curr_delta jumps by about w / cm (cm in "
                                   "nF) where NEST's iaf_psc_delta jumps by w, so cm must be 1 nF on " + target,
                                   span=pop.span, code="E284", construct=f"population {pop.name}",
                                   hint="leave cm at PyNN's default 1 nF (tau_m alone sets the membrane's time "
                                        "constant), or run this network on nest")
    return out
