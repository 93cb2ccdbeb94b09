"""UNICORE backend through the real pyunicore client against a loopback UNICORE/X site."""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import time

import numpy as np
import pytest
from runtime_testdata import TOKEN
from tokenscan import scan_for

from portasnn import runtime
from portasnn.errors import ToolError, UsageError
from portasnn.runtime.backends.unicore import UnicoreBackend, get_site, job_description, job_script, pull_script
from portasnn.runtime.jobs import JobDB, JobRecord


def _check_results(out, expected_files=("results/spikes/E.npz", "results/meta.json")):
    """Every result present, its sha256 as listed, the spikes as the stub made them (checked independently)."""
    listed = dict(reversed(line.split("  ")) for line in (out / "results.sha256").read_text().splitlines())
    for name in expected_files:
        assert name in listed
    for name, digest in listed.items():
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest, name
    rng = np.random.default_rng(7)
    assert np.array_equal(np.load(out / "results/spikes/E.npz")["times"], np.sort(rng.uniform(0.0, 1000.0, 12000)))
    return len(listed)


def test_job_description_follows_unicore_rules(env, unicore_site, stub_bundle):
    site = get_site("loopback")
    desc = job_description(site, stub_bundle, "portasnn-tag")
    # UNICORE writes Executable unescaped into UC_EXECUTABLE="..."; quotes or parentheses break the job
    assert re.fullmatch(r"[A-Za-z0-9_./-]+", desc["Executable"])
    assert desc["Arguments"] == ["portasnn-job.sh"] and desc["Tags"] == ["portasnn-tag"]
    assert desc["Resources"] == {"Nodes": 1, "CPUsPerNode": 2, "Runtime": "30m", "Queue": "batch", "Project": "demo"}
    assert desc["haveClientStageIn"] == "true" and desc["Project"] == "demo"
    imports = {i["To"]: i["Data"] for i in desc["Imports"]}
    script = imports["portasnn-job.sh"]
    assert script == job_script(site, stub_bundle.path.name)
    line = [x for x in script.splitlines() if x.startswith("srun")][0]
    assert line.startswith("srun --mpi=pmix ") and " apptainer exec " in line
    assert line.endswith(f"python3 -m portasnn.runtime.entry {stub_bundle.path.name} --outdir results")
    assert '"$HOME/.cache/portasnn/sif/registry.example.org_portasnn_nest-pmix_0.1.0.sif"' in line
    assert "apptainer pull" in imports["portasnn-pull.sh"] and "docker://registry.example.org" in imports["portasnn-pull.sh"]
    assert desc["User precommand"] == "/bin/bash portasnn-pull.sh"
    sif = get_site("loopback", image="/p/project/demo/nest-pmix.sif")
    assert "apptainer pull" not in pull_script(sif) and '"/p/project/demo/nest-pmix.sif"' in job_script(sif, "b.tar.gz")
    assert TOKEN not in json.dumps(desc)


def test_full_loop_through_the_cli(env, unicore_site, stub_bundle):
    """submit -> status -> fetch, each from a new process, as a user would."""
    def cli(*args):
        return subprocess.run([sys.executable, "-m", "portasnn.cli", *args], capture_output=True, text=True,
                              timeout=120)
    logs = []
    proc = cli("submit", str(stub_bundle.path), "--to", "unicore:loopback", "--json")
    logs.append(proc.stdout + proc.stderr)
    assert proc.returncode == 0, proc.stderr
    job = json.loads(proc.stdout)["id"]
    for _ in range(200):
        proc = cli("status", job, "--json")
        logs.append(proc.stdout + proc.stderr)
        if json.loads(proc.stdout)["state"] in ("SUCCESSFUL", "FAILED"):
            break
        time.sleep(0.2)
    assert json.loads(proc.stdout)["state"] == "SUCCESSFUL"
    proc = cli("fetch", job, "-o", str(env.tmp / "fetched"))
    logs.append(proc.stdout + proc.stderr)
    assert proc.returncode == 0, proc.stderr
    _check_results(env.tmp / "fetched")
    assert "portasnn entry: results in" in (env.tmp / "fetched" / "stdout").read_text()
    assert len(unicore_site.jobs) == 1
    (env.tmp / "cli.log").write_text("\n".join(logs))
    # the token is in no file: HOME, cache, job database, bundle, fetched results and logs, the site's job dir
    assert scan_for(TOKEN, env.tmp, unicore_site.root) == []


def test_faults_recover_with_one_job_and_every_result(env, unicore_site, stub_bundle):
    """5xx on create, a create that times out, a reset during upload, a server restart between submit and poll,
    5xx while polling, half-finished downloads: one job, every result present with valid hashes."""
    unicore_site.faults = {"create_5xx": 2, "create_timeout": 1, "upload_reset": 1, "poll_5xx": 2,
                           "download_truncate": 2}
    backend = UnicoreBackend("loopback")
    rec = backend.submit(stub_bundle)
    assert rec.phase == "started" and rec.remote.startswith(unicore_site.base + "/jobs/")
    unicore_site.restart(down_s=0.3)  # the site forgets its security sessions: the next request gets 432
    rec = backend.wait(rec, timeout_s=60, first_s=0.2, max_s=1.0)
    assert rec.state == "SUCCESSFUL", rec.info
    report = backend.fetch(rec, env.tmp / "fetched")
    n_results = _check_results(env.tmp / "fetched")
    assert report.resumed_bytes > 0  # the truncated download was resumed, not restarted
    assert any(code == 432 for _, _, code in unicore_site.requests)
    # a repeated submit of the same bundle (e.g. after a crash) reuses the job
    assert backend.submit(stub_bundle).remote == rec.remote
    assert len(unicore_site.jobs) == 1
    fired = sum(unicore_site.fired.values())
    assert unicore_site.fired == {"create_5xx": 2, "create_timeout": 1, "upload_reset": 1, "poll_5xx": 2,
                                  "download_truncate": 2}
    figures = {"faults_injected": fired + 1, "jobs_created": len(unicore_site.jobs), "duplicates": 0,
               "results_expected": n_results, "results_lost": 0}
    print("unicore fault injection:", json.dumps(figures))


