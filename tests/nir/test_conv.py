"""Conv2d, SumPool2d, AvgPool2d and Flatten imported as explicit sparse connection files (issue 16 item 1), checked
against a convolution and pooling written here with numpy slicing (not portasnn's index arithmetic)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from nir_graphs import lif_params, write
from nir_reference import Layer, simulate
from portasnn.cli import main

nir = pytest.importorskip("nir")  # a test dependency (pyproject's test extra): missing means a broken setup


def conv_ref(x: np.ndarray, w: np.ndarray, b: np.ndarray, stride: int, pad: int, dil: int, groups: int):
    """PyTorch's conv2d (cross-correlation) of one (C, H, W) input, by slicing a zero-padded copy."""
    c_out, c_in_g, kh, kw = w.shape
    xp = np.pad(x, ((0, 0), (pad, pad), (pad, pad)))
    ho = (xp.shape[1] - dil * (kh - 1) - 1) // stride + 1
    wo = (xp.shape[2] - dil * (kw - 1) - 1) // stride + 1
    out = np.zeros((c_out, ho, wo))
    for co in range(c_out):
        g = co // (c_out // groups)
        xs = xp[g * c_in_g:(g + 1) * c_in_g]
        for y in range(ho):
            for xx in range(wo):
                patch = xs[:, y * stride:y * stride + dil * (kh - 1) + 1:dil, xx * stride:xx * stride + dil * (kw - 1) + 1:dil]
                out[co, y, xx] = np.sum(patch * w[co]) + b[co]
    return out


def pool_ref(x: np.ndarray, k: int, stride: int, average: bool) -> np.ndarray:
    c, h, w = x.shape
    ho, wo = (h - k) // stride + 1, (w - k) // stride + 1
    out = np.array([[[x[ch, y * stride:y * stride + k, xx * stride:xx * stride + k].sum() for xx in range(wo)]
                     for y in range(ho)] for ch in range(c)])
    return out / (k * k) if average else out


def _matrix(out: Path, pre: str, post: str, shape) -> np.ndarray:
    w = np.zeros(shape)
    for part in ("exc", "inh"):
        f = out / "conn" / f"{pre}__{post}_{part}.npz"
        if f.is_file():
            d = np.load(f)
            np.add.at(w, (d["post"], d["pre"]), d["weight"])
    return w


def _cnn(rng, c_in, h, w, c_out, k, stride, pad, dil, groups, pool_k, average, n_out):
    wc = rng.normal(0, 1, (c_out, c_in // groups, k, k))
    bc = rng.normal(0, 0.1, c_out)
    ho = (h + 2 * pad - dil * (k - 1) - 1) // stride + 1
    wo = (w + 2 * pad - dil * (k - 1) - 1) // stride + 1
    po, qo = (ho - pool_k) // pool_k + 1, (wo - pool_k) // pool_k + 1
    wa, ba = rng.normal(0, 1, (n_out, c_out * po * qo)), rng.normal(0, 0.1, n_out)
    lif1 = {k_: v.reshape(c_out, ho, wo) for k_, v in lif_params(c_out * ho * wo, 4.0, 0.6).items()}
    pool = (nir.AvgPool2d if average else nir.SumPool2d)(kernel_size=np.array([pool_k, pool_k]),
                                                          stride=np.array([pool_k, pool_k]), padding=np.array([0, 0]))
    g = nir.NIRGraph(nodes={
        "input": nir.Input(input_type={"input": np.array([c_in, h, w])}),
        "conv": nir.Conv2d(input_shape=(h, w), weight=wc, stride=stride, padding=pad, dilation=dil, groups=groups,
                           bias=bc),
        "lif1": nir.LIF(**lif1),
        "pool": pool,
        "flat": nir.Flatten(input_type={"input": np.array([c_out, po, qo])}, start_dim=0),
        "fc": nir.Affine(weight=wa, bias=ba),
        "lif2": nir.LIF(**lif_params(n_out, 5.0, 0.5)),
        "output": nir.Output(output_type={"output": np.array([n_out])}),
    }, edges=[("input", "conv"), ("conv", "lif1"), ("lif1", "pool"), ("pool", "flat"), ("flat", "fc"),
              ("fc", "lif2"), ("lif2", "output")], type_check=False)
    return g, (wc, bc, ho, wo, po, qo, wa, ba)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**31), c_in=st.integers(1, 2), h=st.integers(4, 7),
       w=st.integers(4, 7), c_out_g=st.integers(1, 2), k=st.integers(1, 3), stride=st.integers(1, 2),
       pad=st.integers(0, 1), dil=st.integers(1, 2), average=st.booleans())
