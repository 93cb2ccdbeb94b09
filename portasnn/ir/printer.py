"""Write a network IR back as .pnet text: ``to_pnet(network) -> str``.

Reading the text again gives an equal IR (spans aside): floats are written with ``repr`` (exact
round trip), each in the IR unit of its place (the model's declared unit for parameters, as the
model catalog tells; a plain number when the catalog does not know it, which the reader then takes
as written). Consecutive stimuli that differ only in their target are written as one statement.
"""
from __future__ import annotations

from pathlib import Path

from portasnn.errors import NetworkError
from portasnn.frontend.pnet.catalog import DefaultCatalog, ModelCatalog, info_of
from portasnn.frontend.pnet.reader import default_projection_name, default_recorder_name, nestml_model_path
from portasnn.frontend.pnet.synapses import NEST_SYNAPSES, WEIGHT_BOUND, nestml_synapse_path
from portasnn.ir.network import ArrayFile, Distribution, ModelRef, Network, Population, Stimulus, Synapse, Value
from portasnn.units import UNITS, Quantity, ir_unit_name

KEYWORDS = {"network", "include", "model", "from", "nest", "let", "population", "initial", "connect", "stimulus",
            "record", "of", "every", "simulate", "resolution", "seed", "threads", "processes", "true", "false",
            "synapse", "pynn"}
RESERVED = KEYWORDS | set(UNITS)
_STIM_CALL = {"poisson": "poisson", "dc": "dc", "step": "step", "spike_times": "spikes", "ac": "ac", "noise": "noise"}
_STIM_UNITS = {"rate": "Hz", "amplitude": "pA", "start": "ms", "stop": "ms", "times": "ms", "amplitudes": "pA",
               "weights": "", "offset": "pA", "frequency": "Hz", "phase": "", "mean": "pA", "stdev": "pA", "dt": "ms"}


def is_name(text: str) -> bool:
    """True if ``text`` can be written as a .pnet name (an identifier that is not a keyword or unit)."""
    return text.isidentifier() and text.isascii() and text not in RESERVED


def unit_name(unit: Quantity | None) -> str:
    """The .pnet spelling of a unit ("" for none or dimensionless)."""
    if unit is None or unit.dimensionless:
        return ""
    for name, q in UNITS.items():
        if q == unit:
            return name
    return ir_unit_name(unit.dims)


def number(value: float | int, unit: str = "") -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    text = repr(value + 0.0 if value == 0 else value)  # -0.0 is written as 0.0
    return f"{text} {unit}" if unit else text


def value_text(value: Value, unit: str) -> str:
    if isinstance(value, ArrayFile):  # per-neuron values: the file, its array and the unit it is written in
        if '"' in value.path or (value.key and '"' in value.key):
            raise NetworkError(f"the path of parameter file {value.path!r} cannot be written as .pnet text",
                               code="E216", hint="rename the file without '\"'")
        key = f'"{value.key}", ' if value.key is not None else ""
        return f'file("{value.path}", {key}{value.unit or 1})'
    if isinstance(value, Distribution):
        return dist_text(value, unit)
    if isinstance(value, tuple):
        return "[" + ", ".join(number(v, unit) for v in value) + "]"
    return number(value, unit)


def dist_text(d: Distribution, unit: str) -> str:
    inner = "" if d.kind == "lognormal" else unit
    args = [number(v, inner) for _, v in d.params]
    args += [f"{k} = {number(b, unit)}" for k, b in (("low", d.low), ("high", d.high)) if b is not None]
    return f"{d.kind}({', '.join(args)})"


def _name(text: str, what: str) -> str:
    if not is_name(text):
        raise NetworkError(f"{what} '{text}' cannot be written as .pnet text: it is not a plain name",
                           code="E216", hint="use letters, digits and '_', not a keyword or unit name")
    return text


def _subset(subset: tuple[int, ...] | None) -> str:
    if subset is None:
        return ""
    if len(subset) > 1 and list(subset) == list(range(subset[0], subset[-1] + 1)):
        return f"[{subset[0]}:{subset[-1] + 1}]"
    return "[" + ", ".join(str(i) for i in subset) + "]"


