"""sPyNNaker's built-in cell types on the spinnaker-host engine (issue 14 item 5): PyNN's IF_curr_exp and
IF_curr_delta as sPyNNaker 7.4.1 runs them, one hand-written model header each (``if_curr_exp.h``,
``if_curr_delta.h`` next to this file, following sPyNNaker's C algorithm) and a parameter packer that computes
the words the chip's initialise functions compute (``fixed``: kdivk, expk, expulr, ...).

Population values arrive by PyNN's names in the IR's units (mV, ms, pA, pF); the packer converts them to
sPyNNaker's (nA, nF), encodes them as sPyNNaker's host does (``DataType.encode_as_int``) and derives:
``R = kdivk(tau_m, cm)``, ``exp_TC = expk(-kdivk(ts, tau_m))``, ``T_refract = ceil(kdivk(tau_refrac, ts))``,
per exponential synapse ``decay = expulr(-kdivk(ts, tau))`` and ``init = decay_s1615_to_u032(kdivk(tau, ts),
1.0ulr - decay)``, and for delta synapses ``scale_factor = kdivk(1.0, ts)``. In float mode the same
quantities in double precision (the exact exponentials).
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

import numpy as np

from portasnn.errors import NetworkError
from portasnn.ir.pynn_cells import CELL_TYPES, SPYNNAKER_SIGN

from .. import fixed
from ..model import HostModel, PackContext, Recordable

HERE = Path(__file__).parent
HEADERS = {"IF_curr_exp": "if_curr_exp.h", "IF_curr_delta": "if_curr_delta.h"}
ONE = 1 << 15  # 1.0 in s16.15


def header(cell: str) -> str:
    """The emulator header of sPyNNaker's built-in ``cell``."""
    return (HERE / HEADERS[cell]).read_text()


def _s1615(values: np.ndarray, what: str, cell: str) -> np.ndarray:
    uniq, inv = np.unique(np.asarray(values, dtype=np.float64), return_inverse=True)
    try:
        enc = np.array([fixed.encode_s1615(float(v)) for v in uniq], np.int64)
    except ValueError:
        bad = float(uniq[np.argmax(np.abs(uniq))])
        raise NetworkError(f"{cell}: {what} = {bad:g} is outside the s16.15 range (+-65536) that SpiNNaker holds",
                           code="E436") from None
    return enc[np.ravel(inv)]


def _per_unique(fn: Callable[..., int], *cols: np.ndarray) -> np.ndarray:
    stacked = np.stack(cols, axis=1)
    uniq, inv = np.unique(stacked, axis=0, return_inverse=True)
    return np.array([fn(*(int(x) for x in row)) for row in uniq], np.int64)[np.ravel(inv)]


def _check(v: dict[str, np.ndarray], cell: str) -> None:
    for name in ("cm", "tau_m", "tau_syn_E", "tau_syn_I"):
        if name in v and not np.all(v[name] > 0):
            raise NetworkError(f"{cell}: {name} must be positive on SpiNNaker (the chip divides by it)", code="E435")
    if not np.all(v["tau_refrac"] >= 0):
        raise NetworkError(f"{cell}: tau_refrac must not be negative", code="E435")


def _lif_words(v: dict[str, np.ndarray], ctx: PackContext, cell: str) -> tuple[list[np.ndarray], int]:
    """The LIF neuron model's words (neuron_model_lif_impl.h after neuron_model_initialise) and ts."""
    cm_nf, i_off = v["cm"] / 1000.0, v["i_offset"] / 1000.0
    if ctx.arith == "float":
        dt = ctx.dt_ms
        return [v["v"], v["v_rest"], v["tau_m"] / cm_nf, np.exp(-dt / v["tau_m"]), i_off, v["v_reset"],
                np.ceil(v["tau_refrac"] / dt - 1e-12), np.zeros(ctx.n), v["v_thresh"]], 0
    ts = fixed.kdivui(fixed.timestep_s1615(ctx.dt_ms), 1)
    tau_m, cm, t_ref = _s1615(v["tau_m"], "tau_m", cell), _s1615(cm_nf, "cm", cell), _s1615(v["tau_refrac"],
                                                                                             "tau_refrac", cell)
    return [_s1615(v["v"], "v", cell), _s1615(v["v_rest"], "v_rest", cell),
            _per_unique(fixed.kdivk, tau_m, cm),
            _per_unique(lambda t: fixed.expk(-fixed.kdivk(ts, t)), tau_m),
            _s1615(i_off, "i_offset", cell), _s1615(v["v_reset"], "v_reset", cell),
            _per_unique(lambda t: fixed.refractory_ticks(t, ts), t_ref),
            np.zeros(ctx.n, np.int64), _s1615(v["v_thresh"], "v_thresh", cell)], ts


