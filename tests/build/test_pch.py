"""NEST's headers precompiled once per toolchain and used by every module compiled after (issue 13 item 12)."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from portasnn.cache import BuildCache
from portasnn.targets.nest import pch
from portasnn.targets.nest.compile import _compile_one, compile_module
from portasnn.targets.nest.toolchain import detect

PROBE = [("portasnn_doctor_probe", "portasnn_pch_probe")]


@pytest.fixture(scope="module")
def pch_cache(tmp_path_factory: pytest.TempPathFactory) -> BuildCache:
    return BuildCache(tmp_path_factory.mktemp("pch") / "builds")


@pytest.mark.slow
def test_the_first_build_precompiles_the_headers_and_the_next_uses_them(tmp_path: Path, probe_sources,
                                                                       pch_cache: BuildCache) -> None:
    """issue 13 item 12: compiling against NEST's headers dominated every cold build."""
    tc = detect()
    first: list[str] = []
    compile_module("pch_a", PROBE, probe_sources, tmp_path / "a", tc, first.append, cache=pch_cache)
    assert any(m.startswith("precompiling NEST's headers") for m in first)
    header = pch.find(tc, pch_cache)
    assert header is not None and Path(f"{header}.gch").is_file()

    second: list[str] = []
    library = compile_module("pch_b", PROBE, probe_sources, tmp_path / "b", tc, second.append, cache=pch_cache)
    assert library.is_file()
    assert any("(NEST's headers precompiled)" in m for m in second), second
    assert not any("do not fit" in m or m.startswith("precompiling") for m in second), second

    # GCC itself says it used the .gch ('!' in -H output), not the header's text
    unit = tmp_path / "b" / "portasnn_doctor_probe.cpp"
    command = tc.compile_command(unit, tmp_path / "probe.o")
    done = subprocess.run([command[0], *pch.flags(header), "-H", *command[1:]], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"! {header}.gch" in done.stderr


@pytest.mark.slow
def test_a_precompiled_header_for_other_flags_is_not_used(tmp_path: Path, probe_sources, pch_cache: BuildCache,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """issue 13 item 12: GCC silently ignores a .gch made with other flags; here that is noticed and the unit
    compiled without it; PORTASNN_NEST_PCH=0 switches it off."""
    tc = detect()
    header = pch.build(tc, pch_cache)
    out = tmp_path / "o"
    out.mkdir()
    for name, text in probe_sources.items():
        (out / name).write_text(text)
    command = [c for c in tc.compile_command(out / "portasnn_doctor_probe.cpp", out / "p.o") if c != "-fopenmp"]
    said: list[str] = []
    _compile_one([*command, "-fno-openmp"], "portasnn_doctor_probe.cpp", out / "build.log", said.append,
                 pch.flags(header))
    assert any("do not fit" in m for m in said) and (out / "p.o").is_file()

    monkeypatch.setenv("PORTASNN_NEST_PCH", "0")
    assert pch.find(tc, pch_cache) is None
    plain: list[str] = []
    compile_module("pch_c", PROBE, probe_sources, tmp_path / "c", tc, plain.append, cache=BuildCache(tmp_path / "x"))
    assert not any("precompil" in m for m in plain), plain
