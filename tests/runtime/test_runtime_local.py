"""The local backend runs a bundle like a compute node would; records survive the process."""
from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time

import numpy as np
from runtime_testdata import STUB

from portasnn import runtime
from portasnn.runtime.bundle import bundle_script


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "portasnn.cli", *args], capture_output=True, text=True, timeout=120)


def test_local_submit_status_fetch_from_new_processes(env, stub_bundle):
    proc = _cli("submit", str(stub_bundle.path), "--to", "local", "--json")
    assert proc.returncode == 0, proc.stderr
    job = json.loads(proc.stdout)["id"]
    deadline = time.monotonic() + 60
    while True:
        state = json.loads(_cli("status", job, "--json").stdout)["state"]
        if state in ("SUCCESSFUL", "FAILED") or time.monotonic() > deadline:
            break
        time.sleep(0.3)
    assert state == "SUCCESSFUL"
    out = env.tmp / "fetched"
    proc = _cli("fetch", job, "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    # the results are the stub's, checked independently of the runtime's own checksum file
    data = np.load(out / "results" / "spikes" / "E.npz")
    assert data["times"].size == 12000 and np.all(np.diff(data["times"]) >= 0)
    for line in (out / "results.sha256").read_text().splitlines():
        digest, name = line.split("  ")
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest
    manifest = json.loads((out / "results" / "manifest.json").read_text())
    assert manifest["bundle"]["digest"] == stub_bundle.digest
    # submitting the same bundle again finds the same job: no second run
    again = json.loads(_cli("submit", str(stub_bundle.path), "--to", "local", "--json").stdout)
    assert again["id"] == job and len(runtime.jobs()) == 1


def test_local_cancel_stops_the_run(env):
    slow = bundle_script(STUB, outdir=env.bundles, args=["--sleep", "60"])
    rec = runtime.submit(slow.path, to="local")
    pid = rec.info["pid"]
    assert runtime.status(rec.id).state == "RUNNING"
    rec = runtime.cancel(rec.id)
    assert rec.state == "CANCELLED"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            with open(f"/proc/{pid}/stat") as fh:
                if fh.read().split(")")[-1].split()[0] == "Z":
                    break
        except (ProcessLookupError, FileNotFoundError):
            break
        time.sleep(0.2)
    else:
        raise AssertionError("the runner is still alive after cancel")
    assert runtime.status(rec.id).state == "CANCELLED"
