"""Printer round trip: any valid network IR -> to_pnet -> parse gives an equal IR (property test)."""
from __future__ import annotations

import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portasnn.frontend.network import parse_network_text
from portasnn.frontend.pnet.catalog import DefaultCatalog, nest_model_info
from portasnn.frontend.pnet.reader import default_projection_name, default_recorder_name
from portasnn.ir import network as ir
from portasnn.ir.printer import RESERVED, to_pnet

CATALOG = DefaultCatalog()
NESTML = Path(sys.prefix) / "models" / "neurons" / "iaf_psc_delta_neuron.nestml"
MODELS = [ir.ModelRef(key="d", kind="nest", name="iaf_psc_delta"), ir.ModelRef(key="x", kind="nest", name="iaf_psc_exp"),
          ir.ModelRef(key="c", kind="nest", name="iaf_cond_exp"),
          ir.ModelRef(key="n", kind="nestml", name="iaf_psc_delta_neuron", path=str(NESTML))]
RESOLUTION = 0.1

names = st.from_regex(r"[A-Za-z][A-Za-z0-9_]{0,6}", fullmatch=True).filter(lambda s: s not in RESERVED)
floats = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9)
positive = st.floats(allow_nan=False, allow_infinity=False, min_value=0.0, max_value=1e9)


@st.composite
def distributions(draw, low: float | None = None):
    kind = draw(st.sampled_from(["uniform", "normal", "lognormal"]))
    if kind == "uniform":
        a = draw(floats if low is None else st.floats(min_value=low, max_value=1e6))
        b = draw(st.floats(min_value=a, max_value=a + 1e6))
        return ir.Distribution(kind="uniform", params=(("low", a), ("high", b)))
    mu, sigma = draw(floats), draw(positive)
    lo = draw(st.none() | floats) if low is None else draw(st.floats(min_value=low, max_value=1e6))
    hi = draw(st.none() | st.floats(min_value=(lo if lo is not None else -1e9) + 1, max_value=2e9))
    return ir.Distribution(kind=kind, params=(("mu", mu), ("sigma", sigma)), low=lo, high=hi)


def values(low: float | None = None):
    return (floats if low is None else st.floats(min_value=low, max_value=1e9)) | distributions(low)


def _names_of(model: ir.ModelRef) -> tuple[list[str], list[str]]:
    if model.kind == "nest":
        info = nest_model_info(model.name)
        return sorted(info.parameters), sorted(info.state)
    return ["tau_m", "C_m", "refr_T", "E_L", "V_reset", "V_th", "I_e"], ["V_m", "refr_t"]


@st.composite
def populations(draw, name: str):
    model = draw(st.sampled_from(MODELS))
    params, state = _names_of(model)
    chosen = draw(st.lists(st.sampled_from(params), unique=True, max_size=4)) if params else []
    initial = draw(st.lists(st.sampled_from(state), unique=True, max_size=2)) if state else []
    scaling = draw(st.one_of(  # issue 13 item 10: a population's ring-buffer weight scaling
        st.none(), st.sampled_from([ir.WeightScaling(mode="auto"), ir.WeightScaling(mode="spynnaker")]),
        st.builds(lambda a, b: ir.WeightScaling(mode="shifts", values=(float(a), float(b))),
                  st.integers(0, 16), st.integers(0, 16)),
        st.builds(lambda a, b: ir.WeightScaling(mode="max", values=(a, b)),
                  *[st.floats(min_value=1e-6, max_value=1e9)] * 2)))
    return ir.Population(name=name, size=draw(st.integers(1, 60)), model=model.key,
                         params=tuple((k, draw(values())) for k in chosen),
                         initial=tuple((k, draw(values())) for k in initial), weight_scaling=scaling)


@st.composite
def weights(draw, model_key: str):
    sign = draw(st.sampled_from([1, -1]))
    if draw(st.booleans()):
        w = sign * draw(positive)
    else:
        a = draw(st.floats(min_value=0.0, max_value=1e6))
        b = draw(st.floats(min_value=a, max_value=2e6))
        w = ir.Distribution(kind="uniform", params=(("low", a), ("high", b)) if sign > 0 else (("low", -b), ("high", -a)))
    return w, ("excitatory" if sign > 0 else "inhibitory")


def delays():
    return st.floats(min_value=RESOLUTION, max_value=1e3) | distributions(low=RESOLUTION)


def subsets(size: int):
    return st.none() | st.lists(st.integers(0, size - 1), min_size=1, max_size=6, unique=True).map(tuple) | \
        st.integers(0, size - 1).flatmap(lambda a: st.integers(a + 1, size).map(lambda b: tuple(range(a, b))))


@st.composite
def connectors(draw, pre: ir.Population, post: ir.Population):
    rule = draw(st.sampled_from(["all_to_all", "one_to_one", "fixed_indegree", "fixed_outdegree",
                                 "fixed_probability", "fixed_total_number"]))
    if rule == "one_to_one" and pre.size != post.size:
        rule = "all_to_all"
    multapses = draw(st.booleans())
    params: tuple = ()
    if rule == "fixed_indegree":
        params = (("indegree", draw(st.integers(0, pre.size))),)
    elif rule == "fixed_outdegree":
        params = (("outdegree", draw(st.integers(0, post.size))),)
    elif rule == "fixed_total_number":
        params = (("n", draw(st.integers(0, pre.size * post.size))),)
    elif rule == "fixed_probability":
        params = (("p", draw(st.floats(min_value=0.0, max_value=1.0))),)
    return ir.Connector(rule=rule, params=params, allow_autapses=draw(st.booleans()), allow_multapses=multapses)


