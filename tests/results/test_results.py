"""The results directory format: write, read, neo loading, summary against hand-computed values, errors."""
from __future__ import annotations

import json
import math

import numpy as np
import pytest
import quantities as pq
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portasnn.errors import UsageError
from portasnn.results import ResultsWriter, load_results, read_results, summarize


def _meta(pops, duration=1000.0, **extra):
    return {"target": "nest", "network": "synthetic", "duration_ms": duration, "resolution_ms": 0.1, "seed": 1,
            "populations": {p: {"size": n, "model": "iaf_psc_delta"} for p, n in pops.items()},
            "wall_time_s": {"build": 1.0, "connect": 2.0, "simulate": 3.0}, **extra}


def _write(tmp_path, pops, spikes, duration=1000.0, traces=(), **extra):
    w = ResultsWriter(tmp_path / "out", _meta(pops, duration, **extra))
    for pop, (senders, times) in spikes.items():
        w.add_spikes(pop, senders, times)
    for args in traces:
        w.add_trace(*args)
    return w.close(plots=False)


def _strict_json(path):
    def bad(const):
        raise AssertionError(f"{path} holds {const}")
    return json.loads(path.read_text(), parse_constant=bad)


def test_written_directory_loads_as_neo_block(tmp_path):
    times = np.array([5.0, 1.0, 3.0, 3.0])
    senders = np.array([1, 0, 2, 0])
    v = np.column_stack([np.linspace(-70, -60, 11), np.linspace(-65, -55, 11)])
    out = ResultsWriter(tmp_path / "out", _meta({"E": 3, "I": 2}, duration=10.0))
    out.add_spikes("E", senders, times)
    out.add_spikes("I", [], [])
    out.add_trace("E", "V_m", np.arange(11.0), [0, 2], v, "mV")
    path = out.close()
    for name in ("meta.json", "summary.json", "raster.png", "traces.png", "spikes/E.npz", "spikes/I.npz",
                 "traces/E__V_m.npz"):
        assert (path / name).is_file(), name
    assert (path / "raster.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    with np.load(path / "spikes/E.npz") as npz:  # sorted by time, then sender
        assert npz["times"].tolist() == [1.0, 3.0, 3.0, 5.0]
        assert npz["senders"].tolist() == [0, 0, 2, 1]
    block = load_results(path)
    seg = block.segments[0]
    assert len(seg.spiketrains) == 5
    e0 = [st for st in seg.spiketrains
          if st.annotations["source_population"] == "E" and st.annotations["source_index"] == 0][0]
    assert e0.units == pq.ms and e0.t_stop == 10.0 * pq.ms
    assert e0.magnitude.tolist() == [1.0, 3.0]
    (sig,) = seg.analogsignals
    assert sig.name == "V_m" and sig.annotations == {"source_population": "E", "channel_ids": [1, 3]}
    assert sig.array_annotations["channel_index"].tolist() == [0, 2]
    assert sig.units == pq.mV and sig.shape == (11, 2)
    assert float(sig.sampling_period.rescale("ms")) == pytest.approx(1.0)
    np.testing.assert_array_equal(sig.magnitude, v)


def test_regular_spiking_has_cv_zero_and_known_rate(tmp_path):
    # 10 neurons, each spiking every 10 ms from 5 ms on: 100 spikes in 1 s, 100 Hz, CV 0, Fano 0
    times = np.concatenate([np.arange(5.0, 1000.0, 10.0) for _ in range(10)])
    senders = np.repeat(np.arange(10), 100)
    s = summarize(read_results(_write(tmp_path, {"E": 10}, {"E": (senders, times)})))
    e = s["populations"]["E"]
    assert e["n_spikes"] == 1000 and e["n_neurons"] == 10
    assert e["rate_hz"] == pytest.approx(100.0)
    assert e["cv_isi"] == pytest.approx(0.0, abs=1e-12)
    assert e["fano_factor"] == pytest.approx(0.0, abs=1e-12)
    assert e["corr_mean"] == pytest.approx(1.0)  # identical trains
    assert s["wall_time_s"] == {"build": 1.0, "connect": 2.0, "simulate": 3.0}


def test_hand_computed_small_population(tmp_path):
    # neuron 0: 1, 2, 4 ms (ISIs 1, 2: CV = 0.5/1.5); neuron 1: 10, 20 (2 spikes: no CV); neuron 2: silent
    spikes = {"E": (np.array([0, 0, 0, 1, 1]), np.array([1.0, 2.0, 4.0, 10.0, 20.0]))}
    e = summarize(read_results(_write(tmp_path, {"E": 3}, spikes, duration=100.0)))["populations"]["E"]
    assert e["rate_hz"] == pytest.approx(5 / 3 / 0.1)
    assert e["cv_isi"] == pytest.approx(0.5 / 1.5)
    counts = np.array([3, 2, 0])
    assert e["fano_factor"] == pytest.approx(counts.var() / counts.mean())


def test_cv_agrees_with_elephant(tmp_path):
    import elephant.statistics as es

    rng = np.random.default_rng(5)
    trains = [np.sort(rng.uniform(0, 1000, k)) for k in (3, 10, 40)]
    spikes = (np.concatenate([np.full(t.size, i) for i, t in enumerate(trains)]), np.concatenate(trains))
    e = summarize(read_results(_write(tmp_path, {"E": 3}, {"E": spikes})))["populations"]["E"]
    assert e["cv_isi"] == pytest.approx(np.mean([es.cv(es.isi(t)) for t in trains]), rel=1e-12)


def test_poisson_spiking_has_cv_near_one(tmp_path):
    rng = np.random.default_rng(3)
    n, rate, duration = 200, 20.0, 10_000.0
    senders, times = [], []
    for i in range(n):
        t = np.sort(rng.uniform(0, duration, rng.poisson(rate * duration / 1000)))
        senders.append(np.full(t.size, i))
        times.append(t)
    path = _write(tmp_path, {"E": n}, {"E": (np.concatenate(senders), np.concatenate(times))}, duration=duration)
    e = _strict_json(path / "summary.json")["populations"]["E"]
    assert e["rate_hz"] == pytest.approx(rate, rel=0.02)
    assert e["cv_isi"] == pytest.approx(1.0, abs=0.03)
    assert e["fano_factor"] == pytest.approx(1.0, abs=0.25)
    assert abs(e["corr_mean"]) < 0.01


def test_warmup_window_and_silent_population(tmp_path):
    spikes = {"E": (np.array([0, 0, 0]), np.array([10.0, 600.0, 700.0])), "I": (np.array([], int), np.array([]))}
    path = _write(tmp_path, {"E": 1, "I": 4}, spikes, warmup_ms=500.0)
    s = _strict_json(path / "summary.json")
    assert s["window_ms"] == [500.0, 1000.0]
    assert s["populations"]["E"]["n_spikes"] == 2
    assert s["populations"]["E"]["rate_hz"] == pytest.approx(4.0)
    assert s["populations"]["I"] == {"size": 4, "n_neurons": 4, "n_spikes": 0, "rate_hz": 0.0, "cv_isi": None,
                                     "fano_factor": None, "corr_mean": None}


def _valid(tmp_path):
    return _write(tmp_path, {"E": 2}, {"E": (np.array([0, 1]), np.array([1.0, 2.0]))})


@pytest.mark.parametrize("breakage, words", [
    (lambda p: __import__("shutil").rmtree(p), "does not exist"),
    (lambda p: (p / "meta.json").unlink(), "no meta.json"),
    (lambda p: (p / "meta.json").write_text("{not json"), "not valid JSON"),
    (lambda p: (p / "meta.json").write_text('{"format": "other/2"}'), "format"),
    (lambda p: (p / "meta.json").write_text(json.dumps({**json.loads((p / "meta.json").read_text()),
                                                        "populations": {"X": {"size": 2}}})), "no population"),
    (lambda p: (p / "spikes/E.npz").write_bytes(b"garbage"), "not a readable .npz"),
    (lambda p: np.savez(p / "spikes/E.npz", recorded=np.arange(2), senders=np.array([7]), times=np.array([1.0])),
     "outside"),
    (lambda p: np.savez(p / "spikes/E.npz", recorded=np.arange(2), times=np.array([1.0])), "lacks the arrays senders"),
    (lambda p: np.savez(p / "spikes/E.npz", senders=np.array([1]), times=np.array([1.0])), "lacks the arrays recorded"),
    (lambda p: np.savez(p / "spikes/E.npz", recorded=np.array([0]), senders=np.array([1]), times=np.array([1.0])),
     "not one of the recorded"),
    (lambda p: np.savez(p / "spikes/E.npz", recorded=np.array([1, 0]), senders=np.array([1]), times=np.array([1.0])),
     "sorted set"),
])
def test_broken_directories_raise_usage_error_naming_the_path(tmp_path, breakage, words):
    path = _valid(tmp_path)
    breakage(path)
    with pytest.raises(UsageError) as info:
        read_results(path)
    assert str(path) in str(info.value) and words in str(info.value)


def test_writer_rejects_bad_input(tmp_path):
    with pytest.raises(UsageError, match="lacks"):
        ResultsWriter(tmp_path / "a", {"target": "nest"})
    w = ResultsWriter(tmp_path / "b", _meta({"E": 2}))
    with pytest.raises(UsageError, match="outside"):
        w.add_spikes("E", [2], [1.0])
    with pytest.raises(UsageError, match="not declared"):
        w.add_spikes("X", [0], [1.0])
    with pytest.raises(UsageError, match="file name"):
        ResultsWriter(tmp_path / "c", _meta({"a/b": 1}))


def test_real_nest_network(tmp_path):
    from brunel_nest import run_brunel

    path = run_brunel(tmp_path / "brunel", seed=1, duration=300.0)
    res = read_results(path)
    senders, times = res.spikes["E"]
    assert times.size > 0 and np.all(np.diff(times) >= 0) and senders.max() < 400
    block = load_results(path)
    assert len(block.segments[0].spiketrains) == 500
    assert block.segments[0].analogsignals[0].shape[1] == 3 and block.segments[0].analogsignals[0].shape[0] > 2900
    s = _strict_json(path / "summary.json")
    # rate from the raw arrays, independent of elephant
    assert s["populations"]["E"]["rate_hz"] == pytest.approx(times.size / 400 / 0.3)
    assert 0 < s["populations"]["E"]["cv_isi"] < 1.5 and not math.isnan(s["populations"]["I"]["rate_hz"])
    assert (path / "traces.png").is_file() and (path / "raster.png").is_file()


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 4), st.floats(0.0, 100.0, allow_nan=False)), max_size=60),
       st.integers(1, 4))
