"""``record weights of PRE -> POST[subset] every T``: the weights of the synapses onto the subset during the run
(issue 17 items 2 and 6), on nest and spinnaker-host. Reference: the same network run for only up to each sample
time, whose final weights are what the sample must hold."""
from __future__ import annotations

import numpy as np
import pytest

from portasnn.errors import NetworkError
from portasnn.frontend.network import parse_network_text
from portasnn.ir.printer import to_pnet
from portasnn.results import read_results
from portasnn.run import run

from .test_stdp import lag_trains, pair_network

LAGS = (-20.0, -5.0, 3.0, 10.0, 25.0)


def network(duration: float, every: str = "every 60 ms", subset: str = "[1:4]") -> str:
    pre, post = lag_trains(LAGS)
    text = pair_network(pre, post, duration=duration)
    return text.replace("record weights of pre -> post", f"record weights of pre -> post{subset} {every}")


@pytest.mark.parametrize("target, rtol", [("spinnaker-host", 0.0), ("spinnaker-host:float", 0.0), ("nest", 1e-12)])
def test_each_sample_is_the_final_weight_of_a_run_that_long(tmp_path, target, rtol):
    full = read_results(run(parse_network_text(network(300.0), "t.pnet"), target=target, outdir=tmp_path / "full",
                            progress=False))
    tr = full.trajectories["pre__post"]
    assert tr.times.tolist() == [60.0, 120.0, 180.0, 240.0, 300.0] and tr.projection == "pre->post"
    assert tr.sources.tolist() == [1, 2, 3] and tr.targets.tolist() == [1, 2, 3] and tr.unit == "mV"
    assert tr.weights.shape == (5, 3)
    final = full.weights["pre__post"]
    np.testing.assert_array_equal(tr.weights[-1], final.weights[1:4])  # the last sample is the final weights
    assert np.ptp(tr.weights, axis=0).min() > 0  # every recorded synapse learned
    for k, t in enumerate(tr.times[:-1]):
        short = read_results(run(parse_network_text(network(float(t), every="", subset=""), "s.pnet"),
                                 target=target, outdir=tmp_path / f"s{k}", progress=False))
        np.testing.assert_allclose(tr.weights[k], short.weights["pre__post"].weights[1:4], rtol=rtol, atol=0)


def test_the_declaration_round_trips_and_bad_ones_are_refused():
    net = parse_network_text(network(300.0), "t.pnet")
    (rec,) = net.weight_recorders
    assert (rec.interval, rec.subset) == (60.0, (1, 2, 3))
    assert "record weights of pre -> post[1:4] every 60.0 ms" in to_pnet(net)
    assert parse_network_text(to_pnet(net), "again.pnet").weight_recorders == net.weight_recorders
    for every, subset, code, where in (("", "[1:4]", "E216", "remove the subset"),
                                       ("every 0.5 ms", "", "E211", "whole multiple"),
                                       ("every 400 ms", "", "E211", "at most"),
                                       ("every 60 ms", "[7]", "E217", "outside")):
        with pytest.raises(NetworkError) as info:
            parse_network_text(network(300.0, every, subset), "bad.pnet")
        assert info.value.code == code and where in (info.value.message + str(info.value.hint)), every
