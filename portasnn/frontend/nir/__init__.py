"""NIR import (issue 16 item 1): a NIR graph (``nir`` 1.0, HDF5) -> a ``.pnet`` network, NESTML models and data files.

``import_nir(graph, outdir, ...)`` writes into ``outdir``: one readable NESTML file per neuron primitive used
(``models/``, NIR's ODEs as documented), ``net.pnet`` (populations, ``from_file`` projections, the input as spike
stimuli, recorders), per-neuron parameter arrays (``params/``) and weight matrices as connection files
(``conn/``). Linear nodes (Linear, Affine, Scale, Conv1d/2d, pooling, Flatten; ``maps``) between two
populations become one projection with the product of their matrices; Delay nodes on the way become per-connection
delays. An input array of currents (not 0/1) becomes spikes with weights straight into the layers it feeds. The
choices NIR leaves open (units, discretisation, when input enters a step, initial state) are stated in the README
section "NIR import". What is not lowered is refused (E800-E805) naming the node and its primitive; nothing is
approximated silently.
"""
from __future__ import annotations

import math
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from portasnn.errors import InternalError, NetworkError, Span, ToolError, UsageError, warn
from portasnn.frontend.nir import maps
from portasnn.frontend.nir.nested import NestingError, flatten

MODELS_DIR = Path(__file__).parent  # the NESTML models, package data

#: NIR time unit name -> ms per unit
TIME_UNITS = {"s": 1000.0, "ms": 1.0}

@dataclass(frozen=True)
class Kind:
    """How a NIR neuron primitive is lowered: its NESTML model and its parameters (NIR field, NESTML name, unit)."""

    model: str
    params: tuple[tuple[str, str, str], ...]  # (nir field, nestml parameter, unit: "ms", "mV" or "" for plain)
    bias: str  # the parameter that takes an Affine bias
    spiking: bool = True
    weight_unit: str = "1"  # the unit of the weights into it, as its model types them ("1": a plain number)


KINDS: dict[str, Kind] = {
    "LIF": Kind("nir_lif_neuron", (("tau", "tau", "ms"), ("r", "r", ""), ("v_leak", "v_leak", "mV"),
                                   ("v_threshold", "v_threshold", "mV"), ("v_reset", "v_reset", "mV")), "I_bias"),
    "CubaLIF": Kind("nir_cubalif_neuron", (("tau_syn", "tau_syn", "ms"), ("tau_mem", "tau_mem", "ms"),
                                           ("r", "r", ""), ("v_leak", "v_leak", "mV"),
                                           ("v_threshold", "v_threshold", "mV"), ("v_reset", "v_reset", "mV"),
                                           ("w_in", "w_in", "")), "S_bias"),
    "IF": Kind("nir_if_neuron", (("r", "r", ""), ("v_threshold", "v_threshold", "mV"), ("v_reset", "v_reset", "mV")),
               "I_bias"),
    "LI": Kind("nir_li_neuron", (("tau", "tau", "ms"), ("r", "r", ""), ("v_leak", "v_leak", "mV")), "I_bias",
               spiking=False),
    "I": Kind("nir_i_neuron", (("r", "r", ""),), "I_bias", spiking=False),
    "CubaLI": Kind("nir_cubali_neuron", (("tau_syn", "tau_syn", "ms"), ("tau_mem", "tau_mem", "ms"), ("r", "r", ""),
                                         ("v_leak", "v_leak", "mV"), ("w_in", "w_in", "")), "S_bias", spiking=False),
    "Threshold": Kind("nir_threshold_neuron", (("threshold", "threshold", "mV"),), "I_bias", weight_unit="mV"),
}
#: the discretisations NIR leaves open that the import offers (README "NIR import"): how a step's input enters
#: (``pulse``: its integral at the step's end; ``hold``: held over the step, solved exactly) and how a spike resets
#: v (``value``: to v_reset, NIR 1.0's equations; ``subtract``: v - v_threshold, as snnTorch and Sinabs do)
INPUT_STEPS = ("pulse", "hold")
RESETS = ("value", "subtract")

# (model, choice) -> the text replaced in the shipped model, and its replacement
_PULSE = "1 mV * convolve(K_delta, spikes) * (1 ms**-1)"
_HOLD_CUBA_V = ("(r * w_in * (1 - (tau_syn * exp(-dt / tau_syn) - tau_mem * exp(-dt / tau_mem)) / (tau_syn - tau_mem)))"
                " * " + _PULSE)
