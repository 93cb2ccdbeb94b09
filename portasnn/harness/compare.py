"""The comparison engine behind ``portasnn compare`` and ``portasnn.compare``.

Inputs are "arms": each arm is one target (or one group of result directories) and holds one or more runs.
The first arm is the reference. A network subject (a .pnet file or a ``Network``) runs the reference with
``seeds`` seeds (base seed, base + 1, ...) and every other target once at the base seed; network observables
are judged against the reference's seed mean and band (see verdicts.py); an arm with several runs is
represented by the mean of its runs. A NESTML model subject runs the
single-neuron scenarios (scenarios.py) once on every target and judges traces and spike trains. Result
directories given with ``results`` are compared without running anything: each entry is one arm (a directory,
or a sequence of directories holding seed replicates of the same arm). A reference whose populations all hold
at most ``SINGLE_NEURON_MAX`` neurons in total is compared neuron by neuron (traces, spike trains) instead.

When a spinnaker-host arm is Poor or Fail, the spinnaker-host:float variant is run too (when running) and the
report says whether the deviation comes from fixed-point arithmetic (float variant OK) or from the algorithm
(float variant also Poor or Fail).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Sequence

import numpy as np

from portasnn.errors import UsageError
from portasnn.harness import metrics
from portasnn.harness.runners import Target, parse_target, run_target
from portasnn.harness.verdicts import (RULE, SINGLE_RULE, Judgement, explain, judge_metric, judge_network,
                                       load_tolerances, single_neuron_specs, worst)
from portasnn.ir.network import ModelRef, Network
from portasnn.results import Results, read_results

SINGLE_NEURON_MAX = 10
TRACE_METRICS = ("max_abs", "max_rel", "rms")
Progress = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Arm:
    """One side of a comparison: a label, the target kind it ran on, and its runs (first = base seed)."""

    label: str
    kind: str
    runs: tuple[Results, ...]


@dataclass(slots=True)
class ComparisonReport:
    """What ``compare`` found. ``verdict`` is the worst verdict of all judgements; ``exit_code`` is 1 when it is
    Fail and 0 otherwise (Poor passes, with a warning in the report and on the command line)."""

    subject: str
    mode: str  # "network" | "single_neuron"
    reference: str
    targets: list[str]
    judgements: list[Judgement]
    observables: dict[str, Any]  # network: {arm: {pop: {obs: [values per run]}}}; single: {group: {...}}
    attribution: list[str]
    runs: dict[str, list[str]]  # arm label (or group/arm) -> result directories
    tolerance_lines: list[str]
    outdir: Path
    rule: str = RULE
    plots: list[str] = field(default_factory=list)
    # arm label -> the spinnaker-host run's ring-buffer weight scaling: {"populations": {pop: shifts, inputs,
    # saturations, ...}, "weights": [per projection/stimulus: shift, requested, stored, relative error]}
    weight_scaling: dict[str, Any] = field(default_factory=dict)

    @property
    def verdict(self) -> str:
        return worst(j.verdict for j in self.judgements)

    @property
    def exit_code(self) -> int:
        return 1 if self.verdict == "Fail" else 0

    @property
    def report_path(self) -> Path:
        return self.outdir / "report.md"

    def grid(self) -> tuple[list[str], list[tuple[str, dict[str, str]]]]:
        """Columns (target pairs) and rows (group / observable -> {pair: verdict})."""
        cols: list[str] = []
        rows: dict[str, dict[str, str]] = {}
        for j in self.judgements:
            pair = f"{j.target} vs {j.reference}"
            if pair not in cols:
                cols.append(pair)
            rows.setdefault(f"{j.group} / {j.observable}", {})[pair] = j.verdict or "-"
        return cols, list(rows.items())

    def as_dict(self) -> dict[str, Any]:
        return {"subject": self.subject, "mode": self.mode, "reference": self.reference, "targets": self.targets,
                "verdict": self.verdict, "exit_code": self.exit_code, "rule": self.rule,
                "judgements": [j.as_dict() for j in self.judgements], "observables": self.observables,
                "attribution": self.attribution, "runs": self.runs, "tolerances": self.tolerance_lines,
                "plots": self.plots, "weight_scaling": self.weight_scaling}

    def _repr_markdown_(self) -> str:
        from portasnn.harness.report import render_markdown

        return render_markdown(self)

    def _ipython_display_(self) -> None:  # in Jupyter: the markdown, then the plots as images
        from portasnn.notebook import show_report

        show_report(self)


# ------------------------------------------------------------------------------------------------- API
def compare(subject: str | Path | Network | None = None, targets: Sequence[str] | None = None,
            results: Sequence[str | Path | Sequence[str | Path]] | None = None, outdir: str | Path = "compare-out",
            seeds: int = 3, tolerances: str | Path | None = None, overrides: dict[str, Any] | None = None,
            progress: Progress | None = None, options: Any = None) -> ComparisonReport:
    """Compare targets on ``subject`` (or existing result directories) and write the report to ``outdir``.

    ``options``: the numerics (``portasnn.targets.Options``) every target runs with; ``spinnaker-host:float``
    adds ``arith="float"`` to them."""
    from portasnn.harness.report import write_report

    say = progress or (lambda _msg: None)
    outdir = Path(outdir)
    tol = load_tolerances(tolerances)
    overrides = dict(overrides or {})
    if seeds < 1:
        raise UsageError(f"--seeds must be at least 1, not {seeds}", code="E750")
    given = _unique_labels([_results_arm(entry) for entry in (results or [])], by_dir=True)
    parsed = [parse_target(t) for t in (targets or [])]
    kind, net = _subject(subject)
    if kind is None and parsed:
        raise UsageError("targets need a subject to run (a .pnet file or a NESTML model)",
                         hint="give SUBJECT, or compare existing result directories with --results", code="E751")
    if kind is None:
        subject_text = " vs ".join(a.label for a in given)
    else:
        subject_text = str(subject if not isinstance(subject, Network) else subject.name)
        if not parsed and not given:
            parsed = [parse_target("nest"), parse_target("spinnaker-host")]
    if len(given) + len(parsed) < 2:
        raise UsageError("nothing to compare: give at least two targets or result directories", code="E752")
    outdir.mkdir(parents=True, exist_ok=True)
    if kind == "model":
        report = _compare_model(subject_text, net, given, parsed, outdir, tol, overrides, say, options)
    else:
        base = overrides.pop("seed", None)
        if isinstance(net, Path):  # read once, with the overrides; every target then runs the same IR
            net = _load_network(net, overrides)
        elif overrides:
            raise UsageError("--set applies to .pnet files and to a model's scenarios, not to a Network built "
                             "in Python or to result directories", code="E758")
        report = _compare_network(subject_text, net, given, parsed, outdir, tol, seeds, base, say, options)
    report.weight_scaling = weight_scaling_of(report.runs)
    report.attribution.extend(scaling_hints(report.attribution, report.weight_scaling))
    say("writing the report")
    write_report(report)
    return report


def scaling_hints(attribution: list[str], weight_scaling: dict[str, Any]) -> list[str]:
    """The lever for a deviation attributed to fixed point: per such arm, the weight stored with the largest
    relative error (projection, population, shift) and the option that chooses the shifts by measurement."""
    out = []
    for label, info in weight_scaling.items():
        if not any(line.startswith(f"{label} ") and "comes from fixed-point arithmetic" in line
                   for line in attribution):
            continue
        rows = [w for w in info.get("weights", []) if w.get("max_abs_relative_error")]
        if not rows:
            continue
        w = max(rows, key=lambda row: row["max_abs_relative_error"])
        out.append(f"{label}: at the ring-buffer shifts used, weights are stored with up to "
                   f"{100 * w['max_abs_relative_error']:.3g} % error ({w['name']} onto {w['population']}, "
                   f"{w['synapse_type']}, shift {w['shift']}); --weight-scaling auto chooses the smallest shifts "
                   "that do not saturate (see the weight-scaling table).")
    return out


def weight_scaling_of(runs: dict[str, list[str]]) -> dict[str, Any]:
    """Per arm whose base run is a fixed-point spinnaker-host run: its shifts per population and synapse type
    and the weight quantisation of every projection and stimulus (its meta.json, ``runner.run_network``)."""
    import json

    out: dict[str, Any] = {}
    for label, dirs in runs.items():
        meta_path = Path(dirs[0]) / "meta.json" if dirs else None
        if meta_path is None or not meta_path.is_file():
            continue
        host = json.loads(meta_path.read_text()).get("spinnaker_host") or {}
        if host.get("arith") == "fixed" and "weight_scaling" in host:
            pops = host["weight_scaling"]
            board = " ".join(f"--weight-scaling {p}=shift:{','.join(str(x) for x in e['shifts'])}"
                             for p, e in pops.items())
            out[label] = {"populations": pops, "weights": host.get("weights", []), "board_options": board}
    return out


def _subject(subject: str | Path | Network | None) -> tuple[str | None, Any]:
    if subject is None:
        return None, None
    if isinstance(subject, Network):
        return "network", subject
    path = Path(subject)
    if not path.is_file():
        raise UsageError(f"subject {path} does not exist", code="E753")
    if path.suffix == ".pnet":
        return "network", path.resolve()
    if path.suffix == ".nestml":
        match = re.search(r"^\s*model\s+([A-Za-z_][A-Za-z0-9_]*)\s*:", path.read_text(), re.MULTILINE)
        if not match:
            raise UsageError(f"{path}: no 'model <name>:' line found, so it is not a NESTML model", code="E753")
        return "model", ModelRef(key="model", kind="nestml", name=match.group(1), path=str(path.resolve()))
    raise UsageError(f"subject {path} is neither a network (.pnet) nor a NESTML model (.nestml)", code="E753")


def _results_arm(entry: str | Path | Sequence[str | Path]) -> Arm:
    dirs = [entry] if isinstance(entry, (str, Path)) else list(entry)
    runs = tuple(read_results(d) for d in dirs)
    if not runs:
        raise UsageError("an empty group of result directories was given", code="E754")
    return Arm(runs[0].target if len({r.target for r in runs}) == 1 else str(dirs[0]), _kind(runs[0].target), runs)


def _kind(target: str) -> str:
    try:
        return parse_target(target).kind
    except UsageError:
        return target


def _unique_labels(arms: list[Arm], by_dir: bool = False) -> list[Arm]:
    """Arms with distinct labels: a shared label gets the arm's directory name (``by_dir``), then #n."""
    counts: dict[str, int] = {}
    for arm in arms:
        counts[arm.label] = counts.get(arm.label, 0) + 1
    labels = [f"{a.label} ({a.runs[0].path.name})" if by_dir and counts[a.label] > 1 else a.label for a in arms]
    out = []
    for i, (arm, label) in enumerate(zip(arms, labels)):
        if labels.count(label) > 1:
            label = f"{label} #{labels[:i].count(label) + 1}"
        out.append(Arm(label, arm.kind, arm.runs))
    return out