def times():
    return st.lists(st.floats(min_value=0.0, max_value=1e5), max_size=5).map(lambda xs: tuple(sorted(xs)))


@st.composite
def stimuli(draw, index: int, pops: list[ir.Population]):
    kind = draw(st.sampled_from(["poisson", "dc", "step", "spike_times", "ac", "noise"]))
    targets = draw(st.lists(st.sampled_from(pops), min_size=1, max_size=3, unique_by=lambda p: p.name))
    start = draw(st.floats(min_value=0.0, max_value=1e4))
    window = (("start", start), ("stop", draw(st.floats(min_value=start, max_value=2e4))))
    window = window[:draw(st.integers(0, 2))]
    if kind == "poisson":
        params = (("rate", draw(positive)), *window)
    elif kind == "dc":
        params = (("amplitude", draw(floats)), *window)
    elif kind == "ac":
        params = (("amplitude", draw(floats)), ("frequency", draw(positive)), ("offset", draw(floats)),
                  ("phase", draw(st.floats(-360.0, 360.0))), *window)
    elif kind == "noise":
        params = (("mean", draw(floats)), ("stdev", draw(positive)), ("dt", 0.1 * draw(st.integers(1, 50))),
                  *window)
    elif kind == "step":
        ts = draw(times())
        params = (("times", ts), ("amplitudes", tuple(draw(floats) for _ in ts)))
    else:
        ts = draw(times())
        params = (("times", ts),)
        if draw(st.booleans()):  # a factor per spike
            params += (("weights", tuple(draw(st.floats(0.0, 1e3)) for _ in ts)),)
    out = []
    w, receptor = draw(weights("d"))
    delay = draw(delays())
    for pop in targets:
        extra = {"weight": w, "delay": delay, "receptor": receptor} if kind in ("poisson", "spike_times") else {}
        out.append(ir.Stimulus(name=f"s{index}", kind=kind, target=pop.name, params=params,
                               subset=draw(subsets(pop.size)), **extra))
    return out


@st.composite
def networks(draw):
    pop_names = draw(st.lists(names, min_size=1, max_size=4, unique=True))
    pops = [draw(populations(n)) for n in pop_names]
    projections, taken = [], set()
    for i in range(draw(st.integers(0, 4))):
        pre, post = draw(st.sampled_from(pops)), draw(st.sampled_from(pops))
        name = f"p{i}" if draw(st.booleans()) else default_projection_name(pre.name, post.name, taken)
        taken.add(name)
        w, receptor = draw(weights(post.model))
        projections.append(ir.Projection(name=name, pre=pre.name, post=post.name, connector=draw(connectors(pre, post)),
                                         weight=w, delay=draw(delays()), receptor=receptor))
    stims = [s for i in range(draw(st.integers(0, 3))) for s in draw(stimuli(i, pops))]
    recorders, taken = [], set()
    for i in range(draw(st.integers(0, 3))):
        pop = draw(st.sampled_from(pops))
        model = next(m for m in MODELS if m.key == pop.model)
        state = _names_of(model)[1] or ["V_m"]
        kind = draw(st.sampled_from(["spikes", "state"])) if model.name != "parrot_neuron" else "spikes"
        variables = () if kind == "spikes" else tuple(draw(st.lists(st.sampled_from(state), min_size=1, max_size=2,
                                                                      unique=True)))
        name = f"r{i}" if draw(st.booleans()) else default_recorder_name(pop.name, variables, taken)
        taken.add(name)
        interval = 0.1 if kind == "spikes" else draw(st.floats(min_value=RESOLUTION, max_value=100.0))
        recorders.append(ir.Recorder(name=name, kind=kind, population=pop.name, variables=variables,
                                     subset=draw(subsets(pop.size)), interval=interval))
    sim = ir.Simulation(duration=draw(st.floats(min_value=0.1, max_value=1e6)), resolution=RESOLUTION,
                        seed=draw(st.integers(1, 2**31 - 1)), threads=draw(st.integers(1, 8)),
                        processes=draw(st.integers(1, 4)))
    used = {p.model for p in pops}
    return ir.Network(name=draw(names), models=tuple(m for m in MODELS if m.key in used), populations=tuple(pops),
                      projections=tuple(projections), stimuli=tuple(stims), recorders=tuple(recorders), simulation=sim)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(networks())
def test_print_then_parse_gives_the_same_network(net: ir.Network) -> None:
    text = to_pnet(net, CATALOG)
    again = parse_network_text(text, catalog=CATALOG)
    assert again == net, text
    assert to_pnet(again, CATALOG) == text


def test_brunel_example_round_trips() -> None:
    from portasnn.frontend.network import load_network

    path = Path(__file__).parents[2] / "examples" / "brunel" / "brunel_delta_nest.pnet"
    net = load_network(path)
    again = parse_network_text(to_pnet(net))
    assert again == net
    assert again.populations[0].span.file == "<string>"
