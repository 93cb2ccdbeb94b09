"""``portasnn.targets.spinnaker.linear``: the linear part of a numeric block and its matrix exponential (issue 13 item 8)."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pytest
import scipy.linalg
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from portasnn.targets.spinnaker import linear

MODELS = Path(__file__).resolve().parent.parent / "spinnaker" / "models"


@lru_cache(maxsize=None)
def _solved(name: str):
    from portasnn.program import load_models

    return load_models(MODELS / f"{name}.nestml")[0]


def _static(model) -> set[str]:  # noqa: ANN001
    return {v.name for v in (*model.parameters, *model.internals)}


def test_a_coupled_adaptive_lif_is_linear_with_its_inputs_split_off():
    """issue 13 item 8: ODE-toolbox leaves V_m and w to a numeric solver; the whole block is linear."""
    model = _solved("aif_lin_neuron")
    system = linear.analyse(model.solution.numeric, _static(model))
    assert system.nonlinear == ()
    assert set(system.states) == set(model.solution.numeric.states)
    assert system.inputs == (sympy.Integer(1), sympy.Symbol("I_stim"))
    v, w = system.states.index("V_m"), system.states.index("w")
    a = sympy.Matrix(system.matrix)
    g_l, c_m, tau_w, a_ = sympy.symbols("g_L C_m tau_w a")
    assert sympy.simplify(a[v, v] + g_l / c_m) == 0 and sympy.simplify(a[v, w] + 1 / c_m) == 0
    assert sympy.simplify(a[w, v] - a_ / tau_w) == 0
    # the equilibrium without changing input: V_m = E_L + I_e / (g_L + a), w = a I_e / (g_L + a)
    x0 = linear.offset(system)
    e_l, i_e = sympy.symbols("E_L I_e")
    assert sympy.simplify(x0[v] - (e_l + i_e / (g_l + a_))) == 0
    assert sympy.simplify(x0[w] - a_ * i_e / (g_l + a_)) == 0


def test_a_non_linear_ode_is_named_and_what_depends_on_it_is_not_linear():
    """issue 13 item 8: in an aeif model, V_m (exp term) is the non-linear state; w (linear, but driven by V_m)
    is not part of the exactly solvable set; the synaptic currents are."""
    model = _solved("aeif_ode_neuron")
    system = linear.analyse(model.solution.numeric, _static(model))
    assert system.nonlinear == ("V_m",)
    assert set(system.states) == {"I_exc", "I_inh"}


def _params_module():
    from portasnn.targets.spinnaker.lower import lower
    from portasnn.targets.spinnaker.params_runtime import load_params_module, params_source

    return load_params_module(params_source(lower(_solved("aif_lin_neuron"))), "test_linear_params")


matrices = st.integers(2, 6).flatmap(lambda d: st.lists(st.floats(-3.0, 3.0), min_size=d * d, max_size=d * d)
                                     .map(lambda xs: np.array(xs).reshape(d, d)))


@settings(max_examples=60, deadline=None)
@given(matrices, st.sampled_from([1e-3, 0.1, 1.0, 10.0]))
def test_the_generated_matrix_exponential_equals_scipys(m, h):
    """issue 13 item 8: the host's exp(M h) - I (numpy, in the generated parameter module) against scipy's."""
    expm1 = _params_module()._expm1
    got = expm1(m[None] * h)[0]
    want = scipy.linalg.expm(m * h) - np.eye(len(m))
    scale = max(1.0, float(np.max(np.abs(want + np.eye(len(m))))))
    # relative to the largest entry: an exponential growing to 1e13 (h = 10) agrees to ~3e-12 (rounding in both)
    assert np.max(np.abs(got - want)) <= 1e-10 * scale


@pytest.mark.parametrize("m", [
    np.array([[-0.1, 1.0], [0.0, -0.1]]),                 # a Jordan block (repeated eigenvalue, defective)
    np.array([[-0.05, -0.005], [0.0004, -0.01]]),          # an adaptive LIF (V_m, w)
    np.diag([-0.1, -0.1, -0.5]),                            # equal time constants
])
def test_singular_cases_are_exact_in_the_host_code_and_in_sympy(m):
    """issue 13 item 8: no 0/0 forms: the numpy and mpmath (sympy evalf) values equal scipy's."""
    h = 0.1
    want = scipy.linalg.expm(m * h) - np.eye(len(m))
    got = _params_module()._expm1(m[None] * h)[0]
    np.testing.assert_allclose(got, want, rtol=1e-13, atol=1e-16)
    d = len(m)
    for i in range(d):
        for j in range(d):
            value = linear.expm1_entry(i, j, d, sympy.Float(h), *[sympy.Float(x) for x in m.ravel()]).evalf()
            assert float(value) == pytest.approx(want[i, j], rel=1e-13, abs=1e-16)


def test_non_finite_matrices_give_nan_for_that_neuron_only():
    expm1 = _params_module()._expm1
    stack = np.array([[[-1.0, 0.0], [0.0, -1.0]], [[np.inf, 0.0], [0.0, -1.0]]])
    out = expm1(stack)
    assert np.all(np.isfinite(out[0])) and np.all(np.isnan(out[1]))
