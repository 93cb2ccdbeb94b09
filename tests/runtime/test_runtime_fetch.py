"""Resumable, verified downloads: whatever the interruptions, the bytes arrive whole or an error says why."""
from __future__ import annotations

import hashlib
from contextlib import contextmanager

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portasnn.errors import ToolError
from portasnn.runtime.backends._fetch import RemoteFile, TransientDownloadError, download_all


def _server(files: dict[str, bytes], cuts: list[int], ranges: bool = True):
    """An opener serving ``files``; the i-th request breaks off after ``cuts[i]`` bytes (while cuts last)."""
    calls = []

    @contextmanager
    def opener(rf: RemoteFile, offset: int):
        data = files[rf.path]
        status = 206 if (offset and ranges) else 200
        body = data[offset:] if status == 206 else data
        cut = cuts[len(calls)] if len(calls) < len(cuts) else None
        calls.append((rf.path, offset))

        def chunks():
            sent = body if cut is None else body[:cut]
            for i in range(0, len(sent), 7):
                yield sent[i:i + 7]
            if cut is not None and cut < len(body):
                raise TransientDownloadError("connection reset")
        yield status, chunks()
    return opener, calls


def _sums(files: dict[str, bytes]) -> bytes:
    return "".join(f"{hashlib.sha256(d).hexdigest()}  {n}\n" for n, d in files.items() if n != "results.sha256").encode()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=1, max_size=400), cuts=st.lists(st.integers(0, 200), max_size=4),
       ranges=st.booleans())
def test_interrupted_downloads_end_whole(tmp_path_factory, data, cuts, ranges):
    files = {"results/a.bin": data}
    files["results.sha256"] = _sums(files)
    out = tmp_path_factory.mktemp("out")
    # the checksum file is fetched first: give it no cuts, then apply the cuts to the data file
    opener, calls = _server(files, [None, *cuts], ranges=ranges)
    report = download_all([RemoteFile(n, len(d)) for n, d in files.items()], out, opener, require_checksums=True)
    assert (out / "results/a.bin").read_bytes() == data
    assert report.verified == ["results/a.bin"]
    assert not list(out.rglob("*.part"))
    if ranges and any(0 < c < len(data) for c in cuts[:1]):
        assert report.resumed_bytes > 0 and calls[2][1] == cuts[0]


def test_unsafe_remote_paths_are_refused(tmp_path):
    files = {"../outside.txt": b"x"}
    opener, _ = _server(files, [])
    with pytest.raises(ToolError, match="unsafe file path"):
        download_all([RemoteFile("../outside.txt", 1)], tmp_path / "out", opener, require_checksums=False)
    assert not (tmp_path / "outside.txt").exists()


def test_a_listed_result_that_is_missing_or_wrong_is_an_error(tmp_path):
    files = {"results/a.bin": b"abc"}
    files["results.sha256"] = _sums({"results/a.bin": b"abc", "results/b.bin": b"zzz"})
    opener, _ = _server(files, [])
    with pytest.raises(ToolError, match=r"results lost: results/b.bin"):
        download_all([RemoteFile(n, len(d)) for n, d in files.items()], tmp_path / "o1", opener, require_checksums=True)
    files["results.sha256"] = _sums({"results/a.bin": b"abd"})
    opener, calls = _server(files, [])
    with pytest.raises(ToolError, match="sha256 differs .* after two downloads"):
        download_all([RemoteFile(n, len(d)) for n, d in files.items()], tmp_path / "o2", opener, require_checksums=True)
    assert [c for c in calls if c[0] == "results/a.bin"] == [("results/a.bin", 0), ("results/a.bin", 0)]
    with pytest.raises(ToolError, match="left no results.sha256"):
        download_all([RemoteFile("results/a.bin", 3)], tmp_path / "o3", opener, require_checksums=True)
