"""Weights sent to NESTML models are unit-checked as those of NEST built-ins are (issue 13 item 5).

NESTML 9 types a weight as a plain number; the unit comes from what the model multiplies it with. These tests
read the zoo models through nestml's parser (real ASTs, no mocks).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from portasnn.errors import InternalError, NetworkError
from portasnn.frontend.network import load_network
from portasnn.frontend.nestml_parse import parse_nestml
from portasnn.frontend.nestml_weights import port_weights
from portasnn.units import UNITS

ZOO = Path(sys.prefix) / "models" / "neurons"
BROKEN = Path(__file__).parent / "broken"


@pytest.mark.parametrize("model, unit", [
    ("iaf_psc_delta_neuron", "mV"), ("izhikevich_neuron", "mV"), ("iaf_psc_exp_neuron", "pA"),
    ("iaf_psc_alpha_neuron", "pA"), ("hh_psc_alpha_neuron", "pA"), ("iaf_cond_exp_neuron", "nS"),
    ("iaf_cond_beta_neuron", "nS"), ("aeif_cond_alpha_neuron", "nS"), ("wb_cond_multisyn_neuron", "nS"),
])
def test_zoo_weight_units_are_those_of_the_nest_builtins(model: str, unit: str) -> None:
    """issue 13 item 5: delta synapses take mV, current-based pA, conductance-based nS."""
    (parsed,) = parse_nestml(ZOO / f"{model}.nestml")
    weights = port_weights(parsed.ast)
    assert weights and all(w.unit == UNITS[unit] for w in weights.values()), weights


def test_a_weight_scaled_by_the_model_has_no_unit() -> None:
    """issue 13 item 5: aeif_psc_alpha jumps I_syn' by w * (e / tau) pA/ms: its weight is a plain number."""
    (parsed,) = parse_nestml(ZOO / "aeif_psc_alpha_neuron.nestml")
    w = port_weights(parsed.ast)["exc_spikes"]
    assert w.unit is None and "scaled by 'unit_psc_exc' at line 117:23" in w.reason


def _net(tmp_path: Path, model: str, weight: str, extra: str = "") -> Path:
    path = tmp_path / "net.pnet"
    path.write_text(f'model m from "{model}"\npopulation A: 10 m\n'
                    f"connect A -> A: all_to_all, weight = {weight}, delay = 1 ms{extra}\nsimulate 10 ms\n")
    return path


@pytest.mark.parametrize("case", ["nestml_weight_voltage_on_current", "nestml_weight_bare_number_on_current"])
def test_the_issue_cases_are_refused_at_the_weight(case: str) -> None:
    """issue 13 item 5: 'let J_E = 0.1 mV' and 'let J_E = 30' on iaf_psc_exp_neuron went through as pA."""
    with pytest.raises(NetworkError) as info:
        load_network(BROKEN / f"{case}.pnet")
    err = info.value
    assert (err.code, err.span.line, err.span.column) == ("E204", 5, 38), str(err)
    assert "expected current (pA)" in err.message
    assert "takes weights of current (pA)" in err.hint


@pytest.mark.parametrize("model, weight, expected", [
    ("nestml:iaf_psc_delta_neuron", "0.1 mV", 0.1), ("nestml:iaf_psc_delta_neuron", "100 uV", 0.1),
    ("nestml:iaf_psc_exp_neuron", "30 pA", 30.0), ("nestml:iaf_psc_exp_neuron", "0.03 nA", 30.0),
    ("nestml:iaf_cond_exp_neuron", "2 nS", 2.0), ("nestml:iaf_cond_exp_neuron", "0.002 uS", 2.0),
    ("nestml:aeif_psc_alpha_neuron", "10", 10.0),
])
def test_weights_in_the_right_unit_are_converted(tmp_path: Path, model: str, weight: str, expected: float) -> None:
    """issue 13 item 5: a weight of the right dimension is given in the model's unit."""
    net = load_network(_net(tmp_path, model, weight))
    assert net.projections[0].weight == pytest.approx(expected, rel=1e-12)


def test_a_named_port_takes_its_own_unit(tmp_path: Path) -> None:
    """issue 13 item 5: a weight to a named port was not checked at all."""
    with pytest.raises(NetworkError) as info:
        load_network(_net(tmp_path, "nestml:wb_cond_multisyn_neuron", "1 pA", ", receptor = NMDA"))
    assert "expected conductance (nS), got current (pA)" in info.value.message
    assert "at port 'NMDA'" in info.value.hint
    net = load_network(_net(tmp_path, "nestml:wb_cond_multisyn_neuron", "1 nS", ", receptor = NMDA"))
    assert net.projections[0].weight == 1.0


def test_the_python_builder_checks_weights_too() -> None:
    """issue 13 item 5: portasnn.Network converts string weights with the same rule."""
    from portasnn.builder import AllToAll, Network

    net = Network("n")
    pop = net.population("A", 10, net.model("m", nestml="iaf_psc_exp_neuron"))
    with pytest.raises(NetworkError) as info:
        net.connect(pop, pop, AllToAll(), weight="0.1 mV", delay=1.0)
    assert "expected current (pA), got voltage (mV)" in info.value.message
    net.connect(pop, pop, AllToAll(), weight="0.03 nA", delay=1.0)


def test_a_failure_reading_a_model_is_not_swallowed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """issue 13 item 5: the catalog's 'except Exception: return None' switched every check of the model off."""
    from portasnn.frontend import nestml_weights
    from portasnn.frontend.pnet import catalog

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    catalog._nestml_info_cached.cache_clear()
    monkeypatch.setattr(nestml_weights, "port_weights", broken)
    try:
        with pytest.raises(InternalError, match="boom"):
            load_network(_net(tmp_path, "nestml:iaf_psc_exp_neuron", "30 pA"))
    finally:
        catalog._nestml_info_cached.cache_clear()


@pytest.mark.parametrize("case", ["nestml_weight_voltage_on_current", "nestml_weight_bare_number_on_current"])
def test_run_refuses_before_building(tmp_path: Path, case: str) -> None:
    """issue 13 item 5: 'portasnn run' simulated these networks with the weight taken as pA."""
    import subprocess

    path = BROKEN / f"{case}.pnet"
    done = subprocess.run([str(Path(sys.executable).parent / "portasnn"), "run", str(path), "--target", "nest",
                           "-o", str(tmp_path / "out")], capture_output=True, text=True, timeout=600)
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"{path}:5:38: error E204" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", sorted(UNITS))
def test_astropy_units_become_the_same_quantities(name: str) -> None:
    """issue 13 item 5: NESTML's types (astropy units) map onto portasnn's quantities exactly."""
    import astropy.units as u

    from portasnn.frontend.nestml_weights import to_quantity

    assert to_quantity(u.Unit(name)) == UNITS[name]
    assert to_quantity(u.Unit(name) / u.ms) == UNITS[name] / UNITS["ms"]
