"""Plastic synapses in the network language, the IR, the printer and the Python builder (issue 17, first slice).

``synapse stdp from "nest:stdp_synapse" { ... }``, ``connect ...: ..., synapse = stdp`` and ``record weights of
PRE -> POST``; the errors are in broken/ (synapse_*.pnet, record_weights_*.pnet).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portasnn.builder import FixedIndegree, Network
from portasnn.errors import NetworkError
from portasnn.frontend.network import load_network, parse_network_text
from portasnn.ir import network as ir
from portasnn.ir.printer import to_pnet
from portasnn.ir.serialize import canonical_json, ir_hash

PORTASNN = Path(sys.executable).parent / "portasnn"
EXAMPLES = Path(__file__).parents[2] / "examples" / "brunel"

TEXT = """network plastic
model lif = nest iaf_psc_exp
synapse stdp from "nest:stdp_synapse" { tau_plus = 20 ms, lambda = 0.01, alpha = 1.0, mu_plus = 0.0,
                                        mu_minus = 0.0, Wmax = 0.1 nA }
let J = 20 pA
population E: 20 lif
connect E -> E: fixed_indegree(5), synapse = stdp, weight = J, delay = 1.5 ms
stimulus ext: poisson(rate = 8000 Hz) -> E weight = J, delay = 1.5 ms
record spikes of E
record weights of E -> E
simulate 500 ms resolution 0.1 ms seed 3
"""


def built(**record) -> Network:  # noqa: ANN003
    net = Network("plastic")
    net.model("lif", nest="iaf_psc_exp")
    net.synapse("stdp", nest="stdp_synapse", params={"tau_plus": "20 ms", "lambda": 0.01, "alpha": 1.0,
                                                     "mu_plus": 0.0, "mu_minus": 0.0, "Wmax": 100.0})
    E = net.population("E", 20, "lif")
    ee = net.connect(E, E, FixedIndegree(5), synapse="stdp", weight="20 pA", delay=1.5)
    net.poisson("ext", targets=[E], rate=8000.0, weight=20.0, delay=1.5)
    net.record_spikes(E)
    net.record_weights(ee, **record)
    net.simulate(500, resolution=0.1, seed=3)
    return net


def test_synapse_declaration_reaches_the_ir() -> None:
    """issue 17 item 2: parameters in NEST's units, Wmax in the IR unit of the weights it bounds (0.1 nA = 100 pA)."""
    net = parse_network_text(TEXT, "plastic.pnet")
    (syn,) = net.synapses
    assert (syn.key, syn.kind, syn.name, syn.weight_unit) == ("stdp", "nest", "stdp_synapse", "pA")
    assert dict(syn.params) == {"tau_plus": 20.0, "lambda": 0.01, "alpha": 1.0, "mu_plus": 0.0, "mu_minus": 0.0,
                                "Wmax": 100.0}
    (proj,) = net.projections
    assert proj.synapse == "stdp" and proj.plastic
    assert (proj.synapse_span.line, proj.synapse_span.column) == (7, 36)  # the `synapse = stdp` clause
    assert net.weight_recorders == (ir.WeightRecorder(name="E->E:weights", projection="E->E", unit="pA"),)


