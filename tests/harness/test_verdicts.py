"""Verdict rules and tolerance files."""
from __future__ import annotations

import pytest

from portasnn.errors import UsageError
from portasnn.harness.verdicts import (grade, judge_metric, judge_network, load_tolerances, single_neuron_specs,
                                       worst)


def test_grade_and_worst():
    assert [grade(d, 1.0) for d in (0.0, 1.0, 1.5, 2.0, 2.01)] == ["OK", "OK", "Poor", "Poor", "Fail"]
    assert worst(["OK", None, "Poor"]) == "Poor" and worst(["Fail", "OK"]) == "Fail" and worst([]) == "OK"


@pytest.mark.parametrize("value, band_verdict, tol_verdict, verdict", [
    (10.2, "OK", "OK", "OK"),      # inside both
    (10.5, "Poor", "OK", "OK"),    # outside the seed band (0.3), inside 5 % (0.5): the lenient one counts
    (10.9, "Fail", "Poor", "Poor"),
    (11.2, "Fail", "Fail", "Fail"),
])
def test_network_verdict_is_the_more_lenient(value, band_verdict, tol_verdict, verdict):
    j = judge_network("E", "rate_hz", "nest", "other", {"mean": 10.0, "band": 0.3, "n": 3}, value, {"rel": 0.05})
    assert (j.band_verdict, j.tolerance_verdict, j.verdict) == (band_verdict, tol_verdict, verdict)
    assert j.diff == pytest.approx(value - 10.0) and j.tolerance == pytest.approx(0.5)


def test_network_verdict_with_undefined_values():
    ref = {"mean": None, "band": None, "n": 0}
    assert judge_network("E", "cv_isi", "a", "b", ref, None, {"abs": 0.05}).verdict == "OK"
    assert judge_network("E", "cv_isi", "a", "b", ref, 0.3, {"abs": 0.05}).verdict == "Fail"


def test_metric_verdicts():
    assert judge_metric("s", "V_m max_rel", "a", "b", 5e-10, {"max": 1e-9}).verdict == "OK"
    assert judge_metric("s", "V_m max_rel", "a", "b", 1e-6, {"max": 1e-9}).verdict == "Fail"
    assert judge_metric("s", "coincidence", "a", "b", 0.985, {"min": 0.99}).verdict == "Poor"
    assert judge_metric("s", "van_rossum", "a", "b", 3.0, None).verdict is None


def test_tolerance_file_merges_over_defaults(tmp_path):
    f = tmp_path / "tol.toml"
    f.write_text('[network]\nrate_hz = { rel = 0.1 }\n[single_neuron.spinnaker-host]\ncoincidence = { min = 0.5 }\n')
    tol = load_tolerances(f)
    assert tol["network"]["rate_hz"] == {"rel": 0.1} and tol["network"]["cv_isi"] == {"abs": 0.05}
    assert single_neuron_specs(tol, "spinnaker-host")["coincidence"] == {"min": 0.5}
    assert single_neuron_specs(tol, "spinnaker-host-float")["coincidence"] == {"min": 0.95}
    assert single_neuron_specs(tol, "nest")["trace_max_rel"] == {"max": 1e-9}
    # a board's fetched results (target "spinnaker") are SpiNNaker-1's s16.15: judged as the emulator is, with
    # its own section over it where one is given
    assert single_neuron_specs(tol, "spinnaker")["coincidence"] == {"min": 0.5}
    assert single_neuron_specs(load_tolerances(None), "spinnaker")["trace_max_rel"] == {"max": 0.02}


@pytest.mark.parametrize("text, words", [("[network\n", "not valid TOML"), ("[nets]\n", "unknown section"),
                                          ('[network]\nrate_hz = { rel = "x" }\n', "rate_hz")])
def test_bad_tolerance_files(tmp_path, text, words):
    f = tmp_path / "tol.toml"
    f.write_text(text)
    with pytest.raises(UsageError, match=words):
        load_tolerances(f)
    with pytest.raises(UsageError, match="does not exist"):
        load_tolerances(tmp_path / "missing.toml")
