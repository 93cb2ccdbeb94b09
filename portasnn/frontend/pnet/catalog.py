"""What the network frontend knows about neuron models: parameter and state names with their units.

``ModelCatalog`` is the protocol; ``DefaultCatalog`` answers for NEST built-ins from a small table
of the usual NEST names and units, and for NESTML models by parsing the file lazily through
``portasnn.frontend.nestml_parse`` (their weight units come from ``portasnn.frontend.nestml_weights``).
A catalog that does not know a model returns None, and the frontend then skips the name and unit checks
for it; a failure while reading a model is an error, never a silent skip.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from portasnn.errors import InternalError, PortasnnError
from portasnn.ir.network import ModelRef
from portasnn.units import ONE, UNITS, Quantity, describe, parse_unit


@dataclass(frozen=True, slots=True)
class ModelInfo:
    """Names a model declares, each with its unit (a Quantity of magnitude 1 in that unit)."""

    parameters: dict[str, Quantity | None]  # None: the name is known, its unit is not
    state: dict[str, Quantity | None]
    weight_unit: Quantity | None = None  # unit of a spike weight; None: not known
    # NESTML models: spike port -> (sign, weight unit or None, why None); None: no per-port knowledge
    port_weights: dict[str, tuple[str, Quantity | None, str]] | None = None

    def weight_rule(self, receptor: str | None) -> tuple[Quantity | None, str]:
        """The unit a weight sent to ``receptor`` (None: by its sign, "excitatory", "inhibitory" or a port name)
        must have: ``(unit, "")``; ``(None, reason)`` when it must be a plain number; ``(None, "")`` when any
        unit goes (not known)."""
        if self.port_weights is None:
            return (self.weight_unit, "") if receptor in (None, "excitatory", "inhibitory") else (None, "")
        signs = {None: ("excitatory", "inhibitory", "any"), "excitatory": ("excitatory", "any"),
                 "inhibitory": ("inhibitory", "any")}
        if receptor in signs:
            ports = {p: w for p, w in self.port_weights.items() if w[0] in signs[receptor]}
        else:
            ports = {p: w for p, w in self.port_weights.items() if p == receptor}
        ports = {p: w for p, w in ports.items() if w[1] is not None or w[2]}  # ports the model reads
        if not ports:
            return None, ""
        for port, (_, unit, reason) in ports.items():
            if unit is None:
                return None, f"input port '{port}': {reason}"
        units = {w[1] for w in ports.values()}
        if len(units) > 1:
            shown = ", ".join(f"'{p}' {describe(w[1].dims)}" for p, w in ports.items())  # type: ignore[union-attr]
            return None, f"its input ports take weights of different units ({shown})"
        return units.pop(), ""

    def knows(self, name: str) -> bool:
        return name in self.parameters or name in self.state

    def unit_of(self, name: str) -> Quantity | None:
        return self.parameters.get(name, self.state.get(name))


class ModelCatalog(Protocol):
    """What the frontend asks about models. ``parameter_units`` is enough; ``model_info`` (optional, preferred
    when present) also tells the state variables (initial values, recordables) and the weight unit."""

    def model_info(self, model: ModelRef) -> ModelInfo | None:
        """The model's parameters and state with units, or None if unknown (checks are skipped)."""

    def parameter_units(self, model: ModelRef) -> dict[str, Quantity | None] | None:
        """Parameter name -> unit, or None if the model is unknown."""


