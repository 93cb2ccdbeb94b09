"""A results directory holds results: running the generated PyNEST script leaves no ``__pycache__`` in it when
Python writes bytecode (its default), so a failed run leaves nothing that looks like results either."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PORTASNN = str(Path(sys.executable).with_name("portasnn"))
NET = Path(__file__).parents[1] / "targets" / "small_nestml.pnet"


def test_no_bytecode_in_the_results_directory(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out = tmp_path / "out"
    done = subprocess.run([PORTASNN, "run", str(NET), "--target", "nest", "-o", str(out), "--no-plots"],
                          capture_output=True, text=True, timeout=900, env=env)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in out.iterdir())
    assert "__pycache__" not in names and {"meta.json", "summary.json", "spikes"} <= set(names), names
