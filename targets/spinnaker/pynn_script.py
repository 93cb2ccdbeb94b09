"""Network IR -> a PyNN script for sPyNNaker (``import pyNN.spiNNaker as p``).

The script imports the generated model classes (``python_models/portasnn_models``), builds the
populations, projections (PyNN connectors, ``abs(weight)`` in PyNN units with ``receptor_type``),
stimuli (SpikeSourcePoisson, SpikeSourceArray, DCSource, StepCurrentSource, ACSource, NoisyCurrentSource) and recorders,
runs, and writes each recorded population with neo (``results/<population>.pkl``).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from portasnn.errors import InternalError, NetworkError
from portasnn.ir import network as nir

from . import rows as synaptic_rows
from .lower import Lowered

PACKAGE = "portasnn_models"


@dataclass
class ScriptView:
    name: str
    source: str
    resolution: float
    duration: float
    seed: int
    imports: list[tuple[str, str]]                 # (module stem, class)
    lines: list[str] = field(default_factory=list)
    recorded: list[str] = field(default_factory=list)  # python variable names of populations
    data_files: dict[str, str] = field(default_factory=dict)  # path next to the script -> text (connection lists)
    # record weights: (projection variable, "<pre>__<post>", projection name, unit, factor sPyNNaker -> network unit)
    weights: list[tuple[str, str, str, str, float]] = field(default_factory=list)
    # record weights ... every: (projection variable, "<pre>__<post>", projection name, unit, factor, interval ms,
    # post-synaptic subset or None)
    trajectories: list[tuple[str, str, str, str, float, float, list | None]] = field(default_factory=list)
    network: nir.Network | None = field(default=None, repr=False, compare=False)
    # the results directory the script writes (board_results.py): meta.json without versions, and per population
    # the recorded variables, sPyNNaker's name -> (the network's name, its unit, factor recorded -> network unit,
    # the unit sPyNNaker labels it with, or "" where that label is wrong)
    meta: dict = field(default_factory=dict)
    spikes: dict[str, list[int] | None] = field(default_factory=dict)  # population -> neurons recorded (None: all)
    trace_names: dict[str, dict[str, tuple[str, str, float, str]]] = field(default_factory=dict)
    # `portasnn export pynn`: one script for every PyNN backend (the simulator from its command line)
    portable: bool = False


def class_name(model_name: str) -> str:
    return "".join(part[:1].upper() + part[1:] for part in model_name.split("_") if part)


def exact_scale(x, factor: float) -> np.ndarray:  # noqa: ANN001 - a number or an array
    """``x * factor`` into PyNN's unit, chosen among the neighbours of ``x / round(1 / factor)`` so that
    portasnn.pynn's conversion back (``y * 1000.0`` for nA, nF, uS) gives ``x`` again, bit for bit (the plain
    product is sometimes one unit in the last place away)."""
    x = np.asarray(x, float)
    if abs(factor) == 1.0:
        return x * factor
    back = float(round(1.0 / factor))
    y = x / back
    bad = y * back != x
    for k in (1, 2):
        for direction in (np.inf, -np.inf):
            z = y
            for _ in range(k):
                z = np.nextafter(z, direction)
            fix = bad & (z * back == x)
            y, bad = np.where(fix, z, y), bad & ~fix
    return y


def _value(v: nir.Value, factor: float, what: str, span, exact: bool = False) -> str:  # noqa: ANN001
    if isinstance(v, bool):
        return repr(v)
    if isinstance(v, (int, float)):
        return repr(float(exact_scale(float(v), factor))) if exact else repr(float(v) * factor)
    if isinstance(v, tuple):
        if exact:
            return repr([float(x) for x in exact_scale([float(x) for x in v], factor)])
        return repr([float(x) * factor for x in v])
    if isinstance(v, nir.Distribution):
        d = dict(v.params)
        bounds = [b * factor for b in (v.low, v.high) if b is not None]
        if v.kind == "uniform":
            lo, hi = sorted((d["low"] * factor, d["high"] * factor))
            return f'p.RandomDistribution("uniform", low={lo!r}, high={hi!r}, rng=rng)'
        if v.kind == "normal":
            mu, sigma = d["mu"] * factor, d["sigma"] * abs(factor)
            if v.low is not None or v.high is not None:
                lo = min(bounds) if v.low is not None else -math.inf
                hi = max(bounds) if v.high is not None else math.inf
                return (f'p.RandomDistribution("normal_clipped", mu={mu!r}, sigma={sigma!r}, low={lo!r}, '
                        f'high={hi!r}, rng=rng)')
            return f'p.RandomDistribution("normal", mu={mu!r}, sigma={sigma!r}, rng=rng)'
        if v.kind == "lognormal" and factor > 0 and v.low is None and v.high is None:
            return f'p.RandomDistribution("lognormal", mu={d["mu"] + math.log(factor)!r}, sigma={d["sigma"]!r}, rng=rng)'
    raise NetworkError(f"{what}: this value cannot be written for PyNN on SpiNNaker", span=span, code="E350")


def _connector(c: nir.Connector, span, portable: bool = False) -> str:  # noqa: ANN001
    """The PyNN connector of ``c``; a portable script's random connectors draw with ``**RNG``."""
    text = _connector_call(c, span)
    if portable and c.rule not in ("all_to_all", "one_to_one"):
        text = text[:-1] + ", **RNG)"
    return text


