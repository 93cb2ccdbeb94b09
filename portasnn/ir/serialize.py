"""Canonical JSON of IR nodes (models and networks) and their content hash."""
from __future__ import annotations

import dataclasses
import hashlib
import json
from typing import Any

import sympy

from portasnn.errors import Span

FORMAT = "portasnn-ir/1"


def to_data(node: Any, *, spans: bool = True) -> Any:
    """Plain JSON-able data: dataclasses become objects with a ``node`` kind, sympy becomes text."""
    if dataclasses.is_dataclass(node) and not isinstance(node, type):
        if isinstance(node, Span):
            return str(node) if spans else None
        out: dict[str, Any] = {"node": type(node).__name__}
        for f in dataclasses.fields(node):
            if not spans and (f.name == "span" or f.name == "source"):
                continue
            if f.metadata.get("omit_if_default") and getattr(node, f.name) == f.default:
                continue  # a field added later: absent while at its default, so hashes stay the same
            out[f.name] = to_data(getattr(node, f.name), spans=spans)
        return out
    if isinstance(node, sympy.Basic):
        return sympy.sstr(node, full_prec=True)
    if isinstance(node, (list, tuple)):
        return [to_data(x, spans=spans) for x in node]
    if isinstance(node, dict):
        return {str(k): to_data(v, spans=spans) for k, v in node.items()}
    if node is None or isinstance(node, (str, int, float, bool)):
        return node
    return str(node)


def canonical_json(node: Any, *, spans: bool = True, indent: int | None = None) -> str:
    """Deterministic JSON text (sorted keys)."""
    return json.dumps({"format": FORMAT, "ir": to_data(node, spans=spans)}, sort_keys=True, indent=indent,
                      separators=(",", ": ") if indent else (",", ":"))


def ir_hash(node: Any) -> str:
    """sha256 of the canonical JSON without source locations: the identity of what the IR means."""
    return hashlib.sha256(canonical_json(node, spans=False).encode()).hexdigest()


def content_json(node: Any) -> str:
    """Canonical JSON without source locations and without where data files are (their content hashes stay):
    what a network means wherever its files were written."""
    def strip(data: Any) -> Any:
        if isinstance(data, dict):
            return {k: strip(v) for k, v in data.items()
                    if not (data.get("node") in ("ArrayFile", "ConnectionFile") and k == "path")}
        return [strip(x) for x in data] if isinstance(data, list) else data
    return json.dumps(strip(to_data(node, spans=False)), sort_keys=True)
