"""portasnn.units: exact magnitudes, dimensions, IR units, NESTML unit names."""
from __future__ import annotations

from fractions import Fraction

import pytest

from portasnn.units import (CAPACITANCE, CONDUCTANCE, RATE, UNITS, Quantity, UnitError, describe, ir_unit_name,
                            parse_unit, to_ir)

U = UNITS


def test_derived_units_are_consistent_with_the_base() -> None:
    # pF = pA ms / mV and nS = pA / mV exactly, so the IR units need no conversion factors
    assert U["pA"] * U["ms"] / U["mV"] == U["pF"]
    assert U["pA"] / U["mV"] == U["nS"]
    assert U["mV"] / U["pA"] == U["GOhm"]
    assert U["nA"] * U["MOhm"] == U["mV"]
    assert (U["pF"].dims, U["nS"].dims) == (CAPACITANCE, CONDUCTANCE)


@pytest.mark.parametrize("q, value", [
    (Quantity(Fraction(5)) * U["Hz"], 5.0), (Quantity(Fraction(1)) / U["ms"], 1000.0), (U["s"], 1000.0),
    (U["uS"], 1000.0), (U["nF"], 1000.0), (Quantity(Fraction(1, 10)) * U["mV"], 0.1),
])
def test_to_ir(q: Quantity, value: float) -> None:
    assert to_ir(q) == value


def test_dimension_errors() -> None:
    with pytest.raises(UnitError, match="cannot apply"):
        U["mV"] + U["ms"]
    with pytest.raises(UnitError, match="whole-number exponent"):
        U["mV"] ** Quantity(Fraction(1, 2))
    with pytest.raises(UnitError, match="exponent must be dimensionless"):
        U["mV"] ** U["ms"]
    with pytest.raises(UnitError, match="division by zero"):
        U["mV"] / Quantity(Fraction(0))


@pytest.mark.parametrize("text, expected", [
    ("mV", U["mV"]), ("pA", U["pA"]), ("1/ms", Quantity(Fraction(1)) / U["ms"]), ("ms**-1", U["kHz"]),
    ("nS/ms", U["nS"] / U["ms"]), ("real", Quantity(Fraction(1))), ("mV*ms", U["mV"] * U["ms"]),
])
def test_parse_unit(text: str, expected: Quantity) -> None:
    assert parse_unit(text) == expected


def test_parse_unit_unknown() -> None:
    assert parse_unit("furlong") is None


def test_names() -> None:
    assert describe(RATE) == "rate (Hz)"
    assert ir_unit_name(RATE) == "Hz"
    assert ir_unit_name((-1, 1, 0)) == "mV/ms"
    assert ir_unit_name((1, 0, 0)) == "ms"