def _connector_call(c: nir.Connector, span) -> str:  # noqa: ANN001
    prm = dict(c.params)
    self_ = f"allow_self_connections={c.allow_autapses!r}"
    if c.rule == "all_to_all":
        return f"p.AllToAllConnector({self_})"
    if c.rule == "one_to_one":
        return "p.OneToOneConnector()"
    if c.rule == "fixed_indegree":
        return f"p.FixedNumberPreConnector({int(prm['indegree'])}, {self_}, with_replacement={c.allow_multapses!r})"
    if c.rule == "fixed_outdegree":
        return f"p.FixedNumberPostConnector({int(prm['outdegree'])}, {self_}, with_replacement={c.allow_multapses!r})"
    if c.rule == "fixed_probability":
        return f"p.FixedProbabilityConnector({float(prm['p'])!r}, {self_})"
    if c.rule == "fixed_total_number":
        return f"p.FixedTotalNumberConnector({int(prm['n'])}, {self_}, with_replacement={c.allow_multapses!r})"
    raise NetworkError(f"connection rule '{c.rule}' has no PyNN connector", span=span, code="E351")


def _var(name: str) -> str:
    return "pop_" + "".join(ch if ch.isalnum() else "_" for ch in name)


def max_expected_summed_weight(pop: nir.Population, scaling: nir.WeightScaling, low: Lowered,
                               board: bool) -> list[float] | None:
    """What sPyNNaker reads to choose ``pop``'s ring-buffer shifts (``additional_parameters``), in PyNN units,
    or None for its own estimate. Shifts S become 0.75 * 2**S / global weight scale, for which sPyNNaker
    chooses S again; maxima are converted from the network's weight unit. ``auto`` is refused for a
    board (E773): it needs a run on spinnaker-host, which reports the shifts to pin."""
    from portasnn import weight_scaling as ws

    ws.check_types(pop.name, scaling, low.synapse_types)
    if scaling.mode == "shifts":
        return [ws.max_for_shift(int(v)) / low.global_weight_scale for v in scaling.values]
    if scaling.mode == "max":
        return [v * low.weight_to_model[s] for s, v in enumerate(scaling.values)]
    if scaling.mode == "auto" and board:
        raise NetworkError(f"population '{pop.name}': automatic weight scaling is measured on spinnaker-host, "
                           "a board build needs the shifts", span=scaling.span or pop.span, code="E773",
                           hint="run on spinnaker-host with auto (`portasnn run` prints the shifts; meta.json lists "
                           f"them), then --weight-scaling {pop.name}=shift:S,...")
    return None


