"""``portasnn.build``: NESTML model files -> a NEST extension module, through the build cache; and the
same for the SpiNNaker targets (``build_spinnaker``: generated files written into a directory).

Warm path: the bytes of the source files, portasnn's version, the target and the toolchain
fingerprint name an alias of the cache entry, so an unchanged model in a new process is found
without parsing (no NESTML import, no NEST import). Cold path: the frontend and the passes
(``portasnn.program``), then the NEST target's module builder, which reuses the entry named by the
canonical IR's hash when there is one.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from portasnn import __version__
from portasnn.errors import UsageError
from portasnn.program import model_files, solve

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


def frontend_hash() -> str:
    """sha256 of the NESTML frontend and the passes: a change to what they accept or produce never reuses a
    module built from a file's text before it."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for f in [*sorted((root / "frontend").glob("nestml*.py")), *sorted((root / "passes").glob("*.py"))]:
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def _alias_key(files: list[Path], target: str, fingerprint: dict) -> str:
    h = hashlib.sha256()
    h.update(f"{__version__}|{target}|{sorted(fingerprint.items())}|{_generator_hash()}|{frontend_hash()}".encode())
    for f in files:
        h.update(str(f.name).encode())
        h.update(hashlib.sha256(f.read_bytes()).digest())
    return h.hexdigest()


def build(paths: str | Path | Sequence[str | Path], target: str = "nest", *,
          progress: Progress | None = None) -> NestArtifact:
    """Build the NESTML model(s) in ``paths`` (files, directories, ``nestml:NAME``) for ``target``; cached."""
    if target not in TARGETS:
        raise UsageError(f"unknown target '{target}' for building models", code="E012",
                         hint=f"choose one of: {', '.join(TARGETS)} (spinnaker targets: portasnn build --target)")
    started = time.perf_counter()
    say = progress or (lambda _m: None)
    files = model_files([paths] if isinstance(paths, (str, Path)) else list(paths))
    from portasnn.cache import BuildCache
    from portasnn.targets.nest.compile import BuiltModule
    from portasnn.targets.nest.driver import build_models
    from portasnn.targets.nest.toolchain import detect

    toolchain = detect()
    cache = BuildCache()
    alias = _alias_key(files, target, toolchain.fingerprint())
    key = cache.alias(alias)
    entry = cache.lookup(key) if key else None
    if entry is not None:
        return _artifact(BuiltModule.from_entry(entry), True, started, files)

    say("parsing and analysing " + ", ".join(f.name for f in files))
    models = solve(files)
    built = build_models(models, toolchain=toolchain, cache=cache, progress=say)
    cache.set_alias(alias, built.entry.key)
    return _artifact(built, built.entry.hit, started, files)


def _generator_hash() -> str:
    from portasnn.targets.nest.driver import generator_hash

    return generator_hash()


def _artifact(built, cached: bool, started: float, files: list[Path]) -> NestArtifact:
    nest_models = {cls.rsplit("__", 1)[0]: nest_name for cls, nest_name, *_kind in built.models}
    return NestArtifact(module_name=built.module_name, module_path=built.library, nest_models=nest_models,
                        cached=cached, seconds=time.perf_counter() - started,
                        ir_hash=built.entry.key,
                        sources=tuple(str(f) for f in files))


