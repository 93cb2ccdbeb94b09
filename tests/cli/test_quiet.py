"""Issue 13 item 9: portasnn's output is its own; the tools underneath speak only with --verbose."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PORTASNN = str(Path(sys.executable).with_name("portasnn"))
NET = Path(__file__).parents[1] / "targets" / "small_nestml.pnet"


def _run(tmp_path: Path, *flags: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYNEST_QUIET", "PORTASNN_VERBOSE")}
    return subprocess.run([PORTASNN, *flags, "run", str(NET), "--target", "nest", "-o", str(tmp_path / "out"),
                           "--force"], capture_output=True, text=True, timeout=900, env=env)


def test_no_nest_banner_or_library_warnings_unless_verbose(tmp_path):
    """issue 13 item 9: no NEST banner, NEST [INFO] lines or library warnings in a plain run; --verbose shows
    NEST's banner again."""
    quiet = _run(tmp_path)
    assert quiet.returncode == 0, quiet.stderr
    both = quiet.stdout + quiet.stderr
    assert "N E S T" not in both and "[INFO]" not in both and "Warning:" not in both, both
    assert quiet.stdout.splitlines()[-1].startswith("results in ")
    loud = _run(tmp_path, "--verbose")
    assert loud.returncode == 0, loud.stderr
    assert "N E S T" in loud.stdout + loud.stderr
