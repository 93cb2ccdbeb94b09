"""issue 14 item 2: `portasnn.pynn.nestml_cell_type(path, pyNN.nest)` is a pyNN.nest cell type of a
NESTML model, its module from portasnn's build cache; with portasnn.pynn it is portasnn.pynn's own cell type of the
model, on nest and spinnaker-host. The zoo's iaf_psc_exp_neuron driven by I_e fires at the
times of NEST's built-in iaf_psc_exp (the same model), in a new process, across two sim.setup() calls (NEST's
ResetKernel unloads modules)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
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


def _nestml_script(tmp: Path, backend: str, target: str) -> dict:
    out = tmp / f"{backend}-{target}.json"
    done = subprocess.run([sys.executable, str(Path(__file__).parent / "scripts" / "nestml_cells.py"), backend, target,
                           str(out)], capture_output=True, text=True, timeout=900, cwd=tmp,
                          env={**__import__("os").environ, "PYNEST_QUIET": "1"})
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(out.read_text())


def test_nestml_cell_type_on_portasnn_pynn_as_on_pynn_nest(tmp_path):
    """issue 14 item 2: the same script with nestml_cell_type(path, sim) gives identical spikes and V_m traces under
    portasnn.pynn (nest) and pyNN.nest (the same NEST model; weights times 1000 as pyNN.nest takes them), and runs
    on spinnaker-host (the model in s16.15: the same spike count per neuron up to one, V_m before the first input
    within 0.05 mV)."""
    ref = _nestml_script(tmp_path, "pyNN.nest", "-")
    ours = _nestml_script(tmp_path, "portasnn.pynn", "nest")
    assert ours["spikes"] == ref["spikes"] and ours["unit"] == ref["unit"] == "mV"
    np.testing.assert_allclose(ours["v"], ref["v"], rtol=0, atol=1e-9)
    assert ours["tau_m"] == ref["tau_m"] == 15.0
    assert all(ref["spikes"]) and len(ref["spikes"][3]) < len(ref["spikes"][2])  # the inhibition acts
    host = _nestml_script(tmp_path, "portasnn.pynn", "spinnaker-host")
    assert [abs(len(a) - len(b)) <= 1 for a, b in zip(host["spikes"], ref["spikes"])] == [True] * 4
    # before the first input (5 ms + 1 ms delay; sPyNNaker lets input act a tick earlier than NEST): I_e alone
    np.testing.assert_allclose(host["v"][:60], ref["v"][:60], rtol=0, atol=0.05)  # s16.15 rounding


SPYNNAKER_SCRIPT = """
import json, sys
import pyNN.spiNNaker as p
from portasnn.pynn import nestml_cell_type

cell = nestml_cell_type(sys.argv[1], p)
again = nestml_cell_type(sys.argv[1], p)
p.setup(timestep=1.0)
cells = p.Population(3, cell(I_e=[0.1, 0.2, 0.3]), label="cells")
src = p.Population(1, p.SpikeSourceArray(spike_times=[2.0, 5.0]), label="src")
p.Projection(src, cells, p.AllToAllConnector(), p.StaticSynapse(weight=0.5, delay=1.0), receptor_type="excitatory")
cells.record(["spikes", "V_m"])
p.run(20.0)
p.end()
json.dump({"name": cell.__name__, "same": cell is again, "defaults": dict(cell.default_parameters)},
          open("out.json", "w"))
"""


@pytest.mark.slow
@pytest.mark.spinnaker
def test_nestml_cell_type_on_spynnaker_maps_on_the_virtual_board(tmp_path):
    """issue 14 item 2: with sim = pyNN.spiNNaker the cell type is portasnn's generated sPyNNaker class of the
    model, built once into the cache by the file's content (a second process and a second call reuse it): its
    defaults are the model's in PyNN's units (C_m 250 pF -> 0.25 nF), and a script with it maps and runs to its end
    on sPyNNaker's virtual board."""
    pytest.importorskip("spynnaker")
    script = tmp_path / "s.py"
    script.write_text(SPYNNAKER_SCRIPT)
    (tmp_path / "home").mkdir()
    (tmp_path / "home" / ".spynnaker.cfg").write_text("[Machine]\nvirtual_board = True\nversion = 5\n")
    env = {**os.environ, "HOME": str(tmp_path / "home"), "PORTASNN_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("XDG_CONFIG_HOME", None)
    outs = []
    for run in range(2):
        done = subprocess.run([sys.executable, str(script), str(MODEL)], capture_output=True, text=True,
                              timeout=900, cwd=tmp_path, env=env)
        assert done.returncode == 0, done.stderr[-3000:]
        outs.append(json.loads((tmp_path / "out.json").read_text()))
        built = list((tmp_path / "cache" / "spinnaker-cells").iterdir())
        assert len(built) == 1
        stamp = (built[0] / "python_models" / "portasnn_models" / "__init__.py").stat().st_mtime_ns
        if run == 0:
            first = stamp
    assert stamp == first  # the second process imported the cached class, it did not write it again
    out = outs[1]
    assert out["name"] == "IafPscExpNeuron" and out["same"]
    defaults = out["defaults"]
    assert (defaults["C_m"], defaults["tau_m"], defaults["V_th"], defaults["E_L"]) == (0.25, 10.0, -55.0, -70.0)


def test_spynnaker_cell_type_of_a_missing_file_or_model_is_e296(tmp_path):
    """issue 14 item 2: nestml_cell_type(path, pyNN.spiNNaker) with no such file, or a model the file lacks: E296."""
    p = pytest.importorskip("pyNN.spiNNaker")
    from portasnn.errors import UsageError
    from portasnn.pynn import nestml_cell_type

    with pytest.raises(UsageError) as info:
        nestml_cell_type(tmp_path / "missing.nestml", p)
    assert info.value.code == "E296" and "no such NESTML file" in str(info.value)
    with pytest.raises(UsageError) as info:
        nestml_cell_type(MODEL, p, model="no_such_neuron")
    assert info.value.code == "E296" and "IafPscExpNeuron" in str(info.value)


def test_other_backends_are_refused_with_the_line(tmp_path):
    script = tmp_path / "s.py"
    script.write_text(f"import pyNN.mock as sim\nfrom portasnn.pynn import nestml_cell_type\n"
                      f"cell = nestml_cell_type({str(MODEL)!r}, sim)\n")
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


@pytest.mark.parametrize("name, model, says", [
    ("two.nestml", None, "two.nestml has the models first_neuron, second_neuron: say which"),
    ("two.nestml", "third_neuron", "has no model 'third_neuron' (it has first_neuron, second_neuron)"),
    ("odd.nestml", None, "odd.nestml:3:9: the default of V_m"),
])
def test_a_nestml_cell_type_portasnn_pynn_cannot_make_is_e296(name, model, says):
    """issue 14 item 6: a file with several models and no model=, a model the file lacks, and a default that is
    not a number (a random draw) are refused with E296, the last at the model file's line and column."""
    import portasnn.pynn as sim
    from portasnn.errors import UsageError

    with pytest.raises(UsageError) as info:
        sim.nestml_cell_type(Path(__file__).parent / "nestml" / name, sim, model)
    assert info.value.code == "E296" and says in str(info.value.message)
