"""Stimuli and recorders of the generated script against analytic solutions of the membrane equation."""
from __future__ import annotations

import numpy as np
import pytest

from portasnn.ir.network import ModelRef, Network, Population, Recorder, Simulation, Stimulus
from portasnn.run import run

TAU, C = 10.0, 250.0  # ms, pF
LIF = ModelRef(key="lif", kind="nest", name="iaf_psc_delta")
PASSIVE = (("C_m", C), ("tau_m", TAU), ("E_L", 0.0), ("V_reset", 0.0), ("V_th", 1e6), ("I_e", 0.0))


def _single(stimulus: Stimulus, tmp_path, duration: float = 8.0) -> tuple[np.ndarray, np.ndarray]:
    net = Network(name="single", models=(LIF,),
                  populations=(Population(name="P", size=1, model="lif", params=PASSIVE, initial=(("V_m", 0.0),)),),
                  stimuli=(stimulus,),
                  recorders=(Recorder(name="vm", kind="state", population="P", variables=("V_m",), interval=0.1),),
                  simulation=Simulation(duration=duration, resolution=0.1))
    out = run(net, outdir=tmp_path / "out", progress=False)
    with np.load(out / "traces" / "P__V_m.npz") as f:
        assert str(f["unit"]) == "mV" and list(f["ids"]) == [0]
        return f["times"], f["values"][:, 0]


def _charging(t: np.ndarray, pieces: list[tuple[float, float]]) -> np.ndarray:
    """V(t) of a passive membrane (E_L = 0) driven by a piecewise-constant current [(from_ms, pA), ...]."""
    v = np.zeros_like(t)
    for k, (t0, amp) in enumerate(pieces):  # superpose the changes of current
        d_amp = amp - (pieces[k - 1][1] if k else 0.0)
        on = t > t0
        v[on] += d_amp * TAU / C * (1 - np.exp(-(t[on] - t0) / TAU))
    return v


def test_dc_current_is_on_exactly_from_start_to_stop(tmp_path):
    stim = Stimulus(name="dc", kind="dc", target="P", params=(("amplitude", 100.0), ("start", 1.0), ("stop", 3.0)))
    t, v = _single(stim, tmp_path)
    np.testing.assert_allclose(v, _charging(t, [(1.0, 100.0), (3.0, 0.0)]), atol=1e-9)


def test_step_current_follows_its_amplitudes(tmp_path):
    stim = Stimulus(name="st", kind="step", target="P", params=(("times", (2.0, 4.5)), ("amplitudes", (80.0, -40.0))))
    t, v = _single(stim, tmp_path)
    np.testing.assert_allclose(v, _charging(t, [(2.0, 80.0), (4.5, -40.0)]), atol=1e-9)


def test_spike_times_arrive_after_the_delay_with_the_weight(tmp_path):
    stim = Stimulus(name="sp", kind="spike_times", target="P", params=(("times", (1.0, 3.0)),), weight=2.0,
                    delay=1.5)
    t, v = _single(stim, tmp_path)
    expected = sum(np.where(t >= arrive - 1e-9, 2.0 * np.exp(-(t - arrive) / TAU), 0.0) for arrive in (2.5, 4.5))
    np.testing.assert_allclose(v, expected, atol=1e-9)


def test_spike_weights_scale_each_spike(tmp_path):
    """A spikes stimulus with weights: spike k jumps V_m by weights[k] * weight (NEST's spike_weights)."""
    stim = Stimulus(name="sp", kind="spike_times", target="P", params=(("times", (1.0, 3.0, 4.0)),
                                                                      ("weights", (0.5, 0.0, 3.25))),
                    weight=2.0, delay=1.0)
    t, v = _single(stim, tmp_path)
    expected = sum(np.where(t >= arrive - 1e-9, 2.0 * f * np.exp(-(t - arrive) / TAU), 0.0)
                   for arrive, f in ((2.0, 0.5), (4.0, 0.0), (5.0, 3.25)))
    np.testing.assert_allclose(v, expected, atol=1e-9)


def test_poisson_gives_each_target_its_own_train_at_the_rate(tmp_path):
    net = Network(name="parrots", models=(ModelRef(key="p", kind="nest", name="parrot_neuron"),),
                  populations=(Population(name="P", size=100, model="p"),),
                  stimuli=(Stimulus(name="ext", kind="poisson", target="P", params=(("rate", 400.0),), weight=1.0,
                                    delay=1.0),),
                  recorders=(Recorder(name="s", kind="spikes", population="P"),),
                  simulation=Simulation(duration=1001.0, resolution=0.1, seed=11))
    out = run(net, outdir=tmp_path / "out", progress=False)
    with np.load(out / "spikes" / "P.npz") as f:
        senders, times = f["senders"], f["times"]
    counts = np.bincount(senders, minlength=100)
    assert abs(counts.mean() - 400.0) < 5 * np.sqrt(400.0 / 100)  # 5 sigma of the mean count over 1 s
    first, second = set(times[senders == 0].round(1)), set(times[senders == 1].round(1))
    assert len(first & second) < 0.2 * len(first)  # independent trains share few time steps
    assert np.all(np.diff(times) >= 0)


@pytest.mark.parametrize("subset", [(0, 3, 7), (5,)])
def test_recorders_record_only_their_subset(tmp_path, subset):
    net = Network(name="sub", models=(LIF,),
                  populations=(Population(name="P", size=10, model="lif", params=(("I_e", 500.0),)),),
                  recorders=(Recorder(name="s", kind="spikes", population="P", subset=subset),
                             Recorder(name="v", kind="state", population="P", variables=("V_m",), subset=subset,
                                      interval=0.5)),
                  simulation=Simulation(duration=100.0, resolution=0.1))
    out = run(net, outdir=tmp_path / "out", progress=False)
    with np.load(out / "spikes" / "P.npz") as f:
        assert set(f["senders"]) == set(subset)
    with np.load(out / "traces" / "P__V_m.npz") as f:
        assert tuple(f["ids"]) == subset
        assert f["values"].shape == (len(f["times"]), len(subset))
        np.testing.assert_allclose(np.diff(f["times"]), 0.5)


def test_traces_start_at_zero_with_the_initial_state_the_status_shows(tmp_path):
    """issue 13 item 13: a trace's first sample is the state at t = 0 (PyNN's convention); iaf_psc_exp does not show
    I_syn_ex in its status, so that trace starts at the multimeter's first sample, one interval in."""
    net = Network(name="initial", models=(ModelRef(key="lif", kind="nest", name="iaf_psc_exp"),),
                  populations=(Population(name="P", size=3, model="lif", initial=(("V_m", -60.0),)),),
                  recorders=(Recorder(name="vm", kind="state", population="P", variables=("V_m", "I_syn_ex"),
                                      subset=(0, 2), interval=0.5),),
                  simulation=Simulation(duration=3.0, resolution=0.1))
    out = run(net, outdir=tmp_path / "out", progress=False)
    # up to duration - interval, also though NEST delivers the last min-delay slice (1 ms here) of samples late
    with np.load(out / "traces" / "P__V_m.npz") as f:
        np.testing.assert_allclose(f["times"], [0.0, 0.5, 1.0, 1.5, 2.0, 2.5])
        assert f["ids"].tolist() == [0, 2] and f["values"][0].tolist() == [-60.0, -60.0]
        np.testing.assert_allclose(f["values"][1], -70.0 + 10.0 * np.exp(-0.5 / 10.0), atol=1e-9)
    with np.load(out / "traces" / "P__I_syn_ex.npz") as f:
        np.testing.assert_allclose(f["times"], [0.5, 1.0, 1.5, 2.0, 2.5])
