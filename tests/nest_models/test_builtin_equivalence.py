"""portasnn-built NESTML zoo models against NEST's own hand-written built-ins.

Same Poisson trains (through parrot neurons, fixed seed) and the same DC step for 1 s at
0.1 ms. Where the model's propagators are exact, V_m must agree to rtol 1e-9 and the spike
times must be identical; where GSL integrates, to the tolerance the case states.
"""
from __future__ import annotations

import numpy as np
import pytest

from nest_models_support import shared_parameters, simulate

# (NESTML zoo model, NEST built-in, rtol for V_m, extra NESTML params, extra built-in params, weights)
CASES = [
    ("iaf_psc_exp_neuron", "iaf_psc_exp", 1e-9, {}, {}, (40.0, -60.0)),
    ("iaf_psc_alpha_neuron", "iaf_psc_alpha", 1e-9, {}, {}, (40.0, -60.0)),
    ("iaf_psc_delta_neuron", "iaf_psc_delta", 1e-9, {}, {}, (0.5, -0.7)),
    # rtol 1e-5 (measured 7.1e-6): the built-in integrates g_ex/g_in inside RKF45 (absolute tolerance 1e-3),
    # the zoo model (iaf_cond_exp_neuron.nestml, kernel g_exc = exp(-t/tau_syn_exc)) propagates them exactly;
    # spike times are still identical.
    ("iaf_cond_exp_neuron", "iaf_cond_exp", 1e-5, {"gsl_abs_error_tol": 1e-3, "gsl_rel_error_tol": 0.0}, {},
     (2.0, -2.0)),
    ("iaf_cond_alpha_neuron", "iaf_cond_alpha", 1e-6, {"gsl_abs_error_tol": 1e-3, "gsl_rel_error_tol": 0.0}, {},
     (2.0, -2.0)),
]
DC = {"iaf_cond_exp_neuron": 500.0, "iaf_cond_alpha_neuron": 500.0}
NAMES = sorted({c[0] for c in CASES})


@pytest.fixture(scope="module")
def artifact(zoo_artifact):
    return zoo_artifact


@pytest.mark.slow
@pytest.mark.parametrize("nestml_name,builtin,rtol,extra,builtin_extra,weights", CASES,
                         ids=[c[0] for c in CASES])
def test_matches_builtin(nest, artifact, nestml_name, builtin, rtol, extra, builtin_extra, weights):
    model = artifact.nest_models[nestml_name]
    nest.ResetKernel()
    artifact.install()
    ours = nest.GetDefaults(model)
    generic = tuple(
        k for k in nest.GetDefaults(builtin) if k in nest.GetDefaults("parrot_neuron"))
    params = shared_parameters(ours, nest.GetDefaults(builtin), skip=generic)
    params.update(builtin_extra)
    v_ref, s_ref = simulate(nest, builtin, params, install=artifact.install, weights=weights,
                          dc=DC.get(nestml_name, 150.0))
    v, s = simulate(nest, model, dict(extra), install=artifact.install, weights=weights,
                    dc=DC.get(nestml_name, 150.0))
    assert len(s_ref) > 3, "the scenario must make the neuron fire"
    np.testing.assert_array_equal(s, s_ref)
    np.testing.assert_allclose(v, v_ref, rtol=rtol, atol=rtol * 1e-3)
