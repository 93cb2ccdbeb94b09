"""Shared fixtures of the spinnaker target tests."""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import pytest

NESTML_MODELS = Path(sys.prefix) / "models" / "neurons"
HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def solved(name: str):
    """The solved IR of a model shipped with nestml (cached per process)."""
    from portasnn.builder import load_ir

    return load_ir(NESTML_MODELS / f"{name}.nestml")[0]


@pytest.fixture(scope="session")
def exp_ir():
    return solved("iaf_psc_exp_neuron")
