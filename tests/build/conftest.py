"""Fixtures for the NEST toolchain, build cache and doctor tests.

The whole session uses a temporary build cache (``PORTASNN_CACHE_DIR``); under pytest-xdist the
workers share one, which the cache is built to allow. The probe module is compiled once.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from portasnn.targets.nest.compile import TEMPLATES

PROBE_SOURCES = ("portasnn_doctor_probe.h", "portasnn_doctor_probe.cpp")


@pytest.fixture(scope="session", autouse=True)
def cache_root(tmp_path_factory: pytest.TempPathFactory, worker_id: str) -> Path:
    """A fresh build cache for the session, shared by xdist workers."""
    base = tmp_path_factory.getbasetemp()
    root = (base.parent if worker_id != "master" else base) / "portasnn-cache"
    root.mkdir(exist_ok=True)
    old = os.environ.get("PORTASNN_CACHE_DIR")
    os.environ["PORTASNN_CACHE_DIR"] = str(root)
    yield root
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
    from portasnn.commands.doctor import build_probe

    return build_probe()


@pytest.fixture()
def nest_kernel():
    """The NEST module, quiet, with a fresh kernel (which also unloads every installed module)."""
    os.environ.setdefault("PYNEST_QUIET", "1")
    import nest

    nest.verbosity = nest.VerbosityLevel.ERROR
    nest.ResetKernel()
    yield nest
    nest.ResetKernel()
