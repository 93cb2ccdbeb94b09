"""The Apptainer recipes parse (spython) and pin what they promise. Apptainer itself is not available here."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SECTIONS = re.compile(r"^%(\w+)", re.M)


def _parse(name: str):
    from spython.main.parse.parsers import SingularityParser

    path = REPO / "containers" / name
    return path.read_text(), SingularityParser(str(path)).recipe["spython-base"]


def test_nest_pmix_recipe():
    """Read by the image build's own reader (spython reads only docker bootstraps); `make images` builds it."""
    from portasnn.runtime.images import read_recipe

    recipe = read_recipe(REPO / "containers" / "nest-pmix.def")
    assert recipe.header == {"bootstrap": "debootstrap", "osversion": "bookworm",
                             "mirrorurl": "http://deb.debian.org/debian"}
    assert {"labels", "files", "environment", "post", "runscript", "test", "help"} <= set(recipe.sections)
    post = recipe.sections["post"]
    assert "NEST_VERSION=3.10.0" in post and '"nest-simulator==${NEST_VERSION}"' in post
    assert "--no-binary nest-simulator" in post  # built from its source distribution, not the wheel
    for flag in ("cmake.define.with-mpi=ON", "cmake.define.with-openmp=ON"):
        assert flag in post
    assert "libpmix-dev" in post and "libopenmpi-dev" in post and "ompi_info | grep -qi pmix" in post
    assert "NESTML_VERSION=9.0.0" in post
    pins = re.findall(r'"([\w.-]+)==([\w.!${}_]+)"', post)
    assert len(pins) >= 10 and all(v[0].isdigit() or v.startswith("${") for _, v in pins)  # all pinned exactly
    assert re.search(r"pip install [^\n]*/opt/portasnn/src", post)
    assert "PMIX_MCA_gds=^ds12" in recipe.sections["environment"]
    test = recipe.sections["test"]
    assert "mpirun --oversubscribe -np 2 python3 /tmp/smoke.py" in test and "nest.NumProcesses() == 2" in test
    assert test.lstrip().startswith("set -eu\n    cd /")  # not the build directory, whose portasnn/ would shadow the package
    assert 'b["have_mpi"] and b["threads_model"] == "openmp"' in test and 'ompi_info | grep -i "pmix"' in test
    assert recipe.sections["runscript"].strip() == 'exec python3 -m portasnn.runtime.entry "$@"'
    labels = recipe.labels()
    assert labels["portasnn.nest"] == "3.10.0" and labels["portasnn.pmix"] == "4.2.2"


def test_spinnaker_build_recipe():
    text, recipe = _parse("spinnaker-build.def")
    assert recipe.fromHeader.startswith(("debian:", "ubuntu:"))
    assert {"labels", "environment", "post", "test", "help"} <= set(SECTIONS.findall(text))
    post = "\n".join(recipe.install)
    assert "gcc-arm-none-eabi" in post and "SPINNAKER_TAG=7.4.1" in post
    assert 'SPYNNAKER_VERSION="1!7.4.1"' in post and '"sPyNNaker==${SPYNNAKER_VERSION}"' in post
    for repo in ("spinnaker_tools", "spinn_common", "SpiNNFrontEndCommon", "sPyNNaker"):
        assert repo in post
    assert '--branch "${SPINNAKER_TAG}"' in post
    env = dict(e.split("=", 1) for e in recipe.environ)
    assert env["SPINN_DIRS"] == "/opt/spinnaker/spinnaker_tools"
    assert env["NEURAL_MODELLING_DIRS"] == "/opt/spinnaker/sPyNNaker/neural_modelling"
    assert "arm-none-eabi-gcc --version" in text.split("%test", 1)[1]


@pytest.mark.parametrize("name", ["nest-pmix.def", "spinnaker-build.def"])
def test_recipes_have_no_floating_versions(name):
    text = (REPO / "containers" / name).read_text()
    assert ":latest" not in text and "master" not in text and "pip install --upgrade" not in text
