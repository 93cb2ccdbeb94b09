"""`portasnn submit --wait` outlives an outage of the site (issue 13 item 17).

The loopback UNICORE site is stopped while the command polls and started again on the same port; the job goes on
meanwhile. Bounded: the site stops itself after its lifetime, every process has a timeout.
"""
from __future__ import annotations

import json
import subprocess
import sys
import time

from runtime_testdata import STUB
from test_runtime_unicore import _check_results

from portasnn.runtime.bundle import bundle_script


def _submit_wait(bundle, *options: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "portasnn.cli", "submit", str(bundle.path), "--to",
                             "unicore:loopback", "--wait", "--json", *options],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _polling(site, timeout_s: float = 60) -> None:
    """Wait until the job was started and polled at least once."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        started = [i for i, (verb, path, _) in enumerate(list(site.requests)) if path.endswith("/actions/start")]
        if started and any(verb == "GET" and "/jobs/" in path and "storages" not in path
                           for verb, path, _ in list(site.requests)[started[0] + 1:]):
            return
        time.sleep(0.05)
    raise AssertionError("the job was never polled")


def test_wait_survives_an_outage_of_the_site(env, unicore_site):
    """Issue 13 item 17: an eight-second outage while --wait polls: it keeps polling with backoff, says on stderr what
    happened, and ends with the job SUCCESSFUL (before: `polling failed: ... Connection refused`, exit 1)."""
    slow = bundle_script(STUB, outdir=env.bundles, args=["--sleep", "4"])
    proc = _submit_wait(slow, "--outage-limit", "60")
    _polling(unicore_site)
    unicore_site.restart(down_s=8.0)  # down for 8 s, then back on the same port with the same jobs
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert json.loads(out)["state"] == "SUCCESSFUL"
    assert "cannot reach unicore:loopback" in err and "answers again after" in err and "Traceback" not in err
    assert len(unicore_site.jobs) == 1
    job = json.loads(out)["id"]
    fetched = subprocess.run([sys.executable, "-m", "portasnn.cli", "fetch", job, "-o", str(env.tmp / "fetched")],
                             capture_output=True, text=True, timeout=120)
    assert fetched.returncode == 0, fetched.stderr
    n = _check_results(env.tmp / "fetched")
    print("outage during --wait:", json.dumps({"outage_s": 8, "jobs": len(unicore_site.jobs), "duplicates": 0,
                                               "results_expected": n, "results_lost": 0, "tracebacks": 0}))


def test_wait_gives_up_at_the_limit_and_says_how_to_resume(env, unicore_site):
    """Issue 13 item 17: past --outage-limit it gives up (exit 1, no traceback) naming `portasnn status JOB` and
    `portasnn fetch JOB`; once the site is back, those find the job finished with every result."""
    slow = bundle_script(STUB, outdir=env.bundles, args=["--sleep", "2"])
    proc = _submit_wait(slow, "--outage-limit", "3")
    _polling(unicore_site)
    unicore_site.stop()
    t0 = time.monotonic()
    out, err = proc.communicate(timeout=120)
    waited = time.monotonic() - t0
    assert proc.returncode == 1, err
    assert "Traceback" not in err and "gave up waiting for job" in err and "outage limit 3 s" in err
    rec_id = err.split("`portasnn status ")[1].split("`")[0]
    assert f"`portasnn fetch {rec_id}`" in err
    assert waited < 30  # the limit plus one status call's own retries
    unicore_site.start()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        state = json.loads(subprocess.run([sys.executable, "-m", "portasnn.cli", "status", rec_id, "--json"],
                                          capture_output=True, text=True, timeout=120).stdout)["state"]
        if state in ("SUCCESSFUL", "FAILED"):
            break
        time.sleep(0.5)
    assert state == "SUCCESSFUL"
    fetched = subprocess.run([sys.executable, "-m", "portasnn.cli", "fetch", rec_id, "-o", str(env.tmp / "fetched")],
                             capture_output=True, text=True, timeout=120)
    assert fetched.returncode == 0, fetched.stderr
    n = _check_results(env.tmp / "fetched")
    assert len(unicore_site.jobs) == 1
    print("outage past --outage-limit:", json.dumps({"gave_up_after_s": round(waited, 1), "jobs": 1,
                                                     "duplicates": 0, "results_expected": n, "results_lost": 0,
                                                     "tracebacks": 0}))
