"""Explicit connections kept in array files (issue 16 item 2): read, check, and load them for the targets.

A connection file is ``.npz`` (``np.load``, no pickles) with integer arrays ``pre`` and ``post`` (0-based indices
into the pre- and post-synaptic populations), optional float arrays ``weight`` and ``delay`` (ms) and a 0-d string
``weight_unit`` when it has weights; or ``.npy`` of shape (n, 2|3|4) with the columns pre, post[, weight[, delay]]
(its weight unit is given in the network). Every defect is an error at the place in the network that names the
file (E247 unreadable, E248 bad indices or shapes, E249 bad values, E250 weight unit, E251 changed since read).
"""
from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from portasnn.errors import NetworkError, Span
from portasnn.ir.network import ArrayFile, ConnectionFile

KEYS = ("pre", "post", "weight", "delay", "weight_unit")


PICKLE_HINT = "save plain numeric arrays (and weight_unit as a str array)"


def _error(code: str, message: str, span: Span | None, hint: str = "") -> NetworkError:
    return NetworkError(message, span=span, code=code, hint=hint)


def _unreadable(kind: str, name: str, exc: Exception, span: Span | None, pickle_hint: str = "") -> NetworkError:
    """E247 for a ``kind`` file that numpy cannot load; a pickled (object) array is said as such."""
    if isinstance(exc, ValueError) and "pickle" in str(exc):
        return _error("E247", f"{kind} file {name} holds a pickled (object) array, which is not read", span,
                      hint=pickle_hint)
    return _error("E247", f"{kind} file {name} is not a readable numpy file: {exc}", span)


@dataclass(frozen=True)
class Arrays:
    """A connection file's arrays as written: indices (int64), weights in ``weight_unit``, delays in ms."""

    pre: np.ndarray
    post: np.ndarray
    weight: np.ndarray | None
    delay: np.ndarray | None
    weight_unit: str | None  # the file's own (npz), None if it gives none


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read(path: Path, span: Span | None) -> Arrays:
    """The arrays of connection file ``path``, checked for form (not yet against populations)."""
    name = path.name
    if not path.is_file():
        raise _error("E247", f"connection file not found: {path}", span, hint="the path is relative to the .pnet file")
    if path.suffix not in (".npz", ".npy"):
        raise _error("E247", f"connection file {name} is neither .npz nor .npy", span,
                     hint="save the arrays with numpy.savez(...) or numpy.save(...)")
    try:
        loaded = np.load(path, allow_pickle=False)
    except (ValueError, OSError, EOFError, zipfile.BadZipFile) as exc:
        raise _unreadable("connection", name, exc, span, PICKLE_HINT) from None
    if path.suffix == ".npz":
        if not isinstance(loaded, np.lib.npyio.NpzFile):
            raise _error("E247", f"connection file {name} is a single array, not an .npz archive", span,
                         hint="name it .npy, or save it with numpy.savez(path, pre=..., post=...)")
        with loaded:
            try:
                arrays = {key: loaded[key] for key in loaded.files}
            except ValueError as exc:
                raise _unreadable("connection", name, exc, span, PICKLE_HINT) from None
        return _from_npz(arrays, name, span)
    if not isinstance(loaded, np.ndarray):
        raise _error("E247", f"connection file {name} is an .npz archive, not a single array", span,
                     hint="name it .npz")
    return _from_npy(loaded, name, span)


def _from_npz(arrays: dict[str, np.ndarray], name: str, span: Span | None) -> Arrays:
    unknown = sorted(set(arrays) - set(KEYS))
    if unknown:
        raise _error("E247", f"connection file {name} has an unknown array '{unknown[0]}'", span,
                     hint="it may hold: " + ", ".join(KEYS))
    for key in ("pre", "post"):
        if key not in arrays:
            raise _error("E247", f"connection file {name} has no array '{key}'", span,
                         hint="save it with numpy.savez(path, pre=..., post=...[, weight=..., delay=..., "
                              "weight_unit='nA'])")
    unit = None
    if "weight_unit" in arrays:
        u = arrays["weight_unit"]
        if u.shape != () or u.dtype.kind != "U":
            raise _error("E250", f"weight_unit in connection file {name} must be a single string, not an array of "
                         f"{u.dtype} with shape {u.shape}", span, hint="e.g. weight_unit=numpy.array('nA')")
        unit = str(u)
    pre, post = (_indices(arrays[k], k, name, span, whole=False) for k in ("pre", "post"))
    weight = _floats(arrays["weight"], "weight", name, span) if "weight" in arrays else None
    delay = _floats(arrays["delay"], "delay", name, span) if "delay" in arrays else None
    _same_shape(name, span, pre=pre, post=post, weight=weight, delay=delay)
    return Arrays(pre, post, weight, delay, unit)


