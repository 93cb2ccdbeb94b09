"""issue 15 item 4: ``portasnn doctor --site SITE`` through the real CLI and the real pyunicore client against the
loopback UNICORE site, which reports queues, partition limits, projects and storages in UNICORE's REST shapes."""
from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st
from runtime_testdata import TOKEN
from tokenscan import scan_for

from portasnn.errors import UsageError
from portasnn.runtime.site_check import human, parse_range, parse_walltime

SIF = "/p/project/demo/nest-pmix.sif"


def _config(env, url: str, **keys) -> None:
    values = {"url": url, "image": SIF, "verify_tls": False, "timeout": 5.0, "nodes": 1, "tasks_per_node": 2,
              "cpus_per_task": 4, "project": "demo", "queue": "batch", "runtime": "30m", **keys}
    lines = ["[loopback]"] + [f"{k} = {json.dumps(v)}" for k, v in values.items()]
    (env.config / "sites.toml").write_text("\n".join(lines) + "\n")


@pytest.fixture
def site(env):
    """A loopback UNICORE site that reports everything doctor asks about, and the image on its PROJECT storage."""
    from fake_unicore import FakeUnicore

    fake = FakeUnicore(TOKEN, lifetime_s=120).start()
    fake.queues = ["batch", "develgpus"]
    fake.partitions = {"batch": {"Runtime": "1-86400", "Nodes": "1-16", "CPUsPerNode": "1-128",
                                 "Memory": "1-256000000000", "Project": ["demo", "other"]},
                       "develgpus": {"Runtime": "1-7200", "Nodes": "1-2", "CPUsPerNode": "1-128"}}
    fake.budget = {"demo": {"remaining": "1200", "units": "core-h", "rel": "40%"}}
    fake.add_storage("HOME", "/home/demouser")
    fake.add_storage("PROJECT", "/p/project")
    fake.add_file("PROJECT", "demo/nest-pmix.sif", b"SIF placeholder\n" * 64)
    _config(env, fake.base)
    yield fake
    fake.close()


def doctor(env, *args: str, timeout: float = 60.0):
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "portasnn.cli", "doctor", "--site", *args], capture_output=True,
                          text=True, timeout=timeout)
    proc.seconds = time.monotonic() - started
    with open(env.tmp / "doctor.log", "a") as log:  # scanned for the token at the end of each test
        log.write(proc.stdout + proc.stderr)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def lines(proc) -> dict[str, str]:
    """check name -> its line (and its fix line), from the text report."""
    out: dict[str, str] = {}
    name = None
    for line in proc.stdout.splitlines():
        m = re.match(r"(ok|warn|FAIL)\s+(.+?)\s{2,}", line)
        if m:
            name = m.group(2)
            out[name] = line
        elif line.strip().startswith("->") and name:
            out[name] += "\n" + line
    return out


def no_token_anywhere(env, fake, *procs, tokens=(TOKEN,)) -> None:
    for token in tokens:
        for proc in procs:
            assert token not in proc.stdout + proc.stderr
        assert scan_for(token, env.tmp, fake.root) == []


def test_a_fit_site_passes_every_check(env, site):
    proc = doctor(env, "loopback")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    got = lines(proc)
    assert list(got) == ["token", "site", "image", "queue", "project", "walltime", "nodes", "cpus per node"]
    assert all(line.startswith("ok ") for line in got.values()), proc.stdout
    assert "from PORTASNN_TOKEN" in got["token"]
    assert "storage PROJECT" in got["image"] and "path /demo/nest-pmix.sif" in got["image"]
    assert f"{16 * 64} bytes" in got["image"]  # the size the site's stat reported
    assert "batch (the site offers batch, develgpus)" in got["queue"]
    assert "1200 core-h remaining (40%)" in got["project"]
    assert "30m" in got["walltime"] and "1s-1d" in got["walltime"]
    assert "8 (tasks_per_node 2 x cpus_per_task 4)" in got["cpus per node"]
    assert "fit for a submission" in proc.stdout
    # the requests went through pyunicore with the Bearer token to the REST resources the checks name
    asked = {path.split("?")[0] for method, path, code in site.requests if method == "GET" and code == 200}
    base = "/DEMO-SITE/rest/core"
    assert {base, f"{base}/factories", f"{base}/factories/default", f"{base}/storages", f"{base}/storages/PROJECT",
            f"{base}/storages/PROJECT/files/demo/nest-pmix.sif"} <= asked
    assert not any(method != "GET" for method, _, _ in site.requests)  # doctor changes nothing on the site
    report = doctor(env, "loopback", "--json")
    assert report.returncode == 0
    data = json.loads(report.stdout)
    assert data["ok"] is True and data["site"] == "loopback"
    assert [c["status"] for c in data["checks"]] == ["ok"] * 8
    no_token_anywhere(env, site, proc, report)


