"""Bit accuracy: the host fixed-point header against GCC's own ARM accum (under qemu-arm)."""
from __future__ import annotations

import math
import subprocess

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portasnn.targets.spinnaker_host import armref, fixed
from portasnn.targets.spinnaker_host.model import PackContext

pytestmark = pytest.mark.arm

STEPS = 10_000
I32 = st.integers(-2**31, 2**31 - 1)
SLOW = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def _run_ops(program, pairs: np.ndarray, arm: bool) -> np.ndarray:
    cmd = [armref.QEMU, str(program)] if arm else [str(program)]
    out = subprocess.run(cmd, input=pairs.astype(np.int32).tobytes(), capture_output=True, check=True).stdout
    return np.frombuffer(out, np.int32)


def _python_ops(a: int, b: int) -> list[int]:
    pa = 2**31 - 1 if a == -2**31 else abs(a)
    pb = 2**31 - 1 if b == -2**31 else abs(b)
    if pb == 2**31 - 1:
        pb -= 1
    to_int = a >> 15 if a >= 0 else -((-a) >> 15)
    return [fixed.s32(a + b), fixed.s32(a - b), fixed.s32(-a), fixed.mul(a, b), int(a < b), int(a >= b), to_int,
            fixed.kdivk(pa, pb + 1), fixed.kdivui(pa, pb + 1), fixed.decay_s1615(a, b & 0xFFFFFFFF),
            fixed.s32(fixed.decay_s1615_to_u032(pa, b & 0xFFFFFFFF)), fixed.expk(a >> 12), _div(a, b),
            _div(a, b >> 16), _log(a)]


def _log(a: int) -> float:
    """log(a) in units of 2^-15, exact (the C result must be within 1 LSB); -2^31 for a <= 0."""
    return -2.0**31 if a <= 0 else math.log(a / 32768) * 32768


def _assert_matches(got: np.ndarray, pairs) -> None:
    """Every operation bit-exact against its definition, except log: within 1 LSB of the exact value."""
    got = got[:-5].astype(np.int64).reshape(-1, 15)
    expected = np.array([_python_ops(int(a), int(b)) for a, b in pairs], np.float64)
    assert np.array_equal(got[:, :14], expected[:, :14].astype(np.int64))
    assert np.all(np.abs(got[:, 14] - expected[:, 14]) <= 1.0)


def _div(a: int, b: int) -> int:
    """REAL_DIV from its definition: a * 2^15 / b truncated toward zero, saturated; x / 0 = sign(x) * max."""
    if b == 0:
        return 2**31 - 1 if a > 0 else (-2**31 if a < 0 else 0)
    q = abs(a) * 32768 // abs(b)
    q = q if (a < 0) == (b < 0) else -q
    return max(-2**31, min(2**31 - 1, q))


@given(st.lists(st.tuples(I32, I32), min_size=1, max_size=400))
@settings(max_examples=15, deadline=None)
def test_operations_match_gcc_arm_accum(ops_programs, pairs):
    host, arm = ops_programs
    arr = np.array(pairs, np.int64).reshape(-1, 2)
    got_host, got_arm = _run_ops(host, arr, False), _run_ops(arm, arr, True)
    assert got_host.tobytes() == got_arm.tobytes()
    _assert_matches(got_host, pairs)


EDGES = [0, 1, -1, 2**31 - 1, -2**31, 32768, -32768, 363408 << 12, (363409 << 12), -340695 << 12, (-340696 << 12),
         (-340695 << 12) - 1, 65536, -65536, 1 << 16, 3 << 16]


def test_division_and_exp_edges_match_gcc_arm_and_definition(ops_programs):
    """b = 0 and b >> 16 = 0, quotients beyond the range, exp at both saturation thresholds."""
    host, arm = ops_programs
    pairs = [(a, b) for a in EDGES for b in EDGES]
    arr = np.array(pairs, np.int64)
    got_host, got_arm = _run_ops(host, arr, False), _run_ops(arm, arr, True)
    assert got_host.tobytes() == got_arm.tobytes()
    _assert_matches(got_host, pairs)


@given(st.lists(st.tuples(st.integers(-340700, 363410), I32), min_size=1, max_size=400))
@settings(max_examples=15, deadline=None)
def test_exp_over_its_domain_matches_definition(ops_programs, pairs):
    """exp's whole unsaturated domain (the pair test above mostly draws saturating arguments)."""
    host, arm = ops_programs
    arr = np.array([(a << 12, b) for a, b in pairs], np.int64)
    got_host, got_arm = _run_ops(host, arr, False), _run_ops(arm, arr, True)
    assert got_host.tobytes() == got_arm.tobytes()
    assert list(got_host[:-5].reshape(-1, 15)[:, 11]) == [fixed.expk(a) for a, _ in pairs]