def _from_npy(a: np.ndarray, name: str, span: Span | None) -> Arrays:
    if a.ndim != 2 or a.shape[1] not in (2, 3, 4):
        raise _error("E248", f"connection file {name} has shape {a.shape}, expected (n, 2), (n, 3) or (n, 4): the "
                     "columns pre, post[, weight[, delay]]", span)
    if a.dtype.kind not in "iuf":
        raise _error("E248", f"connection file {name} holds {a.dtype} values, expected numbers", span)
    pre, post = (_indices(a[:, k], key, name, span, whole=True) for k, key in enumerate(("pre", "post")))
    weight = _floats(a[:, 2], "weight", name, span) if a.shape[1] > 2 else None
    delay = _floats(a[:, 3], "delay", name, span) if a.shape[1] > 3 else None
    return Arrays(pre, post, weight, delay, None)


def _indices(a: np.ndarray, key: str, name: str, span: Span | None, whole: bool) -> np.ndarray:
    """``a`` as int64 indices: an integer array (npz), or whole numbers in a float column (npy)."""
    if a.ndim != 1:
        raise _error("E248", f"{key} in connection file {name} has shape {a.shape}, expected one dimension", span)
    if a.dtype.kind in "iu":
        return a.astype(np.int64)
    if whole and a.dtype.kind == "f":
        bad = np.flatnonzero(~np.isfinite(a) | (a != np.round(a)))
        if bad.size == 0:
            return a.astype(np.int64)
        raise _error("E248", f"{key} in connection file {name} is not a whole number in row {int(bad[0])} "
                     f"({a[bad[0]]!r})", span, hint="indices are 0-based neuron numbers")
    raise _error("E248", f"{key} in connection file {name} must hold integers, not {a.dtype}", span,
                 hint=f"save it as integers, e.g. {key}=numpy.asarray({key}, dtype=numpy.int64)")


def _floats(a: np.ndarray, key: str, name: str, span: Span | None) -> np.ndarray:
    if a.ndim != 1:
        raise _error("E248", f"{key} in connection file {name} has shape {a.shape}, expected one dimension", span)
    if a.dtype.kind not in "iuf":
        raise _error("E249", f"{key} in connection file {name} must hold numbers, not {a.dtype}", span)
    a = a.astype(np.float64)
    bad = np.flatnonzero(~np.isfinite(a))
    if bad.size:
        raise _error("E249", f"{key} in connection file {name} is not finite in row {int(bad[0])} ({a[bad[0]]!r})",
                     span)
    if key == "delay":
        neg = np.flatnonzero(a < 0)
        if neg.size:
            raise _error("E249", f"delay in connection file {name} is negative in row {int(neg[0])} "
                         f"({a[neg[0]]!r} ms)", span)
    return a


def _same_shape(name: str, span: Span | None, **arrays: np.ndarray | None) -> None:
    shapes = {k: a.shape for k, a in arrays.items() if a is not None}
    if len(set(shapes.values())) > 1:
        raise _error("E248", f"the arrays of connection file {name} differ in length: "
                     + ", ".join(f"{k} {s[0] if s else 0}" for k, s in shapes.items()), span,
                     hint="one entry per connection in each array")


def check_indices(arrays: Arrays, n_pre: int, n_post: int, pre_name: str, post_name: str, name: str,
                  span: Span | None) -> None:
    """Every index is inside its population (E248 with the first bad row)."""
    for key, idx, n, pop in (("pre", arrays.pre, n_pre, pre_name), ("post", arrays.post, n_post, post_name)):
        bad = np.flatnonzero((idx < 0) | (idx >= n))
        if bad.size:
            raise _error("E248", f"{key} index {int(idx[bad[0]])} in row {int(bad[0])} of connection file {name} is "
                         f"outside population {pop} (0 to {n - 1})", span)


