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
    text, recipe = _parse("nest-pmix.def")
    assert "\nBootstrap: docker\n" in text
    assert re.fullmatch(r"(debian|ubuntu):[\w.]+-?\w*", recipe.fromHeader) and recipe.fromHeader != "debian:latest"
    assert {"labels", "files", "environment", "post", "runscript", "test", "help"} <= set(SECTIONS.findall(text))
    post = "\n".join(recipe.install)
    assert "NEST_TAG=v3.10" in post and "nest-simulator.git" in post
    for flag in ("-Dwith-mpi=ON", "-Dwith-openmp=ON"):
        assert flag in post
    assert "libpmix-dev" in post and "libopenmpi-dev" in post and "ompi_info | grep -qi pmix" in post
    assert "NESTML_VERSION=9.0.0" in post
    pins = re.findall(r'"([\w.-]+)==([\w.!]+)"', post)
    assert len(pins) >= 10 and all(v[0].isdigit() for _, v in pins)  # every Python package pinned exactly
    assert re.search(r"pip install [^\n]*/opt/portasnn/src", post)
    assert "PMIX_MCA_gds=^ds12" in recipe.environ
    assert "mpirun --oversubscribe -np 2 python3 /tmp/smoke.py" in text.split("%test", 1)[1]
    assert 'mpi_procs") == 2' in text
    assert recipe.cmd == 'exec python3 -m portasnn.runtime.entry "$@"'
    labels = " ".join(recipe.labels)
    assert "portasnn.nest 3.10.0" in labels and "portasnn.pmix 4.2.2" in labels


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