def _check_populations(arms: list[Arm]) -> None:
    ref = arms[0].runs[0]
    for arm in arms:
        for run in arm.runs:
            if run.populations != ref.populations:
                raise UsageError(f"populations differ: {run.path} has {_pops(run)} but {ref.path} has {_pops(ref)}",
                                 hint="compare runs of the same network", code="E755")
            if set(run.spikes) != set(ref.spikes):
                raise UsageError(f"recorded spikes differ: {run.path} has spikes of {sorted(run.spikes)} but "
                                 f"{ref.path} of {sorted(ref.spikes)}", hint="record the same populations in every "
                                 "run", code="E755")
            for pop in ref.spikes:
                if not np.array_equal(run.recorded_neurons(pop), ref.recorded_neurons(pop)):
                    raise UsageError(f"recorded neurons differ: {run.path} recorded the spikes of "
                                     f"{run.recorded_neurons(pop).size} neurons of {pop}, {ref.path} of "
                                     f"{ref.recorded_neurons(pop).size} (or other ones)",
                                     hint="record the same neurons in every run", code="E755")


def _pops(r: Results) -> str:
    return "{" + ", ".join(f"{p}: {n}" for p, n in r.populations.items()) + "}"


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", text)


# --------------------------------------------------------------------------------------------- network
def _load_network(path: Path, overrides: dict[str, Any]) -> Network:
    from portasnn.frontend.network import load_network

    if not Path(path).is_file():
        raise UsageError(f"no such network file: {path}", code="E403")
    return load_network(path, {k: str(v) for k, v in overrides.items()})


