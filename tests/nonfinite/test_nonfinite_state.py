"""A state that becomes NaN or infinite fails the run (issue 13 item 2), on NEST and on spinnaker-host --arith float.

``runaway_neuron.nestml`` at rest stays at E_L; a constant current of 250 pA (C_m = 250 pF, tau_grow = 1 ms)
sends V_m away as exp(t / 1 ms) from 1 mV beyond its fixed point, so that V_m leaves double precision
ln(1.797e308) = 709.78 ms after the current starts. Only neuron 3 of population R receives it. Before the
check, NEST ran on with V_m = inf (then NaN) and exited 0.
"""
from __future__ import annotations

import math
from pathlib import Path

import pytest

from portasnn.cli import main

pytestmark = pytest.mark.slow
MODEL = Path(__file__).with_name("runaway_neuron.nestml")
OVERFLOW_MS = math.log(1.7976931348623157e308)  # 709.78 ms

NET = """network runaway
model runaway from "{model}"
population Q: 2 runaway
population R: 5 runaway
stimulus drive: dc(amplitude = 250 pA) -> R[3]
record spikes of R
{record}
simulate 800 ms resolution 0.1 ms seed 1{threads}
"""


@pytest.mark.parametrize("target,threads", [("nest", ""), ("nest", " threads 2"), ("spinnaker-host-float", "")],
                         ids=["nest", "nest-2-threads", "spinnaker-host-float"])
@pytest.mark.parametrize("record", ["", "record V_m of R every 0.1 ms"], ids=["unrecorded", "recorded"])
def test_a_diverging_state_fails_the_run_with_where_and_when(tmp_path, capsys, target, threads, record):
    """issue 13 item 2: exit 2, the message names population, neuron, variable and time; no results left.
    With 2 threads too (a NEST exception thrown in update would hang the other thread)."""
    net = tmp_path / "runaway.pnet"
    net.write_text(NET.format(model=MODEL, record=record, threads=threads))
    out = tmp_path / "out"
    code = main(["run", str(net), "--target", target, "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "E460" in err and "Traceback" not in err
    assert "population R, neuron 3" in err and "state variable V_m became inf" in err, err
    t = float(err.split(" at t = ")[1].split(" ms")[0])
    assert abs(t - OVERFLOW_MS) <= 0.5, err
    assert "runaway.pnet:4:" in err  # the population's declaration
    assert not out.exists() or not any(out.iterdir())


AEIF = """network aeif_blowup
model aeif from "nestml:aeif_psc_exp_neuron"
population A: 3 aeif { Delta_T = 0.05 mV, V_peak = 500 mV, I_e = 1000 pA }
record spikes of A
simulate 20 ms resolution 0.1 ms seed 1
"""


def test_a_nan_from_the_gsl_solver_fails_the_run_on_nest(tmp_path, capsys):
    """issue 13 item 2: aeif with a tiny slope factor and a far V_peak: RKF45 returns NaN; before, exit 0."""
    net = tmp_path / "aeif.pnet"
    net.write_text(AEIF)
    out = tmp_path / "out"
    code = main(["run", str(net), "--target", "nest", "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "E460" in err and "population A, neuron 0 (aeif_psc_exp_neuron): state variable" in err
    assert " became nan at t = " in err and "Traceback" not in err
    assert not out.exists() or not any(out.iterdir())
