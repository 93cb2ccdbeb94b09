"""portasnn.pynn on PyNN scripts written as users write them (issue 14 items 1, 4 and 6): Poisson sources, every
Python-drawn connector, refusals naming the script's line, reset(), and `portasnn run`/`compare` on scripts."""
from __future__ import annotations

import runpy
from pathlib import Path

import numpy as np
import pytest

import portasnn.pynn as sim
from portasnn.errors import NetworkError
from portasnn.ir import datafiles
from portasnn.pynn.errors import NotExpressibleError
from portasnn.pynn.simulator import state
from pyNN import errors as pynn_errors

SCRIPTS = Path(__file__).parent / "scripts"


def _run_script(name: str, target: str = "nest") -> dict:
    """Run a script of scripts/ in this process (on ``target``); its globals."""
    return _exec((SCRIPTS / name).read_text().replace('target="nest"', f'target="{target}"'), SCRIPTS / name)


def _exec(text: str, path: Path) -> dict:
    scope = {"__name__": "__main__", "__file__": str(path)}
    exec(compile(text, str(path), "exec"), scope)
    return scope


@pytest.mark.parametrize("target", ["nest", "spinnaker-host"])
def test_poisson_sources(target):
    """issue 14 item 1: a SpikeSourcePoisson per cell (OneToOne) runs as the target's own Poisson input; shared
    sources (FixedNumberPost) are drawn once and every one of their connections gets the recorded train."""
    scope = _run_script("poisson_net.py", target)
    net = state.network
    drive = [s for s in net.stimuli if s.kind == "poisson"]
    assert sorted(i for s in drive for i in s.subset) == list(range(40))  # one independent train per cell
    assert {dict(s.params)["rate"] for s in drive} == {900.0} and {s.weight for s in drive} == {120.0}
    trains = {st.annotations["source_index"]: np.asarray(st.magnitude)
              for st in scope["shared"].get_data().segments[0].spiketrains}
    assert len(trains) == 10
    fanout = {i: 0 for i in range(10)}
    for stim in (s for s in net.stimuli if s.kind == "spike_times"):
        times = np.array(dict(stim.params)["times"])
        source = [i for i, t in trains.items() if t.size == times.size and np.array_equal(t, times)]
        assert len(source) == 1, "each spike-time stimulus carries exactly one recorded source train"
        fanout[source[0]] += len(stim.subset)
    assert all(n == 6 for i, n in fanout.items() if trains[i].size), fanout  # FixedNumberPost(6)
    every = np.concatenate(list(trains.values()))
    assert every.min() >= 100.0 and every.max() <= 700.0  # start 100 ms, duration 600 ms
    expected = 10 * 40.0 * 0.6  # 10 sources, 40 Hz, 0.6 s
    assert abs(every.size - expected) < 4 * np.sqrt(expected), every.size
    cells = scope["cells"].get_data().segments[0].spiketrains
    rate = sum(st.size for st in cells) / 40 / 1.0
    assert 5.0 < rate < 200.0, rate  # the drive makes the cells fire
    assert scope["cells"].get_data().segments[0].spiketrains[0].annotations["source_population"] == "cells"


def test_connectors_run_what_pynn_drew():
    """issue 14 item 1: AllToAll, OneToOne (from a view), FixedProbability, FixedNumberPre/Post, FromList: the
    connection files portasnn runs hold exactly PyNN's connections, weights (nA/uS -> pA/nS, inhibitory negative)
    and delays."""
    scope = _run_script("connectors_net.py")
    net = state.network
    got = {}
    for proj in net.projections:
        pre, post, w, d = datafiles.connections(proj.data)
        got.setdefault((proj.pre, proj.post, proj.receptor), []).extend(zip(pre, post, w, d))
    names = {"all": ("a", "b"), "one": ("a", "b"), "prob": ("b", "a"), "pre": ("a", "c"), "post": ("b", "c"),
             "list": ("a", "a")}
    want: dict = {}
    for key, proj in scope["projections"].items():
        receptor = proj.receptor_type
        offset = 0
        for i, j, w, d in proj.get(["weight", "delay"], format="list"):
            ir_w = 1000.0 * w * (-1 if receptor == "inhibitory" and key == "post" else 1)
            want.setdefault((*names[key], receptor), []).append((int(i) + offset, int(j), ir_w, d))
    for key in want:
        a = sorted(got[key])
        b = sorted(want[key])
        assert len(a) == len(b), key
        np.testing.assert_allclose(np.array(a, float), np.array(b, float), rtol=1e-12, err_msg=str(key))
    assert len(scope["projections"]["pre"]) == 4 * 7 and len(scope["projections"]["post"]) == 3 * 9
    assert scope["a"].get_data().segments[0].spiketrains  # and it ran


