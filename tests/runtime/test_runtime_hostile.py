"""Hostile bundles are refused at submit, before anything is recorded or sent; the NMPI launcher refuses them without
a traceback, also on Pythons without tarfile's data filter (issue 13 item 16).

The archives are made by hand with tarfile: a valid manifest (the stub bundle's), plus one crafted change.
"""
from __future__ import annotations

import ast
import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from portasnn import runtime
from portasnn.cli import main
from portasnn.runtime import launcher
from portasnn.runtime.backends.nmpi import launcher_code
from portasnn.runtime.bundle import Bundle, check_bundle, write_bundle

OUTSIDE = "portasnn-hostile-escaped.txt"


def _archive(path: Path, members: list[tuple[tarfile.TarInfo, bytes | None]]) -> Path:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as tar:
        for info, data in members:
            if data is not None:
                info.size = len(data)
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    path.write_bytes(gzip.compress(raw.getvalue()))
    return path


def _reg(name: str, data: bytes) -> tuple[tarfile.TarInfo, bytes]:
    info = tarfile.TarInfo(name)
    info.mode = 0o644
    return info, data


def _special(name: str, kind: bytes, linkname: str = "") -> tuple[tarfile.TarInfo, None]:
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, linkname
    if kind == tarfile.CHRTYPE:
        info.devmajor, info.devminor = 1, 3
    return info, None


def _members(bundle: Bundle) -> list[tuple[tarfile.TarInfo, bytes]]:
    with tarfile.open(bundle.path) as tar:
        return [_reg(m.name, tar.extractfile(m).read()) for m in tar.getmembers()]


def _hostile(kind: str, bundle: Bundle, tmp: Path) -> Path:
    """A crafted copy of ``bundle`` (named without a digest, so only the member and hash checks can catch it)."""
    members = _members(bundle)
    payload = next(n for n, (i, _) in enumerate(members) if i.name.startswith("payload/"))
    extra = {
        "tar-slip": [_reg(f"payload/../../{OUTSIDE}", b"escaped")],
        "absolute path": [_reg(f"/tmp/{OUTSIDE}", b"escaped")],
        "symlink leaving the tree": [_special("payload/passwd", tarfile.SYMTYPE, "../../../../etc/passwd")],
        "hard link leaving the tree": [_special("payload/passwd", tarfile.LNKTYPE, "/etc/passwd")],
        "device": [_special("payload/null", tarfile.CHRTYPE)],
        "unlisted file": [_reg("payload/smuggled.py", b"print('not in the manifest')")],
        "duplicate member": [_reg(members[payload][0].name, b"second copy overwrites the first")],
    }
    if kind in extra:
        members = members + extra[kind]
    elif kind == "hash mismatch":
        members[payload] = _reg(members[payload][0].name, members[payload][1] + b"\n# tampered\n")
    elif kind == "truncated":  # the manifest is readable, a large payload file is cut off
        big = os.urandom(300_000)
        manifest = json.loads(members[0][1])
        manifest["files"]["payload/big.bin"] = hashlib.sha256(big).hexdigest()
        members = [_reg("manifest.json", json.dumps(manifest).encode()), *members[1:], _reg("payload/big.bin", big)]
        path = _archive(tmp / f"{kind.replace(' ', '-')}.tar.gz", members)
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
        return path
    return _archive(tmp / f"{kind.replace(' ', '-')}.tar.gz", members)


KINDS = ["tar-slip", "absolute path", "symlink leaving the tree", "hard link leaving the tree", "device",
         "hash mismatch", "unlisted file", "duplicate member", "truncated"]
MESSAGES = {"tar-slip": "contains '..'", "absolute path": "absolute path",
            "symlink leaving the tree": "symbolic link to '../../../../etc/passwd' (pointing outside",
            "hard link leaving the tree": "hard link to '/etc/passwd'", "device": "device, FIFO or other special",
            "hash mismatch": "(hash mismatch)", "unlisted file": "'payload/smuggled.py' is not listed",
            "duplicate member": "appears twice", "truncated": "truncated or corrupt"}
AT_SUBMIT = {**MESSAGES, "truncated": "it is not a readable portasnn bundle (Compressed file ended"}


@pytest.mark.parametrize("kind", KINDS)
def test_submit_refuses_before_anything_is_sent(kind, env, stub_bundle, unicore_site, nmpi_queue, capsys):
    """Issue 13 item 16: the same checks as extraction, at submit: exit 2 with the member named, no traceback, no
    request reached the loopback UNICORE site or NMPI queue, no job recorded, nothing staged locally."""
    check_bundle(stub_bundle.path)  # the original is fine
    path = _hostile(kind, stub_bundle, env.tmp)
    for to in ("unicore:loopback", "nmpi:spinnaker", "local"):
        assert main(["submit", str(path), "--to", to]) == 2, to
        err = capsys.readouterr().err
        assert "error E602" in err and AT_SUBMIT[kind] in err and "Traceback" not in err, (to, err)
    assert unicore_site.requests == [] and unicore_site.jobs == {}
    assert nmpi_queue.requests == [] and nmpi_queue.jobs == {}
    assert runtime.jobs() == [] and not (env.data / "local").exists()
    assert not (Path("/tmp") / OUTSIDE).exists()


# ---------------------------------------------------------------- the NMPI launcher (standard library only)

def _spinnaker_bundle(tmp: Path) -> Bundle:
    """A spinnaker-kind bundle whose 'PyNN script' writes one result file (the launcher's own path runs it)."""
    script = b"import os, pathlib\npathlib.Path(os.environ['PORTASNN_RESULTS_DIR'], 'out.txt').write_text('ran')\n"
    return write_bundle({"spinnaker/run_net.py": script, "spinnaker/model.c": b"/* c */\n"}, tmp, target="spinnaker",
                        entry={"kind": "spinnaker", "pynn_script": "payload/spinnaker/run_net.py"})


