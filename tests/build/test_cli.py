"""``portasnn cache`` and ``portasnn doctor`` through the real command line (subprocesses, exit codes)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from portasnn.cache import BuildCache, cache_key
from portasnn.targets.nest import toolchain


def portasnn(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "portasnn.cli", *args], capture_output=True, text=True,
                          timeout=600, env=env or dict(os.environ), cwd=cwd)


def test_cache_ls_and_clear(tmp_path: Path):
    env = {**os.environ, "PORTASNN_CACHE_DIR": str(tmp_path)}
    empty = portasnn("cache", "ls", "--json", env=env)
    assert empty.returncode == 0 and json.loads(empty.stdout)["entries"] == []

    store = BuildCache(tmp_path / "builds")
    key = cache_key({"model": "m"})
    store.get_or_build(key, lambda d: (d / "m.so").write_bytes(b"x" * 1000) and {"library": "m.so"},
                       label="model m")
    listed = json.loads(portasnn("cache", "ls", "--json", env=env).stdout)
    assert [e["key"] for e in listed["entries"]] == [key]
    assert listed["entries"][0]["label"] == "model m" and listed["entries"][0]["size_bytes"] > 1000

    table = portasnn("cache", "ls", env=env)
    assert table.returncode == 0 and key[:16] in table.stdout and "model m" in table.stdout

    kept = portasnn("cache", "clear", "--older-than", "7d", "--json", env=env)
    assert kept.returncode == 0 and json.loads(kept.stdout)["removed"] == 0
    cleared = portasnn("cache", "clear", "--json", env=env)
    assert cleared.returncode == 0 and json.loads(cleared.stdout)["removed"] == 1
    assert store.ls() == []


def test_cache_clear_rejects_a_bad_age(tmp_path: Path):
    done = portasnn("cache", "clear", "--older-than", "soon", env={**os.environ, "PORTASNN_CACHE_DIR": str(tmp_path)})
    assert done.returncode == 2
    assert "--older-than 'soon' is not an age" in done.stderr and "Traceback" not in done.stderr


@pytest.mark.slow
def test_doctor_passes_and_reuses_its_probe_build(probe_module):
    """The session fixture built the probe through the same cache: doctor only loads and runs it."""
    first = portasnn("doctor", "--json")
    assert first.returncode == 0, first.stdout + first.stderr
    report = json.loads(first.stdout)
    checks = {c["name"]: c for c in report["checks"]}
    assert report["ok"] is True
    assert checks["NEST module build"]["status"] == "ok"
    assert "from the cache" in checks["NEST module build"]["detail"]
    assert probe_module.library.name in checks["NEST module build"]["detail"]
    assert checks["NEST run"]["status"] == "ok" and "as expected" in checks["NEST run"]["detail"]
    assert checks["NEST import"]["detail"].startswith("nest 3.10")
    assert f"_GLIBCXX_USE_CXX11_ABI={toolchain.detect().cxx11_abi}" in checks["C++ ABI"]["detail"]
    for name in ("Python", "g++", "boost headers", "gsl headers", "ltdl headers", "build cache"):
        assert checks[name]["status"] == "ok"
    for name in ("sPyNNaker", "arm-none-eabi-gcc", "arm-linux-gnueabi-gcc", "qemu-arm", "java"):
        assert checks[name]["required"] is False

    table = portasnn("doctor")
    assert table.returncode == 0 and "NEST builds work." in table.stdout


def test_doctor_fails_with_the_fix_when_the_compiler_is_missing(tmp_path: Path):
    env = {**os.environ, "PATH": str(tmp_path / "empty-bin"), "PORTASNN_CACHE_DIR": str(tmp_path / "cache")}
    done = portasnn("doctor", "--json", env=env)
    assert done.returncode == 1
    checks = {c["name"]: c for c in json.loads(done.stdout)["checks"]}
    assert checks["g++"]["status"] == "fail"
    assert "apt-get install -y g++" in checks["g++"]["fix"]
    assert checks["NEST module build"]["status"] == "fail"
    assert checks["java"]["status"] == "warn" and "default-jre-headless" in checks["java"]["fix"]


def test_doctor_rejects_unknown_options():
    done = portasnn("doctor", "--frobnicate")
    assert done.returncode == 2 and "No such option" in done.stderr


@pytest.mark.parametrize("command", [("cache", "--help"), ("doctor", "--help")])
def test_help(command):
    done = portasnn(*command)
    assert done.returncode == 0 and "Usage" in done.stdout


def test_doctor_fails_when_the_cache_is_not_writable(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    done = portasnn("doctor", env={**os.environ, "PORTASNN_CACHE_DIR": str(blocker / "cache")})
    assert done.returncode == 1
    assert "build cache" in done.stdout and "PORTASNN_CACHE_DIR" in done.stdout
    assert "NEST builds do not work yet" in done.stderr and "Traceback" not in done.stderr
