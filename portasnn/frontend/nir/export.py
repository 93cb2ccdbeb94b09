"""NIR export (issue 16 item 4): a network whose models have a NIR primitive -> a NIR graph (``nir`` 1.0, HDF5).

The inverse of ``portasnn import nir``, with its conventions (README "NIR import"/"NIR export"): one NIR voltage
unit is 1 mV, one current unit 1 pA, times in ms (or s); a spike of weight W into a NIR neuron is W held for one
time step dt; a projection's delay of one step is the one the import adds, longer ones a ``Delay`` node (per post-
or per pre-synaptic neuron). Populations become neuron nodes (their parameters per neuron as arrays), the
projections between two populations one ``Linear`` node with the dense weight matrix (``Affine`` when the post
neurons have a constant bias current), import relays ``Input`` nodes,
recorded populations ``Output`` nodes. NEST's ``parrot_neuron`` populations become ``Input`` nodes too; the spike
times that drive an input population are input data, not part of the graph. What has no NIR primitive is refused
(E806-E811) at its statement.

Models recognised, by identity (not by name alone):
- the import's models ``nir_lif_neuron``, ``nir_cubalif_neuron``, ``nir_if_neuron``, ``nir_li_neuron``, ...
  (every model of ``KINDS``): a NESTML file whose content is the shipped model's;
- PyNN's ``IF_curr_exp`` (-> CubaLIF) and ``IF_curr_delta`` (-> LIF), NEST's ``iaf_psc_exp`` and
  ``iaf_psc_delta`` that they are (with every parameter given: NEST's defaults are not assumed), and NESTML's
  ``iaf_psc_exp_neuron`` and ``iaf_psc_delta_neuron`` (the files nestml ships, unchanged): tau_mem = tau_m,
  r = tau_m / cm, v_leak = v_rest + r i_offset (the offset current folded into the leak: exact), a weight w (pA into I_syn, or mV into v) becomes W = w tau_syn / dt (CubaLIF, w_in = 1)
  or W = w cm / dt (LIF), so that the import's jump (w_in W dt / tau_syn, r W dt / tau) is w again.
"""
from __future__ import annotations

import functools
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np

from portasnn.errors import NetworkError, Span, UsageError, warn
from portasnn.frontend.nir import (INPUT_STEPS, KINDS, MODELS_DIR, RELAY, RESETS, TIME_UNITS, model_variant,
                                   unique_name)
from portasnn.ir import datafiles
from portasnn.ir.network import ArrayFile, Distribution, ModelRef, Network, Population, Projection

#: name of each import model and its variants (``--input-step``, ``--reset``) -> (NIR primitive, sha256 of its text,
#: the reset it has); a NIR graph does not say how a step's input enters, so every variant exports as its primitive
VARIANTS = {name: (kind, hashlib.sha256(text.encode()).hexdigest(), "subtract" if name.endswith("_sub") else "value")
            for kind, spec in KINDS.items() for step in INPUT_STEPS for reset in RESETS
            for name, text in [model_variant(spec.model, step, reset)]}  # a choice that changes nothing keeps the name
#: the non-spiking primitives: their output is v, recorded
SILENT = tuple(kind for kind, spec in KINDS.items() if not spec.spiking)
#: PyNN cell type -> NIR primitive (exact mappings only, see the module docstring)
PYNN = {"IF_curr_exp": "CubaLIF", "IF_curr_delta": "LIF"}
#: NEST built-in -> the PyNN cell type that is it (``portasnn.ir.pynn_cells``: names and units)
NEST_BUILTINS = {"iaf_psc_exp": "IF_curr_exp", "iaf_psc_delta": "IF_curr_delta"}
#: NESTML's own models (the files nestml ships, unchanged) -> the PyNN cell type they are, and PyNN's names in them
ZOO = {"iaf_psc_exp_neuron": "IF_curr_exp", "iaf_psc_delta_neuron": "IF_curr_delta"}
ZOO_NAMES = {"v_rest": "E_L", "v_reset": "V_reset", "cm": "C_m", "tau_m": "tau_m", "tau_refrac": "refr_T",
             "v_thresh": "V_th", "i_offset": "I_e", "v": "V_m", "tau_syn_E": "tau_syn_exc", "tau_syn_I": "tau_syn_inh",
             "isyn_exc": "I_syn_exc", "isyn_inh": "I_syn_inh"}