_U = UNITS
_NEST_UNITS: dict[str, Quantity] = {
    "V_m": _U["mV"], "E_L": _U["mV"], "C_m": _U["pF"], "tau_m": _U["ms"], "t_ref": _U["ms"], "V_th": _U["mV"],
    "V_reset": _U["mV"], "V_min": _U["mV"], "I_e": _U["pA"], "tau_syn_ex": _U["ms"], "tau_syn_in": _U["ms"],
    "g_L": _U["nS"], "E_ex": _U["mV"], "E_in": _U["mV"], "g_ex": _U["nS"], "g_in": _U["nS"], "dg_ex": _U["nS"] / _U["ms"],
    "dg_in": _U["nS"] / _U["ms"], "I_syn_ex": _U["pA"], "I_syn_in": _U["pA"], "Delta_T": _U["mV"], "V_peak": _U["mV"],
    "a": _U["nS"], "b": _U["pA"], "tau_w": _U["ms"], "w": _U["pA"], "U_m": _U["mV"], "E_K": _U["mV"],
    "E_Na": _U["mV"], "g_K": _U["nS"], "g_Na": _U["nS"], "Act_m": ONE, "Act_n": ONE, "Inact_h": ONE,
    "refractory_input": ONE, "delta": _U["mV"], "rho": _U["Hz"], "t_ref_remaining": _U["ms"],
}
_IAF = ("C_m", "E_L", "I_e", "V_m", "V_reset", "V_th", "t_ref")
_SYN = ("tau_syn_ex", "tau_syn_in")
_COND = ("E_ex", "E_in", "g_L", "g_ex", "g_in")
_AEIF = (*_IAF, *_SYN, *_COND, "Delta_T", "V_peak", "a", "b", "tau_w", "w")
# model -> (parameter names, state names, weight unit)
_NEST_MODELS: dict[str, tuple[tuple[str, ...], tuple[str, ...], str]] = {
    "iaf_psc_delta": ((*_IAF, "tau_m", "V_min", "refractory_input"), ("V_m",), "mV"),
    "iaf_psc_exp": ((*_IAF, *_SYN, "tau_m", "delta", "rho"), ("V_m", "I_syn_ex", "I_syn_in"), "pA"),
    "iaf_psc_alpha": ((*_IAF, *_SYN, "tau_m", "V_min"), ("V_m", "I_syn_ex", "I_syn_in"), "pA"),
    "iaf_cond_exp": ((*_IAF, *_SYN, *_COND), ("V_m", "g_ex", "g_in"), "nS"),
    "iaf_cond_alpha": ((*_IAF, *_SYN, *_COND), ("V_m", "g_ex", "g_in", "dg_ex", "dg_in", "t_ref_remaining"), "nS"),
    "aeif_cond_exp": (_AEIF, ("V_m", "g_ex", "g_in", "w"), "nS"),
    "aeif_cond_alpha": (_AEIF, ("V_m", "g_ex", "g_in", "dg_ex", "dg_in", "w"), "nS"),
    "hh_psc_alpha": (("C_m", "E_L", "I_e", "t_ref", *_SYN, "E_K", "E_Na", "g_K", "g_L", "g_Na"),
                     ("V_m", "Act_m", "Act_n", "Inact_h", "I_syn_ex", "I_syn_in"), "pA"),
    "parrot_neuron": ((), (), ""),
}
_IZH = ({"a": ONE, "b": ONE, "c": _U["mV"], "d": _U["mV"], "V_th": _U["mV"], "V_min": _U["mV"], "I_e": _U["pA"]},
        {"V_m": _U["mV"], "U_m": _U["mV"]})


def nest_model_info(name: str) -> ModelInfo | None:
    """The table entry for a NEST built-in model, or None if the table does not list it."""
    if name == "izhikevich":
        return ModelInfo(dict(_IZH[0]), dict(_IZH[1]), _U["mV"])
    entry = _NEST_MODELS.get(name)
    if entry is None:
        return None
    params, state, weight = entry
    return ModelInfo({p: _NEST_UNITS[p] for p in params if p not in state}, {s: _NEST_UNITS[s] for s in state},
                     _U[weight] if weight else None)


def pynn_model_info(name: str) -> ModelInfo | None:
    """A PyNN standard cell type (``portasnn.ir.pynn_cells``): PyNN's names with their IR units (values written in
    PyNN's units, nA, nF, uS, are converted to the IR's pA, pF, nS), or None if portasnn does not know it."""
    from portasnn.ir.pynn_cells import cell_type

    cell = cell_type(name)
    if cell is None:
        return None
    return ModelInfo({p.name: parse_unit(p.ir_unit) for p in cell.params},
                     {s.name: parse_unit(s.ir_unit) for s in cell.state},
                     _U[cell.weight_unit])


