"""issue 14 item 2 (pyNN.nest part): `portasnn.pynn.nestml_cell_type(path, pyNN.nest)` is a pyNN.nest cell type of a
NESTML model, its module from portasnn's build cache. The zoo's iaf_psc_exp_neuron driven by I_e fires at the
times of NEST's built-in iaf_psc_exp (the same model), in a new process, across two sim.setup() calls (NEST's
ResetKernel unloads modules)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

MODEL = Path(sys.prefix) / "models" / "neurons" / "iaf_psc_exp_neuron.nestml"

SCRIPT = """
import json, sys
import numpy as np
import pyNN.nest as sim
from portasnn.pynn import nestml_cell_type

cell = nestml_cell_type(sys.argv[1], sim)
out = {"recordable": sorted(cell.recordable), "receptors": list(cell.receptor_types),
       "defaults": {k: cell.default_parameters[k] for k in ("C_m", "tau_m", "E_L", "V_th", "refr_T")}}
builtin = sim.native_cell_type("iaf_psc_exp")  # pyNN.nest 0.13 + NEST 3.10: leave out the bool parameters
builtin.default_parameters = {k: v for k, v in builtin.default_parameters.items() if not isinstance(v, bool)}
for run in range(2):  # setup() resets NEST, which unloads the module: the cell type installs it again
    sim.setup(timestep=0.1)
    mine = sim.Population(3, cell(I_e=[380.0, 400.0, 450.0]))
    ref = sim.Population(3, builtin(I_e=[380.0, 400.0, 450.0], C_m=250.0, tau_m=10.0, E_L=-70.0, V_th=-55.0,
                                    V_reset=-70.0, t_ref=2.0))
    for p in (mine, ref):
        p.initialize(V_m=-70.0)
        p.record("spikes")
    mine[0:1].record("V_m")
    sim.run(200.0)
    out[f"run{run}"] = {name: [np.asarray(st).tolist() for st in p.get_data().segments[0].spiketrains]
                        for name, p in (("mine", mine), ("ref", ref))}
    out[f"v{run}"] = np.asarray(mine.get_data().segments[0].analogsignals[0]).ravel()[:5].tolist()
print(json.dumps(out))
"""


def test_nestml_cell_type_on_pynn_nest_fires_as_nests_builtin(tmp_path):
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(MODEL)], capture_output=True, text=True, timeout=1200,
                          cwd=tmp_path, env={**__import__("os").environ, "PYNEST_QUIET": "1"})
    assert done.returncode == 0, done.stderr[-3000:]
    out = json.loads(done.stdout.strip().splitlines()[-1])
    assert "portasnn_nonfinite" not in done.stderr  # portasnn's own parameter: no pyNN warning about it
    assert "V_m" in out["recordable"] and "spikes" in out["recordable"]
    assert out["defaults"] == {"C_m": 250.0, "tau_m": 10.0, "E_L": -70.0, "V_th": -55.0, "refr_T": 2.0}
    for run in ("run0", "run1"):
        mine, ref = out[run]["mine"], out[run]["ref"]
        assert [len(t) for t in ref] == [len(t) for t in mine] and min(len(t) for t in ref) > 3
        for a, b in zip(mine, ref):
            assert a == pytest.approx(b, abs=1e-9)
    assert out["v0"][0] == -70.0 and out["v0"] == out["v1"]


def test_other_backends_are_refused_with_the_line(tmp_path):
    script = tmp_path / "s.py"
    script.write_text(f"import portasnn.pynn as sim\nsim.setup()\ncell = sim.nestml_cell_type({str(MODEL)!r}, sim)\n")
    done = subprocess.run([sys.executable, "-m", "portasnn.cli", "run", str(script), "-o", str(tmp_path / "o")],
                          capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert done.returncode == 2 and "E293" in done.stderr and "s.py:3" in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


def test_made_after_the_first_population_is_a_clear_error(tmp_path):
    """NEST loads a module only while no nodes exist: E296 with what to do, not NEST's kernel exception."""
    code = ("import pyNN.nest as sim\nfrom portasnn.pynn import nestml_cell_type\nsim.setup()\n"
            "sim.Population(2, sim.SpikeSourceArray(spike_times=[1.0]))\n"
            f"try:\n    nestml_cell_type({str(MODEL)!r}, sim)\nexcept Exception as exc:\n"
            "    print(type(exc).__name__, exc.code, exc)\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=600, cwd=tmp_path,
                          env={**__import__("os").environ, "PYNEST_QUIET": "1"})
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.startswith("UsageError E296") and "before creating the first Population" in done.stdout
