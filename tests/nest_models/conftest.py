"""Shared fixtures: one NEST module with every NESTML zoo model the tests compare (one compile)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ZOO = Path(sys.prefix) / "models" / "neurons"


@pytest.fixture(scope="session")
def nest():
    import nest as nest_module

    nest_module.set_verbosity("M_ERROR") if hasattr(nest_module, "set_verbosity") else None
    return nest_module


