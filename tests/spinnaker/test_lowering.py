"""Structure of the lowering: synapse types, weight units, host-computed constants, generated text."""
from __future__ import annotations

import math

import numpy as np
import pytest

from portasnn.targets.spinnaker.lower import Options, lower
from portasnn.targets.spinnaker.params_runtime import load_params_module, params_source
from portasnn.targets.spinnaker.render import render

from .conftest import solved


def test_delta_model_routes_both_signs_to_one_port_in_mV():
    low = lower(solved("iaf_psc_delta_neuron"))
    assert low.synapse_types == ("excitatory", "inhibitory")
    assert low.weight_units == ("mV", "mV") and low.weight_to_model == (1.0, 1.0)
    assert low.add_input_lines[0].startswith("case 0: n->in_spikes = REAL_ADD(")
    assert low.add_input_lines[1].startswith("case 1: n->in_spikes = REAL_SUB(")


def test_conductance_ports_use_uS_and_sPyNNaker_weight_scale():
    low = lower(solved("iaf_cond_exp_neuron"), Options(solver="euler", substeps=2))
    assert low.weight_units == ("uS", "uS") and low.global_weight_scale == 1024.0
    assert low.solver == "euler" and low.substeps == 2


def test_exp_constants_are_the_exact_propagators_for_the_time_step():
    low = lower(solved("iaf_psc_exp_neuron"))
    mod = load_params_module(params_source(low), "p_exp")
    values = {k: np.array([v[0]]) for k, v in mod.PARAMETERS.items()}
    values.update({k: np.array([v[0]]) for k, v in mod.STATE.items()})
    out = mod.derive(values, 0.25)
    decays = sorted(float(out[c.name][0]) for c in low.consts if "exp" in str(c.expr) and c.expr.count_ops() < 8)
    assert any(math.isclose(d, math.exp(-0.25 / 2.0), rel_tol=1e-12) for d in decays)   # tau_syn = 2 ms
    assert any(math.isclose(d, math.exp(-0.25 / 10.0), rel_tol=1e-12) for d in decays)  # tau_m = 10 ms
    update = render("update.h.j2", low=low)
    body = update.split("neuron_do_timestep", 1)[1]
    assert "exp" not in body.replace("exc", "")  # no exponential on the chip


def test_pynn_defaults_are_in_pynn_units():
    low = lower(solved("iaf_psc_exp_neuron"))
    params = {p.name: p for p in low.params}
    assert params["C_m"].unit == "nF" and math.isclose(params["C_m"].default, 0.25)
    assert params["I_e"].unit == "nA" and params["tau_m"].unit == "ms"
    assert {r.name: r.unit for r in low.recordables}["I_syn_exc"] == "pA"


def test_scaled_multiplier_beyond_its_headroom_is_a_clear_error():
    """h k / C_m = 0.0005 at the defaults is held as value * 2**14; k 1e5 times the default no longer fits."""

    from portasnn.errors import NetworkError
    from portasnn.targets.spinnaker_host.lower import host_model
    from portasnn.targets.spinnaker_host.model import PackContext

    from .conftest import solved

    model = host_model(solved("izhikevich_psc_alpha_neuron"), "euler")
    values = {k: np.array([v]) for k, v in model.defaults.items()}
    model.pack(values, PackContext(n=1, dt_ms=0.1, arith="fixed"))  # the defaults fit
    values["k"] = np.array([1e5 * model.defaults["k"]])
    with pytest.raises(NetworkError, match=r"E436.*outside the s16.15 range"):
        model.pack(values, PackContext(n=1, dt_ms=0.1, arith="fixed"))