def script_view(net: nir.Network, lowered: dict[str, Lowered], scalings: dict[str, nir.WeightScaling] | None = None,
                board: bool = True, portable: bool = False) -> ScriptView:
    """``lowered``: model key -> Lowered model (every model the populations use); ``scalings``: population ->
    its resolved weight scaling (``portasnn.weight_scaling.resolve``); ``board``: the script is for a board.

    ``portable``: for ``portable_script.py.j2`` (PyNN standard cell types only): sPyNNaker's own population
    parameters only on sPyNNaker (``**on_spinnaker(...)``), the script's ``rng`` only where sPyNNaker allows one
    (``**RNG``), inhibitory weights of current-based cells negative (pyNN.nest requires it; sPyNNaker takes the
    magnitude), and numbers in PyNN's units that portasnn.pynn converts back to exactly the network's."""
    sim = net.simulation
    stems = {}
    for key, low in lowered.items():
        if not getattr(low, "builtin", False):  # sPyNNaker's own cell types (issue 14 item 5) are p.<name>
            stems[low.stem] = class_name(low.name)
    from .plasticity import population_rules
    from .stdp import OWN_TIMING

    for rule in population_rules(net).values():
        if rule.timing in OWN_TIMING:  # portasnn's own timing dependences (stdp.py); export refuses plastic ones
            stems[OWN_TIMING[rule.timing].module] = OWN_TIMING[rule.timing].cls
    view = ScriptView(net.name, Path(net.source).name if net.source else "", sim.resolution, sim.duration, sim.seed,
                      imports=sorted(stems.items()), portable=portable)
    view.network = net
    L = view.lines
    for pop in net.populations:
        low = lowered.get(pop.model)
        if low is None:
            raise NetworkError(f"population '{pop.name}': model '{pop.model}' has no SpiNNaker build", span=pop.span,
                               code="E352")
        conv = {q.name: q.net_to_pynn for q in low.params}
        conv.update({s.name: s.net_to_pynn for s in low.states if s.exposed})
        args = []
        for name, value in (*pop.params,):
            if name not in conv:
                raise NetworkError(f"population '{pop.name}': model '{low.name}' has no parameter '{name}'",
                                   span=pop.span, code="E207")
            args.append(f"{name}={_chip_rng(low, _param_value(view, pop, name, value, conv[name]), portable)}")
        extra = ""
        msw = max_expected_summed_weight(pop, (scalings or {}).get(pop.name) or nir.WeightScaling(), low, board)
        if msw is not None:
            extra = f", 'max_expected_summed_weight': {msw!r}"
        cls = f"p.{low.name}" if getattr(low, "builtin", False) else class_name(low.name)
        spinnaker = f"{{'seed': {sim.seed * 1000 + len(L)}{extra}}}"
        spinnaker = f"**on_spinnaker({spinnaker})" if portable else f"additional_parameters={spinnaker}"
        L.append(f"{_var(pop.name)} = p.Population({pop.size}, {cls}({', '.join(args)}), label={pop.name!r}, "
                 f"{spinnaker})")
        for name, value in pop.initial:
            if name not in conv:
                raise NetworkError(f"population '{pop.name}': model '{low.name}' has no state '{name}'",
                                   span=pop.span, code="E207")
            value_text = _chip_rng(low, _param_value(view, pop, name, value, conv[name]), portable)
            L.append(f"{_var(pop.name)}.initialize({name}={value_text})")
    for k, proj in enumerate(net.projections, start=1):
        low = lowered[net.population(proj.post).model]
        stype = _stype(low, proj.receptor, proj.span)
        if proj.data is not None:
            _file_projection(view, proj, low, stype, k)
            continue
        check_weight_sign(low.name, proj.receptor, proj.weight, proj.span)
        w = _value(proj.weight, _weight_factor(view, low, stype, proj.weight), f"{proj.name}.weight", proj.span,
                   exact=portable)
        d = _value(proj.delay, 1.0, f"{proj.name}.delay", proj.span)
        head = ""
        if proj.plastic:
            head = f"proj{k} = "
            _record_weights(view, net, proj, low, stype, f"proj{k}")
        L.append(f"{head}p.Projection({_var(proj.pre)}, {_var(proj.post)}, "
                 f"{_connector(proj.connector, proj.span, portable)}, "
                 f"synapse_type={_synapse(net, proj, low, stype, w, d, portable)}, receptor_type="
                 f"{low.synapse_types[stype]!r}, label={proj.name!r})")
    for k, stim in enumerate(net.stimuli):
        src = f"src{k}_{stim.name}"
        target = _var(stim.target) + (f"[{list(stim.subset)!r}]" if stim.subset is not None else "")
        n_target = len(stim.subset) if stim.subset is not None else net.population(stim.target).size
        prm = dict(stim.params)
        low = lowered[net.population(stim.target).model]
        if stim.kind in ("poisson", "spike_times"):
            stype = _stype(low, stim.receptor, stim.span)
            check_weight_sign(low.name, stim.receptor, stim.weight, stim.span)
            w = _value(stim.weight, _weight_factor(view, low, stype, stim.weight), f"{stim.name}.weight", stim.span,
                       exact=portable)
            d = _value(stim.delay, 1.0, f"{stim.name}.delay", stim.span)
            syn = f"synapse_type=p.StaticSynapse(weight={w}, delay={d}), receptor_type={low.synapse_types[stype]!r}"
            if stim.kind == "poisson":
                extra = ""
                if "start" in prm:
                    extra += f", start={float(prm['start'])!r}"
                if "stop" in prm:
                    extra += f", duration={float(prm['stop']) - float(prm.get('start', 0.0))!r}"
                L.append(f"{src} = p.Population({n_target}, p.SpikeSourcePoisson(rate="
                         f"{_value(prm['rate'], 1.0, stim.name, stim.span)}{extra}), label={stim.name + '_' + stim.target!r})")
                L.append(f"p.Projection({src}, {target}, p.OneToOneConnector(), {syn})")
            elif "weights" not in prm:
                L.append(f"{src} = p.Population(1, p.SpikeSourceArray(spike_times="
                         f"{_value(prm['times'], 1.0, stim.name, stim.span)}), label={stim.name + '_' + stim.target!r})")
                L.append(f"p.Projection({src}, {target}, p.AllToAllConnector(), {syn})")
            else:  # spikes with their own weights: a source per distinct factor, its weight on its connections
                if not isinstance(stim.weight, (int, float)) or not isinstance(stim.delay, (int, float)):
                    raise NetworkError(f"stimulus {stim.name}: spikes with weights need a constant weight and delay "
                                       "on SpiNNaker", span=stim.span, code="E350")
                groups = factor_groups(prm["weights"])
                if not groups:
                    continue
                times = np.asarray(prm["times"], float)
                trains = [[float(t) for t in times[sent]] for _, sent in groups]
                ids = list(stim.subset) if stim.subset is not None else range(n_target)  # into the population:
                conns = [(g, int(j), float(w) * f, float(d))  # sPyNNaker 7.4.1's FromListConnector fails on a
                         for g, (f, _) in enumerate(groups) for j in ids]  # PopulationView
                L.append(f"{src} = p.Population({len(groups)}, p.SpikeSourceArray(spike_times={trains!r}), "
                         f"label={stim.name + '_' + stim.target!r})")
                L.append(f"p.Projection({src}, {_var(stim.target)}, p.FromListConnector({conns!r}), "
                         f"receptor_type={low.synapse_types[stype]!r})")
        elif stim.kind in ("dc", "step", "ac", "noise"):
            check_current_receptor(low.name, low.current_port, stim.receptor, stim.span)
        if stim.kind == "dc":
            extra = "".join(f", {k}={float(prm[k])!r}" for k in ("start", "stop") if k in prm)
            L.append(f"{target}.inject(p.DCSource(amplitude={_value(prm['amplitude'], 1e-3, stim.name, stim.span)}"
                     f"{extra}))")
        elif stim.kind == "step":
            L.append(f"{target}.inject(p.StepCurrentSource(times={_value(prm['times'], 1.0, stim.name, stim.span)}, "
                     f"amplitudes={_value(prm['amplitudes'], 1e-3, stim.name, stim.span)}))")
        elif stim.kind in ("ac", "noise"):  # start and stop always: sPyNNaker's default stop is 0
            if stim.kind == "noise" and abs(float(prm["dt"]) - sim.resolution) > 1e-9 * sim.resolution:
                raise NetworkError(f"stimulus {stim.name}: sPyNNaker 7.4.1's NoisyCurrentSource draws a new value "
                                   f"every time step only; dt is {float(prm['dt'])!r} ms, the resolution "
                                   f"{sim.resolution!r} ms", span=stim.span, code="E350", construct=stim.name,
                                   hint="give dt = the resolution for the spinnaker target")
            nA = ("amplitude", "offset") if stim.kind == "ac" else ("mean", "stdev")
            args = [f"{k}={float(prm[k]) * (1e-3 if k in nA else 1.0)!r}" for k in
                    (("amplitude", "offset", "frequency", "phase") if stim.kind == "ac" else ("mean", "stdev", "dt"))
                    if k in prm]
            args += [f"start={float(prm.get('start', 0.0))!r}", f"stop={float(prm.get('stop', sim.duration))!r}"]
            cls = "ACSource" if stim.kind == "ac" else "NoisyCurrentSource"
            L.append(f"{target}.inject(p.{cls}({', '.join(args)}))")
    for rec in net.recorders:
        target = _var(rec.population) + (f"[{list(rec.subset)!r}]" if rec.subset is not None else "")
        if rec.kind == "spikes":
            L.append(f'{target}.record("spikes")')
            had = view.spikes.get(rec.population, [])
            view.spikes[rec.population] = None if rec.subset is None or had is None else \
                sorted(set(had) | {int(k) for k in rec.subset})
        else:
            low = lowered[net.population(rec.population).model]
            names = getattr(low, "record_names", {})
            variables = [names.get(v, v) for v in rec.variables]
            L.append(f"{target}.record({variables!r}, sampling_interval={float(rec.interval)!r})")
            for var, board in zip(rec.variables, variables):
                view.trace_names.setdefault(rec.population, {})[board] = (var, *_trace_unit(low, var, board,
                                                                                             rec.span))
        if _var(rec.population) not in view.recorded:
            view.recorded.append(_var(rec.population))
    view.meta = {"target": "spinnaker", "network": net.name, "duration_ms": float(sim.duration),
                 "resolution_ms": float(sim.resolution), "seed": int(sim.seed),
                 "populations": {pop.name: {"size": int(pop.size), "model": lowered[pop.model].name}
                                 for pop in net.populations}}
    if portable:  # the script imports RandomDistribution from pyNN.random; RNG is {} on sPyNNaker
        view.lines = [line.replace("p.RandomDistribution(", "RandomDistribution(").replace(", rng=rng)", ", **RNG)")
                      for line in L]
    return view


