"""Content-addressed, reproducible bundles.

A bundle is a gzip-compressed tar archive named ``portasnn-<target>-<digest>.tar.gz`` where
``<digest>`` is the first 32 hex digits of the sha256 of the archive itself. It holds
``manifest.json`` (see :mod:`portasnn.runtime.manifest`) and ``payload/...``.

Reproducible: entries sorted by name, regular files only (mode 0644), mtime fixed at
``SOURCE_DATE_EPOCH`` = 0, uid/gid 0, empty user/group names, gzip header without name and
with mtime 0. The same inputs give the same bytes, hence the same name.

Extraction is defensive: it rejects absolute paths, ``..`` components, links, devices and
anything else that is not a plain file or directory, extracts with tarfile's ``data`` filter,
and then checks every file's sha256 against the manifest (and the archive against its name).

What goes in a network bundle (decision): the ``.pnet`` file, every file it includes, and the
NESTML sources of its models; not built ``.so`` modules. The far side rebuilds the models
with its own portasnn (the container has portasnn, NEST and NESTML at pinned versions),
which is safer across machines than shipping a binary built against this machine's NEST and
C++ ABI. Models from the NESTML zoo shipped with the nestml package are recorded by name and
sha256 (``zoo_models``) and taken from the far side's nestml; the entry checks the hashes.
A SpiNNaker bundle additionally holds the files the ``spinnaker`` target lowers for the network
(``lower(program).files``: PyNN script, model C code, Makefiles, Python model classes), in memory.
"""
from __future__ import annotations

import dataclasses
import gzip
import io
import json
import os
import re
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from portasnn.errors import UsageError
from portasnn.runtime import manifest as mf

MTIME = 0
NAME_RE = re.compile(r"^portasnn-([a-z0-9-]+)-([0-9a-f]{32})\.tar\.gz$")
TARGETS = ("nest", "spinnaker", "python")


@dataclass(frozen=True)
class Bundle:
    path: Path
    digest: str  # sha256 of the archive (hex)
    manifest: dict

    @property
    def short(self) -> str:
        return self.digest[:32]

    @property
    def target(self) -> str:
        return self.manifest["target"]


def archive_bytes(files: dict[str, bytes]) -> bytes:
    """A reproducible .tar.gz of ``files`` (archive path -> content)."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        for name in sorted(files):
            _check_member_name(name, "<new bundle>")
            data = files[name]
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = MTIME
            info.mode = 0o644
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.type = tarfile.REGTYPE
            tar.addfile(info, io.BytesIO(data))
    out = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=out, mtime=0, compresslevel=9) as gz:
        gz.write(raw.getvalue())
    return out.getvalue()


def write_bundle(payload: dict[str, bytes], outdir: Path | str, *, target: str, entry: dict,
                 ir: str | None = None, resources: dict | None = None, command: str = "",
                 extra: dict | None = None) -> Bundle:
    """Write a bundle of ``payload`` (paths relative to ``payload/``) into ``outdir``."""
    if target not in TARGETS:
        raise UsageError(f"unknown bundle target '{target}'", hint=f"use one of: {', '.join(TARGETS)}",
                         code="E601")
    files = {f"payload/{name}": data for name, data in payload.items()}
    manifest = mf.build_manifest(files, target=target, entry=entry, ir=ir, resources=resources,
                                 command=command, extra=extra)
    files[mf.MANIFEST] = mf.canonical_json(manifest)
    data = archive_bytes(files)
    digest = mf.sha256_bytes(data)
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    path = outdir / f"portasnn-{target}-{digest[:32]}.tar.gz"
    if not path.exists() or mf.sha256_file(path) != digest:
        tmp = path.with_suffix(".part")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    return Bundle(path=path, digest=digest, manifest=manifest)


def _bad(bundle: str, message: str, hint: str = "") -> UsageError:
    return UsageError(f"bundle {bundle}: {message}",
                      hint=hint or "the bundle is corrupt or was tampered with; make it again with `portasnn bundle`",
                      code="E602")


def _check_member_name(name: str, bundle: str) -> None:
    if not name or "\\" in name or "\x00" in name:
        raise _bad(bundle, f"member name {name!r} is not a plain relative path")
    p = PurePosixPath(name)
    if p.is_absolute() or name.startswith("/"):
        raise _bad(bundle, f"member '{name}' has an absolute path (it would be written outside the extraction "
                           "directory)")
    if ".." in p.parts:
        raise _bad(bundle, f"member '{name}' contains '..' (it would be written outside the extraction directory)")


def _check_member(member: tarfile.TarInfo, bundle: str) -> None:
    _check_member_name(member.name, bundle)
    if member.issym() or member.islnk():
        target = member.linkname
        leaves = PurePosixPath(target).is_absolute() or ".." in PurePosixPath(target).parts
        where = "pointing outside the bundle" if leaves else "inside the bundle"
        raise _bad(bundle, f"member '{member.name}' is a {'symbolic' if member.issym() else 'hard'} link to "
                           f"'{target}' ({where}); bundles contain plain files only")
    if not (member.isreg() or member.isdir()):
        raise _bad(bundle, f"member '{member.name}' is a device, FIFO or other special file; bundles contain "
                           "plain files only")


def open_bundle(path: Path | str) -> Bundle:
    """Read a bundle's manifest and check the archive against its name (no extraction)."""
    path = Path(path)
    if not path.is_file():
        raise UsageError(f"bundle {path} does not exist", hint="make one with `portasnn bundle NET.pnet`",
                         code="E603")
    digest = mf.sha256_file(path)
    m = NAME_RE.match(path.name)
    if m and not digest.startswith(m.group(2)):
        raise _bad(str(path), f"archive sha256 is {digest[:32]}…, but its name says {m.group(2)}")
    try:
        with tarfile.open(path, "r:gz") as tar:
            try:
                member = tar.getmember(mf.MANIFEST)
            except KeyError:
                raise _bad(str(path), "it has no manifest.json") from None
            _check_member(member, str(path))
            manifest = json.loads(tar.extractfile(member).read())
    except (tarfile.TarError, OSError, EOFError, json.JSONDecodeError) as exc:
        raise _bad(str(path), f"it is not a readable portasnn bundle ({exc})") from None
    if manifest.get("format") != mf.FORMAT:
        raise _bad(str(path), f"unknown format {manifest.get('format')!r}, expected {mf.FORMAT}")
    return Bundle(path=path, digest=digest, manifest=manifest)


