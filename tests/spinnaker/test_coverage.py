"""Every neuron model shipped with nestml lowers to SpiNNaker or is refused with a located reason."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from .conftest import NESTML_MODELS

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "spinnaker_coverage.py"


def _check_model():
    spec = importlib.util.spec_from_file_location("spinnaker_coverage", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.check_model


@pytest.mark.parametrize("name,status", [
    ("iaf_psc_alpha_neuron", "lowered"),
    ("izhikevich_neuron", "lowered (euler)"),
    ("aeif_psc_exp_neuron", "lowered (euler)"),
    ("hh_cond_exp_destexhe_neuron", "refused"),
    ("hh_moto_5ht_neuron", "lowered (euler)"),
])
def test_representative_models(name, status):
    row = _check_model()(NESTML_MODELS / f"{name}.nestml")
    assert row["status"] == status, row
    if status == "refused":
        assert f"{name}.nestml:" in row["reason"] and "E3" in row["reason"]
    else:
        assert row["compiled"]


@pytest.mark.slow
def test_all_shipped_models_lower_or_are_refused_without_crashing():
    check = _check_model()
    rows = [check(p) for p in sorted(NESTML_MODELS.glob("*.nestml"))]
    assert len(rows) == 30
    assert not [r for r in rows if r["status"] == "crash"]
    from .test_arm_reference import LOWERED_ZOO

    assert {r["model"] for r in rows if r["status"].startswith("lowered")} == set(LOWERED_ZOO)
    for r in rows:
        if r["status"] == "refused":
            assert ".nestml:" in r["reason"], r
