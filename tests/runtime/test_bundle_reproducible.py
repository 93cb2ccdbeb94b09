"""Bundles are the same bytes wherever they are made (issue 13 item 15).

The same .pnet, copied into two different directories, bundles to identical archives for every bundle
kind: no absolute or temporary path in any generated file, and the network's IR hash stands for model
files by name and content.
"""
from __future__ import annotations

import shutil
import tarfile
from pathlib import Path

import pytest

from portasnn.runtime.bundle import bundle_network

pytestmark = pytest.mark.slow
BRUNEL = Path(__file__).resolve().parents[2] / "examples" / "brunel"


@pytest.mark.parametrize("target", ["nest", "spinnaker"])
def test_the_same_network_bundles_to_the_same_bytes_in_two_directories(tmp_path, target):
    made = []
    for where in ("a/deep/place", "b"):
        src = tmp_path / where / "net"
        shutil.copytree(BRUNEL, src, ignore=shutil.ignore_patterns("figures"))
        made.append(bundle_network(src / "brunel_delta_nestml.pnet", target=target, outdir=tmp_path / where / "out",
                                   overrides={"N": "200"}))
    a, b = made
    assert a.path.read_bytes() == b.path.read_bytes() and a.path.name == b.path.name
    with tarfile.open(a.path) as tar:
        for member in tar.getmembers():
            text = tar.extractfile(member).read().decode()
            assert str(tmp_path) not in text and "/tmp/" not in text, member.name
