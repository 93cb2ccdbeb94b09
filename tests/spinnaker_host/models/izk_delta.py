"""Test fixture: the Izhikevich delta-current model (``izk_delta.h``) as a HostModel."""
from __future__ import annotations

from pathlib import Path

import numpy as np

from portasnn.targets.spinnaker_host import fixed
from portasnn.targets.spinnaker_host.model import HostModel, PackContext, Recordable

HEADER = Path(__file__).with_name("izk_delta.h")
NAMES = ("a", "b", "c", "d", "V_m", "U_m", "I_e")
DEFAULTS = {"a": 0.02, "b": 0.2, "c": -65.0, "d": 2.0, "V_m": -70.0, "U_m": -14.0, "I_e": 0.0}


def pack(v: dict[str, np.ndarray], ctx: PackContext) -> np.ndarray:
    cols = [v[k] for k in NAMES[:-1]] + [v["I_e"] / 1000.0, np.full(ctx.n, ctx.dt_ms)]  # I in nA
    if ctx.arith == "float":
        return np.stack(cols, axis=1).astype(np.float64)
    words = np.array([[fixed.encode_s1615(float(x)) for x in row] for row in np.stack(cols, axis=1)], np.int64)
    return (words & 0xFFFFFFFF).astype(np.uint32).view(np.int32)


def make_model() -> HostModel:
    return HostModel(
        name="izk_delta", header=HEADER.read_text(), synapse_types=("excitatory", "inhibitory"),
        recordables=(Recordable(name="V_m", unit="mV"), Recordable(name="U_m", unit="mV/ms")),
        n_param_words=8, pack=pack, weight_to_model=(1e-3, 1e-3), defaults=DEFAULTS,
    )
