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
    ("iaf_cond_beta_neuron", "iaf_cond_beta", 1e-6, {}, {}, (2.0, -2.0)),  # measured 5.0e-7
    # GSL with a different error control: the built-in uses gsl_odeiv_control_y_new(1e-6, 0); measured 4.0e-5
    ("hh_psc_alpha_neuron", "hh_psc_alpha", 1e-4, {"gsl_abs_error_tol": 1e-6, "gsl_rel_error_tol": 0.0}, {},
     (40.0, -60.0)),
    # adaptive exponential models below threshold (DC 800 pA; see SPIKING_DIFFERS for the spiking regime)
    ("aeif_cond_exp_neuron", "aeif_cond_exp", 1e-6, {}, {}, (2.0, -2.0)),     # measured 7.9e-7
    ("aeif_cond_alpha_neuron", "aeif_cond_alpha", 1e-6, {}, {}, (2.0, -2.0)),  # measured 1.3e-8
    ("aeif_psc_exp_neuron", "aeif_psc_exp", 1e-6, {}, {}, (40.0, -60.0)),      # measured 1.8e-8
    ("aeif_psc_alpha_neuron", "aeif_psc_alpha", 1e-6, {}, {}, (40.0, -60.0)),  # measured 5.8e-9
]
DC = {"iaf_cond_exp_neuron": 500.0, "iaf_cond_alpha_neuron": 500.0, "iaf_cond_beta_neuron": 500.0,
      "hh_psc_alpha_neuron": 700.0, "aeif_cond_exp_neuron": 800.0, "aeif_cond_alpha_neuron": 800.0,
      "aeif_psc_exp_neuron": 800.0, "aeif_psc_alpha_neuron": 800.0}
SUBTHRESHOLD = {"aeif_cond_exp_neuron", "aeif_cond_alpha_neuron", "aeif_psc_exp_neuron", "aeif_psc_alpha_neuron"}

# Measured on the same scenario, not (yet) equal to the built-in; each line says what differs.
SPIKING_DIFFERS = {
    "aeif_*_neuron": "with spikes (DC 1500 pA) the spike counts agree (26/26 for aeif_cond_exp) but times differ: the "
                     "zoo models make refractoriness an ODE timer and integrate only w and the synapses while "
                     "refr_t > 0 (update block of aeif_cond_exp_neuron.nestml); NEST's aeif models clamp V_m to "
                     "V_reset inside their GSL right-hand side",
    "izhikevich_neuron": "NEST's izhikevich integrates with its own forward-Euler order ('consistent_integration'); "
                         "the zoo model's equations are integrated by GSL RKF45 (izhikevich_neuron.nestml); "
                         "150 vs 151 spikes",
    "mat2_psc_exp_neuron": "weights (40, -60) pA, DC 500 pA: 0 (built-in) vs 10 (zoo) spikes. The built-in's "
                           "status omega is the absolute resting threshold (it returns E_L + omega and subtracts "
                           "E_L on set), the zoo's is relative (its onCondition tests V_m >= E_L + omega + ...), so "
                           "the shared omega = 19 puts the built-in's threshold at +19 mV; with omega = -51 for the "
                           "built-in: 11 vs 10. Then, while refractory the zoo model integrates only refr_t (update "
                           "block of mat2_psc_exp_neuron.nestml), so V_m and both threshold components stand still "
                           "for refr_T = 2 ms; the built-in (no reset) keeps evolving them. A copy of the model "
                           "that evolves them on every step: the same 11 spike times, V_m to rtol 7.5e-15",
    "iaf_psc_delta_fixed_timestep_neuron": "refractoriness counted in whole steps (steps(refr_T)) and input during "
                                           "it handled differently; 218 vs 224 spikes",
    "hh_cond_exp_traub_neuron": "same spike count (432) but shifted times: the spike condition compares V_m_old "
                                "(onCondition of hh_cond_exp_traub_neuron.nestml), the built-in uses its own "
                                "threshold test",
    "iaf_cond_exp_sfa_rr_neuron": "weights (2, -2) nS, DC 500 pA: 79 (built-in) vs 75 (zoo) spikes. While refractory "
                                  "the zoo model integrates only refr_t (update block of "
                                  "iaf_cond_exp_sfa_rr_neuron.nestml), so g_rr stays at q_rr = 3214 nS (and g_sfa "
                                  "stands still) where the built-in's decays by exp(-0.5/1.97) = 0.78; and refr_t "
                                  "= 0.5 - 5 * 0.1 = 2.8e-17 ms > 0 makes 6 refractory steps, the built-in clamps "
                                  "5. A copy with integrate_odes(refr_t, g_rr, g_sfa): the same 79 spike times, "
                                  "V_m within 1.25 mV; with refr_T = 0.4999 as well, V_m to rtol 2.2e-6",
    "iaf_chxk_2008_neuron": "weights (2, -2) nS, DC 500 pA: 1 (built-in) vs 231 (zoo) spikes. The zoo's state "
                            "g_ahp (the AHP conductance, 0 nS) has the name of the built-in's parameter g_ahp (the "
                            "AHP amplitude, the zoo's G_ahp = 443.8 nS), so shared_parameters switches the "
                            "built-in's AHP off: it stays above V_th (min -44.4 mV) after its first crossing and, "
                            "having no reset, never crosses again (V_th is absolute in both). With g_ahp = 443.8 "
                            "for the built-in: 241 vs 231. Then the zoo's onCondition adds delta_dg_ahp to g_ahp', "
                            "but the built-in adds it to its auxiliary DG_AHP with g' = DG_AHP - g / tau_ahp, so the "
                            "zoo's kick of g_ahp' is too large by delta_g_ahp / tau_ahp (up to 25 %). A copy with "
                            "g_ahp' += delta_dg_ahp * (1 - sigma / tau_ahp): 241 vs 241, the first 52 in the same "
                            "steps, then GSL error control (V_m rtol 1.2e-5 until then) moves a near-threshold "
                            "crossing by one step. The built-in records interpolated spike times, the zoo model "
                            "the step end",
    "iaf_psc_exp_htum_neuron": "the zoo model never spikes: its update block runs 'r_tot -= 1' on every step "
                               "without a spike (the else branch of 'if r_tot == 0 and V_m >= V_th'), so r_tot "
                               "is negative from the first step on and the spike condition never holds again; "
                               "V_m also differs by the resting potential (not yet matched)",
}
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
    if nestml_name in SUBTHRESHOLD:
        assert len(s_ref) == 0 and len(s) == 0, "the subthreshold scenario must stay below threshold"
    else:
        assert len(s_ref) > 2, "the scenario must make the neuron fire"
    np.testing.assert_array_equal(s, s_ref)
    np.testing.assert_allclose(v, v_ref, rtol=rtol, atol=rtol * 1e-3)
