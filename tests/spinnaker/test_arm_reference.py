"""Generated update code: spinnaker-host build against GCC's own ARM accum under qemu-arm, bit for bit.

Each lowered model's generated C runs one neuron for 10 000 steps of random ring-buffer input and
current offsets on both builds (``armref``); raw state, recorded values and spikes must be identical.
"""
from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from portasnn.targets.spinnaker_host import armref
from portasnn.targets.spinnaker_host.lower import host_model

from .conftest import HERE, solved

pytestmark = [pytest.mark.arm, pytest.mark.slow,
              pytest.mark.skipif(not armref.arm_available(), reason="needs arm-linux-gnueabi-gcc and qemu-arm")]

STEPS = 10_000


def _inputs(model, seed: int, rate: float):
    rng = np.random.default_rng(seed)
    k = len(model.synapse_types)
    inputs = np.where(rng.random((STEPS, k)) < rate, rng.integers(1, 2 ** 15, (STEPS, k)), 0)
    offsets = np.where(rng.random(STEPS) < 0.5, rng.integers(-2 ** 13, 2 ** 14, STEPS), 0)
    return inputs, offsets


def _values(model, **over):
    return {k: np.array([v]) for k, v in {**model.defaults, **over}.items()}


@pytest.mark.parametrize("name,over", [
    ("iaf_psc_exp_neuron", {"I_e": 200.0}),
    ("iaf_psc_alpha_neuron", {"I_e": 300.0, "tau_syn_exc": 1.0}),
    ("iaf_psc_delta_neuron", {"I_e": 350.0}),
])
@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2 ** 20), dt=st.sampled_from([0.1, 1.0]), rate=st.sampled_from([0.05, 0.3]))
def test_linear_models_bit_identical_to_arm_accum(name, over, seed, dt, rate):
    model = host_model(solved(name))
    inputs, offsets = _inputs(model, seed, rate)
    assert armref.first_difference(model, _values(model, **over), dt, inputs, offsets) is None


def test_fixed_step_solver_bit_identical_to_arm_accum():
    from portasnn.program import load_models

    text = (HERE / "models" / "tiny_lif_neuron.nestml").read_text().replace(
        "V_m' = -(V_m - E_L) / tau_m + I_e / C_m",
        "V_m' = -(V_m - E_L) / tau_m + (V_m - E_L)**2 / (tau_m * 20 mV) + I_e / C_m")
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tiny_lif_neuron.nestml"
        path.write_text(text)
        (ir,) = load_models(path)
    for solver in ("euler", "rk2"):
        model = host_model(ir, solver, 4)
        inputs, offsets = _inputs(model, 7, 0.1)
        assert armref.first_difference(model, _values(model, I_e=100.0), 0.1, inputs, offsets) is None


# Every nestml zoo model that lowers (benchmarks/spinnaker_coverage.py; test_coverage checks this list
# is exactly the lowered set), with the solver the coverage uses.
LOWERED_ZOO = {
    "iaf_psc_alpha_neuron": None, "iaf_psc_delta_neuron": None, "iaf_psc_delta_fixed_timestep_neuron": None,
    "iaf_psc_exp_neuron": None, "iaf_psc_exp_htum_neuron": None, "ignore_and_fire_neuron": None,
    "mat2_psc_exp_neuron": None,
    "aeif_cond_alpha_alt_neuron": "euler", "aeif_cond_alpha_neuron": "euler", "aeif_cond_exp_neuron": "euler",
    "aeif_psc_alpha_neuron": "euler", "aeif_psc_exp_neuron": "euler", "hh_cond_exp_traub_neuron": "euler",
    "hh_moto_5ht_neuron": "euler",
    "hh_psc_alpha_neuron": "euler", "iaf_chxk_2008_neuron": "euler", "iaf_cond_alpha_neuron": "euler",
    "iaf_cond_beta_neuron": "euler", "iaf_cond_exp_neuron": "euler", "iaf_cond_exp_sfa_rr_neuron": "euler",
    "izhikevich_neuron": "euler", "izhikevich_psc_alpha_neuron": "euler", "terub_gpe_neuron": "euler",
    "traub_cond_multisyn_neuron": "euler", "traub_psc_alpha_neuron": "euler", "wb_cond_exp_neuron": "euler",
    "wb_cond_multisyn_neuron": "euler",
}


@pytest.mark.parametrize("name", sorted(LOWERED_ZOO))
def test_every_lowered_zoo_model_bit_identical_to_arm_accum(name):
    """10 000 steps at 0.1 ms of random input (up to 1/32 of a chip unit per tick: 31 pA, 31 nS or
    0.03 mV) and current offsets (up to +-125 pA), default parameters."""
    model = host_model(solved(name), LOWERED_ZOO[name])
    rng = np.random.default_rng(sum(map(ord, name)))
    k = len(model.synapse_types)
    inputs = np.where(rng.random((STEPS, k)) < 0.2, rng.integers(1, 2 ** 10, (STEPS, k)), 0)
    offsets = np.where(rng.random(STEPS) < 0.5, rng.integers(-2 ** 12, 2 ** 12, STEPS), 0)
    assert armref.first_difference(model, _values(model), 0.1, inputs, offsets) is None
