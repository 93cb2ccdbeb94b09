"""Fixtures for runtime tests: an isolated HOME and XDG dirs, a dummy token, loopback servers."""
from __future__ import annotations

import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE / "servers"))

from runtime_testdata import STUB, TOKEN  # noqa: E402 - after the sys.path entry above


@pytest.fixture
def env(tmp_path, monkeypatch):
    """HOME, cache, data and config directories under tmp_path; PORTASNN_TOKEN set to the dummy token."""
    ns = SimpleNamespace(tmp=tmp_path, home=tmp_path / "home", cache=tmp_path / "cache", data=tmp_path / "data",
                         config=tmp_path / "config", bundles=tmp_path / "bundles")
    for d in (ns.home, ns.cache, ns.data, ns.config, ns.bundles):
        d.mkdir()
    monkeypatch.setenv("HOME", str(ns.home))
    monkeypatch.setenv("PORTASNN_CACHE_DIR", str(ns.cache))
    monkeypatch.setenv("PORTASNN_DATA_DIR", str(ns.data))
    monkeypatch.setenv("PORTASNN_CONFIG_DIR", str(ns.config))
    monkeypatch.setenv("PORTASNN_TOKEN", TOKEN)
    for var in ("CLB_AUTH", "JUPYTERHUB_API_TOKEN", "PORTASNN_NMPI_COLLAB", "PORTASNN_LAB_TOKEN_URL"):
        monkeypatch.delenv(var, raising=False)
    return ns


@pytest.fixture
def stub_bundle(env):
    from portasnn.runtime.bundle import bundle_script

    return bundle_script(STUB, outdir=env.bundles)


@pytest.fixture
def unicore_site(env):
    from fake_unicore import FakeUnicore

    site = FakeUnicore(TOKEN, lifetime_s=150, timeout_sleep_s=2.5).start()
    (env.config / "sites.toml").write_text(
        f'[loopback]\nurl = "{site.base}"\nimage = "docker://registry.example.org/portasnn/nest-pmix:0.1.0"\n'
        'verify_tls = false\ntimeout = 1.0\nnodes = 1\ntasks_per_node = 2\ncpus_per_task = 1\nproject = "demo"\n'
        'queue = "batch"\n')
    yield site
    site.close()


@pytest.fixture
def nmpi_queue(env):
    from fake_nmpi import FakeNmpi

    queue = FakeNmpi(TOKEN, lifetime_s=150).start()
    (env.config / "nmpi.toml").write_text(f'collab = "test-collab"\njob_service = "{queue.url}"\n'
                                          f'user_info_endpoint = "{queue.url}/userinfo"\n')
    yield queue
    queue.close()

