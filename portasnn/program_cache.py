"""The program cache: a loaded :class:`~portasnn.program.Program` kept by the content of everything it was
made from, so that a second ``load_program`` of unchanged files (in any process) parses nothing.

Two steps, as a compiler cache's manifest: the *request* (the source paths as given, resolved; the
overrides; ``PORTASNN_SILENCE``; the hash of portasnn's frontend, passes and IR code; the versions of
nestml, ODE-toolbox, sympy and the ANTLR runtime) names an alias of the last entry made for it. That
entry lists the input files the frontend read (the ``.pnet``, its includes, every NESTML file, zoo
files too) with their sha256; its key is the hash of the request and those contents. A lookup hashes
the listed files as they are now: the entry is used only if that gives its key again, so changing any
byte of any input misses.

An entry (in ``portasnn.cache.BuildCache``, label ``program ...``) holds ``program.json``, the exact IR
form of ``portasnn.ir.store``, and the warnings the load gave (shown again on a hit). Before an entry is
written, its JSON is read back and must give the same program (the same exact form and canonical hashes);
a program that does not round-trip is not cached. An entry whose ``program.json`` does not match the
sha256 in its ``meta.json`` or cannot be read is removed and built again, never trusted.
``PORTASNN_PROGRAM_CACHE=0`` switches the cache off (benchmarks compare both).
"""
from __future__ import annotations

import hashlib
import json
import os
import warnings
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from portasnn.cache import BuildCache, cache_key, short_key

if TYPE_CHECKING:
    from portasnn.program import Program

FORMAT = "portasnn-program/2"
PAYLOAD = "program.json"
Progress = Callable[[str], None]
_CODE = ("frontend", "passes", "ir")
_CODE_FILES = ("program.py", "program_cache.py", "units.py", "errors.py", "codes.py")
_TOOLS = ("nestml", "odetoolbox", "sympy", "antlr4-python3-runtime")