def _trace_unit(low, var: str, board: str, span) -> tuple[str, float, str]:  # noqa: ANN001
    """(the network's unit of recorded ``var`` of ``low``, factor board value -> network value, the unit sPyNNaker
    labels the recording with, "" where that label is wrong), as spinnaker-host converts it."""
    if getattr(low, "builtin", False):
        from portasnn.ir.pynn_cells import CELL_TYPES, IR_UNIT, SPYNNAKER_SIGN

        unit = next((s.unit for s in CELL_TYPES[low.name].state if s.name == var), None)
        if unit is not None:  # isyn_exc recorded as gsyn_exc: labelled uS, but the current in nA
            factor = SPYNNAKER_SIGN.get(var, 1.0) * IR_UNIT[unit][1]  # isyn_inh: a magnitude on the board
            return IR_UNIT[unit][0], float(factor), unit if board == var else ""
    else:
        rec = next((r for r in low.recordables if r.name == var), None)
        if rec is not None:  # the C record in chip units, as the generated class declares them
            return rec.unit, float(rec.to_network), rec.pynn_unit
    raise NetworkError(f"model '{low.name}' cannot record '{var}' on SpiNNaker", span=span, code="E207")


def factor_groups(factors) -> list[tuple[float, np.ndarray]]:  # noqa: ANN001 - a tuple of floats
    """The spikes of a ``spikes(times, weights)`` stimulus by factor: (factor, which spikes) per distinct factor
    other than 0, ascending; one source each on the spinnaker targets (spinnaker-host mirrors the script)."""
    factors = np.asarray(factors, float)
    return [(float(f), factors == f) for f in np.unique(factors) if f != 0]