#: the relay parameters ``portasnn import nir`` writes for an Input node (dt: the resolution)
RELAY_PARAMS = {"r": 1.0, "v_threshold": 0.5, "v_reset": 0.0, "v_leak": 0.0, "I_bias": 0.0}
NO_PRIMITIVE_HINT = ("NIR has LIF, CubaLIF, IF and LI neurons: use the models of `portasnn import nir`, "
                     "`pynn IF_curr_exp`/`IF_curr_delta`, `nest iaf_psc_exp`/`iaf_psc_delta` or nestml's "
                     "iaf_psc_exp_neuron/iaf_psc_delta_neuron (see the README's NIR export)")


@dataclass(frozen=True)
class Exported:
    """What ``export_nir`` wrote: the graph file and its node names (neurons, weights, inputs, outputs)."""

    path: Path
    nodes: tuple[str, ...]


@dataclass(frozen=True)
class _Neuron:
    """A population as a NIR neuron node: primitive, parameters (per neuron, NIR units), the factor per post neuron
    from a portasnn weight to NIR's W, and the constant bias its import model carries (None: none)."""

    kind: str
    params: dict[str, np.ndarray]
    scale: np.ndarray
    bias: np.ndarray | None


def _error(code: str, message: str, span: Span | None, construct: str = "", hint: str = "") -> NetworkError:
    return NetworkError(message, span=span, code=code, construct=construct, hint=hint)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def model_kind(ref: ModelRef) -> str | None:
    """The NIR primitive of model ``ref`` ("Input" is decided per population), or None if it has none."""
    if ref.kind == "pynn":
        return PYNN.get(ref.name)
    if ref.kind == "nest":
        return PYNN.get(NEST_BUILTINS.get(ref.name, ""))
    if ref.kind == "nestml" and ref.name in ZOO and ref.path and Path(ref.path).is_file():
        from portasnn.program import model_path

        shipped = model_path(ref.name)
        if shipped.is_file() and _sha(Path(ref.path)) == _sha(shipped):
            return PYNN[ZOO[ref.name]]
    if ref.kind == "nestml" and ref.name in VARIANTS and ref.path and Path(ref.path).is_file():
        kind, sha, _ = VARIANTS[ref.name]
        if _sha(Path(ref.path)) == sha:
            return kind
    return None


