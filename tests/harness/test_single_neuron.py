"""Single-neuron comparisons run through portasnn.run on NEST: identical models agree to round-off, different
models fail; scenario networks are well formed."""
from __future__ import annotations

import pytest

from portasnn.harness.compare import compare
from portasnn.harness.scenarios import SCENARIOS, scenario_network
from portasnn.ir.network import ModelRef
from portasnn.results import read_results
from portasnn.run import run


def _net(model: str, scenario: str = "spike_times"):
    return scenario_network(scenario, ModelRef(key="m", kind="nest", name=model))


@pytest.mark.parametrize("name", sorted(SCENARIOS))
def test_scenarios_drive_one_recorded_neuron(name):
    net = _net("iaf_psc_exp", name)
    assert [p.size for p in net.populations] == [1]
    assert {r.kind for r in net.recorders} == {"spikes", "state"}
    assert net.stimuli and all(s.target == "neuron" for s in net.stimuli)
    assert net == _net("iaf_psc_exp", name)  # frozen inputs: the same network every time


def test_same_model_agrees_on_traces(tmp_path):
    r = compare(_net("iaf_psc_exp"), targets=["nest", "nest"], outdir=tmp_path / "out")
    assert r.mode == "single_neuron" and r.verdict == "OK"
    rel = [j for j in r.judgements if j.observable == "V_m max_rel"]
    assert rel and rel[0].value == 0.0 and rel[0].verdict == "OK"
    assert [j.value for j in r.judgements if j.observable == "spikes count_diff"] == [0.0]
    assert (tmp_path / "out/traces.png").is_file()


def test_different_models_fail(tmp_path):
    a = run(_net("iaf_psc_exp"), target="nest", outdir=tmp_path / "exp", progress=False)
    b = run(_net("iaf_psc_alpha"), target="nest", outdir=tmp_path / "alpha", progress=False)
    r = compare(results=[a, b], outdir=tmp_path / "out")
    verdicts = {j.observable: j.verdict for j in r.judgements}
    assert verdicts["V_m max_rel"] == "Fail" and r.exit_code == 1


@pytest.mark.slow
def test_nestml_iaf_psc_exp_matches_the_nest_builtin(tmp_path):
    """portasnn's build of the NESTML zoo iaf_psc_exp against NEST's built-in, every scenario, rtol 1e-9."""
    import sys
    from pathlib import Path

    model = Path(sys.prefix) / "models" / "neurons" / "iaf_psc_exp_neuron.nestml"
    r = compare(model, targets=["nest", "nest-builtin:iaf_psc_exp"], outdir=tmp_path / "out")
    rel = {j.group: j for j in r.judgements if j.observable == "V_m max_rel"}
    assert set(rel) == set(SCENARIOS)
    assert all(j.value <= 1e-9 and j.verdict == "OK" for j in rel.values())
    assert all(j.value == 0 for j in r.judgements if j.observable == "spikes count_diff")
    for scenario, by_target in r.observables["groups"].items():  # every scenario makes the neuron fire
        assert read_results(by_target["nest"]).spikes["neuron"][1].size > 0, scenario
    assert r.verdict == "OK" and r.exit_code == 0
