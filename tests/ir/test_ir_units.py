"""The canonical unit system of the model IR (mV, ms, pA)."""
from __future__ import annotations

import astropy.units as u
import pytest
import sympy
from hypothesis import given, strategies as st

from portasnn.ir.units import canonical_scale


@pytest.mark.parametrize("unit,expected", [
    (u.mV, 1), (u.ms, 1), (u.pA, 1), (u.pF, 1), (u.nS, 1), (u.GOhm, 1),
    (u.V, 1000), (u.s, 1000), (u.nA, 1000), (u.nF, 1000), (u.uS, 1000),
    (u.Hz, sympy.Rational(1, 1000)), (u.mV / u.ms, 1), (u.pA * u.ms, 1),
])
def test_known_scales(unit, expected):
    assert canonical_scale(unit) == expected


@given(st.integers(-3, 3), st.integers(-3, 3), st.integers(-3, 3))
def test_scale_is_multiplicative(a, b, c):
    combined = (u.V ** a) * (u.s ** b) * (u.nA ** c)
    assert canonical_scale(combined) == canonical_scale(u.V) ** a * canonical_scale(u.s) ** b * canonical_scale(u.nA) ** c