class _Export:
    """One network's export: ``graph()`` checks everything and builds the ``nir.NIRGraph``."""

    def __init__(self, net: Network, time_unit: str, outputs: Sequence[str] | None, materialize: bool) -> None:
        if time_unit not in TIME_UNITS:
            raise UsageError(f"unknown time unit '{time_unit}'", code="E810", hint="give s or ms")
        self.net, self.ms = net, TIME_UNITS[time_unit]
        self.dt = net.simulation.resolution
        self.outputs = outputs
        # --materialize: random values drawn as spinnaker-host draws them (netdata.build: one numpy Generator
        # seeded with the network's seed; the populations' values, then the projections, in declaration order)
        self.rng = np.random.default_rng(net.simulation.seed) if materialize else None
        self.drawn: dict[tuple[str, str], np.ndarray] = {}
        if self.rng is not None:
            from portasnn.targets.spinnaker_host.netdata import draw

            for pop in net.populations:
                for name, value in (*pop.params, *pop.initial):
                    if isinstance(value, Distribution):
                        self.drawn[(pop.name, name)] = draw(value, pop.size, self.rng, f"{pop.name}.{name}", pop.span)

    # ---- populations ---------------------------------------------------------------------------------------

    def _values(self, pop: Population, name: str, default: float, what: str = "parameter") -> np.ndarray:
        if (pop.name, name) in self.drawn:
            return self.drawn[(pop.name, name)]
        found = dict(pop.params).get(name, dict(pop.initial).get(name))
        if found is None:
            return np.full(pop.size, float(default))
        if isinstance(found, ArrayFile):
            return datafiles.parameter_values(found, pop.span)
        if isinstance(found, Distribution):
            raise _error("E809", f"population {pop.name}: {what} {name} is random ({found.kind}); a NIR graph holds "
                         "fixed values", found.span or pop.span, pop.name,
                         hint="give per-neuron values in a file: " + f'{name} = file("{name}.npy", ...), or give '
                              "--materialize to draw them from the network's seed")
        if isinstance(found, (int, float)):
            return np.full(pop.size, float(found))
        raise _error("E809", f"population {pop.name}: {name} = {found!r} is not a number", pop.span, pop.name)

    @staticmethod
    def _nestml_default(ref: ModelRef, name: str) -> float:
        return shipped_defaults(KINDS[VARIANTS[ref.name][0]].model)[name]  # a variant has its model's defaults

    def _is_relay(self, pop: Population) -> bool:
        """The relay ``portasnn import nir`` writes: its LIF with tau = dt = the resolution and the relay's
        parameters, one spike for each spike it receives, one step later."""
        ref = self.net.model(pop.model)
        if ref.kind != "nestml" or ref.name != RELAY or model_kind(ref) != "LIF":
            return False
        want = {**RELAY_PARAMS, "tau": self.dt, "dt": self.dt}
        return all(np.all(self._values(pop, k, self._nestml_default(ref, k)) == v) for k, v in want.items())

    def _is_input(self, pop: Population) -> bool:
        """A population that becomes a NIR Input: NEST's ``parrot_neuron`` (it repeats every spike it receives), or
        the import's relay; neither may have a projection into it."""
        if any(p.post == pop.name for p in self.net.projections):
            return False
        ref = self.net.model(pop.model)
        return (ref.kind == "nest" and ref.name == "parrot_neuron") or self._is_relay(pop)

    def _is_bias(self, pop: Population) -> bool:
        """The import's bias relay: one relay neuron whose only input is its own spike (weight 1, one step: once
        started it spikes at every step); its projections carry the Affine biases."""
        into = [p for p in self.net.projections if p.post == pop.name]
        return (pop.size == 1 and self._is_relay(pop) and len(into) == 1 and into[0].pre == pop.name
                and into[0].connector.rule in ("one_to_one", "all_to_all") and into[0].weight == 1.0
                and into[0].delay == self.dt)

    def neuron(self, pop: Population) -> _Neuron:
        ref = self.net.model(pop.model)
        kind = model_kind(ref)
        if kind is None:
            what = f"{ref.kind} model {ref.name}" + (f" ({Path(ref.path).name})" if ref.path else "")
            reason = ("its file differs from the model `portasnn import nir` writes" if ref.name in VARIANTS
                      else "its file differs from the one nestml ships" if ref.name in ZOO
                      else "it has no NIR primitive")
            raise _error("E806", f"population {pop.name} uses the {what}: {reason}", pop.span, pop.name,
                         hint=NO_PRIMITIVE_HINT)
        if ref.kind in ("pynn", "nest") or ref.name in ZOO:
            return self._lif_cell(pop, ref, kind)
        return self._imported(pop, ref, kind)

    def _imported(self, pop: Population, ref: ModelRef, kind: str) -> _Neuron:
        spec = KINDS[kind]
        get = lambda name: self._values(pop, name, self._nestml_default(ref, name))  # noqa: E731
        dt = get("dt")
        if not np.all(dt == self.dt):
            raise _error("E809", f"population {pop.name}: its dt ({dt[0]} ms) is not the resolution ({self.dt} ms); "
                         "NIR's input is held for one time step", pop.span, pop.name,
                         hint="set dt to the resolution, as `portasnn import nir` writes it")
        if kind in ("IF", "I") and not np.all(get("t_unit") == self.ms):
            raise _error("E809", f"population {pop.name}: t_unit is {get('t_unit')[0]} ms, the export's time unit "
                         f"{self.ms} ms", pop.span, pop.name, hint="give --time-unit to match t_unit (ms: 1, s: 1000)")
        params = {}
        for field, param, unit in spec.params:
            a = get(param)
            params[field] = a / self.ms if unit == "ms" else a
        self._initial_state(pop, {"v": 0.0, "I": 0.0} if kind in ("CubaLIF", "CubaLI") else {"v": 0.0})
        if VARIANTS[ref.name][2] == "subtract":
            warn(f"population {pop.name} resets by subtraction (v = v - v_threshold); a NIR {kind} resets to "
                 "v_reset, as a simulator that reads the graph will", code="W808", span=pop.span)
        bias = get(spec.bias)
        return _Neuron(kind, params, np.ones(pop.size), bias if np.any(bias != 0) else None)

    def _lif_cell(self, pop: Population, ref: ModelRef, kind: str) -> _Neuron:
        """A PyNN cell type, the NEST built-in it is (``iaf_psc_exp``, ``iaf_psc_delta``; NEST's names, and every
        parameter given: the export does not assume NEST's defaults) or NESTML's model of it (its names and the
        defaults of its file), as ``kind``."""
        from portasnn.ir.pynn_cells import cell_type

        cell = cell_type(ref.name if ref.kind == "pynn" else NEST_BUILTINS[ref.name] if ref.kind == "nest"
                         else ZOO[ref.name])
        assert cell is not None
        defaults = dict(cell.defaults)
        if ref.kind == "pynn":
            names = {p: p for p in cell.defaults}
        elif ref.kind == "nest":
            names = dict(cell.nest_names)
        else:
            names = {p: ZOO_NAMES[p] for p in cell.defaults}
            zoo = zoo_defaults(ref.name)
            defaults = {p: zoo[n] for p, n in names.items()}
            defaults["v"] = self._values(pop, "E_L", zoo["E_L"])  # V_m starts at the population's E_L
        given = {*dict(pop.params), *dict(pop.initial)}
        unknown = sorted(given - set(names.values()))
        if unknown:
            raise _error("E809", f"population {pop.name}: {unknown[0]} of {ref.name} has no NIR form", pop.span,
                         pop.name, hint="leave it at its default to export the population")

        def get(p: str) -> np.ndarray:
            name = names[p]
            if ref.kind == "nest" and name not in given and name != "I_e":
                raise _error("E809", f"population {pop.name}: {name} is not given; the export does not assume "
                             f"NEST's default for {ref.name}", pop.span, pop.name,
                             hint=f"give {name} in the population or its model block (or use pynn {cell.name})")
            return self._values(pop, name, defaults[p])

        refrac = get("tau_refrac")
        if np.any(refrac != 0):
            raise _error("E809", f"population {pop.name}: {names['tau_refrac']} = {refrac[refrac != 0][0]} ms; NIR's "
                         "neurons have no refractory period", pop.span, pop.name,
                         hint=f"set {names['tau_refrac']} = 0 ms to export it")
        tau_m, cm = get("tau_m"), get("cm")
        r = tau_m / cm  # mV/pA
        params = {"r": r, "v_leak": get("v_rest") + r * get("i_offset"), "v_threshold": get("v_thresh"),
                  "v_reset": get("v_reset")}
        if kind == "CubaLIF":
            tau_e, tau_i = get("tau_syn_E"), get("tau_syn_I")
            if np.any(tau_e != tau_i):
                raise _error("E809", f"population {pop.name}: {names['tau_syn_E']} ({tau_e[tau_e != tau_i][0]} ms) and "
                             f"{names['tau_syn_I']} ({tau_i[tau_e != tau_i][0]} ms) differ; NIR's CubaLIF has one "
                             "synaptic time constant", pop.span, pop.name, hint="give both the same value to export it")
            params = {"tau_syn": tau_e / self.ms, "tau_mem": tau_m / self.ms, **params, "w_in": np.ones(pop.size)}
            scale = tau_e / self.dt
        else:
            params = {"tau": tau_m / self.ms, **params}
            scale = cm / self.dt
        if ref.kind != "nest":
            states = [names[p] for p in ("v", "isyn_exc", "isyn_inh") if p in names]
            self._initial_state(pop, dict.fromkeys(states, 0.0), {names[p]: defaults[p] for p in names})
        elif names["v"] in given:
            self._initial_state(pop, {names["v"]: 0.0})
        else:
            warn(f"population {pop.name}: V_m is not given, NEST starts it at E_L, not 0; a NIR graph carries no "
                 "initial state (portasnn import nir, snnTorch and Norse start at 0)", code="W806", span=pop.span)
        return _Neuron(kind, params, scale, None)

    def _initial_state(self, pop: Population, zero: Mapping[str, float],
                       defaults: Mapping[str, float] | None = None) -> None:
        """W806 when a state does not start at 0: a NIR graph carries no initial state (the import starts at 0)."""
        given = {*dict(pop.initial), *dict(pop.params)}
        for name in zero:
            if name in given:
                values = self._values(pop, name, 0.0, "initial value")
            elif defaults is not None and name in defaults:
                values = np.atleast_1d(np.asarray(defaults[name], dtype=float))
            else:
                continue
            if np.any(values != 0):
                warn(f"population {pop.name}: {name} starts at {float(values[values != 0][0])!r}, not 0; a NIR "
                     "graph carries no initial state (portasnn import nir, snnTorch and Norse start at 0)",
                     code="W806", span=pop.span)

    # ---- projections -----------------------------------------------------------------------------------------

    def matrix(self, proj: Projection, n_pre: int, n_post: int) -> tuple[np.ndarray, np.ndarray]:
        """The dense weight matrix (post, pre) of ``proj`` in portasnn's weight unit, and the delay of each
        connection in time steps beyond the one every projection of the import takes (-1 where there is none);
        E807 where it has no NIR form."""
        def refuse(what: str, hint: str) -> NetworkError:
            return _error("E807", f"projection {proj.name} ({proj.pre} -> {proj.post}): {what}", proj.span,
                          proj.name, hint)

        if proj.plastic:
            raise refuse(f"synapse {proj.synapse} is plastic; NIR has no plasticity",
                         "export the network without it (e.g. after training, the final weights from_file)")
        if proj.receptor not in ("excitatory", "inhibitory"):
            raise refuse(f"receptor {proj.receptor} is a named port", "NIR neurons have one input")
        w = np.zeros((n_post, n_pre))
        rule = proj.connector.rule
        delay = None
        if rule == "from_file":
            assert proj.data is not None
            pre, post, weight, delay = datafiles.connections(proj.data, proj.span)
            if weight is None:
                weight = self._weights(proj, pre.size)
        elif rule in ("all_to_all", "one_to_one") or self.rng is not None:
            if rule == "one_to_one" and n_pre != n_post:
                raise refuse(f"one_to_one between {n_pre} and {n_post} neurons", "")
            if self.rng is not None:  # spinnaker-host's rules and order of draws
                from portasnn.targets.spinnaker_host.netdata import connect

                pre, post = connect(proj, n_pre, n_post, proj.pre == proj.post, self.rng)
            elif rule == "one_to_one":
                pre = post = np.arange(n_pre)
            else:
                pre, post = (a.ravel() for a in np.meshgrid(np.arange(n_pre), np.arange(n_post), indexing="ij"))
                if proj.pre == proj.post and not proj.connector.allow_autapses:
                    pre, post = pre[pre != post], post[pre != post]
            weight = self._weights(proj, pre.size)
        else:
            raise refuse(f"the {rule} connector is random; a NIR graph holds explicit weights",
                         "write the connections to a file and connect with from_file(...), or give --materialize "
                         "to draw them from the network's seed")
        np.add.at(w, (post, pre), weight)
        if delay is None:
            if isinstance(proj.delay, Distribution):
                raise refuse(f"the delay is random ({proj.delay.kind}); a NIR Delay node holds fixed delays",
                             "give the projection a constant delay, or delays in its connection file")
            delay = np.full(pre.size, self._constant(proj.delay, proj, "delay"))
        steps = np.asarray(delay, float) / self.dt - 1.0  # the import's projection takes one step
        whole = np.rint(steps)
        bad = np.flatnonzero((whole < 0) | (np.abs(steps - whole) > 1e-9 * np.maximum(1.0, np.abs(steps))))
        if bad.size:
            raise refuse(f"delay {delay[bad[0]]} ms (connection {int(bad[0])}) is not a whole number of time steps "
                         f"of at least one ({self.dt} ms); a NIR Delay node delays by whole steps beyond the one "
                         "every projection takes", f"give delays that are multiples of {self.dt} ms")
        e = np.full((n_post, n_pre), -1, np.int64)
        for i, j, k in zip(post, pre, whole.astype(np.int64)):
            if e[i, j] not in (-1, k):
                raise refuse(f"neuron {j} of {proj.pre} reaches neuron {i} of {proj.post} with two delays; a NIR "
                             "graph holds one weight and one delay per pair", "keep one connection per pair")
            e[i, j] = k
        return w, e

    def _weights(self, proj: Projection, n: int) -> np.ndarray:
        """``n`` weights of ``proj``: its constant, or (--materialize) drawn from its distribution."""
        if isinstance(proj.weight, Distribution) and self.rng is not None:
            from portasnn.targets.spinnaker_host.netdata import draw

            return draw(proj.weight, n, self.rng, f"{proj.name}.weight", proj.span)
        return np.full(n, self._constant(proj.weight, proj, "weight"))

    @staticmethod
    def _constant(value, proj: Projection, what: str) -> float:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        raise _error("E807", f"projection {proj.name} ({proj.pre} -> {proj.post}): its {what} is {type(value).__name__}"
                     f" ({value!r}), not one number; a NIR graph holds fixed weights", proj.span, proj.name,
                     hint="write the weights to a file and connect with from_file(...)")

    # ---- the graph -------------------------------------------------------------------------------------------

    def graph(self):
        from portasnn.frontend.nir import _nir

        nir = _nir()
        net = self.net
        inputs = {pop.name for pop in net.populations if self._is_input(pop)}
        biases = {pop.name for pop in net.populations if self._is_bias(pop)}
        nodes: dict[str, object] = {}
        edges: list[tuple[str, str]] = []
        neurons: dict[str, _Neuron] = {}
        for pop in net.populations:
            if pop.name in inputs:
                nodes[pop.name] = nir.Input(input_type={"input": np.array([pop.size])})
            elif pop.name in biases:
                continue
            else:
                neurons[pop.name] = n = self.neuron(pop)
                nodes[pop.name] = getattr(nir, n.kind)(**n.params)
        for stim in net.stimuli:
            if stim.target not in inputs | biases or stim.kind != "spike_times":
                raise _error("E808", f"stimulus {stim.name} ({stim.kind}) into {stim.target}: a stimulus has no NIR "
                             "primitive (a NIR graph's input is data given to its Input nodes)", stim.span, stim.name,
                             hint="drive the network through an input population (a `nest parrot_neuron`, or the "
                                  "relay of `portasnn import nir`) with spike times; they are input data, not part "
                                  "of the graph")
        taken = set(nodes)
        pairs: dict[tuple[str, str], list] = {}  # (pre, post) -> [W, delay steps, the first projection]
        bias_steps: dict[str, np.ndarray] = {}  # population -> its biases' delay steps (-1: none)
        for proj in net.projections:
            pre, post = net.population(proj.pre), net.population(proj.post)
            if pre.name in biases:  # the bias relay's own loop, and the biases of the layers it reaches
                if post.name != pre.name:
                    n = neurons[post.name]
                    w, e = self.matrix(proj, 1, post.size)
                    neurons[post.name] = n = _Neuron(n.kind, n.params, n.scale,
                                                     w[:, 0] * n.scale + (0 if n.bias is None else n.bias))
                    bias_steps[post.name] = _merge(bias_steps.get(post.name), e[:, 0], proj)
                continue
            if neurons.get(pre.name) is not None and neurons[pre.name].kind in SILENT:
                raise _error("E807", f"projection {proj.name}: {pre.name} is an {neurons[pre.name].kind} "
                             "(non-spiking) population", proj.span, proj.name,
                             hint="a non-spiking population (LI, I, CubaLI) may only be recorded")
            w, e = self.matrix(proj, pre.size, post.size)
            key = (pre.name, post.name)
            if key in pairs:
                pairs[key][0] = pairs[key][0] + w
                pairs[key][1] = _merge(pairs[key][1], e, proj)
            else:
                pairs[key] = [w, e, proj]
        biased: set[str] = set()
        for (pre, post), (w, e, proj) in pairs.items():
            n = neurons[post]
            name = unique_name(f"{pre}__{post}", taken)
            weight = w * n.scale[:, None]
            side, steps = _delay_side(e, proj)
            lag = steps if side == "post" else np.zeros(n.scale.size, np.int64)  # what a bias here arrives with
            has = bias_steps.get(post, np.full(n.scale.size, -1))
            if n.bias is not None and post not in biased and np.all((has < 0) | (has == lag)):
                biased.add(post)
                nodes[name] = nir.Affine(weight=weight, bias=n.bias.copy())
            else:
                nodes[name] = nir.Linear(weight=weight)
            if side is None:
                edges += [(pre, name), (name, post)]
                continue
            late = unique_name(f"{pre}__{post}_delay", taken)
            nodes[late] = nir.Delay(delay=steps * self.dt / self.ms)
            edges += ([(pre, late), (late, name), (name, post)] if side == "pre" else
                      [(pre, name), (name, late), (late, post)])
        for name, n in neurons.items():
            if n.bias is not None and name not in biased:
                raise _error("E809", f"population {name}: a bias and no projection into it that carries it (a "
                             "constant bias current, or biases that arrive later than the projections' delays "
                             "allow); NIR carries a bias on an Affine node, before a Delay node of the same delays",
                             net.population(name).span, name,
                             hint="connect the population from another (an Affine's weights may be 0), with the "
                                  "bias's delays")
        if not inputs:
            raise _error("E811", f"network {net.name} has no input population; a NIR graph begins at Input nodes",
                         net.simulation.span, net.name, hint="add a `nest parrot_neuron` population (driven by spike "
                         "times, connected to the network with the delay of one step): it becomes an Input node")
        for pop in self._outputs(neurons):
            out = unique_name(f"{pop}_output", taken)
            nodes[out] = nir.Output(output_type={"output": np.array([net.population(pop).size])})
            edges.append((pop, out))
        return nir.NIRGraph(nodes=nodes, edges=edges)

    def _outputs(self, neurons: Mapping[str, _Neuron]) -> list[str]:
        """The populations that get an Output node: ``outputs``, or those recorded (spikes; v of an LI)."""
        net = self.net
        if self.outputs is not None:
            for name in self.outputs:
                if name not in neurons:
                    raise UsageError(f"--nir-output {name}: no neuron population of that name in {net.name}",
                                     code="E810", hint="populations: " + ", ".join(neurons))
            return list(dict.fromkeys(self.outputs))
        found = []
        for rec in net.recorders:
            n = neurons.get(rec.population)
            if n is None:
                continue
            if (rec.kind == "spikes" and n.kind not in SILENT) or (n.kind in SILENT and "v" in rec.variables):
                found.append(rec.population)
        return list(dict.fromkeys(found))


