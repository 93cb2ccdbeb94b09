"""The spinnaker lowering of a model, kept in the build cache by content (the lowering is sympy work that
every warm ``run``/``build`` of the spinnaker targets would otherwise repeat). ``find`` only reads (targets'
``lower`` is pure); ``keep`` stores, from spinnaker-host's ``build``.

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
from typing import Any

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


def _key(model, options) -> str | None:  # noqa: ANN001
    try:
        text = json.dumps(store.dump(model), sort_keys=True, separators=(",", ":"))
    except store.NotStorable:
        return None
    return cache_key({"kind": "spinnaker-lowering", "code": code_hash(), "options": dataclasses.asdict(options),
                      "model": hashlib.sha256(text.encode()).hexdigest()})


def find(model, options, cache: BuildCache | None = None):  # noqa: ANN001, ANN201
    """The stored lowering of ``model``, or None. Reads only: ``lower`` is pure and writes nothing, not even
    the cache's last-use stamp."""
    key = _key(model, options)
    if key is None:
        return None
    path = (cache or BuildCache()).entry_path(key)
    try:
        meta = json.loads((path / "meta.json").read_text())
        raw = (path / PAYLOAD).read_bytes()
        if hashlib.sha256(raw).hexdigest() != meta.get("result", {}).get("sha256"):
            return None  # damaged: ignored here, replaced by the next ``keep``
        return load(json.loads(raw))
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None


def keep(model, options, low, cache: BuildCache | None = None) -> None:  # noqa: ANN001
    """Store ``low`` as the lowering of ``model`` (from ``build``), if it reads back exactly."""
    key = _key(model, options)
    if key is None:
        return
    cache = cache or BuildCache()
    entry = cache.lookup(key)
    if entry is not None:
        try:
            raw = (entry.path / PAYLOAD).read_bytes()
            if hashlib.sha256(raw).hexdigest() == entry.meta.get("result", {}).get("sha256"):
                return
        except OSError:
            pass
        cache.remove(key)
    try:
        text = json.dumps(dump(low), sort_keys=True, separators=(",", ":"))
        if dump(load(json.loads(text))) != json.loads(text):
            return
    except (store.NotStorable, ValueError, TypeError):
        return

    def build(tmp: Path) -> dict:
        (tmp / PAYLOAD).write_text(text)
        return {"sha256": hashlib.sha256(text.encode()).hexdigest()}

    cache.get_or_build(key, build, label=f"spinnaker lowering {model.name}")
