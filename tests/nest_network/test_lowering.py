"""Lowering a network IR to PyNEST: refusals with spans, parameters and random draws as NEST sees them."""
from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portasnn.errors import NetworkError, Span
from portasnn.ir.network import (Connector, Distribution, ModelRef, Network, Population, Projection, Recorder,
                                 Simulation, Stimulus)
from portasnn.modules import resolve_models
from portasnn.targets.nest.script import load_script, lower_network

SPAN = Span("net.pnet", 7, 3)
LIF = ModelRef(key="lif", kind="nest", name="iaf_psc_delta")


def _net(**changes) -> Network:
    base = Network(name="t", models=(LIF,),
                   populations=(Population(name="P", size=10, model="lif", span=SPAN),),
                   simulation=Simulation(duration=1.0, resolution=0.1, seed=5))
    return dataclasses.replace(base, **changes)


def _nodes(net: Network, tmp_path):
    """Render, import, and run the script's kernel setup and node creation; return its populations."""
    script = lower_network(net, resolve_models(net))
    path = tmp_path / script.filename
    path.write_text(script.text)
    module = load_script(path)
    module.setup_kernel(net.simulation.seed, module.VIRTUAL_PROCESSES)
    module.install_modules()
    return module.create_nodes()[0]


def _refusal(net: Network) -> NetworkError:
    with pytest.raises(NetworkError) as info:
        lower_network(net, resolve_models(net))
    return info.value


def test_unknown_parameter_is_refused_with_its_line():
    pop = Population(name="P", size=3, model="lif", params=(("tau_membrane", 10.0),), span=SPAN)
    err = _refusal(_net(populations=(pop,)))
    assert err.code == "E207" and str(err).startswith("net.pnet:7:3") and "tau_membrane" in str(err)


def test_unknown_nest_model_is_refused():
    ref = ModelRef(key="lif", kind="nest", name="iaf_does_not_exist", span=SPAN)
    with pytest.raises(NetworkError, match="iaf_does_not_exist") as info:
        resolve_models(_net(models=(ref,)))
    assert info.value.span == SPAN


def test_unknown_port_and_short_delay_are_refused():
    proj = Projection(name="pp", pre="P", post="P", connector=Connector(rule="one_to_one"), weight=1.0, delay=1.0,
                      receptor="AMPA", span=SPAN)
    assert _refusal(_net(projections=(proj,))).code == "E308"
    short = dataclasses.replace(proj, receptor="excitatory", delay=0.05)
    assert _refusal(_net(projections=(short,))).code == "E306"


def test_recording_an_unknown_variable_or_off_grid_interval_is_refused():
    rec = Recorder(name="r", kind="state", population="P", variables=("g_ex",), subset=(0,), span=SPAN)
    assert _refusal(_net(recorders=(rec,))).code == "E312"
    rec = dataclasses.replace(rec, variables=("V_m",), interval=0.25)
    assert _refusal(_net(recorders=(rec,))).code == "E314"


def test_step_change_within_the_first_step_is_refused():
    stim = Stimulus(name="s", kind="step", target="P", params=(("times", (0.1, 5.0)), ("amplitudes", (1.0, 0.0))),
                    span=SPAN)
    assert _refusal(_net(stimuli=(stim,))).code == "E324"


def test_a_random_stimulus_parameter_and_a_zero_duration_have_their_own_codes():
    """issue 12 item 4: these shared E310 and E301 with SpiNNaker refusals; now E331 and E216."""
    rate = Distribution(kind="uniform", params=(("low", 1.0), ("high", 2.0)))
    stim = Stimulus(name="s", kind="poisson", target="P", params=(("rate", rate),), span=SPAN)
    err = _refusal(_net(stimuli=(stim,)))
    assert err.code == "E331" and "cannot be random ('rate')" in err.message
    err = _refusal(_net(simulation=Simulation(duration=0.0, resolution=0.1, seed=5)))
    assert err.code == "E216" and "must be positive" in err.message


def test_named_port_maps_to_the_receptor_id_nest_reports(tmp_path):
    import nest

    ref = ModelRef(key="mc", kind="nest", name="iaf_cond_alpha_mc")
    pop = Population(name="P", size=2, model="mc")
    proj = Projection(name="pp", pre="P", post="P", connector=Connector(rule="one_to_one", allow_autapses=True),
                      weight=2.0, delay=1.0, receptor="distal_exc")
    net = _net(models=(ref,), populations=(pop,), projections=(proj,))
    script = lower_network(net, resolve_models(net))
    path = tmp_path / script.filename
    path.write_text(script.text)
    module = load_script(path)
    module.setup_kernel(1, 1)
    nodes = module.create_nodes()
    module.connect_network(*nodes)
    made = nest.GetConnections(nodes[0]["P"], nodes[0]["P"]).get("receptor")
    # the same connection made directly with NEST's own id for the port
    other = nest.Create("iaf_cond_alpha_mc", 2)
    rid = nest.GetDefaults("iaf_cond_alpha_mc")["receptor_types"]["distal_exc"]
    nest.Connect(other, other, "one_to_one", {"receptor_type": rid, "delay": 1.0})
    assert made == nest.GetConnections(other, other).get("receptor")
    assert f'"receptor_type": {rid}' in script.text
    # "excitatory" does not say which of its ports is meant
    unnamed = dataclasses.replace(proj, receptor="excitatory")
    assert _refusal(_net(models=(ref,), populations=(pop,), projections=(unnamed,))).code == "E307"


