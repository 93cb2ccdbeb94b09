"""PyNN's standard cell types, StaticSynapse and pair STDP for ``portasnn.pynn``.

The native parameters of the cells are portasnn's: PyNN's names, in the IR's units (mV, ms, pA, pF, nS; see
:mod:`portasnn.ir.pynn_cells`), so the translations only scale (nA -> pA, nF -> pF, uS -> nS). Synapse types keep
PyNN's names and units; :mod:`portasnn.pynn.lowering` converts them (an STDPMechanism becomes NEST's
``stdp_synapse`` in the IR, as pyNN.nest maps it, and each target lowers that).
"""
from __future__ import annotations

import numpy as np
from pyNN.standardmodels import base, build_translations, cells, synapses

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


def check_weights(weights, projection) -> None:  # noqa: ANN001
    """PyNN's sign check of weights, except that positive weights onto the inhibitory receptor of a current-based
    cell are taken (as sPyNNaker takes them; portasnn.pynn warns, W286, and makes them inhibitory)."""
    post = projection.post
    if projection.receptor_type == "inhibitory" and post.conductance_based is False and \
            np.all(np.asarray(weights) >= 0):
        return
    base.check_weights(weights, projection)


class StaticSynapse(synapses.StaticSynapse):
    """PyNN's StaticSynapse: weight in PyNN's unit (nA, uS, mV for delta cells), delay in ms."""

    __doc__ = synapses.StaticSynapse.__doc__
    translations = build_translations(("weight", "weight"), ("delay", "delay"))
    parameter_checks = {"weight": check_weights}

    def _get_minimum_delay(self) -> float:
        return state.min_delay


class STDPMechanism(synapses.STDPMechanism):
    """PyNN's STDPMechanism: a timing dependence (SpikePairRule) and a weight dependence (Additive- or
    MultiplicativeWeightDependence); weight in PyNN's unit, delay in ms, all of it dendritic
    (``dendritic_delay_fraction`` 1, as on NEST and sPyNNaker)."""

    base_translations = build_translations(("weight", "weight"), ("delay", "delay"),
                                           ("dendritic_delay_fraction", "dendritic_delay_fraction"))
    parameter_checks = {"weight": check_weights}

    def _build_translations(self) -> None:  # PyNN's updates the class's dictionary in place
        self.translations = dict(self.base_translations)
        for part in (self.timing_dependence, self.weight_dependence, self.voltage_dependence):
            if part:
                self.translations.update(part.translations)

    def _get_minimum_delay(self) -> float:
        return state.min_delay


def _stdp_part(base: type) -> type:
    """A timing or weight dependence with PyNN's names and units as its native parameters."""
    translations = build_translations(*[(n, n) for n in base.default_parameters])
    return type(base.__name__, (base,), {"__doc__": base.__doc__, "translations": translations,
                                         "extra_parameters": {}, "__module__": __name__})


SpikePairRule = _stdp_part(synapses.SpikePairRule)
AdditiveWeightDependence = _stdp_part(synapses.AdditiveWeightDependence)
MultiplicativeWeightDependence = _stdp_part(synapses.MultiplicativeWeightDependence)


SOURCES = (SpikeSourceArray, SpikeSourcePoisson)