@pytest.fixture(params=["data filter", "no data filter"])
def filter_feature(request, monkeypatch):
    """Both extraction paths of the launcher; without the feature, extractall(filter=...) fails as on Python 3.11.2."""
    if request.param == "no data filter":
        monkeypatch.delattr(tarfile, "data_filter", raising=False)
        original = tarfile.TarFile.extractall

        def extractall(self, *args, **kwargs):
            if "filter" in kwargs:
                raise TypeError("TarFile.extractall() got an unexpected keyword argument 'filter'")
            return original(self, *args, **kwargs)
        monkeypatch.setattr(tarfile.TarFile, "extractall", extractall)
    return request.param


def test_launcher_extracts_a_good_bundle_on_both_paths(tmp_path, filter_feature):
    """Issue 13 item 16: with and without tarfile's data filter, the launcher extracts a good bundle intact."""
    b = _spinnaker_bundle(tmp_path)
    dest = tmp_path / "d"
    manifest = launcher._extract(b.path, dest)
    assert manifest["entry"]["pynn_script"] == "payload/spinnaker/run_net.py"
    for rel, digest in b.manifest["files"].items():
        assert hashlib.sha256((dest / rel).read_bytes()).hexdigest() == digest


@pytest.mark.parametrize("kind", KINDS)
def test_launcher_refuses_hostile_bundles_on_both_paths(kind, tmp_path, filter_feature, capsys):
    """Issue 13 item 16: every hostile bundle ends the launcher with exit 2 and one line naming the problem."""
    b = _spinnaker_bundle(tmp_path)
    path = _hostile(kind, b, tmp_path)
    dest = tmp_path / "deep" / "er" / "d"
    with pytest.raises(SystemExit) as stop:
        launcher._extract(path, dest)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"bundle {path.name}: ") and "Traceback" not in err
    assert not list(tmp_path.rglob(OUTSIDE)) and not (Path("/tmp") / OUTSIDE).exists()


def _run_launcher(python: str, code: str, cwd: Path, *flags: str) -> subprocess.CompletedProcess:
    cwd.mkdir()
    (cwd / "run.py").write_text(code)
    return subprocess.run([python, *flags, "run.py", "SpiNNaker"], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env={"PATH": os.environ.get("PATH", ""), "HOME": str(cwd)})


def _named_by_digest(path: Path) -> Bundle:
    """``path`` renamed as a bundle whose name carries its own digest (so only extraction can catch it)."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    named = path.with_name(f"portasnn-spinnaker-{digest[:32]}.tar.gz")
    shutil.copyfile(path, named)
    return Bundle(path=named, digest=digest, manifest={})


def test_launcher_without_portasnn_refuses_a_truncated_archive(tmp_path):
    """Issue 13 item 16: run as the platform runs it, without portasnn importable: exit 2, no traceback."""
    b = _spinnaker_bundle(tmp_path)
    truncated = _named_by_digest(_hostile("truncated", b, tmp_path))
    proc = _run_launcher(sys.executable, launcher_code(truncated), tmp_path / "job", "-I", "-S")
    assert proc.returncode == 2, proc.stderr
    assert "truncated or corrupt" in proc.stderr and "Traceback" not in proc.stderr
    lines = launcher_code(b).splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.startswith("BUNDLE_B64 = "))
    data = ast.literal_eval(lines[at].split(" = ", 1)[1])
    for n, message in ((len(data) // 2 + 1, "the embedded archive is truncated or corrupt"),
                       (len(data) // 8 * 4, "does not match its name")):
        lines[at] = f"BUNDLE_B64 = {data[:n]!r}\n"  # the embedded archive cut off
        proc = _run_launcher(sys.executable, "".join(lines), tmp_path / f"job{n}", "-I", "-S")
        assert proc.returncode == 2 and message in proc.stderr and "Traceback" not in proc.stderr, proc.stderr


DEBIAN_PYTHON = Path("/usr/bin/python3")


def _lacks_filter(python: Path) -> bool:
    if not python.is_file():
        return False
    probe = subprocess.run([str(python), "-I", "-c", "import tarfile; print(hasattr(tarfile, 'data_filter'))"],
                           capture_output=True, text=True, timeout=60)
    return probe.stdout.strip() == "False"


@pytest.mark.skipif(not _lacks_filter(DEBIAN_PYTHON), reason="needs a system Python without tarfile's data filter "
                                                              "(Debian 12's 3.11.2)")
def test_launcher_on_a_python_without_the_data_filter(tmp_path):
    """Issue 13 item 16: on Debian 12's own Python 3.11.2 (no data filter) the launcher runs a good bundle and refuses
    a tar-slip one, without a traceback."""
    b = _spinnaker_bundle(tmp_path)
    proc = _run_launcher(str(DEBIAN_PYTHON), launcher_code(b), tmp_path / "good", "-I")
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "good" / "results" / "out.txt").read_text() == "ran"
    listed = (tmp_path / "good" / "results.sha256").read_text().split()
    assert listed == [hashlib.sha256(b"ran").hexdigest(), "results/out.txt"]
    evil = _named_by_digest(_hostile("tar-slip", b, tmp_path))
    proc = _run_launcher(str(DEBIAN_PYTHON), launcher_code(evil), tmp_path / "evil", "-I")
    assert proc.returncode == 2 and "contains '..'" in proc.stderr and "Traceback" not in proc.stderr
    assert not list(tmp_path.rglob(OUTSIDE))
