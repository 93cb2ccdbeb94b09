"""The C++ toolchain that builds NEST extension modules against the installed ``nest`` package.

The nest-simulator wheel ships a ``nest-config`` that describes the machine the wheel was built
on (its prefix, include dirs, libraries and compiler do not exist here). This module derives a
working configuration from the installed package instead, without importing ``nest`` (which
takes a fraction of a second and starts the kernel):

- headers: ``<site-packages>/nest/include/nest`` (found with ``importlib.util.find_spec``);
- version: ``NEST_VERSION`` in the installed ``config.h`` (the headers we compile against);
- compiler: ``g++`` from ``PATH``; no libraries are linked, because every NEST symbol a module
  needs is already loaded (``nest`` loads its kernel with ``RTLD_GLOBAL``);
- C++ standard: the ``-std=`` flag that ``nest-config --cflags`` reports (NEST 3.10: C++20);
- ``-fopenmp``: the kernel is built with OpenMP, and NEST's headers call ``omp_get_thread_num``
  only when ``_OPENMP`` is defined. The module is compiled with it but not linked with it, so the
  OpenMP symbols resolve to the runtime the kernel already loaded;
- ``_GLIBCXX_USE_CXX11_ABI``: read from the kernel library's exported symbols (functions in
  ``nest::`` taking a ``std::string`` are mangled ``Ss`` under the old ABI and
  ``NSt7__cxx1112basic_string...`` under the new one).
"""
from __future__ import annotations

import functools
import hashlib
import importlib.util
import mmap
import os
import re
import shutil
import struct
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

from portasnn.errors import ToolError

APT_FIX = "sudo apt-get install -y {packages}   (or: make setup)"
PIP_FIX = "{python} -m pip install 'nest-simulator>=3.10,<3.11'   (or: make setup)"

# Debian header that proves each library's development files are installed -> package.
REQUIRED_HEADERS: dict[str, tuple[str, str]] = {
    "boost": ("boost/version.hpp", "libboost-dev"),
    "gsl": ("gsl/gsl_errno.h", "libgsl-dev"),
    "ltdl": ("ltdl.h", "libltdl-dev"),
}

_OLD_ABI_SYMBOL = re.compile(rb"_ZN4nest[A-Za-z0-9_]*?RKSs")
_NEW_ABI_SYMBOL = re.compile(rb"_ZN4nest[A-Za-z0-9_]*?RKNSt7__cxx1112basic_string")
_STD_FLAG = re.compile(r"-std=(?:c|gnu)\+\+\w+")
_FALLBACK_STD = "-std=c++20"


@dataclass(frozen=True)
class NestToolchain:
    """Everything needed to compile and link a NEST 3.x extension module on this machine."""

    nest_version: str
    nest_package_dir: Path
    kernel_library: Path
    include_dirs: tuple[Path, ...]
    cxx: str
    cxx_version: str
    cxx_std: str
    cxx11_abi: int
    abi_source: str
    nest_config_hash: str = ""
    headers: tuple[tuple[str, Path], ...] = ()
    cxxflags: tuple[str, ...] = ()
    ldflags: tuple[str, ...] = ()

    def fingerprint(self) -> dict[str, object]:
        """What a build output depends on besides its sources (goes into cache keys).

        ``config.h`` records how the kernel was configured (MPI, GSL, ...), which changes the
        layout of kernel classes, so two NEST 3.10 installs built differently never share modules.
        """
        return {
            "nest_version": self.nest_version,
            "nest_config_h": self.nest_config_hash,
            "cxx": Path(self.cxx).name,
            "cxx_version": self.cxx_version,
            "cxxflags": list(self.cxxflags),
            "ldflags": list(self.ldflags),
            "platform": sysconfig.get_platform(),
        }

    def compile_command(self, source: Path, obj: Path) -> list[str]:
        """The command that compiles one translation unit to an object file."""
        includes = [f"-I{d}" for d in self.include_dirs]
        return [self.cxx, *self.cxxflags, *includes, "-c", str(source), "-o", str(obj)]

    def link_command(self, objects: list[Path], out: Path) -> list[str]:
        """The command that links object files into a loadable module."""
        return [self.cxx, *self.ldflags, "-o", str(out), *map(str, objects)]


