"""Content-addressed, reproducible bundles.

A bundle is a gzip-compressed tar archive named ``portasnn-<target>-<digest>.tar.gz`` where
``<digest>`` is the first 32 hex digits of the sha256 of the archive itself. It holds
``manifest.json`` (see :mod:`portasnn.runtime.manifest`) and ``payload/...``.

Reproducible: entries sorted by name, regular files only (mode 0644), mtime fixed at
``SOURCE_DATE_EPOCH`` = 0, uid/gid 0, empty user/group names, gzip header without name and
with mtime 0. The same inputs give the same bytes, hence the same name.

Checks (``check_bundle``, run by ``portasnn submit`` before anything is recorded or uploaded, and by
extraction): the archive against its name, every member (no absolute paths, no ``..`` components,
no links, devices or anything else that is not a plain file or directory: the member checks of
:mod:`portasnn.runtime.launcher`, the one copy, since that file runs alone on the platform), every
file's sha256 against the manifest, no file the manifest does not list. Extraction then uses
tarfile's ``data`` filter where the Python has it, and checks the extracted tree again.

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
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from portasnn.errors import UsageError
from portasnn.runtime import manifest as mf
from portasnn.runtime.launcher import extract_members, member_problem, name_problem

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
    problem = name_problem(name)
    if problem:
        raise _bad(bundle, problem)


def _check_member(member: tarfile.TarInfo, bundle: str) -> None:
    problem = member_problem(member)
    if problem:
        raise _bad(bundle, problem)


UNREADABLE = (tarfile.TarError, OSError, EOFError, zlib.error)


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
    except (*UNREADABLE, json.JSONDecodeError) as exc:
        raise _bad(str(path), f"it is not a readable portasnn bundle ({exc})") from None
    if manifest.get("format") != mf.FORMAT:
        raise _bad(str(path), f"unknown format {manifest.get('format')!r}, expected {mf.FORMAT}")
    return Bundle(path=path, digest=digest, manifest=manifest)


def check_bundle(path: Path | str) -> Bundle:
    """Check a bundle without extracting it: the archive against its name, every member, every sha256 against the
    manifest, no unlisted file. ``portasnn submit`` runs this before anything is recorded or uploaded."""
    bundle = open_bundle(path)
    name = str(bundle.path)
    found: dict[str, str] = {}
    try:
        with tarfile.open(bundle.path, "r:gz") as tar:
            for member in tar:
                _check_member(member, name)
                if member.isreg():
                    if member.name in found:
                        raise _bad(name, f"member '{member.name}' appears twice")
                    found[member.name] = mf.sha256_stream(tar.extractfile(member))
    except UNREADABLE as exc:
        raise _bad(name, f"it is truncated or corrupt ({exc})") from None
    _compare(found, bundle.manifest, name)
    return bundle


def extract_bundle(path: Path | str, dest: Path | str) -> Bundle:
    """Extract a bundle into ``dest`` after checking every member; then verify every hash."""
    bundle = check_bundle(path)
    name = str(bundle.path)
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    try:
        with tarfile.open(bundle.path, "r:gz") as tar:
            members = tar.getmembers()
            for member in members:  # again: the file may have changed since it was checked
                _check_member(member, name)
            extract_members(tar, dest, members)
    except getattr(tarfile, "FilterError", ()) as exc:  # Pythons without the data filter have no FilterError
        raise _bad(name, f"unsafe member rejected: {exc}") from None
    except UNREADABLE as exc:
        raise _bad(name, f"cannot be extracted ({exc})") from None
    verify_tree(dest, bundle.manifest, name)
    return bundle


def verify_tree(root: Path, manifest: dict, name: str) -> None:
    """Every file listed in the manifest is present with its sha256; nothing else is present."""
    found: dict[str, str] = {}
    for p in root.rglob("*"):
        if p.is_symlink() or (not p.is_dir() and not p.is_file()):
            raise _bad(name, f"'{p.relative_to(root)}' is not a plain file")
        if p.is_file():
            found[p.relative_to(root).as_posix()] = mf.sha256_file(p)
    _compare(found, manifest, name)


def _compare(found: dict[str, str], manifest: dict, name: str) -> None:
    """``found`` (path -> sha256, in the archive or on disk) holds exactly the manifest's files with their hashes."""
    files: dict[str, str] = manifest.get("files", {})
    for rel, expected in files.items():
        _check_member_name(rel, name)
        got = found.get(rel)
        if got is None:
            raise _bad(name, f"file '{rel}' listed in the manifest is missing")
        if got != expected:
            raise _bad(name, f"file '{rel}' has sha256 {got[:16]}…, the manifest says {expected[:16]}… "
                             "(hash mismatch)")
    for rel in sorted(found):
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
    for ref in (*getattr(network, "models", ()), *getattr(network, "synapses", ())):
        if getattr(ref, "kind", "") == "nestml" and ref.path:
            p = Path(ref.path).resolve()
            if _zoo_dir() in p.parents:  # neurons by file name (as bundles always had them), synapses by path
                zoo[p.name if p.parent.name == "neurons" else p.relative_to(_zoo_dir()).as_posix()] = mf.sha256_file(p)
            else:
                sources.add(p)
    root = Path(os.path.commonpath([str(p.parent) for p in sources]))
    payload = {f"src/{p.relative_to(root).as_posix()}": p.read_bytes() for p in sorted(sources)}
    return payload, f"payload/src/{pnet.relative_to(root).as_posix()}", zoo


