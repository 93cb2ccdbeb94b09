"""NESTML vectors, for/while loops and vector input ports on NEST (issue 13 item 6).

nestml's own vector/loop/multisynapse test models (``tests/frontend/upstream``) and a multisynapse model of our own
(``multisyn_vec_neuron.nestml``) are built into one NEST module, loaded and simulated; the names NEST shows are
NESTML's NEST target's (recordables ``G_IN_0`` ..., receptor types ``SPIKES_0`` ..., vectors as lists in the
status), and the numbers are checked against closed forms or against NEST's built-in iaf_psc_exp_multisynapse.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

import portasnn

nest = pytest.importorskip("nest")

HERE = Path(__file__).parent
UPSTREAM = HERE.parent / "frontend" / "upstream"
MODELS = [UPSTREAM / f"{name}.nestml" for name in (
    "Vectors", "SimpleVectorsModel", "ForLoop", "WhileLoop", "VectorsResize", "iaf_psc_exp_multisynapse_vectors",
    "multiple_input_currents_neuron")] + [HERE / "multisyn_vec_neuron.nestml"]
H = 0.1


@pytest.fixture(scope="module")
def models() -> dict[str, str]:
    art = portasnn.build([str(p) for p in MODELS], target="nest")
    return art.nest_models | {"__install": art}  # type: ignore[dict-item]


@pytest.fixture()
def kernel(models):
    nest.ResetKernel()
    nest.set(resolution=H, local_num_threads=1)
    models["__install"].install()
    return models


def _record(node, names: list[str], t: float) -> dict[str, np.ndarray]:
    mm = nest.Create("multimeter", {"record_from": names, "interval": H})
    nest.Connect(mm, node)
    nest.Simulate(t)
    events = mm.events
    return {name: np.asarray(events[name]) for name in names} | {"times": np.asarray(events["times"])}


def test_vectors_model_has_nestml_names_and_values(kernel) -> None:
    """issue 13 item 6: Vectors.nestml (g_in [20] mV = 11 mV, g_ex [ten] mV, g_ex[1] = -2 mV) on NEST: one
    recordable per element named as NESTML names them (G_IN_0 ... G_IN_19, G_EX_0 ... G_EX_9), vectors as lists."""
    node = nest.Create(kernel["vectors"])
    status = node.get()
    expected = {f"G_IN_{i}" for i in range(20)} | {f"G_EX_{i}" for i in range(10)} | {"V_m"}
    assert set(status["recordables"]) == expected
    assert list(status["g_in"]) == [11.0] * 20 and list(status["g_ex"]) == [1.0] * 10
    assert list(status["taus"]) == [2.0] * 15
    ev = _record(node, ["G_IN_0", "G_IN_19", "G_EX_0", "G_EX_1", "V_m"], 2.0)
    steps = np.rint(ev["times"] / H)
    np.testing.assert_allclose(ev["V_m"], -0.03 * steps, rtol=0, atol=1e-12)  # V_m += -0.03 mV per step
    assert np.all(ev["G_EX_1"] == -2.0) and np.all(ev["G_EX_0"] == 1.0)
    assert np.all(ev["G_IN_0"] == 11.0) and np.all(ev["G_IN_19"] == 11.0)
    assert list(node.get("g_ex")) == [1.0, -2.0] + [1.0] * 8


def test_vector_sizes_are_fixed_and_checked(kernel) -> None:
    """issue 13 item 6: a size parameter (ten, N) is fixed in the build: changing it is refused, as nestml's own
    test expects (VectorsResize: N = 200 raises BadProperty); a list of the wrong length too."""
    node = nest.Create(kernel["vectors"])
    with pytest.raises(nest.NESTErrors.BadProperty, match="ten sets a vector's size"):
        node.set(ten=3)
    with pytest.raises(nest.NESTErrors.BadProperty, match="g_in has 20 elements"):
        node.set(g_in=[1.0, 2.0])
    node.set(g_in=[float(i) for i in range(20)])
    assert list(node.get("g_in")) == [float(i) for i in range(20)]
    with pytest.raises(nest.NESTErrors.BadProperty):
        nest.Create(kernel["vector_resize"], params={"N": 200})


def test_simple_vectors_and_loops(kernel) -> None:
    """issue 13 item 6: SimpleVectorsModel (g_ex[2] = 10.5), ForLoop (for j in 0 ... N step 1: V_m += 0.01 mV,
    N = 42), WhileLoop (y = max(k, j) + 0.011 for j up to N = 5) and VectorsResize (y = sum of x[j]) against their
    closed forms, step by step."""
    simple = nest.Create(kernel["simple_vectors_model"])
    ev = _record(simple, ["G_EX_2", "G_EX_3"], 1.0)
    assert np.all(ev["G_EX_2"] == 10.5) and np.all(ev["G_EX_3"] == 1.2)

    nest.ResetKernel()
    nest.set(resolution=H)
    kernel["__install"].install()
    loop = nest.Create(kernel["for_loop"])
    ev = _record(loop, ["V_m"], 2.0)
    np.testing.assert_allclose(ev["V_m"], -0.2 + 42 * 0.01 * np.rint(ev["times"] / H), rtol=1e-12)
    loop.set(N=5)  # a loop bound that indexes no vector stays a parameter
    before = loop.get("V_m")
    nest.Simulate(1.0)
    assert loop.get("V_m") == pytest.approx(before + 10 * 5 * 0.01, rel=1e-12)

    nest.ResetKernel()
    nest.set(resolution=H)
    kernel["__install"].install()
    wl = nest.Create(kernel["while_loop"])
    resize = nest.Create(kernel["vector_resize"])
    ev = _record(wl, ["y"], 1.0)
    np.testing.assert_allclose(ev["y"], 5.011, rtol=1e-12)
    assert resize.get("y") == 1.0 and list(resize.get("x")) == [1.0]


def test_several_current_ports_are_addressable(kernel) -> None:
    """issue 13 item 6: a second DC source reaches I_2 (receptor_types was {}): multiple_input_currents_neuron
    (V_m1 += I_1 / 5 nS, V_m2 += I_2 / 10 nS per step) with 150 pA into I_1 and 225 pA into I_2, as in nestml's
    test_multiple_continuous_input_ports (which expects 2370 and 1767.5 mV after 10 ms)."""
    node = nest.Create(kernel["multiple_input_currents_neuron"])
    status = node.get()
    assert status["continuous_inputs"] == {"I_1": 0, "I_2": 1}
    assert status["receptor_types"] == {"I_1": 0, "I_2": 1}
    for amplitude, port in ((150.0, "I_1"), (225.0, "I_2")):
        dc = nest.Create("dc_generator", {"amplitude": amplitude})
        nest.Connect(dc, node, syn_spec={"receptor_type": status["continuous_inputs"][port]})
    ev = _record(node, ["V_m1", "V_m2"], 10.0)
    d1, d2 = np.diff(ev["V_m1"]), np.diff(ev["V_m2"])
    assert set(np.round(d1, 12)) <= {0.0, 30.0} and set(np.round(d2, 12)) <= {0.0, 22.5}
    assert ev["V_m1"][-1] / 30.0 == pytest.approx((ev["V_m2"][-1] + 10.0) / 22.5, rel=1e-12)  # V_m2 starts at -10
    assert (ev["V_m1"][-1], ev["V_m2"][-1]) == pytest.approx((2370.0, 1767.5), rel=1e-12)  # nestml's own test


def _builtin(tau_syn: list[float], params: dict) -> object:
    return nest.Create("iaf_psc_exp_multisynapse", params={"tau_syn": tau_syn, **params})


def _drive(node, receptors: dict, dc_receptor: int, spikes: dict[int, tuple[list[float], float]]) -> None:
    dc = nest.Create("dc_generator", {"amplitude": 380.0, "start": 20.0})  # V_m would settle 0.2 mV above V_th
    nest.Connect(dc, node, syn_spec={"receptor_type": dc_receptor})
    for k, (times, weight) in spikes.items():
        sg = nest.Create("spike_generator", {"spike_times": times})
        nest.Connect(sg, node, syn_spec={"receptor_type": receptors[k], "weight": weight, "delay": 1.0})


def _run_pair(nestml, builtin, nestml_receptors, dc_receptor, spikes, builtin_spikes, t=100.0):
    _drive(nestml, nestml_receptors, dc_receptor, spikes)
    _drive(builtin, {k: k + 1 for k in builtin_spikes}, 0, builtin_spikes)
    out = []
    for node in (nestml, builtin):
        mm = nest.Create("multimeter", {"record_from": ["V_m"], "interval": H})
        sr = nest.Create("spike_recorder")
        nest.Connect(mm, node)
        nest.Connect(node, sr)
        out.append((mm, sr))
    nest.Simulate(t)
    (mm_a, sr_a), (mm_b, sr_b) = out
    return (np.asarray(mm_a.events["V_m"]), np.asarray(mm_b.events["V_m"]),
            np.asarray(sr_a.events["times"]), np.asarray(sr_b.events["times"]))


def test_upstream_multisynapse_receptors_match_nest_builtin(kernel) -> None:
    """issue 13 item 6: nestml's iaf_psc_exp_multisynapse_vectors (spikes[3] <- spike, kernels of 0.2, 2 and
    -20 ms) has receptor types SPIKES_0..2 = 1..3; spikes into each receptor and a DC source into I_stim give the
    V_m trace and spikes of NEST's built-in iaf_psc_exp_multisynapse (tau_syn 0.2, 2, 20 ms; the third kernel is
    negative, so its weight there is negated)."""
    a = nest.Create(kernel["iaf_psc_exp_multisynapse_vectors_neuron"])
    receptors = a.get("receptor_types")
    assert receptors == {"SPIKES_0": 1, "SPIKES_1": 2, "SPIKES_2": 3}
    assert set(a.get("recordables")) == {"V_m", "refr_t", "I_syn"}
    b = _builtin([0.2, 2.0, 20.0], {"t_ref": 2.0})
    spikes = {0: ([5.0, 30.0, 31.0, 32.0], 3000.0), 1: ([10.0, 12.0, 40.0, 41.0], 400.0), 2: ([60.0, 61.0], 300.0)}
    builtin_spikes = {0: spikes[0], 1: spikes[1], 2: (spikes[2][0], -spikes[2][1])}
    va, vb, sa, sb = _run_pair(a, b, {k: receptors[f"SPIKES_{k}"] for k in spikes}, 0, spikes, builtin_spikes)
    np.testing.assert_allclose(va, vb, rtol=0, atol=1e-9)
    np.testing.assert_array_equal(sa, sb)
    assert len(sb) >= 2, "the reference must spike for the comparison to test the reset"


@pytest.mark.parametrize("dc_port", [0, 1])
def test_own_multisynapse_receptor_k_matches_nest_builtin(kernel, dc_port: int) -> None:
    """issue 13 item 6: multisyn_vec_neuron (I_syn[3] state vector with one ODE, tau_syn[3], for loop over
    spikes[i], I_stim[2]): a DC source into current receptor I_STIM_k (k = 0, 1) and spikes into SPIKES_k give the
    V_m trace and spikes of the built-in iaf_psc_exp_multisynapse with the same parameters."""
    a = nest.Create(kernel["multisyn_vec_neuron"])
    status = a.get()
    assert status["receptor_types"] == {"SPIKES_0": 1, "SPIKES_1": 2, "SPIKES_2": 3, "I_STIM_0": 0, "I_STIM_1": 1}
    assert status["continuous_inputs"] == {"I_STIM_0": 0, "I_STIM_1": 1}
    assert {"V_m", "I_SYN_0", "I_SYN_1", "I_SYN_2"} <= set(status["recordables"])
    a.set(tau_syn=[0.5, 2.0, 8.0])
    b = _builtin([0.5, 2.0, 8.0], {})
    spikes = {0: ([5.0, 30.0, 31.0], 400.0), 1: ([60.0], -500.0), 2: ([10.0, 12.0, 40.0, 41.0, 42.0], 300.0)}
    va, vb, sa, sb = _run_pair(a, b, {k: status["receptor_types"][f"SPIKES_{k}"] for k in spikes},
                               status["receptor_types"][f"I_STIM_{dc_port}"], spikes, spikes)
    np.testing.assert_allclose(va, vb, rtol=0, atol=1e-9)
    np.testing.assert_array_equal(sa, sb)
    assert len(sb) >= 2


def test_pnet_reaches_receptor_k_on_nest(tmp_path: Path) -> None:
    """issue 13 item 6: in a .pnet, 'receptor = I_STIM_1' on a DC stimulus and 'receptor = SPIKES_k' on spike
    stimuli reach those ports through the generated PyNEST script: multisyn.pnet's V_m trace and spikes equal those
    of the built-in iaf_psc_exp_multisynapse driven the same way in PyNEST."""
    from portasnn.results import read_results
    from portasnn.run import run

    out = run(HERE / "multisyn.pnet", target="nest", outdir=tmp_path / "out", progress=False)
    results = read_results(out)
    trace = results.traces["P"]["V_m"]
    nest.ResetKernel()
    nest.set(resolution=H)
    b = _builtin([0.5, 2.0, 8.0], {})
    # portasnn's 'start = 20 ms' means the current acts from 20 ms: a dc_generator connected with a delay of one
    # step acts one step after its start
    dc = nest.Create("dc_generator", {"amplitude": 200.0, "start": 20.0 - H})
    nest.Connect(dc, b, syn_spec={"delay": H})
    for receptor, times, weight in ((1, [5.0, 30.0, 31.0], 400.0), (3, [10.0, 12.0, 40.0, 41.0, 42.0], 600.0),
                                    (2, [60.0], -500.0)):
        sg = nest.Create("spike_generator", {"spike_times": times})
        nest.Connect(sg, b, syn_spec={"receptor_type": receptor, "weight": weight, "delay": 1.0})
    mm = nest.Create("multimeter", {"record_from": ["V_m"], "interval": H})
    sr = nest.Create("spike_recorder")
    nest.Connect(mm, b)
    nest.Connect(b, sr)
    nest.Simulate(100.0 + 1.0)
    times, values = np.asarray(mm.events["times"]), np.asarray(mm.events["V_m"])
    keep = times < 100.0 - 1e-9
    np.testing.assert_allclose(trace.times[1:], times[keep], rtol=0, atol=1e-9)
    np.testing.assert_allclose(trace.values[1:, 0], values[keep], rtol=0, atol=1e-9)
    builtin_spikes = np.asarray(sr.events["times"])
    np.testing.assert_array_equal(results.spikes["P"][1], builtin_spikes[builtin_spikes < 100.0])
    assert builtin_spikes.size >= 2
