"""Small NEST-generated results directories shared by the harness tests (built once per session)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "results"))


@pytest.fixture(scope="session")
def brunel_dirs(tmp_path_factory):
    """Reference seeds 1-3 (g 5, J 0.2 mV), a g = 4 variant, a J x 1.5 variant (external drive kept), and a
    network with other population sizes; 500 ms each."""
    from brunel_nest import run_brunel

    root = tmp_path_factory.mktemp("brunel")
    dirs = {f"ref{s}": run_brunel(root / f"ref{s}", seed=s, plots=False) for s in (1, 2, 3)}
    dirs["g4"] = run_brunel(root / "g4", seed=1, g=4.0, plots=False)
    dirs["J1.5"] = run_brunel(root / "J15", seed=1, J=0.3, J_ext=0.2, plots=False)
    dirs["small"] = run_brunel(root / "small", seed=1, NE=200, NI=50, duration=200.0, plots=False)
    return dirs
