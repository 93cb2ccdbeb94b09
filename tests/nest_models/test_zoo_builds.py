"""Every neuron model shipped with nestml 9.0 either builds for NEST, loads and simulates, or is
refused with a clear error that names the construct and its line."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from portasnn.errors import ModelError

ZOO = sorted((Path(sys.prefix) / "models" / "neurons").glob("*.nestml"))
# Kernels written as systems of ODEs (``kernel g' = g$ - g/tau``) are not lowered yet.
REFUSED = {
    "hill_tononi_neuron": "kernels given as ODEs",
    "iaf_cond_beta_neuron": "kernels given as ODEs",
    "traub_cond_multisyn_neuron": "kernels given as ODEs",
    "wb_cond_multisyn_neuron": "kernels given as ODEs",
}
BUILT = [p for p in ZOO if p.stem not in REFUSED]


def test_the_zoo_is_complete():
    assert len(ZOO) == 30


@pytest.fixture(scope="module")
def artifact():
    import portasnn

    return portasnn.build(BUILT)


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


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_refused_with_location(name):
    from portasnn.builder import load_ir

    path = next(p for p in ZOO if p.stem == name)
    with pytest.raises(ModelError) as info:
        load_ir(path)
    err = info.value
    assert REFUSED[name] in err.message
    assert err.span is not None and err.span.file == str(path) and err.span.line > 0
