"""run(): what the script built since setup() -> one portasnn program (the Python builder) -> the target.

- A population of a standard cell type becomes an IR population of the PyNN cell type (``net.model(k,
  pynn=...)``); parameters and initial values as PyNN evaluated them (one value, or one per neuron in a file).
- A projection between such populations becomes a connection file holding exactly the connections, weights and
  delays pyNN.common's connector drew (``from_file``), so what PyNN drew is what runs.
- A projection from a SpikeSourceArray becomes spike-time stimuli: the times of each source neuron, sent with
  each connection's weight and delay (connections sharing source, weight and delay share a stimulus).
- A projection from a SpikeSourcePoisson whose neurons each drive at most one connection in the whole network
  and whose spikes are not recorded becomes the target's own Poisson input (one independent train per target
  neuron, as the IR's poisson stimulus is); otherwise its trains are drawn here, once, from a numpy generator
  seeded with setup()'s ``seed``, and run as spike times (a source feeding several connections sends all of them
  the same train, as in PyNN).
"""
from __future__ import annotations

import dataclasses
import re
import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

import numpy as np

from portasnn.errors import PortasnnError
from portasnn.ir.pynn_cells import CELL_TYPES
from portasnn.ir.printer import is_name
from portasnn.ir.serialize import content_json
from portasnn.pynn.errors import refuse
from portasnn.pynn.simulator import where

SPYNNAKER_TARGETS = ("spinnaker-host",)


_SCRATCH: list[Path] = []


def scratch() -> Path:
    """This process's directory for connection and parameter files (and results of runs without an outdir);
    removed when the process ends (the results were read into memory by then)."""
    if not _SCRATCH:
        import atexit
        import shutil

        _SCRATCH.append(Path(tempfile.mkdtemp(prefix="portasnn-pynn-")))
        atexit.register(shutil.rmtree, _SCRATCH[0], True)
    return _SCRATCH[0]


def _ir_name(label: str, taken: set[str]) -> str:
    base = re.sub(r"[^A-Za-z0-9_]", "_", label) or "pop"
    base = re.sub(r"_+", "_", base)
    if not base[0].isalpha():
        base = "p" + base
    name, k = base, 1
    while not is_name(name) or name in taken or "__" in name:
        k += 1
        name = f"{base.replace('__', '_')}_{k}"
    taken.add(name)
    return name


def _value(values: np.ndarray, unit: str, folder: Path, stem: str):
    """One float if every neuron has the same value, else a per-neuron file (in ``unit``)."""
    from portasnn.builder import file

    values = np.asarray(values, float)
    if np.all(values == values[0]):  # "0.02 / ms" for 1/ms, a plain number for a dimensionless value
        return f"{float(values[0])!r} {'/ ' + unit[2:] if unit.startswith('1/') else unit}".rstrip()
    path = folder / f"{stem}.npy"
    np.save(path, values)
    return file(path, unit or "1")


def _cell_of(pop):
    from portasnn.pynn.standardmodels import SOURCES

    if isinstance(pop.celltype, SOURCES):
        return None
    return cell_of(pop.celltype)


def recorded_name(celltype, variable: str) -> str:  # noqa: ANN001
    """The IR state a PyNN recordable of ``celltype`` names (sPyNNaker's aliases resolved)."""
    from portasnn.pynn.standardmodels import SPYNNAKER_ALIASES

    if variable in SPYNNAKER_ALIASES and variable not in {s.name for s in cell_of(celltype).state}:
        return SPYNNAKER_ALIASES[variable]
    return variable


def cell_of(celltype):  # noqa: ANN001, ANN201
    """The CellType of a portasnn.pynn cell type: a PyNN standard one, or a NESTML model's (nestml_cells)."""
    return getattr(type(celltype), "portasnn_cell", None) or CELL_TYPES[type(celltype).__name__]


def _split(pre_proj, indices):
    """(parent population, index in it) of each index of a Population, PopulationView or Assembly."""
    ids = pre_proj.all_cells[np.asarray(indices, np.int64)] if len(indices) else np.zeros(0, dtype=object)
    parents = [i.parent for i in ids]
    return parents, np.array([p.id_to_index(i) for p, i in zip(parents, ids)], np.int64)


