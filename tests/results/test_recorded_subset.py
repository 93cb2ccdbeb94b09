"""Statistics over the recorded neurons only (issue 13 item 1).

A network that records the spikes of a subset of a population must give summaries, neo objects and plots of
that subset: ``n_neurons`` is the recorded count, the rate divides by it, the Fano factor and the CV see only
recorded neurons (silent recorded ones included), and ``load_results`` has one SpikeTrain per recorded neuron,
annotated as PyNN annotates its neo output. Every number is checked against numpy on the raw spike files.
"""
from __future__ import annotations

import json

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portasnn.errors import UsageError
from portasnn.results import (CORR_BIN_MS, CV_MIN_SPIKES, ResultsWriter, load_results, read_results, summarize,
                              traces_figure)

# ------------------------------------------------------------------------------------------ direct computation


def direct_stats(path, pop: str) -> dict:
    """rate, CV, Fano, correlation of the recorded neurons of ``pop`` from the raw spikes/<pop>.npz, with numpy."""
    meta = json.loads((path / "meta.json").read_text())
    t0, t1 = float(meta.get("warmup_ms", 0.0) or 0.0), float(meta["duration_ms"])
    with np.load(path / "spikes" / f"{pop}.npz") as npz:
        recorded, senders, times = npz["recorded"], npz["senders"], npz["times"]
    keep = times >= t0
    senders, times = senders[keep], times[keep]
    trains = [np.sort(times[senders == i]) for i in recorded]
    counts = np.array([t.size for t in trains], float)
    cvs = [np.std(np.diff(t)) / np.mean(np.diff(t)) for t in trains if t.size >= CV_MIN_SPIKES]
    active = [t for t in trains if t.size]
    corr = None
    if len(active) >= 2:
        edges = t0 + CORR_BIN_MS * np.arange(int((t1 - t0) // CORR_BIN_MS) + 1)
        # half-open 5 ms bins [edge, edge + 5): a spike at the window's last edge is in no bin (elephant's
        # BinnedSpikeTrain; np.histogram alone would put it into the last bin)
        binned = np.array([np.histogram(t[t < edges[-1]], edges)[0] for t in active], float)
        cc = np.corrcoef(binned)
        off = cc[~np.eye(len(active), dtype=bool)]
        corr = float(np.nanmean(off))
    return {"n_neurons": int(recorded.size), "n_spikes": int(counts.sum()),
            "rate_hz": counts.sum() / recorded.size / ((t1 - t0) / 1000.0),
            "cv_isi": float(np.mean(cvs)) if cvs else None,
            "fano_factor": float(counts.var() / counts.mean()) if counts.sum() else None, "corr_mean": corr}


def assert_summary_is_direct(path, pop: str) -> None:
    got = json.loads((path / "summary.json").read_text())["populations"][pop]
    want = direct_stats(path, pop)
    assert got["n_neurons"] == want["n_neurons"] and got["n_spikes"] == want["n_spikes"]
    for key in ("rate_hz", "cv_isi", "fano_factor", "corr_mean"):
        if want[key] is None:
            assert got[key] is None, key
        else:
            assert got[key] == pytest.approx(want[key], rel=1e-9, abs=1e-12), key


def assert_neo_has_recorded_trains_only(path) -> None:
    """One SpikeTrain per recorded neuron, PyNN's annotations, ids numbered from 1 in declaration order."""
    block = load_results(path)
    res = read_results(path)
    first = 1
    trains = block.segments[0].spiketrains
    for pop, size in res.populations.items():
        mine = [st for st in trains if st.annotations["source_population"] == pop]
        if pop in res.spikes:
            with np.load(path / "spikes" / f"{pop}.npz") as npz:
                recorded, senders, times = npz["recorded"], npz["senders"], npz["times"]
            assert [st.annotations["source_index"] for st in mine] == recorded.tolist()
            assert [st.annotations["source_id"] for st in mine] == (first + recorded).tolist()
            assert [st.annotations["channel_id"] for st in mine] == (first + recorded).tolist()
            for st in mine:
                np.testing.assert_array_equal(np.sort(st.magnitude), np.sort(times[senders == st.annotations[
                    "source_index"]]))
        else:
            assert not mine
        assert block.annotations["populations"][pop]["first_id"] == first
        first += size
    assert len(trains) == sum(np.load(path / "spikes" / f"{p}.npz")["recorded"].size for p in res.spikes)


# ------------------------------------------------------------------------------------------------ the format


def _meta(size=800, duration=1000.0):
    return {"target": "nest", "network": "subset", "duration_ms": duration, "resolution_ms": 0.1, "seed": 1,
            "populations": {"E": {"size": size, "model": "m"}, "I": {"size": 20, "model": "m"}}}


def test_the_issue_case_80_of_800_neurons(tmp_path):
    """issue 13 item 1: 937 spikes of E[0:80] in 1 s are 11.7 Hz over 80 neurons, not 1.17 Hz over 800."""
    rng = np.random.default_rng(1)
    counts = rng.multinomial(937, np.full(80, 1 / 80))
    senders = np.repeat(np.arange(80), counts)
    times = np.concatenate([np.sort(rng.uniform(0, 1000, c)) for c in counts])
    w = ResultsWriter(tmp_path / "out", _meta())
    w.add_spikes("E", senders, times, recorded=np.arange(80))
    w.add_spikes("I", [], [])
    out = w.close()
    s = json.loads((out / "summary.json").read_text())["populations"]
    assert s["E"]["n_neurons"] == 80 and s["E"]["size"] == 800 and s["E"]["n_spikes"] == 937
    assert s["E"]["rate_hz"] == pytest.approx(11.7125)
    assert s["E"]["fano_factor"] == pytest.approx(counts.var() / counts.mean())
    assert s["I"]["n_neurons"] == 20 and s["I"]["rate_hz"] == 0.0
    assert_summary_is_direct(out, "E")
    assert_neo_has_recorded_trains_only(out)
    assert len(read_results(out).trains("E")) == 80


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(size=st.integers(2, 60), data=st.data())
def test_summary_of_any_subset_equals_the_direct_computation(tmp_path, size, data):
    """issue 13 item 1: for any recorded subset (silent recorded neurons included), the summary is numpy's."""
    recorded = np.array(sorted(data.draw(st.sets(st.integers(0, size - 1), min_size=1))))
    n_spikes = data.draw(st.lists(st.integers(0, 12), min_size=recorded.size, max_size=recorded.size))
    seed = data.draw(st.integers(0, 2 ** 16))
    rng = np.random.default_rng(seed)
    senders = np.repeat(recorded, n_spikes)
    times = rng.uniform(0.0, 200.0, senders.size).round(1)
    out = tmp_path / f"s{size}_{seed}_{len(recorded)}"
    w = ResultsWriter(out, {**_meta(size, 200.0), "warmup_ms": data.draw(st.sampled_from([0.0, 50.0]))})
    w.add_spikes("E", senders, times, recorded=recorded)
    w.close(plots=False)
    assert_summary_is_direct(out, "E")
    assert len(read_results(out).trains("E")) == recorded.size
    __import__("shutil").rmtree(out)


def test_writer_refuses_spikes_of_neurons_it_was_told_are_unrecorded(tmp_path):
    w = ResultsWriter(tmp_path / "out", _meta())
    with pytest.raises(UsageError, match="not one of the recorded"):
        w.add_spikes("E", [5, 90], [1.0, 2.0], recorded=np.arange(80))
    w.add_spikes("E", [5], [1.0], recorded=np.arange(80))
    with pytest.raises(UsageError, match="other recorded neurons"):
        w.add_spikes("E", [6], [2.0], recorded=np.arange(40))
    with pytest.raises(UsageError, match="outside"):
        w.add_spikes("I", [], [], recorded=[25])


def test_format_1_directories_count_every_neuron_as_recorded(tmp_path):
    """Directories written before ``recorded`` existed still read: their format declared every neuron recorded."""
    out = tmp_path / "old"
    (out / "spikes").mkdir(parents=True)
    (out / "meta.json").write_text(json.dumps({**_meta(4, 100.0), "format": "portasnn-results/1"}))
    np.savez(out / "spikes" / "E.npz", senders=np.array([0, 2]), times=np.array([1.0, 2.0]))
    res = read_results(out)
    assert res.recorded_neurons("E").tolist() == [0, 1, 2, 3]
    assert summarize(res)["populations"]["E"]["n_neurons"] == 4


def test_raster_and_traces_plots_with_a_subset(tmp_path):
    """The raster samples recorded neurons only; traces.png names the target and keeps its legend off the axes."""
    w = ResultsWriter(tmp_path / "out", _meta(800, 100.0))
    w.add_spikes("E", np.arange(500, 520), np.linspace(1, 99, 20), recorded=np.arange(500, 520))
    t = np.arange(0.0, 100.0, 0.1)
    w.add_trace("E", "V_m", t, [3, 1], np.column_stack([np.sin(t / 5), np.cos(t / 5)]) - 65.0, "mV")
    out = w.close()
    assert (out / "raster.png").is_file() and (out / "traces.png").is_file()
    tr = read_results(out).traces["E"]["V_m"]
    assert tr.ids.tolist() == [1, 3] and tr.of(3)[0] == pytest.approx(-65.0)  # columns sorted by neuron
    fig = traces_figure(read_results(out))
    assert fig._suptitle.get_text() == "subset on nest: recorded traces"
    assert_legends_beside_the_axes(fig)


def assert_legends_beside_the_axes(fig) -> None:
    """issue 13 item 13: every legend lies right of its axes (over no trace) and inside the figure."""
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    for ax in fig.axes:
        legend, box = ax.get_legend().get_window_extent(renderer), ax.get_window_extent(renderer)
        assert legend.x0 >= box.x1 and legend.x1 <= fig.bbox.x1 + 0.5
