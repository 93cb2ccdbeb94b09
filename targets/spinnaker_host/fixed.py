"""Host-side SpiNNaker-1 fixed-point arithmetic, bit for bit.

Parameters reach a SpiNNaker core as raw words computed either on the host (sPyNNaker's
``DataType.encode_as_int``) or on the chip (``kdivk``, ``expk``, ... from spinn_common). This module
reproduces both in Python on plain ints, so that constants computed here equal what the chip
holds. Semantics: ``notes/spinnaker-arithmetic.md`` section 1; integer arguments are the raw bits
(s16.15 for accum, u0.32 for unsigned long fract).
"""
from __future__ import annotations

import math
from decimal import ROUND_HALF_EVEN, Decimal

import numpy as np

S1615_SCALE = 1 << 15
U032_SCALE = 1 << 32
S031_SCALE = 1 << 31
INT32_MIN, INT32_MAX = -(1 << 31), (1 << 31) - 1
MASK32, MASK64 = (1 << 32) - 1, (1 << 64) - 1


def s32(x: int) -> int:
    """Wrap an integer to int32 (two's complement)."""
    x &= MASK32
    return x - (1 << 32) if x & (1 << 31) else x


def u64(x: int) -> int:
    """C's conversion of an int32 to uint64."""
    return x & MASK64


# --- host encoding (spinn_front_end_common DataType.encode_as_int) ---------------------------

def _encode(value: float, scale: int, lo: int, hi: int, name: str) -> int:
    raw = int((Decimal(str(value)) * scale).to_integral_value(ROUND_HALF_EVEN))
    if not lo <= raw <= hi:
        raise ValueError(f"{value} is out of the range of {name}")
    return raw


def encode_s1615(value: float) -> int:
    """S1615 word as sPyNNaker's host writes it: half-even on the shortest decimal repr."""
    return _encode(value, S1615_SCALE, INT32_MIN, INT32_MAX, "S1615")


def encode_u032(value: float) -> int:
    """U032 word (0 <= value < 1)."""
    return _encode(value, U032_SCALE, 0, MASK32, "U032")


def s1615_to_float(bits: int | np.ndarray) -> float | np.ndarray:
    return np.asarray(bits, dtype=np.float64) / S1615_SCALE if isinstance(bits, np.ndarray) else bits / S1615_SCALE


def double_to_accum(value: float) -> int:
    """C's ``(accum) d``: truncation toward zero of d * 2^15."""
    return s32(math.trunc(value * S1615_SCALE))


# --- on-chip operations ----------------------------------------------------------------------

def mul(a: int, b: int) -> int:
    """accum a*b: floor(A*B / 2^15), wrapped to int32."""
    return s32((a * b) >> 15)


