"""What the spinnaker target refuses or warns about, through the command line (exit 2, file:line:col)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import HERE, NESTML_MODELS

PORTASNN = str(Path(sys.executable).with_name("portasnn"))
TINY = (HERE / "models" / "tiny_lif_neuron.nestml").read_text()
DYNAMICS = "        V_m' = -(V_m - E_L) / tau_m + I_e / C_m  # DYNAMICS"


def variant(tmp_path: Path, old: str, new: str) -> tuple[Path, int]:
    """A copy of the tiny model with ``old`` replaced; returns its path and the line of ``new``'s last line."""
    assert old in TINY
    text = TINY.replace(old, new)
    path = tmp_path / "tiny_lif_neuron.nestml"
    path.write_text(text)
    last = new.strip().splitlines()[-1].strip()
    line = text[: text.index(last)].count("\n") + 1
    return path, line


def build(path: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([PORTASNN, "build", "--target", "spinnaker", str(path), "-o", str(out), *extra],
                          capture_output=True, text=True, timeout=600)


def test_non_linear_ode_without_solver_is_refused_with_its_line(tmp_path):
    path, line = variant(tmp_path, DYNAMICS,
                         "        V_m' = -(V_m - E_L) / tau_m + (V_m - E_L)**2 / (tau_m * 20 mV) + I_e / C_m")
    proc = build(path, tmp_path / "out")
    assert proc.returncode == 2, proc.stderr
    assert f"{path}:{line}:" in proc.stderr
    assert "E302" in proc.stderr and "--spinnaker-solver" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_non_linear_ode_lowers_with_a_chosen_solver_recorded_in_the_manifest(tmp_path):
    path, _ = variant(tmp_path, DYNAMICS,
                      "        V_m' = -(V_m - E_L) / tau_m + (V_m - E_L)**2 / (tau_m * 20 mV) + I_e / C_m")
    proc = build(path, tmp_path / "out", "--spinnaker-solver", "rk2", "--substeps", "3")
    assert proc.returncode == 0, proc.stderr
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["solver"] == "rk2" and manifest["substeps"] == 3
    assert manifest["models"]["tiny_lif_neuron"]["ode_method"] == "fixed-step rk2, 3 substep(s)"
    update = (tmp_path / "out" / "c_models/src/tiny_lif_neuron/tiny_lif_neuron_update.h").read_text()
    assert "sub < 3u" in update and "rk2" in update
    assert "exp" not in update.split("*/", 1)[1].lower().replace("exp_", "")


def test_sin_of_state_is_refused_even_with_a_solver(tmp_path):
    path, line = variant(tmp_path, DYNAMICS,
                         "        V_m' = -(V_m - E_L) / tau_m + sin(V_m / 1 mV) * 1 mV / tau_m")
    proc = build(path, tmp_path / "out", "--spinnaker-solver", "euler")
    assert proc.returncode == 2, proc.stderr
    assert f"{path}:{line}:" in proc.stderr and "E310" in proc.stderr and "sin()" in proc.stderr


@pytest.mark.parametrize("term, expected", [
    ("exp((V_m - V_th) / 1 mV)", ["REAL_EXP("]),
    ("(ln(-V_m / 1 mV) + (-V_m / 1 mV)**1.5)", ["REAL_LOG(", "REAL_EXP(REAL_MUL(REAL_CONST(1.5), ", "ZERO) ? REAL_EXP("]),
])
def test_exp_log_and_powers_of_state_lower_on_the_chip_with_a_solver(tmp_path, term, expected):
    path, _ = variant(tmp_path, DYNAMICS, f"        V_m' = -(V_m - E_L) / tau_m + {term} * 1 mV / tau_m")
    proc = build(path, tmp_path / "out", "--spinnaker-solver", "euler")
    assert proc.returncode == 0, proc.stderr
    update = (tmp_path / "out" / "c_models/src/tiny_lif_neuron/tiny_lif_neuron_update.h").read_text()
    assert all(e in update for e in expected)


def test_random_normal_is_refused_at_its_statement(tmp_path):
    path, line = variant(tmp_path, "        integrate_odes()  # UPDATE",
                         "        integrate_odes()\n        V_m += random_normal(0 mV, 1 mV)")
    proc = build(path, tmp_path / "out")
    assert proc.returncode == 2, proc.stderr
    assert f"{path}:{line}:" in proc.stderr and "random_normal()" in proc.stderr
    assert "error E343 " in proc.stderr  # its own code since issue 12 item 4 (was E310, shared with NEST)


def test_shipped_non_linear_model_is_refused_with_file_line_col(tmp_path):
    proc = build(NESTML_MODELS / "izhikevich_neuron.nestml", tmp_path / "out")
    assert proc.returncode == 2, proc.stderr
    assert "izhikevich_neuron.nestml:" in proc.stderr and "E302" in proc.stderr


@pytest.mark.parametrize("old,new,code,what,at_line", [
    ("        V_th mV = -55 mV", "        V_th mV = 70000 mV", "W301", "outside the s16.15 range", True),
    # E_L (1 - exp(-h/tau_m)) = -7e-4 mV per step is held with a few LSBs: the derived constant is named
    ("        tau_m ms = 10 ms", "        tau_m ms = 100000 ms", "W302", "relative error", False),
])
def test_range_analysis_warns_with_the_location(tmp_path, old, new, code, what, at_line):
    path, line = variant(tmp_path, old, new)
    proc = build(path, tmp_path / "out")
    assert proc.returncode == 0, proc.stderr
    assert code in proc.stderr and what in proc.stderr
    assert (f"{path}:{line}:" if at_line else f"{path}:") in proc.stderr
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert any(code in w for w in manifest["warnings"])