def _merge(steps: np.ndarray | None, more: np.ndarray, proj: Projection) -> np.ndarray:
    """The delay steps of two sets of connections between the same populations (-1: none): one per pair."""
    if steps is None:
        return more
    clash = (steps >= 0) & (more >= 0) & (steps != more)
    if clash.any():
        i = np.argwhere(clash)[0]
        raise _error("E807", f"projection {proj.name} ({proj.pre} -> {proj.post}): neuron {int(i[1])} of {proj.pre} "
                     f"reaches neuron {int(i[0])} of {proj.post} with two delays; a NIR graph holds one delay per "
                     "pair", proj.span, proj.name, hint="give the pair's connections one delay")
    return np.maximum(steps, more)


def _delay_side(steps: np.ndarray, proj: Projection) -> tuple[str | None, np.ndarray]:
    """Where a NIR Delay node goes for connections with these delay steps (post, pre; -1: none): None (no delay
    beyond the projection's step), "post" (steps per post neuron: Linear -> Delay -> post) or "pre" (per pre
    neuron: pre -> Delay -> Linear), with the steps per element; E807 if they depend on both."""
    have = steps >= 0
    if not np.any(steps[have] > 0):
        return None, np.zeros(0, np.int64)
    for side, axis in (("post", 1), ("pre", 0)):
        hi = np.where(have, steps, -1).max(axis=axis)
        lo = np.where(have, steps, np.iinfo(np.int64).max).min(axis=axis)
        if np.all((hi < 0) | (hi == lo)):
            return side, np.maximum(hi, 0)
    raise _error("E807", f"projection {proj.name} ({proj.pre} -> {proj.post}): its delays depend on both the "
                 "pre- and the post-synaptic neuron; a NIR Delay node delays each element of one layer", proj.span,
                 proj.name, hint="give the delays per post-synaptic neuron (or per pre-synaptic neuron)")