def kdivk(a: int, b: int) -> int:
    """spinn_common kdivk: s32(((U64(A) << 15) mod 2^64) // U64(B)); valid for a >= 0, b > 0."""
    return s32(((u64(a) << 15) & MASK64) // u64(b))


def kdivui(a: int, u: int) -> int:
    """spinn_common kdivui: s32(U64(A) // u)."""
    return s32(u64(a) // u)


def decay_s1615(x: int, d: int) -> int:
    """sPyNNaker decay_s1615: s32((X * D) >> 32), D unsigned."""
    return s32((x * d) >> 32)


def decay_s1615_to_u032(x: int, d: int) -> int:
    """sPyNNaker decay_s1615_to_u032: ((U64(X) * D mod 2^64) >> 15) & 0xFFFFFFFF."""
    return (((u64(x) * d) & MASK64) >> 15) & MASK32


# spinn_common stdfix-exp.c tables: exp(k - 13) and 1 - exp(-i/16) as rounded 32.32 / u0.32
# numbers (regenerated here from their definition), and its three series coefficients.
def _tables() -> tuple[list[int], list[int]]:
    from mpmath import mp, mpf, exp, nint

    with mp.workdps(50):
        hi = [int(nint(exp(mpf(k - 13)) * U032_SCALE)) for k in range(26)]
        mid = [int(nint((1 - exp(mpf(-i) / 16)) * U032_SCALE)) for i in range(16)]
    return hi, mid


_EXP_HI, _EXPM1_MID = _tables()
_EXP_SERIES = (5294, 4293434720, 2081624032)


def _coef(c: int, x: int) -> int:
    return ((c * x) >> 32) & MASK32


def _exp_series(x: int) -> int:
    tmp = (_EXP_SERIES[1] - _coef(_EXP_SERIES[2], x)) & MASK32
    return (_coef(tmp, x) + _EXP_SERIES[0]) & MASK32


def _scale64(x: int, y: int) -> int:
    lo, hi = x & MASK32, x >> 32
    p = lo * y
    return ((p >> 32) + ((p & MASK32) >= 0x7FFFFFFF)) + hi * y


def _expi64(n: int) -> int:
    z = n >> 15
    f = n - (z << 15)
    if f > 0:
        z += 1
        f = 32768 - f
        t = _EXP_HI[13 + z]
        t -= _scale64(t, _EXPM1_MID[f >> 11])
        t -= _scale64(t, _exp_series((f & 0x7FF) << 17))
        return t & MASK64
    return _EXP_HI[13 + z]


def expk(x: int) -> int:
    """spinn_common expk on raw s16.15 bits."""
    if x > 363408:
        return INT32_MAX
    if x < -340695:
        return 0
    return s32(_expi64(x) >> 17)


def expulr(x: int) -> int:
    """spinn_common expulr (u0.32 bits of exp(x)), meaningful for x <= 0."""
    if x > 363408:
        return INT32_MAX
    if x < -340695:
        return 0
    return _expi64(x) & MASK32


# --- sPyNNaker exponential-synapse and LIF constants, as neuron init computes them on chip ---

def timestep_s1615(dt_ms: float) -> int:
    """The machine time step in ms as the S1615 word the host writes."""
    return encode_s1615(dt_ms)


def exp_decay(ts: int, tau: int) -> int:
    """``expulr(-kdivk(ts, tau))``: the u0.32 decay of an exponential synapse."""
    return expulr(-kdivk(ts, tau))


def exp_init(ts: int, tau: int) -> int:
    """``decay_s1615_to_u032(kdivk(tau, ts), 0xFFFFFFFF - decay)`` ~ (tau/dt)(1 - exp(-dt/tau))."""
    return decay_s1615_to_u032(kdivk(tau, ts), MASK32 - exp_decay(ts, tau))


def refractory_ticks(tau_refrac: int, ts: int) -> int:
    """LIF T_refract: ceil of kdivk(tau_refrac, ts) in whole ticks."""
    b = kdivk(tau_refrac, ts)
    return (b >> 15) + ((b & 0x7FFF) > 0)


# --- weights and ring buffers (sPyNNaker population_vertex / synaptic matrices) --------------

def ring_buffer_shift(max_weight: float) -> int:
    """Left shift from a 16-bit ring-buffer slot to s16.15 for a maximal summed weight."""
    if max_weight <= 0:
        return 0
    shift = int(math.ceil(max(0.0, math.log2(max_weight))))
    if 2 ** shift <= max_weight:
        shift += 1
    return shift


def weight_to_ring(weights: np.ndarray | float, shift: int, global_weight_scale: float = 1.0) -> np.ndarray:
    """16-bit ring-buffer units: rint(|w| * 2^(15 - shift) * gws) & 0xFFFF (numpy half-even)."""
    scale = 2.0 ** (16 - (shift + 1))
    w = np.rint(np.abs(np.asarray(weights, dtype=np.float64)) * scale * global_weight_scale)
    return (w.astype(np.int64) & 0xFFFF).astype(np.uint16)
