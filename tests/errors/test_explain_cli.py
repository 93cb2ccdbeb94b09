"""``portasnn explain`` through the real command line (issue 12 item 4)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from portasnn.codes import CODES


def portasnn(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "portasnn.cli", *args], capture_output=True, text=True,
                          timeout=300, env=dict(os.environ))


def test_explain_prints_code_title_and_explanation():
    done = portasnn("explain", "E302")
    assert done.returncode == 0, done.stderr
    head, body = done.stdout.split("\n\n", 1)
    assert head == "E302: non-linear ODEs need a fixed-step solver on SpiNNaker"
    assert "--spinnaker-solver euler" in body and done.stderr == ""


def test_every_registered_code_is_explained():
    """All codes in one process: each prints its own title and its whole explanation, in order."""
    done = portasnn("explain", *CODES)
    assert done.returncode == 0, done.stderr
    blocks = done.stdout.rstrip("\n").split("\n\n")
    assert len(blocks) == 2 * len(CODES)
    for (head, body), c in zip(zip(blocks[::2], blocks[1::2]), CODES.values()):
        assert head == f"{c.code}: {c.title}" + (" (reserved)" if c.reserved else "")
        assert " ".join(body.split()) == c.explanation
        assert max(len(line) for line in body.splitlines()) <= 100


def test_codes_are_case_insensitive():
    done = portasnn("explain", "w101")
    assert done.returncode == 0 and done.stdout.startswith("W101: implicit unit conversion\n")


def test_an_unknown_code_is_a_user_error():
    done = portasnn("explain", "E302", "E998")
    assert done.returncode == 2
    assert done.stderr.startswith("error E003: unknown error code 'E998'")
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_without_a_code_every_code_is_listed_with_its_title():
    done = portasnn("explain")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    for c in CODES.values():
        assert f"  {c.code}  {c.title}" in lines
        assert f"{c.stage}:" in lines


def test_json_lists_every_code():
    done = portasnn("explain", "--json")
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert [e["code"] for e in listed] == list(CODES)
    assert listed[0].keys() == {"code", "kind", "stage", "title", "explanation"}
    assert {e["kind"] for e in listed} == {"error", "warning"}
    one = json.loads(portasnn("explain", "--json", "E120").stdout)
    assert one == [e for e in listed if e["code"] == "E120"]