def run_network(state, tstop: float, continuing: bool = False):
    """Build the program from ``state`` (populations and projections), run it, return its Results.

    ``continuing``: a run() after an earlier one of the same segment. portasnn runs a program from t = 0, so the
    continued run is the same program run again from 0 to the new end, which gives the earlier run's results
    for its part (the targets are deterministic for a given seed) and the rest after it. Only an unchanged program
    can be continued so: a network changed since (set(), initialize(), new populations, projections, recordings
    or sources, Poisson trains drawn for the earlier end) is refused (E285)."""
    from portasnn.results import read_results
    from portasnn.run import run as run_program

    net = build_network(state, tstop)
    if continuing and _without_end(net) != _without_end(state.program):
        raise refuse("E285", "run() continues a simulation whose network changed since the last run(); portasnn "
                     "can continue only an unchanged network (it runs it again from t = 0 to the new end)", where(),
                     hint="make every change before the first run(), or call sim.reset() and run again from t = 0"
                     + (" (a SpikeSourcePoisson feeding several connections is drawn up to the end of each run: "
                        "give it one connection per neuron, e.g. OneToOneConnector)" if state.sources else ""))
    state.program = net
    outdir = state.next_outdir()
    if continuing and outdir.exists():
        shutil.rmtree(outdir)
    try:
        if state.target == "spinnaker":
            from portasnn.pynn.board import run_on_board

            run_on_board(net, outdir, scratch(), state.board_timeout_s)
        else:
            run_program(net, target=state.target, outdir=outdir, progress=False)
    except PortasnnError as exc:
        raise _in_script(exc, state) from None
    results = read_results(outdir)
    _final_weights(state, results)
    return results


def _without_end(net) -> str:
    """The network's content without the run's end: what must not change for a run() to continue the last one."""
    return content_json(dataclasses.replace(net, simulation=dataclasses.replace(net.simulation, duration=0.0)))


def _in_script(exc: PortasnnError, state) -> PortasnnError:
    """A target's refusal of the lowered program, said at the script's line that made the current source or
    population it names (the refusal has no .pnet line to name)."""
    if exc.span is not None:
        return exc
    for prefix, where_made in getattr(state, "stimulus_origin", {}).items():  # a source's stimuli: s<k>_<n>
        if re.search(rf"\b{prefix}_\d+\b", exc.message):
            return type(exc)(f"{where_made}: {exc.message}", hint=exc.hint, code=exc.code, construct=exc.construct)
    made = [(f"current{k}", src.created_at) for k, src in enumerate(state.current_sources, 1)]
    made += [(g.synapse, g.projection.created_at) for g in state.plastic]
    made += [(getattr(pop, "ir_name", None), pop.created_at) for pop in state.populations]
    for name, where_made in made:
        if name and re.search(rf"\b{re.escape(name)}\b", exc.message):
            return type(exc)(f"{where_made}: {exc.message}", hint=exc.hint, code=exc.code, construct=exc.construct)
    return exc


