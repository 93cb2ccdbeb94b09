"""Ring-buffer weight scaling on the spinnaker targets: sPyNNaker's left shift per synapse type, and the knob.

On SpiNNaker-1 a synaptic weight w (in the model's input unit, times the model's global weight scale) is
stored as the 16-bit integer ``rint(w * 2**(15 - shift))`` and the input of one tick, the sum of the weights
that arrive, is held in a 16-bit ring-buffer slot that saturates at 65535, i.e. at ``65535 * 2**(shift - 15)``.
A larger shift leaves more headroom and stores the weights more coarsely. sPyNNaker chooses the shift per
population and synapse type from ``max_expected_summed_weight`` (given, or estimated from the connectivity and
a Poisson rate); :class:`~portasnn.ir.network.WeightScaling` lets a network (``.pnet``: a population's
``weight_scaling = ...`` option; Python: ``Network.population(..., weight_scaling=...)``) or the command line
(``--weight-scaling``) pin it, or choose it by measurement (``auto``).

Spec strings (CLI and builder): ``auto``, ``spynnaker``, ``shift:S[,S...]`` (the shifts per synapse type in
the model's order) or ``max:W[,W...]`` (``max_expected_summed_weight`` per synapse type, in the network's
weight unit of that type: mV for delta synapses, pA for current, nS for conductance), each optionally
preceded by ``POP=`` (one population; without it every population).
"""
from __future__ import annotations

import math
from typing import Iterable, Mapping

from portasnn.errors import UsageError
from portasnn.ir.network import Network, WeightScaling

SLOT_MAX = 0xFFFF      # a ring-buffer slot (and a stored weight) is 16 bits
MAX_SHIFT = 16         # the largest shift auto tries (a weight of 1 model unit is then 2**-1 units of 2**16)
AUTO_HEADROOM = 1.25   # auto: the measured largest input times this must fit the slot
ALL = "*"              # the population key of a spec that applies to every population


def parse_spec(text: str, *, with_population: bool = True) -> tuple[str, WeightScaling]:
    """``[POP=]auto|spynnaker|shift:S,...|max:W,...`` -> (population or ``*``, scaling); UsageError E770."""
    raw = text.strip()
    pop = ALL
    if with_population and "=" in raw:
        pop, raw = (part.strip() for part in raw.split("=", 1))
        if not pop.isidentifier():
            raise _bad(text, f"'{pop}' is not a population name")
    mode, _, rest = raw.partition(":")
    mode = mode.strip().lower()
    if mode in ("auto", "spynnaker") and not rest:
        return pop, WeightScaling(mode=mode)  # type: ignore[arg-type]
    if mode in ("shift", "shifts", "max") and rest.strip():
        try:
            values = tuple(float(v) for v in rest.split(","))
        except ValueError:
            raise _bad(text, f"'{rest}' is not a comma-separated list of numbers") from None
        return pop, check(WeightScaling(mode="max" if mode == "max" else "shifts", values=values), text)
    raise _bad(text, "expected auto, spynnaker, shift:S[,S...] or max:W[,W...]")


def check(scaling: WeightScaling, what: str) -> WeightScaling:
    """Refuse shifts that are not integers in 0..MAX_SHIFT and non-positive or non-finite maxima."""
    if scaling.mode == "shifts":
        if not scaling.values or any(not 0 <= v <= MAX_SHIFT or v != int(v) for v in scaling.values):
            raise _bad(what, f"ring-buffer shifts must be whole numbers from 0 to {MAX_SHIFT}", scaling)
        return WeightScaling(mode="shifts", values=tuple(float(int(v)) for v in scaling.values), span=scaling.span)
    if scaling.mode == "max" and (not scaling.values or any(not math.isfinite(v) or v <= 0 for v in scaling.values)):
        raise _bad(what, "max_expected_summed_weight values must be positive numbers", scaling)
    return scaling


