"""Ring-buffer weight scaling (issue 13 item 10): the shift per population and synapse type, pinned or chosen
automatically, the stored weights, saturation warnings, the report, and the option on every command."""
from __future__ import annotations

import json
import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from portasnn import weight_scaling as ws
from portasnn.errors import UsageError
from portasnn.ir.network import (ModelRef, Network, Population, Recorder, Simulation, Stimulus, WeightScaling)
from portasnn.targets.spinnaker_host import fixed
from portasnn.targets.spinnaker_host.runner import run_network

MODELS = (ModelRef(key="lif", kind="nest", name="iaf_psc_exp"),)
LIF = dict(tau_m=20.0, C_m=1000.0, E_L=-65.0, V_th=-50.0, V_reset=-70.0, t_ref=2.0, tau_syn_exc=5.0,
           tau_syn_inh=5.0)


def _pop(name: str, n: int = 1, scaling: WeightScaling | None = None) -> Population:
    return Population(name=name, size=n, model="lif", params=tuple(LIF.items()), weight_scaling=scaling)


def _net(pops, stimuli, duration: float = 30.0) -> Network:
    recs = tuple(Recorder(name=f"v{p.name}", kind="state", population=p.name, variables=("I_syn_exc",), interval=1.0)
                 for p in pops)
    return Network(name="ws", models=MODELS, populations=pops, stimuli=stimuli, recorders=recs,
                   simulation=Simulation(duration=duration, resolution=1.0, seed=1))


def _burst(target: str, k: int, weight_pa: float, time: float = 10.0) -> tuple[Stimulus, ...]:
    """k spike arrays that all fire once at ``time`` onto ``target`` (delay 1 ms)."""
    return tuple(Stimulus(name=f"{target}{i}", kind="spike_times", target=target, params=(("times", (time,)),),
                          weight=weight_pa, delay=1.0) for i in range(k))


def _meta(out) -> dict:
    return json.loads((out / "meta.json").read_text())["spinnaker_host"]


# ---- the shift for a weight, computed independently ---------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(st.floats(min_value=1e-6, max_value=3e4, allow_nan=False))
def test_spynnaker_and_auto_shifts_match_a_direct_computation(m):
    """issue 13 item 10: sPyNNaker's shift is the smallest s >= 0 with maxw < 2**s; auto's the smallest s whose
    slot (65535 * 2**(s - 15)) holds the measured maximum times the headroom."""
    s_sp = next(s for s in range(64) if m < 2.0 ** s)
    assert fixed.ring_buffer_shift(m) == s_sp
    need = m * ws.AUTO_HEADROOM
    s_auto = min(ws.MAX_SHIFT, max(0, math.ceil(math.log2(need * 2 ** 15 / 65535))))
    if s_auto > 0 and need <= 65535 * 2.0 ** (s_auto - 1 - 15):  # log2 rounding at an exact power
        s_auto -= 1
    assert ws.auto_shift(m) == s_auto
    # the value written for sPyNNaker makes it choose the pinned shift again
    for s in range(17):
        assert fixed.ring_buffer_shift(ws.max_for_shift(s)) == s


# ---- an explicit shift changes the stored weight --------------------------------------------------------------
@pytest.mark.parametrize("shift", [0, 4])
def test_an_explicit_shift_changes_the_stored_weight(lif_model, tmp_path, shift):
    """issue 13 item 10: a 300 pA spike at shift s is stored as rint(0.3 nA * 2**(15 - s)) and enters the
    synapse as slot << s: the recorded current is exactly that (0.3 nA: 9830 units at shift 0, 614 << 4 = 9824
    at shift 4)."""
    net = _net((_pop("P"),), _burst("P", 1, 300.0))
    out = run_network(net, {"lif": lif_model}, tmp_path / "r", plots=False,
                      weight_scaling=(("P", WeightScaling(mode="shifts", values=(float(shift), 0.0))),))
    meta = _meta(out)
    assert meta["ring_buffer_shifts"]["P"] == [shift, 0]
    slot = int(np.rint(0.3 * 2.0 ** (15 - shift)))
    assert slot == {0: 9830, 4: 614}[shift]
    init = fixed.exp_init(fixed.timestep_s1615(1.0), fixed.encode_s1615(5.0))
    isyn = np.load(out / "traces" / "P__I_syn_exc.npz")["values"][:, 0]
    assert isyn[11] == pytest.approx(fixed.decay_s1615(slot << shift, init) / 32768.0 * 1000.0, abs=1e-9)
    row = next(w for w in meta["weights"] if w["population"] == "P")
    assert row["stored"] == pytest.approx(slot * 2.0 ** (shift - 15) * 1000.0, rel=1e-12)  # pA
    assert row["relative_error"] == pytest.approx(slot * 2.0 ** (shift - 15) / 0.3 - 1.0, rel=1e-9)


