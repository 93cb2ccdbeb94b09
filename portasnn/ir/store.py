"""Exact JSON of IR nodes, read back: what the program cache stores.

The form is the canonical JSON's (``serialize.to_data``: a dataclass is an object with its ``node`` kind
and its fields), with two differences that make it exact: a span keeps all its fields, and a sympy
expression is a tree of lists ``[class name, *args]`` whose leaves are exact: a Float's binary mantissa,
exponent and precision, a symbol's name (whatever it is: ``I``, ``E`` and ``beta`` stay symbols).
``load`` rebuilds the nodes without ``eval``: only sympy expression classes and singletons are called,
so a damaged cache file can be wrong (its sha256 then says so) but never runs code.
"""
from __future__ import annotations

import dataclasses
import functools
from typing import Any

import sympy

from portasnn.errors import Span


class NotStorable(Exception):
    """The value has no exact stored form (the caller does not cache it)."""


@functools.lru_cache(maxsize=1)
def _classes() -> dict[str, type]:
    from portasnn.ir import model, network, synapse

    found: dict[str, type] = {"Span": Span}
    for module in (model, network, synapse):
        for name, obj in vars(module).items():
            if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == module.__name__:
                found[name] = obj
    return found


def dump(node: Any) -> Any:
    """Exact plain data of ``node`` (IR dataclasses, sympy, tuples, numbers, strings, None)."""
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        kind = type(node).__name__
        if _classes().get(kind) is not type(node):
            raise NotStorable(f"{type(node).__module__}.{kind} is not an IR node")
        out: dict[str, Any] = {"node": kind}
        for f in dataclasses.fields(node):
            if f.init:
                out[f.name] = dump(getattr(node, f.name))
        return out
    if isinstance(node, sympy.Basic):
        return {"sympy": expr_data(node)}
    if isinstance(node, (list, tuple)):
        return [dump(x) for x in node]
    if node is None or isinstance(node, (str, int, float, bool)):
        return node
    raise NotStorable(f"a value of type {type(node).__name__} has no stored form")


def load(data: Any) -> Any:
    """The nodes ``dump`` made ``data`` from (lists become tuples, as in the IR). ValueError if malformed.

    Expressions are rebuilt without sympy's automatic evaluation: their arguments are stored in the order
    and form evaluation gave them, so the rebuilt tree is the stored one (and building it is cheaper)."""
    from sympy.core.parameters import evaluate

    with evaluate(False):
        return _load(data)


def _load(data: Any) -> Any:
    if isinstance(data, dict):
        if set(data) == {"sympy"}:
            return expr(data["sympy"])
        cls = _classes().get(data.get("node", ""))
        if cls is None:
            raise ValueError(f"unknown IR node {data.get('node')!r}")
        return cls(**{k: _load(v) for k, v in data.items() if k != "node"})
    if isinstance(data, list):
        return tuple(_load(x) for x in data)
    if data is None or isinstance(data, (str, int, float, bool)):
        return data
    raise ValueError(f"unexpected {type(data).__name__} in stored IR")


def expr_data(e: sympy.Basic) -> list:
    """An expression as nested lists: ``[class, *args]``; atoms carry their exact value."""
    if isinstance(e, sympy.Symbol):
        if type(e) is not sympy.Symbol or sympy.Symbol(e.name) != e:
            raise NotStorable(f"symbol {e} has assumptions or a special class")
        return ["Symbol", e.name]
    if isinstance(e, sympy.Integer):
        return ["Integer", int(e)]
    if isinstance(e, sympy.Rational):
        return ["Rational", int(e.p), int(e.q)]
    if isinstance(e, sympy.Float):
        sign, man, exp, bc = e._mpf_
        return ["Float", sign, str(man), exp, bc, e._prec]
    if e.is_Atom:
        name = type(e).__name__
        if getattr(sympy.S, name, None) is not e:
            raise NotStorable(f"atom {e!r} of type {name} has no stored form")
        return ["S", name]
    if isinstance(type(e), sympy.core.function.UndefinedFunction):
        return ["Function", type(e).__name__, *(expr_data(a) for a in e.args)]
    name = type(e).__name__
    if _callable(name) is not type(e):
        raise NotStorable(f"expression class {name} has no stored form")
    return [name, *(expr_data(a) for a in e.args)]


def expr(data: Any) -> sympy.Basic:
    """The expression ``expr_data`` made ``data`` from; only sympy classes are called (no ``eval``)."""
    if not isinstance(data, list) or not data or not isinstance(data[0], str):
        raise ValueError(f"not a stored expression: {str(data)[:80]}")
    kind, args = data[0], data[1:]
    if kind == "Symbol" and len(args) == 1 and isinstance(args[0], str):
        return sympy.Symbol(args[0])
    if kind == "Integer" and len(args) == 1 and type(args[0]) is int:
        return sympy.Integer(args[0])
    if kind == "Rational" and len(args) == 2 and all(type(a) is int for a in args):
        return sympy.Rational(*args)
    if kind == "Float" and len(args) == 5 and type(args[0]) is int and isinstance(args[1], str) \
            and all(type(a) is int for a in args[2:]):
        sign, man, exp, bc, prec = args[0], int(args[1]), *args[2:]
        if (man, exp, bc) == (0, 0, 0):  # zero: Float._new would give the Integer 0
            return sympy.Float(0, precision=prec)
        return sympy.Float._new((sign, man, exp, bc), prec)
    if kind == "S" and len(args) == 1 and isinstance(args[0], str):
        obj = getattr(sympy.S, args[0], None)
        if not isinstance(obj, sympy.Basic) or not obj.is_Atom:
            raise ValueError(f"{args[0]!r} is not a sympy singleton")
        return obj
    if kind == "Function" and args and isinstance(args[0], str):
        return sympy.Function(args[0])(*(expr(a) for a in args[1:]))
    return _callable(kind)(*(expr(a) for a in args))


def _callable(name: str) -> type:
    obj = getattr(sympy, name, None)
    if obj is None and name == "ExprCondPair":
        from sympy.functions.elementary.piecewise import ExprCondPair as obj  # noqa: N813
    if isinstance(obj, type) and issubclass(obj, sympy.Basic) and not issubclass(obj, sympy.Atom):
        return obj
    raise ValueError(f"{name!r} is not a sympy expression class")
