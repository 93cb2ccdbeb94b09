"""Every registered target keeps the contract of ``portasnn.targets`` (issue 12 item 3).

Run against every entry of the registry: the key is the target's name; ``lower`` is pure (writes
nothing, not even into the build cache) and deterministic; ``build`` is cached by content; ``run``
writes the results format (or, for a target that cannot run here, refuses with a user error).
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from portasnn import targets
from portasnn.errors import UsageError
from portasnn.program import load_program

pytestmark = pytest.mark.slow

HERE = Path(__file__).parent
NET = HERE / "small_nestml.pnet"
RUNS_HERE = {"nest", "spinnaker-host"}


@pytest.fixture(scope="module")
def program():
    return load_program(NET)


def _tree(root: Path) -> dict[str, float]:
    return {p.relative_to(root).as_posix(): p.stat().st_mtime for p in root.rglob("*")} if root.exists() else {}


def test_every_registry_key_is_its_targets_name():
    assert set(targets.names()) == {"nest", "spinnaker", "spinnaker-host"}
    for name in targets.names():
        target = targets.get(name)
        assert isinstance(target, targets.Target)
        assert target.name == name


@pytest.mark.parametrize("name", targets.names())
def test_lower_is_pure_and_deterministic(name, program, tmp_path, tmp_path_factory, monkeypatch):
    from portasnn.cache import BuildCache

    # a cache of this test's own: other processes building into the shared one must not make it fail
    monkeypatch.setenv("PORTASNN_CACHE_DIR", str(tmp_path_factory.mktemp("own-cache")))
    cache = BuildCache().root
    cache.mkdir(parents=True, exist_ok=True)
    before = _tree(cache)
    monkeypatch.chdir(tmp_path)
    a = targets.get(name).lower(program)
    b = targets.get(name).lower(program)
    assert dict(a.files) == dict(b.files) and a.digest() == b.digest()
    assert a.files and all(not Path(rel).is_absolute() and ".." not in Path(rel).parts for rel in a.files)
    assert list(tmp_path.iterdir()) == [], "lower wrote into the working directory"
    assert _tree(cache) == before, "lower wrote into the build cache"
    # no absolute path of this machine in any generated file except NEST's embedded module path
    for rel, text in a.files.items():
        if name == "nest" and rel.startswith("run_"):
            continue
        assert str(tmp_path) not in text


@pytest.mark.parametrize("name", targets.names())
def test_build_is_cached_and_run_writes_results(name, program, tmp_path):
    from portasnn.results import read_results

    target = targets.get(name)
    artifact = target.lower(program)
    first = target.build(artifact)
    again = target.build(artifact)
    if name == "nest":
        assert again.cached and again.outputs["module"].library == first.outputs["module"].library
        assert again.outputs["module"].library.is_file()
    elif name == "spinnaker-host":
        assert again.outputs["library"] == first.outputs["library"] and Path(again.outputs["library"]).is_file()
    else:  # the ARM build needs the SpiNNaker C sources; without them build says why
        assert first.outputs or "SPINN_DIRS" in first.message
    out = tmp_path / "results"
    if name not in RUNS_HERE:
        with pytest.raises(UsageError, match="runs on a SpiNNaker board"):
            target.run(first, out)
        assert not out.exists()
        return
    assert target.run(first, out) == out
    results = read_results(out)
    assert set(results.populations) == {"E", "I"}
    summary = json.loads((out / "summary.json").read_text())
    assert summary["populations"]["E"]["n_neurons"] > 0


def test_the_float_spelling_is_an_option_of_spinnaker_host():
    for text in ("spinnaker-host:float", "spinnaker-host-float", "spinnaker-host --arith float"):
        name, options = targets.parse(text)
        assert (name, options.arith) == ("spinnaker-host", "float")
    with pytest.raises(UsageError, match="unknown target 'bogus'"):
        targets.parse("bogus")


def test_the_launcher_knows_the_targets_that_run_here():
    """runtime/launcher.py runs without portasnn, so it lists target names itself: they must stay in step."""
    from portasnn.runtime import launcher

    assert set(launcher.PORTASNN_TARGETS) == RUNS_HERE | {"spinnaker-host-float"}


LOWER_ONLY = """
import pickle, sys
program = pickle.load(open(sys.argv[1], "rb"))
from portasnn.targets import get
before = set(sys.modules)
for name in ("nest", "spinnaker", "spinnaker-host"):
    get(name).lower(program)
loaded = sorted(m for m in set(sys.modules) - before
                if m.startswith(("portasnn.frontend", "portasnn.passes", "portasnn.program", "pynestml", "odetoolbox")))
print(" ".join(loaded))
"""


def test_lowering_imports_no_frontend(program, tmp_path):
    """Targets read the program; none of them loads the frontend or the passes again (issue 12)."""
    import pickle

    path = tmp_path / "program.pickle"
    path.write_bytes(pickle.dumps(program))
    done = subprocess.run([sys.executable, "-c", LOWER_ONLY, str(path)], capture_output=True, text=True,
                          timeout=600, env={**os.environ, "PYNEST_QUIET": "1"})
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip() == "", f"lowering imported: {done.stdout}"


def test_targets_do_not_import_the_frontend():
    """No module under targets/ imports the frontend, the passes or the program loader (one-way pipeline)."""
    import ast

    root = Path(targets.__file__).parent
    offenders = []
    for py in root.rglob("*.py"):
        for node in ast.walk(ast.parse(py.read_text())):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            for n in names:
                if n.startswith(("portasnn.frontend", "portasnn.passes", "portasnn.program.load", "portasnn.builder",
                                 "portasnn.modules", "pynestml", "odetoolbox")):
                    offenders.append(f"{py.relative_to(root)}: {n}")
    assert not offenders, offenders