def build_network(state, tstop: float):
    """The network IR of what ``state`` holds, to run from 0 to ``tstop`` ms."""
    from portasnn.builder import Network, from_file
    from portasnn.pynn.standardmodels import SpikeSourceArray, SpikeSourcePoisson

    target = state.target
    work = Path(tempfile.mkdtemp(prefix="connections-", dir=scratch()))
    net = Network(state.network_name)
    taken: set[str] = set()
    models: dict[str, str] = {}
    state.sources = {}
    state.stimulus_origin = {}
    state.plastic = []  # PlasticGroup per plastic (pre, post) pair, for Projection.get("weight") after run()
    rng = np.random.default_rng(state.seed)

    # every connection: (pre pop, pre idx, post pop, post idx, weight, delay, projection, index in it)
    conns = []
    for proj in state.projections:
        pre_i, post_i, w, d = proj.arrays()
        pre_pops, pre_idx = _split(proj.pre, pre_i)
        post_pops, post_idx = _split(proj.post, post_i)
        for k in range(len(pre_i)):
            conns.append((pre_pops[k], int(pre_idx[k]), post_pops[k], int(post_idx[k]), w[k], d[k], proj, k))
    out_degree: dict[tuple[int, int], int] = defaultdict(int)
    for c in conns:
        out_degree[(id(c[0]), c[1])] += 1

    for pop in state.populations:
        cell = _cell_of(pop)
        if cell is None:
            pop.ir_name = None
            if isinstance(pop.celltype, SpikeSourceArray):
                # each neuron's Sequence; a bare number where the script gave one time per neuron ([[0]], as
                # sPyNNaker's synfire examples write it)
                given = pop._parameters["spike_times"]
                if not isinstance(given, np.ndarray):  # one Sequence for every neuron (PyNN simplified it)
                    given = [given] * pop.size
                state.sources[id(pop)] = _on_grid([np.atleast_1d(np.asarray(getattr(s, "value", s), float))
                                                   for s in given], state.dt, pop)
            continue
        if target == "spinnaker" and not cell.board:
            raise refuse("E286", f"{cell.name} (population {pop.label!r}) cannot run on a SpiNNaker board: "
                         f"{cell.no_board}", pop.created_at,
                         hint="use a cell type sPyNNaker has (e.g. sim.IF_curr_exp, sim.IF_cond_exp), or run on "
                              "target='nest'")
        if target in SPYNNAKER_TARGETS and not cell.spynnaker:
            raise refuse("E286", f"{cell.name} (population {pop.label!r}) cannot run on {target}: portasnn "
                         "emulates sPyNNaker's IF_curr_exp and IF_curr_delta only", pop.created_at,
                         hint=f"use sim.IF_curr_exp or sim.IF_curr_delta, or run on target='nest'")
        source = getattr(type(pop.celltype), "nestml_source", None)
        key = models.get(source or cell.name)
        if key is None and source is not None:  # a NESTML model (nestml_cell_type): the target builds it
            key = models[source] = net.model(_ir_name(cell.name, taken), path=source, name=cell.name)
        elif key is None:
            key = models[cell.name] = net.model(_ir_name(cell.name.lower(), taken), pynn=cell.name)
        name = pop.ir_name = _ir_name(pop.label, taken)
        defaults = cell.defaults
        params = {p.name: _value(pop._parameters[p.name] * np.ones(pop.size), p.ir_unit, work, f"{name}_{p.name}")
                  for p in cell.params if not np.all(pop._parameters[p.name] == defaults[p.name])}
        initial = {}
        for var, values in pop.initial_arrays().items():
            unit = cell.unit_of(var) if var in {p.name for p in cell.state} else None
            if unit is None:
                raise refuse("E287", f"{cell.name} has no state variable {var!r} portasnn can set",
                             pop.created_at, hint="initialize() the cell type's state variables: "
                             + ", ".join(p.name for p in cell.state))
            ir_values = values * cell.factor_of(var)
            if not np.all(ir_values == defaults[var]):
                initial[var] = _value(ir_values, unit, work, f"{name}_init_{var}")
        net.population(name, pop.size, key, params=params, initial=initial)

    for pop in state.populations:
        if isinstance(pop.celltype, SpikeSourcePoisson):
            recorded = any(pop.recorder.recorded.values())
            if recorded or any(out_degree[(id(pop), i)] > 1 for i in range(pop.size)):
                state.sources[id(pop)] = _poisson_trains(pop, tstop, rng, state.dt)

    _lower_connections(net, state, conns, work, from_file)
    _lower_currents(net, state)
    _lower_recorders(net, state)
    net.simulate(run_duration(tstop, state.dt), resolution=state.dt, seed=state.seed)
    state.network = net.ir()
    return state.network


def run_duration(tstop: float, dt: float) -> float:
    """The duration portasnn simulates for ``run(tstop)``: one step more than asked, as PyNN's signals end with a
    sample at t = tstop (portasnn's at tstop - dt); spikes after tstop are dropped when read back."""
    return round(tstop + dt, 9)


def script_tstop(duration: float, dt: float) -> float:
    """The script's ``tstop`` of a network that ``run_duration`` lowered."""
    return round(duration - dt, 9)


