"""Shared fixtures of the spinnaker-host tests: built once per session (and cached on disk)."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from portasnn.targets.spinnaker_host import armref
from portasnn.targets.spinnaker_host.runner import support_dir

HERE = Path(__file__).parent


def _compile(tmp: Path, name: str, arm: bool) -> Path:
    out = tmp / name
    cc = [armref.ARM_CC, "-static", "-marm", "-DPORTASNN_ARM_ACCUM"] if arm else ["gcc"]
    subprocess.run([*cc, "-O2", "-std=gnu11", f"-I{support_dir()}", str(HERE / "ops.c"), "-o", str(out)],
                   check=True, capture_output=True)
    return out


@pytest.fixture(scope="session")
def ops_programs(tmp_path_factory):
    """(host, arm) builds of ops.c."""
    if not armref.arm_available():
        pytest.skip("needs arm-linux-gnueabi-gcc and qemu-arm")
    tmp = tmp_path_factory.mktemp("ops")
    return _compile(tmp, "ops_host", False), _compile(tmp, "ops_arm", True)


@pytest.fixture(scope="session")
def lif_model():
    from spinnaker_host.models.if_curr_exp import make_model

    return make_model()


@pytest.fixture(scope="session")
def lif_drivers(lif_model):
    """(host, arm) step drivers of the IF_curr_exp fixture."""
    if not armref.arm_available():
        pytest.skip("needs arm-linux-gnueabi-gcc and qemu-arm")
    return (armref.build_step_driver(lif_model.header, arm=False),
            armref.build_step_driver(lif_model.header, arm=True))


@pytest.fixture(scope="session")
def izk_model():
    from spinnaker_host.models.izk_delta import make_model

    return make_model()


@pytest.fixture(scope="session")
def izk_drivers(izk_model):
    """(host, arm) step drivers of the Izhikevich fixture."""
    if not armref.arm_available():
        pytest.skip("needs arm-linux-gnueabi-gcc and qemu-arm")
    return (armref.build_step_driver(izk_model.header, arm=False),
            armref.build_step_driver(izk_model.header, arm=True))
