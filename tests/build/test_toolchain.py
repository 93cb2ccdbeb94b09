"""The NEST toolchain is derived from the installed package, not from the wheel's nest-config."""
from __future__ import annotations

import dataclasses
import importlib.metadata
import json
import subprocess
import sys
from pathlib import Path

import pytest

from portasnn.errors import ToolError
from portasnn.targets.nest import toolchain as tc


def test_detect_finds_headers_compiler_and_flags():
    found = tc.detect()
    assert found.nest_version == importlib.metadata.version("nest-simulator")
    assert (found.include_dirs[0] / "nest_extension_interface.h").is_file()
    assert found.include_dirs[0].is_relative_to(found.nest_package_dir)
    assert Path(found.cxx).name == "g++"
    assert found.cxx_version.startswith("g++")
    for flag in ("-O3", "-DNDEBUG", "-fPIC", "-std=c++20", "-fopenmp", f"-D_GLIBCXX_USE_CXX11_ABI={found.cxx11_abi}"):
        assert flag in found.cxxflags
    assert found.ldflags == ("-shared",)  # no libraries: the kernel's symbols are already loaded
    assert dict(found.headers).keys() == {"boost", "gsl", "ltdl"}
    assert tc.detect() is found  # cached in-process


def test_pip_nest_kernel_uses_the_old_abi():
    found = tc.detect()
    if "manylinux" not in (importlib.metadata.distribution("nest-simulator").read_text("WHEEL") or ""):
        pytest.skip("NEST here was built from source (make setup-mpi), with the system compiler's ABI")
    # The manylinux wheel is built with devtoolset, which only has the old std::string ABI.
    assert found.cxx11_abi == 0
    assert "RKSs" in found.abi_source


def test_fingerprint_names_versions_and_flags():
    found = tc.detect()
    fingerprint = found.fingerprint()
    json.dumps(fingerprint)
    assert fingerprint["nest_version"] == found.nest_version
    assert fingerprint["cxx_version"] == found.cxx_version
    assert len(fingerprint["nest_config_h"]) == 16
    assert f"-D_GLIBCXX_USE_CXX11_ABI={found.cxx11_abi}" in fingerprint["cxxflags"]
    changed = dataclasses.replace(found, cxxflags=found.cxxflags + ("-ffast-math",))
    assert changed.fingerprint() != fingerprint


def test_detect_does_not_import_nest():
    code = ("import sys, time; t = time.perf_counter()\n"
            "from portasnn.targets.nest.toolchain import detect; detect()\n"
            "print('nest' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


@pytest.mark.parametrize("abi", [0, 1])
def test_abi_is_read_from_the_library_symbols(tmp_path: Path, abi: int):
    """Build a tiny library with each ABI (the compiler is the reference) and read it back."""
    source = tmp_path / "lib.cpp"
    source.write_text('#include <string>\nnamespace nest { int f(const std::string& s) { return s.size(); } }\n')
    library = tmp_path / f"libnestkernel_{abi}.so"
    subprocess.run(["g++", "-shared", "-fPIC", f"-D_GLIBCXX_USE_CXX11_ABI={abi}", str(source), "-o", str(library)],
                   check=True)
    value, how = tc.kernel_cxx11_abi(library)
    assert value == abi
    assert "assuming" not in how


def test_abi_falls_back_to_old_with_a_reason(tmp_path: Path):
    library = tmp_path / "nestkernel_api.so"
    library.write_bytes(b"not an ELF file")
    value, how = tc.kernel_cxx11_abi(library)
    assert value == 0
    assert "assuming the old ABI" in how


def test_missing_compiler_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(ToolError, match=r"apt-get install -y g\+\+"):
        tc.find_compiler()


def test_missing_headers_name_the_debian_packages(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setattr(tc, "system_include_dirs", lambda: [tmp_path])
    tc.detect.cache_clear()
    try:
        with pytest.raises(ToolError, match="apt-get install -y libboost-dev libgsl-dev libltdl-dev"):
            tc.detect()
    finally:
        tc.detect.cache_clear()


def test_std_flag_comes_from_nest_config():
    std, source = tc.nest_config_std(tc.find_nest_package())
    assert std == "-std=c++20"
    assert "nest-config" in source