_EDITS = {
    ("nir_lif_neuron", "hold"): (("(r * dt / tau) * " + _PULSE, "(r * (1 - exp(-dt / tau))) * " + _PULSE),),
    ("nir_li_neuron", "hold"): (("(r * dt / tau) * " + _PULSE, "(r * (1 - exp(-dt / tau))) * " + _PULSE),),
    **{(m, "hold"): (
        ("(w_in * dt / tau_syn) * 1 pA", "(w_in * (1 - exp(-dt / tau_syn))) * 1 pA"),
        ("r * I * (1 mV / 1 pA)) / tau_mem\n", "r * I * (1 mV / 1 pA)) / tau_mem + " + _HOLD_CUBA_V + "\n"))
       for m in ("nir_cubalif_neuron", "nir_cubali_neuron")},
    **{(m, "subtract"): (("        v = v_reset\n", "        v = v - v_threshold\n"),)
       for m in ("nir_lif_neuron", "nir_cubalif_neuron", "nir_if_neuron")},
}
_NOTES = {
    "hold": "# Variant --input-step hold: NIR's input w is held over the time step dt and the step is solved exactly "
            "(zero-order\n# hold); its effect is added at the step's end: v jumps by r w (1 - exp(-dt/tau)) (LIF, "
            "LI), I by\n# w_in w (1 - exp(-dt/tau_syn)) and v by the part of a held input that reaches v within the "
            "step (CubaLIF).\n",
    "subtract": "# Variant --reset subtract: after a spike, v = v - v_threshold (v_reset is 0).\n",
}


def model_variant(model: str, input_step: str = "pulse", reset: str = "value") -> tuple[str, str]:
    """(name, NESTML text) of the import model ``model`` with the given input discretisation and reset (see
    ``INPUT_STEPS``, ``RESETS``); the defaults give the shipped file. A choice that does not change the model (an
    IF's held input is its pulse, an LI has no reset) keeps its name."""
    text = (MODELS_DIR / f"{model}.nestml").read_text()
    name = model
    for choice in (input_step, reset):
        edits = _EDITS.get((model, choice))
        if not edits:
            continue
        suffix = "_" + ("sub" if choice == "subtract" else choice)
        name = name + suffix
        for old, new in edits:
            if text.count(old) != 1:
                raise InternalError(f"{model}.nestml: {old!r} not found once")
            text = text.replace(old, new)
        text = text.replace(f"model {name[:-len(suffix)]}:", f"model {name}:")
        if choice == "hold":  # the header's sentence on the pulse no longer holds
            text, found = re.subn(r",\s+(?:#\s+)?delivered at once[^.]*\.", " (see the variant below).", text)
            if found != 1:
                raise InternalError(f"{model}.nestml: the sentence on the pulse not found once")
        head = text.index("model ")
        text = text[:head] + _NOTES[choice] + text[head:]
    return name, text


WEIGHTS = ("Affine", "Linear", "Scale")
# lowered to (products of) sparse matrices; a Delay to the per-connection delays of the matrices through it
LINEAR = (*WEIGHTS, "Conv1d", "Conv2d", "SumPool2d", "AvgPool2d", "Flatten", "Delay")
RELAY = "nir_lif_neuron"  # the input population: one spike per 1 in the input array, one step later
RELAY_ITEMS = "tau = {dt} ms, r = 1, dt = {dt} ms, v_threshold = 0.5 mV, v_reset = 0 mV"  # its parameters

# words of the network language that a population name must not be
_RESERVED = {"network", "include", "model", "from", "nest", "synapse", "let", "population", "connect", "stimulus",
             "record", "spikes", "of", "every", "weights", "simulate", "resolution", "seed", "threads", "processes",
             "initial", "file", "from_file", "true", "false", "s", "ms", "us", "Hz", "kHz", "V", "mV", "uV", "mA",
             "uA", "nA", "pA", "uF", "nF", "pF", "mS", "uS", "nS", "pS", "Ohm", "kOhm", "MOhm", "GOhm", "weight",
             "delay", "receptor", "dt"}


@dataclass(frozen=True)
class Imported:
    """What ``import_nir`` wrote: the network file and every file next to it."""

    pnet: Path
    files: tuple[Path, ...]
    populations: tuple[str, ...]


def _refuse(code: str, message: str, graph: Path, node: str = "", hint: str = "") -> NetworkError:
    return NetworkError(message, span=Span(str(graph)), code=code, construct=node, hint=hint)


def _nir():
    """The nir package, or a ToolError saying how to install it."""
    try:
        import nir
    except ImportError:
        raise ToolError("reading NIR graphs needs the nir package: pip install 'portasnn[nir]'") from None
    return nir


def _types_in_file(path: Path) -> dict[str, str]:
    """node name -> its ``type`` as written in the file (read with h5py, so an unknown type can be named)."""
    _nir()
    import h5py

    try:
        with h5py.File(path, "r") as f:
            nodes = f["node"]["nodes"]
            return {name: _text(nodes[name]["type"][()]) for name in nodes}
    except (OSError, KeyError, TypeError) as exc:
        raise _refuse("E800", f"{path.name} is not a NIR graph file (HDF5 with node/nodes): {exc}", path,
                      hint="write the graph with nir.write(path, graph)") from None


def _text(value: object) -> str:
    return value.decode() if isinstance(value, bytes) else str(value)


