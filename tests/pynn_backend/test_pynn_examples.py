"""PyNN's own published examples, unchanged, through `portasnn run SCRIPT.py -- portasnn` (issue 14 item 1):
the per-neuron spike counts they print equal pyNN.nest's. The examples are PyNN's (not part of this repository):
`make pynn-examples` (part of `make test`) puts the examples/ folder of the installed PyNN's source distribution
into the cache; PORTASNN_PYNN_EXAMPLES may name another examples/ directory (a checkout of PyNN)."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

def _examples() -> Path:
    given = os.environ.get("PORTASNN_PYNN_EXAMPLES")
    if given:
        return Path(given)
    import pyNN

    from portasnn.paths import cache_dir

    return cache_dir() / "pynn-examples" / pyNN.__version__ / "examples"


EXAMPLES = _examples()
COUNT = re.compile(r"^(\d+) (\d+)$", re.M)


@pytest.mark.skipif(not (EXAMPLES / "simpleRandomNetwork.py").is_file(),
                    reason=f"no PyNN examples in {EXAMPLES}: make pynn-examples")
@pytest.mark.parametrize("target", ["nest", "spinnaker-host"])
def test_simple_random_network(tmp_path, target):
    """simpleRandomNetwork.py: SpikeSourceArray (off-grid times, W285), IF_curr_exp with a random tau_m,
    FixedProbabilityConnector, Projection.save, sample().record('v'), write_data, get_spike_counts."""
    script = tmp_path / "simpleRandomNetwork.py"
    shutil.copy(EXAMPLES / "simpleRandomNetwork.py", script)
    ours = subprocess.run([sys.executable, "-m", "portasnn.cli", "run", str(script), "--target", target, "-o",
                           str(tmp_path / "out"), "--no-plots", "--", "portasnn"], capture_output=True, text=True,
                          timeout=900, cwd=tmp_path)
    assert ours.returncode == 0, ours.stderr[-3000:]
    assert "W285" in ours.stderr
    ref = subprocess.run([sys.executable, str(script), "nest"], capture_output=True, text=True, timeout=900,
                         cwd=tmp_path)
    assert ref.returncode == 0, ref.stderr[-3000:]
    mine = [int(n) for _, n in COUNT.findall(ours.stdout)]
    theirs = [int(n) for _, n in COUNT.findall(ref.stdout)]
    assert len(mine) == len(theirs) == 20 and sum(theirs) > 100
    if target == "nest":
        assert mine == theirs
    else:  # sPyNNaker's IF_curr_exp in s16.15: the total within 5 % of NEST's
        assert abs(sum(mine) - sum(theirs)) <= 0.05 * sum(theirs), (mine, theirs)


RATE = re.compile(r"^(Excitatory|Inhibitory) rate\s*:\s*([0-9.]+) Hz", re.M)


@pytest.mark.skipif(not (EXAMPLES / "VAbenchmarks.py").is_file(),
                    reason=f"no PyNN examples in {EXAMPLES}: make pynn-examples")
def test_va_benchmark_cuba(tmp_path):
    """VAbenchmarks.py CUBA (4000 IF_curr_exp cells, FixedProbabilityConnector with the script's RNG, a 50 ms
    initial Poisson kick): the rates it prints are within 1 % of pyNN.nest's on nest (pyNN.nest runs its default
    off-grid iaf_psc_exp_ps here, portasnn the grid-based iaf_psc_exp) and within 5 % on spinnaker-host."""
    script = tmp_path / "VAbenchmarks.py"
    shutil.copy(EXAMPLES / "VAbenchmarks.py", script)
    ref = subprocess.run([sys.executable, str(script), "nest", "CUBA"], capture_output=True, text=True, timeout=900,
                         cwd=tmp_path)
    assert ref.returncode == 0, ref.stderr[-3000:]
    theirs = {k: float(v) for k, v in RATE.findall(ref.stdout)}
    assert set(theirs) == {"Excitatory", "Inhibitory"} and min(theirs.values()) > 1.0
    for target, tol in (("nest", 0.01), ("spinnaker-host", 0.05)):
        ours = subprocess.run([sys.executable, "-m", "portasnn.cli", "run", str(script), "--target", target, "-o",
                               str(tmp_path / target), "--no-plots", "--", "portasnn", "CUBA"], capture_output=True,
                              text=True, timeout=900, cwd=tmp_path)
        assert ours.returncode == 0, ours.stderr[-3000:]
        mine = {k: float(v) for k, v in RATE.findall(ours.stdout)}
        for k in theirs:
            assert abs(mine[k] - theirs[k]) <= tol * theirs[k], (target, k, mine[k], theirs[k])


@pytest.mark.skipif(not (EXAMPLES / "Izhikevich.py").is_file(),
                    reason=f"no PyNN examples in {EXAMPLES}: make pynn-examples")
def test_izhikevich(tmp_path):
    """Izhikevich.py: three Izhikevich cells (i_offset as a list), a spike array through a OneToOneConnector into a
    view, a DCSource into another view, initialize(v, u) at timestep 0.01 ms; the v traces it writes equal
    pyNN.nest's. portasnn runs the script unchanged; for pyNN.nest one line is changed: pyNN 0.13's
    OneToOneConnector between two one-neuron populations fails with numpy 2 there (portasnn.pynn mends it), so its
    copy connects them AllToAll (the same single connection)."""
    import neo
    import numpy as np

    text = (EXAMPLES / "Izhikevich.py").read_text()
    assert text.count("sim.OneToOneConnector()") == 1
    (tmp_path / "Izhikevich.py").write_text(text)
    (tmp_path / "ref").mkdir()
    (tmp_path / "ref" / "Izhikevich.py").write_text(text.replace("sim.OneToOneConnector()",
                                                                 "sim.AllToAllConnector()"))
    ref = subprocess.run([sys.executable, "Izhikevich.py", "nest"], capture_output=True, text=True, timeout=900,
                         cwd=tmp_path / "ref")
    assert ref.returncode == 0, ref.stderr[-3000:]
    ours = subprocess.run([sys.executable, "-m", "portasnn.cli", "run", "Izhikevich.py", "--target", "nest", "-o",
                           str(tmp_path / "out"), "--no-plots", "--", "portasnn"], capture_output=True, text=True,
                          timeout=900, cwd=tmp_path)
    assert ours.returncode == 0, ours.stderr[-3000:]
    (mine,) = (tmp_path / "Results").rglob("Izhikevich_portasnn_*.pkl")  # Results/DATE/...
    (theirs,) = (tmp_path / "ref" / "Results").rglob("Izhikevich_nest_*.pkl")
    va, vb = (neo.io.PickleIO(str(p)).read_block().segments[0].filter(name="v")[0] for p in (mine, theirs))
    assert va.shape == vb.shape == (10001, 3) and va.units == vb.units
    np.testing.assert_allclose(va.magnitude, vb.magnitude, rtol=0, atol=1e-9)
    assert np.ptp(vb.magnitude, axis=0).min() > 20.0  # each cell is driven: i_offset, the spikes, the DCSource


@pytest.mark.skipif(not (EXAMPLES / "simple_STDP.py").is_file(),
                    reason=f"no PyNN examples in {EXAMPLES}: make pynn-examples")
def test_simple_stdp_is_refused_at_its_plastic_projection(tmp_path):
    """simple_STDP.py makes a projection from a SpikeSourceArray plastic, which portasnn's plastic synapses
    (between populations of neurons) cannot run: exit 2, E298 at the line of that projection, no traceback."""
    text = (EXAMPLES / "simple_STDP.py").read_text()
    line = next(k for k, row in enumerate(text.splitlines(), 1) if "sim.Projection(p1, p2" in row)
    (tmp_path / "simple_STDP.py").write_text(text)
    ours = subprocess.run([sys.executable, "-m", "portasnn.cli", "run", "simple_STDP.py", "--target", "nest", "-o",
                           str(tmp_path / "out"), "--no-plots", "--", "portasnn"], capture_output=True, text=True,
                          timeout=900, cwd=tmp_path)
    assert ours.returncode == 2 and "Traceback" not in ours.stderr, ours.stderr[-3000:]
    assert f"simple_STDP.py:{line}: STDPMechanism from the spike source 'presynaptic'" in ours.stderr
    assert "E298" in ours.stderr and "hint:" in ours.stderr
