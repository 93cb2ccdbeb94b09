"""portasnn compare on real NEST results: itself -> OK, different networks -> Fail, user errors -> exit 2."""
from __future__ import annotations


import json

import pytest

from portasnn.cli import main
from portasnn.errors import UsageError
from portasnn.harness.compare import compare
from portasnn.harness.scenarios import scenario_network
from portasnn.ir.network import ModelRef


def _ref(d):
    return [d["ref1"], d["ref2"], d["ref3"]]


def _verdicts(report, observable):
    return {j.group: j.verdict for j in report.judgements if j.observable == observable}


def test_same_seed_is_all_ok(brunel_dirs, tmp_path):
    r = compare(results=[_ref(brunel_dirs), brunel_dirs["ref1"]], outdir=tmp_path / "out")
    assert r.verdict == "OK" and r.exit_code == 0
    assert all(j.verdict == "OK" and j.diff is not None for j in r.judgements)
    assert {j.observable for j in r.judgements} == {"rate_hz", "cv_isi", "fano_factor", "corr_mean",
                                                    "rate_spectrum_peak_hz"}
    assert all(j.band is not None for j in r.judgements)  # three reference seeds give a band
    text = (tmp_path / "out/report.md").read_text()
    assert "Verdict: OK" in text and "seed band" in text and "rate_hz: |difference| <= 5 % of the reference" in text
    for png in ("rasters.png", "rates.png", "isi.png"):
        assert (tmp_path / "out" / png).read_bytes()[:4] == b"\x89PNG"
    metrics = json.loads((tmp_path / "out/metrics.json").read_text())
    assert metrics["verdict"] == "OK" and len(metrics["judgements"]) == 10
    assert "| E / rate_hz |" in r._repr_markdown_()


def test_other_inhibition_fails_on_rates(brunel_dirs, tmp_path):
    r = compare(results=[_ref(brunel_dirs), brunel_dirs["g4"]], outdir=tmp_path / "out")
    assert _verdicts(r, "rate_hz") == {"E": "Fail", "I": "Fail"}
    assert r.verdict == "Fail" and r.exit_code == 1


def test_stronger_weights_fail(brunel_dirs, tmp_path):
    r = compare(results=[_ref(brunel_dirs), brunel_dirs["J1.5"]], outdir=tmp_path / "out")
    assert _verdicts(r, "rate_hz")["E"] in ("Poor", "Fail")
    assert _verdicts(r, "cv_isi") == {"E": "Fail", "I": "Fail"}
    assert r.verdict == "Fail"


def test_mismatched_populations_and_missing_dirs(brunel_dirs, tmp_path):
    with pytest.raises(UsageError, match="populations differ"):
        compare(results=[brunel_dirs["ref1"], brunel_dirs["small"]], outdir=tmp_path / "a")
    with pytest.raises(UsageError, match="does not exist"):
        compare(results=[brunel_dirs["ref1"], tmp_path / "nowhere"], outdir=tmp_path / "b")
    with pytest.raises(UsageError, match="nothing to compare"):
        compare(results=[brunel_dirs["ref1"]], outdir=tmp_path / "c")
    net = scenario_network("dc_step", ModelRef(key="m", kind="nest", name="iaf_psc_exp"))
    with pytest.raises(UsageError, match="unknown target 'bogus'"):
        compare(net, targets=["nest", "bogus"], outdir=tmp_path / "d")


def test_cli_exit_codes(brunel_dirs, tmp_path, capsys):
    ref = ",".join(str(d) for d in _ref(brunel_dirs))
    assert main(["compare", "-r", ref, "-r", str(brunel_dirs["ref1"]), "-o", str(tmp_path / "ok")]) == 0
    out = capsys.readouterr().out
    assert f"verdict: OK; report: {tmp_path / 'ok' / 'report.md'}" in out
    assert main(["compare", "-r", ref, "-r", str(brunel_dirs["g4"]), "-o", str(tmp_path / "f"), "--json"]) == 1
    assert json.loads(capsys.readouterr().out)["verdict"] == "Fail"
    for args in (["-r", str(brunel_dirs["ref1"]), "-r", str(tmp_path / "missing")],
                 ["-r", str(brunel_dirs["ref1"]), "-r", str(brunel_dirs["small"])],
                 ["-r", str(brunel_dirs["ref1"]), "-r", str(brunel_dirs["ref2"]), "--tolerances", "nope.toml"],
                 [str(tmp_path / "missing.pnet"), "--targets", "nest,spinnaker-host"]):
        assert main(["compare", *args, "-o", str(tmp_path / "e")]) == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err and "error E7" in err
