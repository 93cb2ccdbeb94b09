"""The .pnet reader: every construct, checked against hand-computed IR values."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from portasnn.errors import NetworkError
from portasnn.frontend.network import load_network, parse_network_text, parse_overrides
from portasnn.frontend.pnet.reader import evaluate
from portasnn.ir.network import Distribution
from portasnn.units import Quantity, to_ir

HERE = Path(__file__).parent
EXAMPLES = HERE.parents[1] / "examples" / "brunel"
HEAD = "model d = nest iaf_psc_delta\nmodel x = nest iaf_psc_exp\npopulation A: 10 d\npopulation B: 10 x\n"
TAIL = "\nsimulate 10 ms\n"


def net_of(body: str, **kw):
    return parse_network_text(HEAD + body + TAIL, **kw)


def dist(kind, params, low=None, high=None):
    return Distribution(kind=kind, params=tuple(params), low=low, high=high)


@pytest.fixture(scope="module")
def small():
    return load_network(HERE / "cases" / "small.pnet")


def test_sizes_models_and_parameters_in_ir_units(small) -> None:
    assert small.name == "small"
    assert [(m.key, m.kind, m.name) for m in small.models] == [("iaf", "nest", "iaf_psc_exp"),
                                                               ("delta", "nest", "iaf_psc_delta")]
    E, I, P = small.populations
    assert (E.size, I.size, P.size) == (40, 10, 4)
    # model block default t_ref first, then the population's own values; 0.25 nF = 250 pF, 0.1 nA = 100 pA
    assert E.params == (("t_ref", 2.0), ("V_th", -55.0), ("tau_m", 10.0), ("C_m", 250.0))
    assert E.initial == (("V_m", dist("normal", [("mu", -65.0), ("sigma", 2.0)], -70.0, -56.0)),)
    assert I.params == (("t_ref", 2.0), ("I_e", 100.0))
    assert P.params == () and P.initial == ()


def test_projections(small) -> None:
    by_name = {p.name: p for p in small.projections}
    assert list(by_name) == ["E->I", "I->E", "ee", "E->E", "P->P"]
    ei = by_name["E->I"]
    assert (ei.connector.rule, ei.connector.params, ei.weight, ei.delay, ei.receptor) == \
        ("fixed_indegree", (("indegree", 4),), 20.0, 1.5, "excitatory")
    ie = by_name["I->E"]
    assert ie.connector.params == (("p", 0.1),)
    assert (ie.connector.allow_autapses, ie.connector.allow_multapses) == (False, False)
    assert ie.weight == -80.0 and ie.receptor == "inhibitory"
    assert ie.delay == dist("uniform", [("low", 1.0), ("high", 2.0)])
    assert by_name["ee"].weight == dist("normal", [("mu", 20.0), ("sigma", 2.0)], 0.0, None)
    assert by_name["ee"].connector.params == (("outdegree", 5),)
    assert by_name["E->E"].connector.params == (("n", 100),)
    pp = by_name["P->P"]
    assert (pp.connector.rule, pp.weight, pp.delay) == ("one_to_one", 1.5, 0.2)


def test_stimuli(small) -> None:
    ext_e, ext_i, bias, steps, kick = small.stimuli
    assert (ext_e.name, ext_e.kind, ext_e.target, ext_e.subset) == ("ext", "poisson", "E", None)
    assert ext_e.params == (("rate", 8000.0), ("start", 10.0))
    assert (ext_e.weight, ext_e.delay, ext_e.receptor) == (20.0, 1.5, "excitatory")
    assert (ext_i.target, ext_i.subset, ext_i.params) == ("I", (0, 1, 2, 3, 4), ext_e.params)
    assert bias.params == (("amplitude", 200.0), ("start", 50.0), ("stop", 60.0))
    assert steps.params == (("times", (10.0, 20.0)), ("amplitudes", (100.0, 0.0))) and steps.subset == (1, 3)
    assert (kick.kind, kick.params, kick.weight, kick.delay) == ("spike_times", (("times", (5.0, 7.5)),), 2.0, 1.0)


def test_recorders_and_simulation(small) -> None:
    names = [(r.name, r.kind, r.variables, r.subset, r.interval) for r in small.recorders]
    assert names == [("E:spikes", "spikes", (), None, 0.1), ("E:spikes#2", "spikes", (), (0, 1, 2, 3, 4), 0.1),
                     ("I:V_m,I_syn_ex", "state", ("V_m", "I_syn_ex"), (0, 1), 0.5),
                     ("vP", "state", ("V_m",), (0, 1), 0.1)]
    sim = small.simulation
    assert (sim.duration, sim.resolution, sim.seed, sim.threads, sim.processes) == (100.0, 0.1, 7, 2, 1)


def test_every_node_has_a_span(small) -> None:
    nodes = [*small.models, *small.populations, *small.projections, *small.stimuli, *small.recorders,
             small.simulation]
    for node in nodes:
        assert node.span is not None and Path(node.span.file).name == "small.pnet" and node.span.line > 0
    E = small.populations[0]
    assert (E.span.line, E.span.column) == (8, 1)
    assert E.initial[0][1].span.line == 8


@pytest.mark.parametrize("text, value, unit", [
    ("0.1 mV", 0.1, "mV"), ("1 / ms", 1000.0, "Hz"), ("2 ms**-1", 2000.0, "Hz"), ("3 kHz", 3000.0, "Hz"),
    ("0.25 nF", 250.0, "pF"), ("1 uS", 1000.0, "nS"), ("1.5 nA * 2 MOhm", 3.0, "mV"), ("2 ** 3", 8.0, ""),
    ("-2 ** 2", -4.0, ""), ("10 mV / (0.1 mV * 800 * 20 ms)", 6.25, "Hz"), ("min(1 ms, 2 s)", 1.0, "ms"),
    ("max(1 ms, 2 s)", 2000.0, "ms"), ("sqrt(4 mV**2)", 2.0, "mV"), ("round(2.5)", 2.0, ""),
    ("ceil(0.1 * 8001)", 801.0, ""), ("exp(0)", 1.0, ""), ("7 - 3 - 2", 2.0, ""), ("2 ** 3 ** 2", 512.0, ""),
])
def test_expressions_and_units(text: str, value: float, unit: str) -> None:
    q = evaluate(text)
    assert isinstance(q, Quantity)
    assert to_ir(q) == pytest.approx(value, rel=1e-15)


def test_decimal_literals_are_exact() -> None:
    # 0.1 + 0.2 in exact rationals is 0.3, where binary floats give 0.30000000000000004
    assert to_ir(evaluate("0.1 mV + 0.2 mV")) == 0.3


def test_brunel_delta_nest_example_matches_the_paper() -> None:
    net = load_network(EXAMPLES / "brunel_delta_nest.pnet")
    E, I = net.populations
    assert (E.size, I.size) == (8000, 2000)
    assert dict(E.params) == {"t_ref": 2.0, "V_th": 20.0, "V_reset": 10.0, "E_L": 0.0, "tau_m": 20.0, "C_m": 250.0}
    indegrees = [dict(p.connector.params)["indegree"] for p in net.projections]
    assert indegrees == [800, 800, 200, 200]
    assert [p.weight for p in net.projections] == [0.1, 0.1, -0.5, -0.5]
    assert {p.delay for p in net.projections} == {1.5}
    # nu_th = theta / (J C_E tau_m) = 20 / (0.1 * 800 * 20) per ms = 12.5 Hz; nu_ext = 2 nu_th; rate = nu_ext C_E
    assert [s.params for s in net.stimuli] == [(("rate", 2 * 12.5 * 800),)] * 2
    assert net.simulation.duration == 1000.0 and net.simulation.resolution == 0.1
    assert [r.kind for r in net.recorders] == ["spikes", "spikes", "state"]


def test_brunel_scales_with_overrides() -> None:
    net = load_network(EXAMPLES / "brunel_delta_nest.pnet", overrides=parse_overrides(["N=2000", "J=0.2 mV"]))
    assert [p.size for p in net.populations] == [1600, 400]
    assert [dict(p.connector.params)["indegree"] for p in net.projections] == [160, 160, 40, 40]
    assert [p.weight for p in net.projections] == [0.2, 0.2, -1.0, -1.0]
    # rate = eta theta / (J tau_m) = 2 * 20 / (0.2 * 20) per ms
    assert net.stimuli[0].params == (("rate", 10000.0),)


def test_brunel_exp_weight_gives_a_psp_of_J() -> None:
    net = load_network(EXAMPLES / "brunel_exp_nestml.pnet", overrides={"N": "1000"})
    w = net.projections[0].weight
    # PSP of a current w exp(-t / tau_s) into a membrane (tau_m = 20 ms, C_m = 250 pF), evaluated on a grid
    t = np.linspace(0, 10, 200001)
    tau_m, tau_s, c_m = 20.0, 0.5, 250.0
    v = w * tau_s * tau_m / (c_m * (tau_m - tau_s)) * (np.exp(-t / tau_m) - np.exp(-t / tau_s))
    assert v.max() == pytest.approx(0.1, rel=1e-6)
    assert net.projections[2].weight == pytest.approx(-5 * w)


def test_nestml_examples_use_shipped_models() -> None:
    net = load_network(EXAMPLES / "brunel_delta_nestml.pnet", overrides={"N": "100"})
    (model,) = net.models
    assert model.kind == "nestml" and model.name == "iaf_psc_delta_neuron"
    assert Path(model.path).name == "iaf_psc_delta_neuron.nestml" and Path(model.path).is_file()
    assert dict(net.populations[0].params)["refr_T"] == 2.0


@pytest.mark.parametrize("body, weight, receptor", [
    ("connect A -> A: all_to_all, weight = -0.3 mV, delay = 1 ms", -0.3, "inhibitory"),
    ("connect A -> A: all_to_all, weight = 0.3 mV, delay = 1 ms", 0.3, "excitatory"),
    ("connect A -> A: all_to_all, weight = 0.3 mV, delay = 1 ms, receptor = inhibitory", -0.3, "inhibitory"),
    ("connect A -> A: all_to_all, weight = -0.3 mV, delay = 1 ms, receptor = inhibitory", -0.3, "inhibitory"),
    ("connect A -> A: all_to_all, weight = uniform(0.1 mV, 0.2 mV), delay = 1 ms, receptor = inhibitory",
     dist("uniform", [("low", -0.2), ("high", -0.1)]), "inhibitory"),
    ("connect A -> A: all_to_all, weight = normal(0.5 mV, 0.1 mV, low = 0 mV), delay = 1 ms, receptor = inhibitory",
     dist("normal", [("mu", -0.5), ("sigma", 0.1)], None, -0.0), "inhibitory"),
    ("connect A -> B: all_to_all, weight = -3 pA, delay = 1 ms, receptor = port_2", -3.0, "port_2"),
])
def test_weight_sign_convention(body: str, weight, receptor: str) -> None:
    (proj,) = net_of(body).projections
    assert (proj.weight, proj.receptor) == (weight, receptor)


@pytest.mark.parametrize("body, message", [
    ("connect A -> A: all_to_all, weight = normal(0 mV, 1 mV), delay = 1 ms", "receptor is not clear"),
    ("connect A -> A: all_to_all, weight = lognormal(0, 1), delay = 1 ms, receptor = inhibitory", "lognormal"),
    ("connect A -> A: all_to_all, weight = 1 mV, delay = normal(1.5 ms, 0.2 ms)", "can be below the resolution"),
    ("connect A -> A: one_to_one, weight = 1 mV, delay = 1 ms\npopulation C: 3 d\nconnect A -> C: one_to_one, "
     "weight = 1 mV, delay = 1 ms", "equal size"),
    ("connect A -> A: fixed_indegree(11), weight = 1 mV, delay = 1 ms, multapses = false", "without multapses"),
    ("record V_m of A every 0.01 ms", "below the resolution"),
    ("stimulus st: step(times = [1 ms, 2 ms], amplitudes = [1 pA]) -> A", "as many amplitudes"),
    ("stimulus st: ac(amplitude = 1 pA, frequency = -1 Hz) -> A", "frequency must not be negative"),
    ("stimulus st: noise(mean = 0 pA, stdev = 1 pA, dt = 0.15 ms) -> A", "whole number of time steps"),
    ("stimulus st: noise(mean = 0 pA, stdev = -1 pA, dt = 0.1 ms) -> A", "stdev must not be negative"),
    ("stimulus st: ac(amplitude = 1 pA) -> A", "needs the argument 'frequency'"),
    ("stimulus st: spikes(times = [2 ms, 1 ms]) -> A weight = 1 mV, delay = 1 ms", "increasing order"),
    ("stimulus st: spikes(times = [1 ms, 2 ms], weights = [1]) -> A weight = 1 mV, delay = 1 ms",
     "as many weights as times"),
    ("stimulus st: spikes(times = [1 ms], weights = [-1]) -> A weight = 1 mV, delay = 1 ms", "factors >= 0"),
    ("stimulus st: spikes(times = [1 ms], weights = [1 mV]) -> A weight = 1 mV, delay = 1 ms", "weights item"),
    ("stimulus st: dc(amplitude = 1 pA) -> A weight = 1 mV", "has no option 'weight'"),
    ("stimulus st: poisson(rate = 1 Hz) -> A weight = 1 mV", "needs delay"),
    ("population A2: 10 d { V_m ~ uniform(5 mV, 1 mV) }", "is above high"),
    ("population A2: 10 d { V_m = 1 mV, V_m = 2 mV }", "given twice"),
    ("let x = log(0)", "not positive"),
    ("let x = 1 mV ** 0.5", "whole-number exponent"),
    ("let x = 1 / (1 ms - 1 ms)", "division by zero"),
])
def test_semantic_errors(body: str, message: str) -> None:
    with pytest.raises(NetworkError) as info:
        net_of(body)
    assert message in info.value.message
    assert info.value.span is not None and info.value.span.line >= 5


def test_include_is_relative_and_read_once(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "consts.pnet").write_text("let n = 7\n")
    (tmp_path / "sub" / "pops.pnet").write_text('include "consts.pnet"\nmodel d = nest iaf_psc_delta\n'
                                                "population A: n d\n")
    (tmp_path / "main.pnet").write_text('include "sub/consts.pnet"\ninclude "sub/pops.pnet"\nsimulate 5 ms\n')
    net = load_network(tmp_path / "main.pnet")
    assert net.populations[0].size == 7
    assert net.name == "main" and net.source == str((tmp_path / "main.pnet").resolve())
    assert Path(net.populations[0].span.file).name == "pops.pnet"


def test_nestml_model_from_a_relative_file(tmp_path: Path) -> None:
    import sys

    src = Path(sys.prefix) / "models" / "neurons" / "iaf_psc_exp_neuron.nestml"
    (tmp_path / "models").mkdir()
    (tmp_path / "models" / "my_neuron.nestml").write_text(src.read_text())
    (tmp_path / "net.pnet").write_text('model m = iaf_psc_exp_neuron from "models/my_neuron.nestml"\n'
                                       "population A: 3 m\nsimulate 5 ms\n")
    (model,) = load_network(tmp_path / "net.pnet").models
    assert model.name == "iaf_psc_exp_neuron" and model.path == str((tmp_path / "models" / "my_neuron.nestml"))


def test_parse_overrides() -> None:
    assert parse_overrides(["N=2000", "J = 0.2 mV"]) == {"N": "2000", "J": "0.2 mV"}
    with pytest.raises(NetworkError):
        parse_overrides(["N"])


def test_default_state_recorder_interval_is_the_resolution() -> None:
    net = parse_network_text(HEAD + "record V_m of A\nsimulate 10 ms resolution 0.25 ms\n")
    assert net.recorders[0].interval == 0.25


def test_syntax_error_gives_expected_tokens() -> None:
    with pytest.raises(NetworkError) as info:
        parse_network_text("model d = nest iaf_psc_delta\npopulation A 10 d\n", filename="x.pnet")
    err = info.value
    assert (err.span.file, err.span.line, err.span.column, err.code) == ("x.pnet", 2, 14, "E201")
    assert "':'" in err.hint
    assert "x.pnet:2:14" in str(err)


def test_unit_error_points_at_operator() -> None:
    with pytest.raises(NetworkError) as info:
        parse_network_text("let a = (1 mV +\n   2 ms)\n")
    assert (info.value.span.line, info.value.span.column) == (1, 15)


class UnitsOnly:
    """A catalog that answers only parameter_units, as a NESTML frontend may supply."""

    def parameter_units(self, model):
        from portasnn.units import UNITS

        return {"tau": UNITS["ms"], "gain": Quantity(1)} if model.kind == "nestml" else None


def test_catalog_with_parameter_units_only(tmp_path: Path) -> None:
    (tmp_path / "m.nestml").write_text("model m:\n    parameters:\n        tau ms = 1 ms\n")
    good = 'model m from "m.nestml"\npopulation A: 2 m { tau = 0.5 s, gain = 3 }\nsimulate 1 ms\n'
    (tmp_path / "good.pnet").write_text(good)
    net = load_network(tmp_path / "good.pnet", catalog=UnitsOnly())
    assert net.populations[0].params == (("tau", 500.0), ("gain", 3.0))
    (tmp_path / "bad.pnet").write_text(good.replace("gain = 3", "gain = 3 mV"))
    with pytest.raises(NetworkError) as info:
        load_network(tmp_path / "bad.pnet", catalog=UnitsOnly())
    assert (info.value.span.line, info.value.span.column, info.value.code) == (2, 41, "E204")
    (tmp_path / "bad2.pnet").write_text(good.replace("gain = 3", "gian = 3"))
    with pytest.raises(NetworkError) as info:
        load_network(tmp_path / "bad2.pnet", catalog=UnitsOnly())
    assert info.value.code == "E207" and "'gian'" in info.value.message