class DefaultCatalog:
    """NEST built-ins from the table above; NESTML models through ``nestml_parse`` if present."""

    def __init__(self) -> None:
        self._cache: dict[tuple[str, str, str | None], ModelInfo | None] = {}

    def model_info(self, model: ModelRef) -> ModelInfo | None:
        key = (model.kind, model.name, model.path)
        if key not in self._cache:
            self._cache[key] = (nest_model_info(model.name) if model.kind == "nest" else
                                pynn_model_info(model.name) if model.kind == "pynn" else _nestml_info(model))
        return self._cache[key]

    def parameter_units(self, model: ModelRef) -> dict[str, Quantity | None] | None:
        info = self.model_info(model)
        return None if info is None else dict(info.parameters)


def _nestml_info(model: ModelRef) -> ModelInfo | None:
    """Parameters and state of a NESTML model, read from its AST; None when the NESTML parser is absent.
    Cached per file version, since NESTML's parser takes seconds."""
    try:
        stamp = Path(model.path or "").stat().st_mtime_ns
    except OSError:
        return None
    return _nestml_info_cached(model.path or "", model.name, stamp)


@functools.lru_cache(maxsize=64)
def _nestml_info_cached(path: str, name: str, stamp: int) -> ModelInfo | None:
    model = ModelRef(key=name, kind="nestml", name=name, path=path)
    try:
        from portasnn.frontend.nestml_parse import parse_nestml  # type: ignore[import-not-found]
    except ImportError:
        return None
    parsed = parse_nestml(model.path)  # a broken NESTML file: its own error, with its own file:line:col
    models = parsed if isinstance(parsed, (list, tuple)) else [parsed]
    chosen = [m for m in models if getattr(m, "name", None) == model.name] or (models if len(models) == 1 else [])
    if not chosen:
        return None
    try:
        return _info_from_ast(chosen[0].ast, str(chosen[0].path))
    except PortasnnError:
        raise
    except Exception as exc:  # a model NESTML accepted that this code cannot read: a bug, never a silent skip
        raise InternalError(f"reading the NESTML model '{model.name}' from {path} failed: "
                            f"{type(exc).__name__}: {exc}") from exc


def _info_from_ast(ast: object, path: str = "") -> ModelInfo | None:
    def declared(blocks: object) -> dict[str, Quantity | None]:
        out: dict[str, Quantity | None] = {}
        for block in blocks or []:  # type: ignore[attr-defined]
            for decl in block.get_declarations():
                unit = parse_unit(str(decl.get_data_type()))
                for var in decl.get_variables():
                    if var.get_vector_parameter() is None:
                        out[var.get_name()] = unit
                    else:  # a vector: its elements, named as the IR names them (G_IN_0, ...)
                        for i in range(vector_size(ast, var.get_vector_parameter())):
                            out[f"{var.get_name().replace('$', '__DOLLAR').upper()}_{i}"] = unit
        return out

    from portasnn.frontend.nestml_weights import port_weights, vector_size

    params = declared(ast.get_parameters_blocks())  # type: ignore[attr-defined]
    state = declared(ast.get_state_blocks())  # type: ignore[attr-defined]
    weights = {name: (w.sign, w.unit, w.reason if w.used else "") for name, w in port_weights(ast, path).items()}
    units = {unit for _, unit, _ in weights.values() if unit is not None}
    common = units.pop() if len(units) == 1 else None
    return ModelInfo(params, state, common, weights)


def info_of(catalog: object, model: ModelRef) -> ModelInfo | None:
    """Ask ``catalog`` about ``model``: ``model_info`` if it has it, else ``parameter_units`` (no state known)."""
    if hasattr(catalog, "model_info"):
        return catalog.model_info(model)  # type: ignore[attr-defined]
    units = catalog.parameter_units(model)  # type: ignore[attr-defined]
    return None if units is None else ModelInfo(dict(units), {}, None)