def test_a_missing_image_fails_naming_the_storage_and_path(env, site):
    _config(env, site.base, image="/p/project/demo/missing.sif")
    proc = doctor(env, "loopback")
    assert proc.returncode == 1
    image = lines(proc)["image"]
    assert image.startswith("FAIL") and "[E684]" in image
    assert "no such file on storage PROJECT (mount point /p/project, path /demo/missing.sif)" in image
    assert "make images" in image
    assert "not fit for a submission" in proc.stdout
    data = json.loads(doctor(env, "loopback", "--json").stdout)
    assert data["ok"] is False
    assert [c["name"] for c in data["checks"] if c["status"] == "fail"] == ["image"]


def test_an_image_in_home_is_looked_up_on_the_home_storage(env, site):
    site.add_file("HOME", "images/nest.sif", b"x" * 10)
    _config(env, site.base, image="$HOME/images/nest.sif")
    proc = doctor(env, "loopback")
    assert proc.returncode == 0, proc.stdout
    assert "found on storage HOME" in lines(proc)["image"] and "10 bytes" in lines(proc)["image"]


def test_an_unknown_queue_fails_and_lists_the_sites_queues(env, site):
    _config(env, site.base, queue="gpus")
    proc = doctor(env, "loopback")
    assert proc.returncode == 1
    queue = lines(proc)["queue"]
    assert queue.startswith("FAIL") and "[E685]" in queue and "it offers batch, develgpus" in queue


def test_an_unknown_project_fails(env, site):
    _config(env, site.base, project="nosuch")
    proc = doctor(env, "loopback")
    assert proc.returncode == 1
    project = lines(proc)["project"]
    assert project.startswith("FAIL") and "[E686]" in project and "it knows demo, other" in project


def test_walltime_and_nodes_over_the_queues_limits_fail(env, site):
    proc = doctor(env, "loopback", "--walltime", "25h", "--nodes", "17")
    assert proc.returncode == 1
    got = lines(proc)
    assert got["walltime"].startswith("FAIL") and "[E687]" in got["walltime"]
    assert "25h (--walltime) is over queue batch's limit 1d" in got["walltime"]
    assert "ask for at most 1d" in got["walltime"]
    assert got["nodes"].startswith("FAIL") and "17 (--nodes) is over queue batch's limit 16" in got["nodes"]
    # the limits are the queue's own: develgpus allows 2 h
    _config(env, site.base, queue="develgpus", runtime="3h")
    proc = doctor(env, "loopback")
    assert proc.returncode == 1
    assert "3h (runtime = \"3h\") is over queue develgpus's limit 2h" in lines(proc)["walltime"]
    # exactly the limit is within it
    _config(env, site.base)
    proc = doctor(env, "loopback", "--walltime", "24:00:00", "--nodes", "16")
    assert proc.returncode == 0, proc.stdout


def test_what_the_site_does_not_report_is_a_warning(env, site):
    site.queues, site.partitions, site.budget = None, {}, {}
    proc = doctor(env, "loopback")
    assert proc.returncode == 0, proc.stdout
    got = lines(proc)
    for name in ("queue", "project", "walltime", "nodes", "cpus per node"):
        assert got[name].startswith("warn") and "not reported by the site" in got[name] and "[W680]" in got[name]
    site.partitions = {"batch": {"Runtime": "1-86400"}}
    site.faults["factory_5xx"] = 1  # a compute resource that cannot be read reports nothing, and says why
    got = lines(doctor(env, "loopback"))
    assert site.fired == {"factory_5xx": 1}
    assert got["walltime"].startswith("warn") and "its compute resource could not be read: 500" in got["walltime"]
    _config(env, site.base, image="/gpfs/elsewhere/nest.sif")
    assert lines(doctor(env, "loopback"))["image"].startswith("warn")
    _config(env, site.base, image="docker://registry.example.org/portasnn/nest-pmix:0.1.0")
    image = lines(doctor(env, "loopback"))["image"]
    assert image.startswith("warn") and "[W681]" in image


