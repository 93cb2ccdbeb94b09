"""PyNN's standard cell types and StaticSynapse for ``portasnn.pynn``.

The native parameters are portasnn's: PyNN's names, in the IR's units (mV, ms, pA, pF, nS; see
:mod:`portasnn.ir.pynn_cells`), so the translations only scale (nA -> pA, nF -> pF, uS -> nS).
"""
from __future__ import annotations

from pyNN.standardmodels import build_translations, cells, synapses

from portasnn.ir.pynn_cells import CELL_TYPES, IR_UNIT
from portasnn.pynn.simulator import state


def _translations(base: type) -> dict:
    units = base.units
    return build_translations(*[(n, n, IR_UNIT[units[n]][1]) if units.get(n) in IR_UNIT else (n, n)
                                for n in base.default_parameters])


# sPyNNaker's names for the synaptic currents of its current-based cells (it records them as gsyn_exc/_inh,
# labelled uS though they hold nA): its scripts record them so; here they are the cells' isyn_exc/_inh, in nA
SPYNNAKER_ALIASES = {"gsyn_exc": "isyn_exc", "gsyn_inh": "isyn_inh"}


def _cell(base: type) -> type:
    extra = {}
    if "isyn_exc" in base.units and "gsyn_exc" not in base.recordable:  # a current-based cell
        extra = {"recordable": [*base.recordable, *SPYNNAKER_ALIASES],
                 "units": {**base.units, **{alias: base.units[var] for alias, var in SPYNNAKER_ALIASES.items()}}}
    cls = type(base.__name__, (base,), {"__doc__": base.__doc__, "translations": _translations(base),
                                        "__module__": __name__, **extra})
    return cls


IF_curr_exp = _cell(cells.IF_curr_exp)
IF_curr_alpha = _cell(cells.IF_curr_alpha)
IF_curr_delta = _cell(cells.IF_curr_delta)
IF_cond_exp = _cell(cells.IF_cond_exp)
IF_cond_alpha = _cell(cells.IF_cond_alpha)
Izhikevich = _cell(cells.Izhikevich)
EIF_cond_exp_isfa_ista = _cell(cells.EIF_cond_exp_isfa_ista)
EIF_cond_alpha_isfa_ista = _cell(cells.EIF_cond_alpha_isfa_ista)
HH_cond_exp = _cell(cells.HH_cond_exp)
STANDARD_CELLS = (IF_curr_exp, IF_curr_alpha, IF_curr_delta, IF_cond_exp, IF_cond_alpha, Izhikevich,
                  EIF_cond_exp_isfa_ista, EIF_cond_alpha_isfa_ista, HH_cond_exp)
assert {c.__name__ for c in STANDARD_CELLS} == set(CELL_TYPES)


class SpikeSourceArray(cells.SpikeSourceArray):
    __doc__ = cells.SpikeSourceArray.__doc__
    translations = build_translations(("spike_times", "spike_times"))


class SpikeSourcePoisson(cells.SpikeSourcePoisson):
    __doc__ = cells.SpikeSourcePoisson.__doc__
    translations = build_translations(("rate", "rate"), ("start", "start"), ("duration", "duration"))


class StaticSynapse(synapses.StaticSynapse):
    """PyNN's StaticSynapse: weight in PyNN's unit (nA, uS, mV for delta cells), delay in ms."""

    __doc__ = synapses.StaticSynapse.__doc__
    translations = build_translations(("weight", "weight"), ("delay", "delay"))

    def _get_minimum_delay(self) -> float:
        return state.min_delay


SOURCES = (SpikeSourceArray, SpikeSourcePoisson)