def to_pnet(network: Network, catalog: ModelCatalog | None = None) -> str:
    """The .pnet text of ``network``."""
    catalog = catalog or DefaultCatalog()
    models = {m.key: m for m in network.models}
    pops = {p.name: p for p in network.populations}
    lines = [f"network {network.name}" if is_name(network.name) else f'network "{network.name}"', ""]
    lines += [_model(m) for m in network.models]
    lines += [_synapse(s) for s in network.synapses]
    lines.append("")
    for pop in network.populations:
        lines.append(_population(pop, models.get(pop.model), catalog))

    def weight_unit(post: str, receptor: str) -> str:
        pop = pops.get(post)
        model = models.get(pop.model) if pop else None
        info = info_of(catalog, model) if model else None
        if info is None:
            return ""
        return unit_name(info.weight_rule(receptor)[0])

    lines.append("")
    taken: set[str] = set()
    for proj in network.projections:
        default = default_projection_name(proj.pre, proj.post, taken)
        taken.add(proj.name)
        label = "" if proj.name == default else _name(proj.name, "projection name") + ": "
        conn = proj.connector
        args = ", ".join(number(v) for _, v in conn.params)
        opts = [f"weight = {value_text(proj.weight, weight_unit(proj.post, proj.receptor))}",
                f"delay = {value_text(proj.delay, 'ms')}", f"receptor = {_name(proj.receptor, 'receptor')}"]
        if proj.data is not None:  # the file gives what it has; a .npy's weight unit is written in the statement
            data = proj.data
            if '"' in data.path:
                raise NetworkError(f"the path of connection file {data.path!r} cannot be written as .pnet text",
                                   code="E216", hint="rename the file without '\"'")
            args = f'"{data.path}"'
            opts = opts[int(data.weights):1] + opts[1 + int(data.delays):]
            if data.weights and data.path.endswith(".npy"):
                opts.append(f"weight_unit = {data.weight_unit}")
        opts += [f"{k} = false" for k, v in (("autapses", conn.allow_autapses), ("multapses", conn.allow_multapses))
                 if not v]
        if proj.plastic:
            opts.append(f"synapse = {_name(proj.synapse, 'synapse name')}")
        lines.append(f"connect {label}{_name(proj.pre, 'population')} -> {_name(proj.post, 'population')}: "
                     f"{conn.rule}{f'({args})' if args else ''}, " + ", ".join(opts))
    lines.append("")
    for group in _stimulus_groups(network.stimuli, lambda s: weight_unit(s.target, s.receptor)):
        lines.append(_stimulus(group, weight_unit(group[0].target, group[0].receptor)))
    lines.append("")
    taken = set()
    for rec in network.recorders:
        default = default_recorder_name(rec.population, rec.variables, taken)
        taken.add(rec.name)
        label = "" if rec.name == default else _name(rec.name, "recorder name") + ": "
        target = _name(rec.population, "population") + _subset(rec.subset)
        if rec.kind == "spikes":
            lines.append(f"record {label}spikes of {target}")
        else:
            names = ", ".join(_name(v, "variable") for v in rec.variables)
            lines.append(f"record {label}{names} of {target} every {number(rec.interval, 'ms')}")
    for wrec in network.weight_recorders:
        default = default_recorder_name(wrec.projection, ("weights",), taken)
        taken.add(wrec.name)
        label = "" if wrec.name == default else _name(wrec.name, "recorder name") + ": "
        proj = next(p for p in network.projections if p.name == wrec.projection)
        pair = [p for p in network.projections if (p.pre, p.post) == (proj.pre, proj.post)]
        what = f"{proj.pre} -> {proj.post}" if len(pair) == 1 else _name(proj.name, "projection name")
        if wrec.interval is None:
            lines.append(f"record {label}weights of {what}")
            continue
        lines.append(f"record {label}weights of {what}{_subset(wrec.subset)} every {number(wrec.interval, 'ms')}")
    sim = network.simulation
    lines += ["", f"simulate {number(sim.duration, 'ms')} resolution {number(sim.resolution, 'ms')} "
                  f"seed {sim.seed} threads {sim.threads} processes {sim.processes}"]
    return "\n".join(lines) + "\n"


def _model(m: ModelRef) -> str:
    key = _name(m.key, "model name")
    if m.kind == "nest":
        return f"model {key} = nest {_name(m.name, 'NEST model')}"
    if m.kind == "pynn":
        return f"model {key} = pynn {_name(m.name, 'PyNN cell type')}"
    path = Path(m.path or "")
    if path == nestml_model_path(m.name).resolve() or path == nestml_model_path(m.name):
        return f'model {key} from "nestml:{m.name}"' + _numerics(m)
    inner = "" if path.stem == m.name else f" = {_name(m.name, 'model')}"
    if '"' in str(path):
        raise NetworkError(f"the path {path} cannot be written in .pnet", code="E216")
    return f'model {key}{inner} from "{path}"' + _numerics(m)


