"""A NESTML model whose weights count nanoamperes (``unit_psc nA = 1 nA``) gets the same input on every target.

The frontend stores such a weight as a number of the model's unit (what the NEST model multiplies by
``unit_psc``); the spinnaker lowering must read the same number. Reference: the zoo model with
``unit_psc = 1 pA`` and a weight 1000 times larger, which must give the same membrane potential.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from portasnn.results import read_results
from portasnn.run import run

pytestmark = pytest.mark.slow
HERE = Path(__file__).parent

NET = """network weights
model m from "{model}"
population P: 1 m {{ I_e = 0 pA }}
stimulus kick: spikes(times = [5 ms, 20 ms, 21 ms]) -> P weight = {weight}, delay = 1 ms
record V_m of P every 0.1 ms
simulate 60 ms resolution 0.1 ms seed 1
"""


def _vm(tmp_path: Path, model: str, weight: str, target: str) -> np.ndarray:
    tag = f"{Path(model).stem.replace(':', '_')}-{target.replace(':', '-')}"
    pnet = tmp_path / f"{tag}.pnet"
    pnet.write_text(NET.format(model=model, weight=weight))
    out = run(pnet, target=target, outdir=tmp_path / tag, progress=False)
    trace = read_results(out).traces["P"]["V_m"]
    return np.asarray(trace.values)[:, 0]


@pytest.mark.parametrize("target", ["nest", "spinnaker-host:float"])
def test_nanoampere_weights_equal_picoampere_weights(tmp_path, target):
    ref = _vm(tmp_path, "nestml:iaf_psc_exp_neuron", "300 pA", target)  # 300 x unit_psc = 1 pA
    nano = _vm(tmp_path, str(HERE / "models" / "iaf_psc_exp_nA_neuron.nestml"), "300 pA", target)  # 0.3 x 1 nA
    assert ref.max() - ref.min() > 1.0  # the kicks move V_m by millivolts
    np.testing.assert_allclose(nano, ref, rtol=1e-9, atol=1e-9)