def read_graph(path: Path):
    """The ``nir.NIRGraph`` in ``path``; an unreadable file or a primitive that NIR 1.0 does not know is E800/E801."""
    nir = _nir()

    if not path.is_file():
        raise UsageError(f"no such NIR file: {path}", code="E800")
    known = set(nir.ir.__all__) if hasattr(nir.ir, "__all__") else set()
    for name, kind in _types_in_file(path).items():
        if kind not in known:
            raise _refuse("E801", f"node '{name}' is a '{kind}', which is not a NIR 1.0 primitive", path, name,
                          hint="portasnn reads the primitives of nir 1.0 (see the README's NIR coverage table)")
    def unreadable(exc: Exception) -> NetworkError:
        return _refuse("E800", f"the nir package cannot read {path.name}: {type(exc).__name__}: {exc}", path)

    try:
        return nir.read(path)
    except Exception as exc:  # noqa: BLE001 - the nir package raises assorted errors for a malformed file
        if not (isinstance(exc, ValueError) and "Type inference error" in str(exc)):
            raise unreadable(exc) from None
        mismatch = exc  # a graph written by an older nir: read it without the type check, sizes are checked below
    try:
        graph = nir.read(path, type_check=False)
    except Exception as exc:  # noqa: BLE001
        raise unreadable(exc) from None
    warn(f"the nir package's type check fails ({mismatch}); read without it. portasnn checks that "
         "every node's size fits the nodes it connects to", code="W807", span=Span(str(path)))
    return graph


def _flat(graph, path: Path):  # noqa: ANN001
    """``graph`` with its nested graphs (snnTorch's recurrent layers) flattened (``nested``); E802 if a port of
    one cannot be resolved."""
    nir = _nir()
    try:
        return flatten(graph, lambda nodes, edges: nir.NIRGraph(nodes=nodes, edges=edges, type_check=False))
    except NestingError as exc:
        raise _refuse("E802", str(exc), path, exc.node) from None


def _name(raw: str, taken: set[str]) -> str:
    """A network-language identifier for NIR node ``raw`` (unique among ``taken``)."""
    name = re.sub(r"[^A-Za-z0-9_]", "_", raw) or "node"
    if not re.match(r"[A-Za-z_]", name):
        name = "n_" + name
    if name in _RESERVED:
        name += "_"
    return unique_name(name, taken)


def unique_name(name: str, taken: set[str]) -> str:
    """``name``, or ``name_2``, ``name_3``, ... if taken; the result is added to ``taken``."""
    base, i = name, 1
    while name in taken:
        i += 1
        name = f"{base}_{i}"
    taken.add(name)
    return name


def _fmt(x: float) -> str:
    return repr(float(x)) if not float(x).is_integer() else str(int(x)) if abs(x) < 1e15 else repr(float(x))


def _params(node, field: str, size: int, graph: Path, name: str) -> np.ndarray:
    a = np.asarray(getattr(node, field), dtype=float).reshape(-1)
    if a.size == 1 and size != 1:
        a = np.full(size, a[0])
    if a.size != size:
        raise _refuse("E805", f"node '{name}': {field} has {a.size} values for {size} neurons", graph, name)
    if not np.isfinite(a).all():
        raise _refuse("E805", f"node '{name}': {field} holds a non-finite value at index "
                      f"{int(np.flatnonzero(~np.isfinite(a))[0])}", graph, name)
    return a


def _weight_matrix(node, kind: str, graph: Path, name: str) -> tuple[np.ndarray, np.ndarray | None]:
    """(W with shape (out, in), bias or None) of a weight node."""
    if kind == "Scale":
        s = np.asarray(node.scale, dtype=float).reshape(-1)
        w, b = np.diag(s), None
    else:
        w = np.asarray(node.weight, dtype=float)
        b = np.asarray(node.bias, dtype=float).reshape(-1) if kind == "Affine" else None
    if w.ndim != 2:
        raise _refuse("E805", f"node '{name}': a {kind} weight of shape {w.shape} is not a matrix", graph, name)
    for what, a in (("weight", w), ("bias", b)):
        if a is not None and not np.isfinite(a).all():
            raise _refuse("E805", f"node '{name}': its {what} holds a non-finite value", graph, name)
    if b is not None and b.size != w.shape[0]:
        raise _refuse("E805", f"node '{name}': bias has {b.size} values for {w.shape[0]} outputs", graph, name)
    return w, b