def test_portasnn_ir_shows_the_synapse(tmp_path: Path) -> None:
    path = tmp_path / "plastic.pnet"
    path.write_text(TEXT)
    done = subprocess.run([str(PORTASNN), "ir", str(path)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)["ir"]
    assert data["synapses"][0]["name"] == "stdp_synapse" and data["synapses"][0]["weight_unit"] == "pA"
    assert data["projections"][0]["synapse"] == "stdp"
    assert data["weight_recorders"][0]["projection"] == "E->E"


def test_printer_round_trip() -> None:
    net = parse_network_text(TEXT, "plastic.pnet")
    text = to_pnet(net)
    assert 'synapse stdp from "nest:stdp_synapse" {' in text and "Wmax = 100.0 pA" in text
    assert "synapse = stdp" in text and "record weights of E -> E" in text
    again = parse_network_text(text)
    assert again == net
    assert to_pnet(again) == text


def test_builder_gives_the_same_ir() -> None:
    assert built().ir() == parse_network_text(TEXT, "plastic.pnet")
    assert parse_network_text(built().to_pnet()) == built().ir()


def test_static_networks_keep_their_json_and_hash() -> None:
    """New fields are left out while at their defaults, so existing cache keys and golden files stay."""
    net = load_network(EXAMPLES / "brunel_delta_nest.pnet")
    text = canonical_json(net, spans=False)
    assert "synapses" not in text and "weight_recorders" not in text and "synapse_span" not in text
    assert '"synapse":"static"' in text
    assert ir_hash(net) == ir_hash(parse_network_text(to_pnet(net)))


@settings(max_examples=60, deadline=None)
@given(tau=st.floats(min_value=1e-3, max_value=1e3), lam=st.floats(min_value=0.0, max_value=1.0),
       mu=st.floats(min_value=0.0, max_value=2.0), wmax=st.floats(min_value=1e-6, max_value=1e6),
       unit=st.sampled_from(["mV", "pA", "nS"]), given_names=st.sets(st.sampled_from(
           ["tau_plus", "lambda", "alpha", "mu_plus", "mu_minus", "Wmax"])))
def test_any_synapse_round_trips(tau: float, lam: float, mu: float, wmax: float, unit: str,
                                 given_names: set[str]) -> None:
    model = {"mV": "iaf_psc_delta", "pA": "iaf_psc_exp", "nS": "iaf_cond_exp"}[unit]
    values = {"tau_plus": tau, "lambda": lam, "alpha": mu, "mu_plus": mu, "mu_minus": mu, "Wmax": wmax}
    params = tuple((k, v) for k, v in values.items() if k in given_names)
    syn = ir.Synapse(key="plastic", kind="nest", name="stdp_synapse", params=params,
                     weight_unit=unit if "Wmax" in given_names else "")
    pop = ir.Population(name="A", size=3, model="m")
    proj = ir.Projection(name="A->A", pre="A", post="A", connector=ir.Connector(rule="all_to_all"), weight=wmax / 2,
                         delay=1.0, synapse="plastic")
    net = ir.Network(name="n", models=(ir.ModelRef(key="m", kind="nest", name=model),), populations=(pop,),
                     projections=(proj,), synapses=(syn,),
                     weight_recorders=(ir.WeightRecorder(name="A->A:weights", projection="A->A", unit=unit),))
    assert parse_network_text(to_pnet(net)) == net


def test_two_projections_between_the_same_pair_are_recorded_by_name() -> None:
    text = TEXT.replace("record weights of E -> E", "record weights of EE2").replace(
        "connect E -> E:", "connect E -> E: fixed_indegree(2), synapse = stdp, weight = J, delay = 1 ms\n"
        "connect EE2: E -> E:")
    net = parse_network_text(text)
    assert net.weight_recorders[0].projection == "EE2"
    assert parse_network_text(to_pnet(net)) == net
    with pytest.raises(NetworkError) as info:
        parse_network_text(text.replace("record weights of EE2", "record weights of E -> E"))
    assert info.value.code == "E245" and "more than one projection" in info.value.message


def test_builder_errors() -> None:
    net = Network("n")
    net.model("d", nest="iaf_psc_delta")
    A = net.population("A", 5, "d")
    with pytest.raises(NetworkError) as info:
        net.synapse("plastic", nest="stdp_synapse", params={"tau_m": 20.0})
    assert info.value.code == "E207" and "tau_plus" in info.value.hint and "tau_minus" in info.value.hint
    with pytest.raises(NetworkError) as info:
        net.synapse("plastic", nest="tsodyks_synapse")
    assert info.value.code == "E241"
    with pytest.raises(NetworkError) as info:
        net.connect(A, A, FixedIndegree(2), weight=0.1, delay=1.0, synapse="nope")
    assert info.value.code == "E242"
    net.synapse("plastic", nest="stdp_synapse", params={"Wmax": "5 pA"})
    net.connect(A, A, FixedIndegree(2), weight=0.1, delay=1.0, synapse="plastic")
    with pytest.raises(NetworkError) as info:
        net.ir()
    assert info.value.code == "E243"
    static = net.connect(A, A, FixedIndegree(2), weight=0.1, delay=1.0)
    with pytest.raises(NetworkError) as info:
        net.record_weights("nope")
    assert info.value.code == "E245"
    net.record_weights(static)
    net2 = Network("n2")
    net2.model("d", nest="iaf_psc_delta")
    B = net2.population("B", 5, "d")
    st_ = net2.connect(B, B, FixedIndegree(2), weight=0.1, delay=1.0)
    net2.record_weights(st_)
    with pytest.raises(NetworkError) as info:
        net2.ir()
    assert info.value.code == "E246"


def test_synapse_is_a_keyword_but_still_an_option() -> None:
    text = TEXT.replace("synapse = stdp", "synapse = static").replace("record weights of E -> E\n", "")
    net = parse_network_text(text)
    assert not net.projections[0].plastic
    with pytest.raises(NetworkError) as info:
        parse_network_text(text.replace("let J", "let synapse = 1\nlet J"))
    assert info.value.code == "E201" and "keyword" in info.value.hint


def test_program_cache_form_keeps_synapses_and_the_clause_span() -> None:
    """The stored IR (portasnn.ir.store) reads back equal, with the span E240 points at."""
    from portasnn.ir import store

    net = parse_network_text(TEXT, "plastic.pnet")
    again = store.load(json.loads(json.dumps(store.dump(net))))
    assert again == net
    assert again.projections[0].synapse_span == net.projections[0].synapse_span
    assert again.synapses[0].span == net.synapses[0].span


def test_tau_minus_on_the_synapse_and_one_per_post_population() -> None:
    """issue 17 (SpiNNaker slice): tau_minus is a synapse parameter (ms); two plastic projections onto one
    population with different tau_minus are refused (E261), since NEST keeps it on the post-synaptic neuron."""
    net = parse_network_text(TEXT.replace("tau_plus = 20 ms,", "tau_plus = 20 ms, tau_minus = 30 ms,"))
    assert dict(net.synapses[0].params)["tau_minus"] == 30.0
    two = TEXT.replace("record weights of E -> E\n", "") + ""
    two = two.replace("let J = 20 pA", 'synapse other from "nest:stdp_synapse" { tau_minus = 10 ms, Wmax = 0.1 nA }'
                      "\nlet J = 20 pA")
    two = two.replace("stimulus ext", "connect EE2: E -> E: fixed_indegree(2), synapse = other, weight = J, "
                      "delay = 1 ms\nstimulus ext")
    with pytest.raises(NetworkError) as info:
        parse_network_text(two, "two.pnet")
    assert info.value.code == "E261" and "tau_minus" in info.value.message
    assert (info.value.span.line, info.value.span.column) == (9, 41)


def test_weights_during_the_run_from_python_equal_the_network_text() -> None:
    """issue 17 item 2: ``record weights of E -> E[0:4] every 100 ms`` and ``net.record_weights(ee, every=...,
    subset=...)`` give the same IR, which prints back to the same text; a subset without ``every`` is refused."""
    text = TEXT.replace("record weights of E -> E", "record weights of E -> E[0:4] every 100 ms")
    net = built(every="100 ms", subset=range(4))
    assert net.ir() == parse_network_text(text, "plastic.pnet")
    assert parse_network_text(net.to_pnet()) == net.ir()
    with pytest.raises(NetworkError) as info:
        built(subset=[1])
    assert info.value.code == "E216"
