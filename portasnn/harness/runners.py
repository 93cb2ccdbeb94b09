"""What the harness runs on: a target string -> a results directory, through ``portasnn.run``.

Target strings: the names of ``portasnn.targets``' registry that run here (``nest``, ``spinnaker-host``),
``spinnaker-host:float`` (also written ``spinnaker-host --arith float`` or ``spinnaker-host-float``), and
``nest-builtin:<model>`` (every NESTML model of the network replaced by the NEST built-in ``<model>``, run
on NEST).
"""
from __future__ import annotations

import dataclasses
import functools
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from portasnn.errors import UsageError
from portasnn.ir.network import ModelRef, Network

Subject = Network | Path


@dataclass(frozen=True, slots=True)
class Target:
    kind: str  # "nest" | "nest-builtin" | "spinnaker-host" | "spinnaker-host-float"
    arg: str | None = None

    @property
    def label(self) -> str:
        if self.kind == "nest-builtin":
            return f"nest-builtin:{self.arg}"
        return "spinnaker-host:float" if self.kind == "spinnaker-host-float" else self.kind


def parse_target(text: str) -> Target:
    """Parse a target string (see the module docstring); UsageError for anything else."""
    t = " ".join(text.split())
    if t == "nest":
        return Target("nest")
    if m := re.fullmatch(r"nest-builtin:([A-Za-z_][A-Za-z0-9_]*)", t):
        return Target("nest-builtin", m.group(1))
    if t == "spinnaker-host":
        return Target("spinnaker-host")
    if t in ("spinnaker-host:float", "spinnaker-host --arith float", "spinnaker-host --arith=float",
             "spinnaker-host-float"):
        return Target("spinnaker-host-float")
    raise UsageError(f"unknown target '{text}'", hint="targets: nest, nest-builtin:<model>, spinnaker-host, "
                     "spinnaker-host:float", code="E740")


@functools.lru_cache(maxsize=8)
def _program(net: Network):  # noqa: ANN202
    """A network's program, loaded once however many seeds and targets compare it."""
    from portasnn.program import load_program

    return load_program(net)


def _call(subject: Subject, outdir: Path, options: dict[str, Any], target: str) -> Path:
    from portasnn.run import run

    if isinstance(subject, Network) and not options.get("overrides"):
        subject = _program(subject)
    if (outdir / "meta.json").is_file():  # a previous comparison's run in this output directory
        shutil.rmtree(outdir)
    return Path(run(subject, target=target, outdir=outdir, overrides=options.get("overrides") or None,
                    seed=options.get("seed"), progress=False, options=options.get("numerics")))


def _nest_builtin(subject: Subject, model: str) -> Network:
    label = f"nest-builtin:{model}"
    if not isinstance(subject, Network):
        raise UsageError(f"target {label} cannot run: it replaces the models of a network built in Python or of a "
                         "model's scenarios, not of a .pnet file", hint="write the built-in model in the .pnet "
                         "file and compare result directories", code="E742")
    models = tuple(ModelRef(key=m.key, kind="nest", name=model, span=m.span) if m.kind == "nestml" else m
                   for m in subject.models)
    return dataclasses.replace(subject, models=models)


def run_target(target: Target, subject: Subject, outdir: Path, *, seed: int | None,
               overrides: dict[str, Any] | None = None, numerics: Any = None) -> Path:
    """Run ``subject`` on ``target`` into ``outdir``; UsageError if the target cannot run.
    ``numerics``: ``portasnn.targets.Options`` for every target (the float variant keeps its arithmetic)."""
    options = {"seed": seed, "overrides": overrides, "numerics": numerics}
    if target.kind == "nest-builtin":
        return _call(_nest_builtin(subject, target.arg or ""), outdir, options, "nest")
    return _call(subject, outdir, options, "spinnaker-host:float" if target.kind == "spinnaker-host-float"
                 else target.kind)
