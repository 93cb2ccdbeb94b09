"""The ring-buffer weight scaling on the command line and in .pnet files (issue 13 item 10): build, run and
compare take --weight-scaling; a population's weight_scaling option; the report's shifts and quantisation."""
from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from portasnn.cli import main

PNET = """network ws
model lif from "nestml:iaf_psc_exp_neuron"
population A: 40 lif { I_e = 380 pA }
population B: 30 lif, weight_scaling = shift(4, 5)
population C: 20 lif, weight_scaling = max(400 pA, 800 pA)
connect A -> B: fixed_indegree(10), weight = 70 pA, delay = 1 ms
connect B -> A: fixed_indegree(5), weight = -30 pA, delay = 1 ms
connect A -> C: fixed_indegree(8), weight = 45 pA, delay = 1 ms
stimulus ext: poisson(rate = 4000 Hz) -> A, B, C  weight = 20 pA, delay = 1 ms
record spikes of A
record spikes of B
record spikes of C
simulate 100 ms resolution 0.1 ms seed 3
"""


@pytest.fixture()
def pnet(tmp_path) -> Path:
    path = tmp_path / "ws.pnet"
    path.write_text(PNET)
    return path


def _host_meta(out: Path) -> dict:
    return json.loads((out / "meta.json").read_text())["spinnaker_host"]


def test_run_takes_the_option_over_the_network_s_own(pnet, tmp_path, capsys):
    """issue 13 item 10: .pnet shifts and maxima apply; --weight-scaling POP=... overrides them."""
    assert main(["run", str(pnet), "--target", "spinnaker-host", "-o", str(tmp_path / "a")]) == 0
    meta = _host_meta(tmp_path / "a")
    assert meta["ring_buffer_shifts"]["B"] == [4, 5]
    assert meta["ring_buffer_shifts"]["C"] == [0, 0]  # 0.4 nA, 0.8 nA: below 2**0
    assert meta["weight_scaling"]["B"]["spec"] == "shift:4,5"
    assert main(["run", str(pnet), "--target", "spinnaker-host", "-o", str(tmp_path / "b"),
                 "--weight-scaling", "B=shift:2,3", "--weight-scaling", "A=auto"]) == 0
    meta = _host_meta(tmp_path / "b")
    assert meta["ring_buffer_shifts"]["B"] == [2, 3]
    assert meta["weight_scaling"]["A"]["mode"] == "auto" and meta["weight_scaling"]["A"]["saturations"] == [0, 0]
    shifts = ",".join(map(str, meta["ring_buffer_shifts"]["A"]))
    assert f"(the same on a board: --weight-scaling A=shift:{shifts})" in capsys.readouterr().out


def test_build_passes_the_choice_to_spynnaker(pnet, tmp_path, capsys):
    """issue 13 item 10: the PyNN script sets what sPyNNaker reads (additional_parameters
    max_expected_summed_weight, in nA): shifts S as 0.75 * 2**S, maxima converted from pA."""
    assert main(["build", "--target", "spinnaker", str(pnet), "-o", str(tmp_path / "out"),
                 "--weight-scaling", "A=shift:1,2"]) == 0
    script = (tmp_path / "out" / "ws.py").read_text()
    params = dict(re.findall(r"label='(\w+)', additional_parameters=(\{[^}]*\})", script))
    assert "max_expected_summed_weight': [1.5, 3.0]" in params["A"]
    assert "max_expected_summed_weight': [12.0, 24.0]" in params["B"]
    assert "max_expected_summed_weight': [0.4, 0.8]" in params["C"]
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["weight_scaling"] == {"A": "shift:1,2", "B": "shift:4,5", "C": "max:400.0,800.0"}


def test_auto_is_refused_for_a_board_with_the_way_to_pin_it(pnet, tmp_path, capsys):
    """issue 13 item 10: a board cannot measure; E773 at the population's line says what to pin."""
    auto = tmp_path / "auto.pnet"
    auto.write_text(PNET.replace("weight_scaling = shift(4, 5)", "weight_scaling = auto"))
    assert main(["build", "--target", "spinnaker", str(auto), "-o", str(tmp_path / "out")]) == 2
    err = capsys.readouterr().err
    assert f"{auto}:4:" in err and "E773" in err and "--weight-scaling B=shift:" in err


