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
# Non-linear models integrate as their built-in does (issue 13 item 19, targets/nest/gsl.py): its GSL error
# control, the convolutions inside GSL in its coordinates, aeif's threshold tested after every GSL substep.
CASES = [
    ("iaf_psc_exp_neuron", "iaf_psc_exp", 1e-9, {}, {}, (40.0, -60.0)),
    ("iaf_psc_alpha_neuron", "iaf_psc_alpha", 1e-9, {}, {}, (40.0, -60.0)),
    ("iaf_psc_delta_neuron", "iaf_psc_delta", 1e-9, {}, {}, (0.5, -0.7)),
    # rtol 1e-5 (measured max |dV| 5.8e-5 mV, bit-identical outside spike steps): the built-in's right-hand side
    # uses min(V_m, V_th), so RKF45's trial stages differ in a step whose stages pass V_th (then V_m is reset)
    ("iaf_cond_exp_neuron", "iaf_cond_exp", 1e-5, {}, {}, (2.0, -2.0)),
    ("iaf_cond_alpha_neuron", "iaf_cond_alpha", 1e-9, {}, {}, (2.0, -2.0)),  # measured max |dV| 1.4e-14 mV
    ("iaf_cond_beta_neuron", "iaf_cond_beta", 1e-6, {}, {}, (2.0, -2.0)),  # measured 6.0e-6 mV (beta: own coords)
    ("hh_psc_alpha_neuron", "hh_psc_alpha", 1e-6, {}, {}, (40.0, -60.0)),  # measured 1.2e-7 mV
    ("hh_cond_exp_traub_neuron", "hh_cond_exp_traub", 1e-6, {}, {}, (2.0, -2.0)),  # 432 spikes, 4.3e-8 mV
    # adaptive exponential models: conductance-based ones with spikes (DC 1500 pA), current-based ones below
    # threshold (DC 800 pA; see SPIKING_DIFFERS)
    ("aeif_cond_exp_neuron", "aeif_cond_exp", 1e-8, {}, {}, (2.0, -2.0)),     # 26 spikes, measured 3.2e-11 mV
    ("aeif_cond_alpha_neuron", "aeif_cond_alpha", 1e-7, {}, {}, (2.0, -2.0)),  # 10 spikes, measured 2.4e-8 mV
    ("aeif_psc_exp_neuron", "aeif_psc_exp", 1e-6, {}, {}, (40.0, -60.0)),
    ("aeif_psc_alpha_neuron", "aeif_psc_alpha", 1e-6, {}, {}, (40.0, -60.0)),
]
DC = {"iaf_cond_exp_neuron": 500.0, "iaf_cond_alpha_neuron": 500.0, "iaf_cond_beta_neuron": 500.0,
      "hh_psc_alpha_neuron": 700.0, "hh_cond_exp_traub_neuron": 500.0, "aeif_cond_exp_neuron": 1500.0,
      "aeif_cond_alpha_neuron": 1500.0, "aeif_psc_exp_neuron": 800.0, "aeif_psc_alpha_neuron": 800.0}
SUBTHRESHOLD = {"aeif_psc_exp_neuron", "aeif_psc_alpha_neuron"}

# Measured on the same scenario, not (yet) equal to the built-in; each line says what differs.
SPIKING_DIFFERS = {
    "aeif_psc_*_neuron": "the zoo's aeif_psc_exp and aeif_psc_alpha emit their spike and reset when V_m reaches V_th "
                         "(onCondition(V_m >= V_th)), the built-ins (and the zoo's aeif_cond_*) at V_peak; DC "
                         "1500 pA: 20 (built-in) vs 23 (zoo) spikes for aeif_psc_exp",
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
