"""issue 13 item 19: the generated NEST code integrates non-linear models as the corresponding NEST built-in does.

Same stepper (RKF45), same error control (tolerances and norm), same first step, the convolutions inside
GSL in the built-in's coordinates, spike input added after the step, and for the aeif family the threshold
tested after every GSL substep. Held-out traces (a seed, rates and a DC step that the scheme was not
developed on; spikes and input) of aeif_cond_exp and hh_psc_alpha agree with the built-ins to 1e-6 mV.

What stays different by definition is listed in ``BY_DEFINITION`` (and in the README).
"""
from __future__ import annotations

import numpy as np
import pytest

from nest_models_support import shared_parameters, simulate, zoo

# held-out scenario: (weights, Poisson rates, DC amplitude) per model, seed 20261204
HELD_OUT = {
    "aeif_cond_exp": ((3.0, -3.0), (15000.0, 4000.0), 1200.0),
    "hh_psc_alpha": ((50.0, -40.0), (15000.0, 4000.0), 900.0),
}
SEED = 20261204

BY_DEFINITION = {
    "iaf_cond_exp": "the built-in's right-hand side uses min(V_m, V_th) and V_reset while refractory; the zoo "
                    "model's uses V_m: RKF45's trial stages differ in a step whose stages pass V_th, i.e. in "
                    "the step of a spike (then V_m is reset). Elsewhere V_m is bit-identical",
    "izhikevich": "the built-in has no GSL: it updates V_m and U with its own forward Euler "
                  "('consistent_integration'); the zoo model is integrated by RKF45",
    "aeif_*": "the zoo models' refractoriness is a timer (refr_t, an ODE) where the built-ins count steps; "
              "they agree except where the timer's floating-point decrement ends within 1e-15 ms of a step "
              "boundary",
}


def _lower(name: str) -> str:
    from portasnn.program import load_program
    from portasnn.targets import Options, get

    files = get("nest").lower(load_program(zoo(f"{name}_neuron")), Options()).files
    return next(text for rel, text in files.items() if rel.endswith(".cpp") and f"{name}_neuron__" in rel)


def test_aeif_follows_the_builtin_scheme():
    """issue 13 item 19: aeif_cond_exp: gsl_odeiv_control_yp_new's norm, tolerance 1e-6, threshold in the loop."""
    cpp = _lower("aeif_cond_exp")
    assert "gsl_odeiv_control_standard_new(P_.gsl_abs_error_tol, P_.gsl_rel_error_tol, 0.0, 1.0)" in cpp
    assert "P_.gsl_abs_error_tol = 1e-06;" in cpp and "P_.gsl_rel_error_tol = 1e-06;" in cpp
    loop = cpp[cpp.index("while (__t < B_.step_)"):cpp.index("} while (__event && __t < B_.step_);")]
    assert "S_.y_[State_::V_m] >= P_.V_peak" in loop and "__event = true;" in loop
    # the conductances are GSL's (as the built-in's), not overwritten by exact propagation after the step
    assert "g_exc__X__exc_spikes__next" not in cpp


def test_hh_follows_the_builtin_scheme():
    """issue 13 item 19: hh_psc_alpha: gsl_odeiv_control_y_new(1e-3, 0), alpha currents in NEST's coordinates."""
    cpp = _lower("hh_psc_alpha")
    assert "gsl_odeiv_control_standard_new(P_.gsl_abs_error_tol, P_.gsl_rel_error_tol, 1.0, 0.0)" in cpp
    assert "P_.gsl_abs_error_tol = 0.001;" in cpp and "P_.gsl_rel_error_tol = 0.0;" in cpp
    assert "__event" not in cpp  # hh_psc_alpha tests its threshold after the step, as the built-in
    d = "ode_state[State_::K_syn_exc__X__exc_spikes__d]"
    assert f"f[State_::K_syn_exc__X__exc_spikes__d] = -{d}/node.P_.tau_syn_exc;" in cpp
    assert "f[State_::K_syn_exc__X__exc_spikes] = -ode_state[State_::K_syn_exc__X__exc_spikes]/node.P_.tau_syn_exc" \
           f" + {d};" in cpp


def test_model_without_builtin_keeps_nestml_defaults():
    """issue 13 item 19: a model with no built-in counterpart keeps NESTML's control_y_new(1e-6, 1e-6)."""
    cpp = _lower("wb_cond_exp")
    assert "gsl_odeiv_control_standard_new(P_.gsl_abs_error_tol, P_.gsl_rel_error_tol, 1.0, 0.0)" in cpp
    assert "P_.gsl_abs_error_tol = 1e-06;" in cpp and "P_.gsl_rel_error_tol = 1e-06;" in cpp
    assert "__event" not in cpp


@pytest.fixture(scope="module")
def held_out_artifact():
    import portasnn

    return portasnn.build([zoo(f"{name}_neuron") for name in HELD_OUT])


@pytest.mark.slow
@pytest.mark.parametrize("builtin", sorted(HELD_OUT))
def test_held_out_trace_matches_builtin(nest, held_out_artifact, builtin):
    """issue 13 item 19: V_m of a held-out run with spikes and input within 1e-6 mV of the built-in's (measured:
    aeif_cond_exp 13 spikes, 4.6e-9 mV; hh_psc_alpha 21 spikes, 4.5e-8 mV; before, on
    test_builtin_equivalence's scenario: aeif_cond_exp 25 mV with spikes, hh_psc_alpha 2.6e-4 mV)."""
    art = held_out_artifact
    model = art.nest_models[f"{builtin}_neuron"]
    weights, rates, dc = HELD_OUT[builtin]
    nest.ResetKernel()
    art.install()
    generic = tuple(k for k in nest.GetDefaults(builtin) if k in nest.GetDefaults("parrot_neuron"))
    params = shared_parameters(nest.GetDefaults(model), nest.GetDefaults(builtin), skip=generic)
    run = dict(install=art.install, weights=weights, rates=rates, dc=dc, seed=SEED)
    v_ref, s_ref = simulate(nest, builtin, params, **run)
    v, s = simulate(nest, model, {}, **run)
    assert len(s_ref) >= 5, "the held-out run must make the neuron fire"
    np.testing.assert_array_equal(s, s_ref)
    assert np.max(np.abs(v - v_ref)) <= 1e-6