def _compare_network(subject_text: str, net: Network | None, given: list[Arm], parsed: list[Target], outdir: Path,
                     tol: dict[str, Any], seeds: int, seed: Any, say: Progress,
                     numerics: Any = None) -> ComparisonReport:
    try:
        base = int(seed) if seed is not None else (net.simulation.seed if net is not None else 1)
    except ValueError:
        raise UsageError(f"seed={seed!r} is not an integer", code="E758") from None
    arms = list(given)
    if isinstance(net, Network) and any(t.kind.startswith("spinnaker") for t in parsed):
        from portasnn.targets.spinnaker import refuse_plastic

        refuse_plastic(net, next(t.kind for t in parsed if t.kind.startswith("spinnaker")))  # before any run
    if isinstance(net, Network) and sum(p.size for p in net.populations) <= SINGLE_NEURON_MAX:
        seeds = 1  # compared neuron by neuron: no seed band
    for i, target in enumerate(parsed):
        n = seeds if not arms and i == 0 else 1
        arms.append(_run_arm(target, net, outdir / "runs", [base + s for s in range(n)], say,
                             index=len(arms), numerics=numerics))
    arms = _unique_labels(arms)
    _check_populations(arms)
    if sum(arms[0].runs[0].populations.values()) <= SINGLE_NEURON_MAX:
        return _single_report(subject_text, {"": arms}, outdir, tol)
    report = _network_report(subject_text, arms, outdir, tol)

    def run_float(float_target: Target) -> list[Arm] | None:
        if net is None:
            return None
        return [_run_arm(float_target, net, outdir / "runs", [base], say, index=len(arms), numerics=numerics)]

    def judge_extra(extra: list[Arm]) -> list[Judgement]:
        report.observables.update({a.label: _observables(a) for a in extra})
        return _network_report(subject_text, [arms[0], *extra], outdir, tol, report.observables).judgements

    _attribute(report, arms, run_float, judge_extra)
    return report


