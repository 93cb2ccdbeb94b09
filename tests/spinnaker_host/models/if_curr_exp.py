"""Test fixture: sPyNNaker's IF_curr_exp (the engine header of ``portasnn.targets.spinnaker_host.cells``) as a
HostModel with the network IR's parameter names.

Parameter names and units follow the network IR (mV, ms, pA, pF); the packer converts to
PyNN/sPyNNaker units (nA, nF) and computes the words as the chip's initialise functions do.
"""
from __future__ import annotations

import math
import numpy as np

from portasnn.targets.spinnaker_host import cells, fixed
from portasnn.targets.spinnaker_host.model import HostModel, PackContext, Recordable

DEFAULTS = {  # PyNN IF_curr_exp defaults
    "V_m": -65.0, "E_L": -65.0, "C_m": 1000.0, "tau_m": 20.0, "t_ref": 0.1, "tau_syn_exc": 5.0,
    "tau_syn_inh": 5.0, "V_th": -50.0, "V_reset": -65.0, "I_e": 0.0, "I_syn_exc": 0.0, "I_syn_inh": 0.0,
}


def _s1615(values: np.ndarray) -> np.ndarray:
    uniq, inv = np.unique(values, return_inverse=True)
    return np.array([fixed.encode_s1615(float(v)) for v in uniq], np.int64)[inv]


def _per_unique(fn, *cols: np.ndarray) -> np.ndarray:
    stacked = np.stack(cols, axis=1)
    uniq, inv = np.unique(stacked, axis=0, return_inverse=True)
    return np.array([fn(*(int(x) for x in row)) for row in uniq], np.int64)[np.ravel(inv)]


def pack(v: dict[str, np.ndarray], ctx: PackContext) -> np.ndarray:
    cm_nf = v["C_m"] / 1000.0
    i_off = v["I_e"] / 1000.0
    if ctx.arith == "float":
        dt = ctx.dt_ms
        de, di = np.exp(-dt / v["tau_syn_exc"]), np.exp(-dt / v["tau_syn_inh"])
        cols = [v["V_m"], v["E_L"], v["tau_m"] / cm_nf, np.exp(-dt / v["tau_m"]), i_off, v["V_reset"],
                np.ceil(v["t_ref"] / dt - 1e-12), np.zeros(ctx.n), v["V_th"], v["I_syn_exc"] / 1000.0,
                v["I_syn_inh"] / 1000.0, de, v["tau_syn_exc"] / dt * (1 - de), di,
                v["tau_syn_inh"] / dt * (1 - di)]
        return np.stack(cols, axis=1).astype(np.float64)
    ts = fixed.kdivui(fixed.timestep_s1615(ctx.dt_ms), 1)
    tau_m, cm = _s1615(v["tau_m"]), _s1615(cm_nf)
    tau_e, tau_i, t_ref = _s1615(v["tau_syn_exc"]), _s1615(v["tau_syn_inh"]), _s1615(v["t_ref"])
    cols = [
        _s1615(v["V_m"]), _s1615(v["E_L"]),
        _per_unique(fixed.kdivk, tau_m, cm),
        _per_unique(lambda t: fixed.expk(-fixed.kdivk(ts, int(t))), tau_m),
        _s1615(i_off), _s1615(v["V_reset"]),
        _per_unique(lambda t: fixed.refractory_ticks(int(t), ts), t_ref),
        np.zeros(ctx.n, np.int64), _s1615(v["V_th"]),
        _s1615(v["I_syn_exc"] / 1000.0), _s1615(v["I_syn_inh"] / 1000.0),
        _per_unique(lambda t: fixed.exp_decay(ts, int(t)), tau_e),
        _per_unique(lambda t: fixed.exp_init(ts, int(t)), tau_e),
        _per_unique(lambda t: fixed.exp_decay(ts, int(t)), tau_i),
        _per_unique(lambda t: fixed.exp_init(ts, int(t)), tau_i),
    ]
    words = np.stack(cols, axis=1) & 0xFFFFFFFF
    return words.astype(np.uint32).view(np.int32)


def make_model() -> HostModel:
    return HostModel(
        name="IF_curr_exp", header=cells.header("IF_curr_exp"), synapse_types=("excitatory", "inhibitory"),
        recordables=(Recordable(name="V_m", unit="mV"), Recordable(name="I_syn_exc", unit="pA", to_network=1000.0),
                     Recordable(name="I_syn_inh", unit="pA", to_network=1000.0)),
        n_param_words=15, pack=pack, weight_to_model=(1e-3, 1e-3), defaults=DEFAULTS,
    )


def lif_words_float_reference(dt: float, tau: float) -> tuple[float, float]:
    """(decay, init) of an exponential synapse in exact arithmetic."""
    d = math.exp(-dt / tau)
    return d, tau / dt * (1 - d)
