"""Connections from a file on spinnaker-host and spinnaker (issue 16 item 2).

spinnaker-host: the synapses it runs are exactly the file's (its synapse table), and a file-connected network
driven by identical neurons responds as the closed form says (every post neuron's deviation from rest is its summed
incoming weight times one common kernel), agreeing with NEST in float. spinnaker: the PyNN script uses a
FromListConnector whose list is written next to it (no machine paths), and sPyNNaker maps it on a virtual board with
the ring-buffer shifts the emulator chose for the same explicit connections.
"""
from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from portasnn.frontend.network import load_network
from portasnn.results import read_results

from .test_virtual_board import SHIFTS_DRIVER  # the driver that reads the shifts sPyNNaker chooses

PRE = np.array([0, 1, 2, 0, 3, 3, 1, 2, 0])
POST = np.array([0, 0, 1, 2, 2, 2, 3, 3, 3])  # post 2 gets pre 3 twice (a multapse)
WEIGHT = np.array([0.02, 0.05, 0.08, 0.011, 0.03, 0.03, 0.04, 0.013, 0.07])  # nA
DELAY = np.array([1.0, 1.0, 2.0, 1.5, 1.0, 1.0, 1.0, 1.0, 1.0])


def _network(tmp_path, resolution: float = 0.1, duration: float = 60.0) -> str:
    np.savez(tmp_path / "conn.npz", pre=PRE, post=POST, weight=WEIGHT, delay=DELAY, weight_unit=np.array("nA"))
    (tmp_path / "net.pnet").write_text(f"""\
network fromfile
model exp from "nestml:iaf_psc_exp_neuron"
population A: 4 exp {{ I_e = 500 pA, tau_m = 10 ms, C_m = 250 pF, E_L = -70 mV, V_reset = -70 mV, V_th = -55 mV }}
population B: 5 exp {{ V_th = 100 mV, E_L = -70 mV, V_m = -70 mV }}
connect A -> B: from_file("conn.npz")
record spikes of A
record V_m of B
simulate {duration} ms resolution {resolution} ms seed 7
""")
    return str(tmp_path / "net.pnet")


def test_spinnaker_host_runs_exactly_the_files_synapses(tmp_path):
    """issue 16 item 2: netdata's synapse table for the projection is the file's rows (weights in pA), nothing
    drawn."""
    from portasnn.program import load_program
    from portasnn.targets.spinnaker_host import netdata
    from portasnn.targets.spinnaker_host.lower import host_model

    program = load_program(load_network(_network(tmp_path)))
    models = {key: host_model(m) for key, m in program.models}
    data = netdata.build(program.network, models, 0.1, np.random.default_rng(0))
    (chunk,) = [c for c in data.chunks if c.name == "A->B"]
    a, b = data.pop("A").offset, data.pop("B").offset
    assert np.array_equal(chunk.pre - a, PRE) and np.array_equal(chunk.post - b, POST)
    assert np.allclose(chunk.weight / models["exp"].weight_to_model[chunk.synapse_type], WEIGHT * 1000.0,
                       rtol=1e-12)
    assert np.array_equal(chunk.delay, np.rint(DELAY / 0.1).astype(int))
    (inc,) = data.incoming["B"]
    assert inc.n_conns == 3  # the most connections onto one neuron (post 2 and post 3), as FromListConnector says