def check_delays(arrays: Arrays, resolution: float, name: str, span: Span | None) -> None:
    if arrays.delay is None:
        return
    low = np.flatnonzero(arrays.delay < resolution)
    if low.size:
        raise _error("E249", f"delay in connection file {name} is {arrays.delay[low[0]]!r} ms in row {int(low[0])}, "
                     f"below the resolution {resolution!r} ms", span,
                     hint="use delays of at least one time step, or a finer resolution")


def connections(data: ConnectionFile, span: Span | None = None
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, np.ndarray | None]:
    """(pre, post, weights in the IR unit with the IR sign convention or None, delays in ms or None) of a
    ``from_file`` projection, from the file it was read from; E251 if the file is gone or changed since."""
    path = Path(data.source if data.source else data.path)
    if not path.is_file():
        raise _error("E251", f"connection file {data.path} is gone since the network was read ({path})", span,
                     hint="read the network again")
    if sha256_of(path) != data.sha256:
        raise _error("E251", f"connection file {data.path} changed since the network was read", span,
                     hint="read the network again (portasnn does so when its files change)")
    arrays = read(path, span)
    weight = arrays.weight * data.weight_factor if data.weights and arrays.weight is not None else None
    return arrays.pre, arrays.post, weight, arrays.delay if data.delays else None


def read_parameter(path: Path, key: str | None, size: int, what: str, span: Span | None) -> np.ndarray:
    """The per-neuron values of ``what`` in ``path`` (an .npy, or array ``key`` of an .npz): one finite number per
    neuron of a population of ``size`` (E247 unreadable, E248 wrong shape or length, E249 not finite)."""
    name = path.name if key is None else f"{path.name}[{key!r}]"
    if not path.is_file():
        raise _error("E247", f"parameter file not found: {path}", span, hint="the path is relative to the .pnet file")
    if path.suffix not in (".npz", ".npy") or (path.suffix == ".npz") != (key is not None):
        raise _error("E247", f"parameter file {path.name} must be an .npy, or an .npz with the array's name given",
                     span, hint='file("tau.npy", ms) or file("params.npz", "tau_m", ms)')
    try:
        loaded = np.load(path, allow_pickle=False)
        if key is not None:
            with loaded:
                if key not in loaded.files:
                    raise _error("E247", f"parameter file {path.name} has no array '{key}'", span,
                                 hint="it has: " + (", ".join(loaded.files) or "no arrays"))
                loaded = loaded[key]
    except (ValueError, OSError, EOFError, zipfile.BadZipFile) as exc:
        raise _unreadable("parameter", name, exc, span) from None
    if not isinstance(loaded, np.ndarray):
        raise _error("E247", f"parameter file {name} is an .npz archive: give the array's name", span,
                     hint='file("params.npz", "tau_m", ms)')
    if loaded.ndim != 1 or loaded.shape[0] != size:
        raise _error("E248", f"parameter file {name} has shape {loaded.shape}, but {what} needs one value per neuron "
                     f"({size},)", span)
    if loaded.dtype.kind not in "iuf":
        raise _error("E249", f"parameter file {name} must hold numbers, not {loaded.dtype}", span)
    values = loaded.astype(np.float64)
    bad = np.flatnonzero(~np.isfinite(values))
    if bad.size:
        raise _error("E249", f"parameter file {name} is not finite at neuron {int(bad[0])} ({values[bad[0]]!r})",
                     span)
    return values


def parameter_values(data: ArrayFile, span: Span | None = None) -> np.ndarray:
    """The per-neuron values (IR unit) of ``data``, from the file it was read from; E251 if it changed since."""
    path = Path(data.source if data.source else data.path)
    if not path.is_file():
        raise _error("E251", f"parameter file {data.path} is gone since the network was read ({path})", span,
                     hint="read the network again")
    if sha256_of(path) != data.sha256:
        raise _error("E251", f"parameter file {data.path} changed since the network was read", span,
                     hint="read the network again (portasnn does so when its files change)")
    return read_parameter(path, data.key, data.size, data.path, span) * data.factor