def test_cell_type_not_on_target_names_the_script_line():
    """issue 14 item 6: IF_curr_alpha on spinnaker-host is refused at run(), naming the line that created the
    population; the error is also PyNN's NoModelAvailableError."""
    with pytest.raises(NotExpressibleError) as info:
        runpy.run_path(str(SCRIPTS / "refused_alpha.py"), run_name="__main__")
    assert info.value.code == "E286"
    assert f"{SCRIPTS / 'refused_alpha.py'}:4:" in str(info.value)
    assert isinstance(info.value, pynn_errors.NoModelAvailableError)


def test_reset_then_runs_that_continue():
    """issue 14 item 1: run(), reset(), run() gives two segments (each from t = 0, the same deterministic
    network, so the same spikes); a run() after that continues the second segment: its first 60 ms are what the
    run before gave, the rest follows (the program is run again from 0 to the new end)."""
    path = SCRIPTS / "two_runs.py"
    scope = {"__name__": "__main__", "__file__": str(path)}
    exec(compile(path.read_text(), str(path), "exec"), scope)
    first, second = scope["data"].segments
    assert [s.name for s in (first, second)] == ["segment000", "segment001"]
    a = [np.asarray(st.magnitude) for st in first.spiketrains]
    b = [np.asarray(st.magnitude) for st in second.spiketrains]
    assert sum(x.size for x in a) > 5 and all(np.array_equal(x, y[y <= 60.0 + 1e-9]) for x, y in zip(a, b))
    assert sum(y.size for y in b) > sum(x.size for x in a)  # it fired on after 60 ms
    assert first.analogsignals[0].shape == (601, 3) and second.analogsignals[0].shape == (701, 3)
    np.testing.assert_array_equal(first.analogsignals[0].magnitude, second.analogsignals[0].magnitude[:601])
    assert float(second.analogsignals[0].t_stop) == pytest.approx(70.1)


@pytest.mark.parametrize("change", ["cells.set(i_offset=0.5)", "cells.initialize(v=-60.0)",
                                    'sim.Population(2, sim.IF_curr_exp(), label="more")',
                                    "sim.DCSource(amplitude=0.5).inject_into(cells)"])
def test_a_run_continuing_a_changed_network_is_e285(tmp_path, change):
    """issue 14 item 1: portasnn continues a run by running the same program again to the new end, so a network
    changed after the first run() (parameters, initial values, populations, current sources) is refused at the
    continuing run()'s line (E285), never run as if nothing had changed."""
    script = tmp_path / "changed.py"
    script.write_text('import portasnn.pynn as sim\nsim.setup(timestep=0.1, target="nest")\n'
                      'cells = sim.Population(3, sim.IF_curr_exp(i_offset=1.0), label="cells")\n'
                      f'cells.record("spikes")\nsim.run(20.0)\n{change}\nsim.run(20.0)\n')
    with pytest.raises(NotExpressibleError) as info:
        runpy.run_path(str(script), run_name="__main__")
    assert info.value.code == "E285" and str(info.value.message).startswith(f"{script}:7: ")


def test_parameters_read_back_in_pynn_units():
    """issue 14 item 1: get()/set() through the standard cell types' translations (nA, nF stay PyNN's)."""
    sim.setup(timestep=0.1, target="nest")
    p = sim.Population(4, sim.IF_curr_exp(cm=0.5, i_offset=0.2))
    p[1:3].set(i_offset=0.7)
    assert p.get("cm") == pytest.approx(0.5)
    assert list(p.get("i_offset")) == pytest.approx([0.2, 0.7, 0.7, 0.2])
    assert p._parameters["cm"] == pytest.approx(500.0)  # native: the IR's pF
    with pytest.raises(pynn_errors.NonExistentParameterError):
        sim.IF_curr_exp(tau_x=3.0)


