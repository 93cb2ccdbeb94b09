"""The step driver in double precision (``arith="float"``) against the analytic LIF solution, and the
s16.15 build against it (benchmarks/spinnaker_fidelity.py does this for every lowered zoo model)."""
from __future__ import annotations

import math

import numpy as np
import pytest

from portasnn.errors import UsageError
from portasnn.targets.spinnaker_host import armref
from portasnn.targets.spinnaker_host.lower import host_model
from portasnn.targets.spinnaker_host.model import PackContext

from .conftest import solved

DT = 0.1
STEPS = 10_000  # 1 s
I_PA = 400.0
# iaf_psc_exp_neuron defaults: C_m 250 pF, tau_m 10 ms, E_L = V_reset = -70 mV, V_th = -55 mV, refr_T 2 ms
C_M, TAU_M, E_L, V_TH, REFR = 250.0, 10.0, -70.0, -55.0, 2.0


def _run(model, arith: str):
    values = {k: np.array([v]) for k, v in model.defaults.items()}
    words = model.pack(values, PackContext(n=1, dt_ms=DT, arith=arith))[0]
    driver = armref.build_step_driver(model.header, arm=False, arith=arith)
    offsets = np.full(STEPS, round(I_PA * 1e-3 * 2 ** 15))
    inputs = np.zeros((STEPS, len(model.synapse_types)), np.int64)
    trace = armref.run_step_driver(driver, words, inputs, offsets, n_recorded=len(model.recordables), arm=False,
                                   arith=arith)
    v = trace.recorded[:, model.recordable("V_m")].astype(np.float64)
    return trace.spiked.astype(bool), v / 2 ** 15 if arith == "fixed" else v


def test_fixed_and_double_dc_rates_agree_with_each_other_and_the_analytic_lif():
    model = host_model(solved("iaf_psc_exp_neuron"))
    assert {k: model.defaults[k] for k in ("C_m", "tau_m", "E_L", "V_reset", "V_th", "refr_T")} == {
        "C_m": C_M, "tau_m": TAU_M, "E_L": E_L, "V_reset": E_L, "V_th": V_TH, "refr_T": REFR}
    i_exact = round(I_PA * 1e-3 * 2 ** 15) / 2 ** 15 * 1e3  # the offset the chip holds, pA
    amp = i_exact * TAU_M / C_M  # mV
    t_star = -TAU_M * math.log(1.0 - (V_TH - E_L) / amp)  # 27.73 ms from rest

    spk_fl, v_fl = _run(model, "float")
    first = int(np.flatnonzero(spk_fl)[0])
    assert first == math.ceil(t_star / DT) - 1  # the step whose end crosses V_th
    t = np.arange(first) * DT  # V_m recorded at the start of each step
    np.testing.assert_allclose(v_fl[:first], E_L + amp * (1.0 - np.exp(-t / TAU_M)), atol=1e-9)
    # every inter-spike interval: refractory time, then the same climb from V_reset
    isi = np.diff(np.flatnonzero(spk_fl))
    assert set(isi.tolist()) <= {first + round(REFR / DT), first + round(REFR / DT) + 1}

    spk_fx, v_fx = _run(model, "fixed")
    n_fx, n_fl = int(spk_fx.sum()), int(spk_fl.sum())
    assert n_fl > 20
    assert abs(n_fx - n_fl) <= 0.05 * n_fl
    assert np.max(np.abs(v_fx[:first] - v_fl[:first])) < 0.05  # mV, s16.15 rounding of the propagators


def test_no_float_build_for_arm():
    with pytest.raises(UsageError):
        armref.build_step_driver("", arm=True, arith="float")
