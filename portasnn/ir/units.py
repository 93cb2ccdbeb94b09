"""The IR's canonical unit system: mV, ms, pA (hence pF, nS, GOhm, fC, 1/ms); other SI bases as SI.

``canonical_scale(unit)`` is the exact factor from a unit to its canonical counterpart:
``canonical value = value in unit * canonical_scale(unit)``.
"""
from __future__ import annotations

from fractions import Fraction
from typing import Any

import sympy

# SI base -> factor to canonical (V -> mV, s -> ms, A -> pA); kg is expressed through V, A, s, m.
_VOLT, _SECOND, _AMPERE = Fraction(10**3), Fraction(10**3), Fraction(10**12)


def canonical_scale(unit: Any) -> sympy.Rational:
    """Exact factor from an astropy unit to the canonical unit of the same dimension."""
    si = unit.decompose()
    powers = {base.name: Fraction(p).limit_denominator(1000) for base, p in zip(si.bases, si.powers)}
    kg = powers.pop("kg", Fraction(0))
    # kg = V A s^3 m^-2
    volt = kg
    ampere = powers.pop("A", Fraction(0)) + kg
    second = powers.pop("s", Fraction(0)) + 3 * kg
    factor = _exact(si.scale)
    for base, power in ((_VOLT, volt), (_AMPERE, ampere), (_SECOND, second)):
        if power.denominator != 1:
            raise ValueError(f"fractional power of a base unit in {unit}")
        factor *= base ** int(power)
    return sympy.Rational(factor.numerator, factor.denominator)


def _exact(scale: float) -> Fraction:
    """A decimal scale such as 1e-12 as the exact fraction it stands for."""
    import math

    if scale == 1:
        return Fraction(1)
    exponent = round(math.log10(scale))
    if math.isclose(scale, 10.0 ** exponent, rel_tol=1e-9):
        return Fraction(10) ** exponent
    return Fraction(repr(float(scale)))
