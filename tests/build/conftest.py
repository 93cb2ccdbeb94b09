"""Fixtures for the NEST toolchain, build cache and doctor tests.

These tests use a temporary build cache (``PORTASNN_CACHE_DIR``, set while they run and restored
after); under pytest-xdist the workers share one, which the cache is built to allow. The probe
module is compiled once.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from portasnn.targets.nest.compile import TEMPLATES

PROBE_SOURCES = ("portasnn_doctor_probe.h", "portasnn_doctor_probe.cpp")


@pytest.fixture(scope="session")
def cache_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh build cache for the session, shared by pytest-xdist workers."""
    base = tmp_path_factory.getbasetemp()
    root = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "portasnn-cache"
    root.mkdir(exist_ok=True)
    return root


@pytest.fixture(scope="module", autouse=True)
def use_test_cache(cache_root: Path):
    """Point PORTASNN_CACHE_DIR at the session's cache while this folder's tests run, then restore it."""
    old = os.environ.get("PORTASNN_CACHE_DIR")
    os.environ["PORTASNN_CACHE_DIR"] = str(cache_root)
    yield cache_root
    if old is None:
        os.environ.pop("PORTASNN_CACHE_DIR", None)
    else:
        os.environ["PORTASNN_CACHE_DIR"] = old


@pytest.fixture(scope="session")
def probe_sources() -> dict[str, str]:
    return {name: (TEMPLATES / name).read_text() for name in PROBE_SOURCES}


@pytest.fixture(scope="session")
def probe_module(cache_root: Path):
    """The doctor's probe module, built once through the session cache."""
    from portasnn.cache import BuildCache
    from portasnn.commands.doctor import build_probe

    return build_probe(cache=BuildCache(cache_root / "builds"))


@pytest.fixture()
def nest_kernel():
    """The NEST module, quiet, with a fresh kernel (which also unloads every installed module)."""
    os.environ.setdefault("PYNEST_QUIET", "1")
    import nest

    nest.verbosity = nest.VerbosityLevel.ERROR
    nest.ResetKernel()
    yield nest
    nest.ResetKernel()
