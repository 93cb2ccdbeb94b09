"""Every generated file of every target, for six zoo models and the Brunel example, equals its golden copy.

A refactor leaves them byte-identical; a deliberate change of generated code is refreshed with
``make golden`` and reviewed as a diff (see ``golden.py``).
"""
from __future__ import annotations

import pytest

import golden

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("case", golden.CASES)
def test_generated_files_equal_the_golden_files(case: str) -> None:
    diff = golden.diff_case(case, golden.generate_case(case))
    assert not diff, f"generated files of {case} differ from tests/golden/files (refresh: make golden)\n{diff}"


def test_golden_files_are_complete() -> None:
    """Every case has its IR, and each model case the NEST, sPyNNaker and spinnaker-host files."""
    for case in golden.CASES:
        stored = golden.stored_case(case)
        assert f"{case}/ir.json" in stored
        if case.startswith("model-"):
            for part in ("nest/module.cpp", "spinnaker-host/host.h", "spinnaker/manifest.json"):
                assert f"{case}/{part}" in stored
