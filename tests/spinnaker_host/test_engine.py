"""The network engine: timestep order, delivery timing, ring buffers, sources, results."""
from __future__ import annotations

import json
import math
import warnings

import numpy as np
import pytest

from portasnn.ir.network import (Connector, ModelRef, Network, Population, Projection, Recorder, Simulation,
                                 Stimulus)
from portasnn.results import load_results, read_results
from portasnn.targets.spinnaker_host import fixed
from portasnn.targets.spinnaker_host.poisson import count_cdf as poisson_count_cdf
from portasnn.targets.spinnaker_host.runner import run_network

MODELS = (ModelRef(key="lif", kind="nest", name="iaf_psc_exp"),)
LIF = dict(tau_m=20.0, C_m=1000.0, E_L=-65.0, V_th=-50.0, V_reset=-70.0, t_ref=2.0, tau_syn_exc=5.0,
           tau_syn_inh=5.0)


def _net(name, pops, projections=(), stimuli=(), recorders=(), duration=100.0, dt=1.0, seed=1):
    return Network(name=name, models=MODELS, populations=pops, projections=projections, stimuli=stimuli,
                   recorders=recorders, simulation=Simulation(duration=duration, resolution=dt, seed=seed))


def _pop(name, size, **over):
    return Population(name=name, size=size, model="lif", params=tuple({**LIF, **over}.items()))


def _trace(outdir, pop, var):
    d = np.load(outdir / "traces" / f"{pop}__{var}.npz")
    return d["times"], d["values"]


def _reference_lif_dc(dt: float, amp_na: float, n: int):
    """Hand-computed s16.15 trajectory (notes 1.7): V recorded before each tick, spike ticks."""
    ts = fixed.timestep_s1615(dt)
    r = fixed.kdivk(fixed.encode_s1615(20.0), fixed.encode_s1615(1.0))
    etc = fixed.expk(-fixed.kdivk(ts, fixed.encode_s1615(20.0)))
    t_ref = fixed.refractory_ticks(fixed.encode_s1615(2.0), ts)
    v, v_rest, v_reset, thr = (fixed.encode_s1615(x) for x in (-65.0, -65.0, -70.0, -50.0))
    current = fixed.encode_s1615(amp_na)
    timer, rec, spikes = 0, [], []
    for t in range(n):
        rec.append(v)
        if timer <= 0:
            alpha = fixed.s32(fixed.mul(current, r) + v_rest)
            v = fixed.s32(alpha - fixed.mul(etc, fixed.s32(alpha - v)))
        else:
            timer -= 1
        if v >= thr:
            spikes.append(t)
            v, timer = v_reset, t_ref
    return np.array(rec), spikes


@pytest.mark.parametrize("dt", [1.0, 0.1])
def test_single_neuron_dc_matches_hand_computed_fixed_point(lif_model, tmp_path, dt):
    n = int(round(100.0 / dt))
    net = _net("dc", (_pop("P", 1, V_m=-65.0),),
               stimuli=(Stimulus(name="dc", kind="dc", target="P", params=(("amplitude", 1500.0),)),),
               recorders=(Recorder(name="s", kind="spikes", population="P"),
                          Recorder(name="v", kind="state", population="P", variables=("V_m",), interval=dt)),
               duration=100.0, dt=dt)
    out = run_network(net, {"lif": lif_model}, tmp_path / "r", plots=False)
    times, values = _trace(out, "P", "V_m")
    rec, spikes = _reference_lif_dc(dt, 1.5, n)
    assert np.array_equal(np.rint(values[:, 0] * 32768).astype(np.int64), rec)
    assert np.allclose(times, np.arange(n) * dt)
    s = np.load(out / "spikes" / "P.npz")
    assert len(spikes) >= 2
    assert np.allclose(s["times"], np.array(spikes) * dt)


def test_spike_arrives_at_start_of_tick_t_plus_delay(lif_model, tmp_path):
    """Spike-array spike at 10 ms, delay 3 ms, dt 1 ms: the input appears at tick 13, before V's update."""
    net = _net("delay", (_pop("P", 1),),
               stimuli=(Stimulus(name="a", kind="spike_times", target="P", params=(("times", (10.0,)),),
                                 weight=500.0, delay=3.0),),
               recorders=(Recorder(name="v", kind="state", population="P", variables=("V_m", "I_syn_exc"),
                                   interval=1.0),),
               duration=20.0)
    out = run_network(net, {"lif": lif_model}, tmp_path / "r", plots=False)
    meta = json.loads((out / "meta.json").read_text())
    shift = meta["spinnaker_host"]["ring_buffer_shifts"]["P"][0]
    assert shift == 0  # max weight 0.5 nA
    _, isyn = _trace(out, "P", "I_syn_exc")
    _, v = _trace(out, "P", "V_m")
    ts = fixed.timestep_s1615(1.0)
    init = fixed.exp_init(ts, fixed.encode_s1615(5.0))
    slot = int(fixed.weight_to_ring(0.5, shift))
    expected = fixed.decay_s1615(slot << shift, init) / 32768.0 * 1000.0  # pA
    assert np.all(isyn[:13, 0] == 0.0)
    assert isyn[13, 0] == pytest.approx(expected, abs=1e-9)
    assert np.all(v[:14, 0] == -65.0) and v[14, 0] > -65.0  # V recorded before the update of its tick