def _run_arm(target: Target, subject: Network, root: Path, seeds: list[int], say: Progress, group: str = "",
             index: int = 0, numerics: Any = None) -> Arm:
    runs = []
    for seed in seeds:
        say(f"running {group + ' on ' if group else ''}{target.label} (seed {seed})")
        where = root / (f"{_slug(group)}/" if group else "") / f"{index}_{_slug(target.label)}-seed{seed}"
        runs.append(read_results(run_target(target, subject, where, seed=seed, numerics=numerics)))
    return Arm(target.label, target.kind, tuple(runs))


def _network_report(subject_text: str, arms: list[Arm], outdir: Path, tol: dict[str, Any],
                    known: dict[str, Any] | None = None) -> ComparisonReport:
    """Judge every arm's observables against the first arm's (``known``: observables already computed)."""
    values = {a.label: (known or {}).get(a.label) or _observables(a) for a in arms}
    ref = arms[0]
    specs = tol.get("network", {})
    judgements = []
    groups = [(pop, metrics.NETWORK_OBSERVABLES) for pop in ref.runs[0].populations]
    groups += [(g, metrics.WEIGHT_OBSERVABLES) for g in metrics.weight_observables(ref.runs[0])]  # plastic weights
    for arm in arms[1:]:
        for group, observables in groups:
            if group not in values[ref.label] or group not in values[arm.label]:
                continue
            for obs in observables:
                stats = metrics.describe(values[ref.label][group][obs])
                value = metrics.describe(values[arm.label][group][obs])["mean"]
                judgements.append(judge_network(group, obs, ref.label, arm.label, stats, value, specs.get(obs)))
            if observables is metrics.WEIGHT_OBSERVABLES:  # the two distributions of final weights, first seeds
                key = group.removeprefix("weights ")
                if key in arm.runs[0].weights:
                    distance = metrics.ks_distance(ref.runs[0].weights[key].weights, arm.runs[0].weights[key].weights)
                    judgements.append(judge_metric(group, metrics.WEIGHT_DISTANCE, ref.label, arm.label, distance,
                                                   specs.get(metrics.WEIGHT_DISTANCE)))
                trs = ref.runs[0].trajectories, arm.runs[0].trajectories  # during the run (record ... every)
                if key in trs[0] and key in trs[1]:
                    for obs, deviation in ((metrics.WEIGHT_PATH, metrics.mean_path_deviation),
                                           (metrics.WEIGHT_SYNAPSE_PATH, metrics.synapse_path_deviation)):
                        value = deviation(trs[0][key], trs[1][key])
                        if value is not None:
                            judgements.append(judge_metric(group, obs, ref.label, arm.label, value, specs.get(obs)))
    lines = [f"{name}: " + explain(name, spec) for name, spec in specs.items()]
    lines.append("seed band: max |seed value - seed mean| over the reference's "
                 f"{len(ref.runs)} seed(s)" + (" (no band with a single seed)" if len(ref.runs) < 2 else ""))
    return ComparisonReport(subject_text, "network", ref.label, [a.label for a in arms[1:]], judgements, values, [],
                            {a.label: [str(r.path) for r in a.runs] for a in arms}, lines, outdir)