def extract_bundle(path: Path | str, dest: Path | str) -> Bundle:
    """Extract a bundle into ``dest`` after checking every member; then verify every hash."""
    bundle = open_bundle(path)
    name = str(bundle.path)
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    try:
        with tarfile.open(bundle.path, "r:gz") as tar:
            members = tar.getmembers()
            for member in members:
                _check_member(member, name)
            if sys.version_info >= (3, 11, 4):
                tar.extractall(dest, members=members, filter="data")
            else:  # pragma: no cover - the members were checked above
                tar.extractall(dest, members=members)
    except tarfile.FilterError as exc:
        raise _bad(name, f"unsafe member rejected: {exc}") from None
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise _bad(name, f"cannot be extracted ({exc})") from None
    verify_tree(dest, bundle.manifest, name)
    return bundle


def verify_tree(root: Path, manifest: dict, name: str) -> None:
    """Every file listed in the manifest is present with its sha256; nothing else is present."""
    files: dict[str, str] = manifest.get("files", {})
    for rel, expected in files.items():
        _check_member_name(rel, name)
        p = root / rel
        if not p.is_file() or p.is_symlink():
            raise _bad(name, f"file '{rel}' listed in the manifest is missing")
        got = mf.sha256_file(p)
        if got != expected:
            raise _bad(name, f"file '{rel}' has sha256 {got[:16]}…, the manifest says {expected[:16]}… "
                             "(hash mismatch)")
    for p in root.rglob("*"):
        if p.is_symlink() or (not p.is_dir() and not p.is_file()):
            raise _bad(name, f"'{p.relative_to(root)}' is not a plain file")
        if p.is_file():
            rel = p.relative_to(root).as_posix()
            if rel != mf.MANIFEST and rel not in files:
                raise _bad(name, f"file '{rel}' is not listed in the manifest")


# ---------------------------------------------------------------- network bundles

def _included_files(pnet: Path, overrides: dict) -> set[str]:
    """Every file the .pnet reader reads for ``pnet`` (the file and its includes), if the reader says."""
    try:
        from portasnn.frontend.pnet.reader import Reader

        reader = Reader(overrides)
        reader.read(pnet.read_text(encoding="utf-8"), str(pnet))
        return {f for f in reader.done if not f.startswith("<")}
    except Exception:  # noqa: BLE001 - an older or newer reader: fall back on the IR's spans
        return set()


