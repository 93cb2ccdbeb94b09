"""Resumable, verified downloads shared by the remote backends.

Each file is written to ``<name>.part``; a retry continues from its size with an HTTP
``Range: bytes=<n>-`` request (206 appends, 200 starts over). After all downloads, every file
listed in the job's ``results.sha256`` (written by the entry on the far side) is checked; a
mismatch downloads that file once more from zero, and a second mismatch is an error.
"""
from __future__ import annotations

import os
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable, Iterator

from portasnn.errors import ToolError
from portasnn.runtime import manifest as mf
from portasnn.runtime.retry import retry

CHECKSUMS = "results.sha256"


class TransientDownloadError(ConnectionError):
    """A download ended early or the server answered 5xx: worth resuming."""


@dataclass(frozen=True)
class RemoteFile:
    path: str  # relative POSIX path in the job directory
    size: int | None = None


@dataclass
class FetchReport:
    outdir: Path
    files: list[str] = field(default_factory=list)
    verified: list[str] = field(default_factory=list)
    resumed_bytes: int = 0


Opener = Callable[[RemoteFile, int], AbstractContextManager[tuple[int, Iterator[bytes]]]]


def safe_relpath(path: str) -> str:
    """A remote path as a safe relative path, or a ToolError (a server must not write outside ``outdir``)."""
    p = PurePosixPath(path.lstrip("/"))
    if not path.strip("/") or ".." in p.parts or "\\" in path or "\x00" in path:
        raise ToolError(f"the remote side listed an unsafe file path {path!r}; refusing to write it")
    return p.as_posix()


def _download(rf: RemoteFile, dest: Path, opener: Opener, report: FetchReport) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    part = dest.with_name(dest.name + ".part")

    def attempt() -> None:
        offset = part.stat().st_size if part.exists() else 0
        if rf.size is not None and offset > rf.size:
            part.unlink()
            offset = 0
        if rf.size is not None and offset == rf.size and offset > 0:
            return
        with opener(rf, offset) as (status, chunks):
            if status == 206 and offset:
                report.resumed_bytes += offset
                mode = "ab"
            elif status in (200, 206):
                mode = "wb"
            elif status >= 500 or status == 429:
                raise TransientDownloadError(f"{status} while downloading {rf.path}")
            else:
                raise ToolError(f"downloading {rf.path} failed with HTTP {status}")
            with open(part, mode) as fh:
                for chunk in chunks:
                    fh.write(chunk)
        if rf.size is not None and part.stat().st_size != rf.size:
            raise TransientDownloadError(f"{rf.path}: got {part.stat().st_size} of {rf.size} bytes")

    retry(attempt)
    os.replace(part, dest)


def read_checksums(path: Path) -> dict[str, str]:
    sums: dict[str, str] = {}
    for line in path.read_text().splitlines():
        if line.strip():
            digest, _, name = line.partition("  ")
            sums[safe_relpath(name.strip())] = digest.strip()
    return sums


def download_all(files: list[RemoteFile], outdir: Path, opener: Opener, *, require_checksums: bool) -> FetchReport:
    """Download ``files`` into ``outdir``, resuming, then verify against ``results.sha256``."""
    outdir = Path(outdir)
    report = FetchReport(outdir=outdir)
    by_path = {safe_relpath(f.path): RemoteFile(safe_relpath(f.path), f.size) for f in files}
    sums: dict[str, str] = {}
    if CHECKSUMS in by_path:
        _download(by_path[CHECKSUMS], outdir / CHECKSUMS, opener, report)
        sums = read_checksums(outdir / CHECKSUMS)
    elif require_checksums:
        raise ToolError(f"the job left no {CHECKSUMS}: its results cannot be verified (did the run fail?)")
    missing = sorted(set(sums) - set(by_path))
    if missing:
        raise ToolError(f"results lost: {', '.join(missing[:5])} listed in {CHECKSUMS} but not on the remote side")
    for rel, rf in sorted(by_path.items()):
        if rel == CHECKSUMS:
            continue
        dest = outdir / rel
        if rel in sums and dest.is_file() and mf.sha256_file(dest) == sums[rel]:
            report.files.append(rel)
            report.verified.append(rel)
            continue
        _download(rf, dest, opener, report)
        report.files.append(rel)
        if rel in sums:
            if mf.sha256_file(dest) != sums[rel]:  # one fresh download, then give up
                dest.unlink()
                _download(rf, dest, opener, report)
                if mf.sha256_file(dest) != sums[rel]:
                    raise ToolError(f"{rel}: sha256 differs from {CHECKSUMS} after two downloads")
            report.verified.append(rel)
    return report


def verify_local(outdir: Path) -> list[str]:
    """Check every file listed in ``outdir/results.sha256``; return the verified paths."""
    sums = read_checksums(outdir / CHECKSUMS)
    for rel, digest in sums.items():
        p = outdir / rel
        if not p.is_file():
            raise ToolError(f"result {rel} is missing")
        if mf.sha256_file(p) != digest:
            raise ToolError(f"result {rel}: sha256 mismatch")
    return sorted(sums)
