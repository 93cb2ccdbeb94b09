"""Build a network in Python; ``Network.ir()`` gives the same IR as the equivalent .pnet file.

Numbers are plain floats in the IR unit system (ms, mV, pA, pF, nS, Hz; a parameter in the unit its
model declares). A value may instead be a string with units, read like .pnet text: ``"0.1 mV"``,
``"2 kHz"``. Weights follow the IR's sign convention (see portasnn.ir.network): an omitted receptor
is taken from the sign; ``receptor="inhibitory"`` with a positive weight stores it negated.

    net = Network("brunel")
    net.model("exc", nest="iaf_psc_delta")
    E = net.population("E", 800, "exc", params={"V_th": 20.0}, initial={"V_m": Uniform(0.0, 20.0)})
    net.connect(E, E, FixedIndegree(80), weight=0.1, delay=1.5)
    net.synapse("stdp", nest="stdp_synapse", params={"lambda": 0.01, "Wmax": "1 mV"})   # a plastic synapse
    EE = net.connect(E, E, FixedIndegree(20), weight=0.1, delay=1.5, synapse="stdp", name="EE")
    net.record_weights(EE)                                                          # its final weights
    net.poisson("ext", targets=[E], rate=20000.0, weight=0.1, delay=1.5)
    net.record_spikes(E, subset=range(50))
    net.simulate(1000, resolution=0.1, seed=42)
    ir = net.ir()

Errors raise NetworkError (no span); ``ir()`` runs the same checks as the .pnet reader.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from portasnn.frontend.pnet import synapses as S
from portasnn.frontend.pnet import values as V
from portasnn.frontend.pnet.catalog import DefaultCatalog, ModelCatalog, info_of
from portasnn.frontend.pnet.checks import check_network, normalise_weight
from portasnn.frontend.pnet.connfiles import array_file, connection_file
from portasnn.frontend.pnet.reader import (default_projection_name, default_recorder_name, evaluate,
                                           nestml_model_path)
from portasnn.ir import network as ir
from portasnn.ir.printer import is_name, to_pnet
from portasnn.units import UNITS, Quantity

error = V.error
Number = float | int | str
PopRef = ir.Population | str


# ---- distributions and connection rules -------------------------------------------------------------
def Uniform(low: float, high: float) -> ir.Distribution:  # noqa: N802 - reads like a type in user code
    """Uniform on [low, high]."""
    return _dist("uniform", (("low", low), ("high", high)))


def Normal(mu: float, sigma: float, low: float | None = None, high: float | None = None) -> ir.Distribution:  # noqa: N802
    """Normal(mu, sigma), redrawn until inside [low, high] when bounds are given."""
    return _dist("normal", (("mu", mu), ("sigma", sigma)), low, high)


def LogNormal(mu: float, sigma: float, low: float | None = None,  # noqa: N802
              high: float | None = None) -> ir.Distribution:
    """exp(Normal(mu, sigma)) (mu, sigma of the underlying normal, dimensionless)."""
    return _dist("lognormal", (("mu", mu), ("sigma", sigma)), low, high)


def _dist(kind: str, params, low=None, high=None) -> ir.Distribution:
    vals = {k: _float(v, k) for k, v in params}
    d = V.DistValue(kind, {k: Quantity(v) for k, v in vals.items()},  # type: ignore[arg-type]
                    None if low is None else Quantity(_float(low, "low")),  # type: ignore[arg-type]
                    None if high is None else Quantity(_float(high, "high")))  # type: ignore[arg-type]
    return V.to_distribution(d, Quantity(1), f"{kind} distribution", None)  # type: ignore[arg-type]


def AllToAll(**switches: bool) -> ir.Connector:  # noqa: N802
    return ir.Connector(rule="all_to_all", **_switches(switches))


def OneToOne(**switches: bool) -> ir.Connector:  # noqa: N802
    return ir.Connector(rule="one_to_one", **_switches(switches))


def FixedIndegree(n: int, **switches: bool) -> ir.Connector:  # noqa: N802
    return ir.Connector(rule="fixed_indegree", params=(("indegree", _count(n, "indegree")),), **_switches(switches))


def FixedOutdegree(n: int, **switches: bool) -> ir.Connector:  # noqa: N802
    return ir.Connector(rule="fixed_outdegree", params=(("outdegree", _count(n, "outdegree")),),
                        **_switches(switches))


def FixedProbability(p: float, **switches: bool) -> ir.Connector:  # noqa: N802
    p = _float(p, "p")
    if not 0 <= p <= 1:
        raise error("E210", f"a connection probability must be between 0 and 1, got {p!r}", None)
    return ir.Connector(rule="fixed_probability", params=(("p", p),), **_switches(switches))


def FixedTotalNumber(n: int, **switches: bool) -> ir.Connector:  # noqa: N802
    return ir.Connector(rule="fixed_total_number", params=(("n", _count(n, "n")),), **_switches(switches))


@dataclass(frozen=True)
class FromFile:
    """Explicit connections from a connection file: ``net.connect(A, B, connector=from_file("conn.npz"))``."""

    path: str
    weight_unit: str | None = None


def from_file(path: str | Path, weight_unit: str | None = None) -> FromFile:
    """Connections listed in ``path`` (.npz with pre, post[, weight, delay, weight_unit], or an (n, 2|3|4) .npy
    whose weights are in ``weight_unit``), relative to the current directory; the .pnet's ``from_file(...)``."""
    return FromFile(str(path), weight_unit)