@pytest.mark.parametrize("args,code", [(["--weight-scaling", "Q=auto"], "E771"),
                                       (["--weight-scaling", "B=shift:3"], "E772"),
                                       (["--weight-scaling", "B=shift:2.5,3"], "E770")])
def test_bad_options_are_user_errors(pnet, tmp_path, capsys, args, code):
    """issue 13 item 10: exit 2 with the code, never a traceback."""
    assert main(["run", str(pnet), "--target", "spinnaker-host", "-o", str(tmp_path / "r"), *args]) == 2
    err = capsys.readouterr().err
    assert code in err and "Traceback" not in err


def test_bad_pnet_option_points_at_its_line(pnet, tmp_path, capsys):
    """issue 13 item 10: a bad weight_scaling in .pnet is refused at file:line:col."""
    bad = tmp_path / "bad.pnet"
    bad.write_text(PNET.replace("max(400 pA, 800 pA)", "max(400 mV, 800 pA)"))
    assert main(["run", str(bad), "--target", "spinnaker-host", "-o", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:5:" in err and "E204" in err


def test_compare_reports_shifts_and_the_quantisation_of_every_projection(pnet, tmp_path, capsys):
    """issue 13 item 10: compare takes the option; report.md and metrics.json list every population's shifts
    and every projection's relative weight error, equal to a direct computation from the shift."""
    out = tmp_path / "cmp"
    main(["compare", str(pnet), "--targets", "spinnaker-host,spinnaker-host:float", "--seeds", "1", "-o", str(out),
          "--weight-scaling", "B=shift:2,3", "--weight-scaling", "A=auto"])
    metrics = json.loads((out / "metrics.json").read_text())
    ws = metrics["weight_scaling"]
    assert list(ws) == ["spinnaker-host"]  # the float run stores weights exactly
    pops = ws["spinnaker-host"]["populations"]
    assert pops["B"]["shifts"] == [2, 3] and pops["C"]["shifts"] == [0, 0] and pops["A"]["mode"] == "auto"
    requested = {"A->B": 70.0, "B->A": 30.0, "A->C": 45.0, "ext": 20.0}
    rows = ws["spinnaker-host"]["weights"]
    assert sorted({(w["name"], w["population"]) for w in rows}) == sorted(
        [("A->B", "B"), ("B->A", "A"), ("A->C", "C"), ("ext", "A"), ("ext", "B"), ("ext", "C")])
    report = (out / "report.md").read_text()
    for w in rows:
        types = pops[w["population"]]["synapse_types"]
        shift = pops[w["population"]]["shifts"][types.index(w["synapse_type"])]
        nA = requested[w["name"]] / 1000.0
        stored = int(np.rint(nA * 2.0 ** (15 - shift))) * 2.0 ** (shift - 15)
        assert w["shift"] == shift
        assert w["requested"] == pytest.approx(requested[w["name"]], rel=1e-12)
        assert w["stored"] == pytest.approx(stored * 1000.0, rel=1e-12)
        assert w["relative_error"] == pytest.approx(stored / nA - 1.0, rel=1e-9, abs=1e-15)
        assert f"| {w['name']} ({w['kind']}) | {w['population']} | {w['synapse_type']} | {shift} |" in report
    assert "--weight-scaling B=shift:2,3" in report


def test_a_fixed_point_deviation_points_at_the_weight_scaling():
    """issue 13 item 10: when the attribution says fixed point, the report names the worst-stored weight and
    the knob; otherwise it adds nothing."""
    from portasnn.harness.compare import scaling_hints

    info = {"spinnaker-host": {"weights": [
        {"name": "E->E", "population": "E", "synapse_type": "excitatory", "shift": 7,
         "max_abs_relative_error": 0.015625},
        {"name": "I->E", "population": "E", "synapse_type": "inhibitory", "shift": 7,
         "max_abs_relative_error": 0.0}]}}
    fixed = ["spinnaker-host E / rate_hz is Poor but OK with --arith float: the deviation comes from fixed-point "
             "arithmetic."]
    hints = scaling_hints(fixed, info)
    assert len(hints) == 1 and "up to 1.56 % error (E->E onto E, excitatory, shift 7)" in hints[0]
    assert "--weight-scaling auto" in hints[0]
    assert scaling_hints(["spinnaker-host: OK, no attribution needed."], info) == []
