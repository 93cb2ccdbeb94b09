"""The generated sPyNNaker C compiles for the SpiNNaker-1 ARM968 with the real SpiNNaker C sources.

Runs only where ``SPINN_DIRS`` (built spinnaker_tools with spinn_common and SpiNNFrontEndCommon's
c_common installed) and ``NEURAL_MODELLING_DIRS`` (sPyNNaker/neural_modelling) are set and
arm-none-eabi-gcc is on PATH; see benchmarks/arm_make_check.sh.  The ELF's DWARF (what the ARM
compiler laid out) is compared with the words sPyNNaker's Python ``Struct`` writes.
"""
from __future__ import annotations

import importlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import NESTML_MODELS

MODELS = ("iaf_psc_exp_neuron", "izhikevich_neuron")

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (os.environ.get("SPINN_DIRS") and os.environ.get("NEURAL_MODELLING_DIRS")),
                       reason="SPINN_DIRS and NEURAL_MODELLING_DIRS are not set (the SpiNNaker C sources "
                              "are not installed here; see benchmarks/arm_make_check.sh)"),
    pytest.mark.skipif(shutil.which("arm-none-eabi-gcc") is None, reason="arm-none-eabi-gcc is not on PATH"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from portasnn.modules import build_spinnaker

    # (conftest points C_LOGS_DICT, the log converter's database, at a temporary file)
    out = tmp_path_factory.mktemp("arm")
    art = build_spinnaker([NESTML_MODELS / f"{m}.nestml" for m in MODELS], out / "build", solver="euler")
    # the build ran in the build cache, which keeps only the .aplx files: make again here for the ELFs
    subprocess.run(["make", "-C", str(art.out_dir / "c_models")], capture_output=True, text=True, check=True)
    return art


def _elf(art, stem: str) -> Path:
    return art.out_dir / "c_models" / "build" / stem / f"{stem}.elf"


def _dwarf(elf: Path) -> str:
    return subprocess.run(["arm-none-eabi-readelf", "--debug-dump=info", str(elf)],
                          capture_output=True, text=True, check=True).stdout


def _struct_layout(dwarf: str, name: str) -> tuple[int, list[tuple[str, int]]]:
    """(byte size, [(member, offset)]) of the structure ``name`` in readelf's DWARF dump."""
    entries = re.split(r"\n(?= <\d+><[0-9a-f]+>: Abbrev Number)", dwarf)
    for k, entry in enumerate(entries):
        if "DW_TAG_structure_type" in entry and re.search(rf"DW_AT_name\s*:.*\b{name}$", entry, re.M):
            size = int(re.search(r"DW_AT_byte_size\s*: (\d+)", entry).group(1))
            members = []
            for child in entries[k + 1:]:
                if "DW_TAG_member" not in child:
                    break
                member = re.search(r"DW_AT_name\s*:(?:.*\): | )(\w+)$", child, re.M).group(1)
                offset = int(re.search(r"DW_AT_data_member_location: (\d+)", child).group(1))
                members.append((member, offset))
            return size, members
    raise AssertionError(f"no structure {name} in the DWARF info")


def test_make_builds_the_aplx_files(built):
    assert built.binaries_built, built.build_message
    for stem in MODELS:
        aplx = built.out_dir / "python_models" / "portasnn_models" / "model_binaries" / f"{stem}.aplx"
        assert aplx.is_file() and aplx.stat().st_size > 4096, aplx
        # the loadable image is the ELF's code and data: it fits SpiNNaker-1's 32 KiB ITCM
        assert aplx.stat().st_size < 32 * 1024


def test_the_elf_holds_the_models_timestep(built):
    for stem in MODELS:
        elf = _elf(built, stem)
        symbols = subprocess.run(["arm-none-eabi-nm", str(elf)], capture_output=True, text=True,
                                 check=True).stdout
        assert re.search(r" T neuron_do_timestep_update$", symbols, re.M)  # sPyNNaker's, calls ours
        dwarf = _dwarf(elf)
        for function in ("neuron_impl_do_timestep_update", "neuron_do_timestep", "neuron_add_input"):
            assert re.search(rf"DW_AT_name\s*:.*\b{function}$", dwarf, re.M), function
        lines = subprocess.run(["arm-none-eabi-readelf", "--debug-dump=rawline", str(elf)],
                               capture_output=True, text=True, check=True).stdout
        assert f"{stem}_update.h" in lines
        # PyNN current sources reach the model (not the ZERO stub of current_source.h)
        assert re.search(r"DW_AT_name\s*:.*\bcurrent_source_dc_get_offset$", dwarf, re.M)


def test_neuron_t_is_what_the_python_class_writes(built):
    sys.path.insert(0, str(built.out_dir / "python_models"))
    try:
        package = importlib.import_module("portasnn_models")
        for stem in MODELS:
            cls = getattr(package, built.models[stem])  # NESTML name (= stem here) -> class name
            (struct,) = cls()._model.structs
            dtype = struct.numpy_dtype
            size, members = _struct_layout(_dwarf(_elf(built, stem)), "neuron_t")
            assert size == dtype.itemsize
            assert members == [(name, dtype.fields[name][1]) for name in dtype.names]
    finally:
        sys.path.remove(str(built.out_dir / "python_models"))
        for name in [n for n in sys.modules if n == "portasnn_models" or n.startswith("portasnn_models.")]:
            del sys.modules[name]


# arguments of the REAL_* operations that do not take REAL values
SPECIAL_ARGS = {"REAL_CONST": "1.5", "REAL_FROM_INT": "3"}


def test_every_real_operation_compiles_and_links_for_the_board(built, tmp_path):
    """Each REAL_* operation spinn_fixed.h defines, in its board mode (PORTASNN_SPINNAKER) on
    sPyNNaker's headers, compiled and linked against spinn_common for the ARM968."""
    src = built.out_dir / "c_models" / "src" / MODELS[0]
    text = (src / "spinn_fixed.h").read_text()
    operations = dict(re.findall(r"#define (REAL_[A-Z0-9_]+)\(([^)]*)\)", text))
    assert {"REAL_ADD", "REAL_SUB", "REAL_MUL", "REAL_LT", "REAL_CONST"} <= set(operations)
    lines = ['#include "portasnn_fixed.h"',
             "uint64_t udiv64(uint64_t num, uint64_t den) { return num / den; }  /* sPyNNaker's c_main */",
             "void portasnn_board_ops(REAL a, REAL b, REAL c) {"]
    for k, (name, params) in enumerate(sorted(operations.items())):
        n = len([p for p in params.split(",") if p.strip()])
        args = SPECIAL_ARGS.get(name, ", ".join("abc"[:n]))
        lines.append(f"    volatile __typeof__({name}({args})) v{k} = {name}({args}); (void) v{k};")
    lines += ["    (void) c;", "}"]
    (tmp_path / "ops.c").write_text("\n".join(lines) + "\n")
    spinn, neural = os.environ["SPINN_DIRS"], os.environ["NEURAL_MODELLING_DIRS"]
    flags = ["-mthumb-interwork", "-march=armv5te", "-std=gnu99", "-ffreestanding", "-Ofast", "-Wall",
             "-Wextra", "-Werror", "-I", f"{spinn}/include", "-I", f"{neural}/src", "-I", str(src)]
    subprocess.run(["arm-none-eabi-gcc", "-c", *flags, "ops.c", "-o", "ops.o"], cwd=tmp_path, check=True)
    subprocess.run(["arm-none-eabi-gcc", "-nostartfiles", "-static", "-Wl,-e,portasnn_board_ops",
                    "-Wl,--gc-sections", "ops.o", "-L", f"{spinn}/lib", "-lspinn_common", "-lgcc",
                    "-o", "ops.elf"], cwd=tmp_path, check=True)
    symbols = subprocess.run(["arm-none-eabi-nm", "ops.elf"], cwd=tmp_path, capture_output=True, text=True,
                             check=True).stdout
    assert re.search(r" T portasnn_board_ops$", symbols, re.M)
    if "REAL_EXP" in operations:
        assert re.search(r" T expk$", symbols, re.M)  # REAL_EXP is spinn_common's own expk


# every plastic rule the spinnaker target lowers, each onto its own population
PLASTIC_RULES = """\
network arm_plastic
model neuron from "nestml:iaf_psc_exp_neuron"
synapse pair from "nest:stdp_synapse" { lambda = 0.01, mu_plus = 0, mu_minus = 0, Wmax = 400 pA }
synapse symm from "nestml:stdp_nn_symm_synapse" { Wmax = 400 }
synapse pre from "nestml:stdp_nn_pre_centered_synapse" { mu_plus = 0, mu_minus = 0, Wmax = 400 }
synapse restr from "nestml:stdp_nn_restr_symm_synapse" { Wmax = 400 }
synapse tri from "nestml:stdp_triplet_synapse" { Wmax = 400 nS }
population A: 4 neuron { I_e = 380 pA }
population B: 2 neuron
population C: 2 neuron
population D: 2 neuron
population E: 2 neuron
population F: 2 neuron
connect A -> B: all_to_all, weight = 300 pA, delay = 1 ms, synapse = pair
connect A -> C: all_to_all, weight = 300 pA, delay = 1 ms, synapse = symm
connect A -> D: all_to_all, weight = 300 pA, delay = 1 ms, synapse = pre
connect A -> E: all_to_all, weight = 300 pA, delay = 1 ms, synapse = restr
connect A -> F: all_to_all, weight = 300 pA, delay = 1 ms, synapse = tri
simulate 10 ms resolution 1 ms
"""


def test_every_plastic_binary_builds_without_warnings(tmp_path):
    """issue 17 item 4: the binary of every lowered rule (sPyNNaker's pair and triplet timings, portasnn's three
    nearest-neighbour timings, additive and multiplicative weight dependences) compiles against the real
    sPyNNaker headers, and a forced rebuild prints no compiler warning."""
    from portasnn.modules import build_spinnaker

    (tmp_path / "p.pnet").write_text(PLASTIC_RULES)
    art = build_spinnaker(tmp_path / "p.pnet", tmp_path / "out")
    binaries = {p.name for p in art.out_dir.rglob("*.aplx")}
    for timing, weight in (("pair", "additive"), ("nn_symm", "multiplicative"), ("nn_pre_centered", "additive"),
                           ("nn_restr_symm", "multiplicative"), ("pfister_triplet", "additive")):
        assert f"iaf_psc_exp_neuron_stdp_mad_{timing}_{weight}.aplx" in binaries, binaries
    done = subprocess.run(["make", "-B"], cwd=art.out_dir / "c_models", capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    assert "warning" not in (done.stdout + done.stderr).lower()