def _connections(parts: dict[int, sp.spmatrix]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(post, pre, weight, extra delay in steps) of every stored weight of ``parts`` ({extra steps: W (out,
    in)}), duplicates summed within each delay; the same pair under two delays stays two connections."""
    got = []
    for d in sorted(parts):
        w = sp.csr_matrix(parts[d])
        w.sum_duplicates()
        w.eliminate_zeros()
        w = w.tocoo()
        got.append((w.row.astype(np.int64), w.col.astype(np.int64), w.data.astype(float),
                    np.full(w.nnz, d, np.int64)))
    return tuple(np.concatenate(a) for a in zip(*got))  # type: ignore[return-value]


def _size(node) -> int:
    shape = getattr(node, "output_type", {}) or {}
    dims = next(iter(shape.values()), None) if isinstance(shape, dict) else None
    if dims is None:
        dims = np.asarray(node.input_type["input"])
    return int(np.prod(np.asarray(dims, dtype=int))) if np.size(dims) else 1


def load_input(path: Path, inputs: dict[str, int]) -> dict[str, np.ndarray]:
    """The input array per Input node: ``.npy`` (one Input node) or ``.npz`` (an array per Input node's name),
    each of shape (steps, n) or (steps, *shape): one row per time step. An array of 0 and 1 is spikes (int8),
    any other a current per step (float64); a non-finite value or a wrong shape is E803."""
    if not path.is_file():
        raise UsageError(f"no such input file: {path}", code="E803", span=Span(str(path)))
    try:
        loaded = np.load(path, allow_pickle=False)
    except (ValueError, OSError, EOFError) as exc:
        raise UsageError(f"input file {path.name} is not a readable numpy file: {exc}", code="E803", span=Span(str(path))) from None
    if isinstance(loaded, np.ndarray):
        if len(inputs) != 1:
            raise UsageError(f"the graph has {len(inputs)} Input nodes ({', '.join(inputs)}); a .npy input holds one",
                             code="E803", span=Span(str(path)), hint="give an .npz with one array per Input node's name")
        arrays = {next(iter(inputs)): loaded}
    else:
        with loaded:
            arrays = {k: loaded[k] for k in loaded.files}
        missing = sorted(set(inputs) - set(arrays))
        if missing:
            raise UsageError(f"input file {path.name} has no array for Input node '{missing[0]}'", code="E803", span=Span(str(path)),
                             hint=f"its arrays: {', '.join(sorted(arrays)) or 'none'}")
    out = {}
    for name, n in inputs.items():
        a = np.asarray(arrays[name])
        if a.ndim < 1 or a.dtype.kind not in "biuf":
            raise UsageError(f"input for '{name}' holds {a.dtype} of shape {a.shape}, expected numbers of shape "
                             f"(steps, {n})", code="E803", span=Span(str(path)))
        a = a.reshape(a.shape[0], -1) if a.ndim > 1 else a.reshape(-1, 1)
        if a.shape[1] != n:
            raise UsageError(f"input for '{name}' has {a.shape[1]} values per step, the Input node {n}",
                             code="E803", span=Span(str(path)), hint=f"one row per time step, shape (steps, {n})")
        bad = ~np.isfinite(a)
        if bad.any():
            row, col = (int(i[0]) for i in np.nonzero(bad))
            raise UsageError(f"input for '{name}' holds {a[row, col].item()!r} at step {row}, channel {col}",
                             code="E803", span=Span(str(path)), hint="give finite values: 0/1 spikes or currents")
        out[name] = a.astype(np.int8) if np.isin(a, (0, 1)).all() else a.astype(np.float64)
    return out


def import_nir(graph_path: str | Path, outdir: str | Path, *, dt: float = 1.0, time_unit: str = "ms",
               input_path: str | Path | None = None, steps: int | None = None, force: bool = False,
               input_step: str = "pulse", reset: str = "value") -> Imported:
    """Lower the NIR graph in ``graph_path`` into ``outdir`` (see the module docstring).

    ``dt``: the time step in the graph's time unit ``time_unit`` (``s`` or ``ms``); ``input_path``: the input
    spikes (see :func:`load_input`); ``steps``: time steps to simulate (default: the input's rows, or 100);
    ``input_step`` (``pulse``, ``hold``) and ``reset`` (``value``, ``subtract``): see ``INPUT_STEPS``, ``RESETS``."""
    graph_path, out = Path(graph_path), Path(outdir)
    if time_unit not in TIME_UNITS:
        raise UsageError(f"unknown time unit '{time_unit}'", code="E804", hint="give s or ms")
    if input_step not in INPUT_STEPS or reset not in RESETS:
        raise UsageError(f"unknown input step '{input_step}' or reset '{reset}'", code="E804",
                         hint=f"give an input step of {', '.join(INPUT_STEPS)} and a reset of {', '.join(RESETS)}")
    if not (math.isfinite(dt) and dt > 0):
        raise UsageError(f"the time step must be positive, not {dt}", code="E804")
    graph = _flat(read_graph(graph_path), graph_path)
    ms = TIME_UNITS[time_unit]
    dt_ms = dt * ms
    lowering = _Lowering(graph, graph_path, dt_ms, ms, input_step, reset)
    lowering.plan()
    inputs = load_input(Path(input_path), lowering.input_sizes()) if input_path is not None else {}
    if out.exists() and any(out.iterdir()):
        if not force:
            raise UsageError(f"output directory {out} exists and is not empty", code="E804",
                             hint="give another -o DIR, or --force to replace it")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)
    return lowering.write(out, inputs, steps)


def imported_network(graph_path: Path) -> Path:
    """``load_program("graph.nir")``: the graph imported with the defaults (dt = 1 ms, no input, 100 steps) into
    the cache (``nir/<sha256 of the file>``), once per content; the path of its ``net.pnet``."""
    import hashlib

    from portasnn.paths import cache_dir

    if not graph_path.is_file():
        raise UsageError(f"no such NIR file: {graph_path}", code="E800")
    from portasnn.frontend import reads

    reads.note(graph_path)  # the program cache follows the graph, not only the files imported from it
    digest = hashlib.sha256(graph_path.read_bytes()).hexdigest()[:32]
    out = cache_dir() / "nir" / digest
    if not (out / "net.pnet").is_file():
        tmp = out.with_name(f".{digest}.{os.getpid()}")
        import_nir(graph_path, tmp, force=True)
        shutil.rmtree(out, ignore_errors=True)
        os.replace(tmp, out)
    return out / "net.pnet"


def _from_inputs(nodes: dict, edges: list[tuple[str, str]], type_of) -> list[str]:
    """The node names breadth first from the Input nodes (then any others): the .pnet reads from input to output."""
    order = [n for n, node in nodes.items() if type_of(node) == "Input"]
    i = 0
    while i < len(order):
        order += [b for a, b in edges if a == order[i] and b in nodes and b not in order]
        i += 1
    return order + [n for n in nodes if n not in order]


class _Lowering:
    """One graph's lowering: ``plan`` checks and orders everything, ``write`` writes the files."""

    def __init__(self, graph, path: Path, dt_ms: float, ms_per_unit: float, input_step: str = "pulse",
                 reset: str = "value") -> None:
        self.graph, self.path, self.dt, self.ms = graph, path, dt_ms, ms_per_unit
        self.input_step, self.reset = input_step, reset
        self.pops: dict[str, tuple[str, str, int]] = {}  # nir node -> (pnet name, primitive or "Input", size)
        # (via nodes, pre, post, {d: W (out, in)}): the weights whose path holds Delay nodes of d steps in all
        self.projections: list[tuple[str, str, str, dict[int, sp.csr_matrix]]] = []
        self.maps: dict[str, tuple] = {}  # linear node -> (matrix, bias, out shape)
        self.delays: dict[str, np.ndarray] = {}  # Delay node -> its delay per element, in steps
        self.succ: dict[str, list[str]] = {}
        self.bias: dict[str, dict[int, np.ndarray]] = {}  # population -> {d: the biases that reach it d steps late}

    def _type(self, node) -> str:
        return type(node).__name__

    def plan(self) -> None:
        nodes, edges = self.graph.nodes, [tuple(e) for e in self.graph.edges]
        taken: set[str] = set()
        for name in _from_inputs(nodes, edges, self._type):
            node = nodes[name]
            kind = self._type(node)
            if kind in KINDS or kind == "Input":
                self.pops[name] = (_name(name, taken), kind, _size(node))
            elif kind not in LINEAR and kind != "Output":
                raise _refuse("E801", f"node '{name}' is a {kind}, which portasnn does not import", self.path, name,
                              hint="the README's NIR coverage table lists what portasnn imports")
        succ: dict[str, list[str]] = {n: [] for n in nodes}
        for a, b in edges:
            for end in (a, b):
                if end not in nodes:
                    raise _refuse("E802", f"an edge names '{end}', which is not a node of the graph (a port of a "
                                  "nested graph?)", self.path, end)
            succ[a].append(b)
        self.succ = succ
        for name, (_, kind, _) in self.pops.items():
            if kind in KINDS and not KINDS[kind].spiking and any(self._type(nodes[b]) != "Output" for b in succ[name]):
                raise _refuse("E802", f"{kind} node '{name}' feeds '{next(b for b in succ[name])}': a non-spiking "
                              "output (v) into a projection is not lowered", self.path, name,
                              hint="portasnn delivers spikes between populations; a non-spiking node (LI, I, "
                                   "CubaLI) may feed only Output")
            if kind == "Input" and any(self._type(nodes[b]) == "Output" for b in succ[name]):
                raise _refuse("E802", f"Input '{name}' feeds an Output directly; nothing to simulate", self.path,
                              name)
        for name in self.pops:
            shape = self._shape(name)
            self._walk(name, name, {0: sp.identity(int(np.prod(shape)), format="csr")}, shape, (), set())
        for name, (m, b, shape) in list(self.maps.items()):  # each bias once, carried to the populations
            if b is not None:
                self._carry_bias(name, {0: b}, shape, set())
        if not any(k in KINDS for _, k, _ in self.pops.values()):
            raise _refuse("E802", "the graph has no neuron node (LIF, CubaLIF, IF, LI, I, CubaLI, Threshold)",
                          self.path)
        self._check_variant()

    def _check_variant(self) -> None:
        """What ``--reset subtract`` and ``--input-step hold`` need of the graph's parameters (E805)."""
        for name, (_, kind, size) in self.pops.items():
            node = self.graph.nodes[name]
            if self.reset == "subtract" and kind in ("LIF", "CubaLIF", "IF"):
                v_reset = _params(node, "v_reset", size, self.path, name)
                if (v_reset != 0).any():
                    raise _refuse("E805", f"node '{name}': --reset subtract takes v_reset = 0 (v = v - v_threshold),"
                                  f" but v_reset is {v_reset[v_reset != 0][0]}", self.path, name,
                                  hint="import with --reset value (v = v_reset, NIR's equations)")
            if self.input_step == "hold" and kind in ("CubaLIF", "CubaLI"):
                same = _params(node, "tau_syn", size, self.path, name) == _params(node, "tau_mem", size, self.path,
                                                                                    name)
                if same.any():
                    raise _refuse("E805", f"node '{name}': --input-step hold is not lowered for a {kind} with "
                                  f"tau_syn = tau_mem (index {int(np.flatnonzero(same)[0])})", self.path, name,
                                  hint="import with --input-step pulse")

    def model_of(self, kind: str) -> tuple[str, str]:
        """(name, NESTML text) of the model a population of primitive ``kind`` uses."""
        return model_variant(KINDS[kind].model, self.input_step, self.reset)

    def _shape(self, name: str) -> tuple[int, ...]:
        node = self.graph.nodes[name]
        dims = (node.output_type or {}).get("output")
        if dims is None or not np.size(dims):
            return (self._size_of(name),)
        return tuple(int(d) for d in np.asarray(dims).reshape(-1))

    def _map(self, name: str, shape: tuple[int, ...]):
        """(matrix, bias, out shape) of linear node ``name`` for an input of ``shape`` (E805 if it does not fit)."""
        node, kind = self.graph.nodes[name], self._type(self.graph.nodes[name])
        try:
            if kind in WEIGHTS:
                w, b = _weight_matrix(node, kind, self.path, name)
                found = maps.dense(w, b, shape)
            elif kind in ("Conv1d", "Conv2d"):
                w = np.asarray(node.weight, float)
                if not np.isfinite(w).all() or (node.bias is not None and not np.isfinite(node.bias).all()):
                    raise maps.MapError("its weight or bias holds a non-finite value")
                conv = maps.conv1d if kind == "Conv1d" else maps.conv2d
                found = conv(w, node.bias, node.stride, node.padding, node.dilation, node.groups, shape)
            elif kind == "Flatten":
                found = maps.flatten(shape)
            elif kind == "Delay":
                found = (sp.identity(int(np.prod(shape)), format="csr"), None, shape)
                self.delays[name] = self._delay_steps(name, int(np.prod(shape)))
            else:
                found = maps.pool2d(node.kernel_size, node.stride, node.padding, shape, kind == "AvgPool2d")
        except maps.MapError as exc:
            raise _refuse("E805", f"node '{name}' ({kind}): {exc}", self.path, name) from None
        if self.maps.setdefault(name, found)[2] != found[2]:
            raise _refuse("E802", f"node '{name}' ({kind}) is reached with inputs of different shapes", self.path,
                          name)
        return found

    def _delay_steps(self, name: str, size: int) -> np.ndarray:
        """The delay of each element of Delay node ``name`` in time steps (E805 unless whole steps >= 0)."""
        given = _params(self.graph.nodes[name], "delay", size, self.path, name)
        d = given * self.ms / self.dt
        steps = np.rint(d)
        bad = np.flatnonzero((d < 0) | (np.abs(d - steps) > 1e-9 * np.maximum(1.0, np.abs(d))))
        if bad.size:
            raise _refuse("E805", f"node '{name}': delay {given[bad[0]]:g} (index {int(bad[0])}) is {d[bad[0]]:g} "
                          "time steps; a delay is a whole number of steps >= 0", self.path, name,
                          hint="give --dt (and --time-unit) so that every delay is a multiple of the time step")
        return steps.astype(np.int64)

    @staticmethod
    def _through_delay(parts: dict, steps: np.ndarray) -> dict:
        """``parts`` ({d: matrix or vector, rows = the Delay node's elements}) after a Delay of ``steps`` per row."""
        out: dict = {}
        for d, m in parts.items():
            for e in np.unique(steps):
                mask = (steps == e).astype(float)
                part = sp.diags(mask) @ m if sp.issparse(m) else mask * m
                out[d + int(e)] = out[d + int(e)] + part if d + int(e) in out else part
        return out

    def _walk(self, pre: str, at: str, parts: dict, shape: tuple[int, ...], via: tuple[str, ...],
              seen: set[str]) -> None:
        """Follow the linear nodes after ``at``: every population reached gets a projection from ``pre``;
        ``parts``: {extra delay in steps: the matrix of the path so far}."""
        for q in self.succ[at]:
            kind = self._type(self.graph.nodes[q])
            rows = next(iter(parts.values())).shape[0]
            if q in self.pops:
                if kind == "Input":
                    raise _refuse("E802", f"'{at}' feeds Input '{q}'", self.path, q)
                if (self._size_of(q),) != (rows,):
                    raise _refuse("E805", f"'{'/'.join(via) or pre}' gives {rows} values {shape} to '{q}' "
                                  f"({self._size_of(q)} neurons)", self.path, via[-1] if via else pre)
                self._project("+".join(via), pre, q, parts)
            elif kind in LINEAR:
                if q in seen:
                    raise _refuse("E802", f"a cycle of weight nodes through '{q}' without a neuron node", self.path, q)
                mq, _, shape_q = self._map(q, shape)
                after = ({d: (mq @ m).tocsr() for d, m in parts.items()} if kind != "Delay"
                         else self._through_delay(parts, self.delays[q]))
                self._walk(pre, q, after, shape_q, (*via, q), seen | {q})
            elif kind == "Output" and via:
                raise _refuse("E802", f"{self._type(self.graph.nodes[at])} node '{at}' feeds Output '{q}': a "
                              "weighted output is not lowered", self.path, at,
                              hint="end the graph with a neuron node before its Output")

    def _carry_bias(self, at: str, parts: dict[int, np.ndarray], shape: tuple[int, ...], seen: set[str]) -> None:
        """Carry a bias ({extra delay in steps: vector}) from linear node ``at`` to the populations after it."""
        for q in self.succ[at]:
            kind = self._type(self.graph.nodes[q])
            if q in self.pops:
                held = self.bias.setdefault(q, {})
                for d, b in parts.items():
                    held[d] = held.get(d, np.zeros(self._size_of(q))) + b
            elif kind in LINEAR and q not in seen:
                mq, _, shape_q = self._map(q, shape)
                after = ({d: mq @ b for d, b in parts.items()} if kind != "Delay"
                         else self._through_delay(parts, self.delays[q]))
                self._carry_bias(q, after, shape_q, seen | {q})

    def _size_of(self, name: str) -> int:
        return self.pops[name][2]

    def _project(self, via: str, pre: str, post: str, parts: dict) -> None:
        self.projections.append((via, pre, post, {d: sp.csr_matrix(m) for d, m in parts.items()}))

    def _weight_unit(self, post: str) -> str:
        return KINDS[self.pops[post][1]].weight_unit

    def input_sizes(self) -> dict[str, int]:
        return {n: size for n, (_, kind, size) in self.pops.items() if kind == "Input"}

    # ---- writing ---------------------------------------------------------------------------------------------

    def write(self, out: Path, inputs: dict[str, np.ndarray], steps: int | None) -> Imported:
        files: list[Path] = []
        (out / "models").mkdir()
        texts = dict(self.model_of(k) for _, k, _ in self.pops.values() if k in KINDS)
        biased = {n: parts for n, parts in self.bias.items() if any(np.any(b != 0) for b in parts.values())}
        currents = {n for n, a in inputs.items() if a.dtype.kind == "f"}  # the others relay spikes
        if set(self.input_sizes()) - currents or biased:
            texts[RELAY] = (MODELS_DIR / f"{RELAY}.nestml").read_text()
        used = sorted(texts)
        for m in used:
            (out / "models" / f"{m}.nestml").write_text(texts[m])
            files.append(out / "models" / f"{m}.nestml")
        rows = max((a.shape[0] for a in inputs.values()), default=0)
        most = max((d for *_, parts in self.projections for d in parts), default=0)  # Delay steps
        n_steps = steps if steps is not None else (rows + len(self.pops) + 1 + most if inputs else 100)
        dt = _fmt(self.dt)
        lines = [f"# Imported from the NIR graph {self.path.name} by `portasnn import nir` (dt = {dt} ms).",
                 "# Units: ms, mV, pA (one NIR voltage unit = 1 mV, current unit = 1 pA); see the README, "
                 "\"NIR import\".",
                 f"network {_name(self.path.stem, set())}", ""]
        for m in used:
            lines.append(f'model {m} from "models/{m}.nestml"')
        lines.append("")
        for node, (pname, kind, size) in self.pops.items():
            if node in currents:
                lines.append(f"# NIR Input '{node}': currents, sent as spikes with weights straight to the layers "
                             "it feeds (the stimuli below)")
                continue
            if kind == "Input":
                lines.append(f"# NIR Input '{node}': relays the input array (one spike per 1 in a row, one step "
                             "later)")
                lines.append(f"population {pname}: {size} {RELAY} {{ {RELAY_ITEMS.format(dt=dt)} }}")
                continue
            items = self._population_items(out, files, node, pname, kind, size)
            lines.append(f"# NIR {kind} '{node}'")
            lines.append(f"population {pname}: {size} {self.model_of(kind)[0]} {{ " + ", ".join(items) + " }")
        lines.append("")
        (out / "conn").mkdir()
        count: dict[tuple[str, str], int] = {}
        projections = list(self.projections)
        bias_pop = unique_name("bias", {p for p, _, _ in self.pops.values()}) if biased else ""
        if biased:  # an Affine bias enters as NIR's simulators add it: like an input, at every step from row 0 on
            lines[-1:-1] = [
                "# The Affine biases: this relay spikes at every step from 2 dt on (started by a spike at dt, kept "
                "going by its own),",
                "# so that a bias b reaches its layer with the input's first row and at every step after: a spike "
                "of weight b",
                f"population {bias_pop}: 1 {RELAY} {{ {RELAY_ITEMS.format(dt=dt)} }}"]
            lines += [f"connect {bias_pop}_loop: {bias_pop} -> {bias_pop}: one_to_one, weight = 1, delay = {dt} ms"]
            for node, parts in biased.items():
                projections.append(("", bias_pop, node, {d: sp.csr_matrix(b.reshape(-1, 1)) for d, b in parts.items()}))
        pname_of = {**{n: p for n, (p, _, _) in self.pops.items()}, bias_pop: bias_pop}
        current_stimuli = []
        for via, pre, post, parts in projections:
            a, b = pname_of[pre], pname_of[post]
            count[(a, b)] = count.get((a, b), 0) + 1
            stem = f"{a}__{b}" + (f"_{count[(a, b)]}" if count[(a, b)] > 1 else "")
            if pre in currents:
                current_stimuli += self._current_stimuli(stem, pre, post, parts, inputs[pre])
                continue
            label = ("NIR " + " -> ".join(f"{self._type(self.graph.nodes[v])} '{v}'" for v in via.split("+"))
                     if via else f"the biases of '{post}'" if pre == bias_pop else "a direct NIR edge")
            rows, cols, data, steps = _connections(parts)
            delayed = bool(np.any(steps))
            shape = next(iter(parts.values())).shape
            lines.append(f"# {label}: {pre} -> {post}, weights (out, in) = {shape}, {data.size} stored"
                         + (f", delays of {_fmt(steps.min() + 1)} to {_fmt(steps.max() + 1)} steps (Delay)"
                            if delayed else ""))
            for sign, part in (("exc", data > 0), ("inh", data < 0)):
                if not part.any():
                    continue
                f = out / "conn" / f"{stem}_{sign}.npz"
                arrays = dict(pre=cols[part], post=rows[part], weight=data[part],
                              weight_unit=np.array(self._weight_unit(post)))
                if delayed:  # the projection's step, and the Delay nodes' steps on the path
                    arrays["delay"] = np.round((steps[part] + 1) * self.dt, 12)
                np.savez(f, **arrays)
                files.append(f)
                lines.append(f'connect {stem}_{sign}: {a} -> {b}: from_file("conn/{f.name}")'
                             + ("" if delayed else f", delay = {dt} ms"))
        lines.append("")
        lines += current_stimuli
        for node, a in inputs.items():
            pname = self.pops[node][0]
            if node in currents:
                continue
            for ch in range(a.shape[1]):
                k = np.flatnonzero(a[:, ch])
                if k.size:
                    times = ", ".join(f"{_fmt(round((i + 1) * self.dt, 9))} ms" for i in k)
                    lines.append(f"stimulus {pname}_in_{ch}: spikes(times = [{times}]) -> {pname}[{ch}] "
                                 f"weight = 1, delay = {dt} ms")
        if biased:
            lines.append(f"stimulus {bias_pop}_start: spikes(times = [{dt} ms]) -> {bias_pop}[0] weight = 1, "
                         f"delay = {dt} ms")
        lines.append("")
        for node, (pname, kind, _) in self.pops.items():
            if node in currents:
                continue
            if kind in KINDS and not KINDS[kind].spiking:
                lines.append(f"record v of {pname}")
            else:
                lines.append(f"record spikes of {pname}")
        lines.append(f"simulate {_fmt(round(n_steps * self.dt, 9))} ms resolution {dt} ms")
        pnet = out / "net.pnet"
        pnet.write_text("\n".join(lines) + "\n")
        return Imported(pnet, (pnet, *files), tuple(p for n, (p, _, _) in self.pops.items() if n not in currents))

    def _current_stimuli(self, stem: str, node: str, post: str, parts: dict[int, sp.csr_matrix],
                         x: np.ndarray) -> list[str]:
        """The stimuli that give population ``post`` the currents of Input ``node`` (``x``: (rows, n)) through the
        linear path ``parts``: per neuron, a spike at each step whose summed input is not 0, weighted by it (a
        factor of weight 1, or of -1 for the negative ones), at the time a relayed input spike of that row would
        arrive ((row + 3) dt, and the Delay steps of the path)."""
        pname, dt = self.pops[post][0], self.dt
        unit = "" if self._weight_unit(post) == "1" else " " + self._weight_unit(post)
        lines = [f"# NIR Input '{node}' -> '{post}': the currents through the weights, spikes with weights"]
        for d, m in sorted(parts.items()):
            drive = np.asarray(m @ x.T.astype(np.float64))  # (post neurons, rows)
            for i in range(drive.shape[0]):
                for sign, name in ((1, "pos"), (-1, "neg")):
                    rows = np.flatnonzero(sign * drive[i] > 0)
                    if not rows.size:
                        continue
                    times = ", ".join(f"{_fmt(round((r + 2) * dt, 9))} ms" for r in rows)
                    weights = ", ".join(_fmt(abs(drive[i, r])) for r in rows)
                    label = f"{stem}_{i}" + (f"_d{d}" if d else "")
                    lines.append(f"stimulus {label}_{name}: spikes(times = [{times}], weights = [{weights}]) -> "
                                 f"{pname}[{i}] weight = {sign}{unit}, delay = {_fmt(round((1 + d) * dt, 9))} ms")
        return lines

    def _population_items(self, out: Path, files: list[Path], node: str, pname: str, kind: str,
                          size: int) -> list[str]:
        nir_node, spec = self.graph.nodes[node], KINDS[kind]
        values = []
        for field, param, unit in spec.params:
            a = _params(nir_node, field, size, self.path, node)
            if unit == "ms":
                if (a <= 0).any():
                    raise _refuse("E805", f"node '{node}': {field} must be positive (index "
                                  f"{int(np.flatnonzero(a <= 0)[0])} is {a[a <= 0][0]})", self.path, node)
                a = a * self.ms
            values.append((param, unit, a))
        if kind in ("IF", "I"):  # no time constant: NIR's time unit enters
            values.append(("t_unit", "ms", np.full(size, self.ms)))
        items = []
        (out / "params").mkdir(exist_ok=True)
        for param, unit, a in values:
            if np.all(a == a[0]):
                items.append(f"{param} = {_fmt(a[0])}" + (f" {unit}" if unit else ""))
            else:
                f = out / "params" / f"{pname}_{param}.npy"
                np.save(f, a)
                files.append(f)
                items.append(f'{param} = file("params/{f.name}", {unit or 1})')
        items.append(f"dt = {_fmt(self.dt)} ms")
        return items