def _observables(arm: Arm) -> dict[str, dict[str, list[float | None]]]:
    out: dict[str, dict[str, list[float | None]]] = {}
    for run in arm.runs:
        for pop, obs in {**metrics.network_observables(run), **metrics.weight_observables(run)}.items():
            for name, value in obs.items():
                out.setdefault(pop, {}).setdefault(name, []).append(value)
    return out


# --------------------------------------------------------------------------------------- single neuron
def _compare_model(subject_text: str, model: ModelRef, given: list[Arm], parsed: list[Target], outdir: Path,
                   tol: dict[str, Any], overrides: dict[str, Any], say: Progress,
                   numerics: Any = None) -> ComparisonReport:
    from portasnn.harness.scenarios import SCENARIOS, scenario_network

    if given:
        raise UsageError("a NESTML model subject runs its scenarios on targets; --results cannot be mixed in",
                         hint="compare result directories without a SUBJECT", code="E756")
    nets = {name: scenario_network(name, model, overrides) for name in SCENARIOS}
    groups = {name: _unique_labels([_run_arm(t, net, outdir / "runs", [1], say, group=name, index=i,
                                             numerics=numerics)
                                    for i, t in enumerate(parsed)]) for name, net in nets.items()}

    def rerun(float_target: Target) -> dict[str, list[Arm]]:
        return {name: [_run_arm(float_target, net, outdir / "runs", [1], say, group=name, index=len(parsed),
                                 numerics=numerics)]
                for name, net in nets.items()}

    return _single_report(subject_text, groups, outdir, tol, rerun)


def _single_report(subject_text: str, groups: dict[str, list[Arm]], outdir: Path, tol: dict[str, Any],
                   rerun: Callable[[Target], dict[str, list[Arm]]] | None = None) -> ComparisonReport:
    """Judge every arm of every group (scenario) neuron by neuron against the group's first arm."""
    for arms in groups.values():
        _check_populations(arms)
    judgements = [j for name, arms in groups.items() for j in _single_judgements(name, arms, tol)]
    first = next(iter(groups.values()))
    runs = {f"{name + ' / ' if name else ''}{a.label}": [str(r.path) for r in a.runs]
            for name, arms in groups.items() for a in arms}
    lines = [f"{k}: " + explain(k, v) for k, v in single_neuron_specs(tol, "nest").items()]
    kinds = {a.kind for arms in groups.values() for a in arms}
    if "spinnaker-host" in kinds:
        kinds.add("spinnaker-host-float")  # may be run for the attribution
    for kind in ("spinnaker-host", "spinnaker-host-float"):
        if kind in kinds:
            lines += [f"{k} ({kind}): " + explain(k, v) for k, v in single_neuron_specs(tol, kind).items()]
    observables = {"groups": {name: {a.label: str(a.runs[0].path) for a in arms} for name, arms in groups.items()}}
    report = ComparisonReport(subject_text, "single_neuron", first[0].label, [a.label for a in first[1:]],
                              judgements, observables, [], runs, lines, outdir, rule=SINGLE_RULE)

    def judge_extra(extra: dict[str, list[Arm]]) -> list[Judgement]:
        for name, arms in extra.items():
            observables["groups"][name].update({a.label: str(a.runs[0].path) for a in arms})
        return [j for name, arms in groups.items() for j in _single_judgements(name, [arms[0], *extra[name]], tol)]

    _attribute(report, first, rerun or (lambda _t: None), judge_extra)
    return report