def _weight_factor(view: ScriptView, low: Lowered, stype: int, weight: nir.Value) -> float:
    """The network's weight -> PyNN's: a magnitude for sPyNNaker (the receptor type gives the sign); in a
    portable script a current-based cell's inhibitory weight stays negative, as pyNN.nest requires."""
    from portasnn.ir.pynn_cells import CELL_TYPES

    keep_sign = view.portable and CELL_TYPES[low.name].weight_unit != "nS"
    return (1.0 if keep_sign else _sign(weight)) * low.weight_to_model[stype]


def _chip_rng(low, text: str, portable: bool = False) -> str:  # noqa: ANN001
    """sPyNNaker draws a built-in cell type's random values on the chip, seeded by the population's ``seed``, and
    refuses a RandomDistribution with its own ``rng`` there (issue 14 item 5); a portable script passes ``**RNG``,
    empty on sPyNNaker."""
    return text.replace(", rng=rng)", ")") if getattr(low, "builtin", False) and not portable else text


def _param_value(view: ScriptView, pop: nir.Population, name: str, value: nir.Value, factor: float) -> str:
    """A population's parameter or initial value for PyNN; per-neuron values from a file (issue 16 item 2) are
    written as text next to the script (PyNN units) and loaded from there."""
    if not isinstance(value, nir.ArrayFile):
        return _value(value, factor, f"{pop.name}.{name}", pop.span, exact=view.portable)
    from portasnn.ir import datafiles

    values = datafiles.parameter_values(value, pop.span)
    values = exact_scale(values, factor) if view.portable else values * factor
    rel = f"parameters/{''.join(ch if ch.isalnum() else '_' for ch in pop.name)}__{name}.txt"
    view.data_files[rel] = f"# {pop.name}.{name} from {value.path} (PyNN units), one value per neuron\n" + \
        "\n".join(repr(float(v)) for v in values) + "\n"
    return f"numpy.loadtxt(os.path.join(HERE, {rel!r}), ndmin=1)"


