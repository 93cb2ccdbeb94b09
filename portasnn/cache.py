"""A content-addressed build cache, safe across processes.

Layout under ``portasnn.paths.cache_dir() / "builds"`` (``PORTASNN_CACHE_DIR`` moves it)::

    <key>/                  one complete entry: the build's files and meta.json
    <key>/meta.json         the completion marker: what was built, from what, when, how long it took
    .tmp-<key16>-<pid>-*/   a build in progress (renamed to <key>/ when it is complete)
    .locks/<key>.lock       inter-process lock held while building <key>
    .aliases/<name>         a cheap key (e.g. a hash of source bytes) -> the full key

A build writes into a temporary directory beside its entry and renames it into place only after
``meta.json`` is written, so a killed build never leaves an entry that looks complete; a
directory without ``meta.json`` is ignored and rebuilt. Two processes asking for the same key at
once: one builds under the key's file lock, the other waits for the lock and then reuses the entry.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import os
import shutil
import time
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath


from portasnn import paths
from portasnn.errors import InternalError

META = "meta.json"
SHORT = 16


def _canonical(value: object) -> object:
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, Mapping):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_canonical(v) for v in value]
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise InternalError(f"cache key part of type {type(value).__name__} has no canonical JSON form: {value!r}")


def canonical_json(parts: Mapping[str, object]) -> str:
    """JSON with sorted keys and no whitespace: equal inputs give equal text."""
    return json.dumps(_canonical(parts), sort_keys=True, separators=(",", ":"), ensure_ascii=True,
                      allow_nan=False)


def cache_key(parts: Mapping[str, object]) -> str:
    """The sha256 (hex) of the canonical JSON of ``parts``."""
    return hashlib.sha256(canonical_json(parts).encode()).hexdigest()


def short_key(key: str) -> str:
    """The first 16 hex digits of a key, for names (module names, directory labels)."""
    return key[:SHORT]


@dataclass(frozen=True)
class CacheEntry:
    """A complete cache entry. ``hit``: it existed before the call; ``seconds``: time the call took."""

    key: str
    path: Path
    hit: bool
    seconds: float
    meta: dict = field(default_factory=dict, compare=False, hash=False)

    @property
    def label(self) -> str:
        return str(self.meta.get("label", ""))

    def size_bytes(self) -> int:
        """Bytes of the files in the entry."""
        return _tree_size(self.path)


def _tree_size(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for name in files:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total


def _now() -> str:
    return _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds")


class BuildCache:
    """Build outputs keyed by a content hash; see the module docstring for the layout."""

    def __init__(self, root: Path | None = None) -> None:
        self.root = Path(root) if root is not None else paths.cache_dir() / "builds"

    # -- lookup -----------------------------------------------------------------------------
    def entry_path(self, key: str) -> Path:
        if not key or not all(c in "0123456789abcdef" for c in key):
            raise InternalError(f"cache key {key!r} is not a lowercase hex digest")
        return self.root / key

    def lookup(self, key: str) -> CacheEntry | None:
        """The complete entry for ``key``, or None (an entry without its marker does not count)."""
        started = time.perf_counter()
        path = self.entry_path(key)
        try:
            meta = json.loads((path / META).read_text())
        except (OSError, ValueError):
            return None
        try:
            os.utime(path / META)  # last use, for clear(older_than=...)
        except OSError:
            pass
        return CacheEntry(key=key, path=path, hit=True, seconds=time.perf_counter() - started, meta=meta)

    def get_or_build(self, key: str, build: Callable[[Path], dict], *, label: str,
                     inputs: Mapping[str, object] | None = None,
                     progress: Callable[[str], None] | None = None) -> CacheEntry:
        """The entry for ``key``; if there is none, ``build(tmp_dir)`` fills a fresh one.

        ``build`` writes its outputs into the directory it is given and returns a JSON-able dict
        describing them (stored in ``meta.json`` under ``"result"``, next to ``inputs``).
        """
        started = time.perf_counter()
        found = self.lookup(key)
        if found is not None:
            return found
        say = progress or (lambda _message: None)
        import filelock  # only on a miss: it pulls in asyncio, which the warm path does not need

        lock = filelock.FileLock(str(self._lock_path(key)))
        try:
            lock.acquire(timeout=0)
        except filelock.Timeout:
            say(f"waiting for another process that is building {label} ({short_key(key)})")
            lock.acquire()
        try:
            found = self.lookup(key)
            if found is not None:
                return CacheEntry(key=key, path=found.path, hit=True, seconds=time.perf_counter() - started,
                                  meta=found.meta)
            return self._build_locked(key, build, label, inputs, started)
        finally:
            lock.release()

    def _build_locked(self, key: str, build: Callable[[Path], dict], label: str,
                      inputs: Mapping[str, object] | None, started: float) -> CacheEntry:
        self._remove_stale_temps(key)
        final = self.entry_path(key)
        tmp = self.root / f".tmp-{short_key(key)}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        tmp.mkdir(parents=True)
        try:
            build_started = time.perf_counter()
            result = build(tmp)
            meta = {
                "key": key,
                "label": label,
                "created": _now(),
                "build_seconds": round(time.perf_counter() - build_started, 3),
                "result": _canonical(result or {}),
                "inputs": _canonical(inputs or {}),
            }
            marker = tmp / META
            with open(marker, "w") as handle:
                json.dump(meta, handle, indent=2, sort_keys=True)
                handle.flush()
                os.fsync(handle.fileno())
            if final.exists():  # an incomplete leftover (no marker): replace it
                self._discard(final)
            os.rename(tmp, final)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return CacheEntry(key=key, path=final, hit=False, seconds=time.perf_counter() - started, meta=meta)

    def remove(self, key: str) -> None:
        """Remove the entry for ``key`` (e.g. found damaged), unless another process is building it."""
        import filelock

        lock = filelock.FileLock(str(self._lock_path(key)))
        try:
            lock.acquire(timeout=0)
        except filelock.Timeout:
            return
        try:
            if self.entry_path(key).exists():
                self._discard(self.entry_path(key))
        finally:
            lock.release()

    # -- aliases ----------------------------------------------------------------------------
    def alias(self, name_key: str) -> str | None:
        """The full key recorded for a cheap key, if that entry is still complete."""
        try:
            key = (self.root / ".aliases" / self._alias_name(name_key)).read_text().strip()
        except OSError:
            return None
        return key if key and (self.root / key / META).is_file() else None

    def set_alias(self, name_key: str, key: str) -> None:
        """Record that the cheap key ``name_key`` maps to the full key ``key``."""
        self.entry_path(key)
        directory = self.root / ".aliases"
        directory.mkdir(parents=True, exist_ok=True)
        tmp = directory / f".{self._alias_name(name_key)}.{os.getpid()}.{uuid.uuid4().hex[:8]}"
        tmp.write_text(key + "\n")
        os.replace(tmp, directory / self._alias_name(name_key))

    @staticmethod
    def _alias_name(name_key: str) -> str:
        if not name_key or not all(c.isalnum() or c in "-_." for c in name_key) or name_key.startswith("."):
            return hashlib.sha256(name_key.encode()).hexdigest()
        return name_key

    # -- maintenance ------------------------------------------------------------------------
    def ls(self) -> list[CacheEntry]:
        """Complete entries, oldest first; ``seconds`` is the time the build took."""
        entries = []
        if not self.root.is_dir():
            return entries
        for path in self.root.iterdir():
            if path.name.startswith(".") or not path.is_dir():
                continue
            try:
                meta = json.loads((path / META).read_text())
            except (OSError, ValueError):
                continue
            entries.append(CacheEntry(key=path.name, path=path, hit=True,
                                      seconds=float(meta.get("build_seconds", 0.0)), meta=meta))
        return sorted(entries, key=lambda e: (str(e.meta.get("created", "")), e.key))

    def last_used(self, entry: CacheEntry) -> float:
        """Seconds since the epoch when the entry was last built or looked up."""
        try:
            return (entry.path / META).stat().st_mtime
        except OSError:
            return 0.0

    def clear(self, older_than: float | None = None) -> int:
        """Remove entries (only those unused for ``older_than`` seconds, if given); return how many.

        Also removes leftovers of killed builds and entries without a completion marker.
        """
        if not self.root.is_dir():
            return 0
        removed = 0
        now = time.time()
        for path in sorted(self.root.iterdir()):
            if path.name.startswith(".") or not path.is_dir():
                continue
            marker = path / META
            if marker.is_file() and older_than is not None:
                try:
                    if now - marker.stat().st_mtime < older_than:
                        continue
                except OSError:
                    continue
            import filelock

            lock = filelock.FileLock(str(self._lock_path(path.name)))
            try:
                lock.acquire(timeout=0)
            except filelock.Timeout:
                continue  # being built right now
            try:
                if path.exists():
                    self._discard(path)
                    removed += 1
            finally:
                lock.release()
        self._remove_stale_temps(None)
        self._prune_aliases()
        return removed

    def total_size(self) -> int:
        """Bytes under the cache root."""
        return _tree_size(self.root) if self.root.is_dir() else 0

    # -- helpers ----------------------------------------------------------------------------
    def _lock_path(self, key: str) -> Path:
        directory = self.root / ".locks"
        directory.mkdir(parents=True, exist_ok=True)
        return directory / f"{key}.lock"

    def _discard(self, path: Path) -> None:
        """Remove a directory so that it disappears at once (rename, then delete)."""
        trash = self.root / f".trash-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        os.rename(path, trash)
        shutil.rmtree(trash, ignore_errors=True)

    def _remove_stale_temps(self, key: str | None) -> None:
        """Delete build directories left by killed builds (for ``key``, or all not being built)."""
        if not self.root.is_dir():
            return
        for path in self.root.iterdir():
            if path.name.startswith(".trash-"):
                shutil.rmtree(path, ignore_errors=True)
                continue
            if not path.name.startswith(".tmp-"):
                continue
            prefix = path.name.split("-")[1] if path.name.count("-") >= 3 else ""
            if key is not None:
                if prefix == short_key(key):
                    shutil.rmtree(path, ignore_errors=True)
            elif not _pid_alive(path.name):
                shutil.rmtree(path, ignore_errors=True)

    def _prune_aliases(self) -> None:
        directory = self.root / ".aliases"
        if not directory.is_dir():
            return
        for path in directory.iterdir():
            try:
                key = path.read_text().strip()
            except OSError:
                continue
            if not (self.root / key / META).is_file():
                path.unlink(missing_ok=True)


def _pid_alive(tmp_name: str) -> bool:
    """Whether the process named in ``.tmp-<key16>-<pid>-<rand>`` still runs (on this host)."""
    try:
        pid = int(tmp_name.split("-")[2])
    except (IndexError, ValueError):
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