def _single_judgements(group: str, arms: list[Arm], tol: dict[str, Any]) -> list[Judgement]:
    ref = arms[0].runs[0]
    out = []
    for arm in arms[1:]:
        other = arm.runs[0]
        specs = single_neuron_specs(tol, arm.kind)
        duration = min(ref.duration_ms, other.duration_ms)
        for pop, size in ref.populations.items():
            multi = size > 1 or len(ref.populations) > 1
            for i in range(size):
                where = "/".join(x for x in (group, f"{pop}[{i}]" if multi else "") if x) or pop
                for var, trace in ref.traces.get(pop, {}).items():
                    other_trace = other.traces.get(pop, {}).get(var)
                    if other_trace is None or i not in trace.ids or i not in other_trace.ids:
                        continue
                    ia, ib = metrics.common_grid(trace.times, other_trace.times)
                    if not ia.size:
                        raise UsageError(f"traces {pop}.{var} of {ref.path} and {other.path} share no sample times",
                                         code="E757")
                    errs = metrics.trace_errors(other_trace.of(i)[ib], trace.of(i)[ia])
                    for name in TRACE_METRICS:
                        out.append(judge_metric(where, f"{var} {name}", arms[0].label, arm.label, errs[name],
                                                specs.get(f"trace_{name}")))
                a, b = other.train(pop, i, t_start=0.0), ref.train(pop, i, t_start=0.0)
                if a is not None and b is not None:
                    sm = metrics.spike_metrics(a, b, duration)
                    for name, key in (("count_diff", "spike_count_diff"), ("coincidence", "coincidence"),
                                      ("van_rossum", "van_rossum")):  # an undefined Gamma is reported, not judged
                        out.append(judge_metric(where, f"spikes {name}", arms[0].label, arm.label, sm[name],
                                                specs.get(key) if sm[name] is not None else None))
    return out


# ----------------------------------------------------------------------------------------- attribution
def _attribute(report: ComparisonReport, arms: list[Arm], run_float: Callable[[Target], Any],
               judge_extra: Callable[[Any], list[Judgement]]) -> None:
    """Say whether a Poor/Fail spinnaker-host arm deviates because of fixed point or because of the algorithm."""
    for arm in arms[1:]:
        if arm.kind != "spinnaker-host":
            continue
        verdict = worst(j.verdict for j in report.judgements if j.target == arm.label)
        if verdict == "OK":
            report.attribution.append(f"{arm.label}: OK, no attribution needed.")
            continue
        float_arm = next((a for a in arms[1:] if a.kind == "spinnaker-host-float"), None)
        if float_arm is not None:
            float_judgements = [j for j in report.judgements if j.target == float_arm.label]
        else:
            try:
                extra = run_float(parse_target("spinnaker-host:float"))
            except UsageError as exc:
                report.attribution.append(f"{arm.label} is {verdict}; the float variant could not run "
                                          f"({exc.message}), so the cause is not attributed.")
                continue
            if extra is None:
                report.attribution.append(f"{arm.label} is {verdict}; no spinnaker-host:float results were given, "
                                          "so the cause is not attributed.")
                continue
            float_judgements = judge_extra(extra)
            report.judgements.extend(float_judgements)
            report.targets.append("spinnaker-host:float")
            extra_arms = extra if isinstance(extra, list) else [a for v in extra.values() for a in v]
            for a in extra_arms:
                report.runs.setdefault(a.label, []).extend(str(r.path) for r in a.runs)
        report.attribution.extend(_attribute_observables(arm.label, report.judgements, float_judgements))


def _attribute_observables(label: str, judgements: list[Judgement], float_judgements: list[Judgement]) -> list[str]:
    """One line per observable that is Poor or Fail in fixed point: the float variant on the same observable
    tells whether the deviation comes from fixed-point arithmetic (float OK) or from the algorithm (float off)."""
    floats = {(j.group, j.observable): j.verdict for j in float_judgements}
    lines = []
    for j in judgements:
        if j.target != label or j.verdict in (None, "OK"):
            continue
        other = floats.get((j.group, j.observable))
        where = f"{j.group} / {j.observable}"
        if other is None:
            lines.append(f"{label} {where} is {j.verdict}; the float variant did not measure it: not attributed.")
        elif other == "OK":
            lines.append(f"{label} {where} is {j.verdict} but OK with --arith float: the deviation comes from "
                         "fixed-point arithmetic.")
        else:
            lines.append(f"{label} {where} is {j.verdict} and {other} with --arith float too: the deviation comes "
                         "from the algorithm (timestep order, input scaling, solver), not from fixed point.")
    return lines
