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
                                         "nF": ("pF", 1000.0), "uS": ("nS", 1000.0), "nS": ("nS", 1.0),
                                         "/ms": ("1/ms", 1.0), "mV/ms": ("mV/ms", 1.0), "": ("", 1.0)}


# sPyNNaker holds a current-based cell's inhibitory synaptic current as a magnitude (its input is subtracted from
# the excitatory one); the IR, NEST and PyNN keep it signed (negative). The spinnaker targets convert with this sign
# (values written to the board, traces read back), so that isyn_inh means the same number on every target.
SPYNNAKER_SIGN = {"isyn_inh": -1.0}


@dataclass(frozen=True, slots=True)
class CellParam:
    """One parameter or state variable: PyNN's name, PyNN's unit and PyNN's default (in that unit)."""

    name: str
    unit: str
    default: float

    @property
    def ir_unit(self) -> str:
        return IR_UNIT[self.unit][0] if self.unit in IR_UNIT else self.unit  # a NESTML cell type's: the IR's own

    @property
    def ir_default(self) -> float:
        return self.default * (IR_UNIT[self.unit][1] if self.unit in IR_UNIT else 1.0)


@dataclass(frozen=True, slots=True)
class CellType:
    """A PyNN standard cell type.

    ``weight_unit``: the IR unit of its weights (pA current, nS conductance, mV delta synapses, as NEST takes
    them). ``nest_model`` and ``nest_names``: the NEST built-in pyNN.nest uses and pyNN.nest's translations
    (PyNN name -> NEST name; the IR units are NEST's, so values pass unchanged; ``tau_m`` of conductance-based
    cells becomes ``g_L = C_m / tau_m``; a state variable NEST does not let a script set, e.g. ``iaf_psc_exp``'s
    ``I_syn_ex``, has no entry: it starts at 0 there). ``recordables``: PyNN's recordable names -> NEST's.
    ``spynnaker``: sPyNNaker 7.4.1 has the cell type and spinnaker-host emulates it; ``board``: sPyNNaker 7.4.1
    has it (a board runs it), else ``no_board`` says why not.
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
    no_board: str = ""

    @property
    def defaults(self) -> dict[str, float]:
        """Every parameter and state variable -> PyNN's default in the IR unit."""
        return {p.name: p.ir_default for p in (*self.params, *self.state)}

    def unit_of(self, name: str) -> str:
        """The IR unit of parameter or state variable ``name``."""
        return {p.name: p.ir_unit for p in (*self.params, *self.state)}[name]

    def factor_of(self, name: str) -> float:
        """The factor from PyNN's unit of parameter or state variable ``name`` to its IR unit."""
        return {p.name: IR_UNIT[p.unit][1] if p.unit in IR_UNIT else 1.0 for p in (*self.params, *self.state)}[name]


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
# adaptive exponential (Brette & Gerstner 2005) as NEST's aeif_cond_exp/_alpha; HH as hh_cond_exp_traub
_EIF = (_P("cm", "nF", 0.281), _P("tau_refrac", "ms", 0.1), _P("v_spike", "mV", -40.0), _P("v_reset", "mV", -70.6),
        _P("v_rest", "mV", -70.6), _P("tau_m", "ms", 9.3667), _P("i_offset", "nA", 0.0), _P("a", "nS", 4.0),
        _P("b", "nA", 0.0805), _P("delta_T", "mV", 2.0), _P("tau_w", "ms", 144.0), _P("v_thresh", "mV", -50.4),
        _P("e_rev_E", "mV", 0.0), _P("tau_syn_E", "ms", 5.0), _P("e_rev_I", "mV", -80.0), _P("tau_syn_I", "ms", 5.0))
_EIF_STATE = (_P("v", "mV", -70.6), _P("w", "nA", 0.0), _P("gsyn_exc", "uS", 0.0), _P("gsyn_inh", "uS", 0.0))
_EIF_NAMES = {**_COND_NAMES, "v_spike": "V_peak", "a": "a", "b": "b", "delta_T": "Delta_T", "tau_w": "tau_w",
              "w": "w"}
_HH = (_P("gbar_Na", "uS", 20.0), _P("gbar_K", "uS", 6.0), _P("g_leak", "uS", 0.01), _P("cm", "nF", 0.2),
       _P("v_offset", "mV", -63.0), _P("e_rev_Na", "mV", 50.0), _P("e_rev_K", "mV", -90.0),
       _P("e_rev_leak", "mV", -65.0), _P("e_rev_E", "mV", 0.0), _P("e_rev_I", "mV", -80.0),
       _P("tau_syn_E", "ms", 0.2), _P("tau_syn_I", "ms", 2.0), _P("i_offset", "nA", 0.0))
_HH_NAMES = {"gbar_Na": "g_Na", "gbar_K": "g_K", "g_leak": "g_L", "cm": "C_m", "v_offset": "V_T", "e_rev_Na": "E_Na",
             "e_rev_K": "E_K", "e_rev_leak": "E_L", "e_rev_E": "E_ex", "e_rev_I": "E_in", "tau_syn_E": "tau_syn_ex",
             "tau_syn_I": "tau_syn_in", "i_offset": "I_e", "v": "V_m", "h": "Inact_h", "m": "Act_m", "n": "Act_n"}
_UNSUPPORTED = (" (pyNN.spiNNaker does not export it; its internal class raises 'not currently supported by the "
                "tool chain')")

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
             _GSYN, "nS", "iaf_cond_alpha", _COND_NAMES, _COND_REC, board=False,
             no_board="sPyNNaker 7.4.1 has no IF_cond_alpha"),
    CellType("Izhikevich", (_P("a", "/ms", 0.02), _P("b", "/ms", 0.2), _P("c", "mV", -65.0), _P("d", "mV/ms", 2.0),
                            _P("i_offset", "nA", 0.0)), (_P("v", "mV", -70.0), _P("u", "mV/ms", -14.0)), "mV",
             "izhikevich", {"a": "a", "b": "b", "c": "c", "d": "d", "i_offset": "I_e", "v": "V_m", "u": "U_m"},
             {"v": "V_m", "u": "U_m"}, board=False,
             no_board="sPyNNaker 7.4.1's Izhikevich has exponentially decaying current synapses (tau_syn_E, "
             "tau_syn_I, weights in nA), PyNN's standard Izhikevich jumps v by the weight: another model"),
    *(CellType(name, _EIF, _EIF_STATE, "nS", nest, _EIF_NAMES, {**_COND_REC, "w": "w"}, board=False,
               no_board=f"sPyNNaker 7.4.1 has no {name}{why}")
      for name, nest, why in (("EIF_cond_exp_isfa_ista", "aeif_cond_exp", ""),
                              ("EIF_cond_alpha_isfa_ista", "aeif_cond_alpha", _UNSUPPORTED))),
    CellType("HH_cond_exp", _HH, (*_GSYN, _P("h", "", 1.0), _P("m", "", 0.0), _P("n", "", 0.0)), "nS",
             "hh_cond_exp_traub", _HH_NAMES, _COND_REC, board=False,
             no_board="sPyNNaker 7.4.1 has no HH_cond_exp" + _UNSUPPORTED),
)}


def cell_type(name: str) -> CellType | None:
    return CELL_TYPES.get(name)