def _file_projection(view: ScriptView, proj: nir.Projection, low: Lowered, stype: int, k: int) -> None:
    """A ``from_file`` projection as a ``FromListConnector`` (issue 16 item 2): its list (pre, post, weight in
    PyNN units as a magnitude, delay in ms) is written as text next to the script and loaded from there."""
    from portasnn.ir import datafiles

    data = proj.data
    assert data is not None
    pre, post, fw, fd = datafiles.connections(data, proj.span)
    negative = float(fw.min()) if fw is not None and fw.size and fw.min() < 0 else proj.weight
    check_weight_sign(low.name, proj.receptor, negative, proj.span)
    if not pre.size:
        view.lines.append(f"# {proj.name}: {data.path} lists no connections")
        return
    for what, value in (("weight", proj.weight), ("delay", proj.delay)):
        if not isinstance(value, (int, float)) or isinstance(value, bool):
            raise InternalError(f"{proj.name}.{what}: a connection file's default {what} must be a number (the "
                                "network checks should have refused it)")
    d = fd if fd is not None else np.full(pre.size, float(proj.delay))
    row = synaptic_rows.check_file_projection(view.network, proj, len(low.synapse_types), pre, post, d)
    if row is not None:
        raise NetworkError(synaptic_rows.describe(proj, row, view.network.population(proj.post).size), span=proj.span,
                           code="E354", construct=proj.name, hint="remove repeated connections, or split them "
                           "over several projections")
    w = fw if fw is not None else np.full(pre.size, float(proj.weight))
    factor = _weight_factor(view, low, stype, -1.0 if w.size and w.min() < 0 else 1.0)
    w = exact_scale(w, factor) if view.portable else np.abs(w) * low.weight_to_model[stype]
    name = f"connections/{k}_{''.join(ch if ch.isalnum() else '_' for ch in proj.name)}.txt"
    rows = [f"{int(a)} {int(b)} {float(x)!r} {float(y)!r}" for a, b, x, y in zip(pre, post, w, d)]
    view.data_files[name] = f"# {proj.name} from {data.path}: pre post weight delay (PyNN units)\n" + \
        "\n".join(rows) + "\n"
    var = f"conn_{k}"
    view.lines.append(f"{var} = numpy.loadtxt(os.path.join(HERE, {name!r}), ndmin=2)")
    head = ""
    if proj.plastic:
        head = f"proj{k} = "
        _record_weights(view, view.network, proj, low, stype, f"proj{k}")
    synapse = _synapse(view.network, proj, low, stype, portable=view.portable)
    view.lines.append(f"{head}p.Projection({_var(proj.pre)}, {_var(proj.post)}, p.FromListConnector({var}, "
                      f"column_names=['weight', 'delay']), synapse_type={synapse}"
                      f", receptor_type={low.synapse_types[stype]!r}, label={proj.name!r})")


