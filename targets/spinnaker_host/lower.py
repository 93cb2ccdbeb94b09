"""Model IR -> spinnaker-host model: the spinnaker target's generated C and parameter module.

``host_model(ir_model)`` lowers a solved model with ``portasnn.targets.spinnaker.lower`` (the same
update C that sPyNNaker compiles), wraps it for ``support/neuron_api.h`` and packs parameter words
with the generated ``<stem>_params.py``; ``host_model_of(lowered)`` does the same for a model the
spinnaker target has lowered already (what ``HostTarget`` builds).
"""
from __future__ import annotations

from functools import partial
from typing import Callable, Mapping

import numpy as np

from portasnn.errors import NetworkError, Span
from portasnn.ir import model as ir

from . import fixed
from .model import HostModel, PackContext, Recordable


def host_model(model: ir.Model, solver: str | None = None, substeps: int = 1) -> HostModel:
    """A :class:`HostModel` of a solved NESTML model (raises ModelError E3xx when it cannot be lowered)."""
    from portasnn.targets.spinnaker.lower import Options, lower

    return host_model_of(lower(model, Options(solver=solver, substeps=substeps)))


def host_header(low) -> str:  # noqa: ANN001
    """The emulator header of a lowered model: the spinnaker target's update C wrapped for neuron_api.h."""
    from portasnn.targets.spinnaker.render import render

    return render("host.h.j2", low=low, update=render("update.h.j2", low=low))


def host_model_of(low, header: str | None = None) -> HostModel:  # noqa: ANN001
    """A :class:`HostModel` of a model lowered by the spinnaker target (``header``: its host header)."""
    from portasnn.targets.spinnaker.params_runtime import load_params_module, params_source

    header = header if header is not None else host_header(low)
    params = load_params_module(params_source(low), f"portasnn_params_{low.stem}")
    net_to_pynn = {p.name: p.net_to_pynn for p in low.params}
    net_to_pynn.update({s.name: s.net_to_pynn for s in low.states if s.exposed})
    defaults = {p.name: p.default / p.net_to_pynn for p in low.params}
    defaults.update({s.name: s.default / s.net_to_pynn for s in low.states if s.exposed})
    recordables = tuple(Recordable(name=r.name, unit=r.unit, to_network=r.to_network) for r in low.recordables)
    pack = partial(_pack, params.derive, [(f.name, f.ctype) for f in low.fields], net_to_pynn, low.name,
                   {c.name: c.span for c in low.consts if c.span is not None})
    return HostModel(name=low.name, header=header, synapse_types=low.synapse_types, recordables=recordables,
                     n_param_words=low.n_words, pack=pack, weight_to_model=low.weight_to_model,
                     global_weight_scale=low.global_weight_scale, current_to_model=1e-3, defaults=defaults,
                     current_port=low.current_port)


def _pack(derive: Callable, fields: list[tuple[str, str]], net_to_pynn: Mapping[str, float], model_name: str,
          spans: Mapping[str, Span], values: Mapping[str, np.ndarray], ctx: PackContext) -> np.ndarray:
    pynn = {k: np.asarray(v, dtype=np.float64) * net_to_pynn.get(k, 1.0) for k, v in values.items()}
    with np.errstate(all="ignore"):
        out = derive(pynn, ctx.dt_ms)
    cols = []
    for name, ctype in fields:
        col = np.broadcast_to(np.asarray(out[name], dtype=np.float64), (ctx.n,))
        if not np.all(np.isfinite(col)):
            raise NetworkError(f"model '{model_name}': the host-computed field '{name}' is not finite for these "
                               "parameters (a parameter-only expression with a pole there, e.g. C_m = 0)", code="E435")
        if ctx.arith == "float":
            cols.append(np.rint(col) if ctype != "REAL" else col)
        elif ctype == "REAL":
            cols.append(_encode(col, name, model_name, spans.get(name)))
        else:
            cols.append(np.rint(col).astype(np.int64))
    if ctx.arith == "float":
        return np.stack(cols, axis=1).astype(np.float64)
    words = np.stack(cols, axis=1).astype(np.int64) & 0xFFFFFFFF
    return words.astype(np.uint32).view(np.int32)


def _encode(col: np.ndarray, name: str, model_name: str, span: Span | None = None) -> np.ndarray:
    uniq, inv = np.unique(col, return_inverse=True)
    try:
        enc = np.array([fixed.encode_s1615(float(v)) for v in uniq], np.int64)
    except ValueError:
        bad = float(uniq[np.argmax(np.abs(uniq))])
        raise NetworkError(f"model '{model_name}': field '{name}' = {bad:g} is outside the s16.15 range (+-65536) "
                           "that SpiNNaker holds", code="E436", span=span) from None
    return enc[np.ravel(inv)]
