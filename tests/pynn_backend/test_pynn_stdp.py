"""PyNN's STDPMechanism in portasnn.pynn (issues 14 and 17): a script with pair STDP (SpikePairRule, additive and
multiplicative weight dependence, random initial weights and delays) gives on nest exactly pyNN.nest's final
weights (both run NEST's stdp_synapse with pyNN.nest's translation: A_plus -> lambda, A_minus / A_plus -> alpha,
w_max -> Wmax, mu 0 or 1) and spikes; on spinnaker-host it runs as sPyNNaker's SpikePairRule, and get("weight")
gives the weights the run left, connection by connection. What cannot be lowered is refused at the script's line.

Identical numerics on nest: the same NEST models, spike arrays on whole milliseconds, every random draw from the
script's NumpyRNG (see test_pynn_backend.py)."""
from __future__ import annotations

import re
import runpy
import subprocess
import sys
from pathlib import Path

import neo
import numpy as np
import pytest

SCRIPT = Path(__file__).parent / "scripts" / "stdp_net.py"
ROLES = ("additive", "multiplicative")


def _run(text: str, tmp: Path, name: str) -> dict:
    script = tmp / f"{name}.py"
    script.write_text(text)
    out = tmp / name
    out.mkdir()
    proc = subprocess.run([sys.executable, str(script), str(out)], capture_output=True, text=True, timeout=600,
                          cwd=tmp)
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = {role: np.load(out / f"{role}.npy") for role in ROLES}  # rows: pre index, post index, weight, delay
    got.update({f"{role}_initial": np.load(out / f"{role}_initial.npy") for role in ROLES})
    got["spikes"] = {p.stem: [np.asarray(st.magnitude) for st in neo.io.PickleIO(str(p)).read_block()
                              .segments[0].spiketrains] for p in out.glob("*.pkl")}
    got["stdout"] = proc.stdout
    return got


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, dict]:
    tmp = tmp_path_factory.mktemp("stdp")
    text = SCRIPT.read_text()
    assert 'target="nest")' in text
    ref = (text.replace("import portasnn.pynn as sim", "import pyNN.nest as sim")
           .replace('target="nest")', 'spike_precision="on_grid")'))
    return {"nest": _run(text, tmp, "ours"), "pyNN.nest": _run(ref, tmp, "ref"),
            "spinnaker-host": _run(text.replace('target="nest")', 'target="spinnaker-host")'), tmp, "host")}


def _by_pair(rows: np.ndarray) -> np.ndarray:
    return rows[np.lexsort((rows[:, 1], rows[:, 0]))]


def test_final_weights_and_spikes_equal_pynn_nest(runs):
    ours, ref = runs["nest"], runs["pyNN.nest"]
    for role in ROLES:
        a, b = _by_pair(ours[role]), _by_pair(ref[role])
        assert a.shape == b.shape and a.shape[0] > 30
        np.testing.assert_array_equal(a[:, :2], b[:, :2])  # the same connections
        np.testing.assert_allclose(a[:, 2], b[:, 2], rtol=1e-9, atol=1e-12)
        # NEST runs delays on the grid; pyNN.nest reads them back so, portasnn.pynn gives the script's value
        np.testing.assert_allclose(np.round(a[:, 3], 1), b[:, 3], rtol=0, atol=1e-9)
    for pop, trains in ref["spikes"].items():
        assert len(trains) == len(ours["spikes"][pop])
        for x, y in zip(ours["spikes"][pop], trains):
            np.testing.assert_allclose(x, y, atol=1e-9)
    assert sum(t.size for t in ref["spikes"]["post"]) > 100  # enough pairs for the rule to act