def find_nest_package() -> Path:
    """The installed ``nest`` package directory (without importing it)."""
    try:
        spec = importlib.util.find_spec("nest")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        raise ToolError("the Python package 'nest' (nest-simulator 3.10) is not installed in this environment\n"
                        f"  fix: {PIP_FIX.format(python=sys.executable)}")
    return Path(list(spec.submodule_search_locations)[0])


def nest_include_dir(package_dir: Path) -> Path:
    """The directory holding NEST's C++ headers inside the installed package."""
    include = package_dir / "include" / "nest"
    if not (include / "nest_extension_interface.h").is_file():
        raise ToolError(f"NEST's C++ headers are missing from {include} (nest_extension_interface.h not found); "
                        "the installed nest-simulator cannot build extension modules\n"
                        f"  fix: {PIP_FIX.format(python=sys.executable)} --force-reinstall")
    return include


def nest_version(include_dir: Path) -> str:
    """``NEST_VERSION`` from the installed ``config.h``."""
    text = (include_dir / "config.h").read_text(errors="replace")
    match = re.search(r'#define\s+NEST_VERSION\s+"([^"]+)"', text)
    if not match:
        raise ToolError(f"cannot read NEST_VERSION from {include_dir / 'config.h'}")
    return match.group(1)


def kernel_library(package_dir: Path) -> Path:
    """The shared library that holds the NEST kernel (``nestkernel_api*.so``)."""
    found = sorted(package_dir.glob("nestkernel_api*.so")) or sorted(package_dir.glob("**/libnestkernel*.so*"))
    if not found:
        raise ToolError(f"no NEST kernel library (nestkernel_api*.so) in {package_dir}\n"
                        f"  fix: {PIP_FIX.format(python=sys.executable)} --force-reinstall")
    return found[0]


def _dynamic_string_table(data: mmap.mmap) -> memoryview | bytes:
    """The ``.dynstr`` section (exported symbol names) of a 64-bit little-endian ELF file, else all of it."""
    if data[:6] != b"\x7fELF\x02\x01":
        return data[:]
    shoff, = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    for index in range(shnum):
        sh_type, = struct.unpack_from("<I", data, shoff + index * shentsize + 4)
        if sh_type == 11:  # SHT_DYNSYM; sh_link names its string table
            link, = struct.unpack_from("<I", data, shoff + index * shentsize + 40)
            offset, size = struct.unpack_from("<QQ", data, shoff + link * shentsize + 24)
            return memoryview(data)[offset:offset + size]
    return data[:]