@pytest.mark.slow
def test_nest_and_spinnaker_host_float_agree_with_the_closed_form(tmp_path):
    """issue 16 item 2: identical A neurons fire together, so B_j's V_m - E_L is (sum of its weights, each at
    its delay) times one kernel: with equal delays onto B_0 and B_3 (1 ms), B_0/B_3 is W_0/W_3 at every step, B_2
    is B_0's kernel scaled and shifted by the 0.5 ms longer delay of one of its connections;
    B_4 gets nothing and stays at rest. NEST and spinnaker-host (float) give the same traces."""
    from portasnn.run import run

    pnet = _network(tmp_path)
    traces = {}
    for target in ("nest", "spinnaker-host-float"):
        res = read_results(run(pnet, target=target, outdir=tmp_path / target, progress=False))
        assert all(len(t) >= 2 for t in res.trains("A"))
        traces[target] = res.traces["B"]["V_m"]
    host, nest = traces["spinnaker-host-float"], traces["nest"]
    n = min(len(host.times), len(nest.times))
    assert np.allclose(host.times[:n], nest.times[:n])
    dev = {j: host.of(j)[:n] + 70.0 for j in range(5)}
    assert np.all(dev[4] == 0.0)
    w = {j: WEIGHT[POST == j].sum() for j in range(4)}
    moving = np.abs(dev[0]) > 1e-6
    assert moving.sum() > 100
    assert np.allclose(dev[0][moving] / dev[3][moving], w[0] / w[3], rtol=1e-9)
    # B_2: 0.011 nA from A_0 at 1.5 ms and 2 x 0.03 nA from A_3 at 1 ms: the kernel of B_0, scaled and shifted
    kernel = dev[0] / w[0]
    shifted = np.concatenate([np.zeros(5), kernel[:-5]])  # 0.5 ms later
    assert np.allclose(dev[2], 0.011 * shifted + 0.06 * kernel, rtol=1e-9, atol=1e-12)
    for j in range(5):
        assert np.max(np.abs(host.of(j)[:n] - nest.of(j)[:n])) < 1e-9, j


def test_spinnaker_script_uses_a_from_list_connector_and_its_list_next_to_it(tmp_path):
    """issue 16 item 2: the list (pre, post, |w| in nA, delay ms) is a text file of the artifact, loaded relative
    to the script; no path of this machine in the script."""
    from portasnn.modules import build_spinnaker

    art = build_spinnaker(_network(tmp_path), tmp_path / "out")
    text = art.script.read_text()
    assert "p.FromListConnector(conn_1, column_names=['weight', 'delay'])" in text
    assert str(tmp_path) not in text and "receptor_type='excitatory'" in text
    listed = np.loadtxt(art.script.parent / "connections" / "1_A__B.txt", ndmin=2)
    assert np.array_equal(listed[:, 0], PRE) and np.array_equal(listed[:, 1], POST)
    assert np.allclose(listed[:, 2], WEIGHT, rtol=1e-14, atol=0) and np.array_equal(listed[:, 3], DELAY)


