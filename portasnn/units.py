"""Physical quantities for the network language: exact rationals with a dimension vector.

Three base dimensions suffice for spiking networks: time, voltage and current (capacitance is
current*time/voltage, conductance current/voltage, rate 1/time). A ``Quantity`` stores its
magnitude in the base units ms, mV, pA, which are exactly the IR's units for those dimensions and
also give pF (pA*ms/mV) and nS (pA/mV). ``to_ir`` expresses a quantity in the IR unit system of
portasnn.ir.network: the same, except that a pure rate (1/time) is given in Hz.

Magnitudes stay exact (``fractions.Fraction``) through + - * / and integer powers, so "0.1 mV"
becomes exactly the float 0.1; exp, log, sqrt and fractional powers fall back to float.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from typing import Union

Number = Union[Fraction, float]
Dims = tuple[int, int, int]  # exponents of (time, voltage, current)

DIMENSIONLESS: Dims = (0, 0, 0)
TIME: Dims = (1, 0, 0)
VOLTAGE: Dims = (0, 1, 0)
CURRENT: Dims = (0, 0, 1)
RATE: Dims = (-1, 0, 0)
CAPACITANCE: Dims = (1, -1, 1)
CONDUCTANCE: Dims = (0, -1, 1)
RESISTANCE: Dims = (0, 1, -1)

_DIM_NAMES = {DIMENSIONLESS: "dimensionless", TIME: "time", VOLTAGE: "voltage", CURRENT: "current",
              RATE: "rate", CAPACITANCE: "capacitance", CONDUCTANCE: "conductance", RESISTANCE: "resistance"}
_IR_UNIT = {DIMENSIONLESS: "", TIME: "ms", VOLTAGE: "mV", CURRENT: "pA", RATE: "Hz", CAPACITANCE: "pF",
            CONDUCTANCE: "nS", RESISTANCE: "GOhm"}


@dataclass(frozen=True, slots=True)
class Quantity:
    """A magnitude in base units (ms, mV, pA) and its dimension exponents (time, voltage, current)."""

    value: Number
    dims: Dims = DIMENSIONLESS

    @property
    def dimensionless(self) -> bool:
        return self.dims == DIMENSIONLESS

    def __add__(self, other: Quantity) -> Quantity:
        _same(self, other, "+")
        return Quantity(self.value + other.value, self.dims)

    def __sub__(self, other: Quantity) -> Quantity:
        _same(self, other, "-")
        return Quantity(self.value - other.value, self.dims)

    def __mul__(self, other: Quantity) -> Quantity:
        return Quantity(self.value * other.value, _zip(self.dims, other.dims, 1))

    def __truediv__(self, other: Quantity) -> Quantity:
        if other.value == 0:
            raise UnitError("division by zero")
        return Quantity(self.value / other.value, _zip(self.dims, other.dims, -1))

    def __neg__(self) -> Quantity:
        return Quantity(-self.value, self.dims)

    def __pow__(self, other: Quantity) -> Quantity:
        if not other.dimensionless:
            raise UnitError(f"an exponent must be dimensionless, not {describe(other.dims)}")
        exp = other.value
        if isinstance(exp, Fraction) and exp.denominator == 1:
            n = int(exp)
            if n < 0 and self.value == 0:
                raise UnitError("division by zero")
            value = self.value ** n if isinstance(self.value, Fraction) else float(self.value) ** n
            return Quantity(value, tuple(d * n for d in self.dims))  # type: ignore[arg-type]
        if not self.dimensionless:
            raise UnitError(f"a quantity with dimension {describe(self.dims)} needs a whole-number exponent")
        if self.value < 0:
            raise UnitError("a negative number cannot be raised to a fractional power")
        return Quantity(float(self.value) ** float(exp))

    def in_unit(self, unit: Quantity) -> float:
        """The magnitude of this quantity in ``unit`` (dimensions must agree)."""
        if unit.dims != self.dims:
            raise UnitError(f"expected {describe(unit.dims)}, got {describe(self.dims)}")
        return float(self.value / unit.value) if isinstance(unit.value, Fraction) else \
            float(self.value) / float(unit.value)


class UnitError(ValueError):
    """Incompatible dimensions or an invalid unit expression (the caller adds the location)."""


def _same(a: Quantity, b: Quantity, op: str) -> None:
    if a.dims != b.dims:
        raise UnitError(f"cannot apply '{op}' to {describe(a.dims)} and {describe(b.dims)}")


def _zip(a: Dims, b: Dims, sign: int) -> Dims:
    return (a[0] + sign * b[0], a[1] + sign * b[1], a[2] + sign * b[2])


def describe(dims: Dims) -> str:
    """A readable name for a dimension, e.g. "voltage" or "time^-1 voltage"."""
    if dims in _DIM_NAMES:
        ir = _IR_UNIT[dims]
        return f"{_DIM_NAMES[dims]} ({ir})" if ir else _DIM_NAMES[dims]
    parts = [f"{name}^{e}" if e != 1 else name for name, e in zip(("time", "voltage", "current"), dims) if e]
    return " ".join(parts)


def _q(scale: Fraction | int, dims: Dims) -> Quantity:
    return Quantity(Fraction(scale), dims)


UNITS: dict[str, Quantity] = {
    "s": _q(1000, TIME), "ms": _q(1, TIME), "us": _q(Fraction(1, 1000), TIME),
    "Hz": _q(Fraction(1, 1000), RATE), "kHz": _q(1, RATE),
    "V": _q(1000, VOLTAGE), "mV": _q(1, VOLTAGE), "uV": _q(Fraction(1, 1000), VOLTAGE),
    "mA": _q(10**9, CURRENT), "uA": _q(10**6, CURRENT), "nA": _q(1000, CURRENT), "pA": _q(1, CURRENT),
    "uF": _q(10**6, CAPACITANCE), "nF": _q(1000, CAPACITANCE), "pF": _q(1, CAPACITANCE),
    "mS": _q(10**6, CONDUCTANCE), "uS": _q(1000, CONDUCTANCE), "nS": _q(1, CONDUCTANCE),
    "pS": _q(Fraction(1, 1000), CONDUCTANCE),
    "Ohm": _q(Fraction(1, 10**9), RESISTANCE), "kOhm": _q(Fraction(1, 10**6), RESISTANCE),
    "MOhm": _q(Fraction(1, 1000), RESISTANCE), "GOhm": _q(1, RESISTANCE),
}
"""The units the language knows, by name (these names are reserved words in .pnet)."""

ONE = Quantity(Fraction(1))


def ir_unit(dims: Dims) -> Quantity:
    """The IR unit of a dimension: Hz for a rate, otherwise the base units (ms, mV, pA)."""
    return UNITS["Hz"] if dims == RATE else Quantity(Fraction(1), dims)


def ir_unit_name(dims: Dims) -> str:
    """The IR unit written as .pnet text ("" for dimensionless), e.g. "mV", "Hz", "mV/ms"."""
    if dims in _IR_UNIT:
        return _IR_UNIT[dims]
    num = [f"{u}**{e}" if e != 1 else u for u, e in zip(("ms", "mV", "pA"), dims) if e > 0]
    den = [f"{u}**{-e}" if e != -1 else u for u, e in zip(("ms", "mV", "pA"), dims) if e < 0]
    text = "*".join(num) or "1"
    return text + "".join(f"/{d}" for d in den)


def to_ir(q: Quantity) -> float:
    """The magnitude of ``q`` in the IR unit system (ms, mV, pA, pF, nS, Hz)."""
    return q.in_unit(ir_unit(q.dims))


def parse_unit(text: str) -> Quantity | None:
    """A unit written as in NESTML type names ("mV", "pA", "1/ms", "ms**-1", "nS/ms", "real"),
    or None if it uses a unit this module does not know."""
    text = text.replace(" ", "")
    if text in ("", "real", "integer", "boolean", "1"):
        return ONE
    try:
        return _unit_product(text)
    except (KeyError, ValueError, UnitError):
        return None


def _unit_product(text: str) -> Quantity:
    result, sign, token = ONE, 1, ""
    parts: list[tuple[int, str]] = []
    i = 0
    while i < len(text):
        c = text[i]
        if c in "*/" and not text.startswith("**", i):
            parts.append((sign, token))
            sign, token = (1 if c == "*" else -1), ""
        elif text.startswith("**", i):
            token += "**"
            i += 1
        else:
            token += c
        i += 1
    parts.append((sign, token))
    for sign, token in parts:
        token = token.strip("()")
        base, _, exp = token.partition("**")
        q = ONE if base == "1" else UNITS[base]
        q = q ** Quantity(Fraction(int(exp))) if exp else q
        result = result * q if sign > 0 else result / q
    return result


def is_finite(value: Number) -> bool:
    return isinstance(value, Fraction) or math.isfinite(value)