def _one_cell_spikes(times: list[float]) -> np.ndarray:
    sim.setup(timestep=0.1, target="nest")
    src = sim.Population(1, sim.SpikeSourceArray(spike_times=times))
    cell = sim.Population(1, sim.IF_curr_exp(tau_m=10.0))
    sim.Projection(src, cell, sim.AllToAllConnector(), sim.StaticSynapse(weight=3.0, delay=1.0))
    cell.record("v")
    sim.run(40.0)
    return cell.get_data().segments[0].analogsignals[0].magnitude[:, 0]


def test_spike_times_between_steps_move_to_the_grid_with_a_warning():
    """issue 14 items 1 and 6: off-grid spike times are said (W285, naming the script line) and act at the end
    of their step: the same trace as the times written on the grid (ceil), which is no warning."""
    from portasnn.errors import PortasnnWarning

    with pytest.warns(PortasnnWarning, match=r"W285.*test_pynn_scripts.py:\d+: 2 spike time") as record:
        off = _one_cell_spikes([5.03, 12.0, 20.071])
    assert len(record) == 1
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", PortasnnWarning)
        on = _one_cell_spikes([5.1, 12.0, 20.1])
    np.testing.assert_array_equal(off, on)
    assert not np.array_equal(on, _one_cell_spikes([5.0, 12.0, 20.0]))  # the rounding direction matters


def test_unsupported_pynn_name_is_e293_at_the_script_line(tmp_path):
    """issue 14 item 6: a PyNN cell type or current source portasnn.pynn lacks is refused where the script names
    it (E293), and hasattr() stays False for it (scripts probe backends that way)."""
    from portasnn.pynn.errors import NotSupportedError

    assert not hasattr(sim, "GIF_cond_exp") and hasattr(sim, "ACSource") and hasattr(sim, "IF_curr_exp")
    script = tmp_path / "uses_gif.py"
    script.write_text("import portasnn.pynn as sim\nsim.setup()\ncells = sim.Population(2, sim.GIF_cond_exp())\n")
    with pytest.raises(NotSupportedError) as info:
        runpy.run_path(str(script), run_name="__main__")
    assert info.value.code == "E293" and f"{script}:3:" in str(info.value) and "GIF_cond_exp" in str(info.value)
    assert "HH_cond_exp" in info.value.hint and "StandardCellType" not in info.value.hint
    script.write_text("import portasnn.pynn as sim\nsim.setup()\nsyn = sim.TsodyksMarkramSynapse(U=0.5)\n")
    with pytest.raises(NotSupportedError) as info:
        runpy.run_path(str(script), run_name="__main__")
    assert (info.value.code == "E293" and f"{script}:3:" in str(info.value)
            and "TsodyksMarkramSynapse" in str(info.value))


def test_unknown_target_is_e290():
    """issue 14 item 6: setup() names the targets portasnn.pynn runs on."""
    with pytest.raises(NotExpressibleError) as info:
        sim.setup(timestep=0.1, target="loihi")
    assert info.value.code == "E290" and "test_pynn_scripts.py:" in str(info.value)


def test_target_refusal_names_the_script_line(tmp_path):
    """issue 14 item 6: a refusal by the target itself (E284: IF_curr_delta with cm != 1 nF on spinnaker-host)
    names the script's line that created the population."""
    from portasnn.errors import PortasnnError

    script = tmp_path / "delta_cm.py"
    script.write_text('import portasnn.pynn as sim\nsim.setup(timestep=0.1, target="spinnaker-host")\n'
                      'cells = sim.Population(4, sim.IF_curr_delta(cm=0.5), label="dcells")\n'
                      'cells.record("spikes")\nsim.run(50.0)\n')
    with pytest.raises(PortasnnError) as info:
        runpy.run_path(str(script), run_name="__main__")
    assert info.value.code == "E284" and str(info.value.message).startswith(f"{script}:3: ")


@pytest.mark.parametrize("times, amplitudes, what", [([0.1, 20.0], [0.5, 0.0], "after the first time step"),
                                                     ([20.0, 10.0], [0.5, 0.0], "must increase"),
                                                     ([20.0, 30.0], [0.5], "2 times and 1 amplitudes")])