def test_parameters_and_constant_initial_state_reach_nest(tmp_path):
    import nest

    pop = Population(name="P", size=4, model="lif", params=(("tau_m", 12.5), ("V_th", -50.0)),
                     initial=(("V_m", -60.0),))
    pops = _nodes(_net(populations=(pop,)), tmp_path)
    assert pops["P"].get("tau_m") == (12.5,) * 4
    assert pops["P"].get("V_th") == (-50.0,) * 4
    assert pops["P"].get("V_m") == (-60.0,) * 4
    assert nest.resolution == 0.1 and nest.rng_seed == 5


@settings(max_examples=15, deadline=None)
@given(mu=st.floats(-70, -50), sigma=st.floats(0.5, 20), width=st.floats(0.5, 10))
def test_bounded_normal_draws_stay_within_bounds(tmp_path_factory, mu, sigma, width):
    low, high = mu - width, mu + width / 2
    dist = Distribution(kind="normal", params=(("mu", mu), ("sigma", sigma)), low=low, high=high)
    pop = Population(name="P", size=200, model="lif", initial=(("V_m", dist),))
    values = np.array(_nodes(_net(populations=(pop,)), tmp_path_factory.mktemp("d"))["P"].get("V_m"))
    assert values.min() >= low and values.max() <= high
    assert len(np.unique(values)) == len(values)  # drawn per neuron


def test_distributions_have_the_requested_moments(tmp_path):
    n = 20000
    pops = (Population(name="U", size=n, model="lif", initial=(("V_m", Distribution(
                kind="uniform", params=(("low", -70.0), ("high", -60.0)))),)),
            Population(name="N", size=n, model="lif", initial=(("V_m", Distribution(
                kind="normal", params=(("mu", -65.0), ("sigma", 2.0)))),)),
            Population(name="L", size=n, model="lif", params=(("tau_m", Distribution(
                kind="lognormal", params=(("mu", 2.0), ("sigma", 0.25)), high=20.0)),)))
    nodes = _nodes(_net(populations=pops), tmp_path)
    u, v, tau = (np.array(nodes[p].get(k)) for p, k in (("U", "V_m"), ("N", "V_m"), ("L", "tau_m")))
    assert u.min() >= -70 and u.max() <= -60 and abs(u.mean() + 65) < 0.1
    assert abs(v.mean() + 65) < 0.1 and abs(v.std() - 2.0) < 0.05
    # lognormal with mu, sigma of the underlying normal, redrawn above 20 ms
    assert tau.max() <= 20.0 and abs(np.log(tau).mean() - 2.0) < 0.02


def test_same_seed_same_network_other_seed_other_network(tmp_path):
    pop = Population(name="P", size=50, model="lif", initial=(("V_m", Distribution(
        kind="uniform", params=(("low", 0.0), ("high", 1.0)))),))
    first = _nodes(_net(populations=(pop,)), tmp_path)["P"].get("V_m")
    again = _nodes(_net(populations=(pop,)), tmp_path)["P"].get("V_m")
    other = _nodes(_net(populations=(pop,), simulation=Simulation(duration=1.0, seed=6)), tmp_path)["P"].get("V_m")
    assert first == again and first != other


def test_rendered_script_is_plain_python_without_portasnn_imports_at_top(tmp_path):
    script = lower_network(_net(), resolve_models(_net()))
    compile(script.text, script.filename, "exec")
    head = script.text.split("def ")[0]
    assert "import portasnn" not in head and "import nest" in head
    assert math.isclose(float(script.text.split("RESOLUTION_MS = ")[1].split()[0]), 0.1)


@pytest.mark.parametrize("rule, params, autapses, expected", [
    ("one_to_one", (), False, 0),
    ("one_to_one", (), True, 10),
    ("all_to_all", (), False, 90),
    ("fixed_indegree", (("indegree", 3),), True, 30),
    ("fixed_outdegree", (("outdegree", 4),), True, 40),
    ("fixed_total_number", (("n", 17),), True, 17),
    ("fixed_probability", (("p", 1.0),), False, 90),
])
def test_connection_rules_make_the_connections_nest_counts(tmp_path, rule, params, autapses, expected):
    import nest

    proj = Projection(name="pp", pre="P", post="P", connector=Connector(rule=rule, params=params,
                                                                       allow_autapses=autapses),
                      weight=1.0, delay=1.0)
    net = _net(projections=(proj,))
    script = lower_network(net, resolve_models(net))
    path = tmp_path / script.filename
    path.write_text(script.text)
    module = load_script(path)
    nodes = module.build(1, 1)
    module.connect_network(*nodes)
    conns = nest.GetConnections(nodes[0]["P"], nodes[0]["P"])
    assert len(conns) == expected
    if not autapses:
        assert all(s != t for s, t in zip(conns.get("source"), conns.get("target")))


def test_a_spike_at_t_0_is_refused_at_its_stimulus():
    """NEST's spike_generator cannot send a spike at t = 0 (sPyNNaker can): refused with the stimulus's line
    (E333), not by NEST at run time (E330, naming the generated script)."""
    stim = Stimulus(name="kick", kind="spike_times", target="P", params=(("times", (0.0, 5.0)),), weight=1.0,
                    delay=1.0, span=SPAN)
    err = _refusal(_net(stimuli=(stim,)))
    assert err.code == "E333" and err.span == SPAN and "t = 0" in err.message
    later = _net(stimuli=(dataclasses.replace(stim, params=(("times", (0.1, 5.0)),)),))
    lower_network(later, resolve_models(later))  # from one step on: accepted
