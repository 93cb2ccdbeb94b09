"""A second version of the probe model: same C++ class name, resting potential -60 mV instead of -70 mV."""
from __future__ import annotations

import json
import sys

from portasnn.targets.nest.compile import TEMPLATES, BuiltModule, build_cached_module

VARIANT_E_L = -60.0


def variant_sources() -> dict[str, str]:
    header = (TEMPLATES / "portasnn_doctor_probe.h").read_text()
    changed = header.replace("double E_L = -70.0;", f"double E_L = {VARIANT_E_L};")
    assert changed != header
    return {"portasnn_doctor_probe.h": changed,
            "portasnn_doctor_probe.cpp": (TEMPLATES / "portasnn_doctor_probe.cpp").read_text()}


def build_variant(progress=None) -> BuiltModule:
    sources = variant_sources()

    def recipe(suffix: str):
        return [("portasnn_doctor_probe", f"variant_probe_{suffix}")], sources

    return build_cached_module("portasnn_variant", {"sources": sources}, recipe, label="variant probe",
                               progress=progress)


if __name__ == "__main__":
    module = build_variant()
    print(json.dumps({"hit": module.entry.hit, "library": str(module.library)}))
    sys.exit(0)