def test_max_expected_summed_weight_pins_the_shift_as_spynnaker_does(lif_model, tmp_path):
    """issue 13 item 10: max (network units, pA) -> nA -> sPyNNaker's shift rule."""
    net = _net((_pop("P"),), _burst("P", 1, 300.0))
    out = run_network(net, {"lif": lif_model}, tmp_path / "r", plots=False,
                      weight_scaling=(("*", WeightScaling(mode="max", values=(2500.0, 1000.0))),))
    assert _meta(out)["ring_buffer_shifts"]["P"] == [2, 1]  # 2.5 nA < 4; 1.0 nA = 2**0 -> 1


# ---- auto: smallest shift with headroom, no saturation in the run it measured ---------------------------------
def test_auto_takes_the_smallest_shift_that_holds_the_measured_input_and_never_saturates(lif_model, tmp_path):
    """issue 13 item 10: six simultaneous 0.4 nA spikes (2.4 nA in one tick). Population A is pinned at shift 0
    and saturates (W770 names it, with the count); population B gets the same input with auto: the shift
    chosen is the smallest whose slot holds the measured 2.4 nA times the headroom (1), and its final run has
    no saturation and a largest input within its slot."""
    net = _net((_pop("A", scaling=WeightScaling(mode="shifts", values=(0.0, 0.0))),
                _pop("B", scaling=WeightScaling(mode="auto"))), _burst("A", 6, 400.0) + _burst("B", 6, 400.0))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = run_network(net, {"lif": lif_model}, tmp_path / "r", plots=False)
    sat = [str(w.message) for w in caught if "W770" in str(w.message)]
    assert len(sat) == 1 and "population A: 1 additions to its excitatory ring buffers saturated at shift 0" in sat[0]
    meta = _meta(out)
    a, b = meta["weight_scaling"]["A"], meta["weight_scaling"]["B"]
    assert a["saturations"] == [1, 0] and b["saturations"] == [0, 0]
    slot = int(np.rint(0.4 * 2.0 ** 15))  # the measurement run is at sPyNNaker's shift: 2.4 nA -> 2
    assert b["attempts"][0] == [2, 0]
    measured = 6 * int(np.rint(0.4 * 2.0 ** 13)) * 2.0 ** (2 - 15) * 1000.0  # pA
    assert b["measured_max_input"][0] == pytest.approx(measured, rel=1e-12)
    expected = next(s for s in range(17) if measured * 1.25 <= 65535 * 2.0 ** (s - 15) * 1000.0)
    assert expected == 1 and b["shifts"] == [1, 0] == meta["ring_buffer_shifts"]["B"]
    assert b["max_input"][0] == pytest.approx(6 * int(np.rint(0.4 * 2.0 ** 14)) * 2.0 ** -14 * 1000.0, rel=1e-12)
    assert b["max_input"][0] <= b["capacity"][0] and slot  # held: no saturation in the run written
    isyn = np.load(out / "traces" / "B__I_syn_exc.npz")["values"][:, 0]
    init = fixed.exp_init(fixed.timestep_s1615(1.0), fixed.encode_s1615(5.0))
    assert isyn[11] == pytest.approx(fixed.decay_s1615((6 * int(np.rint(0.4 * 2.0 ** 14))) << 1, init)
                                     / 32768.0 * 1000.0, abs=1e-9)


@settings(max_examples=8, deadline=None)
@given(st.integers(1, 40), st.floats(50.0, 3000.0))
def test_auto_never_saturates_in_the_run_it_measured(lif_model, tmp_path_factory, k, weight):
    """issue 13 item 10 (property): whatever burst arrives, the auto run written has no saturation, and its
    shift is minimal: one less would not hold the measured input with headroom."""
    out = run_network(_net((_pop("B", scaling=WeightScaling(mode="auto")),), _burst("B", k, weight)),
                      {"lif": lif_model}, tmp_path_factory.mktemp("auto") / "r", plots=False)
    meta = _meta(out)
    b = meta["weight_scaling"]["B"]
    assert meta["saturations"] == 0 and b["saturations"] == [0, 0]
    assert b["max_input"][0] <= b["capacity"][0]
    s = b["shifts"][0]
    assert s == 0 or b["measured_max_input"][0] * ws.AUTO_HEADROOM > 65535 * 2.0 ** (s - 1 - 15) * 1000.0 \
        or len(b["attempts"]) > 2  # raised only because a run at the smaller shift saturated


