"""Equal time constants (issue 13 item 2): the zoo models against NEST's built-ins, which switch to the limit
form of their propagators (libnestutil/iaf_propagator.cpp). Same Poisson trains and DC step as
test_builtin_equivalence.py; V_m to rtol 1e-9 and identical spike times."""
from __future__ import annotations

import numpy as np
import pytest

from nest_models_support import shared_parameters, simulate, zoo

MODELS = ("iaf_psc_exp_neuron", "iaf_psc_alpha_neuron")
BUILTIN = {"iaf_psc_exp_neuron": "iaf_psc_exp", "iaf_psc_alpha_neuron": "iaf_psc_alpha"}


@pytest.fixture(scope="module")
def artifact():
    import portasnn

    return portasnn.build([zoo(name) for name in MODELS])


# (model, tau_syn_exc, tau_syn_inh, inhibitory weight in pA) with tau_m = 10 ms
CASES = [
    ("iaf_psc_exp_neuron", 10.0, 10.0, -60.0),   # both equal: NaN on every step before the limit form
    ("iaf_psc_exp_neuron", 2.0, 10.0, -20.0),    # the case: only tau_syn_inh = tau_m
    ("iaf_psc_exp_neuron", 10.0 * (1 + 1e-7), 10.0 * (1 - 1e-9), -60.0),  # nearly equal: 7 digits lost before
    ("iaf_psc_alpha_neuron", 10.0, 10.0, -60.0),
    ("iaf_psc_alpha_neuron", 2.0, 10.0, -20.0),
]


@pytest.mark.slow
@pytest.mark.parametrize("name,tau_exc,tau_inh,w_inh", CASES, ids=[f"{c[0]}-{c[1]:g}-{c[2]:g}" for c in CASES])
def test_equal_time_constants_match_the_builtin(nest, artifact, name, tau_exc, tau_inh, w_inh):
    """issue 13 item 2: tau_syn = tau_m gives the limit form on NEST, as NEST's own models do."""
    model = artifact.nest_models[name]
    nest.ResetKernel()
    artifact.install()
    ours = {"tau_m": 10.0, "tau_syn_exc": tau_exc, "tau_syn_inh": tau_inh}
    status = {**nest.GetDefaults(model), **ours}
    generic = tuple(k for k in nest.GetDefaults(BUILTIN[name]) if k in nest.GetDefaults("parrot_neuron"))
    params = shared_parameters(status, nest.GetDefaults(BUILTIN[name]), skip=generic)
    v_ref, s_ref = simulate(nest, BUILTIN[name], params, install=artifact.install, weights=(40.0, w_inh))
    v, s = simulate(nest, model, ours, install=artifact.install, weights=(40.0, w_inh))
    assert np.all(np.isfinite(v_ref)) and len(s_ref) > 2, "the scenario must make the built-in fire"
    assert np.all(np.isfinite(v)), "V_m must be finite"
    np.testing.assert_array_equal(s, s_ref)
    np.testing.assert_allclose(v, v_ref, rtol=1e-9, atol=1e-12)