def test_the_rule_acted_and_kept_its_bounds(runs):
    """Every weight moved from its initial value (U(0.1, 0.6) nA), some up and some down, and stayed within
    [0, w_max = 1 nA]; the multiplicative rule drew them together (towards its fixed point)."""
    for target in ("nest", "spinnaker-host"):
        for role in ROLES:
            initial, final = runs[target][f"{role}_initial"], runs[target][role]
            np.testing.assert_array_equal(initial[:, :2], final[:, :2])
            change = final[:, 2] - initial[:, 2]
            assert np.all(np.abs(change) > 1e-6) and np.any(change > 0) and np.any(change < 0), (target, role)
            assert np.all(final[:, 2] >= 0) and np.all(final[:, 2] <= 1.0 + 1e-12)
        assert runs[target]["multiplicative"][:, 2].std() < 0.5 * runs[target]["multiplicative_initial"][:, 2].std()


def test_spinnaker_host_runs_the_script_as_spynnaker_would(runs):
    """On spinnaker-host the same script runs sPyNNaker's fixed-point pair rule: the spikes are nest's but for a
    few, and the multiplicative rule's mean final weight is within 5 % of NEST's (the additive rule is more
    sensitive to sPyNNaker's coincidence and rounding traps, README)."""
    host, ref = runs["spinnaker-host"], runs["pyNN.nest"]
    n_host = sum(t.size for t in host["spikes"]["post"])
    n_ref = sum(t.size for t in ref["spikes"]["post"])
    assert abs(n_host - n_ref) <= 0.02 * n_ref
    assert host["multiplicative"][:, 2].mean() == pytest.approx(ref["multiplicative"][:, 2].mean(), rel=0.05)


def test_the_ir_synapse_and_the_weights_read_back(monkeypatch):
    """The lowered program: one NEST stdp_synapse per plastic projection with pyNN.nest's translation, the
    connection files holding the initial weights, final weights recorded; get("weight") after run() is the
    results directory's weights file (pA -> nA), connection by connection; reset() gives the initial ones."""
    import portasnn.pynn as sim
    from portasnn.ir import datafiles
    from portasnn.pynn.simulator import state
    from portasnn.results import read_results

    monkeypatch.setattr(sys, "argv", [str(SCRIPT)])  # no directory to write to
    scope = runpy.run_path(str(SCRIPT), run_name="__main__")
    net = state.network
    params = {s.key: dict(s.params) for s in net.synapses}
    assert sorted(s.name for s in net.synapses) == ["stdp_synapse", "stdp_synapse"]
    add, mul = (next(p for p in params.values() if p["mu_plus"] == mu) for mu in (0.0, 1.0))
    assert add == pytest.approx({"tau_plus": 16.8, "tau_minus": 33.7, "lambda": 0.03, "alpha": 0.5,
                                 "mu_plus": 0.0, "mu_minus": 0.0, "Wmax": 1000.0})
    assert mul == pytest.approx({"tau_plus": 16.8, "tau_minus": 33.7, "lambda": 0.05, "alpha": 1.2,
                                 "mu_plus": 1.0, "mu_minus": 1.0, "Wmax": 1000.0})
    assert {(r.projection, r.interval) for r in net.weight_recorders} == {(p.name, None) for p in net.projections
                                                                          if p.synapse != "static"}
    results = read_results(state.results.path)
    for proj in (scope["plastic"], scope["plastic2"]):
        ir_proj = next(p for p in net.projections if p.post == proj.post.label)
        pre, post, w0, d0 = datafiles.connections(ir_proj.data)
        initial = np.array([c.weight for c in proj.connections])
        np.testing.assert_allclose(np.sort(w0), np.sort(initial * 1000.0), rtol=1e-12)
        saved = results.weights[f"{ir_proj.pre}__{ir_proj.post}"]
        got = proj.get(["weight", "delay"], format="list")
        want = {(int(s), int(t), round(float(d), 1)): w / 1000.0
                for s, t, d, w in zip(saved.sources, saved.targets, saved.delays, saved.weights)}
        assert len(want) == len(got)
        for i, j, w, d in got:
            assert w == pytest.approx(want[(int(i), int(j), round(d, 1))], rel=1e-12, abs=1e-15)
        assert not np.allclose([g[2] for g in got], initial)
    sim.reset()
    np.testing.assert_array_equal(scope["plastic"].get("weight", format="list", with_address=False),
                                  [c.weight for c in scope["plastic"].connections])


