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


def test_second_order_kernel_is_solved_exactly(tmp_path):
    """issue 13 item 7: a second-order homogeneous kernel (g'' in terms of g and g') used to reach ODE-toolbox with
    g' as a free symbol, which it refused as inhomogeneous (exit 1); it is the biexponential."""
    m = solved(tmp_path, "biexp2",
               "kernel g'' = -(g + g' * (tau_m + tau_syn)) / (tau_m * tau_syn)\n"
               "V_m' = -V_m / tau_m + convolve(g, spikes) * 1 pA / C_m",
               state="g real = 0\ng' 1/ms = 1 / tau_syn\n")
    jumps = {s: e for s, _, e in m.solution.spike_jumps}
    assert set(jumps) == {"g__X__spikes__d"}
    assert numeric(jumps["g__X__spikes__d"], tau_syn=2.0) == pytest.approx(0.5)
    props = {k: v for b in m.solution.analytic for k, v in b.propagators}
    for h, tau_d, tau_r in ((0.1, 10.0, 2.0), (1.0, 5.0, 0.5)):
        # g(0) = 0, g'(0) = 1: g(h) = tau_d tau_r / (tau_d - tau_r) (exp(-h/tau_d) - exp(-h/tau_r))
        expected = tau_d * tau_r / (tau_d - tau_r) * (math.exp(-h / tau_d) - math.exp(-h / tau_r))
        got = numeric(props["__P__g__X__spikes__g__X__spikes__d"], __h=h, tau_m=tau_d, tau_syn=tau_r)
        assert got == pytest.approx(expected, rel=1e-12)


def test_upstream_biexponential_model_is_solved(tmp_path):
    """issue 13 item 7: nestml's BiexponentialPostSynapticResponse.nestml (kernel g_GABA'' at line 55) exited 1."""
    path = Path(__file__).parents[1] / "frontend" / "upstream" / "BiexponentialPostSynapticResponse.nestml"
    (m,) = load_models(path)
    props = {k: v for b in m.solution.analytic for k, v in b.propagators}
    h, tau_d, tau_r = 0.1, 5.0, 2.0  # tau_syn_decay_E, tau_syn_rise_E of the file
    expected = tau_d * tau_r / (tau_d - tau_r) * (math.exp(-h / tau_d) - math.exp(-h / tau_r))
    got = numeric(props["__P__g_GABA__X__spikeGABA__g_GABA__X__spikeGABA__d"], __h=h,
                  tau_syn_decay_E=tau_d, tau_syn_rise_E=tau_r)
    assert got == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize("case", ["kernel", "ode"])
def test_ode_toolbox_failure_is_a_user_error_at_the_equation(tmp_path, case):
    """issue 13 item 7: ODE-toolbox logs 'higher-order inhomogeneous ODEs are not supported' and calls sys.exit(1);
    portasnn must exit 2 at the equation's line:col and say what to write instead."""
    import subprocess
    import sys

    if case == "kernel":
        equations = ("kernel k'' = -k / (tau_m * tau_m) - 2 * k' / tau_m + 1 / (tau_m * tau_m)\n"
                     "V_m' = -V_m / tau_m + convolve(k, spikes) * 1 pA / C_m")
        state, where, hint = "k real = 0\nk' 1/ms = 0 / tau_m\n", ":9:16: error E162 [k]", "system of first-order ODEs"
    else:
        equations = "x'' = -x / (tau_m * tau_m) + 1 / (tau_m * tau_m)\nV_m' = -V_m / tau_m + x * 1 mV / tau_m"
        state, where, hint = "x real = 0\nx' 1/ms = 0 / tau_m\n", ":9:9: error E162 [x]", "state variable for each"
    path = tmp_path / f"inhomogeneous_{case}.nestml"
    path.write_text(MODEL.format(name=f"inhomogeneous_{case}", equations=textwrap.indent(equations, " " * 8),
                                 state=textwrap.indent(state, " " * 8)))
    done = subprocess.run([str(Path(sys.executable).parent / "portasnn"), "ir", str(path)], capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 2, done.stderr
    assert f"{path}{where}" in done.stderr
    assert "order 2 and inhomogeneous" in done.stderr and hint in done.stderr
    assert "[ODE-toolbox]" not in done.stderr and "Traceback" not in done.stderr