def _words(cols: list[np.ndarray], ctx: PackContext) -> np.ndarray:
    if ctx.arith == "float":
        return np.stack([np.broadcast_to(np.asarray(c, np.float64), (ctx.n,)) for c in cols], axis=1)
    words = np.stack(cols, axis=1).astype(np.int64) & 0xFFFFFFFF
    return words.astype(np.uint32).view(np.int32)


def pack_if_curr_exp(v: dict[str, np.ndarray], ctx: PackContext) -> np.ndarray:
    _check(v, "IF_curr_exp")
    cols, ts = _lif_words(v, ctx, "IF_curr_exp")
    if ctx.arith == "float":
        dt = ctx.dt_ms
        de, di = np.exp(-dt / v["tau_syn_E"]), np.exp(-dt / v["tau_syn_I"])
        cols += [v["isyn_exc"] / 1000.0, SPYNNAKER_SIGN["isyn_inh"] * v["isyn_inh"] / 1000.0, de, v["tau_syn_E"] / dt * (1 - de), di,
                 v["tau_syn_I"] / dt * (1 - di)]
        return _words(cols, ctx)
    tau_e, tau_i = _s1615(v["tau_syn_E"], "tau_syn_E", "IF_curr_exp"), _s1615(v["tau_syn_I"], "tau_syn_I",
                                                                               "IF_curr_exp")
    cols += [_s1615(v["isyn_exc"] / 1000.0, "isyn_exc", "IF_curr_exp"),
             _s1615(SPYNNAKER_SIGN["isyn_inh"] * v["isyn_inh"] / 1000.0, "isyn_inh", "IF_curr_exp"),
             _per_unique(lambda t: fixed.exp_decay(ts, t), tau_e), _per_unique(lambda t: fixed.exp_init(ts, t), tau_e),
             _per_unique(lambda t: fixed.exp_decay(ts, t), tau_i), _per_unique(lambda t: fixed.exp_init(ts, t), tau_i)]
    return _words(cols, ctx)


def pack_if_curr_delta(v: dict[str, np.ndarray], ctx: PackContext) -> np.ndarray:
    _check(v, "IF_curr_delta")
    cols, ts = _lif_words(v, ctx, "IF_curr_delta")
    if ctx.arith == "float":
        return _words([*cols, np.full(ctx.n, 1.0 / ctx.dt_ms)], ctx)
    return _words([*cols, np.full(ctx.n, fixed.kdivk(ONE, ts), np.int64)], ctx)


def host_model(cell: str, header_text: str | None = None) -> HostModel:
    """The spinnaker-host model of sPyNNaker's built-in ``cell`` (a PyNN cell type with ``spynnaker=True``)."""
    table = CELL_TYPES[cell]
    text = header_text if header_text is not None else header(cell)
    if cell == "IF_curr_exp":
        return HostModel(name=cell, header=text, synapse_types=("excitatory", "inhibitory"),
                         recordables=(Recordable(name="v", unit="mV"),
                                      Recordable(name="isyn_exc", unit="pA", to_network=1000.0),
                                      Recordable(name="isyn_inh", unit="pA",
                                                 to_network=SPYNNAKER_SIGN["isyn_inh"] * 1000.0)),
                         n_param_words=15, pack=pack_if_curr_exp, weight_to_model=(1e-3, 1e-3),
                         defaults=table.defaults)
    if cell == "IF_curr_delta":  # a weight in mV enters the ring buffer as sPyNNaker takes PyNN's number
        return HostModel(name=cell, header=text, synapse_types=("excitatory", "inhibitory"),
                         recordables=(Recordable(name="v", unit="mV"),), n_param_words=10, pack=pack_if_curr_delta,
                         weight_to_model=(1.0, 1.0), defaults=table.defaults)
    raise KeyError(cell)