def test_a_bad_token_fails_and_is_never_shown(env, site, monkeypatch):
    wrong = "wrong-token-0123456789"
    monkeypatch.setenv("PORTASNN_TOKEN", wrong)
    proc = doctor(env, "loopback")
    assert proc.returncode == 1
    got = lines(proc)
    assert got["site"].startswith("FAIL") and "rejected the token (401) from PORTASNN_TOKEN" in got["site"]
    assert "[E683]" in got["site"] and "export it as PORTASNN_TOKEN" in got["site"]
    assert "image" not in got  # nothing else is asked with a rejected token
    site.forbidden = True
    monkeypatch.setenv("PORTASNN_TOKEN", TOKEN)
    proc403 = doctor(env, "loopback")
    assert proc403.returncode == 1 and "refused access with this token (403)" in lines(proc403)["site"]
    site.forbidden, site.anonymous = False, True
    anonymous = doctor(env, "loopback")
    assert anonymous.returncode == 1 and "took the token from PORTASNN_TOKEN as anonymous" in lines(anonymous)["site"]
    no_token_anywhere(env, site, proc, proc403, anonymous, tokens=(TOKEN, wrong))


def test_no_token_names_the_environment_variable(env, site, monkeypatch):
    monkeypatch.delenv("PORTASNN_TOKEN")
    proc = doctor(env, "loopback")
    assert proc.returncode == 1
    token = lines(proc)["token"]
    assert token.startswith("FAIL") and "[E683]" in token and "export PORTASNN_TOKEN=" in token
    assert site.requests == []  # nothing was sent without a token


def test_a_site_that_does_not_answer_fails_at_once(env, site):
    with socket.socket() as s:  # a port nobody listens on: connection refused
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    _config(env, f"http://127.0.0.1:{port}/DEMO-SITE/rest/core")
    proc = doctor(env, "loopback")
    assert proc.returncode == 1
    line = lines(proc)["site"]
    assert line.startswith("FAIL") and "does not answer" in line and "[E682]" in line and "asked once" in line
    assert proc.seconds < 20  # no retries with backoff
    with socket.socket() as silent:  # accepts connections, never answers: bounded by --timeout
        silent.bind(("127.0.0.1", 0))
        silent.listen(4)
        _config(env, f"http://127.0.0.1:{silent.getsockname()[1]}/DEMO-SITE/rest/core")
        proc = doctor(env, "loopback", "--timeout", "1")
    assert proc.returncode == 1 and "does not answer" in lines(proc)["site"]
    assert proc.seconds < 20


def test_an_unknown_site_is_a_usage_error_listing_the_known_ones(env, site):
    proc = doctor(env, "nosuchsite")
    assert proc.returncode == 2
    assert "unknown UNICORE site 'nosuchsite'" in proc.stderr
    assert "galileo100" in proc.stderr and "jusuf" in proc.stderr and "loopback" in proc.stderr
    assert "nmpi (the EBRAINS Neuromorphic Platform)" in proc.stderr
    bad = doctor(env, "loopback", "--walltime", "soon")
    assert bad.returncode == 2 and "walltime 'soon' is not a duration" in bad.stderr
    assert site.requests == []


@given(st.integers(min_value=1, max_value=10**7))
def test_walltimes_read_back_as_written(seconds):
    assert parse_walltime(human(seconds)) == seconds
    assert parse_walltime(f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}") == seconds
    assert parse_walltime(str(seconds)) == seconds


def test_walltime_and_range_forms():
    assert parse_walltime("30m") == 1800 and parse_walltime("2h") == 7200 and parse_walltime("1-00:00:00") == 86400
    assert parse_walltime("90s") == 90 and parse_walltime("1.5h") == 5400
    for bad in ("", "0", "soon", "1:2:3:4", "-5m"):
        with pytest.raises(UsageError):
            parse_walltime(bad)
    assert parse_range("1-86400") == (1, 86400) and parse_range("1.0-2.5") == (1.0, 2.5)
    assert parse_range("*") is None and parse_range(["a", "b"]) is None