def _synapse(net: nir.Network, proj: nir.Projection, low: Lowered, stype: int, w: str | None = None,
             d: str | None = None, portable: bool = False) -> str:
    """The PyNN synapse type of a projection: StaticSynapse, or sPyNNaker's STDPMechanism for a plastic one
    (SpikePairRule with A_plus/A_minus and the weight bounds in sPyNNaker's weight unit, or its triplet rule,
    plasticity.py).
    ``portable``: an additive rule's amplitudes as ``additive(lambda, w_max)``, which the script evaluates as its
    backend reads them (sPyNNaker: weight units; pyNN.nest and portasnn.pynn: fractions of w_max)."""
    wd = "" if w is None else f"weight={w}, delay={d}"
    if not proj.plastic:
        return f"p.StaticSynapse({wd})"
    from .plasticity import check_range, pair_rule
    from .stdp import timing_class

    rule = pair_rule(net, proj)
    wmax = rule.wmax * low.weight_to_model[stype]
    check_range(rule, wmax, low.global_weight_scale)
    if rule.triplet:  # sPyNNaker's triplet rule takes its amplitudes as fractions of w_max
        tau_x, tau_y, a2_plus, a2_minus, a3_plus, a3_minus = rule.triplet
        return (f"p.STDPMechanism(timing_dependence=p.extra_models.PfisterSpikeTriplet(tau_plus={rule.tau_plus!r}, "
                f"tau_minus={rule.tau_minus!r}, tau_x={tau_x!r}, tau_y={tau_y!r}, A_plus={a2_plus!r}, "
                f"A_minus={a2_minus!r}), weight_dependence=p.extra_models.WeightDependenceAdditiveTriplet("
                f"w_min=0.0, w_max={wmax!r}, A3_plus={a3_plus!r}, A3_minus={a3_minus!r})"
                f"{', ' + wd if wd else ''})")
    dependence = "AdditiveWeightDependence" if rule.dependence == "additive" else "MultiplicativeWeightDependence"
    a_plus, a_minus = f"{rule.a_plus(wmax)!r}", f"{rule.a_minus(wmax)!r}"
    if portable:
        wmax = float(exact_scale(rule.wmax, low.weight_to_model[stype]))
        a_plus, a_minus = repr(rule.lam), repr(rule.alpha * rule.lam)
        if rule.dependence == "additive":
            a_plus, a_minus = f"additive({a_plus}, {wmax!r})", f"additive({a_minus}, {wmax!r})"
    return (f"p.STDPMechanism(timing_dependence={timing_class(rule)}(tau_plus={rule.tau_plus!r}, "
            f"tau_minus={rule.tau_minus!r}, A_plus={a_plus}, A_minus={a_minus}), "
            f"weight_dependence=p.{dependence}(w_min=0.0, w_max={wmax!r}){', ' + wd if wd else ''})")


