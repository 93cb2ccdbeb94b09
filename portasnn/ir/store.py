"""Exact JSON of IR nodes, read back: what the program cache stores.

The form is the canonical JSON's (``serialize.to_data``: a dataclass is an object with its ``node`` kind
and its fields), with two differences that make it exact: a span keeps all its fields, and a sympy
expression is its ``srepr`` (every Float with all its digits, every symbol by name, whatever the name).
``load`` rebuilds the nodes without ``eval``: an expression is read with Python's ``ast`` and only
sympy classes and constants are called, so a cache file can be wrong but never runs code.
"""
from __future__ import annotations

import ast
import dataclasses
import functools
from typing import Any

import sympy

from portasnn.errors import Span


class NotStorable(Exception):
    """The value has no exact stored form (the caller does not cache it)."""


@functools.lru_cache(maxsize=1)
def _classes() -> dict[str, type]:
    from portasnn.ir import model, network

    found: dict[str, type] = {"Span": Span}
    for module in (model, network):
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
        return {"sympy": sympy.srepr(node)}
    if isinstance(node, (list, tuple)):
        return [dump(x) for x in node]
    if node is None or isinstance(node, (str, int, float, bool)):
        return node
    raise NotStorable(f"a value of type {type(node).__name__} has no stored form")


def load(data: Any) -> Any:
    """The nodes ``dump`` made ``data`` from (lists become tuples, as in the IR). ValueError if malformed."""
    if isinstance(data, dict):
        if set(data) == {"sympy"}:
            return expr(data["sympy"])
        cls = _classes().get(data.get("node", ""))
        if cls is None:
            raise ValueError(f"unknown IR node {data.get('node')!r}")
        return cls(**{k: load(v) for k, v in data.items() if k != "node"})
    if isinstance(data, list):
        return tuple(load(x) for x in data)
    if data is None or isinstance(data, (str, int, float, bool)):
        return data
    raise ValueError(f"unexpected {type(data).__name__} in stored IR")


def expr(text: str) -> sympy.Basic:
    """A sympy expression from its ``srepr``; only sympy classes and singletons are called (no ``eval``)."""
    try:
        tree = ast.parse(text, mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"not an expression: {text[:80]!r}") from exc
    return _eval(tree.body)


def _sympy_name(name: str) -> Any:
    obj = getattr(sympy, name, None)
    if obj is None and name == "ExprCondPair":
        from sympy.functions.elementary.piecewise import ExprCondPair as obj  # noqa: N813
    if isinstance(obj, type) and issubclass(obj, sympy.Basic):
        return obj
    if isinstance(obj, sympy.Basic):  # singletons: pi, E, true, false, oo, nan, ...
        return obj
    raise ValueError(f"{name!r} is not a sympy class or constant")


def _eval(node: ast.AST) -> Any:
    if isinstance(node, ast.Constant) and isinstance(node.value, (str, int, float, bool, type(None))):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) \
            and isinstance(node.operand, (ast.Constant, ast.Name)):
        return -_eval(node.operand)
    if isinstance(node, (ast.Tuple, ast.List)):
        return tuple(_eval(x) for x in node.elts)
    if isinstance(node, ast.Name):
        return _sympy_name(node.id)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        func = _sympy_name(node.func.id)
        if not isinstance(func, type):
            raise ValueError(f"{node.func.id} is not callable")
        return func(*(_eval(a) for a in node.args), **{k.arg: _eval(k.value) for k in node.keywords if k.arg})
    raise ValueError(f"unexpected syntax in a stored expression: {ast.dump(node)[:80]}")
