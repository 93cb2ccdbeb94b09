"""The content-addressed build cache: keys, hits and misses, crashes, concurrent builders, aliases."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portasnn.cache import META, BuildCache, cache_key, canonical_json, short_key
from portasnn.errors import InternalError

BUILDER = r"""
import json, sys, time
from pathlib import Path
from portasnn.cache import BuildCache
root, key, counter, delay = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
def build(directory):
    with open(counter, "a") as handle:
        handle.write("built\n")
    (directory / "out.txt").write_text("partial")
    time.sleep(delay)
    (directory / "out.txt").write_text("done")
    return {"file": "out.txt"}
def waiting(message):
    with open(counter + ".waited", "a") as handle:
        handle.write(message + "\n")
entry = BuildCache(Path(root)).get_or_build(key, build, label="test", progress=waiting)
print(json.dumps({"hit": entry.hit, "path": str(entry.path)}))
"""

json_values = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=5),
                           lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner,
                                                                                       max_size=3), max_leaves=8)


@given(st.dictionaries(st.text(max_size=6), json_values, max_size=5))
def test_key_does_not_depend_on_insertion_order(parts):
    reordered = dict(reversed(list(parts.items())))
    assert cache_key(parts) == cache_key(reordered)
    assert json.loads(canonical_json(parts)) == json.loads(json.dumps(parts))


@given(st.dictionaries(st.text(max_size=6), st.integers(), min_size=1, max_size=5), st.integers())
def test_key_changes_with_any_value(parts, delta):
    name = sorted(parts)[0]
    changed = {**parts, name: parts[name] + (delta or 1)}
    assert cache_key(changed) != cache_key(parts)


def test_key_is_sha256_of_canonical_json():
    import hashlib

    assert cache_key({"b": 1, "a": [1, 2]}) == hashlib.sha256(b'{"a":[1,2],"b":1}').hexdigest()
    assert short_key(cache_key({"a": 1})) == cache_key({"a": 1})[:16]
    assert cache_key({"p": Path("/x")}) == cache_key({"p": "/x"})
    with pytest.raises(InternalError):
        cache_key({"a": object()})


def _counting_build(calls: list[Path], text: str = "done"):
    def build(directory: Path) -> dict:
        calls.append(directory)
        (directory / "out.txt").write_text(text)
        return {"file": "out.txt"}

    return build


def test_miss_then_hit_without_work(tmp_path: Path):
    cache = BuildCache(tmp_path)
    key = cache_key({"model": "a"})
    calls: list[Path] = []
    first = cache.get_or_build(key, _counting_build(calls), label="model a", inputs={"model": "a"})
    second = cache.get_or_build(key, _counting_build(calls), label="model a")
    assert (first.hit, second.hit) == (False, True)
    assert len(calls) == 1
    assert first.path == second.path == tmp_path / key
    assert (first.path / "out.txt").read_text() == "done"
    meta = json.loads((first.path / META).read_text())
    assert meta["label"] == "model a" and meta["result"] == {"file": "out.txt"}
    assert meta["inputs"] == {"model": "a"} and meta["key"] == key and meta["build_seconds"] >= 0
    assert second.meta == meta
    assert [e.key for e in cache.ls()] == [key]
    assert cache.ls()[0].size_bytes() == len("done") + (first.path / META).stat().st_size


def test_failed_build_leaves_nothing(tmp_path: Path):
    cache = BuildCache(tmp_path)
    key = cache_key({"model": "broken"})

    def build(directory: Path) -> dict:
        (directory / "half.txt").write_text("x")
        raise RuntimeError("compiler exploded")

    with pytest.raises(RuntimeError, match="exploded"):
        cache.get_or_build(key, build, label="broken")
    assert cache.lookup(key) is None
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(".locks")] == []


def test_directory_without_marker_is_ignored_and_rebuilt(tmp_path: Path):
    cache = BuildCache(tmp_path)
    key = cache_key({"model": "partial"})
    (tmp_path / key).mkdir()
    (tmp_path / key / "out.txt").write_text("garbage from an old crash")
    assert cache.lookup(key) is None and cache.ls() == []
    calls: list[Path] = []
    entry = cache.get_or_build(key, _counting_build(calls), label="partial")
    assert not entry.hit and len(calls) == 1
    assert (entry.path / "out.txt").read_text() == "done"


def _wait_for(predicate, seconds: float = 60.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("timed out")
        time.sleep(0.05)


def test_killed_build_leaves_no_entry(tmp_path: Path):
    root, counter = tmp_path / "cache", tmp_path / "counter"
    key = cache_key({"model": "killed"})
    child = subprocess.Popen([sys.executable, "-c", BUILDER, str(root), key, str(counter), "120"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _wait_for(lambda: counter.exists() and any(p.name.startswith(".tmp-") for p in root.iterdir()))
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    cache = BuildCache(root)
    assert cache.lookup(key) is None and cache.ls() == []
    leftovers = [p for p in root.iterdir() if p.name.startswith(".tmp-")]
    assert len(leftovers) == 1 and (leftovers[0] / "out.txt").read_text() == "partial"
    entry = cache.get_or_build(key, _counting_build([]), label="killed")
    assert not entry.hit and (entry.path / "out.txt").read_text() == "done"
    assert not leftovers[0].exists()  # cleaned up by the next build of the key


def test_waiter_takes_over_when_the_builder_dies(tmp_path: Path):
    root, counter = tmp_path / "cache", tmp_path / "counter"
    key = cache_key({"model": "orphaned"})
    builder = subprocess.Popen([sys.executable, "-c", BUILDER, str(root), key, str(counter), "120"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        _wait_for(lambda: counter.exists())
        waiter = subprocess.Popen([sys.executable, "-c", BUILDER, str(root), key, str(counter), "0"],
                                  stdout=subprocess.PIPE, text=True)
        waited = tmp_path / "counter.waited"
        _wait_for(lambda: waited.exists())  # the waiter is blocked on the builder's lock
        assert "waiting for another process that is building test" in waited.read_text()
        assert waiter.poll() is None
    finally:
        builder.send_signal(signal.SIGKILL)
        builder.wait(timeout=30)
    result = json.loads(waiter.communicate(timeout=120)[0])
    assert result["hit"] is False and counter.read_text().count("built") == 2
    assert (Path(result["path"]) / "out.txt").read_text() == "done"


def test_two_processes_build_once(tmp_path: Path):
    root, counter = tmp_path / "cache", tmp_path / "counter"
    key = cache_key({"model": "contended"})
    command = [sys.executable, "-c", BUILDER, str(root), key, str(counter), "1.5"]
    children = [subprocess.Popen(command, stdout=subprocess.PIPE, text=True) for _ in range(2)]
    results = [json.loads(child.communicate(timeout=120)[0]) for child in children]
    assert all(child.returncode == 0 for child in children)
    assert counter.read_text().count("built") == 1
    assert sorted(r["hit"] for r in results) == [False, True]
    assert results[0]["path"] == results[1]["path"]
    assert (Path(results[0]["path"]) / "out.txt").read_text() == "done"


def test_alias_maps_a_cheap_key_to_a_complete_entry(tmp_path: Path):
    cache = BuildCache(tmp_path)
    key = cache_key({"ir": "expensive"})
    cheap = cache_key({"source_bytes": "abc"})
    assert cache.alias(cheap) is None
    cache.set_alias(cheap, key)
    assert cache.alias(cheap) is None  # no entry yet
    cache.get_or_build(key, _counting_build([]), label="x")
    assert cache.alias(cheap) == key
    assert cache.clear() == 1
    assert cache.alias(cheap) is None
    assert not any((tmp_path / ".aliases").iterdir())


def test_clear_older_than_keeps_recently_used(tmp_path: Path):
    cache = BuildCache(tmp_path)
    old, new = cache_key({"n": 1}), cache_key({"n": 2})
    for key in (old, new):
        cache.get_or_build(key, _counting_build([]), label=key[:4])
    long_ago = time.time() - 10 * 86400
    os.utime(tmp_path / old / META, (long_ago, long_ago))
    assert cache.clear(older_than=86400) == 1
    assert [e.key for e in cache.ls()] == [new]
    assert cache.lookup(old) is None


def test_clear_removes_leftovers_of_dead_builds(tmp_path: Path):
    cache = BuildCache(tmp_path)
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    leftover = tmp_path / f".tmp-0123456789abcdef-{dead}-deadbeef"
    leftover.mkdir(parents=True)
    alive = tmp_path / f".tmp-0123456789abcdef-{os.getpid()}-cafecafe"
    alive.mkdir()
    cache.clear()
    assert not leftover.exists() and alive.exists()


def test_default_location_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.delenv("PORTASNN_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert BuildCache().root == tmp_path / "xdg" / "portasnn" / "builds"
    monkeypatch.setenv("PORTASNN_CACHE_DIR", str(tmp_path / "explicit"))
    assert BuildCache().root == tmp_path / "explicit" / "builds"