def code_hash() -> str:
    """sha256 of portasnn's code that makes a program (frontend, passes, IR, units, errors)."""
    root = Path(__file__).resolve().parent
    files = [root / name for name in _CODE_FILES]
    for sub in _CODE:
        files += sorted((root / sub).rglob("*.py"))
    h = hashlib.sha256()
    for f in files:
        h.update(str(f.relative_to(root)).encode() + b"\0")
        h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def tool_versions() -> dict[str, str]:
    import importlib.metadata

    out = {}
    for name in _TOOLS:
        try:
            out[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            out[name] = ""
    return out


def request_key(paths: Sequence[Path], overrides: Mapping[str, str] | None) -> str:
    """The key of a request: what was asked for and with which code, not yet the files' contents."""
    from portasnn import __version__

    return cache_key({"format": FORMAT, "portasnn": __version__, "code": code_hash(), "tools": tool_versions(),
                      "sources": [_source(p) for p in paths],
                      "overrides": sorted((overrides or {}).items()),
                      "silence": os.environ.get("PORTASNN_SILENCE", "")})


def _source(path: Path) -> object:
    """A source as requested: ``nestml:NAME`` as written, a file by its path, a directory with its listing."""
    if str(path).startswith("nestml:"):
        return str(path)
    if path.is_dir():
        return [str(path.resolve()), sorted(p.name for p in path.glob("*.nestml"))]
    return str(path.resolve())


def content_key(request: str, deps: Sequence[str]) -> str | None:
    """The key of the request with the current contents of ``deps`` (None if one cannot be read)."""
    digests = {}
    for path in sorted(set(deps)):
        try:
            digests[path] = hashlib.sha256(Path(path).read_bytes()).hexdigest()
        except OSError:
            return None
    return cache_key({"request": request, "files": digests})


def load_cached(paths: Sequence[Path], overrides: Mapping[str, str] | None, load: Callable[[], Program],
                progress: Progress | None = None, cache: BuildCache | None = None) -> Program:
    """``load()``'s program, from the cache when no input changed (see the module docstring)."""
    from portasnn.frontend import reads

    say = progress or (lambda _m: None)
    if os.environ.get("PORTASNN_PROGRAM_CACHE", "1").strip().lower() in ("0", "no", "off", "false"):
        return load()
    cache = cache or BuildCache()
    request = request_key(paths, overrides)
    try:
        found = _lookup(cache, request, say)
    except OSError:
        found = None
    if found is not None:
        return found
    with reads.recording() as read, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        program = load()
    shown = _replay(caught)
    key = content_key(request, read)
    if key is None:
        return program
    try:
        _store(cache, request, key, program, sorted(set(read)), shown, say)
    except OSError as exc:  # a cache that cannot be written costs the speed-up, never the load
        say(f"program not cached: {exc}")
    return program


def _lookup(cache: BuildCache, request: str, say: Progress) -> Program | None:
    key = cache.alias(request)
    entry = cache.lookup(key) if key else None
    if entry is None:
        return None
    result = entry.meta.get("result", {})
    if content_key(request, result.get("deps", [])) != key:
        return None  # an input changed: the entry stays for whoever still has those contents
    try:
        raw = (entry.path / PAYLOAD).read_bytes()
        if hashlib.sha256(raw).hexdigest() != result.get("sha256"):
            raise ValueError("program.json does not match its recorded sha256")
        program = _program_from(json.loads(raw))
    except (OSError, ValueError, TypeError, KeyError) as exc:
        say(f"program cache entry {short_key(key)} is damaged ({exc}); loading again")
        cache.remove(key)
        return None
    say(f"program from the cache ({short_key(key)})")
    for message, code, span in result.get("warnings", []):
        _warn_again(message, code, span)
    return program


def _store(cache: BuildCache, request: str, key: str, program: Program, deps: list[str],
           shown: list[tuple[str, str, dict | None]], say: Progress) -> None:
    from portasnn.ir import store

    try:
        data = _program_data(program)
        text = json.dumps(data, sort_keys=True, separators=(",", ":"))
        again = _program_from(json.loads(text))
        if _program_data(again) != data or _hashes(again) != _hashes(program):
            return  # does not round-trip exactly: not cached
    except (store.NotStorable, ValueError, TypeError):
        return

    def build(tmp: Path) -> dict:
        (tmp / PAYLOAD).write_text(text)
        return {"deps": deps, "sha256": hashlib.sha256(text.encode()).hexdigest(), "warnings": shown}

    entry = cache.get_or_build(key, build, label=f"program {program.name}", inputs={"request": request},
                               progress=say)
    cache.set_alias(request, entry.key)
    say(f"program cached ({short_key(key)})")


def _program_data(program: Program) -> dict:
    from portasnn.ir import store

    return {"format": FORMAT, "name": program.name, "network": store.dump(program.network),
            "models": [[k, store.dump(m)] for k, m in program.models], "sources": list(program.sources),
            "synapses": [[k, store.dump(s)] for k, s in program.synapses]}


def _program_from(data: dict) -> Program:
    from portasnn.ir import store
    from portasnn.ir.model import Model
    from portasnn.ir.network import Network
    from portasnn.ir.synapse import SynapseModel
    from portasnn.program import Program

    if data.get("format") != FORMAT:
        raise ValueError(f"format {data.get('format')!r}, not {FORMAT}")
    network = store.load(data["network"])
    models = tuple((str(k), store.load(m)) for k, m in data["models"])
    synapses = tuple((str(k), store.load(s)) for k, s in data["synapses"])
    if network is not None and not isinstance(network, Network) or not all(isinstance(m, Model) for _, m in models) \
            or not all(isinstance(s, SynapseModel) for _, s in synapses):
        raise ValueError("program.json does not hold a network and models")
    return Program(name=str(data["name"]), network=network, models=models,
                   sources=tuple(str(s) for s in data["sources"]), synapses=synapses)


def _hashes(program: Program) -> list[str]:
    from portasnn.ir.serialize import canonical_json

    parts = [program.network, *(m for _, m in program.models), *(s for _, s in program.synapses)]
    return [hashlib.sha256(canonical_json(p).encode()).hexdigest() for p in parts]


def _replay(caught: list[warnings.WarningMessage]) -> list[tuple[str, str, dict | None]]:
    """Show the warnings the load gave again (as they were); return portasnn's, for the entry."""
    from portasnn.errors import PortasnnWarning
    from portasnn.ir import store

    kept = []
    for w in caught:
        warnings.warn_explicit(w.message, w.category, w.filename, w.lineno, source=w.source)
        if isinstance(w.message, PortasnnWarning):
            span = w.message.span
            kept.append((str(w.message), w.message.code, store.dump(span) if span is not None else None))
    return kept


def _warn_again(text: str, code: str, span: dict | None) -> None:
    """Show a stored warning again: the same text, code and span."""
    from portasnn.errors import PortasnnWarning
    from portasnn.ir import store

    again = PortasnnWarning("", code=code, span=store.load(span) if span else None)
    again.args = (text,)
    warnings.warn(again, stacklevel=3)