def _record_weights(view: ScriptView, net: nir.Network, proj: nir.Projection, low: Lowered, stype: int,
                    var: str) -> None:
    for rec in net.weight_recorders:
        if rec.projection == proj.name:
            sign = -1.0 if (net.synapse(proj.synapse).param("Wmax") or 1.0) < 0 else 1.0
            view.weights.append((var, f"{proj.pre}__{proj.post}", proj.name, rec.unit,
                                 sign / low.weight_to_model[stype]))
            if rec.interval is not None:
                view.trajectories.append((var, f"{proj.pre}__{proj.post}", proj.name, rec.unit,
                                          sign / low.weight_to_model[stype], rec.interval,
                                          None if rec.subset is None else list(rec.subset)))


def _sign(v: nir.Value) -> float:
    """PyNN weights are positive: inhibitory weights (stored negative) are negated."""
    if isinstance(v, (int, float)):
        return -1.0 if v < 0 else 1.0
    if isinstance(v, nir.Distribution):
        d = dict(v.params)
        centre = d.get("mu", (d.get("low", 0.0) + d.get("high", 0.0)) / 2)
        return -1.0 if v.kind != "lognormal" and centre < 0 else 1.0
    return 1.0


def check_weight_sign(model: str, receptor: str, weight: nir.Value, span) -> None:  # noqa: ANN001
    """A negative weight sent to a named spike port (a synapse type that adds its input) cannot be represented:
    sPyNNaker's ring buffers hold weight magnitudes (E195), so it would arrive with the wrong sign."""
    if receptor in ("excitatory", "inhibitory"):
        return
    negative = _sign(weight) < 0 or (isinstance(weight, nir.Distribution) and weight.kind != "lognormal"
                                     and dict(weight.params).get("low", -1.0) < 0)
    if negative:
        raise NetworkError(f"a negative weight sent to spike input port '{receptor}' of model '{model}' cannot be "
                           "represented on SpiNNaker: its ring buffers hold weight magnitudes and this synapse type "
                           "adds its input, so the spike would arrive with the opposite sign", span=span, code="E195",
                           construct=receptor, hint="send inhibitory input to a port declared 'inhibitory spike', or "
                           "to a port whose kernel is negative (with a positive weight), or run the network on NEST")


def check_current_receptor(model: str, first_port: str | None, receptor: str, span) -> None:  # noqa: ANN001
    """A PyNN current source reaches one input of a sPyNNaker neuron: the model's first current input port (E194)."""
    if receptor in ("excitatory", "inhibitory") or receptor == first_port:
        return
    raise NetworkError(f"a current source cannot reach input port '{receptor}' of model '{model}' on SpiNNaker: a PyNN "
                       "current source injects into one input of a neuron, wired to the model's first current input "
                       f"port{f' ({first_port!r})' if first_port else ' (it has none)'}", span=span, code="E194",
                       construct=receptor, hint="target the first current input port, or run the network on NEST")


def _stype(low: Lowered, receptor: str, span) -> int:  # noqa: ANN001
    if receptor not in low.synapse_types:
        raise NetworkError(f"model '{low.name}' has no synapse type '{receptor}' (it has "
                           f"{', '.join(low.synapse_types)})", span=span, code="E353")
    return low.synapse_types.index(receptor)
