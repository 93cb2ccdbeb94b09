"""Shared fixtures of the spinnaker target tests."""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import pytest

NESTML_MODELS = Path(sys.prefix) / "models" / "neurons"
HERE = Path(__file__).resolve().parent


@lru_cache(maxsize=None)
def solved(name: str):
    """The solved IR of a model shipped with nestml (cached per process)."""
    from portasnn.program import load_models

    return load_models(NESTML_MODELS / f"{name}.nestml")[0]


@pytest.fixture(scope="session")
def exp_ir():
    return solved("iaf_psc_exp_neuron")


@pytest.fixture(scope="session", autouse=True)
def _private_log_dictionary(tmp_path_factory):
    """Where SPINN_DIRS is set, builds run make, whose log converter (spinn_utilities) records the
    log strings in C_LOGS_DICT, by default a file inside the installed package: use a fresh one."""
    import os

    if not os.environ.get("SPINN_DIRS") or os.environ.get("C_LOGS_DICT"):
        yield
        return
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("C_LOGS_DICT", str(tmp_path_factory.mktemp("c_logs") / "logs.sqlite3"))
        from spinn_utilities.make_tools.log_sqllite_database import LogSqlLiteDatabase

        LogSqlLiteDatabase(new_dict=True).close()
        yield