@functools.lru_cache(maxsize=None)
def shipped_defaults(model: str) -> dict[str, float]:
    """The defaults (IR units: ms, mV, pA, plain) of the parameters and states of an import model, as its shipped
    file declares them (``name unit = number``; the file's identity is checked by ``model_kind``)."""
    text = (MODELS_DIR / f"{model}.nestml").read_text()
    found = re.findall(r"^\s+(\w+) (?:ms|mV|pA|real) = (-?[0-9.]+)", text, flags=re.M)
    return {name: float(value) for name, value in found}


@functools.lru_cache(maxsize=None)
def zoo_defaults(model: str) -> dict[str, float]:
    """Parameter and state defaults (IR units: the file's ms, mV, pF, pA) of NESTML's ``iaf_psc_exp_neuron`` or
    ``iaf_psc_delta_neuron`` as nestml ships it: ``name unit = number unit``; V_m starts at E_L; states at 0."""
    from portasnn.program import model_path

    text = model_path(model).read_text()
    found = {n: float(v) for n, v in re.findall(r"^\s+(\w+) \w+ = (-?[0-9.]+) \w+", text, flags=re.M)}
    return {"I_syn_exc": 0.0, "I_syn_inh": 0.0, **found, "V_m": found["E_L"]}


def _network(source, overrides: Mapping[str, str] | None) -> Network:
    """The network IR of a Program, a Network or a .pnet path (read by the frontend: no model is solved)."""
    from portasnn.ir.network import Network as Net
    from portasnn.program import Program

    if isinstance(source, Program):
        if source.network is None:
            raise UsageError("NIR export takes a network (.pnet), not model files", code="E810")
        return source.network
    if isinstance(source, Net):
        return source
    path = Path(source)
    if path.suffix != ".pnet":
        raise UsageError(f"NIR export takes a .pnet network, not {path.name}", code="E810")
    from portasnn.frontend.network import load_network

    return load_network(path, overrides)


