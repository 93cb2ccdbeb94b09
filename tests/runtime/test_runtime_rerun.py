"""A job the site runs again (a Slurm requeue, a restarted site) finishes with complete results (issue 13 item 14).

The far-side entry writes its results aside and renames them into place at the end; what an interrupted
earlier run left in the same working directory is replaced.
"""
from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

from portasnn.runtime.backends.unicore import UnicoreBackend
from portasnn.runtime.bundle import bundle_network

REPO = Path(__file__).resolve().parents[2]
BRUNEL = REPO / "examples" / "brunel" / "brunel_delta_nest.pnet"  # NEST built-ins: nothing to compile


@pytest.fixture
def net_bundle(env):
    return bundle_network(BRUNEL, target="nest", outdir=env.bundles, overrides={"N": "100"})


def _entry(bundle, cwd: Path, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "portasnn.runtime.entry", str(bundle.path), "--outdir", "results"],
                            cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def _finish(proc: subprocess.Popen) -> tuple[int, str]:
    out, err = proc.communicate(timeout=300)
    return proc.returncode, out + err


def _verified(root: Path) -> set[str]:
    """The files listed in results.sha256, each checked here; they must be exactly the files under results/."""
    listed = dict(reversed(line.split("  ")) for line in (root / "results.sha256").read_text().splitlines())
    for name, digest in listed.items():
        assert hashlib.sha256((root / name).read_bytes()).hexdigest() == digest, name
    present = {p.relative_to(root).as_posix() for p in (root / "results").rglob("*") if p.is_file()}
    assert present == set(listed)
    return present


def _same_spikes(a: Path, b: Path) -> None:
    names = sorted(p.name for p in (b / "spikes").glob("*.npz"))
    assert names == sorted(p.name for p in (a / "spikes").glob("*.npz")) and names
    for name in names:
        x, y = np.load(a / "spikes" / name), np.load(b / "spikes" / name)
        assert np.array_equal(x["senders"], y["senders"]) and np.array_equal(x["times"], y["times"]), name


@pytest.fixture
def clean_run(env, net_bundle):
    """The same bundle run once in a fresh directory: what every re-run must reproduce."""
    wd = env.tmp / "clean"
    wd.mkdir()
    code, log = _finish(_entry(net_bundle, wd))
    assert code == 0, log
    return wd / "results"


def test_entry_replaces_a_partial_results_directory(env, net_bundle, clean_run):
    """Issue 13 item 14: a partial results/ left by an interrupted run (and a partial attempt directory) is replaced;
    before, the entry refused it with E401 and the job was lost."""
    wd = env.tmp / "job"
    wd.mkdir()
    (wd / "results" / "spikes").mkdir(parents=True)
    (wd / "results" / "spikes" / "E.npz").write_bytes(b"half a file")
    (wd / "results" / "stale.txt").write_text("from the first run")
    (wd / ".results.attempt").mkdir()
    (wd / ".results.attempt" / "meta.json").write_text("{")
    code, log = _finish(_entry(net_bundle, wd))
    assert code == 0 and "Traceback" not in log, log
    files = _verified(wd)
    assert "results/stale.txt" not in files and "results/manifest.json" in files
    _same_spikes(clean_run, wd / "results")
    assert not [p.name for p in wd.iterdir() if p.name.startswith(".results")]


def test_entry_runs_again_after_being_killed_part_way(env, net_bundle, clean_run):
    """Issue 13 item 14: the first run is killed while it writes results; the second, in the same directory, succeeds
    with the results of a clean run. A third run (a requeue after success) replaces them with the same."""
    wd = env.tmp / "job"
    wd.mkdir()
    proc = _entry(net_bundle, wd, start_new_session=True)
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if any(p.is_file() for pattern in ("results/*", ".results.attempt/*") for p in wd.glob(pattern)):
            break
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGKILL)
    code, _ = _finish(proc)
    assert code == -signal.SIGKILL  # killed part-way, not finished
    assert not (wd / "results.sha256").exists()
    for _ in range(2):
        code, log = _finish(_entry(net_bundle, wd))
        assert code == 0 and "Traceback" not in log, log
        _verified(wd)
        _same_spikes(clean_run, wd / "results")
    assert not [p.name for p in wd.iterdir() if p.name.startswith(".results")]


def test_entry_never_replaces_anything_outside_the_working_directory(env, net_bundle):
    """Issue 13 item 14: only directories inside the job's working directory are replaced; E690 otherwise."""
    outside = env.tmp / "elsewhere" / "results"
    (outside / "keep").mkdir(parents=True)
    wd = env.tmp / "job"
    wd.mkdir()
    proc = subprocess.run([sys.executable, "-m", "portasnn.runtime.entry", str(net_bundle.path), "--outdir",
                           str(outside)], cwd=wd, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and "error E690" in proc.stderr and "Traceback" not in proc.stderr
    assert (outside / "keep").is_dir()


def test_unicore_site_reruns_the_job(env, unicore_site, net_bundle, clean_run):
    """Issue 13 item 14, through the loopback UNICORE site and the real pyunicore client: the site kills the job's
    first run part-way and runs it again in the same working directory; the job ends SUCCESSFUL with every result."""
    unicore_site.faults = {"requeue": 1}
    backend = UnicoreBackend("loopback")
    rec = backend.wait(backend.submit(net_bundle), timeout_s=300, first_s=0.2, max_s=1.0)
    assert unicore_site.fired == {"requeue": 1} and unicore_site.killed == 1  # the first run was killed part-way
    job = next(iter(unicore_site.jobs.values()))
    assert any("requeued" in line for line in job["log"])
    stderr = (job["wd"] / "stderr").read_text()
    assert rec.state == "SUCCESSFUL", stderr[-2000:]
    assert "Traceback" not in stderr
    backend.fetch(rec, env.tmp / "fetched")
    files = _verified(env.tmp / "fetched")
    _same_spikes(clean_run, env.tmp / "fetched" / "results")
    assert len(unicore_site.jobs) == 1
    expected = {p.relative_to(clean_run.parent).as_posix() for p in clean_run.rglob("*") if p.is_file()}
    figures = {"reruns": 1, "jobs": len(unicore_site.jobs), "duplicates": len(unicore_site.jobs) - 1,
               "results_expected": len(expected), "results_lost": len(expected - files), "tracebacks": 0}
    print("unicore re-run:", json.dumps(figures))
    assert figures["results_lost"] == 0


def test_only_rank_0_replaces_results(env, stub_bundle):
    """Issue 13 item 14: under srun every rank runs the entry; a rank other than 0 runs in a private scratch directory
    and leaves the working directory's results (complete, or partial from an earlier run) to rank 0."""
    wd = env.tmp / "job"
    (wd / "results").mkdir(parents=True)
    (wd / "results" / "from-rank-0.txt").write_text("kept")
    proc = subprocess.run([sys.executable, "-m", "portasnn.runtime.entry", str(stub_bundle.path), "--outdir",
                           "results"], cwd=wd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PMIX_RANK": "1"})
    assert proc.returncode == 0, proc.stderr
    assert [p.name for p in (wd / "results").iterdir()] == ["from-rank-0.txt"]
    assert not (wd / "results.sha256").exists() and not (wd / ".results.attempt").exists()
