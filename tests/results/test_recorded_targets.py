"""A network that records subsets, run on NEST and on spinnaker-host (issue 13 items 1 and 13).

Summaries against numpy on the raw spike files of the recorded neurons only, neo annotations as PyNN's, no
SpikeTrain for an unrecorded neuron, and traces that start at t = 0 with the initial state on both targets.
"""
from __future__ import annotations

import json
import os

import numpy as np
import pytest

from portasnn.builder import FixedIndegree, Network
from portasnn.results import load_results, read_results
from test_recorded_subset import assert_neo_has_recorded_trains_only, assert_summary_is_direct

os.environ.setdefault("PYNEST_QUIET", "1")
pytestmark = pytest.mark.slow  # builds the NESTML model once for each target (cached)

E_SUBSET = tuple(range(0, 40))
I_SUBSET = tuple(range(1, 60, 3))
V_SUBSET = (5, 7, 100)


def _network() -> Network:
    net = Network("subsets")
    net.model("lif", nestml="iaf_psc_exp_neuron")
    net.population("E", 240, "lif", initial={"V_m": -60.0})
    net.population("I", 60, "lif")
    net.connect("E", "E", FixedIndegree(20), weight=15.0, delay=1.5)
    net.connect("E", "I", FixedIndegree(20), weight=15.0, delay=1.5)
    net.connect("I", "E", FixedIndegree(10), weight=-60.0, delay=1.5)
    net.poisson("drive", targets=["E", "I"], rate=4000.0, weight=60.0, delay=0.1)
    net.record_spikes("E", subset=E_SUBSET)
    net.record_spikes("I", subset=I_SUBSET)
    net.record("E", ["V_m"], subset=V_SUBSET, interval=0.1)
    net.simulate(300.0, resolution=0.1, seed=3)
    return net


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    from portasnn.run import run

    root = tmp_path_factory.mktemp("subsets")
    net = _network().ir()
    return {target: run(net, target=target, outdir=root / target, progress=False)
            for target in ("nest", "spinnaker-host")}


@pytest.mark.parametrize("target", ["nest", "spinnaker-host"])
def test_summary_is_over_the_recorded_neurons(runs, target):
    """issue 13 item 1: n_neurons is the recorded count, rate/CV/Fano/correlation are numpy's over them."""
    out = runs[target]
    summary = json.loads((out / "summary.json").read_text())["populations"]
    assert summary["E"]["n_neurons"] == len(E_SUBSET) and summary["E"]["size"] == 240
    assert summary["I"]["n_neurons"] == len(I_SUBSET) and summary["I"]["size"] == 60
    assert summary["E"]["n_spikes"] > 10 * len(E_SUBSET)  # an active network: the statistics mean something
    for pop in ("E", "I"):
        assert_summary_is_direct(out, pop)
    with np.load(out / "spikes" / "E.npz") as npz:
        assert npz["recorded"].tolist() == list(E_SUBSET) and set(npz["senders"].tolist()) <= set(E_SUBSET)


@pytest.mark.parametrize("target", ["nest", "spinnaker-host"])
def test_neo_block_has_one_annotated_train_per_recorded_neuron(runs, target):
    """issue 13 item 1: no empty SpikeTrains for unrecorded neurons; source_population/index/id as PyNN."""
    out = runs[target]
    assert_neo_has_recorded_trains_only(out)
    block = load_results(out)
    trains = block.segments[0].spiketrains
    assert len(trains) == len(E_SUBSET) + len(I_SUBSET)
    i4 = next(st for st in trains if st.annotations["source_population"] == "I" and st.annotations["source_index"] == 4)
    assert i4.annotations["source_id"] == 241 + 4
    assert block.annotations["simulator"] == target and block.annotations["dt"] == 0.1
    (sig,) = block.segments[0].analogsignals
    assert sig.name == "V_m" and sig.annotations["source_population"] == "E"
    assert sig.array_annotations["channel_index"].tolist() == list(V_SUBSET)
    assert sig.annotations["channel_ids"] == [1 + i for i in V_SUBSET]


def test_neuron_ids_are_the_nest_node_ids(runs):
    """The ids of the results (1 + earlier populations' sizes + index) are the generated script's node ids."""
    from portasnn.targets.nest.script import load_script

    module = load_script(runs["nest"] / "run_subsets.py")
    pops, _, _ = module.build(module.SEED, 1)
    first = read_results(runs["nest"]).first_ids
    assert {pop: nodes[0].global_id for pop, nodes in pops.items()} == first == {"E": 1, "I": 241}


def test_traces_start_at_zero_with_the_initial_state_on_both_targets(runs):
    """issue 13 item 13: NEST and spinnaker-host signals start at t = 0 (PyNN's t_start with NEST), first sample
    = the initial V_m, and share the sample times."""
    traces = {t: read_results(out).traces["E"]["V_m"] for t, out in runs.items()}
    for target, tr in traces.items():
        assert tr.times[0] == 0.0, target
        np.testing.assert_array_equal(tr.values[0], np.full(len(V_SUBSET), -60.0))
        np.testing.assert_allclose(np.diff(tr.times), 0.1, atol=1e-9)
    nest, host = traces["nest"], traces["spinnaker-host"]
    np.testing.assert_allclose(nest.times, host.times, atol=1e-9)  # 0, 0.1, ..., 299.9 on both
    assert host.times[-1] == pytest.approx(299.9)
    for target, out in runs.items():
        sig = load_results(out).segments[0].analogsignals[0]
        assert float(sig.t_start.rescale("ms")) == 0.0, target
    # the first two steps are pure leak from -60 mV towards E_L (input arrives later): the same sample times hold
    # the same state on both targets (a shift by one step would differ by 0.1 mV)
    np.testing.assert_allclose(nest.values[1:3], host.values[1:3], atol=1e-3)
    np.testing.assert_allclose(nest.values[1:3, 0], -70.0 + 10.0 * np.exp(-np.array([0.1, 0.2]) / 10.0), atol=1e-3)