def test_ring_buffer_saturates(lif_model, tmp_path):
    """Six simultaneous 0.4 nA spikes at shift 0: 5 * 13107 = 65535 fits, the sixth saturates."""
    stims = tuple(Stimulus(name=f"a{k}", kind="spike_times", target="P", params=(("times", (5.0,)),),
                           weight=400.0, delay=1.0) for k in range(6))
    net = _net("sat", (_pop("P", 1),), stimuli=stims,
               recorders=(Recorder(name="v", kind="state", population="P", variables=("I_syn_exc",),
                                   interval=1.0),), duration=10.0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = run_network(net, {"lif": lif_model}, tmp_path / "r", plots=False,
                          max_expected_summed_weight={"P": [0.5, 0.5]})
    sat = [str(w.message) for w in caught if "W770" in str(w.message)]  # per population, with the count
    assert len(sat) == 1 and "population P: 1 additions to its excitatory ring buffers saturated" in sat[0]
    meta = json.loads((out / "meta.json").read_text())
    assert meta["spinnaker_host"]["saturations"] == 1
    assert meta["spinnaker_host"]["weight_scaling"]["P"]["saturations"] == [1, 0]
    assert meta["spinnaker_host"]["ring_buffer_shifts"]["P"] == [0, 0]
    _, isyn = _trace(out, "P", "I_syn_exc")
    init = fixed.exp_init(fixed.timestep_s1615(1.0), fixed.encode_s1615(5.0))
    assert isyn[6, 0] == pytest.approx(fixed.decay_s1615(0xFFFF, init) / 32768.0 * 1000.0, abs=1e-9)


def test_float_arith_differs_slightly_and_matches_exact_solution(lif_model, tmp_path):
    net = _net("float", (_pop("P", 1, V_th=0.0),),  # never fires
               stimuli=(Stimulus(name="dc", kind="dc", target="P", params=(("amplitude", 500.0),)),),
               recorders=(Recorder(name="v", kind="state", population="P", variables=("V_m",), interval=1.0),),
               duration=100.0)
    fx = run_network(net, {"lif": lif_model}, tmp_path / "fixed", plots=False)
    fl = run_network(net, {"lif": lif_model}, tmp_path / "float", arith="float", plots=False)
    _, vfx = _trace(fx, "P", "V_m")
    _, vfl = _trace(fl, "P", "V_m")
    t = np.arange(100.0)
    exact = -65.0 + 10.0 * (1.0 - np.exp(-t / 20.0))  # R I = 20 MOhm * 0.5 nA
    assert np.max(np.abs(vfl[:, 0] - exact)) < 1e-9
    diff = np.max(np.abs(vfx[:, 0] - vfl[:, 0]))
    assert 0.0 < diff < 0.02  # s16.15 quantisation of R, exp(-dt/tau), the state
    assert json.loads((fl / "meta.json").read_text())["target"] == "spinnaker-host-float"


def test_small_network_writes_results_dir(lif_model, tmp_path):
    net = _net("small", (_pop("E", 80, I_e=300.0), _pop("I", 20)),
               projections=(
                   Projection(name="EE", pre="E", post="E", connector=Connector(
                       rule="fixed_indegree", params=(("indegree", 8),), allow_autapses=False),
                       weight=50.0, delay=1.5),
                   Projection(name="EI", pre="E", post="I", connector=Connector(
                       rule="fixed_probability", params=(("p", 0.2),)), weight=80.0, delay=1.0),
                   Projection(name="IE", pre="I", post="E", connector=Connector(rule="all_to_all"),
                              weight=-40.0, delay=1.0, receptor="inhibitory")),
               stimuli=(Stimulus(name="noise", kind="poisson", target="E", params=(("rate", 2000.0),),
                                 weight=60.0, delay=1.0),),
               recorders=(Recorder(name="se", kind="spikes", population="E"),
                          Recorder(name="si", kind="spikes", population="I"),
                          Recorder(name="ve", kind="state", population="E", variables=("V_m",), subset=(0, 3),
                                   interval=0.5)),
               duration=200.0, dt=0.5, seed=7)
    seen = []
    out = run_network(net, {"lif": lif_model}, tmp_path / "r", progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (200.0, 200.0) and len(seen) > 50
    res = read_results(out)
    assert res.meta["target"] == "spinnaker-host"
    assert set(res.spikes) == {"E", "I"}
    assert res.spikes["E"][0].size > 0
    block = load_results(out)
    assert len(block.segments[0].spiketrains) == 100
    summary = json.loads((out / "summary.json").read_text())
    assert summary["populations"]["E"]["rate_hz"] > 0
    assert (out / "raster.png").exists() and (out / "traces.png").exists()
    # same seed -> same spikes; other seed -> different
    again = read_results(run_network(net, {"lif": lif_model}, tmp_path / "again", plots=False))
    assert np.array_equal(again.spikes["E"][1], res.spikes["E"][1])


def _count_poisson(lif_model, tmp_path, rate, dt, seed, duration):
    net = _net("pois", (_pop("P", 1, V_th=1000.0),),
               stimuli=(Stimulus(name="p", kind="poisson", target="P", params=(("rate", rate),),
                                 weight=1.0, delay=dt),), duration=duration, dt=dt, seed=seed)
    out = run_network(net, {"lif": lif_model}, tmp_path / f"p{seed}", plots=False)
    return json.loads((out / "meta.json").read_text())["spinnaker_host"]["synaptic_events"]


@pytest.mark.parametrize("rate, dt", [(50.0, 1.0), (2000.0, 1.0), (20000.0, 1.0), (20000.0, 0.1)])
def test_poisson_source_counts(lif_model, tmp_path, rate, dt):
    """Spike counts of a Poisson source over 10 s agree with its rate (5 sigma), per regime."""
    duration = 10_000.0
    n = _count_poisson(lif_model, tmp_path, rate, dt, 3, duration)
    lam = rate * dt / 1000.0
    ticks = duration / dt
    mean = ticks * (lam + 0.25 if lam >= 10 else lam)  # the Gaussian regime's round((Z/2+sqrt(lam))^2)
    assert abs(n - mean) < 5 * math.sqrt(ticks * (lam + 0.5))
    assert n != _count_poisson(lif_model, tmp_path, rate, dt, 4, duration)


@pytest.mark.parametrize("lam", [0.005, 0.05, 2.0, 9.5, 20.0, 200.0])
def test_poisson_count_tables(lam):
    cdf = poisson_count_cdf(lam).astype(np.float64) / 2**32
    p = np.diff(np.concatenate([[0.0], cdf, [1.0]]))
    k = np.arange(p.size)
    mean = (p * k).sum()
    var = (p * k * k).sum() - mean**2
    if lam < 0.01:
        eff = 1.0 / math.floor(1.0 / lam)
        assert mean == pytest.approx(eff, rel=1e-6) and var == pytest.approx(eff, rel=1e-6)
    elif lam < 10:
        assert mean == pytest.approx(lam, rel=1e-6) and var == pytest.approx(lam, rel=1e-6)
    else:  # x = Z/2 + sqrt(lam): E[x^2] = lam + 1/4, Var[x^2] = lam + 1/8 (before rounding)
        assert mean == pytest.approx(lam + 0.25, abs=0.01) and var == pytest.approx(lam + 0.125 + 1 / 12, abs=0.05)


def test_unknown_receptor_is_a_clear_error(lif_model, tmp_path):
    from portasnn.errors import NetworkError

    net = _net("bad", (_pop("P", 2),),
               projections=(Projection(name="x", pre="P", post="P", connector=Connector(rule="all_to_all"),
                                       weight=1.0, delay=1.0, receptor="AMPA"),))
    with pytest.raises(NetworkError, match="no synapse type 'AMPA'"):
        run_network(net, {"lif": lif_model}, tmp_path / "r", plots=False)


def test_two_models_in_one_network(lif_model, izk_model, tmp_path):
    """Populations of different compiled models share one engine library and one spike exchange."""
    models = (*MODELS, ModelRef(key="izk", kind="nest", name="izhikevich"))
    net = Network(name="mixed", models=models,
                  populations=(Population(name="Z", size=20, model="izk", params=(("I_e", 10000.0),)), _pop("L", 10)),
                  projections=(Projection(name="ZL", pre="Z", post="L", connector=Connector(rule="all_to_all"),
                                          weight=100.0, delay=1.0),),
                  recorders=(Recorder(name="sz", kind="spikes", population="Z"),
                             Recorder(name="vl", kind="state", population="L", variables=("I_syn_exc",),
                                      subset=(0,), interval=1.0)),
                  simulation=Simulation(duration=100.0, resolution=1.0, seed=2))
    out = run_network(net, {"lif": lif_model, "izk": izk_model}, tmp_path / "r", plots=False)
    res = read_results(out)
    first = float(res.spikes["Z"][1].min())
    _, isyn = _trace(out, "L", "I_syn_exc")
    tick = int(first) + 1  # 20 simultaneous spikes, delay 1 tick
    assert np.all(isyn[:tick, 0] == 0.0) and isyn[tick, 0] > 0.0


def test_overlapping_recorders_are_merged(lif_model, tmp_path):
    net = _net("rec", (_pop("P", 5, I_e=2000.0),),
               recorders=(Recorder(name="a", kind="spikes", population="P", subset=(0, 1)),
                          Recorder(name="b", kind="spikes", population="P", subset=(1, 2)),
                          Recorder(name="v1", kind="state", population="P", variables=("V_m",), subset=(0,),
                                   interval=2.0),
                          Recorder(name="v2", kind="state", population="P", variables=("V_m",), subset=(3,),
                                   interval=2.0)),
               duration=50.0)
    out = run_network(net, {"lif": lif_model}, tmp_path / "r", plots=False)
    s = np.load(out / "spikes" / "P.npz")
    assert set(s["senders"]) == {0, 1, 2}
    per = np.bincount(s["senders"])
    assert per[0] == per[1] == per[2] > 0  # identical neurons, no duplicated spikes
    d = np.load(out / "traces" / "P__V_m.npz")
    assert list(d["ids"]) == [0, 3] and np.allclose(d["times"], np.arange(0, 50, 2.0))


def test_step_current_source_with_negative_steps(lif_model, tmp_path):
    """A step current (pA) up then down below zero: V follows the s16.15 reference tick by tick."""
    net = _net("step", (_pop("P", 1, V_th=0.0),),
               stimuli=(Stimulus(name="st", kind="step", target="P",
                                 params=(("times", (10.0, 30.0)), ("amplitudes", (500.0, -250.0))),),),
               recorders=(Recorder(name="v", kind="state", population="P", variables=("V_m",), interval=1.0),),
               duration=50.0)
    out = run_network(net, {"lif": lif_model}, tmp_path / "r", plots=False)
    _, v = _trace(out, "P", "V_m")
    ts = fixed.timestep_s1615(1.0)
    r = fixed.kdivk(fixed.encode_s1615(20.0), fixed.encode_s1615(1.0))
    etc = fixed.expk(-fixed.kdivk(ts, fixed.encode_s1615(20.0)))
    x, rest, ref = fixed.encode_s1615(-65.0), fixed.encode_s1615(-65.0), []
    for t in range(50):
        ref.append(x)
        i = 0 if t < 10 else (fixed.encode_s1615(0.5) if t < 30 else fixed.encode_s1615(-0.25))
        alpha = fixed.s32(fixed.mul(i, r) + rest)
        x = fixed.s32(alpha - fixed.mul(etc, fixed.s32(alpha - x)))
    assert np.array_equal(np.rint(v[:, 0] * 32768).astype(np.int64), np.array(ref))


def _jkiss(seed: tuple[int, int, int, int], n: int) -> list[int]:
    """Marsaglia's JKISS, one output at a time, from its definition (seeded as the engine seeds it)."""
    m = 0xFFFFFFFF
    x, y, z, c = (v & m for v in seed)
    y = y or 13031301
    c = c % 698769068 + 1
    out = []
    for _ in range(n):
        x = (314527869 * x + 1234567) & m
        y ^= (y << 5) & m
        y ^= y >> 7
        y ^= (y << 22) & m
        t = 4294584393 * z + c
        c, z = t >> 32, t & m
        out.append((x + y + z) & m)
    return out


@pytest.mark.parametrize("seed", [(1, 2, 3, 4), (2**64 - 1, 0, 2**40 + 7, 698769067), (0, 0, 0, 0)])
def test_random_stream_is_the_plain_generator(lif_model, seed):
    """The engine draws its Poisson randoms in jump-ahead batches; across three batch boundaries
    they are the generator's own sequence."""
    import ctypes

    from portasnn.targets.spinnaker_host.runner import build_library

    lib = ctypes.CDLL(str(build_library([lif_model], "fixed")))
    n = 3 * 8 * 1024 + 5
    out = np.zeros(n, np.uint32)
    seeds = (ctypes.c_uint64 * 4)(*seed)
    assert lib.portasnn_random_stream(seeds, ctypes.c_uint64(n), out.ctypes.data_as(ctypes.c_void_p)) == 0
    assert out.tolist() == _jkiss(seed, n)
