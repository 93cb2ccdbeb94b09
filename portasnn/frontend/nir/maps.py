"""The linear NIR nodes as sparse matrices (issue 16 item 1): Linear, Affine, Scale, Conv2d, SumPool2d, AvgPool2d
and Flatten map an input of a known shape (C order) to an output; a chain of them between two populations is one
matrix, the product of theirs. Each function returns (matrix (out, in), bias over the output or None, out shape)."""
from __future__ import annotations

import numpy as np
import scipy.sparse as sp

Shape = tuple[int, ...]


class MapError(ValueError):
    """A node that cannot be mapped for this input (the message says why)."""


def _pair(value, what: str) -> tuple[int, int]:
    a = np.asarray(value).reshape(-1)
    if a.size == 1:
        a = np.repeat(a, 2)
    if a.size != 2 or not np.all(a == np.round(a)):
        raise MapError(f"{what} {value!r} is not one or two whole numbers")
    return int(a[0]), int(a[1])


def _chw(shape: Shape, what: str) -> tuple[int, int, int]:
    if len(shape) != 3:
        raise MapError(f"{what} takes an input of shape (C, H, W), not {tuple(shape)}")
    return shape  # type: ignore[return-value]


def dense(w: np.ndarray, b: np.ndarray | None, shape: Shape):
    n_in = int(np.prod(shape))
    if w.shape[1] != n_in:
        raise MapError(f"weights of shape {w.shape} take {w.shape[1]} inputs, the input has {n_in} {tuple(shape)}")
    return sp.csr_matrix(w), b, (w.shape[0],)


def flatten(shape: Shape):
    n = int(np.prod(shape))
    return sp.identity(n, format="csr"), None, (n,)


def conv2d(weight: np.ndarray, bias: np.ndarray, stride, padding, dilation, groups: int, shape: Shape):
    """PyTorch's Conv2d (cross-correlation) as a matrix: out[co, y, x] = sum over ci, i, j of
    weight[co, ci, i, j] in[g ci, y s - p + i d, x s - p + j d] (zero outside), plus bias[co]."""
    c_in, h, w_ = _chw(shape, "Conv2d")
    c_out, c_in_g, kh, kw = weight.shape
    groups = int(groups)
    if groups < 1 or c_in_g * groups != c_in or c_out % groups:
        raise MapError(f"a Conv2d with weight {weight.shape} and groups={groups} does not take {c_in} channels")
    (sh, sw), (dh, dw) = _pair(stride, "stride"), _pair(dilation, "dilation")
    if isinstance(padding, str):
        if padding == "valid":
            ph = pw = 0
        else:  # "same": stride 1 and an even total padding only
            if (sh, sw) != (1, 1) or (dh * (kh - 1)) % 2 or (dw * (kw - 1)) % 2:
                raise MapError("padding 'same' is lowered for stride 1 and odd (dilated) kernels only")
            ph, pw = dh * (kh - 1) // 2, dw * (kw - 1) // 2
    else:
        ph, pw = _pair(padding, "padding")
    ho, wo = (h + 2 * ph - dh * (kh - 1) - 1) // sh + 1, (w_ + 2 * pw - dw * (kw - 1) - 1) // sw + 1
    if ho < 1 or wo < 1:
        raise MapError(f"the kernel does not fit the input {tuple(shape)}")
    co, ci, i, j, y, x = np.meshgrid(np.arange(c_out), np.arange(c_in_g), np.arange(kh), np.arange(kw),
                                     np.arange(ho), np.arange(wo), indexing="ij")
    iy, ix = y * sh - ph + i * dh, x * sw - pw + j * dw
    ok = (iy >= 0) & (iy < h) & (ix >= 0) & (ix < w_)
    g = co // (c_out // groups)
    rows = (co * ho + y) * wo + x
    cols = ((g * c_in_g + ci) * h + iy) * w_ + ix
    vals = weight[co, ci, i, j]
    m = sp.coo_matrix((vals[ok], (rows[ok], cols[ok])), shape=(c_out * ho * wo, c_in * h * w_)).tocsr()
    b = np.repeat(np.asarray(bias, float).reshape(-1), ho * wo) if bias is not None and np.size(bias) else None
    return m, b, (c_out, ho, wo)


def conv1d(weight: np.ndarray, bias: np.ndarray, stride, padding, dilation, groups: int, shape: Shape):
    """PyTorch's Conv1d as a matrix: ``conv2d`` of the input (C, 1, L) with the kernel (O, C/g, 1, K)."""
    if len(shape) != 2:
        raise MapError(f"Conv1d takes an input of shape (C, L), not {tuple(shape)}")
    if np.ndim(weight) != 3:
        raise MapError(f"a Conv1d's weight has shape (out, in, kernel), not {np.shape(weight)}")
    one = lambda v, what: (1, _pair(v, what)[1])  # noqa: E731 - the height of every 1-d operand is 1
    pad = padding if isinstance(padding, str) else (0, _pair(padding, "padding")[1])
    m, b, (c_out, _, lo) = conv2d(np.asarray(weight)[:, :, None, :], bias, one(stride, "stride"), pad,
                                  one(dilation, "dilation"), groups, (shape[0], 1, shape[1]))
    return m, b, (c_out, lo)


def pool2d(kernel_size, stride, padding, shape: Shape, average: bool):
    """SumPool2d (weights 1) or AvgPool2d (weights 1 / kernel area, zero padding counted, as PyTorch's default)."""
    c, h, w_ = _chw(shape, "pooling")
    (kh, kw), (sh, sw), (ph, pw) = (_pair(kernel_size, "kernel_size"), _pair(stride, "stride"),
                                    _pair(padding, "padding"))
    ho, wo = (h + 2 * ph - kh) // sh + 1, (w_ + 2 * pw - kw) // sw + 1
    if ho < 1 or wo < 1:
        raise MapError(f"the pooling window does not fit the input {tuple(shape)}")
    ch, i, j, y, x = np.meshgrid(np.arange(c), np.arange(kh), np.arange(kw), np.arange(ho), np.arange(wo),
                                 indexing="ij")
    iy, ix = y * sh - ph + i, x * sw - pw + j
    ok = (iy >= 0) & (iy < h) & (ix >= 0) & (ix < w_)
    rows, cols = ((ch * ho + y) * wo + x)[ok], ((ch * h + iy) * w_ + ix)[ok]
    vals = np.full(rows.size, 1.0 / (kh * kw) if average else 1.0)
    return sp.coo_matrix((vals, (rows, cols)), shape=(c * ho * wo, c * h * w_)).tocsr(), None, (c, ho, wo)
