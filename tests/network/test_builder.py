"""The Python builder makes the same IR as the .pnet text and applies the same checks."""
from __future__ import annotations

from pathlib import Path

import pytest

import portasnn
from portasnn.errors import NetworkError
from portasnn.frontend.network import load_network, parse_network_text
from portasnn.builder import (AllToAll, FixedIndegree, FixedProbability, FixedTotalNumber, LogNormal, Network,
                              Normal, OneToOne, Uniform)

EXAMPLES = Path(__file__).parents[2] / "examples" / "brunel"


def brunel(n: int) -> Network:
    ne, ni = n * 4 // 5, n // 5
    ce, ci = ne // 10, ni // 10
    net = Network("brunel_delta_nest")
    net.model("neuron", nest="iaf_psc_delta")
    params = {"t_ref": 2.0, "V_th": 20.0, "V_reset": 10.0, "E_L": 0.0, "tau_m": 20.0, "C_m": 250.0}
    E = net.population("E", ne, "neuron", params=params, initial={"V_m": Uniform(0.0, 20.0)})
    I = net.population("I", ni, "neuron", params=params, initial={"V_m": Uniform(0.0, 20.0)})
    for pre, post, k, w in ((E, E, ce, 0.1), (E, I, ce, 0.1), (I, E, ci, -0.5), (I, I, ci, -0.5)):
        net.connect(pre, post, FixedIndegree(k), weight=w, delay=1.5)
    net.poisson("ext", targets=[E, I], rate=20000.0, weight=0.1, delay=1.5)
    net.record_spikes(E)
    net.record_spikes(I)
    net.record(E, "V_m", subset=range(5), interval=0.1)
    net.simulate(1000, resolution=0.1, seed=42)
    return net


@pytest.mark.parametrize("n", [10000, 2000])
def test_builder_equals_the_brunel_example(n: int) -> None:
    assert brunel(n).ir() == load_network(EXAMPLES / "brunel_delta_nest.pnet", overrides={"N": str(n)})


def test_package_exports_the_builder() -> None:
    assert portasnn.Network is Network
    assert portasnn.load_network is load_network


def test_strings_with_units_and_sign_convention() -> None:
    net = Network("n")
    net.model("x", nest="iaf_psc_exp")
    a = net.population("A", 5, "x", params={"C_m": "0.25 nF", "tau_syn_ex": "500 us"}, initial={"V_m": -65.0})
    p1 = net.connect(a, a, AllToAll(), weight="0.02 nA", delay="1 ms", receptor="inhibitory", autapses=False)
    p2 = net.connect("A", "A", OneToOne(), weight=-3.0, delay=Normal(2.0, 0.5, low=0.1))
    stim = net.poisson("ext", targets=["A"], rate="1 kHz", weight=1.0, delay=1.0, start="10 ms")
    net.dc("bias", targets=[a], amplitude="0.1 nA", subset=[0, 2])
    net.step("steps", targets=[a], times=[1.0, 2.0], amplitudes=[10.0, 0.0])
    net.spike_times("kick", targets=[a], times=[5.0], weight=2.0, delay=1.0)
    rec = net.record(a, ["V_m", "I_syn_ex"], subset=range(2))
    net.simulate("0.5 s", resolution=0.05)
    ir = net.ir()
    assert ir.populations[0].params == (("C_m", 250.0), ("tau_syn_ex", 0.5))
    assert ir.populations[0].initial == (("V_m", -65.0),)
    assert (p1.weight, p1.receptor, p1.connector.allow_autapses) == (-20.0, "inhibitory", False)
    assert (p2.weight, p2.receptor, p2.name) == (-3.0, "inhibitory", "A->A#2")
    assert stim[0].params == (("rate", 1000.0), ("start", 10.0))
    assert ir.recorders[0].interval == 0.05 and rec.name == "A:V_m,I_syn_ex"
    assert ir.simulation.duration == 500.0
    assert parse_network_text(net.to_pnet()) == ir