def _canonical_command(pnet: Path, target: str, overrides: dict, seed: int | None, numerics: Any = None) -> str:
    parts = ["portasnn", "bundle", pnet.name, "--target", target]
    if numerics is not None:  # only what differs from the defaults, so a default bundle keeps its command
        parts += [f"--{flag}={value}" for flag, value in _numerics_flags(numerics)]
    for k, v in sorted(overrides.items()):
        parts += ["--set", f"{k}={v}"]
    if seed is not None:
        parts += ["--seed", str(seed)]
    return " ".join(parts)


def _numerics_flags(numerics: Any) -> list[tuple[str, Any]]:
    from portasnn.targets import Options

    default = Options()
    flags = {"spinnaker-solver": "solver", "substeps": "substeps", "arith": "arith"}
    out = [(flag, getattr(numerics, attr)) for flag, attr in flags.items()
           if getattr(numerics, attr) != getattr(default, attr)]
    if numerics.weight_scaling:
        from portasnn.weight_scaling import spec

        out += [("weight-scaling", f"{pop}={spec(s)}" if pop != "*" else spec(s)) for pop, s in numerics.weight_scaling]
    return out


def bundle_network(pnet: Path | str, *, target: str = "nest", outdir: Path | str = ".",
                   overrides: dict | None = None, seed: int | None = None,
                   resources: dict | None = None, numerics: Any = None) -> Bundle:
    """Bundle a ``.pnet`` network for ``target`` (``nest`` or ``spinnaker``); ``numerics``
    (``portasnn.targets.Options``) shape the generated SpiNNaker code and are ignored by NEST."""
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

        script = _spinnaker_payload(load_program(network), payload, numerics)
        entry.update(kind="spinnaker", target="spinnaker", pynn_script=script)
    return write_bundle(payload, outdir, target=target, entry=entry, ir=mf.ir_hash(network),
                        resources=resources, command=_canonical_command(pnet, target, overrides, seed,
                                                               numerics if target == "spinnaker" else None),
                        extra={"zoo_models": zoo})


def _spinnaker_payload(program, payload: dict[str, bytes], numerics: Any = None) -> str:  # noqa: ANN001
    """Add what the spinnaker target lowers for ``program`` to ``payload``; return the PyNN script's bundle path."""
    from portasnn.targets import Options, get

    artifact = get("spinnaker").lower(program, numerics or Options())
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