def test_the_plain_doctor_refuses_site_options(env):
    proc = subprocess.run([sys.executable, "-m", "portasnn.cli", "doctor", "--nodes", "2"], capture_output=True,
                          text=True, timeout=60, env={**os.environ})
    assert proc.returncode == 2 and "--site" in proc.stderr


# ---------------------------------------------------------------- the Neuromorphic Platform (--site nmpi)

def test_nmpi_fit_collab_with_quota_left(env, nmpi_queue):
    nmpi_queue.add_project("test-collab", [(100.0, 100.0), (50.0, 12.5)])
    nmpi_queue.add_project("test-collab", [(1000.0, 0.0)], status="in preparation")  # not granted: not counted
    nmpi_queue.add_project("other-collab", [(1000.0, 0.0)])
    proc = doctor(env, "nmpi")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    got = lines(proc)
    assert list(got) == ["token", "job queue", "collab", "quota"]
    assert "(Job Queue API v3); token accepted (user testuser)" in got["job queue"]
    assert "test-collab (editor)" in got["collab"]
    assert "37.5 core-hours of SpiNNaker left in test-collab (100 of 100 core-hours; 12.5 of 50 core-hours)" \
        in got["quota"]
    assert not (env.home / ".hbptoken").exists()
    no_token_anywhere(env, nmpi_queue, proc)


def test_nmpi_used_up_quota_and_collab_roles_fail(env, nmpi_queue):
    nmpi_queue.add_project("test-collab", [(100.0, 100.0)])
    proc = doctor(env, "nmpi")
    assert proc.returncode == 1
    quota = lines(proc)["quota"]
    assert quota.startswith("FAIL") and "[E689]" in quota and "every SpiNNaker quota of test-collab is used up" in quota
    nmpi_queue.teams = ["collab-test-collab-viewer", "collab-lab-editor"]
    proc = doctor(env, "nmpi")
    assert proc.returncode == 1
    got = lines(proc)
    assert got["collab"].startswith("FAIL") and "viewer only" in got["collab"] and "quota" not in got
    nmpi_queue.teams = ["collab-lab-editor"]
    got = lines(doctor(env, "nmpi"))
    assert "not a member (your collabs: lab, and private-testuser)" in got["collab"]
    # no quota yet: the platform grants a test quota with the first job
    nmpi_queue.teams, nmpi_queue.projects = ["collab-test-collab-administrator"], []
    proc = doctor(env, "nmpi")
    assert proc.returncode == 0 and "grants a test quota" in lines(proc)["quota"]


def test_nmpi_bad_token_and_silent_queue(env, nmpi_queue, monkeypatch):
    monkeypatch.setenv("PORTASNN_TOKEN", "expired-token-42")
    proc = doctor(env, "nmpi")
    assert proc.returncode == 1
    line = lines(proc)["job queue"]
    assert "rejected the token from PORTASNN_TOKEN (401)" in line and "[E683]" in line
    assert "expired-token-42" not in proc.stdout + proc.stderr
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    (env.config / "nmpi.toml").write_text(f'collab = "test-collab"\njob_service = "http://127.0.0.1:{port}"\n'
                                          f'user_info_endpoint = "http://127.0.0.1:{port}/userinfo"\n')
    proc = doctor(env, "nmpi")
    assert proc.returncode == 1 and "does not answer" in lines(proc)["job queue"] and proc.seconds < 20
    assert doctor(env, "nmpi", "--nodes", "2").returncode == 2


def test_a_site_reporting_one_flat_resource_set(env, site):
    """Older UNICORE/X render ``resources`` as one set (no partitions), with the queues as a ``Queue`` value list."""
    site.queues = None
    site.partitions = {"Runtime": "1-3600", "Nodes": "1-4", "CPUsPerNode": "1-48", "Queue": ["batch", "large"]}
    proc = doctor(env, "loopback", "--walltime", "2h")
    assert proc.returncode == 1
    got = lines(proc)
    assert "batch (the site offers batch, large)" in got["queue"]
    assert got["walltime"].startswith("FAIL") and "2h (--walltime) is over the site's limit 1h" in got["walltime"]
    assert "1 (nodes) within the site's limits 1-4" in got["nodes"]
