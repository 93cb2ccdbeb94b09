"""The independent bit-accuracy reference: a model's step code built with GCC's ARM ``accum``.

``build_step_driver(header, arm=...)`` compiles ``support/step_driver.c`` around one model header,
either for this CPU (the host fixed-point mode of ``spinn_fixed.h``) or, with ``arm=True``, with
``arm-linux-gnueabi-gcc -static -O2 -marm -DPORTASNN_ARM_ACCUM`` (REAL is GCC's accum, operations are
GCC's ARM fixed-point code). ``run_step_driver`` runs one neuron on given inputs (under
``qemu-arm`` for the ARM build) and returns the raw output of every step; the two builds must
agree byte for byte. ``arith="float"`` builds the host driver with ``-DPORTASNN_ARITH_FLOAT``: the
same model code in double precision (parameter words and recorded values are doubles), to measure
what s16.15 quantisation alone does to a model.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from portasnn.errors import ToolError, UsageError

from .model import Arith
from .runner import _gcc_version, support_dir

ARM_CC = "arm-linux-gnueabi-gcc"
QEMU = "qemu-arm"


def arm_available() -> bool:
    return shutil.which(ARM_CC) is not None and shutil.which(QEMU) is not None


def build_step_driver(header: str, *, arm: bool, arith: Arith = "fixed") -> Path:
    """The step driver for ``header`` (cached by content); ``arith="float"`` only for the host build."""
    from portasnn.cache import BuildCache, cache_key

    if arith not in ("fixed", "float") or (arm and arith == "float"):
        raise UsageError(f"no step driver for arm={arm}, arith={arith!r}",
                         hint="arith is 'fixed' or 'float' (float only for the host build)", code="E430")
    sup = support_dir()
    cc = ARM_CC if arm else "gcc"
    flags = ["-static", "-O2", "-marm", "-DPORTASNN_ARM_ACCUM"] if arm else ["-O2"]
    flags += ["-DPORTASNN_ARITH_FLOAT"] if arith == "float" else []
    inputs = {"target": "spinnaker-host-step-driver", "cc": cc, "flags": flags, "header": header,
              "gcc": _gcc_version(), "support": {n: (sup / n).read_text()
                                                 for n in ("spinn_fixed.h", "neuron_api.h", "step_driver.c")}}

    def build(tmp: Path) -> dict:
        (tmp / "model.h").write_text(header)
        cmd = [cc, *flags, "-std=gnu11", f"-I{sup}", f"-I{tmp}", '-DMODEL_HEADER="model.h"',
               str(sup / "step_driver.c"), "-o", str(tmp / "driver")] + (["-lm"] if arith == "float" else [])
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            raise ToolError(f"building the step driver failed: {' '.join(cmd)}\n{proc.stderr[-4000:]}")
        return {"driver": "driver"}

    label = f"step driver ({'arm' if arm else 'host'}{' float' if arith == 'float' else ''})"
    entry = BuildCache().get_or_build(cache_key(inputs), build, label=label)
    return entry.path / "driver"


def build_stdp_driver(*, arm: bool) -> Path:
    """``support/stdp_driver.c``: one plastic synapse through ``stdp.h``, for this CPU (the engine's integer code)
    or, ``arm=True``, with GCC's ARM accum weight dependences (cached by content)."""
    from portasnn.cache import BuildCache, cache_key

    sup = support_dir()
    cc = ARM_CC if arm else "gcc"
    flags = ["-static", "-O2", "-marm", "-DPORTASNN_ARM_ACCUM"] if arm else ["-O2"]
    inputs = {"target": "spinnaker-host-stdp-driver", "cc": cc, "flags": flags, "gcc": _gcc_version(),
              "support": {n: (sup / n).read_text() for n in ("spinn_fixed.h", "stdp.h", "stdp_driver.c")}}

    def build(tmp: Path) -> dict:
        cmd = [cc, *flags, "-std=gnu11", f"-I{sup}", str(sup / "stdp_driver.c"), "-o", str(tmp / "driver")]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            raise ToolError(f"building the STDP driver failed: {' '.join(cmd)}\n{proc.stderr[-4000:]}")
        return {"driver": "driver"}

    entry = BuildCache().get_or_build(cache_key(inputs), build, label=f"stdp driver ({'arm' if arm else 'host'})")
    return entry.path / "driver"


def run_stdp_driver(driver: Path, rule: dict, plus_lut, minus_lut, events: list[tuple[int, int]], *, arm: bool,
                    timeout: float = 120.0, x_lut=(), y_lut=()) -> list[int]:
    """The weight word after every pre spike of one synapse: ``rule`` holds multiplicative, w_min, w_max, a2_plus,
    a2_minus (raw s16.15), shift, delay (ticks) and word (the initial 16-bit weight), optionally pairing (stdp.h's
    index, 0 all-to-all) and, for the triplet rule, triplet = 1, a3_plus, a3_minus (with ``x_lut``, ``y_lut``);
    ``events`` (kind, tick) with kind 0 a post spike, 1 a pre spike, in the order the engine handles them."""
    head = [rule["multiplicative"], len(plus_lut), len(minus_lut), rule["w_min"], rule["w_max"], rule["a2_plus"],
            rule["a2_minus"], rule["shift"], rule["delay"], rule["word"], len(events), rule.get("pairing", 0),
            rule.get("triplet", 0), rule.get("a3_plus", 0), rule.get("a3_minus", 0), len(x_lut), len(y_lut)]
    text = " ".join(str(int(v)) for v in [*head, *plus_lut, *minus_lut, *x_lut, *y_lut,
                                          *(x for e in events for x in e)])
    cmd = [QEMU, str(driver)] if arm else [str(driver)]
    proc = subprocess.run(cmd, input=text, capture_output=True, text=True, timeout=timeout)
    if proc.returncode != 0:
        raise ToolError(f"{' '.join(cmd)} exited with {proc.returncode}: {proc.stderr[-2000:]!r}")
    return [int(x) for x in proc.stdout.split()]


@dataclass(frozen=True)
class StepTrace:
    state_size: int
    spiked: np.ndarray  # (T,) int32
    recorded: np.ndarray  # (T, n_recorded) raw int32 (fixed), float64 values (float)
    state: np.ndarray  # (T, state_size // 4) raw int32 words of neuron_t
    raw: bytes


def run_step_driver(driver: Path, params: np.ndarray, inputs: np.ndarray, offsets: np.ndarray, *,
                    n_recorded: int, arm: bool, arith: Arith = "fixed", timeout: float = 120.0) -> StepTrace:
    """Run one neuron: ``params`` int32 words (float64 for a driver built with ``arith="float"``);
    ``inputs`` (T, n_types) raw s16.15; ``offsets`` (T,) raw s16.15, in both arithmetics."""
    steps = np.column_stack([np.asarray(inputs, np.int64), np.asarray(offsets, np.int64)])
    words = (np.asarray(params, "<f8").tobytes() if arith == "float"
             else (np.asarray(params, np.int64) & 0xFFFFFFFF).astype(np.uint32).tobytes())
    payload = (np.array([steps.shape[0]], np.int64).astype(np.uint32).tobytes() + words
               + (steps & 0xFFFFFFFF).astype(np.uint32).tobytes())
    cmd = [QEMU, str(driver)] if arm else [str(driver)]
    proc = subprocess.run(cmd, input=payload, capture_output=True, timeout=timeout)
    if proc.returncode != 0:
        raise ToolError(f"{' '.join(cmd)} exited with {proc.returncode}: {proc.stderr[-2000:]!r}")
    raw = proc.stdout
    size = int(np.frombuffer(raw[:4], np.int32)[0])
    rec_dtype = np.dtype("<f8" if arith == "float" else "<i4")
    head = 4 + rec_dtype.itemsize * n_recorded
    per = head + size
    body = np.frombuffer(raw[4:], np.uint8)
    if body.size != per * steps.shape[0]:
        raise ToolError(f"step driver output has {body.size} bytes, expected {per * steps.shape[0]}")
    rows = body.reshape(steps.shape[0], per)
    spiked = rows[:, :4].copy().view(np.int32)[:, 0]
    recorded = rows[:, 4:head].copy().view(rec_dtype).reshape(steps.shape[0], n_recorded)
    return StepTrace(size, spiked, recorded, rows[:, head:].copy().view(np.int32), raw)


def first_difference(model, values: dict[str, np.ndarray], dt_ms: float, inputs: np.ndarray,
                     offsets: np.ndarray) -> int | None:
    """Run one neuron of ``model`` (a HostModel) on the host build and on GCC's ARM accum build.

    ``values`` are the neuron's parameter/initial values (network units, arrays of length 1);
    ``inputs`` (T, n_synapse_types) raw s16.15 ring-buffer inputs; ``offsets`` (T,) raw current
    offsets. Returns the first step whose raw state, recorded values or spike differ, or None.
    """
    from .model import PackContext

    words = model.pack(values, PackContext(n=1, dt_ms=dt_ms, arith="fixed"))[0]
    n_rec = len(model.recordables)
    host = run_step_driver(build_step_driver(model.header, arm=False), words, inputs, offsets, n_recorded=n_rec,
                           arm=False)
    arm = run_step_driver(build_step_driver(model.header, arm=True), words, inputs, offsets, n_recorded=n_rec,
                          arm=True)
    if host.raw == arm.raw:
        return None
    rows = ((host.state != arm.state).any(axis=1) | (host.recorded != arm.recorded).any(axis=1)
            | (host.spiked != arm.spiked))
    bad = np.flatnonzero(rows)
    return int(bad[0]) if bad.size else 0
