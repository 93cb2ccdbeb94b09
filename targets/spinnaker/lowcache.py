"""The spinnaker lowering of a model, kept in the build cache by content (the lowering is sympy work that
every warm ``run``/``build`` of the spinnaker targets would otherwise repeat).

Key: the model's exact IR (``portasnn.ir.store``, spans included: warnings point at them), the lowering
options, the sha256 of the code that lowers (``targets/spinnaker/*.py``, ``portasnn/ir``, units, errors)
and the sympy version. The entry holds ``lowered.json``: the ``Lowered`` dataclasses in the exact form of
``portasnn.ir.store`` (expressions as exact trees, no pickle, no eval), written only if it reads back equal,
and checked against its sha256 when read; an entry that does not check out is ignored and replaced.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
from pathlib import Path
from typing import Any, Callable

from portasnn.cache import BuildCache, cache_key
from portasnn.errors import Span
from portasnn.ir import store

PAYLOAD = "lowered.json"


@functools.lru_cache(maxsize=1)
def code_hash() -> str:
    import sympy

    here = Path(__file__).resolve().parent
    core = here.parent.parent / "portasnn"
    files = [*sorted(here.glob("*.py")), *sorted((core / "ir").glob("*.py")), core / "units.py", core / "errors.py"]
    h = hashlib.sha256(sympy.__version__.encode())
    for f in files:
        h.update(f.name.encode() + b"\0" + hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def _classes() -> dict[str, type]:
    from . import lower

    found = {"Span": Span}
    for name, obj in vars(lower).items():
        if isinstance(obj, type) and dataclasses.is_dataclass(obj) and obj.__module__ == lower.__name__:
            found[name] = obj
    return found


def dump(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        kind = type(value).__name__
        if _classes().get(kind) is not type(value):
            return store.dump(value)  # an IR node
        return {"node": kind, **{f.name: dump(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}}
    if isinstance(value, (list, tuple)):
        return {"list" if isinstance(value, list) else "tuple": [dump(v) for v in value]}
    return store.dump(value)


def load(data: Any) -> Any:
    if isinstance(data, dict) and set(data) == {"list"}:
        return [load(v) for v in data["list"]]
    if isinstance(data, dict) and set(data) == {"tuple"}:
        return tuple(load(v) for v in data["tuple"])
    if isinstance(data, dict) and data.get("node") in _classes():
        cls = _classes()[data["node"]]
        return cls(**{k: load(v) for k, v in data.items() if k != "node"})
    return store.load(data)


def cached_lower(model, options, lower: Callable, cache: BuildCache | None = None):  # noqa: ANN001, ANN201
    """``lower(model, options)``, from the build cache when this model was lowered so before."""
    try:
        model_text = json.dumps(store.dump(model), sort_keys=True, separators=(",", ":"))
    except store.NotStorable:
        return lower(model, options)
    cache = cache or BuildCache()
    key = cache_key({"kind": "spinnaker-lowering", "code": code_hash(), "options": dataclasses.asdict(options),
                     "model": hashlib.sha256(model_text.encode()).hexdigest()})
    entry = cache.lookup(key)
    if entry is not None:
        try:
            raw = (entry.path / PAYLOAD).read_bytes()
            if hashlib.sha256(raw).hexdigest() == entry.meta.get("result", {}).get("sha256"):
                return load(json.loads(raw))
        except (OSError, ValueError, TypeError, KeyError):
            pass
        cache.remove(key)
    low = lower(model, options)
    try:
        text = json.dumps(dump(low), sort_keys=True, separators=(",", ":"))
        if dump(load(json.loads(text))) != json.loads(text):
            return low
    except (store.NotStorable, ValueError, TypeError):
        return low

    def build(tmp: Path) -> dict:
        (tmp / PAYLOAD).write_text(text)
        return {"sha256": hashlib.sha256(text.encode()).hexdigest()}

    cache.get_or_build(key, build, label=f"spinnaker lowering {model.name}")
    return low
