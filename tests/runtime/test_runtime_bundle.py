"""Bundles: reproducible bytes, content-addressed names, safe extraction, hash checks."""
from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile

import numpy as np
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portasnn.errors import UsageError
from portasnn.runtime.bundle import archive_bytes, extract_bundle, open_bundle, write_bundle

REPO = Path(__file__).resolve().parents[2]
BRUNEL = REPO / "examples" / "brunel" / "brunel_delta_nest.pnet"

names = st.lists(st.text("abcdefgh_-.0123456789", min_size=1, max_size=8).filter(lambda s: s not in (".", "..")),
                 min_size=1, max_size=3).map("/".join)
payloads = st.dictionaries(names, st.binary(max_size=300), min_size=1, max_size=6).filter(
    lambda d: not any(a != b and b.startswith(a + "/") for a in d for b in d))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=payloads)
def test_same_inputs_same_bytes_and_extraction_restores_them(payload, tmp_path_factory):
    """Two bundles of the same files are byte-identical (hence same name); extraction gives the files back."""
    a = write_bundle(payload, tmp_path_factory.mktemp("a"), target="python", entry={"kind": "python", "script": "x"})
    b = write_bundle(dict(reversed(list(payload.items()))), tmp_path_factory.mktemp("b"), target="python",
                     entry={"kind": "python", "script": "x"})
    assert a.path.read_bytes() == b.path.read_bytes()
    assert a.path.name == b.path.name == f"portasnn-python-{hashlib.sha256(a.path.read_bytes()).hexdigest()[:32]}.tar.gz"
    dest = tmp_path_factory.mktemp("x")
    extract_bundle(a.path, dest)
    for name, data in payload.items():
        assert (dest / "payload" / name).read_bytes() == data


def test_archive_headers_are_fixed(tmp_path):
    data = archive_bytes({"payload/b.txt": b"2", "payload/a.txt": b"1"})
    assert gzip.decompress(data)  # plain gzip
    assert data[4:8] == b"\0\0\0\0"  # gzip header mtime 0
    with tarfile.open(fileobj=io.BytesIO(data)) as tar:
        members = tar.getmembers()
    assert [m.name for m in members] == ["payload/a.txt", "payload/b.txt"]
    assert {(m.mtime, m.uid, m.gid, m.uname, m.gname, m.mode) for m in members} == {(0, 0, 0, "", "", 0o644)}


def _evil(tmp_path: Path, add) -> Path:
    """A bundle whose manifest is valid but which carries one extra crafted member."""
    manifest = {"format": "portasnn-bundle/1", "target": "python", "entry": {"kind": "python", "script": "x"},
                "files": {}, "versions": {}, "resources": {}, "command": "", "ir_hash": None}
    path = tmp_path / "evil.tar.gz"
    with tarfile.open(path, "w:gz") as tar:
        data = json.dumps(manifest).encode()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
        add(tar)
    return path


def _file(name: str, data: bytes = b"x"):
    def add(tar):
        info = tarfile.TarInfo(name)
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return add


def _link(name: str, target: str, kind: bytes):
    def add(tar):
        info = tarfile.TarInfo(name)
        info.type = kind
        info.linkname = target
        tar.addfile(info)
    return add


def _device(name: str):
    def add(tar):
        info = tarfile.TarInfo(name)
        info.type = tarfile.CHRTYPE
        info.devmajor, info.devminor = 1, 3
        tar.addfile(info)
    return add


@pytest.mark.parametrize("add, message", [
    (_file("/etc/portasnn-owned"), "absolute path"),
    (_file("payload/../../escaped.txt"), "contains '..'"),
    (_link("payload/link", "../../../etc/passwd", tarfile.SYMTYPE), "symbolic link to '../../../etc/passwd' (pointing outside"),
    (_link("payload/hard", "/etc/passwd", tarfile.LNKTYPE), "hard link to '/etc/passwd'"),
    (_device("payload/null"), "device, FIFO or other special file"),
])
def test_tar_slip_and_special_members_are_rejected(tmp_path, add, message):
    path = _evil(tmp_path, add)
    dest = tmp_path / "out"
    with pytest.raises(UsageError) as err:
        extract_bundle(path, dest)
    assert message in str(err.value)
    assert "E602" in str(err.value) and "hint:" in str(err.value)
    assert not (tmp_path / "escaped.txt").exists() and not Path("/etc/portasnn-owned").exists()
    assert not any(p.is_file() and p.name != "manifest.json" for p in dest.rglob("*")) if dest.exists() else True


def test_hash_mismatch_is_rejected(tmp_path):
    b = write_bundle({"model.txt": b"original"}, tmp_path, target="python", entry={"kind": "python", "script": "x"})
    with tarfile.open(b.path) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
    # same manifest, tampered payload, written under a name without a digest
    files = {"manifest.json": json.dumps(manifest).encode(), "payload/model.txt": b"tampered"}
    tampered = tmp_path / "tampered.tar.gz"
    tampered.write_bytes(archive_bytes(files))
    with pytest.raises(UsageError, match=r"file 'payload/model.txt' has sha256 .* \(hash mismatch\)"):
        extract_bundle(tampered, tmp_path / "out")
    # the tampered archive under the original name: caught before extraction by the name check
    os.replace(tampered, b.path)
    with pytest.raises(UsageError, match="but its name says"):
        open_bundle(b.path)