REFUSALS = {
    "a spike source": ("sim.Projection(src, cells, sim.AllToAllConnector(), stdp())", "from the spike source"),
    "w_min": ("sim.Projection(cells, other, sim.AllToAllConnector(), stdp(w_min=0.1))", "w_min = 0.1"),
    "a varying amplitude": ("sim.Projection(cells, other, sim.AllToAllConnector(), "
                            "stdp(A_plus=RandomDistribution('uniform', (0.01, 0.02))))", "A_plus varies"),
    "two on one pair": ("sim.Projection(cells, other, sim.AllToAllConnector(), stdp()); "
                        "sim.Projection(cells, other, sim.OneToOneConnector(), stdp())", "a second plastic"),
    "an axonal delay": ("sim.Projection(cells, other, sim.AllToAllConnector(), stdp(fraction=0.5))",
                        "dendritic_delay_fraction = 0.5"),
    "A_plus 0": ("sim.Projection(cells, other, sim.AllToAllConnector(), stdp(A_plus=0.0))", "A_plus = 0"),
}
HEAD = """import portasnn.pynn as sim
from pyNN.random import RandomDistribution
def stdp(w_min=0.0, A_plus=0.01, fraction=1.0):
    return sim.STDPMechanism(timing_dependence=sim.SpikePairRule(A_plus=A_plus, A_minus=0.012),
                             weight_dependence=sim.AdditiveWeightDependence(w_min=w_min, w_max=1.0),
                             weight=0.5, delay=1.0, dendritic_delay_fraction=fraction)
sim.setup(timestep=0.1, target="nest")
src = sim.Population(2, sim.SpikeSourceArray(spike_times=[5.0, 9.0]))
cells = sim.Population(2, sim.IF_curr_exp())
other = sim.Population(2, sim.IF_curr_exp())
"""


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_what_cannot_be_lowered_is_e298_at_the_projection_line(tmp_path, case):
    from portasnn.pynn.errors import NotExpressibleError

    line, words = REFUSALS[case]
    script = tmp_path / "refused.py"
    script.write_text(HEAD + line + "\nsim.run(10.0)\n")
    with pytest.raises(NotExpressibleError) as info:
        runpy.run_path(str(script), run_name="__main__")
    assert info.value.code == "E298" and str(info.value.message).startswith(f"{script}:11: "), str(info.value)
    assert words in str(info.value.message) and info.value.hint


