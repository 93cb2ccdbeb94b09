"""A precompiled header of the NEST headers every generated model includes (``templates/portasnn_nest_pch.h``).

Compiling against NEST's headers is most of a model's compile time. The header is precompiled once per
NEST installation, compiler and flags (the toolchain fingerprint and include directories are its cache
key) into the build cache, and each translation unit is compiled with ``-include portasnn_nest_pch.h
-Winvalid-pch -Werror=invalid-pch``: GCC uses the ``.gch`` beside the header, and a ``.gch`` it cannot use
(other flags) is an error rather than a silent slow path, after which the unit is compiled again without it.
A module compiled with the precompiled header has the same source and flags, hence the same meaning;
GCC may allocate registers differently in a few functions.

The first build on a machine finds no precompiled header: it compiles its units as before and builds
the header alongside (the second core is otherwise idle for a one-model module), for the builds after it.
``PORTASNN_NEST_PCH=0`` switches it off (benchmarks compare both).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from portasnn.cache import BuildCache, cache_key
from portasnn.targets.nest.toolchain import NestToolchain

HEADER = "portasnn_nest_pch.h"
TEMPLATE = Path(__file__).parent / "templates" / HEADER
USE_FLAGS = ("-Winvalid-pch", "-Werror=invalid-pch")

Progress = Callable[[str], None]


def enabled() -> bool:
    return os.environ.get("PORTASNN_NEST_PCH", "1").strip().lower() not in ("0", "no", "off", "false")


def pch_key(toolchain: NestToolchain) -> str:
    return cache_key({"kind": "nest-pch", "toolchain": toolchain.fingerprint(),
                      "include_dirs": [str(d) for d in toolchain.include_dirs], "header": TEMPLATE.read_text()})


def find(toolchain: NestToolchain, cache: BuildCache | None = None) -> Path | None:
    """The header (with its ``.gch`` beside it) for this toolchain, if it has been built; None if not or off."""
    if not enabled():
        return None
    entry = (cache or BuildCache()).lookup(pch_key(toolchain))
    if entry is None or not (entry.path / f"{HEADER}.gch").is_file():
        return None
    return entry.path / HEADER


def build(toolchain: NestToolchain, cache: BuildCache | None = None, progress: Progress | None = None) -> Path:
    """Build (or find) the precompiled header for this toolchain; its header path."""
    from portasnn.targets.nest.compile import _run

    cache = cache or BuildCache()

    def make(directory: Path) -> dict:
        header = directory / HEADER
        header.write_text(TEMPLATE.read_text())
        command = [toolchain.cxx, *toolchain.cxxflags, *(f"-I{d}" for d in toolchain.include_dirs),
                   "-x", "c++-header", str(header), "-o", str(header) + ".gch"]
        (progress or (lambda _m: None))("precompiling NEST's headers (once for this NEST and compiler)")
        _run(command, "precompiling NEST's headers", directory / "build.log")
        return {"header": HEADER, "gch": f"{HEADER}.gch"}

    entry = cache.get_or_build(pch_key(toolchain), make, label=f"NEST {toolchain.nest_version} precompiled header",
                               inputs={"toolchain": toolchain.fingerprint()}, progress=progress)
    return entry.path / HEADER


def flags(header: Path | None) -> list[str]:
    """The compiler flags that use ``header``'s precompiled form (none without one)."""
    return [*USE_FLAGS, "-include", str(header)] if header is not None else []
