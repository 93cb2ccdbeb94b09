"""`portasnn export pynn NET.pnet -o script.py` (issue 14 item 3): one script that runs unchanged under pyNN.nest,
portasnn.pynn and sPyNNaker (virtual board); `import pynn` of it gives the network back (a hypothesis property
over generated scripts: import -> export -> import is the same network)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import neo
import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portasnn.frontend.network import load_network
from portasnn.ir import datafiles
from portasnn.ir import network as ir
from portasnn.ir.serialize import to_data
from portasnn.pynn.exporter import export_script
from portasnn.pynn.importer import import_script
from portasnn.results import read_results
from test_pynn_import import CONNECTORS, _script

REPO = Path(__file__).resolve().parents[2]
BRUNEL = REPO / "examples" / "brunel" / "brunel_delta_pynn.pnet"
CLI = [sys.executable, "-m", "portasnn.cli"]


def _network(net: ir.Network) -> dict:
    """What a network means, without the names portasnn.pynn makes up (stimuli, projections, data files), with
    data files as the values they hold in the network's units (a file may store inhibitory weights negative, or
    positive with a factor -1), and with each stimulus split into one per target neuron (one source sending to n
    neurons, or n sources each to one, is the same input)."""
    data = to_data(net, spans=False)
    for pop, entry in zip(net.populations, data["populations"]):
        for field in ("params", "initial"):
            entry[field] = [[k, (datafiles.parameter_values(v) * v.factor).tolist() if isinstance(v, ir.ArrayFile)
                             else to_data(v, spans=False)] for k, v in getattr(pop, field)]
    for proj, entry in zip(net.projections, data["projections"]):
        entry.pop("name")
        if proj.data is not None:
            pre, post, w, d = datafiles.connections(proj.data)
            entry["data"] = sorted(zip(pre.tolist(), post.tolist(), w.tolist(), d.tolist()))
    stimuli = Counter()
    for stim in data.pop("stimuli"):
        subset = stim.pop("subset")
        stim.pop("name")
        size = net.population(stim["target"]).size
        for i in (subset if subset is not None else range(size)):
            stimuli[json.dumps({**stim, "neuron": i}, sort_keys=True)] += 1
    data["recorders"] = sorted(json.dumps({k: v for k, v in r.items() if k != "name"}, sort_keys=True)
                               for r in data["recorders"])
    data["stimuli"] = sorted(stimuli.items())
    return data


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(n=st.integers(2, 6), cell=st.sampled_from(["IF_curr_exp", "IF_cond_exp", "IF_curr_delta", "IF_curr_alpha"]),
       kind=st.sampled_from(sorted(CONNECTORS)), receptor=st.sampled_from(["excitatory", "inhibitory"]),
       random_tau=st.booleans(), stim=st.sampled_from(["array", "poisson"]), seed=st.integers(1, 2**31 - 1))
def test_import_export_import_is_the_same_network(tmp_path_factory, n, cell, kind, receptor, random_tau, stim, seed):
    tmp = tmp_path_factory.mktemp("rt")
    (tmp / "a").mkdir()
    script = tmp / "a" / "gen.py"
    script.write_text(_script(n, cell, kind, receptor, random_tau, stim, seed))
    first = import_script(script, tmp / "first")
    exported = export_script(first.pnet, tmp / "b" / "gen.py")  # the same file name: the same network name
    second = import_script(exported.script, tmp / "second", args=["portasnn"])
    assert _network(second.network) == _network(first.network)
    assert _network(load_network(second.pnet)) == _network(load_network(first.pnet))


def _rates(path: Path, sizes: dict[str, int], duration_s: float) -> dict[str, float]:
    out = {}
    for pop, size in sizes.items():
        block = neo.io.PickleIO(str(path / f"{pop}.pkl")).read_block()
        out[pop] = sum(len(s) for s in block.segments[0].spiketrains) / size / duration_s
    return out


def test_exported_brunel_runs_on_every_backend(tmp_path):
    """brunel_delta_pynn.pnet (N=1000) as one script: pyNN.nest, portasnn.pynn on nest and spinnaker-host give the
    rates of `portasnn run` of the .pnet on nest within 5 % (other connections and Poisson trains: the same
    statistics, not the same spikes); v of E[0:5] is recorded on pyNN.nest too; sPyNNaker's virtual board maps
    it."""
    script = tmp_path / "brunel.py"
    done = subprocess.run([*CLI, "export", "pynn", str(BRUNEL), "-o", str(script), "--set", "N=1000"],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    ref = subprocess.run([*CLI, "run", str(BRUNEL), "--set", "N=1000", "--target", "nest", "-o",
                          str(tmp_path / "ref"), "--no-plots"], capture_output=True, text=True, timeout=900)
    assert ref.returncode == 0, ref.stderr[-3000:]
    res = read_results(tmp_path / "ref")
    want = {pop: res.spikes[pop][1].size / size / 1.0 for pop, size in (("E", 800), ("I", 200))}
    assert min(want.values()) > 5.0
    home = tmp_path / "home"
    home.mkdir()
    (home / ".spynnaker.cfg").write_text("[Machine]\nvirtual_board = True\nversion = 5\n")
    for backend in (["nest"], ["portasnn"], ["portasnn", "--target", "spinnaker-host"], ["spiNNaker"]):
        cwd = tmp_path / ("run_" + "_".join(backend))  # (a folder named portasnn next to the script would shadow it)
        cwd.mkdir()
        ran = subprocess.run([sys.executable, str(script), *backend], capture_output=True, text=True, timeout=900,
                             cwd=cwd, env={**os.environ, "HOME": str(home), "PYNEST_QUIET": "1"})
        assert ran.returncode == 0, (backend, ran.stdout[-2000:], ran.stderr[-3000:])
        rates = _rates(cwd / "results", {"E": 800, "I": 200}, 1.0)
        if backend == ["spiNNaker"]:
            assert "Data from a virtual run will be empty" in ran.stdout + ran.stderr and rates == {"E": 0, "I": 0}
            continue
        for pop in ("E", "I"):
            assert rates[pop] == pytest.approx(want[pop], rel=0.05), (backend, rates, want)
        if backend == ["nest"]:
            v = neo.io.PickleIO(str(cwd / "results" / "E.pkl")).read_block().segments[0].analogsignals[0]
            assert v.shape == (10001, 5) and str(v.units.dimensionality) == "mV"
            assert np.all(np.asarray(v) < 20.0 + 1e-9)  # below threshold (reset at 10 mV after a spike)


def test_what_export_cannot_write_is_refused(tmp_path):
    nestml = REPO / "examples" / "brunel" / "brunel_delta_nestml.pnet"
    done = subprocess.run([*CLI, "export", "pynn", str(nestml), "-o", str(tmp_path / "x.py")], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 2 and "E295" in done.stderr and "Traceback" not in done.stderr
    assert "brunel_delta_nestml.pnet:" in done.stderr  # the model's line
    assert not (tmp_path / "x.py").exists()
    (tmp_path / "y.py").write_text("mine")
    done = subprocess.run([*CLI, "export", "pynn", str(BRUNEL), "-o", str(tmp_path / "y.py")], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 2 and "E294" in done.stderr and (tmp_path / "y.py").read_text() == "mine"


NN_SYMM = """network plastic
model lif = pynn IF_curr_exp
synapse nn from "nestml:stdp_nn_symm_synapse" { lambda = 0.01 }
population A: 10 lif
connect A -> A: fixed_indegree(2), weight = 50 pA, delay = 1 ms, synapse = nn
record spikes of A
simulate 100 ms
"""


def test_a_rule_pynn_lacks_and_a_bad_script_name_are_refused(tmp_path):
    """Nearest-neighbour pair STDP has no timing dependence in PyNN's standard library (E295 at the projection's
    line); an output that is not a .py file is E294."""
    net = tmp_path / "plastic.pnet"
    net.write_text(NN_SYMM)
    done = subprocess.run([*CLI, "export", "pynn", str(net), "-o", str(tmp_path / "p.py")], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 2 and "E295" in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert f"{net}:5:" in done.stderr and "nearest-neighbour" in done.stderr and not (tmp_path / "p.py").exists()
    done = subprocess.run([*CLI, "export", "pynn", str(BRUNEL), "-o", str(tmp_path / "brunel.txt")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 2 and "E294" in done.stderr and "must end in .py" in done.stderr


PLASTIC_HEAD = """network plastic
model lif = pynn IF_curr_exp
synapse stdp from "nest:stdp_synapse" { Wmax = %s }
population A: 10 lif
connect A -> A: fixed_indegree(2), weight = %s, delay = 1 ms, receptor = %s, synapse = stdp
"""


@pytest.mark.parametrize("case", ["inhibitory", "sampled"])
def test_plastic_projections_export_cannot_write_are_e295(tmp_path, case):
    """Inhibitory plastic weights (a negative Wmax: pyNN.nest and sPyNNaker read them differently) and weights
    sampled during the run (PyNN has no recorder of weights) are refused at the projection's line."""
    from portasnn.errors import NetworkError
    from portasnn.pynn.exporter import export_script

    if case == "inhibitory":
        text = PLASTIC_HEAD % ("-100 pA", "-50 pA", "inhibitory") + "simulate 100 ms\n"
    else:
        text = PLASTIC_HEAD % ("100 pA", "50 pA", "excitatory") + "record weights of A -> A[0:3] every 1 ms\n" \
            "simulate 100 ms\n"
    net = tmp_path / "plastic.pnet"
    net.write_text(text)
    with pytest.raises(NetworkError) as info:
        export_script(net, tmp_path / "p.py")
    assert info.value.code == "E295" and info.value.span is not None and info.value.span.line == 5
    assert {"inhibitory": "negative Wmax", "sampled": "during the run"}[case] in str(info.value)
    assert not (tmp_path / "p.py").exists()