def test_step_current_portasnn_cannot_apply_is_e297_at_its_line(tmp_path, times, amplitudes, what):
    """issue 14 item 6: a StepCurrentSource whose first change cannot reach the neuron when the script says (at or
    before the first step), whose times go back, or whose lists differ in length is refused at the line that made
    it (E297), not run with other times."""
    script = tmp_path / "steps.py"
    script.write_text('import portasnn.pynn as sim\nsim.setup(timestep=0.1, target="nest")\n'
                      'cells = sim.Population(2, sim.IF_curr_exp())\n'
                      f'src = sim.StepCurrentSource(times={times!r}, amplitudes={amplitudes!r})\n'
                      'src.inject_into(cells)\ncells.record("spikes")\nsim.run(50.0)\n')
    with pytest.raises(NotExpressibleError) as info:
        runpy.run_path(str(script), run_name="__main__")
    assert info.value.code == "E297" and str(info.value.message).startswith(f"{script}:4: ")
    assert what in str(info.value.message)


CONTINUED = """import json, sys
import numpy as np
import portasnn.pynn as sim
sim.setup(timestep=0.1, min_delay=0.1, target=sys.argv[1])
cells = sim.Population(30, sim.IF_curr_exp(i_offset=0.5), label="cells")
src = sim.Population(30, sim.SpikeSourcePoisson(rate=400.0), label="src")
sim.Projection(src, cells, sim.OneToOneConnector(), sim.StaticSynapse(weight=1.5, delay=1.0))
cells.record(["spikes", "v"])
out = []
for t in (37.3, 80.0):
    sim.run_until(t)
    seg = cells.get_data().segments[0]
    out.append({"spikes": [np.asarray(st).tolist() for st in seg.spiketrains],
                "v": np.asarray(seg.analogsignals[0].magnitude).tolist()})
json.dump(out, open(sys.argv[2], "w"))
"""