def _source_files(network, extra: set[str] = frozenset()) -> list[Path]:
    """The .pnet file and every file its IR nodes came from (includes)."""
    found: set[str] = set(extra)

    def walk(value) -> None:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            span = getattr(value, "span", None)
            if span is not None and getattr(span, "file", None):
                found.add(span.file)
            for f in dataclasses.fields(value):
                walk(getattr(value, f.name))
        elif isinstance(value, (tuple, list)):
            for v in value:
                walk(v)

    walk(network)
    if getattr(network, "source", None):
        found.add(network.source)
    return sorted(Path(f).resolve() for f in found if f and Path(f).is_file())


def _zoo_dir() -> Path:
    return Path(sys.prefix) / "models"


def network_payload(network, pnet: Path, overrides: dict | None = None) -> tuple[dict[str, bytes], str, dict]:
    """(payload files, path of the .pnet inside the payload, zoo models {name: sha256})."""
    pnet = pnet.resolve()
    sources = set(_source_files(network, _included_files(pnet, dict(overrides or {})))) | {pnet}
    zoo: dict[str, str] = {}
    for ref in getattr(network, "models", ()):
        if getattr(ref, "kind", "") == "nestml" and ref.path:
            p = Path(ref.path).resolve()
            if _zoo_dir() in p.parents:
                zoo[p.name] = mf.sha256_file(p)
            else:
                sources.add(p)
    root = Path(os.path.commonpath([str(p.parent) for p in sources]))
    payload = {f"src/{p.relative_to(root).as_posix()}": p.read_bytes() for p in sorted(sources)}
    return payload, f"payload/src/{pnet.relative_to(root).as_posix()}", zoo


def _canonical_command(pnet: Path, target: str, overrides: dict, seed: int | None) -> str:
    parts = ["portasnn", "bundle", pnet.name, "--target", target]
    for k, v in sorted(overrides.items()):
        parts += ["--set", f"{k}={v}"]
    if seed is not None:
        parts += ["--seed", str(seed)]
    return " ".join(parts)


def bundle_network(pnet: Path | str, *, target: str = "nest", outdir: Path | str = ".",
                   overrides: dict | None = None, seed: int | None = None,
                   resources: dict | None = None) -> Bundle:
    """Bundle a ``.pnet`` network for ``target`` (``nest`` or ``spinnaker``)."""
    pnet = Path(pnet)
    overrides = dict(overrides or {})
    if target not in ("nest", "spinnaker"):
        raise UsageError(f"cannot bundle a network for target '{target}'", hint="use --target nest or spinnaker",
                         code="E601")
    if not pnet.is_file():
        raise UsageError(f"network file {pnet} does not exist", code="E603")
    from portasnn.frontend.network import load_network

    network = load_network(pnet, overrides)
    payload, pnet_in_bundle, zoo = network_payload(network, pnet, overrides)
    entry = {"kind": "network", "network": pnet_in_bundle, "target": "nest", "overrides": overrides, "seed": seed}
    if target == "spinnaker":
        from portasnn.program import load_program

        script = _spinnaker_payload(load_program(network), payload)
        entry.update(kind="spinnaker", target="spinnaker", pynn_script=script)
    return write_bundle(payload, outdir, target=target, entry=entry, ir=mf.ir_hash(network),
                        resources=resources, command=_canonical_command(pnet, target, overrides, seed),
                        extra={"zoo_models": zoo})


def _spinnaker_payload(program, payload: dict[str, bytes]) -> str:  # noqa: ANN001
    """Add what the spinnaker target lowers for ``program`` to ``payload``; return the PyNN script's bundle path."""
    from portasnn.targets import get

    artifact = get("spinnaker").lower(program)
    for rel, text in artifact.files.items():
        payload[f"spinnaker/{rel}"] = text.encode()
    return f"payload/spinnaker/{artifact.recipe['script']}"


def bundle_script(script: Path | str, *, outdir: Path | str = ".", args: list[str] | None = None,
                  extra_files: dict[str, Path] | None = None, resources: dict | None = None) -> Bundle:
    """Bundle a plain Python script run as ``python <script> <args> --outdir <results>`` on the far side."""
    script = Path(script)
    if not script.is_file():
        raise UsageError(f"script {script} does not exist", code="E603")
    payload = {f"script/{script.name}": script.read_bytes()}
    for name, p in (extra_files or {}).items():
        payload[f"script/{name}"] = Path(p).read_bytes()
    entry = {"kind": "python", "script": f"payload/script/{script.name}", "args": list(args or [])}
    return write_bundle(payload, outdir, target="python", entry=entry, resources=resources,
                        command=" ".join(["portasnn", "bundle", script.name, *(args or [])]))


def is_bundle_path(path: Path | str) -> bool:
    p = Path(path)
    return p.name.endswith(".tar.gz") and p.is_file()
