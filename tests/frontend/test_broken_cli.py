"""`portasnn ir BROKEN.nestml` exits 2 with file:line:col on stderr and no traceback."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from nestml_cases import corpus

PORTASNN = Path(sys.executable).with_name("portasnn")
CASES = corpus()


pytestmark = pytest.mark.slow


@pytest.mark.parametrize("case", CASES, ids=[c.path.stem for c in CASES])
def test_cli_reports_broken_model_as_user_error(case):
    done = subprocess.run([str(PORTASNN), "ir", str(case.path)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 2, done.stderr
    assert f"{case.path}:{case.line}:{case.column}: error {case.code}" in done.stderr
    assert case.substring in done.stderr
    assert "Traceback" not in done.stderr and "Traceback" not in done.stdout
    assert done.stdout == ""
