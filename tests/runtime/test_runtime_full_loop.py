"""The whole path: Brunel (small) -> bundle -> loopback UNICORE / NMPI -> status -> fetch -> `portasnn compare`."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
from runtime_testdata import TOKEN
from tokenscan import scan_for

REPO = Path(__file__).resolve().parents[2]
BRUNEL = REPO / "examples" / "brunel" / "brunel_delta_nest.pnet"
BRUNEL_NESTML = REPO / "examples" / "brunel" / "brunel_delta_nestml.pnet"  # SpiNNaker needs a NESTML model
N = "200"


def _cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "portasnn.cli", *args], capture_output=True, text=True,
                          timeout=timeout)


def _loop(env, to: str) -> tuple[Path, list[str]]:
    """submit -> status (polled, new processes) -> fetch; returns the fetched results dir and the CLI logs."""
    logs = []
    pnet = BRUNEL_NESTML if to.startswith("nmpi") else BRUNEL
    bundle = json.loads(_cli("bundle", str(pnet), "--set", f"N={N}", "--target",
                             "spinnaker" if to.startswith("nmpi") else "nest", "-o", str(env.bundles),
                             "--json").stdout)["bundle"]
    proc = _cli("submit", bundle, "--to", to, "--json")
    logs.append(proc.stdout + proc.stderr)
    assert proc.returncode == 0, proc.stderr
    job = json.loads(proc.stdout)["id"]
    deadline = time.monotonic() + 300
    while True:
        proc = _cli("status", job, "--json")
        logs.append(proc.stdout + proc.stderr)
        state = json.loads(proc.stdout)["state"]
        if state in ("SUCCESSFUL", "FAILED", "CANCELLED") or time.monotonic() > deadline:
            break
        time.sleep(1.0)
    assert state == "SUCCESSFUL", logs[-1]
    proc = _cli("fetch", job, "-o", str(env.tmp / "fetched"))
    logs.append(proc.stdout + proc.stderr)
    assert proc.returncode == 0, proc.stderr
    return Path(proc.stdout.strip()), logs


def _same_spikes(a: Path, b: Path) -> None:
    """Same seed, same simulator: the fetched spikes equal those of a local run, neuron by neuron."""
    for f in sorted((b / "spikes").glob("*.npz")):
        x, y = np.load(a / "spikes" / f.name), np.load(f)
        assert np.array_equal(x["senders"], y["senders"]) and np.array_equal(x["times"], y["times"]), f.name


@pytest.mark.slow
def test_brunel_through_unicore_then_compare(env, unicore_site):
    fetched, logs = _loop(env, "unicore:loopback")
    local = env.tmp / "local"
    proc = _cli("run", str(BRUNEL), "--target", "nest", "--set", f"N={N}", "-o", str(local))
    assert proc.returncode == 0, proc.stderr
    _same_spikes(fetched, local)
    proc = _cli("compare", "-r", str(fetched), "-r", str(local), "-o", str(env.tmp / "compare"), "--json")
    logs.append(proc.stdout + proc.stderr)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout)["verdict"] == "OK"
    assert json.loads((fetched / "manifest.json").read_text())["bundle"]["target"] == "nest"
    (env.tmp / "cli.log").write_text("\n".join(logs))
    assert scan_for(TOKEN, env.tmp, unicore_site.root) == []


@pytest.mark.slow
def test_brunel_through_nmpi_then_compare(env, nmpi_queue):
    fetched, logs = _loop(env, "nmpi:spinnaker")  # the fake platform runs the bundle on spinnaker-host
    local = env.tmp / "local"
    proc = _cli("run", str(BRUNEL_NESTML), "--target", "spinnaker-host", "--set", f"N={N}", "-o", str(local))
    assert proc.returncode == 0, proc.stderr
    _same_spikes(fetched, local)
    proc = _cli("compare", "-r", str(fetched), "-r", str(local), "-o", str(env.tmp / "compare"), "--json")
    logs.append(proc.stdout + proc.stderr)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout)["verdict"] == "OK"
    (env.tmp / "cli.log").write_text("\n".join(logs))
    assert not (env.home / ".hbptoken").exists()
    assert scan_for(TOKEN, env.tmp, nmpi_queue.root) == []