def _synapse(syn: Synapse) -> str:
    if syn.kind == "nestml":
        return _nestml_synapse(syn)
    units = NEST_SYNAPSES.get(syn.name, {})
    items = [f"{_name(k, 'synapse parameter')} = "
             + number(v, syn.weight_unit if k == WEIGHT_BOUND else unit_name(units.get(k))) for k, v in syn.params]
    block = " { " + ", ".join(items) + " }" if items else ""
    return f'synapse {_name(syn.key, "synapse name")} from "{syn.kind}:{syn.name}"{block}'


def _nestml_synapse(syn: Synapse) -> str:
    """A NESTML synapse declaration, its parameters in the units the model declares."""
    from portasnn.frontend.nestml import load_models

    path = Path(syn.path)
    source = f"nestml:{syn.name}" if path == nestml_synapse_path(syn.name).resolve() else str(path)
    if '"' in source:
        raise NetworkError(f"the path {path} cannot be written in .pnet", code="E216")
    declared = {v.name: v.unit for v in load_models(path)[0].parameters}
    items = [f"{_name(k, 'synapse parameter')} = {number(v, declared.get(k, ''))}" for k, v in syn.params]
    block = " { " + ", ".join(items) + " }" if items else ""
    return f'synapse {_name(syn.key, "synapse name")} from "{source}"{block}'


def _numerics(m: ModelRef) -> str:
    return (f", spinnaker_solver = {m.solver}" if m.solver else "") + (
        f", substeps = {m.substeps}" if m.substeps is not None else "")


def _population(pop: Population, model: ModelRef | None, catalog: ModelCatalog) -> str:
    info = info_of(catalog, model) if model else None
    items = []
    for initial, entries in ((False, pop.params), (True, pop.initial)):
        for key, value in entries:
            unit = unit_name(info.unit_of(key)) if info else ""
            op = "~" if isinstance(value, Distribution) else "="
            items.append(f"{'initial ' if initial else ''}{_name(key, 'parameter')} {op} {value_text(value, unit)}")
    block = " { " + ", ".join(items) + " }" if items else ""
    scaling = ""
    if pop.weight_scaling is not None:
        s = pop.weight_scaling
        if s.mode in ("auto", "spynnaker"):
            scaling = f", weight_scaling = {s.mode}"
        elif s.mode == "shifts":
            scaling = f", weight_scaling = shift({', '.join(str(int(v)) for v in s.values)})"
        else:
            units = [unit_name(info.weight_rule(r)[0]) if info and k < 2 else ""
                     for k, r in enumerate(("excitatory", "inhibitory", *[""] * len(s.values)))][:len(s.values)]
            scaling = f", weight_scaling = max({', '.join(number(v, u) for v, u in zip(s.values, units))})"
    return (f"population {_name(pop.name, 'population name')}: {pop.size} {_name(pop.model, 'model name')}"
            f"{block}{scaling}")


def _stimulus_groups(stimuli: tuple[Stimulus, ...], unit) -> list[list[Stimulus]]:
    """Consecutive stimuli that one statement can write (same name, input and weight unit)."""
    groups: list[list[Stimulus]] = []
    for stim in stimuli:
        last = groups[-1][0] if groups else None
        if last is not None and (last.name, last.kind, last.params, last.weight, last.delay, last.receptor,
                                 unit(last)) == (stim.name, stim.kind, stim.params, stim.weight, stim.delay,
                                                 stim.receptor, unit(stim)):
            groups[-1].append(stim)
        else:
            groups.append([stim])
    return groups


def _stimulus(group: list[Stimulus], weight_unit: str) -> str:
    first = group[0]
    args = ", ".join(f"{k} = {value_text(v, _STIM_UNITS[k])}" for k, v in first.params)
    targets = ", ".join(_name(s.target, "population") + _subset(s.subset) for s in group)
    text = f"stimulus {_name(first.name, 'stimulus name')}: {_STIM_CALL[first.kind]}({args}) -> {targets}"
    if first.kind in ("poisson", "spike_times"):
        text += (f" weight = {value_text(first.weight, weight_unit)}, delay = {value_text(first.delay, 'ms')}, "
                 f"receptor = {_name(first.receptor, 'receptor')}")
    return text


__all__ = ["to_pnet", "is_name", "RESERVED"]
