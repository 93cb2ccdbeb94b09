"""`portasnn run SCRIPT.py` and `portasnn compare SCRIPT.py` on PyNN scripts (issue 14 item 4): a script that
imports portasnn.pynn, and one that takes its simulator from the command line as PyNN's examples do."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np

from portasnn.results import read_results

SCRIPTS = Path(__file__).parent / "scripts"
PORTASNN = [sys.executable, "-m", "portasnn.cli"]


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*PORTASNN, *args], capture_output=True, text=True, timeout=900, cwd=cwd)


def test_run_script_on_spinnaker_host(tmp_path):
    """issue 14 item 4: --target replaces setup()'s target, -o is the results directory; the script runs whole
    (its own write_data files are written too)."""
    done = _cli("run", str(SCRIPTS / "small_net.py"), "--target", "spinnaker-host", "-o", str(tmp_path / "out"),
                "--no-plots", "--", str(tmp_path), cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    res = read_results(tmp_path / "out")
    assert res.target == "spinnaker-host" and set(res.populations) == {"exc", "inh"}
    assert (tmp_path / "exc.pkl").is_file()  # the script's own write_data, after run()
    import neo

    block = neo.io.PickleIO(str(tmp_path / "exc.pkl")).read_block()
    senders, times = res.spikes["exc"]
    for st in block.segments[0].spiketrains:  # get_data() is the results directory, neuron by neuron
        mine = np.sort(times[senders == st.annotations["source_index"]])
        np.testing.assert_array_equal(np.asarray(st.magnitude), mine[mine <= 200.0 + 1e-9])


def test_run_pynn_example_style_script(tmp_path):
    """issue 14 item 4: a script using pyNN.utility.get_simulator gets this backend as `portasnn`."""
    done = _cli("run", str(SCRIPTS / "get_simulator_example.py"), "--target", "nest", "-o", str(tmp_path / "o"),
                "--no-plots", "--", "portasnn", "--rate", "20", cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    assert read_results(tmp_path / "o").target == "nest"
    ref = subprocess.run([sys.executable, str(SCRIPTS / "get_simulator_example.py"), "nest"], capture_output=True,
                         text=True, timeout=600, cwd=tmp_path)  # the same script under pyNN.nest
    assert ref.returncode == 0, ref.stderr[-2000:]
    count = [line for line in ref.stdout.splitlines() if line.startswith("spikes:")]
    assert count and count[0] != "spikes: 0" and count[0] in done.stdout.splitlines(), (count, done.stdout)


def test_failing_script_is_a_clear_error(tmp_path):
    """issue 14 items 4 and 6: a refusal inside the script exits 2 with its code and the script's line."""
    done = _cli("run", str(SCRIPTS / "refused_alpha.py"), "--target", "spinnaker-host", "-o", str(tmp_path / "o"),
                cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert "E286" in done.stderr and "refused_alpha.py:4" in done.stderr and "Traceback" not in done.stderr
    bad = tmp_path / "bad.py"
    bad.write_text("import portasnn.pynn as sim\nsim.setup()\nx = 1 / 0\n")
    done = _cli("run", str(bad), "-o", str(tmp_path / "o2"), cwd=tmp_path)
    assert done.returncode == 2 and "E291" in done.stderr and "bad.py:3" in done.stderr, done.stderr


def test_compare_script(tmp_path):
    """issue 14 item 4: compare takes a PyNN script as it takes a .pnet: the network the script built runs on
    both targets with the harness's seeds and the report is written."""
    done = _cli("compare", str(SCRIPTS / "poisson_net.py"), "--targets", "nest,spinnaker-host", "--seeds", "2",
                "-o", str(tmp_path / "cmp"), "--json", cwd=tmp_path)
    assert done.returncode in (0, 1), done.stderr[-2000:]  # 1: a Fail verdict, still a report
    metrics = json.loads((tmp_path / "cmp" / "metrics.json").read_text())
    assert "cells" in json.dumps(metrics) and (tmp_path / "cmp" / "report.md").is_file()


def test_compare_refuses_at_the_script_line(tmp_path):
    """issue 14 items 4 and 6: compare checks the script for every target it names, so IF_curr_alpha is refused
    with the script's line (E286), not later by the emulator."""
    script = tmp_path / "alpha.py"
    script.write_text((SCRIPTS / "refused_alpha.py").read_text().replace('target="spinnaker-host"', 'target="nest"'))
    done = _cli("compare", str(script), "--targets", "nest,spinnaker-host", "-o", str(tmp_path / "cmp"),
                cwd=tmp_path)
    assert done.returncode == 2 and "E286" in done.stderr and "alpha.py:4" in done.stderr, done.stderr[-2000:]


def test_a_cell_type_no_board_has_is_refused_at_the_script_line_before_any_job(tmp_path):
    """setup(target="spinnaker"): a cell type sPyNNaker 7.4.1 lacks (IF_cond_alpha) is refused at the line that
    made the population (E286, saying why), before anything is bundled or submitted (no collab is configured)."""
    script = tmp_path / "alpha.py"
    script.write_text((SCRIPTS / "refused_alpha.py").read_text().replace("IF_curr_alpha", "IF_cond_alpha"))
    done = _cli("run", str(script), "--target", "spinnaker", "-o", str(tmp_path / "o"), cwd=tmp_path)
    assert done.returncode == 2 and "E286" in done.stderr and "alpha.py:4" in done.stderr, done.stderr[-2000:]
    assert "sPyNNaker 7.4.1 has no IF_cond_alpha" in done.stderr and "Traceback" not in done.stderr


def test_run_after_reset_writes_a_sibling_results_directory(tmp_path):
    """issue 14 items 1 and 4: -o DIR holds the first run's results, a run after reset() DIR-segment001 (same
    spikes: each run starts from t = 0)."""
    script = tmp_path / "twice.py"
    script.write_text('import portasnn.pynn as sim\nsim.setup(timestep=0.1)\n'
                      'cells = sim.Population(3, sim.IF_curr_exp(i_offset=[1.0, 1.5, 2.0]), label="cells")\n'
                      'cells.record("spikes")\nsim.run(60.0)\nsim.reset()\nsim.run(60.0)\n')
    done = _cli("run", str(script), "-o", str(tmp_path / "out"), "--no-plots", cwd=tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    first, second = read_results(tmp_path / "out"), read_results(tmp_path / "out-segment001")
    assert first.spikes["cells"][1].size > 5
    for a, b in zip(first.spikes["cells"], second.spikes["cells"]):
        np.testing.assert_array_equal(a, b)
    assert not (tmp_path / "out" / "segment001").exists()  # the first results directory stays as written


def test_a_script_in_spynnakers_dialect_runs_and_its_extras_change_nothing(tmp_path):
    """sPyNNaker's examples call set_number_of_neurons_per_core and name(), give populations seed= and
    additional_parameters=, and leave a projection's synapse type out: with the import line changed they run on
    portasnn.pynn, and the sPyNNaker-only lines change no spike (they place neurons on a board's cores). The
    script's 520 Poisson inputs, each with its own delay, are more distinct weight-delay pairs than NEST has
    synapse models (511): the generated script gives those beyond its copies their values in the syn_spec."""
    import os
    import subprocess
    import sys

    import numpy as np

    script = SCRIPTS / "spynnaker_dialect.py"
    out = {}
    for dialect in ("1", "0"):
        out[dialect] = tmp_path / f"spikes{dialect}.npy"
        done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=600,
                              env={**os.environ, "DIALECT": dialect, "OUT": str(out[dialect]), "PYNEST_QUIET": "1"})
        assert done.returncode == 0, done.stderr[-3000:]
    a, b = (np.load(out[d]) for d in ("1", "0"))
    assert a.size > 100 and np.array_equal(a, b)
    assert "simulator portasnn:" in done.stdout
