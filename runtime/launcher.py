"""Self-extracting launcher for the Neuromorphic Platform (NMPI): ``run.py`` carrying a bundle.

NMPI takes a single Python file (or inline code) without EBRAINS Drive, so the NMPI backend
sends this file with the bundle embedded (base64) in place of ``__BUNDLE_B64__``. On the
platform it runs as ``python run.py <system>`` and uses the standard library only:

1. write the bundle and check its sha256 against its name;
2. if portasnn is importable, hand over to ``portasnn.runtime.entry`` (with ``--target <system>``
   when ``<system>`` is a portasnn target such as ``spinnaker-host``);
3. otherwise extract it itself (tarfile ``data`` filter, no absolute paths, no ``..``, no links,
   every sha256 checked against ``manifest.json``) and run the bundled PyNN script with
   ``PORTASNN_RESULTS_DIR=results``; then write ``results.sha256``.
"""
import base64
import hashlib
import json
import os
import subprocess
import sys
import tarfile
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


def _extract(bundle, dest):
    with tarfile.open(bundle, "r:gz") as tar:
        members = tar.getmembers()
        for m in members:
            p = PurePosixPath(m.name)
            if p.is_absolute() or ".." in p.parts or not (m.isreg() or m.isdir()):
                sys.exit(f"bundle {bundle}: unsafe member {m.name!r} rejected")
        tar.extractall(dest, members=members, filter="data")
    manifest = json.loads((dest / "manifest.json").read_text())
    for rel, digest in manifest["files"].items():
        if _sha256(dest / rel) != digest:
            sys.exit(f"bundle {bundle}: hash mismatch for {rel}")
    return manifest


def main():
    data = base64.b64decode(BUNDLE_B64)
    digest = hashlib.sha256(data).hexdigest()
    if digest[:32] not in BUNDLE_NAME:
        sys.exit(f"bundle {BUNDLE_NAME}: sha256 {digest[:32]} does not match its name")
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
    manifest = _extract(bundle, dest)
    script = dest / manifest["entry"]["pynn_script"]
    results = Path("results").resolve()
    results.mkdir(exist_ok=True)
    code = subprocess.call([sys.executable, str(script)], cwd=script.parent,
                           env={**os.environ, "PORTASNN_RESULTS_DIR": str(results)})
    lines = [f"{_sha256(p)}  {p.relative_to(results.parent).as_posix()}"
             for p in sorted(results.rglob("*")) if p.is_file()]
    Path("results.sha256").write_text("\n".join(lines) + "\n")
    sys.exit(code)


if __name__ == "__main__":
    main()
