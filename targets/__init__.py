"""Targets behind one contract, and the one registry every command, the harness, the bundler and the launcher read.

A target turns a :class:`~portasnn.program.Program` into something that runs, in three steps:

- ``lower(program, options) -> Artifact``: pure. The generated files (relative path -> text) and a
  build recipe; nothing is written, compiled or run, and the same program and options give the same
  files (bundles pack exactly these).
- ``build(artifact, cache, progress) -> Built``: compile what needs compiling (a NEST extension module,
  the spinnaker-host library, the ARM binaries where the SpiNNaker C sources are set), cached by content.
- ``run(built, outdir, progress, command) -> Path``: simulate and write the results directory
  (``portasnn.results``' format); targets that cannot run here (``spinnaker``: a board) refuse.

Adding a target is one subpackage with a ``Target`` subclass plus one line in ``REGISTRY``.
Numerics options (``Options``) are accepted by every target; a target ignores those that do not apply.
"""
from __future__ import annotations

import hashlib
import importlib
import json
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, ClassVar, Literal, Mapping

from portasnn.errors import UsageError

Progress = Callable[..., None]

# target name -> "module:class", imported on first use
REGISTRY: dict[str, str] = {
    "nest": "portasnn.targets.nest:NestTarget",
    "spinnaker": "portasnn.targets.spinnaker:SpinnakerTarget",
    "spinnaker-host": "portasnn.targets.spinnaker_host:HostTarget",
}
# other spellings of a target with options: "spinnaker-host:float" (and the older "spinnaker-host-float")
ALIASES: dict[str, tuple[str, dict[str, Any]]] = {
    "spinnaker-host:float": ("spinnaker-host", {"arith": "float"}),
    "spinnaker-host-float": ("spinnaker-host", {"arith": "float"}),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Options:
    """Numerics options, the same for every command and target.

    ``solver``/``substeps``: fixed-step method for non-linear ODEs on SpiNNaker (``None``: refuse them);
    ``arith``: spinnaker-host's arithmetic, ``fixed`` (SpiNNaker-1's s16.15) or ``float`` (double);
    ``weight_scaling``: ring-buffer weight scaling on the spinnaker targets, (population or ``*``, scaling)
    pairs over the network's own (``portasnn.weight_scaling``).
    """

    solver: str | None = None
    substeps: int = 1
    arith: Literal["fixed", "float"] = "fixed"
    weight_scaling: tuple[tuple[str, Any], ...] = ()  # (population | "*", portasnn.ir.network.WeightScaling)

    def to_json(self) -> dict:
        out: dict[str, Any] = {"solver": self.solver, "substeps": self.substeps, "arith": self.arith}
        if self.weight_scaling:  # only when set: the keys of runs without it stay the same
            from portasnn.weight_scaling import spec

            out["weight_scaling"] = {pop: spec(s) for pop, s in self.weight_scaling}
        return out


@dataclass(frozen=True, slots=True, kw_only=True)
class Artifact:
    """What ``lower`` made: files in memory and how to build them."""

    target: str
    program: Any  # portasnn.program.Program
    options: Options
    files: Mapping[str, str]
    recipe: Mapping[str, Any] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()

    def digest(self) -> str:
        """sha256 over the files and the recipe: the content address of the artifact."""
        h = hashlib.sha256(json.dumps({"target": self.target, "recipe": self.recipe}, sort_keys=True,
                                      default=str).encode())
        for rel in sorted(self.files):
            h.update(rel.encode() + b"\0" + self.files[rel].encode() + b"\0")
        return h.hexdigest()

    def write(self, outdir: Path | str) -> list[str]:
        """Write the files under ``outdir`` (for ``portasnn build -o``); returns the paths written."""
        out = Path(outdir)
        for rel, text in self.files.items():
            dest = out / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(text)
        return sorted(self.files)


@dataclass(frozen=True, slots=True, kw_only=True)
class Built:
    """What ``build`` made: the artifact and the target's outputs (e.g. a module path), and whether cached."""

    artifact: Artifact
    outputs: Mapping[str, Any] = field(default_factory=dict)
    cached: bool = False
    message: str = ""


class Target(ABC):
    """The contract (see the module docstring).

    ``parallel``: whether ``run`` takes several processes/threads (the network's ``processes``/``threads``).
    ``check_runnable`` refuses early, before any work, on a target that cannot run here; ``prepare`` adapts a
    program to this process before lowering (e.g. NEST started as one rank of an MPI job).
    """

    name: ClassVar[str] = ""
    parallel: ClassVar[bool] = False

    def check_runnable(self) -> None:
        """Raise a UsageError when this target cannot run on this machine (default: it can)."""

    def prepare(self, program: Any) -> Any:
        """The program as this process must lower it (default: unchanged)."""
        return program

    @abstractmethod
    def lower(self, program: Any, options: Options = Options()) -> Artifact:
        """The generated files of ``program``; pure."""

    @abstractmethod
    def build(self, artifact: Artifact, cache: Any = None, progress: Progress | None = None) -> Built:
        """Compile what ``artifact`` needs, cached by content."""

    @abstractmethod
    def run(self, built: Built, outdir: Path, progress: Progress | None = None,
            command: str | None = None) -> Path:
        """Simulate the program's network and write the results directory ``outdir``."""


def names() -> tuple[str, ...]:
    """The registered target names."""
    return tuple(REGISTRY)


def parse(text: str) -> tuple[str, Options]:
    """A target name, with the options an alias implies (``spinnaker-host:float`` -> arith float)."""
    t = " ".join(str(text).split())
    if t in ("spinnaker-host --arith float", "spinnaker-host --arith=float"):
        t = "spinnaker-host:float"
    if t in ALIASES:
        name, opts = ALIASES[t]
        return name, Options(**opts)
    if t in REGISTRY:
        return t, Options()
    raise UsageError(f"unknown target '{text}'", code="E012",
                     hint="targets: " + ", ".join([*REGISTRY, "spinnaker-host:float"]))


_INSTANCES: dict[str, Target] = {}


def get(name: str) -> Target:
    """The target registered as ``name`` (UsageError for an unknown name; a broken target is a bug)."""
    if name not in REGISTRY:
        parse(name)  # raises with the list of targets (aliases carry options: use parse() for them)
        raise UsageError(f"'{name}' names a target with options; use its target and options", code="E012",
                         hint="e.g. --target spinnaker-host --arith float")
    if name not in _INSTANCES:
        module_name, cls = REGISTRY[name].split(":")
        _INSTANCES[name] = getattr(importlib.import_module(module_name), cls)()
    return _INSTANCES[name]
