"""NESTML vectors and loops in the frontend (issue 13 items 3 and 6).

nestml 9 keeps a vector's size on the declared variable (``vector_parameter``), not on the declaration, so
nestml's own vector models used to build with exit 0 and scalar ``g_in``/``g_ex`` (item 3). Vectors are now lowered
element by element, named as NESTML's NEST target names them (item 6); what cannot be unrolled is refused with E191
at its file:line:col.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import sympy

from portasnn.errors import ModelError
from portasnn.frontend.nestml import load_models
from portasnn.ir import model as ir
from portasnn.ir.serialize import canonical_json

UPSTREAM = Path(__file__).parent / "upstream"
PORTASNN = Path(sys.executable).parent / "portasnn"


def _model(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "m.nestml"
    path.write_text("model m:\n" + body)
    return path


def test_upstream_vectors_become_elements_named_as_nestml_names_them() -> None:
    """issue 13 items 3 and 6: Vectors.nestml's g_in [20] and g_ex [ten] are 20 and 10 state variables, not scalars;
    g_ex[1] = -2 mV assigns the element G_EX_1; the size parameter 'ten' is fixed in the build."""
    (m,) = load_models(UPSTREAM / "Vectors.nestml")
    names = [v.name for v in m.state]
    assert names == ["V_m"] + [f"G_IN_{i}" for i in range(20)] + [f"G_EX_{i}" for i in range(10)]
    assert [v.name for v in m.parameters if v.name.startswith("TAUS_")] == [f"TAUS_{i}" for i in range(15)]
    assert {v.name: (v.kind, len(v.elements), v.size_parameter) for v in m.vectors} == {
        "g_in": ("state", 20, ""), "g_ex": ("state", 10, "ten"), "taus": ("parameter", 15, "")}
    assert m.fixed_parameters == ("ten",)
    assert all(m.variable(f"G_IN_{i}").value == 11 for i in range(20))
    assert ir.Assign(target="G_EX_1", op="=", value=sympy.Integer(-2)) in m.update


def test_ir_json_of_a_model_without_vectors_is_unchanged() -> None:
    """issue 13 item 6: the new Model fields are left out of the canonical JSON when empty (cache keys stay)."""
    (m,) = load_models(UPSTREAM / "WhileLoop.nestml")
    assert "vectors" not in canonical_json(m) and "fixed_parameters" not in canonical_json(m)
    (v,) = load_models(UPSTREAM / "Vectors.nestml")
    assert '"vectors"' in canonical_json(v)


def test_vector_spike_port_and_convolutions() -> None:
    """issue 13 item 6: spikes[3] <- spike is three ports SPIKES_0..2; convolve(K, spikes[k]) reads element k."""
    (m,) = load_models(UPSTREAM / "iaf_psc_exp_multisynapse_vectors.nestml")
    assert [p.name for p in m.spike_ports] == ["SPIKES_0", "SPIKES_1", "SPIKES_2"]
    assert [(c.kernel, c.port) for c in m.convolutions] == [
        ("I_kernel1", "SPIKES_0"), ("I_kernel2", "SPIKES_1"), ("I_kernel3", "SPIKES_2")]


def test_for_loop_over_a_vector_is_unrolled_and_other_loops_stay_loops() -> None:
    """issue 13 item 6: VectorsResize's 'for j in 0 ... N step 1: y += x[j]' indexes x with j: unrolled (N fixed at
    1); ForLoop's loop indexes nothing: a while loop with j < N, N still a parameter."""
    (resize,) = load_models(UPSTREAM / "VectorsResize.nestml")
    assigns = [(s.target, s.op, s.value) for s in resize.update if isinstance(s, ir.Assign)]
    assert ("y", "+=", sympy.Symbol("X_0")) in assigns and assigns[-1] == ("j", "=", 1)
    assert resize.fixed_parameters == ("N",)
    (loop,) = load_models(UPSTREAM / "ForLoop.nestml")
    (w,) = [s for s in loop.update if isinstance(s, ir.While)]
    assert w.cond == (sympy.Symbol("j") < sympy.Symbol("N")) and loop.fixed_parameters == ()


def test_dynamic_index_is_refused() -> None:
    """issue 13 item 6: vectors_with_nonlin_eq indexes x_buf with the state variable buf_idx, which cannot be
    unrolled: refused at its line:col with the reason."""
    with pytest.raises(ModelError) as info:
        load_models(UPSTREAM / "vectors_with_nonlin_eq.nestml")
    err = info.value
    assert (err.code, err.span.line, err.span.column) == ("E191", 51, 9), str(err)
    assert "the index of 'x_buf[buf_idx]' is not a constant" in err.message


@pytest.mark.parametrize("body, where, message", [
    ("    state:\n        g [2] mV = 0 mV\n\n    update:\n        g[2] = 1 mV\n", (6, 9),
     "index 2 is out of range for 'g' of size 2"),
    ("    state:\n        g [2] mV = 0 mV\n        V mV = 0 mV\n\n    update:\n        V = g\n", (7, 13),
     "'g' is a vector; here one element is meant"),
    ("    state:\n        g [2] mV = 0 mV\n        j integer = 0\n\n    parameters:\n        n integer = 2\n\n"
     "    update:\n        n2 integer = n\n        for j in 0 ... n2 step 1:\n            g[j] = 1 mV\n", (11, 24),
     "is not fixed ('n2' can change while the model runs)"),
    ("    state:\n        G_0 mV = 0 mV\n        g [2] mV = 0 mV\n", (4, 9),
     "the element 'G_0' of vector 'g' has the name of 'G_0'"),
])
def test_what_cannot_be_unrolled_is_refused(tmp_path: Path, body: str, where: tuple[int, int], message: str) -> None:
    """issue 13 item 6: out-of-range index, a whole vector where an element is meant, a loop bound that can change,
    an element name that clashes: E191 at file:line:col."""
    with pytest.raises(ModelError) as info:
        load_models(_model(tmp_path, body))
    err = info.value
    assert (err.code, (err.span.line, err.span.column)) == ("E191", where), str(err)
    assert message in err.message


@pytest.mark.parametrize("command", ["ir", "spinnaker"])
def test_cli_builds_upstream_vectors_model(tmp_path: Path, command: str) -> None:
    """issue 13 items 3 and 6: SimpleVectorsModel through the CLI: the IR has the 20 elements, the spinnaker build
    20 fields; exit 0 with vectors that are really vectors."""
    args = [str(PORTASNN), "ir"] if command == "ir" else [str(PORTASNN), "build", "--target", "spinnaker", "-o",
                                                          str(tmp_path / "out")]
    env = {**os.environ, "PORTASNN_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run(args + [str(UPSTREAM / "SimpleVectorsModel.nestml")], capture_output=True, text=True,
                          timeout=600, cwd=tmp_path, env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    if command == "ir":
        assert all(f'"G_EX_{i}"' in done.stdout for i in range(20))
    else:
        update = next((tmp_path / "out").rglob("*_update.h")).read_text()
        assert "G_EX_19" in update and "G_EX_2 = " in update
