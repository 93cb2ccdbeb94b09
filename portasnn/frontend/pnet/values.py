"""Values of .pnet expressions and their conversion to IR values.

An expression evaluates to a ``Quantity`` (portasnn.units), a bool, a ``DistValue`` (a random
distribution whose arguments are quantities) or a ``ListValue``. Conversion to the IR happens where
the value is used, because only the place knows the unit it needs (a parameter's declared unit, a
weight's receptor unit, ms for a delay).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Union

from portasnn.errors import NetworkError, Span
from portasnn.ir.network import Distribution, Value
from portasnn.units import (CONDUCTANCE, CURRENT, DIMENSIONLESS, VOLTAGE, Quantity, describe, ir_unit, ir_unit_name,
                            to_ir)

if TYPE_CHECKING:
    from portasnn.frontend.pnet.catalog import ModelInfo

DIST_PARAMS = {"uniform": ("low", "high"), "normal": ("mu", "sigma"), "lognormal": ("mu", "sigma")}


def error(code: str, message: str, span: Span | None, hint: str = "") -> NetworkError:
    return NetworkError(message, span=span, code=code, hint=hint)


@dataclass(frozen=True, slots=True)
class DistValue:
    kind: str
    args: dict[str, Quantity]
    low: Quantity | None = None
    high: Quantity | None = None
    span: Span | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class ListValue:
    items: tuple[Quantity, ...]


@dataclass(frozen=True, slots=True)
class FileValue:
    """``file("tau.npy", ms)`` / ``file("params.npz", "V_th", mV)``: per-neuron values in an array file."""

    path: Path
    key: str | None
    unit: Quantity
    unit_text: str
    span: Span | None = field(default=None, compare=False)


EvalValue = Union[Quantity, bool, DistValue, ListValue, FileValue]

WEIGHT_DIMS = (VOLTAGE, CURRENT, CONDUCTANCE, DIMENSIONLESS)


def kind_of(value: EvalValue) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, DistValue):
        return f"a {value.kind} distribution"
    if isinstance(value, ListValue):
        return "a list"
    if isinstance(value, FileValue):
        return "per-neuron values from a file"
    return describe(value.dims) + " quantity" if not value.dimensionless else "a number"


def quantity(value: EvalValue, what: str, span: Span | None) -> Quantity:
    if not isinstance(value, Quantity):
        raise error("E216", f"{what} must be a number or quantity, not {kind_of(value)}", span)
    return value


def convert(q: Quantity, unit: Quantity | None, what: str, span: Span | None,
            allowed: tuple = ()) -> float:
    """``q`` in ``unit`` (or in the IR unit of its dimension when ``unit`` is None), as a float.

    ``allowed``: dimensions accepted when ``unit`` is None (empty: any)."""
    if unit is None:
        if allowed and q.dims not in allowed:
            raise error("E204", f"{what} has the wrong unit: got {describe(q.dims)}, expected one of "
                        + ", ".join(describe(d) for d in allowed), span)
        return to_ir(q)
    if unit.dims != q.dims:
        raise error("E204", f"{what} has the wrong unit: expected {describe(unit.dims)}, got {describe(q.dims)}",
                    span, hint=_hint(unit))
    return q.in_unit(unit)


def _hint(unit: Quantity) -> str:
    if unit.dims == DIMENSIONLESS:
        return "write a plain number here, without a unit"
    return f"write a value of {describe(unit.dims)}"


def to_value(value: EvalValue, unit: Quantity | None, what: str, span: Span | None, allowed: tuple = ()) -> Value:
    """An IR ``Value`` (float, bool or Distribution) for a parameter, weight or delay."""
    if isinstance(value, bool):
        return value
    if isinstance(value, DistValue):
        return to_distribution(value, unit, what, span, allowed)
    return convert(quantity(value, what, span), unit, what, span, allowed)


def to_weight(value: EvalValue, info: "ModelInfo | None", receptor: str | None, model: str, what: str,
              span: Span | None) -> Value:
    """A weight in the unit its receptor takes (``ModelInfo.weight_rule``): a unit of the wrong dimension, or any
    unit where the model gives its weights none, is an error naming what the model expects."""
    unit, reason = info.weight_rule(receptor) if info is not None else (None, "")
    if reason:
        if isinstance(value, (bool, ListValue)):
            return to_value(value, None, what, span)
        first = value.args[DIST_PARAMS[value.kind][0]] if isinstance(value, DistValue) else value
        if not first.dimensionless:
            raise error("E204", f"{what} has a unit ({describe(first.dims)}), but model {model} gives its weights "
                        f"none: {reason}", span,
                        hint="give the weight as a plain number, the factor the model multiplies it with")
        return to_value(value, ir_unit(DIMENSIONLESS), what, span)
    try:
        return to_value(value, unit, what, span, allowed=WEIGHT_DIMS)
    except NetworkError as exc:
        if unit is None or exc.code != "E204":
            raise
        takes = f"weights of {describe(unit.dims)}" if not unit.dimensionless else "plain numbers as weights"
        where = "" if receptor in (None, "excitatory", "inhibitory") else f" at port '{receptor}'"
        raise error("E204", exc.message, exc.span,
                    hint=f"model {model} takes {takes}{where}; write e.g. 1 {ir_unit_name(unit.dims)}"
                    if not unit.dimensionless else f"model {model} takes {takes}{where}; remove the unit") from None


def to_distribution(d: DistValue, unit: Quantity | None, what: str, span: Span | None,
                    allowed: tuple = ()) -> Distribution:
    where = d.span or span
    if d.kind == "lognormal":
        params = tuple((k, convert(d.args[k], ir_unit(DIMENSIONLESS), f"lognormal {k}", where))
                       for k in ("mu", "sigma"))
        # the draw exp(N(mu, sigma)) is a number in the unit of the place it is used
        if unit is None and d.low is not None:
            unit = ir_unit(d.low.dims)
    else:
        if unit is None:
            first = d.args[DIST_PARAMS[d.kind][0]]
            if allowed and first.dims not in allowed:
                convert(first, None, f"{what} ({d.kind} {DIST_PARAMS[d.kind][0]})", where, allowed)
            unit = ir_unit(first.dims)
        params = tuple((k, convert(d.args[k], unit, f"{d.kind} {k} of {what}", where)) for k in DIST_PARAMS[d.kind])
    bounds = [None if b is None else convert(b, unit, f"bound of {what}", where) for b in (d.low, d.high)]
    if d.kind == "uniform" and params[0][1] > params[1][1]:
        raise error("E212", f"uniform distribution of {what}: low {params[0][1]!r} is above high {params[1][1]!r}",
                    where)
    if d.kind != "uniform" and params[1][1] < 0:
        raise error("E212", f"{d.kind} distribution of {what}: sigma must not be negative", where)
    if bounds[0] is not None and bounds[1] is not None and bounds[0] >= bounds[1]:
        raise error("E212", f"distribution of {what}: low bound must be below high bound", where)
    return Distribution(kind=d.kind, params=params, low=bounds[0], high=bounds[1], span=where)  # type: ignore[arg-type]


def to_count(value: EvalValue, what: str, span: Span | None, minimum: int = 1) -> int:
    q = quantity(value, what, span)
    if not q.dimensionless:
        raise error("E208", f"{what} must be a count (a plain whole number), not {describe(q.dims)}", span,
                    hint="remove the unit")
    v = q.value
    if not (isinstance(v, Fraction) and v.denominator == 1) and not (isinstance(v, float) and v.is_integer()):
        raise error("E208", f"{what} must be a whole number, got {float(v)!r}", span,
                    hint="round it with round(...), floor(...) or ceil(...)")
    n = int(v)
    if n < minimum:
        raise error("E208", f"{what} must be at least {minimum}, got {n}", span)
    return n


def to_float(value: EvalValue, unit: Quantity | None, what: str, span: Span | None) -> float:
    return convert(quantity(value, what, span), unit, what, span)


def to_floats(value: EvalValue, unit: Quantity, what: str, span: Span | None) -> tuple[float, ...]:
    if not isinstance(value, ListValue):
        raise error("E216", f"{what} must be a list like [1 ms, 2 ms], not {kind_of(value)}", span)
    return tuple(convert(q, unit, f"{what} item", span) for q in value.items)


def to_bool(value: EvalValue, what: str, span: Span | None) -> bool:
    if not isinstance(value, bool):
        raise error("E216", f"{what} must be true or false, not {kind_of(value)}", span)
    return value