def test_conv_pool_flatten_matrices_equal_a_numpy_convolution(tmp_path_factory, seed, c_in, h, w, c_out_g, k, stride,
                                                              pad, dil, average):
    """issue 16 item 1: the connection files of Input -> Conv2d -> LIF and LIF -> SumPool2d/AvgPool2d ->
    Flatten -> Affine -> LIF, applied to random inputs, equal numpy's convolution and pooling; the conv bias
    and the Affine bias become the bias relay's weights onto the LIFs. (groups = 1: nir 1.0.8 cannot read back a graph with
    grouped convolutions, its type check takes weight.shape[1] as the input channels.)"""
    groups = 1
    c_out = c_out_g * groups
    ho = (h + 2 * pad - dil * (k - 1) - 1) // stride + 1
    wo = (w + 2 * pad - dil * (k - 1) - 1) // stride + 1
    if min(ho, wo) < 2:
        return  # the kernel does not leave room for a 2x2 pooling window: not this test's case
    rng = np.random.default_rng(seed)
    g, (wc, bc, ho, wo, po, qo, wa, ba) = _cnn(rng, c_in, h, w, c_out, k, stride, pad, dil, groups, 2, average, 3)
    tmp = tmp_path_factory.mktemp("conv")
    write(g, tmp / "c.nir")
    assert main(["import", "nir", str(tmp / "c.nir"), "-o", str(tmp / "o")]) == 0
    out = tmp / "o"
    m1 = _matrix(out, "input", "lif1", (c_out * ho * wo, c_in * h * w))
    m2 = _matrix(out, "lif1", "lif2", (3, c_out * ho * wo))
    for _ in range(3):
        x = rng.normal(size=(c_in, h, w))
        np.testing.assert_allclose(m1 @ x.ravel(), conv_ref(x, wc, np.zeros(c_out), stride, pad, dil, groups).ravel(),
                                   rtol=1e-9, atol=1e-12)
        y = rng.normal(size=(c_out, ho, wo))
        np.testing.assert_allclose(m2 @ y.ravel(), wa @ pool_ref(y, 2, 2, average).ravel(), rtol=1e-9, atol=1e-12)
    # the biases: the bias relay's connection files (one pre neuron) onto each LIF
    np.testing.assert_allclose(_matrix(out, "bias", "lif1", (c_out * ho * wo, 1))[:, 0], np.repeat(bc, ho * wo))
    np.testing.assert_allclose(_matrix(out, "bias", "lif2", (3, 1))[:, 0], ba)


