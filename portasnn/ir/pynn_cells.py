"""PyNN's standard cell types as portasnn knows them (issue 14 item 5): ``model lif = pynn IF_curr_exp { ... }``.

One table, read by the frontend (names, units, defaults), the nest target (the NEST built-in and pyNN.nest's
translations) and the spinnaker targets (sPyNNaker's built-in). A population of a PyNN cell type keeps PyNN's
parameter names; its values are in the IR's unit system (mV, ms, pA, pF, nS), converted once by the frontend
from what the user wrote (PyNN's own units are mV, ms, nA, nF, uS). Parameters a population leaves out take
PyNN's defaults (``CellType.defaults``), on every target.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

# PyNN's unit -> (the IR unit of the same dimension, the factor from PyNN's unit to it)
IR_UNIT: dict[str, tuple[str, float]] = {"mV": ("mV", 1.0), "ms": ("ms", 1.0), "nA": ("pA", 1000.0),
                                         "nF": ("pF", 1000.0), "uS": ("nS", 1000.0)}


@dataclass(frozen=True, slots=True)
class CellParam:
    """One parameter or state variable: PyNN's name, PyNN's unit and PyNN's default (in that unit)."""

    name: str
    unit: str
    default: float

    @property
    def ir_unit(self) -> str:
        return IR_UNIT[self.unit][0]

    @property
    def ir_default(self) -> float:
        return self.default * IR_UNIT[self.unit][1]


@dataclass(frozen=True, slots=True)
class CellType:
    """A PyNN standard cell type.

    ``weight_unit``: the IR unit of its weights (pA current, nS conductance, mV delta synapses, as NEST takes
    them). ``nest_model`` and ``nest_names``: the NEST built-in pyNN.nest uses and pyNN.nest's translations
    (PyNN name -> NEST name; the IR units are NEST's, so values pass unchanged; ``tau_m`` of conductance-based
    cells becomes ``g_L = C_m / tau_m``; a state variable NEST does not let a script set, e.g. ``iaf_psc_exp``'s
    ``I_syn_ex``, has no entry: it starts at 0 there). ``recordables``: PyNN's recordable names -> NEST's.
    ``spynnaker``: sPyNNaker 7.4.1 has the cell type and spinnaker-host emulates it; ``board``: sPyNNaker 7.4.1
    has it (a board runs it).
    """

    name: str
    params: tuple[CellParam, ...]
    state: tuple[CellParam, ...]
    weight_unit: str
    nest_model: str
    nest_names: Mapping[str, str]
    recordables: Mapping[str, str]
    spynnaker: bool = False
    board: bool = True

    @property
    def defaults(self) -> dict[str, float]:
        """Every parameter and state variable -> PyNN's default in the IR unit."""
        return {p.name: p.ir_default for p in (*self.params, *self.state)}

    def unit_of(self, name: str) -> str:
        """The IR unit of parameter or state variable ``name``."""
        return {p.name: p.ir_unit for p in (*self.params, *self.state)}[name]


_P = CellParam
_LIF = (_P("v_rest", "mV", -65.0), _P("cm", "nF", 1.0), _P("tau_m", "ms", 20.0), _P("tau_refrac", "ms", 0.1))
_TAIL = (_P("i_offset", "nA", 0.0), _P("v_reset", "mV", -65.0), _P("v_thresh", "mV", -50.0))
_NEST_LIF = {"v_rest": "E_L", "v_reset": "V_reset", "cm": "C_m", "tau_m": "tau_m", "tau_refrac": "t_ref",
             "v_thresh": "V_th", "i_offset": "I_e", "v": "V_m"}
_NEST_SYN = {"tau_syn_E": "tau_syn_ex", "tau_syn_I": "tau_syn_in"}


def _syn(tau_e: float, tau_i: float) -> tuple[CellParam, ...]:
    return (_P("tau_syn_E", "ms", tau_e), _P("tau_syn_I", "ms", tau_i))


_ISYN = (_P("v", "mV", -65.0), _P("isyn_exc", "nA", 0.0), _P("isyn_inh", "nA", 0.0))
_GSYN = (_P("v", "mV", -65.0), _P("gsyn_exc", "uS", 0.0), _P("gsyn_inh", "uS", 0.0))
_CURR_REC = {"v": "V_m", "isyn_exc": "I_syn_ex", "isyn_inh": "I_syn_in"}
_COND_REC = {"v": "V_m", "gsyn_exc": "g_ex", "gsyn_inh": "g_in"}
_COND_NAMES = {**_NEST_LIF, **_NEST_SYN, "e_rev_E": "E_ex", "e_rev_I": "E_in", "tau_m": "g_L",
               "gsyn_exc": "g_ex", "gsyn_inh": "g_in"}

CELL_TYPES: dict[str, CellType] = {c.name: c for c in (
    CellType("IF_curr_exp", (*_LIF, *_syn(5.0, 5.0), *_TAIL), _ISYN, "pA", "iaf_psc_exp",
             {**_NEST_LIF, **_NEST_SYN}, _CURR_REC, spynnaker=True),
    CellType("IF_curr_alpha", (*_LIF, *_syn(0.5, 0.5), *_TAIL), _ISYN, "pA", "iaf_psc_alpha",
             {**_NEST_LIF, **_NEST_SYN}, _CURR_REC),
    CellType("IF_curr_delta", (*_LIF, *_TAIL), (_P("v", "mV", -65.0),), "mV", "iaf_psc_delta", dict(_NEST_LIF),
             {"v": "V_m"}, spynnaker=True),
    CellType("IF_cond_exp", (*_LIF, *_syn(5.0, 5.0), _P("e_rev_E", "mV", 0.0), _P("e_rev_I", "mV", -70.0),
                             _P("v_thresh", "mV", -50.0), _P("v_reset", "mV", -65.0), _P("i_offset", "nA", 0.0)),
             _GSYN, "nS", "iaf_cond_exp", _COND_NAMES, _COND_REC),
    CellType("IF_cond_alpha", (*_LIF, *_syn(0.3, 0.5), _P("e_rev_E", "mV", 0.0), _P("e_rev_I", "mV", -70.0),
                               _P("v_thresh", "mV", -50.0), _P("v_reset", "mV", -65.0), _P("i_offset", "nA", 0.0)),
             _GSYN, "nS", "iaf_cond_alpha", _COND_NAMES, _COND_REC, board=False),
)}


def cell_type(name: str) -> CellType | None:
    return CELL_TYPES.get(name)