def kernel_cxx11_abi(library: Path) -> tuple[int, str]:
    """The ``_GLIBCXX_USE_CXX11_ABI`` value the kernel was built with, and how that was decided."""
    try:
        with open(library, "rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
            names = _dynamic_string_table(data)
            old = _OLD_ABI_SYMBOL.search(names) is not None
            new = _NEW_ABI_SYMBOL.search(names) is not None
            del names
    except (OSError, ValueError, struct.error) as exc:
        return 0, f"could not read {library.name} ({exc}); assuming the old ABI (0) that manylinux wheels use"
    if old and not new:
        return 0, f"{library.name} exports nest:: functions taking std::string in the old ABI (mangled RKSs)"
    if new and not old:
        return 1, f"{library.name} exports nest:: functions taking std::__cxx11::basic_string (new ABI)"
    return 0, (f"{library.name} shows {'both' if old else 'neither'} std::string ABI in its nest:: symbols; "
               "assuming the old ABI (0) that manylinux wheels use")


def nest_config_std(package_dir: Path) -> tuple[str, str]:
    """The ``-std=`` flag from the wheel's ``nest-config --cflags`` (read, not executed)."""
    candidates = [Path(sysconfig.get_path("scripts")) / "nest-config", package_dir.parents[3] / "bin" / "nest-config"]
    for script in candidates:
        if script.is_file():
            text = script.read_text(errors="replace")
            cflags = re.search(r"--cflags\)\s*\n\s*echo\s+\"([^\"]*)\"", text)
            match = _STD_FLAG.search(cflags.group(1) if cflags else "")
            if match:
                return match.group(0), f"{script} --cflags"
    return _FALLBACK_STD, "nest-config not found; NEST 3.10's headers need C++20"


def find_compiler() -> tuple[str, str]:
    """The path of ``g++`` and its version line."""
    cxx = shutil.which("g++")
    if cxx is None:
        raise ToolError(f"the C++ compiler g++ is not installed\n  fix: {APT_FIX.format(packages='g++')}")
    try:
        out = subprocess.run([cxx, "--version"], capture_output=True, text=True, timeout=30, check=True).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        raise ToolError(f"{cxx} --version failed: {exc}\n  fix: {APT_FIX.format(packages='--reinstall g++')}") from exc
    return cxx, out.splitlines()[0].strip() if out.strip() else "unknown"


def system_include_dirs() -> list[Path]:
    """Directories g++ searches for headers by default (plus ``CPATH``/``CPLUS_INCLUDE_PATH``)."""
    extra = [p for var in ("CPATH", "CPLUS_INCLUDE_PATH") for p in os.environ.get(var, "").split(":") if p]
    return [Path(p) for p in extra] + [Path("/usr/local/include"), Path("/usr/include")]


def find_header(relative: str) -> Path | None:
    """The first default include directory holding ``relative``, or None."""
    for directory in system_include_dirs():
        if (directory / relative).is_file():
            return directory
    return None


@functools.cache
def detect() -> NestToolchain:
    """Find NEST's headers and kernel, g++ and the Debian headers; raise ToolError saying how to fix a gap."""
    package_dir = find_nest_package()
    include = nest_include_dir(package_dir)
    version = nest_version(include)
    library = kernel_library(package_dir)
    cxx, cxx_version = find_compiler()
    headers: dict[str, Path] = {}
    missing: list[str] = []
    for name, (header, package) in REQUIRED_HEADERS.items():
        found = find_header(header)
        if found is None:
            missing.append(package)
        else:
            headers[name] = found
    if missing:
        raise ToolError(f"C++ headers that NEST modules need are missing ({', '.join(missing)})\n"
                        f"  fix: {APT_FIX.format(packages=' '.join(missing))}")
    abi, abi_source = kernel_cxx11_abi(library)
    std, std_source = nest_config_std(package_dir)
    # NEST's own release flags (-O3 -DNDEBUG): its headers keep asserts on the spike-delivery path otherwise
    cxxflags = (std, "-O3", "-DNDEBUG", "-fPIC", "-fopenmp", f"-D_GLIBCXX_USE_CXX11_ABI={abi}")
    from portasnn.targets.nest.mpi import module_compile_flags

    mpi_dirs, mpi_flags = module_compile_flags(include)  # a NEST built with MPI: its headers include mpi.h
    cxxflags += mpi_flags
    return NestToolchain(
        nest_version=version,
        nest_package_dir=package_dir,
        kernel_library=library,
        include_dirs=(include, *mpi_dirs),
        cxx=cxx,
        cxx_version=cxx_version,
        cxx_std=f"{std} (from {std_source})",
        cxx11_abi=abi,
        abi_source=abi_source,
        nest_config_hash=hashlib.sha256((include / "config.h").read_bytes()).hexdigest()[:16],
        headers=tuple(headers.items()),
        cxxflags=cxxflags,
        ldflags=("-shared",),
    )