# ---- specs ---------------------------------------------------------------------------------------------------
def test_specs_parse_and_bad_ones_are_refused():
    """issue 13 item 10: the CLI forms."""
    assert ws.parse_spec("auto") == ("*", WeightScaling(mode="auto"))
    assert ws.parse_spec("E=shift:1,2") == ("E", WeightScaling(mode="shifts", values=(1.0, 2.0)))
    assert ws.parse_spec("I=max:4,8.5") == ("I", WeightScaling(mode="max", values=(4.0, 8.5)))
    for bad in ("shift:1.5", "shift:17", "max:-1", "max:", "E=fast", "1x=auto"):
        with pytest.raises(UsageError) as err:
            ws.parse_spec(bad)
        assert err.value.code == "E770"
    with pytest.raises(UsageError) as err:
        ws.parse_specs(["auto", "spynnaker"])
    assert err.value.code == "E770"
    net = _net((_pop("P"),), ())
    with pytest.raises(UsageError) as err:
        ws.resolve(net, [("Q", WeightScaling(mode="auto"))])
    assert err.value.code == "E771"


def test_a_network_without_scaling_serialises_as_before():
    """issue 13 item 10: the new field is left out of the IR's JSON and of Options.to_json while at its default
    (cache keys and golden files stay the same)."""
    from portasnn.ir.serialize import canonical_json
    from portasnn.targets import Options

    assert "weight_scaling" not in canonical_json(_pop("P"))
    assert "weight_scaling" in canonical_json(_pop("P", scaling=WeightScaling(mode="auto")))
    assert Options().to_json() == {"solver": None, "substeps": 1, "arith": "fixed"}
    assert Options(weight_scaling=(("E", WeightScaling(mode="shifts", values=(1.0, 2.0))),)).to_json()[
        "weight_scaling"] == {"E": "shift:1,2"}


def test_auto_raises_a_shift_where_even_the_measurement_saturates(lif_model, tmp_path):
    """issue 13 item 10: 100 identical neurons (one DC) fire in the same tick onto B through delays of 1 or 2
    ticks. sPyNNaker's estimate assumes 30 Hz Poisson firing (shift 1, a 4 nA slot) and the measurement run
    saturates; auto raises the shift until the measurement holds, then takes the smallest shift with headroom,
    and writes a run without saturation."""
    from portasnn.ir.network import Connector, Distribution, Projection

    a, b = _pop("A", 100), _pop("B", 3, WeightScaling(mode="auto"))
    proj = Projection(name="A->B", pre="A", post="B", connector=Connector(rule="all_to_all"), weight=100.0,
                      delay=Distribution(kind="uniform", params=(("low", 0.6), ("high", 2.4))))
    dc = Stimulus(name="dc", kind="dc", target="A", params=(("amplitude", 1500.0),))
    net = _net((a, b), (dc,), duration=60.0)
    net = Network(name=net.name, models=net.models, populations=net.populations, projections=(proj,),
                  stimuli=net.stimuli, recorders=net.recorders, simulation=net.simulation)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = run_network(net, {"lif": lif_model}, tmp_path / "r", plots=False)
    assert not [w for w in caught if "W770" in str(w.message)]
    meta = _meta(out)
    ws_b = meta["weight_scaling"]["B"]
    first = ws_b["attempts"][0][0]
    assert 65535 * 2.0 ** (first - 15) < 100 * 0.1  # the estimate's slot cannot hold 100 spikes in one tick
    assert ws_b["attempts"][1][0] == first + 1  # raised by one after the saturated measurement
    measured = ws_b["measured_max_input"][0]
    assert measured > 65535 * 2.0 ** (first - 15) * 1000  # pA: more than the first slot held
    assert ws_b["shifts"][0] == next(s for s in range(17) if measured * 1.25 <= 65535 * 2.0 ** (s - 15) * 1000)
    assert ws_b["saturations"] == [0, 0] and meta["saturations"] == 0


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.floats(-5.0, 5.0), st.floats(0.0, 4.0), st.integers(0, 20)), min_size=1, max_size=6))
def test_running_stats_combine_as_spynnakers(items):
    """The statistics behind sPyNNaker's ring-buffer estimate (weight and delay variance over all projections
    into a synapse type) combine as sPyNNaker 7.4.1's own RunningStats does: a projection's variance is weighted
    by n - 1 (one connection's variance counts for nothing), the result divides by n - 1."""
    from spynnaker.pyNN.utilities.running_stats import RunningStats

    from portasnn.targets.spinnaker_host.runner import _RunningStats

    ours, theirs = _RunningStats(), RunningStats()
    for mean, variance, n in items:
        ours.add_items(mean, variance, n)
        theirs.add_items(mean, variance, n)
    assert ours.n == theirs.n_items
    assert math.isclose(ours.mean, theirs.mean, rel_tol=1e-12, abs_tol=1e-12)
    assert math.isclose(ours.variance, theirs.variance, rel_tol=1e-9, abs_tol=1e-9)
