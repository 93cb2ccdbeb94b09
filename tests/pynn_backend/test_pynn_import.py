"""`portasnn import pynn SCRIPT.py -o DIR` (issue 14 item 3): the .pnet it writes reads back as the same program
(IR hash) as the one it wrote, holds what the script built (file contents included; `simulate` is the script's
run() time), for generated scripts (hypothesis), and runs as the script does: identical spikes on nest for the
Brunel example."""
from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portasnn.frontend.network import load_network
from portasnn.ir.serialize import content_json, ir_hash
from portasnn.pynn.importer import import_script
from portasnn.pynn.script import capture
from portasnn.results import read_results

BRUNEL = Path(__file__).resolve().parents[2] / "examples" / "brunel" / "brunel_pynn.py"

CONNECTORS = {
    "all": "sim.AllToAllConnector()",
    "prob": "sim.FixedProbabilityConnector(0.4, rng=rng)",
    "pre": "sim.FixedNumberPreConnector(2, rng=rng)",
    "one": "sim.OneToOneConnector()",
    "list": "sim.FromListConnector([(0, 1, 0.25, 1.5), (1, 0, 0.5, 2.0)])",
}


ARGS = {"Izhikevich": "a=0.03, d=4.0, i_offset=0.002", "EIF_cond_exp_isfa_ista": "a=2.0, b=0.05",
        "EIF_cond_alpha_isfa_ista": "tau_w=100.0", "HH_cond_exp": "gbar_K=5.0"}  # units 1/ms, mV/ms, nS, nA, uS


def _script(n: int, cell: str, kind: str, receptor: str, random_tau: bool, stim: str, seed: int) -> str:
    tau = 'sim.RandomDistribution("uniform", (10.0, 20.0), rng=rng)' if random_tau else "15.0"
    conductance = cell.startswith(("IF_cond", "EIF", "HH"))
    weight = "-0.3" if receptor == "inhibitory" and not conductance else "0.3"
    syn = "sim.StaticSynapse()" if kind == "list" else \
        f'sim.StaticSynapse(weight={weight}, delay=sim.RandomDistribution("uniform", (1.0, 2.0), rng=rng))'
    source = {"array": "sim.SpikeSourceArray(spike_times=[5.0, 12.0, 30.0])",
              "poisson": "sim.SpikeSourcePoisson(rate=80.0)"}[stim]
    return f"""import portasnn.pynn as sim
sim.setup(timestep=0.1, seed={seed})
rng = sim.NumpyRNG(seed={seed})
a = sim.Population({n}, sim.IF_curr_exp(tau_m={tau}), label="a")
b = sim.Population({n}, sim.{cell}({ARGS.get(cell, "")}), label="b cells")
a.initialize(v=sim.RandomDistribution("uniform", (-70.0, -60.0), rng=rng))
src = sim.Population({n}, {source}, label="input")
sim.Projection(src, a, sim.OneToOneConnector(), sim.StaticSynapse(weight=2.0, delay=1.0))
sim.Projection(a, b, {CONNECTORS[kind]}, {syn}, receptor_type="{receptor}")
a.record("spikes")
b[0:2].record("v")
sim.run(50.0)
"""


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(n=st.integers(2, 6), cell=st.sampled_from(["IF_curr_exp", "IF_cond_exp", "IF_curr_delta", "IF_curr_alpha",
                                                    "IF_cond_alpha", *ARGS]),
       kind=st.sampled_from(sorted(CONNECTORS)), receptor=st.sampled_from(["excitatory", "inhibitory"]),
       random_tau=st.booleans(), stim=st.sampled_from(["array", "poisson"]), seed=st.integers(1, 2**31 - 1))
def test_imported_pnet_reads_back_as_the_scripts_program(tmp_path_factory, n, cell, kind, receptor, random_tau,
                                                         stim, seed):
    tmp = tmp_path_factory.mktemp("imp")
    script = tmp / "gen.py"
    script.write_text(_script(n, cell, kind, receptor, random_tau, stim, seed))
    imported = import_script(script, tmp / "out")
    again = load_network(imported.pnet)
    assert ir_hash(again) == ir_hash(imported.network)
    captured = capture(script)  # what the script built, file contents included; `simulate` is its run() time
    sim = captured.simulation
    captured = dataclasses.replace(captured, simulation=dataclasses.replace(sim, duration=50.0))
    assert sim.duration == pytest.approx(50.1)  # portasnn.pynn runs one step more (lowering.run_duration)
    assert content_json(again) == content_json(captured)  # data files' contents, not where they are
    assert all(f.is_file() and f.is_relative_to(tmp / "out") for f in imported.files)


def test_imported_brunel_runs_as_the_script(tmp_path):
    """The imported .pnet and the script itself, both on nest with the script's seed: identical spikes."""
    args = ["portasnn", "--N", "500", "--duration", "200"]
    cli = [sys.executable, "-m", "portasnn.cli"]
    done = subprocess.run([*cli, "import", "pynn", str(BRUNEL), "-o", str(tmp_path / "imp"), "--", *args],
                          capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-3000:]
    pnet = tmp_path / "imp" / "brunel_pynn.pnet"
    assert f"wrote {pnet.relative_to(tmp_path)}" in done.stdout or f"wrote {pnet}" in done.stdout
    for subject, out, extra in ((str(pnet), "from_pnet", []), (str(BRUNEL), "from_script", ["--", *args])):
        ran = subprocess.run([*cli, "run", subject, "--target", "nest", "-o", str(tmp_path / out), "--no-plots",
                              *extra], capture_output=True, text=True, timeout=900, cwd=tmp_path)
        assert ran.returncode == 0, ran.stderr[-3000:]
    a, b = read_results(tmp_path / "from_pnet"), read_results(tmp_path / "from_script")
    assert a.duration_ms == pytest.approx(200.0) and b.duration_ms == pytest.approx(200.1)  # run() + one step
    for pop in ("E", "I"):
        (sa, ta), (sb, tb) = a.spikes[pop], b.spikes[pop]
        keep = tb <= 200.0 + 1e-9  # what get_data() of the script gives
        assert ta.size > 100
        np.testing.assert_array_equal(sa, sb[keep])
        np.testing.assert_array_equal(ta, tb[keep])


def test_import_refuses_to_overwrite_and_loses_nothing(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "keep.txt").write_text("mine")
    cli = [sys.executable, "-m", "portasnn.cli", "import", "pynn"]
    done = subprocess.run([*cli, str(BRUNEL), "-o", str(out), "--", "portasnn"], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 2 and "E294" in done.stderr and "Traceback" not in done.stderr
    bad = tmp_path / "bad.py"
    bad.write_text("import portasnn.pynn as sim\nsim.setup()\nx = 1 / 0\n")
    done = subprocess.run([*cli, str(bad), "-o", str(out), "--force"], capture_output=True, text=True, timeout=300)
    assert done.returncode == 2 and "E291" in done.stderr and "bad.py:3" in done.stderr
    assert (out / "keep.txt").read_text() == "mine"  # the script failed: nothing replaced
