"""Every neuron model shipped with nestml 9.0 builds for NEST, loads and simulates."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest


ZOO = sorted((Path(sys.prefix) / "models" / "neurons").glob("*.nestml"))
REFUSED: dict[str, str] = {}
BUILT = [p for p in ZOO if p.stem not in REFUSED]


def test_the_zoo_is_complete():
    assert len(ZOO) == 30


@pytest.fixture(scope="module")
def artifact(zoo_artifact):
    return zoo_artifact


@pytest.mark.slow
@pytest.mark.parametrize("path", BUILT, ids=[p.stem for p in BUILT])
def test_builds_loads_and_simulates(artifact, path):
    import nest

    nest.ResetKernel()
    artifact.install()
    model = artifact.nest_models[path.stem]
    assert model in nest.node_models
    node = nest.Create(model)
    nest.Simulate(20.0)
    status = node.get()
    assert all(v == v for v in status.values() if isinstance(v, float)), "no NaN in the status"