def _on_grid(trains: list[np.ndarray], dt: float, pop) -> list[np.ndarray]:
    """Spike times moved up to the time grid (W285 says how many moved): a time between two steps takes effect
    at the step that ends after it, as pyNN.nest's precise spike_generator feeds its grid-based cells and as
    sPyNNaker's SpikeSourceArray sends it."""
    from portasnn.errors import warn

    out, moved = [], 0
    for times in trains:
        grid = np.round(np.ceil(np.round(times / dt, 6)) * dt, 9)
        moved += int(np.sum(np.abs(grid - times) > 1e-9))
        out.append(grid)
    if moved:
        warn(f"{pop.created_at}: {moved} spike time(s) of {pop.label!r} lie between time steps of {dt} ms; each "
             "takes effect at the step that ends after it (as pyNN.nest and sPyNNaker deliver them to grid-based "
             "cells)", code="W285")
    return out


def _poisson_trains(pop, tstop: float, rng: np.random.Generator, dt: float) -> list[np.ndarray]:
    """One Poisson train per neuron (rate Hz from start for duration ms, up to tstop), on the time grid."""
    rate, start, duration = (np.asarray(pop._parameters[k] * np.ones(pop.size), float)
                             for k in ("rate", "start", "duration"))
    out = []
    for r, s, d in zip(rate, start, duration):
        stop = min(tstop, s + d)
        n = rng.poisson(r * max(stop - s, 0.0) / 1000.0)
        times = np.sort(rng.uniform(s, stop, n))
        times = np.maximum(np.ceil(times / dt - 1e-9) * dt, dt)  # on the grid, as an on-grid generator emits
        out.append(np.round(times, 9))
    return out


def _weight_unit(post_cell) -> tuple[str, float]:
    """(the IR unit of weights onto ``post_cell``, the factor from the script's number): PyNN's nA and uS, mV for
    delta synapses; a NESTML cell type's weights times 1000, as pyNN.nest takes them for a native cell type."""
    unit = post_cell.weight_unit
    if CELL_TYPES.get(post_cell.name) is not post_cell:
        return unit, 1000.0
    return unit, {"pA": 1000.0, "nS": 1000.0, "mV": 1.0}[unit]


def _lower_connections(net, state, conns, work: Path, from_file) -> None:
    from portasnn.pynn.standardmodels import SpikeSourcePoisson, STDPMechanism

    by_proj: dict[int, list] = defaultdict(list)
    for c in conns:
        by_proj[id(c[6])].append(c)
    k = 0
    for proj in state.projections:
        rows = by_proj.get(id(proj), [])
        receptor = proj.receptor_type
        for pop in {id(r[2]): r[2] for r in rows}.values():
            if pop.ir_name is None:
                raise refuse("E288", f"projection onto a spike source ({pop.label!r})", proj.created_at,
                             hint="a spike source receives no input; project onto neurons")
        if receptor not in ("excitatory", "inhibitory"):
            raise refuse("E289", f"receptor_type {receptor!r} is not supported by portasnn.pynn",
                         proj.created_at, hint="use receptor_type='excitatory' or 'inhibitory'")
        if receptor == "inhibitory" and rows and cell_of(rows[0][2].celltype).weight_unit != "nS" \
                and any(r[4] > 0 for r in rows):
            from portasnn.errors import warn

            warn(f"{proj.created_at}: positive weights onto the inhibitory receptor of a current-based cell act "
                 "inhibitorily here (as on sPyNNaker); pyNN.nest would make them excitatory", code="W286")
        groups: dict[tuple, list] = defaultdict(list)
        for r in rows:
            groups[(id(r[0]), id(r[2]))].append(r)
        plastic = isinstance(proj.synapse_type, STDPMechanism)
        for group in groups.values():
            pre, post = group[0][0], group[0][2]
            unit, factor = _weight_unit(cell_of(post.celltype))
            k += 1
            if plastic and pre.ir_name is None:
                raise refuse("E298", f"STDPMechanism from the spike source {pre.label!r}: portasnn's plastic "
                             "synapses connect populations of neurons", proj.created_at,
                             hint="let the source drive a population of neurons (a static projection) and make "
                                  "the projection from that population plastic")
            synapse = _stdp_synapse(net, state, proj, f"stdp{k}", group, factor, unit) if plastic else "static"
            if pre.ir_name is not None:
                path = work / f"conn{k}.npz"
                np.savez(path, pre=np.array([r[1] for r in group], np.int64),
                         post=np.array([r[3] for r in group], np.int64),
                         weight=np.array([r[4] * factor for r in group]), delay=np.array([r[5] for r in group]),
                         weight_unit=unit)
                made = net.connect(pre.ir_name, post.ir_name, from_file(path), receptor=receptor, synapse=synapse)
                if plastic:
                    net.record_weights(made)
            elif id(pre) in state.sources:
                state.stimulus_origin[f"s{k}"] = pre.created_at  # a target's refusal of s<k>_<n> names the source
                _spike_stimuli(net, state.sources[id(pre)], group, post, factor, unit, receptor, f"s{k}")
            else:
                assert isinstance(pre.celltype, SpikeSourcePoisson)
                state.stimulus_origin[f"s{k}"] = pre.created_at
                _poisson_stimuli(net, pre, group, post, factor, unit, receptor, f"s{k}")