def test_dense_random_sweep(ops_programs):
    rng = np.random.default_rng(2026)
    arr = np.column_stack([rng.integers(-340700, 363410, 20000) << 12, rng.integers(-2**31, 2**31, 20000)])
    got_host, got_arm = _run_ops(ops_programs[0], arr, False), _run_ops(ops_programs[1], arr, True)
    assert got_host.tobytes() == got_arm.tobytes()
    _assert_matches(got_host, arr.tolist())


def test_literals_truncate_toward_zero(ops_programs):
    host, arm = ops_programs
    none = np.zeros((0, 2), np.int64)
    lit_host, lit_arm = _run_ops(host, none, False), _run_ops(arm, none, True)
    assert list(lit_arm) == [3276, -3276, 22937, 2147483647, 73728]
    assert list(lit_host) == list(lit_arm)


@pytest.mark.parametrize("opt", ["-O0", "-O2"])
def test_gcc_rewrites_plain_accum_products(tmp_path, opt):
    """Finding: at -O1 and above GCC 12 reassociates h*(a*x) into x*(h*a) and factors a*c - b*c into
    (a-b)*c for accum, which truncation makes inexact; at -O0 it evaluates as written. This is why
    spinn_fixed.h puts each ARM product behind an optimisation barrier."""
    if not armref.arm_available():
        pytest.skip("needs arm-linux-gnueabi-gcc and qemu-arm")
    from spinnaker_host.conftest import HERE

    prog = tmp_path / "reassoc"
    subprocess.run([armref.ARM_CC, "-static", "-marm", opt, str(HERE / "reassoc.c"), "-o", str(prog)], check=True,
                   capture_output=True)
    rng = np.random.default_rng(5)
    words = rng.integers(-2**20, 2**20, (500, 4))
    got = _run_ops(prog, words, True).reshape(-1, 2)
    chain = np.array([fixed.mul(h, fixed.mul(a, x)) for h, a, x, _ in words])
    factor = np.array([fixed.s32(fixed.mul(a, c) - fixed.mul(b, c)) for _, a, b, c in words])
    as_written = np.array_equal(got[:, 0], chain) and np.array_equal(got[:, 1], factor)
    assert as_written == (opt == "-O0")


@pytest.mark.parametrize("opt", ["-O0", "-O1", "-O2"])
def test_gcc_folds_the_sign_of_accum_products_unless_operands_are_opaque(tmp_path, opt):
    """Finding: with a barrier on the product only, GCC 12 -O1 and above evaluates 0.1k*v as
    -((-0.1k)*v) when both products occur, which floor rounding makes 1 LSB off for most v (it
    broke the bit-identity of wb_cond_exp). spinn_fixed.h's portasnn_arm_mul hides the operands too."""
    if not armref.arm_available():
        pytest.skip("needs arm-linux-gnueabi-gcc and qemu-arm")
    from spinnaker_host.conftest import HERE

    prog = tmp_path / "negfold"
    subprocess.run([armref.ARM_CC, "-static", "-marm", opt, str(HERE / "negfold.c"), "-o", str(prog)], check=True,
                   capture_output=True)
    v = np.random.default_rng(9).integers(-2**22, 2**22, 2000)
    got = _run_ops(prog, v[:, None], True).reshape(-1, 4)
    expected = np.array([[fixed.mul(-3276, x), fixed.mul(3276, x)] for x in v.tolist()])
    assert np.array_equal(got[:, 2:], expected)  # operands hidden: GCC's own floor product, every level
    assert np.array_equal(got[:, :2], expected) == (opt == "-O0")


def _lif_values(draw_params: dict, n: int = 1) -> dict[str, np.ndarray]:
    return {k: np.full(n, float(v)) for k, v in draw_params.items()}


lif_params = st.fixed_dictionaries({
    "V_m": st.floats(-80.0, -40.0), "E_L": st.floats(-80.0, -55.0), "C_m": st.floats(50.0, 2000.0),
    "tau_m": st.floats(2.0, 60.0), "t_ref": st.floats(0.0, 5.0), "tau_syn_exc": st.floats(0.5, 20.0),
    "tau_syn_inh": st.floats(0.5, 20.0), "V_th": st.floats(-55.0, -40.0), "V_reset": st.floats(-80.0, -55.0),
    "I_e": st.floats(-500.0, 1500.0), "I_syn_exc": st.just(0.0), "I_syn_inh": st.just(0.0),
})


@given(params=lif_params, dt=st.sampled_from([1.0, 0.1]), seed=st.integers(0, 2**32 - 1),
       density=st.floats(0.0, 1.0), shift=st.integers(0, 6))
