"""Target runners for the harness: a target string -> a function that runs a network and returns its results dir.

Target strings: ``nest``, ``nest-builtin:<model>`` (every NESTML model of the network replaced by the NEST
built-in ``<model>``, run on NEST), ``spinnaker-host``, ``spinnaker-host:float`` (also written
``spinnaker-host --arith float`` or ``spinnaker-host-float``). Runners call ``portasnn.run.run`` with the
target names of its registry ("nest", "spinnaker-host", "spinnaker-host-float"); a target missing from that
registry cannot run (UsageError).
"""
from __future__ import annotations

import dataclasses
import importlib
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from portasnn.errors import UsageError
from portasnn.ir.network import ModelRef, Network

Subject = Network | Path
Runner = Callable[[Subject, Path, dict[str, Any]], Path]


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


def _portasnn_run(label: str, target: str) -> Callable[..., Path]:
    try:
        module = importlib.import_module("portasnn.run")
    except ImportError as exc:
        raise UsageError(f"target {label} cannot run: portasnn.run is not available ({exc})",
                         hint="compare existing results directories with --results instead", code="E741") from None
    known = getattr(module, "RUNNERS", {})
    if target not in known:
        raise UsageError(f"target {label} cannot run: portasnn.run has no runner for '{target}' (it has "
                         f"{', '.join(known) or 'none'})", hint="compare existing results directories with "
                         "--results instead", code="E741")
    return module.run


def _call(label: str, subject: Subject, outdir: Path, options: dict[str, Any], target: str) -> Path:
    run = _portasnn_run(label, target)
    if (outdir / "meta.json").is_file():  # a previous comparison's run in this output directory
        shutil.rmtree(outdir)
    return Path(run(subject, target=target, outdir=outdir, overrides=options.get("overrides") or None,
                    seed=options.get("seed"), progress=False))


def run_nest(subject: Subject, outdir: Path, options: dict[str, Any]) -> Path:
    return _call("nest", subject, outdir, options, "nest")


def run_nest_builtin(subject: Subject, outdir: Path, options: dict[str, Any]) -> Path:
    model = options["arg"]
    label = f"nest-builtin:{model}"
    if not isinstance(subject, Network):
        raise UsageError(f"target {label} cannot run: it replaces the models of a network built in Python or of a "
                         "model's scenarios, not of a .pnet file", hint="write the built-in model in the .pnet "
                         "file and compare result directories", code="E742")
    models = tuple(ModelRef(key=m.key, kind="nest", name=model, span=m.span) if m.kind == "nestml" else m
                   for m in subject.models)
    return _call(label, dataclasses.replace(subject, models=models), outdir, options, "nest")


def run_spinnaker_host(subject: Subject, outdir: Path, options: dict[str, Any]) -> Path:
    return _call("spinnaker-host", subject, outdir, options, "spinnaker-host")


def run_spinnaker_host_float(subject: Subject, outdir: Path, options: dict[str, Any]) -> Path:
    return _call("spinnaker-host:float", subject, outdir, options, "spinnaker-host-float")


RUNNERS: dict[str, Runner] = {
    "nest": run_nest,
    "nest-builtin": run_nest_builtin,
    "spinnaker-host": run_spinnaker_host,
    "spinnaker-host-float": run_spinnaker_host_float,
}


def run_target(target: Target, subject: Subject, outdir: Path, *, seed: int | None,
               overrides: dict[str, Any] | None = None) -> Path:
    """Run ``subject`` on ``target`` into ``outdir``; UsageError if the target cannot run."""
    return RUNNERS[target.kind](subject, outdir, {"seed": seed, "overrides": overrides, "arg": target.arg})
