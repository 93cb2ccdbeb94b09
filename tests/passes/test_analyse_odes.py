"""The analyse_odes pass against hand-derived exact solutions."""
from __future__ import annotations

import math
import os
import textwrap
from pathlib import Path

import pytest
import sympy

from portasnn.program import load_models

H = sympy.Symbol("__h")
TAU, TAU_S, C = sympy.symbols("tau_m tau_syn C_m")

MODEL = """
model {name}:
    state:
        V_m mV = 0 mV
{state}
    equations:
{equations}
    parameters:
        tau_m ms = 10 ms
        tau_syn ms = 2 ms
        C_m pF = 250 pF
        V_th mV = 15 mV
    input:
        spikes <- spike
    output:
        spike
    update:
        integrate_odes()
    onCondition(V_m >= V_th):
        V_m = 0 mV
        emit_spike()
"""


def solved(tmp_path, name, equations, state=""):
    path = tmp_path / f"{name}.nestml"
    path.write_text(MODEL.format(name=name, equations=textwrap.indent(equations, " " * 8),
                                 state=textwrap.indent(state, " " * 8)))
    (model,) = load_models(path)
    return model


def numeric(expr, **values):
    return float(expr.subs({sympy.Symbol(k): v for k, v in values.items()}))


def test_leaky_membrane_has_an_exact_propagator(tmp_path):
    m = solved(tmp_path, "leaky", "V_m' = -V_m / tau_m")
    (block,) = m.solution.analytic
    props = dict(block.propagators)
    assert m.solution.numeric is None
    p = props["__P__V_m__V_m"]
    for h, tau in ((0.1, 10.0), (1.0, 20.0), (0.25, 3.0)):
        assert numeric(p, __h=h, tau_m=tau) == pytest.approx(math.exp(-h / tau), rel=1e-14)


def test_exponential_current_kernel_jumps_by_one_and_drives_v(tmp_path):
    m = solved(tmp_path, "expsyn", "kernel K = exp(-t / tau_syn)\nV_m' = -V_m / tau_m + convolve(K, spikes) * 1 pA / C_m")
    jumps = {(s, p): e for s, p, e in m.solution.spike_jumps}
    assert jumps == {("K__X__spikes", "spikes"): 1}
    props = {k: v for b in m.solution.analytic for k, v in b.propagators}
    # V response to a unit current step that decays with tau_syn (Rotter & Diesmann 1999, P21)
    h, tau, tau_s, c = 0.1, 10.0, 2.0, 250.0
    expected = tau * tau_s / (c * (tau - tau_s)) * (math.exp(-h / tau) - math.exp(-h / tau_s))
    got = numeric(props["__P__V_m__K__X__spikes"], __h=h, tau_m=tau, tau_syn=tau_s, C_m=c)
    assert got == pytest.approx(expected, rel=1e-12)


def test_alpha_kernel_initial_values_are_the_jumps(tmp_path):
    m = solved(tmp_path, "alphasyn",
               "kernel K = (e / tau_syn) * t * exp(-t / tau_syn)\nV_m' = -V_m / tau_m + convolve(K, spikes) * 1 pA / C_m")
    jumps = {s: e for s, _, e in m.solution.spike_jumps}
    assert set(jumps) == {"K__X__spikes__d"}
    assert numeric(jumps["K__X__spikes__d"], tau_syn=2.0) == pytest.approx(math.e / 2.0, rel=1e-15)


def test_delta_kernel_becomes_a_direct_jump(tmp_path):
    m = solved(tmp_path, "deltasyn", "kernel K = delta(t)\nV_m' = -V_m / tau_m + 0.5 * convolve(K, spikes) * 1 mV / ms")
    assert m.solution.spike_jumps == (("V_m", "spikes", sympy.Float(0.5)),) or \
        [(s, p, float(e)) for s, p, e in m.solution.spike_jumps] == [("V_m", "spikes", 0.5)]


def test_nonlinear_membrane_is_integrated_numerically(tmp_path):
    m = solved(tmp_path, "quadratic", "V_m' = V_m * V_m / (tau_m * 1 mV)")
    assert m.solution.numeric is not None and "V_m" in m.solution.numeric.states
    (rhs,) = [e for s, e in m.solution.numeric.rhs if s == "V_m"]
    assert numeric(rhs, V_m=2.0, tau_m=4.0) == pytest.approx(1.0)


@pytest.mark.slow
def test_numeric_solution_does_not_depend_on_the_hash_seed(tmp_path):
    """ODE-toolbox returns non-linear right-hand sides in a form that follows Python's hash order;
    the pass must give the same IR (hash) in every process."""
    import subprocess
    import sys

    model = Path(sys.prefix) / "models" / "neurons" / "wb_cond_exp_neuron.nestml"
    code = ("import sys, warnings; warnings.simplefilter('ignore'); from portasnn.program import load_models; "
            "from portasnn.ir.serialize import ir_hash; print(ir_hash(load_models(sys.argv[1])[0]))")
    hashes = set()
    for seed in ("1", "2", "3"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PORTASNN_CACHE_DIR": str(tmp_path / f"cache{seed}")}
        out = subprocess.run([sys.executable, "-c", code, str(model)], env=env, capture_output=True, text=True,
                             check=True)
        hashes.add(out.stdout.strip())
    assert len(hashes) == 1