@SLOW
def test_if_curr_exp_bit_identical_to_arm_accum(lif_model, lif_drivers, params, dt, seed, density, shift):
    """10 000 steps of random ring-buffer input and current offsets: identical raw state every step."""
    host, arm = lif_drivers
    words = lif_model.pack(_lif_values(params), PackContext(n=1, dt_ms=dt, arith="fixed"))[0]
    rng = np.random.default_rng(seed)
    slots = rng.integers(0, 1 << 16, (STEPS, 2)) * (rng.random((STEPS, 2)) < density)
    inputs = slots << shift
    offsets = np.where(rng.random(STEPS) < 0.01, rng.integers(-2**16, 2**16, STEPS), 0)
    offsets = np.cumsum(offsets)  # a piecewise-constant current, like DC steps
    a = armref.run_step_driver(host, words, inputs, offsets, n_recorded=3, arm=False)
    b = armref.run_step_driver(arm, words, inputs, offsets, n_recorded=3, arm=True)
    assert a.state_size == b.state_size
    if a.raw != b.raw:
        bad = np.flatnonzero((a.state != b.state).any(axis=1))
        pytest.fail(f"host and ARM state differ first at step {bad[0] if bad.size else '?'}")


izk_params = st.fixed_dictionaries({
    "a": st.floats(0.01, 0.1), "b": st.floats(0.1, 0.3), "c": st.floats(-70.0, -50.0), "d": st.floats(0.05, 8.0),
    "V_m": st.floats(-75.0, -60.0), "U_m": st.floats(-16.0, -10.0), "I_e": st.floats(-2000.0, 15000.0),
})


@given(params=izk_params, dt=st.sampled_from([1.0, 0.1]), seed=st.integers(0, 2**32 - 1),
       density=st.floats(0.0, 0.5), shift=st.integers(0, 4))
@SLOW
def test_izhikevich_bit_identical_to_arm_accum(izk_model, izk_drivers, params, dt, seed, density, shift):
    rng = np.random.default_rng(seed)
    inputs = (rng.integers(0, 1 << 12, (STEPS, 2)) * (rng.random((STEPS, 2)) < density)) << shift
    offsets = np.cumsum(np.where(rng.random(STEPS) < 0.005, rng.integers(-2**15, 2**15, STEPS), 0))
    values = {k: np.full(1, v) for k, v in params.items()}
    assert armref.first_difference(izk_model, values, dt, inputs, offsets) is None


@given(words=st.lists(I32, min_size=15, max_size=15), refrac=st.integers(0, 20), seed=st.integers(0, 2**32 - 1))
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_wrapping_states_bit_identical(lif_drivers, words, refrac, seed):
    """Arbitrary words (overflowing, wrapping arithmetic) still give identical bits."""
    host, arm = lif_drivers
    words = np.array(words, np.int64)
    words[6], words[7] = refrac, 0
    rng = np.random.default_rng(seed)
    inputs = rng.integers(-2**31, 2**31, (2000, 2))
    offsets = rng.integers(-2**31, 2**31, 2000)
    a = armref.run_step_driver(host, words, inputs, offsets, n_recorded=3, arm=False)
    b = armref.run_step_driver(arm, words, inputs, offsets, n_recorded=3, arm=True)
    assert a.raw == b.raw


def test_thumb_build_rounds_so_the_comparison_can_fail(tmp_path):
    """GCC's Thumb-1 accum multiply (libgcc __mulsa3) rounds instead of flooring; the host header
    models ARM state (sPyNNaker builds with THUMB := 0), and the comparison sees the difference."""
    if not armref.arm_available():
        pytest.skip("needs arm-linux-gnueabi-gcc and qemu-arm")
    from portasnn.targets.spinnaker_host.runner import support_dir
    from spinnaker_host.conftest import HERE

    thumb = tmp_path / "ops_thumb"
    subprocess.run([armref.ARM_CC, "-static", "-mthumb", "-DPORTASNN_ARM_ACCUM", "-O2", "-std=gnu11",
                    f"-I{support_dir()}", str(HERE / "ops.c"), "-o", str(thumb)], check=True, capture_output=True)
    a, b = 41232813, 68778  # A*B / 2^15 = 86545117.6...
    got = _run_ops(thumb, np.array([[a, b]]), True)
    assert got[3] == 86545118 != fixed.mul(a, b) == 86545117


def test_first_difference_reports_the_step(lif_model):
    """A header that deliberately differs on ARM once excitatory input has arrived (step 5)."""
    import dataclasses

    from spinnaker_host.models.if_curr_exp import DEFAULTS

    if not armref.arm_available():
        pytest.skip("needs arm-linux-gnueabi-gcc and qemu-arm")
    header = lif_model.header.replace(
        "    bool spike = REAL_GE(n->v, n->v_thresh);",
        "#ifdef PORTASNN_ARM_ACCUM\n    if (REAL_GT(n->isyn_exc, ZERO)) n->v = REAL_ADD(n->v, kbits(1));\n#endif\n"
        "    bool spike = REAL_GE(n->v, n->v_thresh);")
    skewed = dataclasses.replace(lif_model, header=header)
    values = {k: np.full(1, v) for k, v in DEFAULTS.items()}
    inputs = np.zeros((20, 2), np.int64)
    inputs[5, 0] = 1 << 14
    offsets = np.zeros(20, np.int64)
    assert armref.first_difference(lif_model, values, 1.0, inputs, offsets) is None
    assert armref.first_difference(skewed, values, 1.0, inputs, offsets) == 5
