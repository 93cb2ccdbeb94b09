"""Passes over the model IR: each a module with ``NAME`` and ``apply(model) -> model``.

``PIPELINE`` is the flat list every target runs after the frontend.
"""
from __future__ import annotations

from portasnn.passes import analyse_odes, check_model

PIPELINE = (check_model, analyse_odes)


def run_pipeline(model):
    """Apply every pass of ``PIPELINE`` in order."""
    for p in PIPELINE:
        model = p.apply(model)
    return model
