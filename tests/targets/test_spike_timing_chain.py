"""Spike times agree hop by hop between nest and spinnaker-host (fixed and float): a chain of delta neurons, each
made to fire by one input, fires at the generator's time plus the sum of the delays on every target. (A trace
shows each synaptic input one step later on spinnaker-host: that is where the two conventions differ, see the
README; spike times must not.)"""
from __future__ import annotations

import numpy as np
import pytest

import portasnn
from portasnn.results import read_results

CHAIN = """network chain
model lif from "nestml:iaf_psc_delta_neuron"
population A: 1 lif
population B: 1 lif
population C: 1 lif
stimulus kick: spikes(times = [10 ms]) -> A weight = 30 mV, delay = 1 ms
connect A -> B: all_to_all, weight = 30 mV, delay = 1 ms
connect B -> C: all_to_all, weight = 30 mV, delay = 1.5 ms
record spikes of A
record spikes of B
record spikes of C
simulate 20 ms resolution 0.1 ms seed 1
"""


@pytest.mark.parametrize("target", ["nest", "spinnaker-host", "spinnaker-host:float"])
def test_a_chain_fires_at_the_sum_of_its_delays(tmp_path, target):
    net = tmp_path / "chain.pnet"
    net.write_text(CHAIN)
    out = portasnn.run(net, target=target, outdir=tmp_path / "out", progress=False)
    spikes = read_results(out).spikes
    assert {pop: spikes[pop][1].tolist() for pop in "ABC"} == {"A": [11.0], "B": [12.0], "C": [13.5]}
    assert all(np.array_equal(spikes[pop][0], [0]) for pop in "ABC")
