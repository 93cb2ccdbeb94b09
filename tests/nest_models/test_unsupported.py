"""Constructs the NEST lowering does not support are refused with file:line:col, never a traceback."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from portasnn.errors import ModelError

CASES = sorted((Path(__file__).parent / "unsupported").glob("*.nestml"))


def expectation(path: Path) -> tuple[str | None, int, int, str]:
    """``# expect: [CODE] LINE:COL TEXT`` on the first line."""
    code, line, col, text = re.match(r"# expect: (?:(E\d{3}) )?(\d+):(\d+) (.*)",
                                     path.read_text().splitlines()[0]).groups()
    return code, int(line), int(col), text


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_refused_by_api(path):
    from portasnn.program import load_models

    code, line, col, text = expectation(path)
    with pytest.raises(ModelError) as info:
        load_models(path)
    err = info.value
    assert text in err.message
    assert code is None or err.code == code, str(err)
    assert (err.span.file, err.span.line, err.span.column) == (str(path), line, col)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_refused_by_cli(path):
    code, line, col, text = expectation(path)
    done = subprocess.run([sys.executable, "-m", "portasnn.cli", "build", "--target", "nest", str(path)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 2
    assert f"{path}:{line}:{col}: error {code or ''}" in done.stderr
    assert "Traceback" not in done.stderr
