"""NMPI backend through the real nmpi client against a loopback Neuromorphic Platform job queue."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time

import pytest
from runtime_testdata import TOKEN
from tokenscan import scan_for

from portasnn import runtime
from portasnn.errors import UsageError
from portasnn.runtime.backends.nmpi import NmpiBackend, launcher_code
from portasnn.runtime.bundle import write_bundle


def _verified(out) -> int:
    listed = dict(reversed(line.split("  ")) for line in (out / "results.sha256").read_text().splitlines())
    assert {"results/spikes/E.npz", "results/meta.json"} <= set(listed)
    for name, digest in listed.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest, name
    return len(listed)


def test_launcher_is_one_python_file_carrying_the_bundle(env, stub_bundle):
    import base64

    namespace: dict = {"__name__": "run"}
    exec(compile(launcher_code(stub_bundle), "run.py", "exec"), namespace)  # defines, does not run
    assert base64.b64decode(namespace["BUNDLE_B64"]) == stub_bundle.path.read_bytes()
    assert namespace["BUNDLE_NAME"] == stub_bundle.path.name


def test_submit_poll_fetch_with_faults(env, nmpi_queue, stub_bundle):
    nmpi_queue.faults = {"create_5xx": 1, "create_reset": 1, "poll_5xx": 2, "download_truncate": 1}
    backend = NmpiBackend()
    rec = backend.submit(stub_bundle)
    assert rec.remote == "/jobs/142973"
    rec = backend.wait(rec, timeout_s=60, first_s=0.2, max_s=1.0)
    assert rec.state == "SUCCESSFUL"
    report = backend.fetch(rec, env.tmp / "fetched")
    n = _verified(env.tmp / "fetched")
    assert report.resumed_bytes > 0
    assert backend.submit(stub_bundle).remote == rec.remote  # the same bundle again: the same job
    assert len(nmpi_queue.jobs) == 1
    assert nmpi_queue.jobs[142973]["tags"] == [rec.tag] and nmpi_queue.jobs[142973]["hardware_platform"] == "SpiNNaker"
    fired = nmpi_queue.fired
    assert fired == {"create_5xx": 1, "create_reset": 1, "poll_5xx": 2, "download_truncate": 1}
    print("nmpi fault injection:", json.dumps({"faults_injected": sum(fired.values()), "jobs_created": len(nmpi_queue.jobs),
                                               "duplicates": len(nmpi_queue.jobs) - 1, "results_expected": n,
                                               "results_lost": 0}))
    assert not (env.home / ".hbptoken").exists()


def test_full_loop_through_the_cli_leaves_no_token(env, nmpi_queue, stub_bundle):
    def cli(*args):
        return subprocess.run([sys.executable, "-m", "portasnn.cli", *args], capture_output=True, text=True,
                              timeout=120)
    logs = [cli("submit", str(stub_bundle.path), "--to", "nmpi:spinnaker", "--json")]
    assert logs[-1].returncode == 0, logs[-1].stderr
    job = json.loads(logs[-1].stdout)["id"]
    for _ in range(200):
        logs.append(cli("status", job, "--json"))
        if json.loads(logs[-1].stdout)["state"] in ("SUCCESSFUL", "FAILED"):
            break
        time.sleep(0.2)
    logs.append(cli("fetch", job, "-o", str(env.tmp / "fetched")))
    assert logs[-1].returncode == 0, logs[-1].stderr
    _verified(env.tmp / "fetched")
    (env.tmp / "cli.log").write_text("\n".join(p.stdout + p.stderr for p in logs))
    assert not (env.home / ".hbptoken").exists()
    assert scan_for(TOKEN, env.tmp, nmpi_queue.root) == []


def test_rejected_token_fails_clearly_without_prompting(env, nmpi_queue, stub_bundle, monkeypatch):
    monkeypatch.setenv("PORTASNN_TOKEN", "expired-token-0a1b2c3d")
    with pytest.raises(UsageError, match=r"rejected \(401\)") as err:
        runtime.submit(stub_bundle.path, to="nmpi:spinnaker")  # stdin is not a terminal: a prompt would hang/fail
    assert "expired-token" not in str(err.value) and not nmpi_queue.jobs


def test_nest_bundles_and_missing_collab_are_refused(env, nmpi_queue, monkeypatch):
    nest = write_bundle({"src/x.pnet": b"network x\n"}, env.bundles, target="nest",
                        entry={"kind": "network", "network": "payload/src/x.pnet"})
    with pytest.raises(UsageError, match="NMPI runs spinnaker bundles"):
        runtime.submit(nest.path, to="nmpi:spinnaker")
    (env.config / "nmpi.toml").unlink()
    with pytest.raises(UsageError, match="no EBRAINS collab") as err:
        NmpiBackend()
    assert "PORTASNN_NMPI_COLLAB" in err.value.hint


def test_the_same_pnet_resubmitted_from_another_directory_is_the_same_job(env, nmpi_queue, tmp_path):
    """issue 13 item 15 and the fault table: re-submitting a .pnet to NMPI (copied elsewhere, bundled again)
    creates no second job."""
    import shutil
    from pathlib import Path

    brunel = Path(__file__).resolve().parents[2] / "examples" / "brunel"
    recs = []
    for where in ("first/copy", "second"):
        shutil.copytree(brunel, tmp_path / where, ignore=shutil.ignore_patterns("figures"))
        recs.append(runtime.submit(tmp_path / where / "brunel_delta_nestml.pnet", to="nmpi:spinnaker",
                                   overrides={"N": "200"}))
    assert recs[0].id == recs[1].id and recs[0].remote == recs[1].remote
    assert len(nmpi_queue.jobs) == 1
