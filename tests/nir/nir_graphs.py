"""NIR graphs built with the nir package for the NIR import tests (issue 16 item 1)."""
from __future__ import annotations

from pathlib import Path

import numpy as np


def lif_params(n: int, tau, v_threshold, r=1.0, v_leak=0.0, v_reset=0.0) -> dict:
    full = lambda x: np.broadcast_to(np.asarray(x, float), (n,)).copy()  # noqa: E731
    return dict(tau=full(tau), r=full(r), v_leak=full(v_leak), v_threshold=full(v_threshold), v_reset=full(v_reset))


def feed_forward(w1: np.ndarray, b1: np.ndarray, lif: dict, w2: np.ndarray, b2: np.ndarray, cuba: dict):
    """Input -> Affine -> LIF -> Affine -> CubaLIF -> Output."""
    import nir

    n_in, n_o = w1.shape[1], w2.shape[0]
    return nir.NIRGraph(nodes={
        "input": nir.Input(input_type={"input": np.array([n_in])}),
        "fc1": nir.Affine(weight=w1, bias=b1),
        "lif": nir.LIF(**lif),
        "fc2": nir.Affine(weight=w2, bias=b2),
        "cuba": nir.CubaLIF(**cuba),
        "output": nir.Output(output_type={"output": np.array([n_o])}),
    }, edges=[("input", "fc1"), ("fc1", "lif"), ("lif", "fc2"), ("fc2", "cuba"), ("cuba", "output")])


def single_lif(bias: float, tau: float, v_threshold: float, r: float = 1.0):
    """Input -> Affine (no weights, a bias) -> one LIF -> Output: the LIF driven by a constant input."""
    import nir

    return nir.NIRGraph(nodes={
        "input": nir.Input(input_type={"input": np.array([1])}),
        "drive": nir.Affine(weight=np.zeros((1, 1)), bias=np.array([bias])),
        "lif": nir.LIF(**lif_params(1, tau, v_threshold, r=r)),
        "output": nir.Output(output_type={"output": np.array([1])}),
    }, edges=[("input", "drive"), ("drive", "lif"), ("lif", "output")])


def recurrent(w_in: np.ndarray, w_rec: np.ndarray, bias: np.ndarray, lif: dict):
    """Input -> Affine -> LIF, with LIF -> Affine (recurrent) -> LIF, LIF -> Output."""
    import nir

    n_in, n = w_in.shape[1], w_in.shape[0]
    return nir.NIRGraph(nodes={
        "input": nir.Input(input_type={"input": np.array([n_in])}),
        "fc_in": nir.Affine(weight=w_in, bias=bias),
        "lif": nir.LIF(**lif),
        "fc_rec": nir.Linear(weight=w_rec),
        "output": nir.Output(output_type={"output": np.array([n])}),
    }, edges=[("input", "fc_in"), ("fc_in", "lif"), ("lif", "fc_rec"), ("fc_rec", "lif"), ("lif", "output")])


def write(graph, path: Path) -> Path:
    import nir

    nir.write(path, graph)
    return path