def file(path: str | Path, *key_and_unit: str) -> V.FileValue:
    """Per-neuron values of a population parameter: ``file("tau.npy", "ms")`` or ``file("p.npz", "V_th", "mV")``
    (relative to the current directory); the .pnet's ``file(...)``."""
    if len(key_and_unit) not in (1, 2) or not all(isinstance(x, str) for x in key_and_unit):
        raise error("E210", "file takes the file's path, for an .npz the array's name, and the unit of its values",
                    None, hint='e.g. file("tau.npy", "ms") or file("params.npz", "V_th", "mV") ("1": plain numbers)')
    unit = V.quantity(evaluate(key_and_unit[-1], "<the unit of file(...)>"), "the unit of file(...)", None)
    return V.FileValue(Path(path), key_and_unit[0] if len(key_and_unit) == 2 else None, unit, key_and_unit[-1])


def _switches(switches: Mapping[str, bool]) -> dict[str, bool]:
    unknown = set(switches) - {"autapses", "multapses"}
    if unknown:
        raise error("E216", f"unknown option {sorted(unknown)[0]!r}; use autapses= or multapses=", None)
    return {f"allow_{k}": bool(v) for k, v in switches.items()}


def _count(n: object, what: str, minimum: int = 0) -> int:
    if isinstance(n, bool) or not isinstance(n, int) and not (isinstance(n, float) and n.is_integer()):
        raise error("E208", f"{what} must be a whole number, got {n!r}", None)
    if int(n) < minimum:  # type: ignore[call-overload]
        raise error("E208", f"{what} must be at least {minimum}, got {n!r}", None)
    return int(n)  # type: ignore[call-overload]


def _float(v: object, what: str) -> float:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise error("E216", f"{what} must be a number, got {v!r}", None)
    return float(v)