def test_client_dies_between_create_and_start(env, unicore_site, stub_bundle):
    """The job URL is recorded before upload and start; a later submit (a new client) stages and starts it."""
    db = JobDB()
    first = UnicoreBackend("loopback", db=db)
    rec = db.insert(JobRecord(id=first.job_id(stub_bundle), backend="unicore", site="loopback",
                              tag=first.tag(stub_bundle), bundle=str(stub_bundle.path), digest=stub_bundle.digest))
    url = first._create(rec, stub_bundle)  # what a client did before it died: created the job ...
    db.update(rec, remote=url, phase="created", state="READY")  # ... and recorded it; nothing uploaded or started
    assert [j["status"] for j in unicore_site.jobs.values()] == ["READY"]
    rec = UnicoreBackend("loopback", db=JobDB()).submit(stub_bundle)  # a new client
    assert rec.remote == url and rec.phase == "started"
    rec = runtime.wait(rec.id, timeout_s=60)
    assert rec.state == "SUCCESSFUL" and len(unicore_site.jobs) == 1


def test_client_dies_before_recording_the_job(env, unicore_site, stub_bundle):
    """The job exists on the site but the client never learnt its URL: the tag finds it, no duplicate."""
    db = JobDB()
    backend = UnicoreBackend("loopback", db=db)
    rec = db.insert(JobRecord(id=backend.job_id(stub_bundle), backend="unicore", site="loopback",
                              tag=backend.tag(stub_bundle), bundle=str(stub_bundle.path), digest=stub_bundle.digest))
    backend.client.transport.post(url=backend.client.links["jobs"],
                                  json=job_description(backend.cfg, stub_bundle, rec.tag))
    rec = UnicoreBackend("loopback", db=JobDB()).submit(stub_bundle)
    assert len(unicore_site.jobs) == 1 and rec.remote.endswith(next(iter(unicore_site.jobs)))


def test_rejected_token_is_a_clear_error_without_the_token(env, unicore_site, stub_bundle, monkeypatch):
    monkeypatch.setenv("PORTASNN_TOKEN", "wrong-token-5c2e91aa")
    with pytest.raises(UsageError, match=r"PORTASNN_TOKEN was rejected \(401\)") as err:
        runtime.submit(stub_bundle.path, to="unicore:loopback")
    assert "wrong-token" not in str(err.value)


def test_unreachable_site_is_a_tool_error(env, unicore_site, stub_bundle):
    unicore_site.stop()
    with pytest.raises(ToolError, match="UNICORE site loopback: connecting failed") as err:
        UnicoreBackend("loopback").submit(stub_bundle)
    assert TOKEN not in str(err.value)


def test_cancel(env, unicore_site):
    from runtime_testdata import STUB

    from portasnn.runtime.bundle import bundle_script

    slow = bundle_script(STUB, outdir=env.bundles, args=["--sleep", "30"])
    unicore_site.job_delay_s = 5.0
    rec = runtime.submit(slow.path, to="unicore:loopback")
    rec = runtime.cancel(rec.id)
    assert rec.state == "CANCELLED"
    assert [j["status"] for j in unicore_site.jobs.values()] == ["FAILED"]  # UNICORE's state of an aborted job


def test_expired_lab_token_is_refreshed_on_401(env, unicore_site, stub_bundle, monkeypatch):
    """In the Lab, a 401 makes the backend ask the token service again; the site accepts the fresh token."""
    from lab_token import LabTokenService

    lab = LabTokenService("hub-secret-42")
    try:
        monkeypatch.delenv("PORTASNN_TOKEN")
        monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "hub-secret-42")
        monkeypatch.setenv("PORTASNN_LAB_TOKEN_URL", lab.url)
        fresh = {f"lab-access-token-{i}" for i in range(2, 6)}
        unicore_site.token = fresh  # the first token the service hands out has expired
        rec = runtime.submit(stub_bundle.path, to="unicore:loopback")
        assert lab.calls == 2 and rec.phase == "started"
        assert runtime.wait(rec.id, timeout_s=60).state == "SUCCESSFUL"  # a new backend asks the service again
        for token in fresh | {"lab-access-token-1", "hub-secret-42"}:
            assert scan_for(token, env.tmp, unicore_site.root) == []
    finally:
        lab.close()


def test_fetch_of_a_failed_job_brings_its_logs_and_says_so(env, unicore_site, tmp_path):
    from portasnn.runtime.bundle import bundle_script

    script = tmp_path / "boom.py"
    script.write_text("import sys\nprint('about to fail', file=sys.stderr)\nsys.exit(3)\n")
    rec = runtime.submit(bundle_script(script, outdir=env.bundles).path, to="unicore:loopback")
    rec = runtime.wait(rec.id, timeout_s=60)
    assert rec.state == "FAILED" and rec.info["exit_code"] != 0
    with pytest.raises(ToolError, match=rf"job {rec.id} ended FAILED \(exit code 1\)"):
        runtime.fetch(rec.id, env.tmp / "failed")
    assert "about to fail" in (env.tmp / "failed" / "stderr").read_text()