def _bad(text: str, why: str, scaling: WeightScaling | None = None) -> UsageError:
    return UsageError(f"weight scaling '{text}': {why}", code="E770", span=scaling.span if scaling else None,
                      hint="e.g. --weight-scaling auto, --weight-scaling E=shift:1,2, --weight-scaling I=max:4,8 "
                      "(.pnet: population E: N model, weight_scaling = auto | shift(1, 2) | max(4 mV, 8 mV))")


def parse_specs(texts: Iterable[str]) -> tuple[tuple[str, WeightScaling], ...]:
    """Several ``--weight-scaling`` values; a population (or ``*``) given twice is refused."""
    out: dict[str, WeightScaling] = {}
    for text in texts:
        pop, scaling = parse_spec(text)
        if pop in out:
            raise _bad(text, f"{'every population' if pop == ALL else 'population ' + pop} is given twice")
        out[pop] = scaling
    return tuple(out.items())


def resolve(network: Network, given: Iterable[tuple[str, WeightScaling]] = ()) -> dict[str, WeightScaling]:
    """Per population the scaling that applies: ``given`` for that population, else ``given`` for all (``*``),
    else the population's own (``.pnet``/builder), else sPyNNaker's. Unknown populations are refused."""
    given = dict(given)
    names = {p.name for p in network.populations}
    unknown = sorted(set(given) - names - {ALL})
    if unknown:
        raise UsageError(f"--weight-scaling names no population of {network.name}: {', '.join(unknown)}",
                         code="E771", hint="populations: " + ", ".join(sorted(names)))
    return {p.name: given.get(p.name) or given.get(ALL) or p.weight_scaling or WeightScaling()
            for p in network.populations}


def check_types(pop: str, scaling: WeightScaling, synapse_types: tuple[str, ...]) -> None:
    """A list of shifts or maxima has one value per synapse type of the population's model."""
    if scaling.mode in ("shifts", "max") and len(scaling.values) != len(synapse_types):
        raise UsageError(f"population {pop}: weight scaling {scaling.mode} has {len(scaling.values)} value(s) but "
                         f"its model has {len(synapse_types)} synapse type(s) ({', '.join(synapse_types)})",
                         code="E772", span=scaling.span, hint="give one value per synapse type, in this order")


def max_for_shift(shift: int) -> float:
    """A ``max_expected_summed_weight`` (model units times the global weight scale) for which sPyNNaker
    chooses ``shift``: 0.75 * 2**shift lies strictly between 2**(shift - 1) and 2**shift."""
    return 0.75 * 2.0 ** shift


def capacity(shift: int) -> float:
    """The largest summed input one slot holds at ``shift`` (model units times the global weight scale)."""
    return SLOT_MAX * 2.0 ** (shift - 15)


def auto_shift(measured: float, headroom: float = AUTO_HEADROOM) -> int:
    """The smallest shift whose slot holds ``measured * headroom`` (at most MAX_SHIFT)."""
    for shift in range(MAX_SHIFT + 1):
        if measured * headroom <= capacity(shift):
            return shift
    return MAX_SHIFT


def stored_weight(weight: float, shift: int) -> float:
    """The weight SpiNNaker adds for ``weight`` (model units times the global weight scale) at ``shift``:
    ``(rint(w * 2**(15 - shift)) & 0xFFFF) * 2**(shift - 15)`` (numpy's rint: half to even)."""
    import numpy as np

    return float((int(np.rint(abs(weight) * 2.0 ** (15 - shift))) & SLOT_MAX) * 2.0 ** (shift - 15))


def describe(scalings: Mapping[str, WeightScaling]) -> dict[str, str]:
    """Population -> the scaling as a spec string (for manifests and reports)."""
    return {pop: spec(s) for pop, s in scalings.items()}


def spec(s: WeightScaling) -> str:
    if s.mode in ("auto", "spynnaker"):
        return s.mode
    values = ",".join(f"{int(v)}" if s.mode == "shifts" else repr(v) for v in s.values)
    return f"{'shift' if s.mode == 'shifts' else 'max'}:{values}"
