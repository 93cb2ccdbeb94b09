"""The input files a frontend read, noted while ``recording()`` is active (the program cache's dependencies)."""
from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from pathlib import Path

_READS: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("portasnn_reads", default=None)


def note(path: str | Path) -> None:
    """Note that ``path`` was read as input (nothing happens unless recording)."""
    reads = _READS.get()
    if reads is not None:
        reads.append(str(Path(path).resolve()))


@contextlib.contextmanager
def recording() -> Iterator[list[str]]:
    """Within the block, collect the resolved paths of the input files read (in order, repeated)."""
    reads: list[str] = []
    token = _READS.set(reads)
    try:
        yield reads
    finally:
        _READS.reset(token)
