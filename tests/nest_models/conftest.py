"""Shared fixtures: one NEST module with every NESTML zoo model (compiled once per test session)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ZOO = sorted((Path(sys.prefix) / "models" / "neurons").glob("*.nestml"))


@pytest.fixture(scope="session")
def nest():
    import nest as nest_module

    return nest_module


@pytest.fixture(scope="session")
def zoo_artifact():
    """All 30 zoo models in one module (portasnn.build of the zoo directory; cached across runs)."""
    import portasnn

    return portasnn.build(ZOO)