def test_spikes_round_trip_in_chunks(tmp_path, spikes, chunks):
    out = tmp_path / f"rt{len(spikes)}_{chunks}"
    w = ResultsWriter(out, _meta({"E": 5}, duration=100.0))
    arr = np.array(spikes, dtype=float).reshape(-1, 2)
    for part in np.array_split(arr, chunks):
        w.add_spikes("E", part[:, 0].astype(int), part[:, 1])
    w.close(summary=False, plots=False)
    senders, times = read_results(out).spikes["E"]
    expected = sorted((t, int(s)) for s, t in spikes)
    assert list(zip(times.tolist(), senders.tolist())) == expected
    __import__("shutil").rmtree(out)


def test_traces_in_chunks(tmp_path):
    w = ResultsWriter(tmp_path / "out", _meta({"E": 3}, duration=4.0))
    w.add_trace("E", "V_m", [0.0, 1.0], [1, 2], [[1.0, 2.0], [3.0, 4.0]], "mV")
    w.add_trace("E", "V_m", [2.0, 3.0], [1, 2], [[5.0, 6.0], [7.0, 8.0]], "mV")
    with pytest.raises(UsageError, match="later chunk"):
        w.add_trace("E", "V_m", [4.0], [0], [[0.0]], "mV")
    tr = read_results(w.close(plots=False)).traces["E"]["V_m"]
    assert tr.times.tolist() == [0.0, 1.0, 2.0, 3.0] and tr.of(2).tolist() == [2.0, 4.0, 6.0, 8.0]
