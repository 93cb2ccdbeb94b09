"""NESTML vectors are refused with file:line:col until the lowering supports them (issue 13 item 3).

nestml 9 keeps a vector's size on the declared variable (``vector_parameter``), not on the declaration,
so these models used to build with exit 0 and scalar ``g_in``/``g_ex``.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from portasnn.errors import ModelError
from portasnn.frontend.nestml import load_models

UPSTREAM = Path(__file__).parent / "upstream"
PORTASNN = Path(sys.executable).parent / "portasnn"

# file -> (line, column, message) of the first vector construct
UPSTREAM_CASES = {
    "Vectors.nestml": (32, 9, "vector declarations are not supported yet: 'g_in[20]'"),
    "SimpleVectorsModel.nestml": (26, 9, "vector declarations are not supported yet: 'g_ex[20]'"),
}
COMMANDS = {"nest": ["build", "--target", "nest"], "spinnaker": ["build", "--target", "spinnaker"], "ir": ["ir"]}


@pytest.mark.parametrize("command", COMMANDS, ids=list(COMMANDS))
@pytest.mark.parametrize("name", UPSTREAM_CASES, ids=list(UPSTREAM_CASES))
def test_upstream_vector_models_are_refused_by_the_cli(tmp_path: Path, name: str, command: str) -> None:
    """issue 13 item 3: nestml's own vector test models built for nest and spinnaker with exit 0."""
    line, column, message = UPSTREAM_CASES[name]
    path = UPSTREAM / name
    args = [str(PORTASNN), *COMMANDS[command], str(path)]
    if command != "ir":
        args += ["-o", str(tmp_path / "out")]
    env = {**os.environ, "PORTASNN_CACHE_DIR": str(tmp_path / "cache")}  # a build cached before the fix is not found
    done = subprocess.run(args, capture_output=True, text=True, timeout=600, cwd=tmp_path, env=env)
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"{path}:{line}:{column}: error E191" in done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr


def _model(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "m.nestml"
    path.write_text("model m:\n" + body)
    return path


def test_indexed_assignment_is_refused(tmp_path: Path) -> None:
    """issue 13 item 3: an indexed assignment was not checked at all (here it comes before the declaration)."""
    path = _model(tmp_path, "    update:\n        g[1] = 2 mV\n\n    state:\n        g [2] mV = 0 mV\n")
    with pytest.raises(ModelError) as info:
        load_models(path)
    err = info.value
    assert (err.span.line, err.span.column) == (3, 9), str(err)
    assert err.code == "E191"
    assert "indexed use of a vector is not supported yet: 'g[1]'" in err.message


def test_vector_input_port_is_refused(tmp_path: Path) -> None:
    """issue 13 item 3: a vector spike input port."""
    path = _model(tmp_path, "    state:\n        V_m mV = 0 mV\n\n    input:\n        spikes[3] <- spike\n\n"
                            "    onReceive(spikes):\n        V_m += 1 mV\n")
    with pytest.raises(ModelError) as info:
        load_models(path)
    err = info.value
    assert (err.span.line, err.span.column, err.code) == (6, 9, "E191"), str(err)
    assert "vector input ports are not supported yet: 'spikes[3]'" in err.message