@pytest.mark.slow
@pytest.mark.spinnaker
def test_virtual_board_maps_the_list_with_the_emulators_ring_buffer_shifts(tmp_path):
    """issue 16 item 2: sPyNNaker 7.4.1 maps the generated FromListConnector and picks for B the ring-buffer
    shifts spinnaker-host ran with (its estimate from the explicit connections)."""
    pytest.importorskip("spynnaker")
    from portasnn.modules import build_spinnaker
    from portasnn.run import run

    from .test_virtual_board import _env

    pnet = _network(tmp_path, resolution=1.0, duration=20.0)
    host = run(pnet, target="spinnaker-host", outdir=tmp_path / "host", progress=False)
    meta = json.loads((host / "meta.json").read_text())["spinnaker_host"]
    art = build_spinnaker(pnet, tmp_path / "out")
    (art.script.parent / "driver.py").write_text(SHIFTS_DRIVER)
    proc = subprocess.run([sys.executable, "driver.py", art.script.name], cwd=art.script.parent,
                          env=_env(tmp_path / "home"), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    seen = json.loads((art.script.parent / "shifts.json").read_text())
    assert seen["B"] == meta["ring_buffer_shifts"]["B"]


TAU = np.array([5.0, 10.0, 12.5, 20.0, 40.0, 7.5])  # ms
E_L = np.array([-70.0, -65.0, -60.0, -72.5, -68.0, -61.0])  # mV
V_0 = np.array([-50.0, -52.5, -55.0, -80.0, -45.0, -61.0])  # mV


def _parameter_network(tmp_path) -> str:
    np.save(tmp_path / "tau.npy", TAU / 1000.0)  # in s: converted by the unit in the call
    np.savez(tmp_path / "params.npz", E_L=E_L, V_0=V_0 * 1000.0)  # V_0 in uV
    (tmp_path / "params.pnet").write_text("""\
network perneuron
model exp from "nestml:iaf_psc_exp_neuron"
population P: 6 exp { tau_m = file("tau.npy", s), E_L = file("params.npz", "E_L", mV), V_th = -30 mV,
                      V_m = file("params.npz", "V_0", uV) }
record V_m of P
simulate 30 ms resolution 0.1 ms seed 3
""")
    return str(tmp_path / "params.pnet")


@pytest.mark.slow
def test_per_neuron_parameters_on_spinnaker_host_follow_the_closed_form(tmp_path):
    """issue 16 item 2 (parameters): each neuron relaxes from its own V_m(0) to its own E_L with its own tau_m,
    V(t) = E_L + (V_0 - E_L) exp(-t / tau_m), on spinnaker-host (float) and on NEST."""
    from portasnn.run import run

    pnet = _parameter_network(tmp_path)
    for target in ("spinnaker-host-float", "nest"):
        res = read_results(run(pnet, target=target, outdir=tmp_path / target, progress=False))
        trace = res.traces["P"]["V_m"]
        for j in range(6):
            expected = E_L[j] + (V_0[j] - E_L[j]) * np.exp(-trace.times / TAU[j])
            assert np.allclose(trace.of(j), expected, rtol=0, atol=1e-9), (target, j)


def test_spinnaker_script_loads_per_neuron_parameters_written_next_to_it(tmp_path):
    """issue 16 item 2 (parameters): the PyNN population gets arrays in PyNN units from text files of the artifact."""
    from portasnn.modules import build_spinnaker

    art = build_spinnaker(_parameter_network(tmp_path), tmp_path / "out")
    text = art.script.read_text()
    assert "tau_m=numpy.loadtxt(os.path.join(HERE, 'parameters/P__tau_m.txt'), ndmin=1)" in text
    assert "pop_P.initialize(V_m=numpy.loadtxt(os.path.join(HERE, 'parameters/P__V_m.txt'), ndmin=1))" in text
    assert str(tmp_path) not in text
    folder = art.script.parent / "parameters"
    assert np.allclose(np.loadtxt(folder / "P__tau_m.txt"), TAU, rtol=1e-14, atol=0)
    assert np.array_equal(np.loadtxt(folder / "P__E_L.txt"), E_L)
    assert np.allclose(np.loadtxt(folder / "P__V_m.txt"), V_0, rtol=1e-14, atol=0)


@pytest.mark.slow
@pytest.mark.spinnaker
def test_virtual_board_runs_the_script_with_per_neuron_parameters(tmp_path):
    """issue 16 item 2 (parameters): sPyNNaker 7.4.1 takes the arrays (population and initialize) to the end."""
    pytest.importorskip("spynnaker")
    from portasnn.modules import build_spinnaker

    from .test_virtual_board import _env

    pnet = _parameter_network(tmp_path)
    text = open(pnet).read().replace("resolution 0.1 ms", "resolution 1 ms")
    open(pnet, "w").write(text)
    art = build_spinnaker(pnet, tmp_path / "out")
    proc = subprocess.run([sys.executable, art.script.name], cwd=art.script.parent, env=_env(tmp_path / "home"),
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert (art.script.parent / "results" / "P.pkl").is_file()


def test_a_spinnaker_bundle_carries_the_lists_and_the_data_files(tmp_path):
    """issue 16 item 2: the bundle holds the network's data files and the lists the script loads."""
    from runtime.bundle import bundle_network

    pnet = _network(tmp_path)
    files = bundle_network(pnet, target="spinnaker", outdir=tmp_path / "b").manifest["files"]
    assert any(f.endswith("src/conn.npz") for f in files)
    assert any(f.endswith("spinnaker/connections/1_A__B.txt") for f in files)
