"""``portasnn.build``: NESTML model(s) -> target artifact, through the build cache.

Warm path: the bytes of the source files, portasnn's version, the target and the toolchain
fingerprint name an alias of the cache entry, so an unchanged model in a new process is found
without parsing (no NESTML import, no NEST import). Cold path: parse, convert, run the passes,
hash the canonical IR, and build (or reuse) the entry named by that hash.
"""
from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from portasnn import __version__
from portasnn.errors import UsageError

Progress = Callable[[str], None]
TARGETS = ("nest",)


@dataclass(frozen=True)
class NestArtifact:
    """A NEST extension module built from NESTML models."""

    module_name: str
    module_path: Path
    nest_models: dict[str, str]          # NESTML model name -> NEST model name
    cached: bool
    seconds: float
    ir_hash: str
    sources: tuple[str, ...] = ()
    target: str = "nest"
    _module: object = field(default=None, repr=False, compare=False)

    def install(self) -> None:
        """Load the module into the running NEST; safe to repeat, also after ``nest.ResetKernel()``."""
        from portasnn.targets.nest.compile import install_module

        install_module(self.module_path, self.module_name, list(self.nest_models.values()))

    def to_json(self) -> dict:
        return {"target": self.target, "module_name": self.module_name, "module_path": str(self.module_path),
                "models": self.nest_models, "cached": self.cached, "seconds": round(self.seconds, 3),
                "ir_hash": self.ir_hash, "sources": list(self.sources)}

    def _repr_markdown_(self) -> str:
        rows = "\n".join(f"| {k} | `{v}` |" for k, v in self.nest_models.items())
        how = "from the cache" if self.cached else "compiled"
        return (f"**NEST module** `{self.module_name}` ({how}, {self.seconds:.2f} s)\n\n"
                f"| NESTML model | NEST model |\n|---|---|\n{rows}\n")


def _files(paths: str | Path | Sequence[str | Path]) -> list[Path]:
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    files: list[Path] = []
    for item in items:
        p = Path(item)
        if p.is_dir():
            found = sorted(p.glob("*.nestml"))
            if not found:
                raise UsageError(f"{p}: the directory contains no .nestml file", code="E010")
            files += found
        elif p.is_file():
            files.append(p)
        else:
            raise UsageError(f"{p}: no such file or directory", code="E011",
                             hint="give a .nestml file or a directory of them")
    return files


def generator_hash() -> str:
    """sha256 of the NEST code generator (its Python modules and templates, and the passes): part of every
    cache key, so a change to the generator never reuses modules it generated before."""
    root = Path(__file__).resolve().parent.parent / "targets" / "nest"
    try:
        import portasnn.targets.nest as package

        root = Path(package.__file__).parent
    except ImportError:
        pass
    passes = Path(__file__).resolve().parent / "passes"  # they make the IR the generator lowers
    h = hashlib.sha256()
    for f in [root / "lower.py", root / "cxx.py", *sorted((root / "templates").glob("model.*.j2")),
              *sorted(passes.glob("*.py"))]:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def _alias_key(files: list[Path], target: str, fingerprint: dict) -> str:
    h = hashlib.sha256()
    h.update(f"{__version__}|{target}|{sorted(fingerprint.items())}|{generator_hash()}".encode())
    for f in files:
        h.update(str(f.name).encode())
        h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def load_ir(paths: str | Path | Sequence[str | Path]):
    """Parse NESTML file(s) and run the pass pipeline: the solved model IRs."""
    from portasnn.frontend.nestml import load_models
    from portasnn.passes import run_pipeline

    return [run_pipeline(m) for m in load_models(_files(paths))]


def build(paths: str | Path | Sequence[str | Path], target: str = "nest", *,
          progress: Progress | None = None) -> NestArtifact:
    """Build the NESTML model(s) in ``paths`` (files or directories) for ``target``; cached."""
    if target not in TARGETS:
        raise UsageError(f"unknown target '{target}' for building models", code="E012",
                         hint=f"choose one of: {', '.join(TARGETS)} (spinnaker targets: portasnn build --target)")
    started = time.perf_counter()
    say = progress or (lambda _m: None)
    files = _files(paths)
    from portasnn.cache import BuildCache
    from portasnn.targets.nest.compile import BuiltModule
    from portasnn.targets.nest.toolchain import detect

    toolchain = detect()
    cache = BuildCache()
    alias = _alias_key(files, target, toolchain.fingerprint())
    key = cache.alias(alias)
    entry = cache.lookup(key) if key else None
    if entry is not None:
        return _artifact(BuiltModule.from_entry(entry), True, started, files)

    say("parsing and analysing " + ", ".join(f.name for f in files))
    models = load_ir(files)
    built = build_models(models, toolchain=toolchain, cache=cache, progress=say)
    cache.set_alias(alias, built.entry.key)
    return _artifact(built, built.entry.hit, started, files)


def build_models(models, *, toolchain=None, cache=None, progress: Progress | None = None):
    """Build solved model IRs into one NEST module (cached by the canonical IR)."""
    from portasnn.ir.serialize import canonical_json, ir_hash
    from portasnn.targets.nest.compile import build_cached_module
    from portasnn.targets.nest.lower import lower_model

    digest = hashlib.sha256("".join(ir_hash(m) for m in models).encode()).hexdigest()

    def recipe(suffix: str):
        pairs, sources = [], {}
        for m in models:
            cls = f"{m.name}__{suffix}"
            pairs.append((cls, cls))
            sources.update(lower_model(m, cls, cls))
        return pairs, sources

    names = ", ".join(m.name for m in models)
    return build_cached_module("portasnn", {"ir": [canonical_json(m, spans=False) for m in models],
                                            "ir_hash": digest, "portasnn": __version__, "target": "nest",
                                            "generator": generator_hash()},
                               recipe, label=names, cache=cache, toolchain=toolchain, progress=progress)


def _artifact(built, cached: bool, started: float, files: list[Path]) -> NestArtifact:
    nest_models = {cls.rsplit("__", 1)[0]: nest_name for cls, nest_name in built.models}
    return NestArtifact(module_name=built.module_name, module_path=built.library, nest_models=nest_models,
                        cached=cached, seconds=time.perf_counter() - started,
                        ir_hash=built.entry.key,
                        sources=tuple(str(f) for f in files))