@dataclasses.dataclass
class PlasticGroup:
    """The connections of one plastic projection of the script between two populations: the IR synapse and
    weights file ("<pre>__<post>") they became, and (index in the projection, pre, post, delay) of each."""

    projection: object
    synapse: str
    key: str
    factor: float  # IR weight = PyNN weight * factor
    rows: list


def _homogeneous(part, where_made: str) -> dict[str, float]:
    """The parameters of a timing or weight dependence as plain numbers (one value for the whole projection)."""
    out = {}
    for name, value in part.parameter_space.items():
        base = value.base_value
        if not value.is_homogeneous or not isinstance(base, (int, float, np.number)):
            raise refuse("E298", f"{type(part).__name__}'s {name} varies between connections; portasnn's "
                         "plastic synapse has one value per projection", where_made,
                         hint=f"give {name} as one number")
        out[name] = float(base)
    return out


def _stdp_synapse(net, state, proj, key: str, group: list, factor: float, unit: str) -> str:
    """Declare the IR synapse of a plastic projection: NEST's ``stdp_synapse`` with the parameters pyNN.nest gives
    it (A_plus -> lambda, A_minus / A_plus -> alpha, w_max -> Wmax, mu_plus/mu_minus 0 for the additive and 1
    for the multiplicative weight dependence); the spinnaker targets lower it to sPyNNaker's SpikePairRule."""
    from portasnn.errors import warn
    from portasnn.pynn.standardmodels import AdditiveWeightDependence, MultiplicativeWeightDependence, SpikePairRule

    syn, where_made = proj.synapse_type, proj.created_at
    pre, post = group[0][0], group[0][2]
    weights_key = f"{pre.ir_name}__{post.ir_name}"
    if any(other.key == weights_key for other in state.plastic):
        raise refuse("E298", f"a second plastic projection from {pre.label!r} to {post.label!r}; portasnn keeps "
                     "the weights of one plastic projection per pair of populations", where_made,
                     hint="make one of them static, or merge them into one projection")
    timing, weight = syn.timing_dependence, syn.weight_dependence
    if not isinstance(timing, SpikePairRule) or \
            not isinstance(weight, (AdditiveWeightDependence, MultiplicativeWeightDependence)) or \
            syn.voltage_dependence is not None:
        raise refuse("E298", f"STDPMechanism({type(timing).__name__}, {type(weight).__name__}) is not lowered by "
                     "portasnn.pynn", where_made,
                     hint="use sim.SpikePairRule with sim.AdditiveWeightDependence or "
                          "sim.MultiplicativeWeightDependence")
    if syn.dendritic_delay_fraction != 1:
        raise refuse("E298", f"dendritic_delay_fraction = {syn.dendritic_delay_fraction!r}: portasnn's plastic "
                     "synapses (as NEST's and sPyNNaker's) take the whole delay as dendritic", where_made,
                     hint="leave dendritic_delay_fraction at 1")
    t, w = _homogeneous(timing, where_made), _homogeneous(weight, where_made)
    if w["w_min"] != 0:
        raise refuse("E298", f"w_min = {w['w_min']!r}: NEST's stdp_synapse keeps weights between 0 and w_max",
                     where_made, hint="give w_min = 0")
    if t["A_plus"] == 0 and t["A_minus"] != 0:
        raise refuse("E298", "A_plus = 0 with A_minus != 0: NEST's stdp_synapse scales depression by A_plus too "
                     "(alpha = A_minus / A_plus)", where_made, hint="give A_plus a value other than 0")
    multiplicative = isinstance(weight, MultiplicativeWeightDependence)
    if not multiplicative and w["w_max"] != 1 and not state.warned_a_plus:
        state.warned_a_plus = True
        warn(f"{where_made}: A_plus and A_minus of an additive rule are read as pyNN.nest reads them, as fractions "
             f"of w_max (a weight step of A_plus * w_max = {t['A_plus'] * w['w_max']:.6g}); sPyNNaker reads them in "
             "weight units", code="W287")
    params = {"tau_plus": t["tau_plus"], "tau_minus": t["tau_minus"], "lambda": t["A_plus"],
              "alpha": t["A_minus"] / t["A_plus"] if t["A_plus"] else 0.0,
              "mu_plus": float(multiplicative), "mu_minus": float(multiplicative),
              "Wmax": f"{w['w_max'] * factor!r} {unit}"}
    net.synapse(key, nest="stdp_synapse", params=params)
    state.plastic.append(PlasticGroup(proj, key, weights_key, factor, [(r[7], r[1], r[3], r[5]) for r in group]))
    return key