@pytest.mark.parametrize("target", ["nest", "spinnaker-host"])
def test_a_continued_run_keeps_what_the_earlier_run_gave(tmp_path, target):
    """issue 14 item 1: with the targets' own Poisson generators (one per neuron, seeded), run_until(37.3) then
    run_until(80) gives in its first 37.3 ms exactly the spikes and v the first run gave (the program is run again
    from t = 0), and goes on after it."""
    import json
    import subprocess
    import sys

    (tmp_path / "c.py").write_text(CONTINUED)
    done = subprocess.run([sys.executable, "c.py", target, "out.json"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    first, second = json.loads((tmp_path / "out.json").read_text())
    n = len(first["v"])
    assert n == 374 and len(second["v"]) == 801 and second["v"][:n] == first["v"]
    for a, b in zip(first["spikes"], second["spikes"]):
        b = np.asarray(b)
        np.testing.assert_allclose(a, b[b <= 37.3 + 1e-9], rtol=0, atol=1e-9)  # the last step's spike: at tstop
    assert sum(map(len, first["spikes"])) > 50 and sum(map(len, second["spikes"])) > 2 * sum(map(len, first["spikes"]))


def test_a_current_source_the_target_refuses_names_its_line(tmp_path):
    """issue 14 item 6: a DCSource whose amplitude is not finite is refused by the target (E317), said at the
    script's line that made the source."""
    from portasnn.errors import PortasnnError

    script = tmp_path / "nan_dc.py"
    script.write_text('import portasnn.pynn as sim\nsim.setup(timestep=0.1, target="nest")\n'
                      'cells = sim.Population(2, sim.IF_curr_exp())\n'
                      'sim.DCSource(amplitude=float("nan"), start=5.0).inject_into(cells)\n'
                      'cells.record("spikes")\nsim.run(20.0)\n')
    with pytest.raises(PortasnnError) as info:
        runpy.run_path(str(script), run_name="__main__")
    assert info.value.code == "E317" and str(info.value.message).startswith(f"{script}:4: ")


def test_one_spike_time_per_neuron_as_spynnakers_examples_write_it():
    """spike_times=[[5.0]] (sPyNNaker's synfire examples) gives each neuron a bare number, not a Sequence: it is
    that neuron's one spike, and it reaches the cell (it raised AttributeError)."""
    sim.setup(timestep=0.1, target="nest")
    kick = sim.Population(1, sim.SpikeSourceArray(spike_times=[[5.0]]), label="kick")
    cell = sim.Population(1, sim.IF_curr_exp(), label="cell")
    sim.Projection(kick, cell, sim.AllToAllConnector(),
                   sim.StaticSynapse(weight=2.0, delay=1.0))
    kick.record("spikes")
    cell.record("v")
    sim.run(10.0)
    (train,) = kick.get_data().segments[0].spiketrains
    assert list(np.asarray(train)) == [5.0]
    v = np.asarray(cell.get_data().segments[0].filter(name="v")[0]).ravel()
    assert np.all(v[:61] == -65.0) and v[62:].max() > -64.0  # the spike acts at 5 + 1 ms, not before
    sim.end()


@pytest.mark.parametrize("target", ["nest", "spinnaker-host"])
def test_gsyn_of_a_current_based_cell_is_its_synaptic_current_as_on_spynnaker(target):
    """sPyNNaker's scripts record gsyn_exc/gsyn_inh of IF_curr_exp (sPyNNaker records the synaptic current under
    that name): here it is the cell's isyn, in nA: w exp(-(t - t_arrival) / tau_syn) after one spike on nest, and
    on spinnaker-host sPyNNaker's exponential synapse, whose input is scaled by tau/dt (1 - exp(-dt/tau))."""
    sim.setup(timestep=0.1, target=target)
    kick = sim.Population(1, sim.SpikeSourceArray(spike_times=[2.0]), label="kick")
    cell = sim.Population(1, sim.IF_curr_exp(tau_syn_E=4.0, tau_syn_I=2.0, v_thresh=0.0), label="cell")
    sim.Projection(kick, cell, sim.AllToAllConnector(), sim.StaticSynapse(weight=0.8, delay=1.0))
    sim.Projection(kick, cell, sim.AllToAllConnector(), sim.StaticSynapse(weight=-0.3, delay=2.0),
                   receptor_type="inhibitory")
    cell.record(["gsyn_exc", "gsyn_inh"])
    sim.run(20.0)
    seg = cell.get_data().segments[0]
    (exc,), (inh,) = seg.filter(name="gsyn_exc"), seg.filter(name="gsyn_inh")
    assert str(exc.units.dimensionality) == "nA"
    t = np.asarray(exc.times)
    # the inhibitory current is negative on both (sPyNNaker holds its magnitude: spinnaker-host converts)
    for sig, w, arrival, tau in ((exc, 0.8, 3.0, 4.0), (inh, -0.3, 4.0, 2.0)):
        init = 1.0 if target == "nest" else tau / 0.1 * (1 - np.exp(-0.1 / tau))
        expected = np.where(t >= arrival - 1e-9, w * init * np.exp(-(t - arrival) / tau), 0.0)
        tol = 1e-9 if target == "nest" else 2e-3 * abs(w)  # s16.15 and sPyNNaker's 16-bit ring buffer
        got = np.asarray(sig).ravel()
        assert np.abs(expected).max() > 0.25 and np.abs(got - expected).max() < tol, (sig.name, got[28:34])
    sim.end()


def test_a_spike_at_t_0_is_refused_on_nest_at_the_sources_line():
    """sPyNNaker's synfire examples send their first spike at t = 0, which NEST cannot: E333 names the script's
    line that made the SpikeSourceArray."""
    sim.setup(timestep=1.0, target="nest")
    kick = sim.Population(1, sim.SpikeSourceArray(spike_times=[[0]]), label="kick")  # line the error names
    line = kick.created_at
    cell = sim.Population(1, sim.IF_curr_exp(), label="cell")
    sim.Projection(kick, cell, sim.AllToAllConnector(), sim.StaticSynapse(weight=2.0, delay=1.0))
    with pytest.raises(NetworkError) as info:
        sim.run(10.0)
    assert info.value.code == "E333" and str(info.value.message).startswith(f"{line}: ")
    assert "test_pynn_scripts.py:" in line


@pytest.mark.parametrize("target", ["nest", "spinnaker-host"])
def test_spynnaker_idioms_of_one_neuron_populations(target):
    """sPyNNaker's STDP examples (stdp_pairing.py, stdp_curve.py) write one-neuron populations so:
    ``{'spike_times': [[t1, t2, ...]]}`` sends every time (PyNN keeps the value as one Sequence; it was once taken
    as one time per neuron, so only t1 was sent), OneToOneConnector between one-neuron populations connects them
    (pyNN 0.13 with numpy 2 raised), record('all') records the cell type's recordables, and a positive weight onto
    the inhibitory receptor of a current-based cell is taken as inhibitory (W286), as sPyNNaker takes it."""
    from portasnn.errors import PortasnnWarning

    sim.setup(timestep=1.0, min_delay=1.0, target=target)
    times = [float(t) for t in range(10, 400, 60)]
    stim = sim.Population(1, sim.SpikeSourceArray, {"spike_times": [times]})
    cell = sim.Population(1, sim.IF_curr_exp, {"cm": 0.25, "tau_refrac": 2.0, "v_thresh": -55.4})
    quiet = sim.Population(1, sim.IF_curr_exp, {})
    relay = sim.Projection(stim, cell, sim.OneToOneConnector(), sim.StaticSynapse(weight=2.0, delay=1.0))
    with pytest.warns(PortasnnWarning, match="W286"):
        sim.Projection(stim, quiet, sim.OneToOneConnector(), sim.StaticSynapse(weight=1.0, delay=1.0),
                       receptor_type="inhibitory")
        stim.record("spikes")
        cell.record("all")
        quiet.record("v")
        sim.run(400.0)
    assert len(relay) == 1
    (sent,) = stim.get_data().segments[0].spiketrains
    np.testing.assert_allclose(np.asarray(sent), times)
    seg = cell.get_data().segments[0]
    (fired,) = seg.spiketrains
    fired = np.asarray(fired)
    assert all(np.any((fired > t) & (fired <= t + 5.0)) for t in times)  # each input spike makes it fire
    assert np.all(fired > times[0]) and fired.size <= 2 * len(times)
    assert {s.name for s in seg.analogsignals} == {"v", "gsyn_exc", "gsyn_inh"}  # sPyNNaker's names, as its "all"
    (v,) = quiet.get_data().segments[0].analogsignals
    assert np.asarray(v).max() <= -65.0 + 1e-9 and np.asarray(v).min() < -65.5  # inhibited, never excited
    sim.end()


def test_native_rng_is_numpys_with_its_seed():
    """sim.NativeRNG(seed=...) (PyNN's random_numbers.py asks for one): portasnn.pynn draws in Python, so its own
    generator is numpy's: the same connections and weights as NumpyRNG with that seed, others with another."""
    from pyNN.random import NumpyRNG, RandomDistribution

    def drawn(rng):
        sim.setup(timestep=0.1, target="nest")
        a, b = sim.Population(20, sim.IF_curr_exp()), sim.Population(20, sim.IF_curr_exp())
        prj = sim.Projection(a, b, sim.FixedProbabilityConnector(0.3, rng=rng),
                             sim.StaticSynapse(weight=RandomDistribution("normal", mu=0.5, sigma=0.1, rng=rng)))
        return prj.get("weight", format="list")

    native = drawn(sim.NativeRNG(seed=87354762))
    assert native == drawn(NumpyRNG(seed=87354762)) and native != drawn(sim.NativeRNG(seed=1))
    assert 60 < len(native) < 180


def test_spynnaker_namespaces_and_one_listed_connection_per_target(tmp_path):
    """sPyNNaker's examples: ``sim.extra_models.X`` is E293 at the script's line (not an AttributeError); a
    FromListConnector with one connection per target and whole-number weights and delays (spike_time_compare.py:
    ``[(0, i, 20, i + 1)]``) connects them all."""
    from portasnn.pynn.errors import NotSupportedError

    assert not hasattr(sim, "extra_models")
    script = tmp_path / "extra.py"
    script.write_text("import portasnn.pynn as sim\nsim.setup()\ncell = sim.extra_models.IFCurrExpCa2Adaptive()\n")
    with pytest.raises(NotSupportedError) as info:
        runpy.run_path(str(script), run_name="__main__")
    assert info.value.code == "E293" and f"{script}:3:" in str(info.value) and "extra_models" in str(info.value)
    sim.setup(timestep=1.0, target="nest")
    src = sim.Population(1, sim.SpikeSourceArray(spike_times=[1, 21]))
    cells = sim.Population(4, sim.IF_curr_exp())
    prj = sim.Projection(src, cells, sim.FromListConnector([(0, i, 20, i + 1) for i in range(4)]),
                         synapse_type=sim.StaticSynapse())
    assert prj.get(["weight", "delay"], format="list") == [(0, i, 20.0, i + 1.0) for i in range(4)]
    sim.end()