@pytest.mark.parametrize("build, message", [
    (lambda n, a: n.population("A", 3, "d"), "defined twice"),
    (lambda n, a: n.population("B", 0, "d"), "at least 1"),
    (lambda n, a: n.population("B", 3, "zz"), "unknown model"),
    (lambda n, a: n.population("B", 3, "d", params={"tau_ref": 1.0}), "no parameter"),
    (lambda n, a: n.population("B", 3, "d", params={"V_th": "20 ms"}), "wrong unit"),
    (lambda n, a: n.population("B", 3, "d", initial={"V_th": 20.0}), "not a state variable"),
    (lambda n, a: n.population("ms", 3, "d"), "not a valid name"),
    (lambda n, a: n.connect(a, "Q", AllToAll(), weight=1.0, delay=1.0), "unknown population"),
    (lambda n, a: n.connect(a, a, AllToAll(), weight=-1.0, delay=1.0, receptor="excitatory"), "must not be negative"),
    (lambda n, a: n.connect(a, a, AllToAll(), weight=Normal(0.0, 1.0), delay=1.0), "receptor is not clear"),
    (lambda n, a: n.connect(a, a, AllToAll(), weight=LogNormal(0.0, 1.0), delay=1.0, receptor="inhibitory"),
     "lognormal"),
    (lambda n, a: FixedProbability(1.2), "between 0 and 1"),
    (lambda n, a: FixedIndegree(2.5), "whole number"),
    (lambda n, a: Uniform(2.0, 1.0), "above high"),
    (lambda n, a: n.model("e", nest="iaf_psc_delta", nestml="iaf_psc_exp_neuron"), "exactly one"),
    (lambda n, a: n.model("e", nestml="no_such_neuron"), "not found"),
    (lambda n, a: n.record(a, "spikes"), "record_spikes"),
])
def test_builder_errors(build, message: str) -> None:
    net = Network("n")
    net.model("d", nest="iaf_psc_delta")
    a = net.population("A", 3, "d")
    with pytest.raises(NetworkError) as info:
        build(net, a)
    assert message in info.value.message
    assert info.value.code.startswith("E2")


@pytest.mark.parametrize("build, message", [
    (lambda n, a: n.connect(a, a, AllToAll(), weight=1.0, delay=0.01), "below the resolution"),
    (lambda n, a: n.connect(a, a, FixedTotalNumber(10, multapses=False), weight=1.0, delay=1.0), "without multapses"),
    (lambda n, a: n.record_spikes(a, subset=[5]), "outside population"),
    (lambda n, a: n.record(a, "g_ex"), "no variable 'g_ex'"),
    (lambda n, a: n.simulate(10, seed=0), "at least 1"),
])
def test_checks_run_when_the_ir_is_made(build, message: str) -> None:
    net = Network("n")
    net.model("d", nest="iaf_psc_delta")
    a = net.population("A", 3, "d")
    with pytest.raises(NetworkError) as info:
        build(net, a)
        net.ir()
    assert message in info.value.message


def test_population_weight_scaling():
    """issue 13 item 10: Network.population(..., weight_scaling=...) takes the CLI's spec strings."""
    import pytest as _pytest

    from portasnn import Network
    from portasnn.errors import PortasnnError
    from portasnn.ir.network import WeightScaling

    net = Network("ws")
    net.model("lif", nest="iaf_psc_exp")
    assert net.population("A", 2, "lif", weight_scaling="shift:1,2").weight_scaling == WeightScaling(
        mode="shifts", values=(1.0, 2.0))
    assert net.population("B", 2, "lif", weight_scaling="auto").weight_scaling == WeightScaling(mode="auto")
    assert net.population("C", 2, "lif").weight_scaling is None
    with _pytest.raises(PortasnnError) as err:
        net.population("D", 2, "lif", weight_scaling="shift:-1,2")
    assert err.value.code == "E770"