# ---- the builder ---------------------------------------------------------------------------------
class Network:
    """A network under construction; see the module docstring."""

    def __init__(self, name: str, catalog: ModelCatalog | None = None) -> None:
        self.name = name
        self.catalog = catalog or DefaultCatalog()
        self._models: dict[str, ir.ModelRef] = {}
        self._pops: dict[str, ir.Population] = {}
        self._projections: list[ir.Projection] = []
        self._stimuli: list[ir.Stimulus] = []
        self._recorders: list[ir.Recorder] = []
        self._synapses: dict[str, ir.Synapse] = {}
        self._weight_recorders: list[ir.WeightRecorder] = []
        self._simulation = ir.Simulation()

    # models and populations
    def model(self, key: str, *, nest: str | None = None, nestml: str | None = None, path: str | Path | None = None,
              name: str | None = None, spinnaker_solver: str | None = None, substeps: int | None = None,
              pynn: str | None = None) -> str:
        """Declare a model: ``nest="iaf_psc_delta"`` (built-in), ``nestml="iaf_psc_exp_neuron"`` (shipped with
        nestml), ``path="my.nestml"`` (with ``name=`` for a model inside a multi-model file) or
        ``pynn="IF_curr_exp"`` (a PyNN standard cell type: parameters by PyNN's names, e.g.
        ``params={"cm": "0.25 nF"}``; see ``portasnn.ir.pynn_cells``). Returns ``key``.
        ``spinnaker_solver`` (``"euler"``/``"rk2"``) and ``substeps``: the model's own numerics on the spinnaker
        targets (a command's ``--spinnaker-solver``/``--substeps`` take precedence)."""
        _check_name(key, "model name")
        if key in self._models:
            raise error("E205", f"model '{key}' is defined twice", None)
        if sum(x is not None for x in (nest, nestml, path, pynn)) != 1:
            raise error("E216", "give exactly one of nest=, nestml=, path= or pynn=", None)
        if pynn is not None:
            from portasnn.ir.pynn_cells import CELL_TYPES

            if pynn not in CELL_TYPES:
                raise error("E280", f"portasnn does not know the PyNN cell type '{pynn}'", None,
                            hint="known PyNN cell types: " + ", ".join(sorted(CELL_TYPES)))
            ref = ir.ModelRef(key=key, kind="pynn", name=pynn)
        elif nest is not None:
            ref = ir.ModelRef(key=key, kind="nest", name=_check_name(nest, "NEST model"))
        else:
            file = nestml_model_path(nestml) if nestml is not None else Path(path)  # type: ignore[arg-type]
            if not file.is_file():
                raise error("E206", f"NESTML model file not found: {file}", None)
            if spinnaker_solver not in (None, "euler", "rk2"):
                raise error("E216", f"spinnaker_solver must be euler or rk2, not {spinnaker_solver!r}", None)
            if substeps is not None and not (isinstance(substeps, int) and 1 <= substeps <= 64):
                raise error("E216", f"substeps must be a whole number from 1 to 64, not {substeps!r}", None)
            ref = ir.ModelRef(key=key, kind="nestml", name=name or nestml or file.stem, path=str(file.resolve()),
                              solver=spinnaker_solver, substeps=substeps)
        self._models[key] = ref
        return key

    def population(self, name: str, size: int, model: str, params: Mapping[str, ir.Value | str] | None = None,
                   initial: Mapping[str, ir.Value | str] | None = None,
                   weight_scaling: str | ir.WeightScaling | None = None) -> ir.Population:
        """Add ``size`` neurons of ``model``. State variables given in ``params`` count as initial values.
        ``weight_scaling``: the ring-buffer weight scaling on the spinnaker targets, ``"auto"``, ``"spynnaker"``,
        ``"shift:1,2"`` or ``"max:2,8"`` (per synapse type, in the network's weight unit), see
        ``portasnn.weight_scaling``."""
        _check_name(name, "population name")
        if name in self._pops:
            raise error("E205", f"population '{name}' is defined twice", None)
        size = _count(size, f"the size of population {name}", minimum=1)
        if model not in self._models:
            raise error("E206", f"unknown model '{model}'", None, hint="declare it with net.model(...) first")
        info = info_of(self.catalog, self._models[model])
        out: dict[bool, list[tuple[str, ir.Value]]] = {False: [], True: []}
        for is_initial, entries in ((False, params or {}), (True, initial or {})):
            for key, value in entries.items():
                if info is not None and not info.knows(key):
                    raise error("E207", f"model {model} has no parameter or state variable '{key}'", None)
                if info is not None and is_initial and key not in info.state:
                    raise error("E207", f"'{key}' is a parameter of model {model}, not a state variable", None)
                unit = info.unit_of(key) if info is not None else None
                state = is_initial or (info is not None and key in info.state)
                what = f"{key} of population {name}"
                out[state].append((key, array_file(value, unit, size, what, Path.cwd())
                                   if isinstance(value, V.FileValue) else self._value(value, unit, what)))
        scaling = None
        if weight_scaling is not None:
            from portasnn import weight_scaling as ws

            scaling = ws.check(weight_scaling, f"{name}: {weight_scaling}") if isinstance(
                weight_scaling, ir.WeightScaling) else ws.parse_spec(str(weight_scaling), with_population=False)[1]
        pop = ir.Population(name=name, size=size, model=model, params=tuple(out[False]), initial=tuple(out[True]),
                            weight_scaling=scaling)
        self._pops[name] = pop
        return pop

    def synapse(self, key: str, *, nest: str | None = None, nestml: str | Path | None = None,
                params: Mapping[str, float | str] | None = None) -> str:
        """Declare a synapse model: a NESTML one (``nestml="stdp_synapse"`` for a model nestml ships, or the path of
        a .nestml file), its ``params`` by the model's names (plain numbers in the declared units, or strings with
        units); or a NEST built-in (``nest="stdp_synapse"``), ``params`` plain numbers in NEST's units or strings with
        units, ``Wmax`` in the weight unit of the projections that use it (a plain number being taken in that unit).
        Returns ``key``, for ``connect(..., synapse=key)``."""
        _check_name(key, "synapse name")
        if key in self._synapses:
            raise error("E205", f"synapse '{key}' is defined twice", None)
        if (nest is None) == (nestml is None):
            raise error("E241", f"synapse {key}: give one of nest=... and nestml=...", None)
        if nestml is not None:
            self._synapses[key] = self._nestml_synapse(key, nestml, params or {})
            return key
        model = S.nest_synapse(f"nest:{nest}", None)
        values: list[tuple[str, float]] = []
        weight_unit: str | None = None
        for name, value in (params or {}).items():
            unit = S.parameter_unit(model, name, None)
            what = f"{name} of synapse {key} ({model})"
            if unit is None and isinstance(value, str):
                q = V.quantity(evaluate(value, f"<{what}>"), what, None)
                weight_unit = S.unit_text(q)
                number = float(V.to_value(q, None, what, None, allowed=V.WEIGHT_DIMS))  # type: ignore[arg-type]
            else:
                number = self._value(value, unit, what)
                if isinstance(number, (bool, ir.Distribution)):
                    raise error("E216", f"{what} must be a number", None)
            S.check_value(model, name, number, None)
            values.append((name, number))
        self._synapses[key] = ir.Synapse(key=key, kind="nest", name=model, params=tuple(values),
                                         weight_unit=weight_unit if weight_unit is not None else "?")
        return key

    def _nestml_synapse(self, key: str, source: str | Path, params: Mapping[str, float | str]) -> ir.Synapse:
        text = str(source)
        source = text if text.endswith(".nestml") else f"nestml:{text.removeprefix('nestml:')}"
        path, model = S.nestml_synapse(source, Path.cwd(), None)
        values: dict[str, float] = {}
        for name, value in params.items():
            _var, unit = S.nestml_parameter(model, name, None)
            number = self._value(value, unit, f"{name} of synapse {key} ({model.name})")
            if isinstance(number, (bool, ir.Distribution)):
                raise error("E216", f"{name} of synapse {key} must be a number", None)
            values[name] = float(number)
        return ir.Synapse(key=key, kind="nestml", name=model.name, params=S.with_defaults(model, values),
                          path=str(path), rule=S.rule_of(model))

    # projections and stimuli
    def connect(self, pre: PopRef, post: PopRef, rule: ir.Connector | FromFile | None = None, *,
                weight: ir.Value | str | None = None, delay: ir.Value | str | None = None,
                receptor: str | None = None, autapses: bool | None = None, multapses: bool | None = None,
                name: str | None = None, synapse: str = "static",
                connector: ir.Connector | FromFile | None = None) -> ir.Projection:
        """Connect ``pre`` to ``post`` with a rule (FixedIndegree(...), ..., or ``from_file(...)``; ``connector=`` is
        the same); weight in the receptor's unit; ``synapse``: "static" or a key of :meth:`synapse`. A connection
        file's own weights and delays take the place of ``weight``/``delay``."""
        pre_pop, post_pop = self._pop(pre), self._pop(post)
        if (rule is None) == (connector is None):
            raise error("E210", "give the connection rule once (positionally or as connector=...)", None)
        rule = rule if rule is not None else connector
        if isinstance(rule, FromFile):
            return self._connect_file(pre_pop, post_pop, rule, weight, delay, receptor, name, synapse)
        for needed, given in (("weight", weight), ("delay", delay)):
            if given is None:
                raise error("E216", f"connect {pre_pop.name} -> {post_pop.name} needs {needed}=...", None)
        if not isinstance(rule, ir.Connector):
            raise error("E210", f"a connection rule must be AllToAll(), FixedIndegree(n), ..., got {rule!r}", None)
        switches = {k: v for k, v in (("allow_autapses", autapses), ("allow_multapses", multapses)) if v is not None}
        rule = ir.Connector(rule=rule.rule, params=rule.params,
                            allow_autapses=switches.get("allow_autapses", rule.allow_autapses),
                            allow_multapses=switches.get("allow_multapses", rule.allow_multapses))
        taken = {p.name for p in self._projections}
        name = _check_name(name, "projection name") if name else default_projection_name(pre_pop.name, post_pop.name,
                                                                                           taken)
        if name in taken:
            raise error("E205", f"projection '{name}' is defined twice", None)
        w, d, receptor = self._weight_delay(weight, delay, receptor, post_pop, f"connect {pre_pop.name} -> "
                                            f"{post_pop.name}")
        if synapse != "static" and synapse not in self._synapses:
            raise error("E242", f"unknown synapse '{synapse}'", None,
                        hint="known synapses: " + ", ".join(["static", *self._synapses]) + " (declare it with "
                        "net.synapse(...) first)")
        proj = ir.Projection(name=name, pre=pre_pop.name, post=post_pop.name, connector=rule, weight=w, delay=d,
                             receptor=receptor, synapse=synapse)
        self._projections.append(proj)
        return proj

    def _connect_file(self, pre: ir.Population, post: ir.Population, rule: FromFile, weight, delay,
                      receptor: str | None, name: str | None, synapse: str) -> ir.Projection:
        taken = {p.name for p in self._projections}
        name = _check_name(name, "projection name") if name else default_projection_name(pre.name, post.name, taken)
        if name in taken:
            raise error("E205", f"projection '{name}' is defined twice", None)
        if receptor is not None:
            _check_name(receptor, "receptor")
        if synapse != "static" and synapse not in self._synapses:
            raise error("E242", f"unknown synapse '{synapse}'", None)
        what = f"connect {pre.name} -> {post.name}"
        parse = (lambda v, w: evaluate(v, f"<{w} of {what}>") if isinstance(v, str) else
                 v if v is None or isinstance(v, ir.Distribution) else Quantity(_float(v, w)))
        unit = None
        if rule.weight_unit is not None:
            unit = (V.quantity(evaluate(rule.weight_unit, "<weight_unit>"), "weight_unit", None), rule.weight_unit)
        raw_delay = parse(delay, "the delay")
        if isinstance(raw_delay, Quantity) and raw_delay.dimensionless and not isinstance(delay, str):
            raw_delay = raw_delay * UNITS["ms"]
        raw_weight = parse(weight, "the weight")
        if isinstance(raw_weight, Quantity) and not isinstance(weight, str):
            info = info_of(self.catalog, self._models[post.model])
            wunit = info.weight_rule(receptor)[0] if info is not None else None
            raw_weight = raw_weight * wunit if wunit is not None else raw_weight
        if isinstance(raw_weight, ir.Distribution) or isinstance(raw_delay, ir.Distribution):
            raise error("E252", f"a random weight or delay for the connections of file {rule.path} is not supported",
                        None, hint="draw the values yourself and save them in the file")
        data, w, d, receptor = connection_file(Path(rule.path), Path.cwd(), pre, post,
                                               info_of(self.catalog, self._models[post.model]), receptor,
                                               raw_weight, raw_delay, unit, None, {})  # type: ignore[arg-type]
        proj = ir.Projection(name=name, pre=pre.name, post=post.name, connector=ir.Connector(rule="from_file"),
                             weight=w, delay=d, receptor=receptor, synapse=synapse, data=data)
        self._projections.append(proj)
        return proj

    def poisson(self, name: str, *, targets: Iterable[PopRef], rate: Number, weight: ir.Value | str,
                delay: ir.Value | str, receptor: str | None = None, start: Number | None = None,
                stop: Number | None = None, subset: Iterable[int] | None = None) -> list[ir.Stimulus]:
        """An independent Poisson train of ``rate`` (Hz) into every neuron of each target."""
        params = [("rate", self._value(rate, UNITS["Hz"], "rate"))]
        params += [(k, self._value(v, UNITS["ms"], k)) for k, v in (("start", start), ("stop", stop)) if v is not None]
        return self._stimulus(name, "poisson", targets, params, subset, (weight, delay, receptor))

    def spike_times(self, name: str, *, targets: Iterable[PopRef], times: Sequence[Number], weight: ir.Value | str,
                    delay: ir.Value | str, receptor: str | None = None, subset: Iterable[int] | None = None,
                    weights: Sequence[float] | None = None) -> list[ir.Stimulus]:
        """The same spike times (ms) sent to every neuron of each target; ``weights``: a factor >= 0 per spike
        (spike k has weight ``weights[k] * weight``)."""
        params = [("times", tuple(self._value(t, UNITS["ms"], "a spike time") for t in times))]
        if weights is not None:
            params.append(("weights", tuple(float(f) for f in weights)))
        return self._stimulus(name, "spike_times", targets, params, subset, (weight, delay, receptor))

    def dc(self, name: str, *, targets: Iterable[PopRef], amplitude: Number, start: Number | None = None,
           stop: Number | None = None, subset: Iterable[int] | None = None) -> list[ir.Stimulus]:
        """A constant current (pA) into every neuron of each target, from ``start`` to ``stop`` (ms)."""
        params = [("amplitude", self._value(amplitude, UNITS["pA"], "amplitude"))]
        params += [(k, self._value(v, UNITS["ms"], k)) for k, v in (("start", start), ("stop", stop)) if v is not None]
        return self._stimulus(name, "dc", targets, params, subset, None)

    def ac(self, name: str, *, targets: Iterable[PopRef], amplitude: Number, frequency: Number, offset: Number = 0.0,
           phase: float = 0.0, start: Number | None = None, stop: Number | None = None,
           subset: Iterable[int] | None = None) -> list[ir.Stimulus]:
        """A sine current offset + amplitude sin(2 pi frequency (t - start) + phase) (pA, Hz, degrees), as PyNN's
        ACSource, from ``start`` to ``stop`` (ms)."""
        params = [("amplitude", self._value(amplitude, UNITS["pA"], "amplitude")),
                  ("frequency", self._value(frequency, UNITS["Hz"], "frequency")),
                  ("offset", self._value(offset, UNITS["pA"], "offset")), ("phase", float(phase))]
        params += [(k, self._value(v, UNITS["ms"], k)) for k, v in (("start", start), ("stop", stop)) if v is not None]
        return self._stimulus(name, "ac", targets, params, subset, None)

    def noise(self, name: str, *, targets: Iterable[PopRef], mean: Number, stdev: Number, dt: Number,
              start: Number | None = None, stop: Number | None = None,
              subset: Iterable[int] | None = None) -> list[ir.Stimulus]:
        """A Gaussian current (mean, stdev in pA) drawn anew every ``dt`` (ms) for each neuron, as PyNN's
        NoisyCurrentSource, from ``start`` to ``stop``."""
        params = [("mean", self._value(mean, UNITS["pA"], "mean")), ("stdev", self._value(stdev, UNITS["pA"], "stdev")),
                  ("dt", self._value(dt, UNITS["ms"], "dt"))]
        params += [(k, self._value(v, UNITS["ms"], k)) for k, v in (("start", start), ("stop", stop)) if v is not None]
        return self._stimulus(name, "noise", targets, params, subset, None)

    def step(self, name: str, *, targets: Iterable[PopRef], times: Sequence[Number], amplitudes: Sequence[Number],
             subset: Iterable[int] | None = None) -> list[ir.Stimulus]:
        """A piecewise-constant current: ``amplitudes[i]`` (pA) from ``times[i]`` (ms) on."""
        params = [("times", tuple(self._value(t, UNITS["ms"], "a step time") for t in times)),
                  ("amplitudes", tuple(self._value(a, UNITS["pA"], "a step amplitude") for a in amplitudes))]
        return self._stimulus(name, "step", targets, params, subset, None)

    def _stimulus(self, name, kind, targets, params, subset, spiking) -> list[ir.Stimulus]:
        _check_name(name, "stimulus name")
        pops = [self._pop(t) for t in targets]
        taken = {(s.name, s.target) for s in self._stimuli}
        for i, pop in enumerate(pops):
            if (name, pop.name) in taken or pop in pops[:i]:
                raise error("E205", f"stimulus '{name}' into {pop.name} is defined twice", None)
        if not pops:
            raise error("E219", f"stimulus {name} has no targets", None)
        out = []
        for pop in pops:
            extra: dict = {}
            if spiking is not None:
                w, d, r = self._weight_delay(*spiking[:2], spiking[2], pop, f"stimulus {name}")
                extra = {"weight": w, "delay": d, "receptor": r}
            out.append(ir.Stimulus(name=name, kind=kind, target=pop.name, params=tuple(params),
                                   subset=None if subset is None else tuple(subset), **extra))
        self._stimuli.extend(out)
        return out

    # recorders and simulation
    def record_spikes(self, population: PopRef, *, subset: Iterable[int] | None = None,
                      name: str | None = None) -> ir.Recorder:
        """Record the spikes of a population (or of the neurons in ``subset``, 0-based)."""
        return self._record(population, "spikes", (), subset, 0.1, name)

    def record(self, population: PopRef, variables: str | Sequence[str], *, subset: Iterable[int] | None = None,
               interval: Number | None = None, name: str | None = None) -> ir.Recorder:
        """Record state ``variables`` of ``subset`` every ``interval`` ms (default: the resolution)."""
        names = (variables,) if isinstance(variables, str) else tuple(variables)
        if "spikes" in names:
            raise error("E216", "use record_spikes() to record spikes", None)
        return self._record(population, "state", names, subset, interval, name)

    def record_weights(self, projection: ir.Projection | str, *, name: str | None = None, every=None,  # noqa: ANN001
                       subset=None) -> ir.WeightRecorder:  # noqa: ANN001
        """Record the final weights of a plastic projection (``weights/<pre>__<post>.npz`` in the results) and,
        with ``every`` (e.g. ``"100 ms"``), the weights of the synapses onto the post-synaptic neurons ``subset``
        (indices; None: all) during the run (``weights/<pre>__<post>.trajectory.npz``)."""
        proj_name = projection.name if isinstance(projection, ir.Projection) else projection
        proj = next((p for p in self._projections if p.name == proj_name), None)
        if proj is None:
            raise error("E245", f"no projection '{proj_name}' to record weights of", None,
                        hint="known projections: " + (", ".join(p.name for p in self._projections) or "none"))
        taken = {r.name for r in (*self._recorders, *self._weight_recorders)}
        name = _check_name(name, "recorder name") if name else default_recorder_name(proj.name, ("weights",), taken)
        if name in taken:
            raise error("E205", f"recorder '{name}' is defined twice", None)
        info = info_of(self.catalog, self._models[self._pops[proj.post].model])
        unit = S.unit_text(info.weight_rule(proj.receptor)[0]) if info is not None else ""
        if subset is not None and every is None:
            raise error("E216", "the final weights are those of the whole projection: give every=... with a subset",
                        None)
        rec = ir.WeightRecorder(name=name, projection=proj.name, unit=unit,
                                interval=None if every is None else self._value(every, UNITS["ms"], "interval"),
                                subset=None if subset is None else tuple(int(i) for i in subset))
        self._weight_recorders.append(rec)
        return rec

    def _record(self, population, kind, variables, subset, interval, name) -> ir.Recorder:
        pop = self._pop(population)
        taken = {r.name for r in self._recorders}
        name = _check_name(name, "recorder name") if name else default_recorder_name(pop.name, variables, taken)
        if name in taken:
            raise error("E205", f"recorder '{name}' is defined twice", None)
        rec = ir.Recorder(name=name, kind=kind, population=pop.name, variables=variables,
                          subset=None if subset is None else tuple(subset),
                          interval=-1.0 if interval is None else self._value(interval, UNITS["ms"], "interval"))
        self._recorders.append(rec)
        return rec

    def simulate(self, duration: Number, *, resolution: Number = 0.1, seed: int = 1, threads: int = 1,
                 processes: int = 1) -> None:
        """Simulation settings (ms); without this call the IR defaults apply."""
        self._simulation = ir.Simulation(duration=self._value(duration, UNITS["ms"], "duration"),
                                         resolution=self._value(resolution, UNITS["ms"], "resolution"),
                                         seed=_count(seed, "seed", 1), threads=_count(threads, "threads", 1),
                                         processes=_count(processes, "processes", 1))

    # results
    def ir(self) -> ir.Network:
        """The network IR, after the same checks as a .pnet file gets."""
        res = self._simulation.resolution
        recorders = tuple(r if r.interval != -1.0 else ir.Recorder(
            name=r.name, kind=r.kind, population=r.population, variables=r.variables, subset=r.subset,
            interval=res) for r in self._recorders)
        net = ir.Network(name=self.name, models=tuple(self._models.values()), populations=tuple(self._pops.values()),
                         projections=tuple(self._projections), stimuli=tuple(self._stimuli), recorders=recorders,
                         simulation=self._simulation, synapses=self._finish_synapses(),
                         weight_recorders=tuple(self._weight_recorders))
        check_network(net, self.catalog)
        return net

    def to_pnet(self) -> str:
        """The network as .pnet text."""
        return to_pnet(self.ir(), self.catalog)

    def _finish_synapses(self) -> tuple[ir.Synapse, ...]:
        """A ``Wmax`` given as a plain number is in the weight unit of the (first) projection that uses it."""
        out = []
        for syn in self._synapses.values():
            if syn.weight_unit == "?":
                users = [p for p in self._projections if p.synapse == syn.key]
                unit = ""
                if users and syn.param(S.WEIGHT_BOUND) is not None:
                    info = info_of(self.catalog, self._models[self._pops[users[0].post].model])
                    unit = S.unit_text(info.weight_rule(users[0].receptor)[0]) if info is not None else ""
                syn = ir.Synapse(key=syn.key, kind=syn.kind, name=syn.name, params=syn.params, weight_unit=unit)
            out.append(syn)
        return tuple(out)

    # helpers
    def _pop(self, ref: PopRef) -> ir.Population:
        name = ref.name if isinstance(ref, ir.Population) else ref
        if name not in self._pops:
            raise error("E209", f"unknown population '{name}'", None,
                        hint="known populations: " + (", ".join(self._pops) or "none"))
        return self._pops[name]

    def _value(self, value, unit: Quantity | None, what: str, allowed: tuple = ()):
        """A float (IR units), bool or Distribution as given, or a string like "0.1 mV" converted."""
        if isinstance(value, str):
            return V.to_value(evaluate(value, f"<{what}>"), unit, what, None, allowed)
        if isinstance(value, (bool, ir.Distribution)):
            return value
        return _float(value, what)

    def _weight_delay(self, weight, delay, receptor, post: ir.Population, what: str):
        if receptor is not None:
            _check_name(receptor, "receptor")
        info = info_of(self.catalog, self._models[post.model])
        if isinstance(weight, str):
            w = V.to_weight(evaluate(weight, f"<the weight of {what}>"), info, receptor, post.model,
                            f"the weight of {what}", None)
        else:
            w = self._value(weight, None, f"the weight of {what}")
        w, receptor = normalise_weight(w, receptor, None)
        return w, self._value(delay, UNITS["ms"], f"the delay of {what}"), receptor


def _check_name(name: str, what: str) -> str:
    if not isinstance(name, str) or not is_name(name):
        raise error("E216", f"{what} {name!r} is not a valid name", None,
                    hint="use letters, digits and '_' (not starting with a digit), not a keyword or unit name")
    return name


__all__ = ["Network", "Uniform", "Normal", "LogNormal", "AllToAll", "OneToOne", "FixedIndegree", "FixedOutdegree",
           "FixedProbability", "FixedTotalNumber"]
