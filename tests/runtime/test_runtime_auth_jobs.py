"""Tokens from the environment (and the EBRAINS Lab token service); the job database across processes."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from runtime_testdata import TOKEN
from lab_token import LabTokenService

from portasnn.errors import UsageError
from portasnn.runtime import auth
from portasnn.runtime.jobs import JobDB, JobRecord


def test_token_order(env, monkeypatch):
    monkeypatch.setenv("CLB_AUTH", "clb-token-value")
    assert auth.TokenSource().token() == TOKEN  # PORTASNN_TOKEN first
    monkeypatch.delenv("PORTASNN_TOKEN")
    src = auth.TokenSource()
    assert (src.kind, src.token(), src.refreshable) == ("CLB_AUTH", "clb-token-value", False)
    monkeypatch.delenv("CLB_AUTH")
    with pytest.raises(UsageError, match="no access token") as err:
        auth.TokenSource()
    assert "PORTASNN_TOKEN" in err.value.hint


def test_lab_token_service_and_refresh(env, monkeypatch):
    monkeypatch.delenv("PORTASNN_TOKEN")
    lab = LabTokenService("hub-secret-123")
    try:
        monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "hub-secret-123")
        monkeypatch.setenv("PORTASNN_LAB_TOKEN_URL", lab.url)
        src = auth.TokenSource()
        assert (src.kind, src.token(), src.refreshable) == ("lab", "lab-access-token-1", True)
        assert src.refresh() == "lab-access-token-2" and lab.calls == 2
        assert "lab-access-token-2" not in repr(src)
        monkeypatch.setenv("JUPYTERHUB_API_TOKEN", "wrong")
        with pytest.raises(UsageError, match="gave no token") as err:
            src.refresh()
        assert "wrong" not in str(err.value) and "hub-secret" not in str(err.value)
    finally:
        lab.close()


def test_scrub_removes_every_known_token(env):
    auth.TokenSource()
    text = f"403 Server Error for url: https://site/x?access_token={TOKEN} (Bearer {TOKEN})"
    assert TOKEN not in auth.scrub(text) and auth.scrub(text).count("***") == 2


def test_job_records_are_seen_by_a_new_process(env):
    db = JobDB()
    rec = db.insert(JobRecord(id="local-0123456789", backend="local", site="local", tag="portasnn-x-local-local",
                              bundle="/nonexistent/b.tar.gz", digest="0" * 64, phase="finished", state="SUCCESSFUL"))
    assert db.path == env.data / "jobs.sqlite"
    db.update(rec, outdir="/some/where")
    proc = subprocess.run([sys.executable, "-m", "portasnn.cli", "jobs", "--json"], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 0, proc.stderr
    row = json.loads(proc.stdout)
    assert (row["id"], row["state"], row["outdir"], row["target"]) == ("local-0123456789", "SUCCESSFUL", "/some/where",
                                                                      "local")
    proc = subprocess.run([sys.executable, "-m", "portasnn.cli", "status", "local-01"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0 and "SUCCESSFUL" in proc.stdout  # a unique prefix is enough
    proc = subprocess.run([sys.executable, "-m", "portasnn.cli", "fetch", "no-such-job"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 2 and "no job 'no-such-job'" in proc.stderr
