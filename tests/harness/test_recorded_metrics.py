"""The harness over recorded subsets (issue 13 item 1) and the spectrum-peak observable (issue 13 item 13)."""
from __future__ import annotations

import numpy as np
import pytest
from scipy.signal import welch

from portasnn.errors import UsageError
from portasnn.harness import metrics
from portasnn.harness.compare import compare
from portasnn.harness.verdicts import load_tolerances
from portasnn.results import ResultsWriter, read_results
from test_recorded_subset import assert_legends_beside_the_axes, direct_stats

SIZE, DURATION = 400, 1000.0


def _run(path, recorded, seed=1, rate_hz=12.0, osc_hz=None, target="nest"):
    """Synthetic results: Poisson spikes of the ``recorded`` neurons of E (optionally rate-modulated at osc_hz)."""
    rng = np.random.default_rng(seed)
    t = np.arange(0.0, DURATION, 0.1)
    p = np.full(t.size, rate_hz / 1000.0 * 0.1)
    if osc_hz:
        p = p * (1 + np.sin(2 * np.pi * osc_hz * t / 1000.0))
    senders, times = [], []
    for i in recorded:
        hit = t[rng.random(t.size) < p]
        senders.append(np.full(hit.size, i))
        times.append(hit)
    w = ResultsWriter(path, {"target": target, "network": "syn", "duration_ms": DURATION, "resolution_ms": 0.1,
                             "seed": seed, "populations": {"E": {"size": SIZE, "model": "m"}}})
    w.add_spikes("E", np.concatenate(senders), np.concatenate(times), recorded=recorded)
    return w.close(plots=False)


def test_network_observables_over_a_subset_equal_the_direct_computation(tmp_path):
    """issue 13 item 1: the harness's rate, CV, Fano, correlation, spectrum peak and rate distribution see only
    the recorded neurons, as numpy does on the raw spike file."""
    recorded = np.arange(100, 180)
    path = _run(tmp_path / "a", recorded, osc_hz=40.0)
    got = metrics.network_observables(read_results(path))["E"]
    want = direct_stats(path, "E")
    for key in ("rate_hz", "cv_isi", "fano_factor", "corr_mean"):
        assert got[key] == pytest.approx(want[key], rel=1e-9), key
    assert got["rate_hz"] == pytest.approx(12.0, rel=0.1)  # 80 neurons at 12 Hz, not 400 at 2.4 Hz
    with np.load(path / "spikes/E.npz") as npz:
        counts, _ = np.histogram(npz["times"], np.arange(0.0, DURATION + 1e-9, 1.0))
        senders = npz["senders"]
    freqs, power = welch(counts - counts.mean(), fs=1000.0, nperseg=256)
    assert got["rate_spectrum_peak_hz"] == freqs[1 + np.argmax(power[1:])]
    assert got["rate_spectrum_peak_hz"] == pytest.approx(40.0, abs=4.0)
    rates = metrics.distributions(read_results(path), "E")["rates"]
    np.testing.assert_allclose(rates, np.bincount(senders - 100, minlength=80) / (DURATION / 1000.0))
    assert rates.size == 80 and rates.min() > 0  # no bar of 320 unrecorded neurons at 0 Hz


def test_spectrum_peak_difference_is_absolute_not_percent(tmp_path):
    """issue 13 item 13: a peak moving from about 16 to 40 Hz is reported in Hz, never as "+150 %"."""
    recorded = np.arange(0, 200)
    ref = [_run(tmp_path / f"r{s}", recorded, seed=s, osc_hz=16.0) for s in (1, 2)]
    other = _run(tmp_path / "o", recorded, seed=3, osc_hz=40.0, target="spinnaker-host")
    r = compare(results=[ref, other], outdir=tmp_path / "cmp")
    (peak,) = [j for j in r.judgements if j.observable == "rate_spectrum_peak_hz"]
    assert peak.diff == pytest.approx(24.0, abs=8.0)
    row = next(line for line in (tmp_path / "cmp/report.md").read_text().splitlines()
               if line.startswith("| E | rate_spectrum_peak_hz |"))
    cells = [c.strip() for c in row.strip("|").split("|")]
    assert cells[6] == f"{peak.diff:.4g}" and cells[7] == "-"  # difference, difference (%)
    rate_row = next(line for line in (tmp_path / "cmp/report.md").read_text().splitlines()
                    if line.startswith("| E | rate_hz |"))
    assert "%" not in rate_row and rate_row.split("|")[8].strip() not in ("", "-")  # rates keep their %


def test_compare_refuses_runs_that_recorded_other_neurons(tmp_path):
    """issue 13 item 1: statistics of different subsets are not the same observable."""
    a = _run(tmp_path / "a", np.arange(0, 100))
    b = _run(tmp_path / "b", np.arange(0, 120), target="spinnaker-host")
    with pytest.raises(UsageError, match="recorded neurons differ"):
        compare(results=[a, b], outdir=tmp_path / "cmp")


def test_old_observable_name_in_a_tolerance_file_is_refused_with_the_new_one(tmp_path):
    """issue 13 item 13: rate_peak_hz was renamed; a tolerance under the old name would silently do nothing."""
    f = tmp_path / "tol.toml"
    f.write_text("[network]\nrate_peak_hz = { abs = 5.0 }\n")
    with pytest.raises(UsageError, match="renamed rate_spectrum_peak_hz"):
        load_tolerances(f)
    assert "rate_spectrum_peak_hz" in load_tolerances()["network"]


def test_single_neuron_traces_plot_names_the_targets_and_keeps_legends_off_the_traces(tmp_path):
    """issue 13 item 13: the comparison's traces.png has a title naming reference and target, legends beside."""
    from portasnn.harness.report import single_figure

    t = np.arange(0.0, 50.0, 0.1)
    dirs = []
    for target, shift in (("nest", 0.0), ("spinnaker-host", 0.01)):
        w = ResultsWriter(tmp_path / target, {"target": target, "network": "one", "duration_ms": 50.0,
                                              "resolution_ms": 0.1, "populations": {"n": {"size": 1, "model": "m"}}})
        w.add_spikes("n", [0], [20.0])
        w.add_trace("n", "V_m", t, [0], (-70.0 + np.sin(t / 3) + shift)[:, None], "mV")
        dirs.append(w.close(plots=False))
    r = compare(results=dirs, outdir=tmp_path / "cmp")
    assert (tmp_path / "cmp/traces.png").is_file()
    fig = single_figure(r)
    assert fig._suptitle.get_text() == "nest (reference) vs spinnaker-host"
    assert_legends_beside_the_axes(fig)