def test_unlisted_file_is_rejected(tmp_path):
    path = _evil(tmp_path, _file("payload/smuggled.py", b"print('hi')"))
    with pytest.raises(UsageError, match="'payload/smuggled.py' is not listed in the manifest"):
        extract_bundle(path, tmp_path / "out")


def test_entry_reports_a_bad_bundle_clearly(tmp_path):
    path = _evil(tmp_path, _file("../escape.txt"))
    proc = subprocess.run([sys.executable, "-m", "portasnn.runtime.entry", str(path)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "contains '..'" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "escape.txt").exists()


def test_network_bundle_holds_the_pnet_and_its_includes(env):
    from portasnn.runtime import bundle

    a = bundle(BRUNEL, target="nest", outdir=env.tmp / "a", overrides={"N": "200"})
    b = bundle(BRUNEL, target="nest", outdir=env.tmp / "b", overrides={"N": "200"})
    assert a.path.read_bytes() == b.path.read_bytes()
    m = a.manifest
    assert set(m["files"]) == {"payload/src/brunel_delta_nest.pnet", "payload/src/brunel_params.pnet",
                               "payload/src/brunel_common.pnet"}
    for name, digest in m["files"].items():
        assert digest == hashlib.sha256((BRUNEL.parent / Path(name).name).read_bytes()).hexdigest()
    assert m["entry"] == {"kind": "network", "network": "payload/src/brunel_delta_nest.pnet", "target": "nest",
                          "overrides": {"N": "200"}, "seed": None}
    assert m["command"] == "portasnn bundle brunel_delta_nest.pnet --target nest --set N=200"
    assert len(m["ir_hash"]) == 64 and {"portasnn", "nest", "nestml", "spynnaker", "cxx"} <= set(m["versions"])
    c = bundle(BRUNEL, target="nest", outdir=env.tmp / "c", overrides={"N": "300"})
    assert c.manifest["ir_hash"] != m["ir_hash"] and c.path.name != a.path.name


def test_bundle_command_line(env):
    proc = subprocess.run([sys.executable, "-m", "portasnn.cli", "bundle", str(BRUNEL), "--set", "N=200", "-o",
                           str(env.bundles), "--json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert Path(out["bundle"]).is_file() and out["sha256"].startswith(Path(out["bundle"]).name[14:46])
    bad = subprocess.run([sys.executable, "-m", "portasnn.cli", "bundle", str(env.tmp / "missing.pnet")],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "does not exist" in bad.stderr


def test_entry_reuses_a_checked_tree_and_notices_changes(env, stub_bundle):
    from portasnn.runtime.entry import run_bundle

    work = env.tmp / "work"
    out1 = run_bundle(stub_bundle.path, env.tmp / "r1", workdir=work)
    out2 = run_bundle(stub_bundle.path, env.tmp / "r2", workdir=work)  # same tree, checked again
    assert (out1 / "meta.json").read_bytes() == (out2 / "meta.json").read_bytes()
    script = next((work / "payload" / "script").glob("*.py"))
    script.write_text(script.read_text() + "\n# changed\n")
    with pytest.raises(UsageError, match="hash mismatch"):
        run_bundle(stub_bundle.path, env.tmp / "r3", workdir=work)


def test_a_bundle_carries_its_nestml_synapse_models_and_runs(env):
    """A zoo synapse model is recorded by path and hash (the far side's nestml has it), a synapse file of the user's
    travels in the payload; the bundle runs and records the plastic weights."""
    from portasnn.frontend.pnet.synapses import nestml_synapse_path
    from portasnn.runtime import bundle
    from portasnn.runtime.entry import run_bundle

    src = env.tmp / "plastic"
    src.mkdir()
    (src / "my_stdp.nestml").write_text(nestml_synapse_path("stdp_synapse").read_text()
                                        .replace("model stdp_synapse:", "model my_stdp:"))
    (src / "net.pnet").write_text(
        'model lif = nest iaf_psc_exp\nsynapse zoo from "nestml:stdp_synapse"\nsynapse mine from "my_stdp.nestml"\n'
        "population A: 20 lif\npopulation B: 20 lif\n"
        "connect A -> B: fixed_indegree(5), synapse = zoo, weight = 50 pA, delay = 1 ms\n"
        "connect B -> A: fixed_indegree(5), synapse = mine, weight = 50 pA, delay = 1 ms\n"
        "stimulus ext: poisson(rate = 15000 Hz) -> A, B weight = 50 pA, delay = 1 ms\n"
        "record weights of A -> B\nrecord weights of B -> A\nsimulate 200 ms resolution 0.1 ms seed 3\n")
    made = bundle(src / "net.pnet", target="nest", outdir=env.tmp / "bundles")
    m = made.manifest
    assert set(m["files"]) == {"payload/src/net.pnet", "payload/src/my_stdp.nestml"}
    assert m["zoo_models"] == {"synapses/stdp_synapse.nestml": hashlib.sha256(
        nestml_synapse_path("stdp_synapse").read_bytes()).hexdigest()}
    out = run_bundle(made.path, env.tmp / "ran")
    for name in ("A__B", "B__A"):
        weights = np.load(out / "weights" / f"{name}.npz")["weights"]
        assert weights.size == 100 and np.all(np.isfinite(weights)) and np.std(weights) > 0
