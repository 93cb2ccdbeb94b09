"""Write a comparison's report: report.md (from templates/report.md.j2), PNG plots and metrics.json.

Network comparisons plot side-by-side rasters of each arm's base run (rasters.png) and, per population, the
distributions of per-neuron rates (rates.png) and of ISIs (isi.png). Single-neuron comparisons overlay the
traces of every target per scenario, with spike ticks (traces.png).
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from portasnn.harness import metrics
from portasnn.results import SAMPLE_SEED, Results, _pyplot, read_results, sample_neurons

if TYPE_CHECKING:
    from portasnn.harness.compare import ComparisonReport


def fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        return f"{value:.4g}"
    return str(value)


def _percent(observable: str, diff: float | None, ref: float | None) -> str:
    """The difference in % of |reference|; "-" where that means nothing: no reference value or 0, or an observable
    compared in absolute terms (the spectrum peak's frequency: a shift from 4 to 10 Hz is not "+150 %")."""
    if diff is None or not ref or observable in metrics.ABSOLUTE_ONLY:
        return "-"
    return f"{100.0 * diff / abs(ref):+.2f}"


def _environment() -> Any:
    from portasnn.templates import environment

    return environment("portasnn.harness", trim=False)


def _details(r: ComparisonReport) -> tuple[list[str], list[list[str]]]:
    if r.mode == "network":
        head = ["population", "observable", "pair", "reference (seed mean)", "seed band", "target", "difference",
                "difference (%)", "tolerance", "band verdict", "tolerance verdict", "verdict"]
        rows = [[j.group, j.observable, f"{j.target} vs {j.reference}", fmt(j.ref_value), fmt(j.band), fmt(j.value),
                 fmt(j.diff), _percent(j.observable, j.diff, j.ref_value), fmt(j.tolerance), fmt(j.band_verdict),
                 fmt(j.tolerance_verdict), fmt(j.verdict)] for j in r.judgements]
    else:
        head = ["scenario / neuron", "metric", "pair", "value", "tolerance", "verdict"]
        rows = [[j.group, j.observable, f"{j.target} vs {j.reference}", fmt(j.value), j.tolerance_text,
                 fmt(j.verdict)] for j in r.judgements]
    return head, rows


def render_markdown(r: ComparisonReport) -> str:
    cols, rows = r.grid()
    head, details = _details(r)
    return _environment().get_template("report.md.j2").render(r=r, cols=cols, rows=rows, detail_head=head,
                                                              details=details, plots=r.plots, fmt=fmt,
                                                              wfmt=lambda v: "-" if v is None else f"{v:.8g}")


def write_report(r: ComparisonReport) -> Path:
    """Plots, report.md and metrics.json into ``r.outdir``; returns the report's path."""
    r.outdir.mkdir(parents=True, exist_ok=True)
    r.plots = plot_network(r) if r.mode == "network" else plot_single(r)
    r.report_path.write_text(render_markdown(r))
    (r.outdir / "metrics.json").write_text(json.dumps(_clean(r.as_dict()), indent=2) + "\n")
    return r.report_path


def _clean(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {str(k): _clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_clean(v) for v in obj]
    if isinstance(obj, (float, np.floating)):
        return float(obj) if math.isfinite(obj) else None
    if isinstance(obj, np.integer):
        return int(obj)
    if isinstance(obj, Path):
        return str(obj)
    return obj


def _base_runs(r: ComparisonReport) -> dict[str, Results]:
    return {label: read_results(dirs[0]) for label, dirs in r.runs.items() if dirs}


def plot_network(r: ComparisonReport) -> list[str]:
    plt = _pyplot()
    runs = _base_runs(r)
    labels = list(runs)
    fig, axes = plt.subplots(1, len(labels), figsize=(4.5 * len(labels), 4.5), sharey=True, squeeze=False)
    for ax, label in zip(axes[0], labels):
        res = runs[label]
        offset = 0
        rng = np.random.default_rng(SAMPLE_SEED)
        for k, (pop, size) in enumerate(res.populations.items()):
            if pop not in res.spikes or not size:
                continue
            shown = sample_neurons(res.recorded_neurons(pop), rng)
            senders, times = res.spikes[pop]
            keep = np.isin(senders, shown)
            ax.plot(times[keep], offset + np.searchsorted(shown, senders[keep]), ".", ms=1, color=f"C{k % 10}",
                    label=pop)
            offset += shown.size
        ax.set_title(label)
        ax.set_xlabel("time (ms)")
    axes[0, 0].set_ylabel("neuron (sample)")
    axes[0, 0].legend(loc="upper right", markerscale=8, fontsize="small")
    fig.tight_layout()
    fig.savefig(r.outdir / "rasters.png", dpi=100)
    plt.close(fig)
    pops = [p for p in next(iter(runs.values())).populations if all(p in res.spikes for res in runs.values())]
    for name, key, xlabel in (("rates.png", "rates", "rate (Hz)"), ("isi.png", "isis", "ISI (ms)")):
        fig, axes = plt.subplots(1, max(len(pops), 1), figsize=(4.5 * max(len(pops), 1), 3.5), squeeze=False)
        for ax, pop in zip(axes[0], pops):
            data = {label: metrics.distributions(res, pop)[key] for label, res in runs.items()}
            finite = np.concatenate([d for d in data.values() if d.size] or [np.zeros(1)])
            bins = np.linspace(finite.min(), finite.max() if finite.max() > finite.min() else finite.min() + 1, 40)
            for label, d in data.items():
                ax.hist(d, bins=bins, histtype="step", density=True, label=label)
            first = next(iter(runs.values()))
            n, size = first.recorded_neurons(pop).size, first.populations[pop]
            ax.set_title(pop if n == size else f"{pop} ({n} of {size} neurons recorded)")
            ax.set_xlabel(xlabel)
        axes[0, 0].set_ylabel("density")
        axes[0, 0].legend(fontsize="small")
        fig.tight_layout()
        fig.savefig(r.outdir / name, dpi=100)
        plt.close(fig)
    return ["rasters.png", "rates.png", "isi.png", *_plot_weights(plt, r, runs), *_plot_trajectories(plt, r, runs)]


def _plot_weights(plt, r: ComparisonReport, runs: dict[str, Results]) -> list[str]:  # noqa: ANN001
    """weights.png: the final weights of every recorded plastic projection, one histogram per target (first seed)."""
    keys = [k for k in next(iter(runs.values())).weights if all(k in res.weights for res in runs.values())]
    if not keys:
        return []
    fig, axes = plt.subplots(1, len(keys), figsize=(4.5 * len(keys), 3.5), squeeze=False)
    for ax, key in zip(axes[0], keys):
        data = {label: res.weights[key].weights for label, res in runs.items()}
        finite = np.concatenate([d[np.isfinite(d)] for d in data.values()] + [np.zeros(0)])
        lo, hi = (finite.min(), finite.max()) if finite.size else (0.0, 1.0)
        bins = np.linspace(lo, hi if hi > lo else lo + 1.0, 60)
        for label, d in data.items():
            ax.hist(d, bins=bins, histtype="step", density=True, label=label)
        w = next(iter(runs.values())).weights[key]
        ax.set_title(f"{w.projection}: final weights")
        ax.set_xlabel(f"weight ({w.unit})" if w.unit else "weight")
    axes[0, 0].set_ylabel("density")
    axes[0, 0].legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(r.outdir / "weights.png", dpi=100)
    plt.close(fig)
    return ["weights.png"]


def _plot_trajectories(plt, r: ComparisonReport, runs: dict[str, Results]) -> list[str]:  # noqa: ANN001
    """weight_trajectories.png: per projection whose weights were recorded during the run (``every``), per target
    (first seed) the mean of the recorded synapses' weights over time with a band of one standard deviation, and up
    to three single synapses that every target has (the same source, target and delay) as thin lines."""
    keys = [k for k in next(iter(runs.values())).trajectories if all(k in res.trajectories for res in runs.values())]
    if not keys:
        return []
    fig, axes = plt.subplots(1, len(keys), figsize=(5.5 * len(keys), 3.5), squeeze=False)
    for ax, key in zip(axes[0], keys):
        trs = {label: res.trajectories[key] for label, res in runs.items()}
        ids = [set(zip(t.sources.tolist(), t.targets.tolist(), t.delays.tolist())) for t in trs.values()]
        common = sorted(set.intersection(*ids))[:3]
        for k, (label, tr) in enumerate(trs.items()):
            colour = f"C{k}"
            mean, std = tr.weights.mean(axis=1), tr.weights.std(axis=1)
            ax.plot(tr.times, mean, color=colour, label=f"{label} (mean of {tr.weights.shape[1]})")
            ax.fill_between(tr.times, mean - std, mean + std, color=colour, alpha=0.2, linewidth=0)
            where = {s: j for j, s in enumerate(zip(tr.sources.tolist(), tr.targets.tolist(), tr.delays.tolist()))}
            for syn in common:
                ax.plot(tr.times, tr.weights[:, where[syn]], color=colour, linewidth=0.7, linestyle="--")
        tr = next(iter(trs.values()))
        ax.set_title(f"{tr.projection}: weights during the run" + (" (dashed: single synapses)" if common else ""))
        ax.set_xlabel("time (ms)")
        ax.set_ylabel(f"weight ({tr.unit})" if tr.unit else "weight")
        ax.legend(fontsize="small")
    fig.tight_layout()
    fig.savefig(r.outdir / "weight_trajectories.png", dpi=100)
    plt.close(fig)
    return ["weight_trajectories.png"]


def plot_single(r: ComparisonReport) -> list[str]:
    plt = _pyplot()
    fig = single_figure(r)
    if fig is None:
        return []
    fig.savefig(r.outdir / "traces.png", dpi=100)
    plt.close(fig)
    return ["traces.png"]


def single_figure(r: ComparisonReport) -> Any:
    """Every target's trace per scenario (one panel each) with spike ticks; the title names the subject and the
    targets, each legend stands to the right of its axes. None without traces."""
    plt = _pyplot()
    groups = r.observables.get("groups", {})
    panels = []
    for group, by_label in groups.items():
        loaded = {label: read_results(path) for label, path in by_label.items()}
        ref = next(iter(loaded.values()))
        for pop, by_var in ref.traces.items():
            for var in by_var:
                panels.append((group, pop, var, loaded))
    if not panels:
        return None
    fig, axes = plt.subplots(len(panels), 1, figsize=(10, 2.4 * len(panels) + 0.8), squeeze=False)
    for ax, (group, pop, var, loaded) in zip(axes[:, 0], panels):
        for k, (label, res) in enumerate(loaded.items()):
            tr = res.traces.get(pop, {}).get(var)
            if tr is None or not tr.ids.size:
                continue
            ax.plot(tr.times, tr.values[:, 0], lw=1.2 if k == 0 else 0.8, ls="-" if k == 0 else "--",
                    color=f"C{k}", label=label)
            if pop in res.spikes:
                senders, times = res.spikes[pop]
                spikes = times[senders == tr.ids[0]]
                ax.plot(spikes, np.full(spikes.size, np.nanmax(tr.values[:, 0])), "|", ms=8, color=f"C{k}")
        ax.set_title(f"{group} {pop}".strip(), fontsize="small")
        ax.set_ylabel(f"{var} ({next(iter(loaded.values())).traces[pop][var].unit})")
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="x-small", borderaxespad=0.0)
    axes[-1, 0].set_xlabel("time (ms)")
    pair = f"{r.reference} (reference) vs {', '.join(r.targets)}"
    given = r.subject == " vs ".join([r.reference, *r.targets])  # result directories: the subject names the arms
    fig.suptitle(pair if given else f"{Path(r.subject).name}: {pair}", fontsize="medium")
    fig.tight_layout()
    return fig