def _final_weights(state, results) -> None:
    """Each plastic projection's weights at the end of the run, in PyNN's unit, for Projection.get("weight")."""
    from portasnn.errors import InternalError

    for group in state.plastic:
        got = results.weights.get(group.key)
        if got is None:
            raise InternalError(f"the results of the run hold no weights {group.key}")
        # a pair's connections in the order of their delays (the target's are on its time grid, the script's
        # are not; rounding keeps the order)
        ran: dict[tuple, list] = defaultdict(list)
        for s, t, d, value in zip(got.sources, got.targets, got.delays, got.weights):
            ran[(int(s), int(t))].append((float(d), float(value)))
        made: dict[tuple, list] = defaultdict(list)
        for index, s, t, d in group.rows:
            made[(s, t)].append((float(d), index))
        if {k: len(v) for k, v in ran.items()} != {k: len(v) for k, v in made.items()}:
            raise InternalError(f"weights {group.key}: the run's connections are not those of the projection")
        proj = group.projection
        if proj.final_weights is None or len(proj.final_weights) != len(proj.connections):
            proj.final_weights = np.full(len(proj.connections), np.nan)
        for pair, connections in made.items():
            for (_, index), (_, value) in zip(sorted(connections), sorted(ran[pair])):
                proj.final_weights[index] = value / group.factor


def _stimulus_groups(group, key):
    """Connections sharing ``key`` -> lists of post indices without repeats (a repeat starts another list)."""
    out: dict[tuple, list[list[int]]] = defaultdict(list)
    for r in group:
        lists = out[key(r)]
        for targets in lists:
            if r[3] not in targets:
                targets.append(r[3])
                break
        else:
            lists.append([r[3]])
    return out


def _spike_stimuli(net, trains, group, post, factor, unit, receptor, prefix) -> None:
    n = 0
    for (src, w, d), lists in _stimulus_groups(group, lambda r: (r[1], r[4], r[5])).items():
        times = trains[src]
        if times.size == 0:
            continue
        for targets in lists:
            n += 1
            net.spike_times(f"{prefix}_{n}", targets=[post.ir_name], times=[float(t) for t in times],
                            weight=f"{float(w * factor)!r} {unit}", delay=float(d), receptor=receptor,
                            subset=sorted(targets))


