"""Network IR: populations, projections, stimuli, recorders and simulation settings.

Plain immutable data. Every node that came from user text keeps its ``span``.

Unit system (values are plain floats, normalised once by the frontend or the builder):
time ms, voltage mV, current pA, capacitance pF, conductance nS, rate Hz; anything else is in
the unit the model declares for that parameter. A projection's weight is in the unit of the
receptor it targets (pA for current synapses, nS for conductance synapses, mV for delta
synapses), as in NEST; targets convert to their own units (PyNN: nA, uS, nF).

Weight sign invariant: for receptor "excitatory" weights are >= 0 and for "inhibitory" <= 0
(NEST's convention, where the sign routes the spike). The frontend and the builder normalise:
an omitted receptor is taken from the sign; ``receptor inhibitory`` with a positive constant
(PyNN's convention) is stored negated; an excitatory receptor with a negative constant is a
user error. PyNN-based targets use ``abs(weight)`` and ``receptor_type``.
For a named port (multi-receptor models) the weight is stored as written.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, Union

from portasnn.errors import Span

DistKind = Literal["uniform", "normal", "lognormal"]
RuleKind = Literal["all_to_all", "one_to_one", "fixed_indegree", "fixed_outdegree", "fixed_probability",
                   "fixed_total_number", "from_file"]
StimKind = Literal["poisson", "dc", "step", "spike_times", "ac", "noise"]
ScalingMode = Literal["spynnaker", "auto", "shifts", "max"]
OMIT_IF_DEFAULT = {"omit_if_default": True}  # dataclass field metadata: not serialised while at its default


@dataclass(frozen=True, slots=True, kw_only=True)
class Distribution:
    """A random value drawn per neuron or per connection.

    uniform: params low, high; normal: mu, sigma; lognormal: mu, sigma (of the underlying normal).
    ``low``/``high`` bound the draw (redrawn until inside, as NEST's ``redraw`` / PyNN's ``boundaries``).
    """

    kind: DistKind
    params: tuple[tuple[str, float], ...]
    low: float | None = None
    high: float | None = None
    span: Span | None = field(default=None, compare=False)

    def param(self, name: str) -> float:
        return dict(self.params)[name]


@dataclass(frozen=True, slots=True, kw_only=True)
class ArrayFile:
    """Per-neuron values of a population's parameter or initial value, kept in an array file (issue 16 item 2):
    ``file("tau.npy", ms)`` or ``file("params.npz", "V_th", mV)``.

    ``path`` relative to the network's file, ``sha256`` its content hash, ``key`` the array's name in an .npz
    (None for an .npy), ``size`` its length (the population's), ``unit`` the unit written in the call; a file value
    times ``factor`` is the value in the IR unit of the parameter. ``source``: where it was read (not hashed).
    ``portasnn.ir.datafiles.parameter_values`` reads it.
    """

    path: str
    sha256: str
    key: str | None = None
    size: int
    unit: str = ""
    factor: float = 1.0
    source: str | None = field(default=None, compare=False)


Value = Union[float, int, bool, Distribution, tuple[float, ...], ArrayFile]
"""A constant, a distribution, (for spike times and step amplitudes) a tuple of floats, or (for population
parameters and initial values) per-neuron values from an array file."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ModelRef:
    """A neuron model used by populations.

    ``kind`` "nest": a NEST built-in by ``name`` (e.g. "iaf_psc_delta"); "nestml": model ``nestml_name``
    from the NESTML file ``path`` (absolute, resolved by the frontend), built by portasnn; "pynn": PyNN's
    standard cell type ``name`` (e.g. "IF_curr_exp", ``portasnn.ir.pynn_cells``), NEST's built-in on nest and
    sPyNNaker's built-in on the spinnaker targets, its populations' parameters by PyNN's names in IR units.
    ``key`` is the name populations use to refer to it.
    """

    key: str
    kind: Literal["nest", "nestml", "pynn"]
    name: str
    path: str | None = None
    span: Span | None = field(default=None, compare=False)
    # the model's own numerics on the spinnaker targets (.pnet: `model k from "...", spinnaker_solver = rk2,
    # substeps = 2`); a command's --spinnaker-solver/--substeps take precedence
    solver: str | None = field(default=None, metadata=OMIT_IF_DEFAULT)
    substeps: int | None = field(default=None, metadata=OMIT_IF_DEFAULT)


@dataclass(frozen=True, slots=True, kw_only=True)
class Synapse:
    """A plastic synapse model used by projections (``synapse = key``; without it a projection is static).

    ``kind`` "nestml": a NESTML synapse model ``name`` from ``path`` (see below). ``kind`` "nest": the NEST
    built-in ``name`` (so far ``stdp_synapse``), ``params`` in NEST's units (ms, plain
    numbers); its weight bound ``Wmax`` is in ``weight_unit``, the IR unit of the weights it bounds ("mV", "pA",
    "nS", or "" for plain numbers), which must be the weight unit of every projection that uses it.
    Parameters not given keep NEST's defaults. The depression time constant ``tau_minus`` (default 20 ms) is
    given here too; NEST keeps it on the post-synaptic neuron, where the nest target sets it.
    """

    key: str
    kind: Literal["nest", "nestml"]
    name: str
    params: tuple[tuple[str, float], ...] = ()
    weight_unit: str = ""
    span: Span | None = field(default=None, compare=False)
    # kind "nestml": the model file (absolute), params in the units the model declares (as NEST's status
    # dictionary has them), weights plain numbers in NEST's unit of the post-synaptic receptor; ``rule`` names
    # the rule when the model is, up to its parameter values, one the spinnaker targets know ("stdp_synapse":
    # nestml's all-to-all pair STDP)
    path: str = field(default="", metadata=OMIT_IF_DEFAULT)
    rule: str = field(default="", metadata=OMIT_IF_DEFAULT)

    def param(self, name: str) -> float | None:
        return dict(self.params).get(name)


@dataclass(frozen=True, slots=True, kw_only=True)
class WeightRecorder:
    """The final weights of projection ``projection`` (a plastic one), at the end of the run, in ``unit`` (the
    IR unit of its weights, "" for plain numbers); with ``interval`` (ms) also the weights of the synapses onto the
    post-synaptic neurons ``subset`` (0-based; None: all) every ``interval`` ms of the run (their trajectories)."""

    name: str
    projection: str
    unit: str = ""
    span: Span | None = field(default=None, compare=False)
    interval: float | None = field(default=None, metadata=OMIT_IF_DEFAULT)
    subset: tuple[int, ...] | None = field(default=None, metadata=OMIT_IF_DEFAULT)


@dataclass(frozen=True, slots=True, kw_only=True)
class WeightScaling:
    """How the spinnaker targets choose a population's ring-buffer left shift per synapse type.

    A weight w is stored as the 16-bit integer ``rint(w * 2**(15 - shift))``; the summed input of one tick
    saturates at ``65535 * 2**(shift - 15)``. ``mode``:
    "spynnaker": sPyNNaker's own estimate (the default); "shifts": ``values`` are the shifts, one per
    synapse type of the model, in its order; "max": ``values`` are sPyNNaker's ``max_expected_summed_weight``
    per synapse type (magnitudes, in the network's weight unit of that synapse type); "auto": measured,
    the smallest shift per synapse type whose range holds the largest summed input of a measurement run
    (at sPyNNaker's shifts, raised where it saturates) with headroom, with no saturation in the final run
    (``targets/spinnaker_host/runner.py``).
    """

    mode: ScalingMode = "spynnaker"
    values: tuple[float, ...] = ()
    span: Span | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Population:
    name: str
    size: int
    model: str  # a ModelRef.key
    params: tuple[tuple[str, Value], ...] = ()
    initial: tuple[tuple[str, Value], ...] = ()
    span: Span | None = field(default=None, compare=False)
    weight_scaling: WeightScaling | None = field(default=None, metadata=OMIT_IF_DEFAULT)


@dataclass(frozen=True, slots=True, kw_only=True)
class Connector:
    """Connection rule. params: indegree / outdegree (int), p (float), n (int) for fixed_total_number."""

    rule: RuleKind
    params: tuple[tuple[str, float | int], ...] = ()
    allow_autapses: bool = True
    allow_multapses: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class ConnectionFile:
    """Explicit connections of a ``from_file`` projection, kept in an array file (``.npz``/``.npy``), not inlined.

    ``path`` is relative to the network's file (as written), ``sha256`` the file's content hash (so the IR hash,
    the program cache and bundles change when the file does); ``source`` is where it was read (not hashed).
    ``count`` connections; ``weights``/``delays``: the file gives them (else the projection's ``weight``/``delay``
    apply to every connection). A file weight times ``weight_factor`` is the IR weight (unit and sign convention);
    ``weight_unit`` is the unit the file's weights are written in. ``portasnn.ir.datafiles.connections`` reads it.
    """

    path: str
    sha256: str
    count: int
    weights: bool = False
    delays: bool = False
    weight_unit: str = ""
    weight_factor: float = 1.0
    source: str | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Projection:
    name: str
    pre: str
    post: str
    connector: Connector
    weight: Value
    delay: Value  # ms
    receptor: str = "excitatory"  # "excitatory" | "inhibitory" | a named spike input port of the post model
    synapse: str = "static"  # "static", or the key of a Synapse of the network
    span: Span | None = field(default=None, compare=False)
    synapse_span: Span | None = field(default=None, compare=False, metadata=OMIT_IF_DEFAULT)  # of `synapse = ...`
    # connector rule "from_file": the explicit connections; ``weight`` is then the largest-magnitude file weight
    # (or the default weight when the file has none) and ``delay`` the default delay
    data: ConnectionFile | None = field(default=None, metadata=OMIT_IF_DEFAULT)

    @property
    def plastic(self) -> bool:
        return self.synapse != "static"


@dataclass(frozen=True, slots=True, kw_only=True)
class Stimulus:
    """An input to every neuron of ``target`` (or of ``subset``).

    poisson: params rate (Hz), start/stop (ms, optional); each target neuron gets an independent train,
    delivered with ``weight``/``delay``/``receptor`` like a projection.
    dc: amplitude (pA), start/stop; step: times (ms tuple), amplitudes (pA tuple);
    spike_times: times (ms tuple) sent to every target neuron with weight/delay/receptor; optional weights (a
    tuple of factors >= 0, one per time): spike k has weight weights[k] * weight, as NEST's spike_weights.
    ac: amplitude, offset (pA), frequency (Hz), phase (degrees), start/stop (ms): offset + amplitude sin(2 pi
    frequency (t - start) + phase) from start to stop, as PyNN's ACSource.
    noise: mean, stdev (pA), dt (ms), start/stop: a current drawn anew every dt, Gaussian (mean, stdev), independent
    per neuron, as PyNN's NoisyCurrentSource (NEST's noise_generator).
    """

    name: str
    kind: StimKind
    target: str
    params: tuple[tuple[str, Value], ...] = ()
    weight: Value = 0.0
    delay: Value = 0.0
    receptor: str = "excitatory"
    subset: tuple[int, ...] | None = None
    span: Span | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Recorder:
    """spikes: record spikes of ``population`` (all, or ``subset`` of 0-based indices);
    state: record ``variables`` of ``subset`` every ``interval`` ms."""

    name: str
    kind: Literal["spikes", "state"]
    population: str
    variables: tuple[str, ...] = ()
    subset: tuple[int, ...] | None = None
    interval: float = 0.1
    span: Span | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Simulation:
    duration: float = 1000.0  # ms
    resolution: float = 0.1  # ms
    seed: int = 1
    threads: int = 1
    processes: int = 1
    span: Span | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True, kw_only=True)
class Network:
    name: str
    models: tuple[ModelRef, ...] = ()
    populations: tuple[Population, ...] = ()
    projections: tuple[Projection, ...] = ()
    stimuli: tuple[Stimulus, ...] = ()
    recorders: tuple[Recorder, ...] = ()
    simulation: Simulation = Simulation()
    source: str | None = field(default=None, compare=False)  # the .pnet file, if any
    synapses: tuple[Synapse, ...] = field(default=(), metadata=OMIT_IF_DEFAULT)
    weight_recorders: tuple[WeightRecorder, ...] = field(default=(), metadata=OMIT_IF_DEFAULT)

    def population(self, name: str) -> Population:
        for pop in self.populations:
            if pop.name == name:
                return pop
        raise KeyError(name)

    def model(self, key: str) -> ModelRef:
        for ref in self.models:
            if ref.key == key:
                return ref
        raise KeyError(key)

    def synapse(self, key: str) -> Synapse:
        for syn in self.synapses:
            if syn.key == key:
                return syn
        raise KeyError(key)

    def projection(self, name: str) -> Projection:
        for proj in self.projections:
            if proj.name == name:
                return proj
        raise KeyError(name)