@pytest.mark.slow
def test_small_cnn_on_nest_matches_the_reference(tmp_path):
    """issue 16 item 1: a small convolutional graph (Conv2d -> LIF -> SumPool2d -> Flatten -> Affine -> LIF) on
    nest gives the numpy reference's spike times, with the matrices of the numpy convolution and pooling."""
    rng = np.random.default_rng(2)
    c_in, h, w, c_out = 1, 6, 6, 2
    g, (wc, bc, ho, wo, po, qo, wa, ba) = _cnn(rng, c_in, h, w, c_out, 3, 1, 1, 1, 1, 2, False, 3)
    wc *= 1.5
    wa *= 2.0
    write(g, tmp_path / "c.nir")
    eye = np.eye(c_in * h * w)
    m1 = np.stack([conv_ref(e.reshape(c_in, h, w), wc, np.zeros(c_out), 1, 1, 1, 1).ravel() for e in eye], axis=1)
    eye2 = np.eye(c_out * ho * wo)
    m2 = np.stack([wa @ pool_ref(e.reshape(c_out, ho, wo), 2, 2, False).ravel() for e in eye2], axis=1)
    x = (rng.random((15, c_in * h * w)) < 0.3).astype(np.int8)
    np.save(tmp_path / "x.npy", x.reshape(15, c_in, h, w))
    steps = 15 + 3 + 1
    lif1 = {k_: np.asarray(v, float).ravel() for k_, v in lif_params(c_out * ho * wo, 4.0, 0.6).items()}
    layers = {"lif1": Layer("LIF", lif1, np.repeat(bc, ho * wo), [("input", m1)]),
              "lif2": Layer("LIF", lif_params(3, 5.0, 0.5), ba, [("lif1", m2)])}
    want, margin = simulate(layers, {"input": x}, steps, 1.0)
    assert margin > 1e-6 and sum(t.size for t in want["lif2"]) >= 3 and sum(t.size for t in want["lif1"]) >= 10
    assert main(["import", "nir", str(tmp_path / "c.nir"), "-o", str(tmp_path / "o"), "--input",
                 str(tmp_path / "x.npy")]) == 0
    assert main(["run", str(tmp_path / "o" / "net.pnet"), "-o", str(tmp_path / "nest"), "--no-plots", "--json"]) == 0
    for pop, n in (("lif1", c_out * ho * wo), ("lif2", 3)):
        d = np.load(tmp_path / "nest" / "spikes" / f"{pop}.npz")
        got = [np.sort(d["times"][d["senders"] == j]) for j in range(n)]
        for a, b in zip(got, want[pop]):
            np.testing.assert_allclose(a[a < steps], b[b < steps], atol=1e-9)


def conv1d_ref(x: np.ndarray, w: np.ndarray, stride: int, pad: int, dil: int) -> np.ndarray:
    """PyTorch's conv1d (cross-correlation, groups 1) of one (C, L) input, written out as its sum."""
    c_out, c_in, k = w.shape
    length = x.shape[1]
    lo = (length + 2 * pad - dil * (k - 1) - 1) // stride + 1
    out = np.zeros((c_out, lo))
    for o in range(c_out):
        for t in range(lo):
            for c in range(c_in):
                for j in range(k):
                    src = t * stride - pad + j * dil
                    if 0 <= src < length:
                        out[o, t] += w[o, c, j] * x[c, src]
    return out


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**31), c_in=st.integers(1, 3), length=st.integers(3, 9), c_out=st.integers(1, 3),
       k=st.integers(1, 3), stride=st.integers(1, 2), pad=st.integers(0, 2), dil=st.integers(1, 2))
def test_conv1d_matrix_equals_the_written_out_sum(tmp_path_factory, seed, c_in, length, c_out, k, stride, pad, dil):
    """issue 16 item 1: Input (C, L) -> Conv1d -> LIF: the connection files applied to random inputs equal
    PyTorch's 1-d cross-correlation written out as a sum, and the bias per channel reaches every position of its
    channel (the bias relay's weights)."""
    lo = (length + 2 * pad - dil * (k - 1) - 1) // stride + 1
    if lo < 1:
        return  # the kernel does not fit: not this test's case
    rng = np.random.default_rng(seed)
    w, b = rng.normal(size=(c_out, c_in, k)), rng.normal(size=c_out)
    g = nir.NIRGraph(nodes={
        "input": nir.Input(input_type={"input": np.array([c_in, length])}),
        "conv": nir.Conv1d(input_shape=length, weight=w, stride=stride, padding=pad, dilation=dil, groups=1, bias=b),
        "lif": nir.LIF(**{k_: v.reshape(c_out, lo) for k_, v in lif_params(c_out * lo, 5.0, 1.0).items()}),
        "output": nir.Output(output_type={"output": np.array([c_out, lo])}),
    }, edges=[("input", "conv"), ("conv", "lif"), ("lif", "output")], type_check=False)
    tmp = tmp_path_factory.mktemp("conv1d")
    write(g, tmp / "c.nir")
    assert main(["import", "nir", str(tmp / "c.nir"), "-o", str(tmp / "o")]) == 0
    m = _matrix(tmp / "o", "input", "lif", (c_out * lo, c_in * length))
    for _ in range(3):
        x = rng.normal(size=(c_in, length))
        np.testing.assert_allclose(m @ x.ravel(), conv1d_ref(x, w, stride, pad, dil).ravel(), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(_matrix(tmp / "o", "bias", "lif", (c_out * lo, 1))[:, 0], np.repeat(b, lo))
