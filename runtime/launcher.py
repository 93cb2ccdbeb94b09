"""Self-extracting launcher for the Neuromorphic Platform (NMPI): ``run.py`` carrying a bundle.

NMPI takes a single Python file (or inline code) without EBRAINS Drive, so the NMPI backend
sends this file with the bundle embedded (base64) in place of ``__BUNDLE_B64__``. On the
platform it runs as ``python run.py <system>`` and uses the standard library only:

1. write the bundle and check its sha256 against its name;
2. if portasnn is importable, hand over to ``portasnn.runtime.entry`` (with ``--target <system>``
   when ``<system>`` is a portasnn target such as ``spinnaker-host``);
3. otherwise extract it itself (no absolute paths, no ``..``, no links or special files, tarfile's
   ``data`` filter where this Python has it; every sha256 checked against ``manifest.json``, no
   file it does not list) and run the bundled PyNN script with ``PORTASNN_RESULTS_DIR=results``;
   then write ``results.sha256``.

A bad bundle (truncated, corrupt, unsafe, hashes not matching) ends it with one line on stderr
and exit code 2, never a traceback.

The member checks here (``name_problem``, ``member_problem``, ``extract_members``) are the only
copy: ``portasnn.runtime.bundle`` imports them for ``portasnn submit`` and for extraction, because
this file travels alone to the platform.
"""
import base64
import binascii
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tarfile
import zlib
from pathlib import Path, PurePosixPath

BUNDLE_NAME = "__BUNDLE_NAME__"
BUNDLE_B64 = "__BUNDLE_B64__"
PORTASNN_TARGETS = ("nest", "spinnaker-host", "spinnaker-host-float")


def _sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def name_problem(name):
    """Why ``name`` is not a plain relative path inside the bundle (None if it is)."""
    if not name or "\\" in name or "\x00" in name:
        return f"member name {name!r} is not a plain relative path"
    p = PurePosixPath(name)
    if p.is_absolute() or name.startswith("/"):
        return f"member '{name}' has an absolute path (it would be written outside the extraction directory)"
    if ".." in p.parts:
        return f"member '{name}' contains '..' (it would be written outside the extraction directory)"
    return None


def member_problem(member):
    """Why the tar member ``member`` must not be extracted (None if it is a plain file or directory)."""
    problem = name_problem(member.name)
    if problem:
        return problem
    if member.issym() or member.islnk():
        target = PurePosixPath(member.linkname)
        where = "pointing outside the bundle" if target.is_absolute() or ".." in target.parts else "inside the bundle"
        kind = "symbolic" if member.issym() else "hard"
        return (f"member '{member.name}' is a {kind} link to '{member.linkname}' ({where}); bundles contain plain "
                "files only")
    if not (member.isreg() or member.isdir()):
        return f"member '{member.name}' is a device, FIFO or other special file; bundles contain plain files only"
    return None


def extract_members(tar, dest, members):
    """Extract members that passed ``member_problem``: through tarfile's ``data`` filter where this Python has it
    (3.11.4 and later), else one by one without their recorded owner and mode (Debian 12's 3.11.2 has no filter)."""
    if hasattr(tarfile, "data_filter"):
        tar.extractall(dest, members=members, filter="data")
    else:
        for member in members:
            tar.extract(member, dest, set_attrs=False)


def _refuse(message):
    print(message, file=sys.stderr)
    sys.exit(2)


UNREADABLE = (tarfile.TarError, OSError, EOFError, zlib.error, KeyError, ValueError)


def _extract(bundle, dest):
    try:
        with tarfile.open(bundle, "r:gz") as tar:
            members = tar.getmembers()
            for m in members:
                problem = member_problem(m)
                if problem:
                    _refuse(f"bundle {bundle.name}: {problem}")
            extract_members(tar, dest, members)
        manifest = json.loads((dest / "manifest.json").read_text())
        listed = manifest["files"]
        for rel, digest in listed.items():
            problem = name_problem(rel)
            if problem:
                _refuse(f"bundle {bundle.name}: manifest: {problem}")
            if not (dest / rel).is_file() or _sha256(dest / rel) != digest:
                _refuse(f"bundle {bundle.name}: file '{rel}' is missing or its sha256 does not match the manifest")
        for m in members:
            if m.isreg() and m.name != "manifest.json" and m.name not in listed:
                _refuse(f"bundle {bundle.name}: file '{m.name}' is not listed in the manifest")
        return manifest
    except UNREADABLE as exc:
        _refuse(f"bundle {bundle.name}: cannot be read, it is truncated or corrupt ({type(exc).__name__}: {exc})")


def main():
    try:
        data = base64.b64decode(BUNDLE_B64, validate=True)
    except (binascii.Error, ValueError) as exc:
        _refuse(f"bundle {BUNDLE_NAME}: the embedded archive is truncated or corrupt ({exc})")
    digest = hashlib.sha256(data).hexdigest()
    if digest[:32] not in BUNDLE_NAME:
        _refuse(f"bundle {BUNDLE_NAME}: sha256 {digest[:32]} does not match its name")
    bundle = Path(BUNDLE_NAME).resolve()
    bundle.write_bytes(data)
    system = sys.argv[1] if len(sys.argv) > 1 else ""
    try:
        from portasnn.runtime import entry
    except ImportError:
        entry = None
    if entry is not None:
        args = [str(bundle), "--outdir", "results"]
        if system in PORTASNN_TARGETS:
            args += ["--target", system]
        sys.exit(entry.main(args))
    dest = Path(BUNDLE_NAME + ".d").resolve()
    shutil.rmtree(dest, ignore_errors=True)  # what an earlier run of this job extracted
    manifest = _extract(bundle, dest)
    script = dest / manifest["entry"]["pynn_script"]
    results = Path("results").resolve()
    attempt = results.with_name(".results.attempt")  # written aside, renamed into place at the end
    shutil.rmtree(attempt, ignore_errors=True)
    attempt.mkdir()
    code = subprocess.call([sys.executable, str(script)], cwd=script.parent,
                           env={**os.environ, "PORTASNN_RESULTS_DIR": str(attempt)})
    shutil.rmtree(results, ignore_errors=True)
    os.replace(attempt, results)
    lines = [f"{_sha256(p)}  {p.relative_to(results.parent).as_posix()}"
             for p in sorted(results.rglob("*")) if p.is_file()]
    Path("results.sha256").write_text("\n".join(lines) + "\n")
    sys.exit(code)


if __name__ == "__main__":
    main()