@dataclass(frozen=True)
class SpinnakerArtifact:
    """What ``build_spinnaker`` wrote."""

    out_dir: Path
    models: dict[str, str]                 # NESTML model name -> Python class name
    files: tuple[str, ...]                 # relative to out_dir
    solver: str | None
    substeps: int
    binaries_built: bool
    build_message: str
    script: Path | None = None
    warnings: tuple[str, ...] = ()
    target: str = "spinnaker"
    extra: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"target": self.target, "out_dir": str(self.out_dir), "models": self.models,
                "files": list(self.files), "solver": self.solver, "substeps": self.substeps,
                "binaries_built": self.binaries_built, "build_message": self.build_message,
                "script": str(self.script) if self.script else None, "warnings": list(self.warnings), **self.extra}

    def __str__(self) -> str:
        lines = [f"{self.target}: wrote {len(self.files)} files to {self.out_dir}"]
        for name, cls in self.models.items():
            lines.append(f"  {name:<32} -> class {cls} (binary {name}.aplx)")
        for binary, what in self.extra.get("stdp_binaries", {}).items():
            lines.append(f"  {what['model']:<32} -> plastic binary {binary} (timing {what['timing']}, "
                         f"{what['weight']} weights)")
        if self.solver:
            lines.append(f"  non-linear ODEs: fixed-step {self.solver}, {self.substeps} substep(s)")
        if self.script:
            lines.append(f"  PyNN script: {self.script}")
        if "host_library" in self.extra:
            lines.append(f"  spinnaker-host library: {self.extra['host_library']}")
        if self.build_message:
            lines.append(f"  {self.build_message}")
        return "\n".join(lines)


def build_spinnaker(path, out_dir: str | Path | None = None,
                    solver: str | None = None, substeps: int = 1, *, target: str = "spinnaker",
                    overrides: dict[str, str] | None = None, make: bool = True,
                    progress: Callable[[str], None] | None = None, weight_scaling: tuple = ()) -> SpinnakerArtifact:
    """``portasnn build --target spinnaker|spinnaker-host``: load ``path`` (model files, a .pnet, a Network or
    a Program), lower, build, and write the files into ``out_dir``.

    ``out_dir`` defaults to ``build/<target>/<name>``; ``spinnaker-host`` also writes the emulator headers
    (``host/<stem>_host.h``) and compiles its library.
    """
    from portasnn.program import load_program
    from portasnn.targets import Built, Options, get
    from portasnn.targets.spinnaker import _safe
    from portasnn.targets.spinnaker.pynn_script import class_name

    say = progress or (lambda _m: None)
    if target not in ("spinnaker", "spinnaker-host"):
        raise UsageError(f"unknown SpiNNaker target '{target}'", code="E012")
    source = [path] if isinstance(path, (str, Path)) else path  # files, or a Network / Program
    program = load_program(source, overrides)
    say(f"lowered {program.name} for {target}")
    stem = Path(source[0]).stem if isinstance(source, list) and source else program.name
    out = Path(out_dir) if out_dir is not None else Path("build") / target / _safe(stem)
    tgt = get(target)
    artifact = tgt.lower(program, Options(solver=solver, substeps=substeps, weight_scaling=weight_scaling))
    built = tgt.build(artifact, progress=say) if (make or target == "spinnaker-host") else \
        Built(artifact=artifact, message="")
    files = artifact.write(out)
    if "dir" in built.outputs:  # the ARM binaries
        for p in Path(built.outputs["dir"]).rglob("*.aplx"):
            dest = out / p.relative_to(built.outputs["dir"])
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(p, dest)
    manifest = json.loads(artifact.files["manifest.json"])
    host_library = built.outputs.get("library")
    return SpinnakerArtifact(out_dir=out, models={n: class_name(n) for n in manifest["models"]}, files=tuple(files),
                             solver=manifest["solver"], substeps=manifest["substeps"],
                             binaries_built="dir" in built.outputs, build_message=built.message,
                             script=out / manifest["script"] if manifest["script"] else None,
                             warnings=artifact.warnings, target=target,
                             extra={**({"host_library": str(host_library)} if host_library else {}),
                                    **({"stdp_binaries": manifest["stdp_binaries"]}
                                       if "stdp_binaries" in manifest else {})})


def resolve_models(net):  # noqa: ANN001, ANN201
    """NEST model facts of ``net`` with its NESTML modules built (cached): for tests and benchmarks that
    render and run NEST scripts themselves."""
    from portasnn.program import load_program
    from portasnn.targets import get
    from portasnn.targets.nest.script import model_infos

    target = get("nest")
    artifact = target.lower(load_program(net))
    target.build(artifact)
    return model_infos(artifact.program, artifact.recipe)
