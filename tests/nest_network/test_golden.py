"""The generated script of a fixed network, compared with a reviewed copy (a regression net for the template).

Correctness is shown elsewhere (against NEST directly, analytic solutions and the hand-written
reference); this only makes every change of the generated text visible in review. After an
intended change, regenerate with ``PORTASNN_UPDATE_GOLDEN=1 pytest tests/nest_network/test_golden.py``.
"""
from __future__ import annotations

import os
from pathlib import Path

from brunel_ir import brunel
from portasnn.modules import resolve_models
from portasnn.targets.nest.script import lower_network

GOLDEN = Path(__file__).parent / "golden" / "run_brunel.py"


def test_generated_brunel_script_matches_the_reviewed_copy():
    net = brunel(400, seed=12, duration=200.0, record_vm=(0, 1, 2))
    text = lower_network(net, resolve_models(net)).text
    if os.environ.get("PORTASNN_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(text)
    assert text == GOLDEN.read_text(), "the generated script changed; review and regenerate (see module docstring)"
