"""The bundle manifest: what a bundle holds and what made it.

``manifest.json`` (format ``portasnn-bundle/1``) is canonical JSON (sorted keys, two-space indent,
trailing newline) with:

- ``files``: ``{"payload/<path>": "<sha256>"}`` for every file in the bundle except the manifest;
- ``target``: ``nest`` | ``spinnaker`` | ``python``;
- ``entry``: how the far side runs it (``{"kind": "network", "network": "payload/src/x.pnet", ...}``,
  ``{"kind": "spinnaker", ...}`` or ``{"kind": "python", "script": ..., "args": [...]}``);
- ``ir_hash``: sha256 of the network IR's canonical JSON (``null`` for a plain Python bundle);
- ``versions``: portasnn, Python, NEST, NESTML, sPyNNaker, the C/C++ compilers;
- ``resources``: nodes, tasks per node, runtime as asked for;
- ``command``: the canonical command line that made the bundle.

No timestamps, host names or user names: the same inputs give the same bytes.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

FORMAT = "portasnn-bundle/1"
MANIFEST = "manifest.json"


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path) -> str:
    with open(path, "rb") as fh:
        return sha256_stream(fh)


def sha256_stream(fh) -> str:
    h = hashlib.sha256()
    for chunk in iter(lambda: fh.read(1 << 20), b""):
        h.update(chunk)
    return h.hexdigest()


def canonical_json(data: Any) -> bytes:
    return (json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n").encode()


def _dist_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


@functools.cache
def _compiler_version(cmd: str) -> str | None:
    try:
        out = subprocess.run([cmd, "--version"], capture_output=True, text=True, timeout=20, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    line = out.stdout.splitlines()[0].strip() if out.stdout else ""
    return line or None


def versions() -> dict[str, str | None]:
    """Versions of the toolchain that produced (or will rebuild) the artifacts."""
    import platform

    import portasnn

    return {
        "portasnn": portasnn.__version__,
        "python": platform.python_version(),
        "nest": _dist_version("nest-simulator"),
        "nestml": _dist_version("nestml"),
        "spynnaker": _dist_version("sPyNNaker"),
        "cxx": _compiler_version("g++"),
        "arm-none-eabi-gcc": _compiler_version("arm-none-eabi-gcc"),
    }


_PATH_FIELDS = ("path", "source")


def _plain(value: Any) -> Any:
    """Dataclass tree -> JSON-able data, dropping fields that are not part of equality (spans); file paths
    (a model's NESTML file, the network's source) stand as the file's name and content hash, so the same
    network hashes the same in any directory."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {}
        for f in dataclasses.fields(value):
            if f.compare:
                v = getattr(value, f.name)
                if f.metadata.get("omit_if_default") and v == f.default:
                    continue  # a field added later, at its default: the hash stays the same
                out[f.name] = _file_id(v) if f.name in _PATH_FIELDS and isinstance(v, str) else _plain(v)
        return out
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, float) and value != value:  # NaN
        return "nan"
    return value


def _file_id(path: str) -> str:
    p = Path(path)
    return f"{p.name}:{sha256_file(p)}" if p.is_file() else p.name


def ir_hash(network: Any) -> str:
    """sha256 of the canonical JSON of a network IR (spans excluded, file paths as name and content hash)."""
    return sha256_bytes(canonical_json(_plain(network)))


def build_manifest(files: dict[str, bytes], *, target: str, entry: dict, ir: str | None,
                   resources: dict | None, command: str, extra: dict | None = None) -> dict:
    """The manifest for ``files`` (archive path -> bytes)."""
    manifest = {
        "format": FORMAT,
        "target": target,
        "entry": entry,
        "ir_hash": ir,
        "files": {name: sha256_bytes(data) for name, data in sorted(files.items())},
        "versions": versions(),
        "resources": resources or {},
        "command": command,
    }
    if extra:
        manifest.update(extra)
    return manifest