def test_the_command_line_refuses_without_a_traceback(tmp_path):
    script = tmp_path / "refused.py"
    script.write_text(HEAD + REFUSALS["a spike source"][0] + "\nsim.run(10.0)\n")
    done = subprocess.run([sys.executable, "-m", "portasnn.cli", "run", str(script), "--target", "spinnaker-host"],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 2 and "E298" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert re.search(rf"{re.escape(str(script))}:11:", done.stderr)


def test_an_additive_rule_with_w_max_other_than_1_warns_w287(tmp_path):
    """pyNN.nest and sPyNNaker read additive amplitudes differently (fractions of w_max vs weight units): said
    once, with the step it will take."""
    from portasnn.errors import PortasnnWarning

    script = tmp_path / "w287.py"
    script.write_text(HEAD.replace("w_max=1.0", "w_max=2.0")
                      + "sim.Projection(cells, other, sim.AllToAllConnector(), stdp())\nsim.run(10.0)\n")
    with pytest.warns(PortasnnWarning, match=r"W287.*w287.py:11: .*A_plus \* w_max = 0.02"):
        runpy.run_path(str(script), run_name="__main__")


@pytest.mark.parametrize("target", ["nest", "spinnaker-host"])
def test_delays_off_the_grid_read_back(target):
    """A delay between two grid points (0.25 ms at 0.1 ms) runs rounded by the target; get("weight") still finds
    each connection's final weight (PyNN's stdp_network.py example has such delays)."""
    import portasnn.pynn as sim
    from portasnn.pynn.simulator import state

    sim.setup(timestep=0.1, target=target)
    drive = sim.Population(3, sim.SpikeSourceArray(spike_times=[[5.0, 25.0, 45.0], [8.0, 28.0], [11.0, 31.0]]))
    pre = sim.Population(3, sim.IF_curr_exp(tau_m=10.0))
    post = sim.Population(2, sim.IF_curr_exp(tau_m=10.0, i_offset=1.2))
    sim.Projection(drive, pre, sim.OneToOneConnector(), sim.StaticSynapse(weight=12.0, delay=1.0))
    rule = sim.STDPMechanism(timing_dependence=sim.SpikePairRule(A_plus=0.05, A_minus=0.05),
                             weight_dependence=sim.MultiplicativeWeightDependence(w_max=1.0),
                             weight=0.5, delay=0.25)
    prj = sim.Projection(pre, post, sim.AllToAllConnector(), rule)
    sim.run(60.0)
    got = sorted(w for _, _, w in prj.get("weight", format="list"))
    (saved,) = state.results.weights.values()
    np.testing.assert_allclose(got, np.sort(saved.weights) / 1000.0, rtol=1e-12)
    assert len(got) == 6 and max(abs(w - 0.5) for w in got) > 1e-3
    sim.end()


def test_import_then_export_gives_the_scripts_weights_on_every_backend(runs, tmp_path):
    """`portasnn import pynn` of the script, then `portasnn export pynn` of that network: one script whose
    STDPMechanism reads as each backend reads it (an additive rule's amplitudes times w_max on sPyNNaker only).
    pyNN.nest and portasnn.pynn (nest) give the original script's final weights (pyNN.nest's, rtol 1e-9);
    sPyNNaker's virtual board maps the plastic network."""
    import os

    cli = [sys.executable, "-m", "portasnn.cli"]
    done = subprocess.run([*cli, "import", "pynn", str(SCRIPT), "-o", str(tmp_path / "net")], capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    script = tmp_path / "exported.py"
    done = subprocess.run([*cli, "export", "pynn", str(tmp_path / "net" / "stdp_net.pnet"), "-o", str(script)],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    text = script.read_text()
    assert "A_plus=additive(0.03, 1.0), A_minus=additive(0.015, 1.0)" in text and "A_plus=0.05, A_minus=0.06" in text
    home = tmp_path / "home"
    home.mkdir()
    (home / ".spynnaker.cfg").write_text("[Machine]\nvirtual_board = True\nversion = 5\n")
    ref = runs["pyNN.nest"]
    for backend in (["nest"], ["portasnn"], ["spiNNaker"]):
        cwd = tmp_path / ("run_" + backend[0])
        cwd.mkdir()
        ran = subprocess.run([sys.executable, str(script), *backend], capture_output=True, text=True, timeout=900,
                             cwd=cwd, env={**os.environ, "HOME": str(home), "PYNEST_QUIET": "1"})
        assert ran.returncode == 0, (backend, ran.stderr[-3000:])
        if backend == ["spiNNaker"]:
            assert "Data from a virtual run will be empty" in ran.stdout + ran.stderr
            continue
        for key, role in (("pre__post", "additive"), ("pre2__post2", "multiplicative")):
            got = _by_pair(np.loadtxt(cwd / "results" / f"{key}.weights.txt"))
            want = _by_pair(ref[role])
            np.testing.assert_array_equal(got[:, :2], want[:, :2])
            np.testing.assert_allclose(got[:, 2], want[:, 2], rtol=1e-9, atol=1e-12)