def _poisson_stimuli(net, pre, group, post, factor, unit, receptor, prefix) -> None:
    rate, start, duration = (np.asarray(pre._parameters[k] * np.ones(pre.size), float)
                             for k in ("rate", "start", "duration"))
    key = (lambda r: (rate[r[1]], start[r[1]], duration[r[1]], r[4], r[5]))
    n = 0
    for (r_hz, s, dur, w, d), lists in _stimulus_groups(group, key).items():
        for targets in lists:
            n += 1
            extra = {"start": float(s)} if s > 0 else {}
            if np.isfinite(dur) and dur < 1e9:
                extra["stop"] = float(s + dur)
            net.poisson(f"{prefix}_{n}", targets=[post.ir_name], rate=float(r_hz), weight=f"{float(w * factor)!r} {unit}",
                        delay=float(d), receptor=receptor, subset=sorted(targets), **extra)


def _lower_currents(net, state) -> None:
    """Each DCSource/StepCurrentSource/ACSource/NoisyCurrentSource -> the IR's dc/step/ac/noise stimulus into every
    population it reaches (its cells there as the subset), amplitudes in pA."""
    for k, src in enumerate(state.current_sources, 1):
        if not src.cells:
            continue
        cells: dict[int, tuple] = {}
        for cell in src.cells:
            pop = cell.parent
            cells.setdefault(id(pop), (pop, set()))[1].add(int(pop.id_to_index(cell)))
        prm = src.native()
        for pop, indices in cells.values():
            subset = None if len(indices) == pop.size else sorted(indices)
            kind = type(src).__name__
            if kind in ("DCSource", "ACSource", "NoisyCurrentSource"):
                extra = {"start": float(prm["start"])} if prm["start"] > 0 else {}
                if prm["stop"] < 1e11:
                    extra["stop"] = float(prm["stop"])
                if kind == "DCSource":
                    net.dc(f"current{k}", targets=[pop.ir_name], amplitude=float(prm["amplitude"]), subset=subset,
                           **extra)
                elif kind == "ACSource":
                    net.ac(f"current{k}", targets=[pop.ir_name], amplitude=float(prm["amplitude"]),
                           offset=float(prm["offset"]), frequency=float(prm["frequency"]), phase=float(prm["phase"]),
                           subset=subset, **extra)
                else:
                    net.noise(f"current{k}", targets=[pop.ir_name], mean=float(prm["mean"]),
                              stdev=float(prm["stdev"]), dt=float(prm["dt"]), subset=subset, **extra)
                continue
            times, amps = np.asarray(prm["times"], float), np.asarray(prm["amplitudes"], float)
            if times.size != amps.size:
                raise refuse("E297", f"StepCurrentSource with {times.size} times and {amps.size} amplitudes",
                             src.created_at, hint="give one amplitude per time")
            if times.size and (times.min() <= state.dt or np.any(np.diff(times) <= 0)):
                raise refuse("E297", "StepCurrentSource times must increase and lie after the first time step "
                             f"({state.dt} ms): the current of a step at {times.min()} ms cannot reach a neuron "
                             "in time on NEST", src.created_at,
                             hint="start the steps after the first time step, or use a DCSource from t = 0")
            net.step(f"current{k}", targets=[pop.ir_name], times=[float(t) for t in times],
                     amplitudes=[float(a) for a in amps], subset=subset)


def _lower_recorders(net, state) -> None:
    for pop in state.populations:
        if pop.ir_name is None:
            continue
        recorded: dict[str, set] = {}
        for v, ids in pop.recorder.recorded.items():
            if ids:  # sPyNNaker's gsyn_exc of a current-based cell is its isyn_exc
                recorded.setdefault(recorded_name(pop.celltype, v.name), set()).update(ids)
        everyone = set(pop.all_cells.tolist())
        subset = (lambda ids: None if set(ids) == everyone
                  else sorted(int(pop.id_to_index(i)) for i in ids))
        if "spikes" in recorded:
            net.record_spikes(pop.ir_name, subset=subset(recorded.pop("spikes")))
        by_ids: dict[tuple, list[str]] = defaultdict(list)
        for var, ids in recorded.items():
            by_ids[tuple(sorted(int(i) for i in ids))].append(var)
        for ids, variables in by_ids.items():
            net.record(pop.ir_name, variables, subset=subset(ids), interval=pop.recorder.sampling_interval)
