"""The spinnaker lowering kept in the build cache by content (issue 13 item 11)."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from portasnn.cache import BuildCache
from portasnn.program import load_models
from portasnn.targets.spinnaker import lowcache
from portasnn.targets.spinnaker.lower import Options, lower

ZOO = Path(sys.prefix) / "models" / "neurons"


@pytest.mark.parametrize("name,solver", [("iaf_psc_exp_neuron", None), ("izhikevich_neuron", "euler")])
def test_a_kept_lowering_reads_back_equal_and_a_damaged_one_is_not_used(name: str, solver, tmp_path: Path) -> None:
    """issue 13 item 11: every warm spinnaker-host run lowered its models again (sympy, most of a second)."""
    model = load_models(ZOO / f"{name}.nestml")[0]
    options = Options(solver=solver)
    cache = BuildCache(tmp_path / "builds")
    assert lowcache.find(model, options, cache) is None
    fresh = lower(model, options)
    lowcache.keep(model, options, fresh, cache)
    found = lowcache.find(model, options, cache)
    assert found is not None and found == fresh
    assert lowcache.dump(found) == lowcache.dump(fresh)
    assert lowcache.find(model, Options(solver=solver, substeps=2), cache) is None  # other options: another key

    (entry,) = [e for e in cache.ls() if e.label.startswith("spinnaker lowering")]
    payload = entry.path / lowcache.PAYLOAD
    payload.write_text(payload.read_text().replace('"name"', '"nam"', 1))
    assert lowcache.find(model, options, cache) is None  # sha256 no longer matches: not trusted
    lowcache.keep(model, options, fresh, cache)  # replaced
    assert lowcache.find(model, options, cache) == fresh