def to_graph(source, *, time_unit: str = "ms", outputs: Sequence[str] | None = None,
             overrides: Mapping[str, str] | None = None, materialize: bool = False):
    """The ``nir.NIRGraph`` of a network (a Program, a Network or a .pnet path; see the module docstring);
    ``outputs``: the populations that get Output nodes (default: every recorded one); ``materialize``: draw random
    connectors, weights and parameters from the network's seed as spinnaker-host does (not as NEST does)."""
    return _Export(_network(source, overrides), time_unit, outputs, materialize).graph()


def export_nir(program, path: str | Path, *, time_unit: str = "ms", outputs: Sequence[str] | None = None,
               force: bool = False, overrides: Mapping[str, str] | None = None, materialize: bool = False) -> Exported:
    """Write the network of ``program`` (a Program, a Network or a .pnet path) as a NIR graph to ``path``
    (``nir.write``); see :func:`to_graph`."""
    from portasnn.frontend.nir import _nir

    path = Path(path)
    if path.exists() and not force:
        raise UsageError(f"{path} exists", code="E810", hint="give another -o path, or --force to replace it")
    graph = to_graph(program, time_unit=time_unit, outputs=outputs, overrides=overrides, materialize=materialize)
    _nir().write(path, graph)
    return Exported(path, tuple(graph.nodes))
