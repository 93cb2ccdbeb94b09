"""The program cache: a program loaded once is not parsed again, in any process, until an input changes."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from portasnn.cache import BuildCache
from portasnn.ir import store
from portasnn.ir.serialize import canonical_json
from portasnn.program import load_program
from portasnn.program_cache import PAYLOAD

ZOO = Path(sys.prefix) / "models" / "neurons"

CHILD = r"""
import json, sys
from portasnn.program import load_program
from portasnn.ir.serialize import canonical_json
said = []
program = load_program(sys.argv[1], progress=said.append)
print(json.dumps({"said": said, "network": canonical_json(program.network),
                  "models": [canonical_json(m) for _, m in program.models]}))
"""


def _net(tmp: Path, current: str = "300 pA") -> Path:
    (tmp / "lif.nestml").write_bytes((ZOO / "iaf_psc_exp_neuron.nestml").read_bytes())
    (tmp / "params.pnet").write_text(f"let I0 = {current}\n")
    net = tmp / "net.pnet"
    net.write_text('network cached\ninclude "params.pnet"\nmodel lif = iaf_psc_exp_neuron from "lif.nestml"\n'
                   "population E: 4 lif { I_e = I0 }\nrecord spikes of E\nsimulate 10 ms resolution 0.1 ms\n")
    return net


def _load(source, overrides=None):  # noqa: ANN001, ANN202
    said: list[str] = []
    program = load_program(source, overrides, progress=said.append)
    hit = any(m.startswith("program from the cache") for m in said)
    return program, hit, said


def _canonical(program) -> list[str]:  # noqa: ANN001
    return [canonical_json(program.network), *(canonical_json(m) for _, m in program.models)]


def test_a_new_process_loads_the_program_from_the_cache(tmp_path: Path, use_test_cache: Path) -> None:
    """issue 13 item 11: every `portasnn ir`/`run` parsed the NESTML files and ran the passes again (4.4 s)."""
    net = _net(tmp_path)
    env = {**os.environ, "PORTASNN_CACHE_DIR": str(tmp_path / "cache")}
    runs = [json.loads(subprocess.run([sys.executable, "-c", CHILD, str(net)], capture_output=True, text=True,
                                      check=True, env=env).stdout.splitlines()[-1]) for _ in range(2)]
    assert not any(m.startswith("program from the cache") for m in runs[0]["said"])
    assert any(m.startswith("program from the cache") for m in runs[1]["said"])
    assert runs[0]["network"] == runs[1]["network"] and runs[0]["models"] == runs[1]["models"]


def test_any_changed_input_misses(tmp_path: Path, use_test_cache: Path) -> None:
    """issue 13 item 11: a byte of the model file, an override or an included file changes the program."""
    net = _net(tmp_path)
    first, _, _ = _load(net)
    again, hit, _ = _load(net)
    assert hit and _canonical(again) == _canonical(first)

    model = tmp_path / "lif.nestml"
    original = model.read_text()
    assert "tau_m ms = 10 ms" in original
    model.write_text(original.replace("tau_m ms = 10 ms", "tau_m ms = 11 ms"))
    changed, hit, _ = _load(net)
    assert not hit
    assert changed.model("lif").variable("tau_m").value == 11
    model.write_text(original)
    back, _, _ = _load(net)
    assert _canonical(back) == _canonical(first)

    over, hit, _ = _load(net, {"I0": "200 pA"})
    assert not hit and dict(over.network.populations[0].params)["I_e"] == 200.0

    (tmp_path / "params.pnet").write_text("let I0 = 250 pA\n")
    included, hit, _ = _load(net)
    assert not hit and dict(included.network.populations[0].params)["I_e"] == 250.0


def test_a_damaged_entry_is_rebuilt_not_trusted(tmp_path: Path, use_test_cache: Path) -> None:
    """issue 13 item 11: a corrupted cache entry is noticed, removed and loaded again."""
    net = _net(tmp_path)
    fresh, _, _ = _load(net)
    cache = BuildCache()
    entries = [e for e in cache.ls() if e.label == "program cached" and e.meta["result"]["deps"]
               and str(net.resolve()) in e.meta["result"]["deps"]]
    assert entries
    payload = entries[-1].path / PAYLOAD
    text = payload.read_text()
    payload.write_text(text.replace("Float('10'", "Float('12'", 1) if "Float('10'" in text else text[:-7])
    again, hit, said = _load(net)
    assert not hit and any("damaged" in m for m in said)
    assert _canonical(again) == _canonical(fresh)
    third, hit, _ = _load(net)
    assert hit and _canonical(third) == _canonical(fresh)


@pytest.mark.parametrize("name", ["iaf_psc_exp_neuron", "aeif_cond_exp_neuron", "izhikevich_neuron"])
def test_the_cached_program_equals_a_fresh_one(name: str, tmp_path: Path, use_test_cache: Path) -> None:
    """issue 13 item 11: what the cache gives back is the program, exactly (canonical JSON and the exact form)."""
    model = tmp_path / f"{name}.nestml"
    model.write_bytes((ZOO / f"{name}.nestml").read_bytes())
    fresh, hit, _ = _load(model)
    assert not hit
    cached, hit, _ = _load(model)
    assert hit
    assert _canonical(cached) == _canonical(fresh)
    assert [store.dump(m) for _, m in cached.models] == [store.dump(m) for _, m in fresh.models]
    assert cached.models == fresh.models


def test_warnings_are_shown_again_on_a_hit(tmp_path: Path, use_test_cache: Path) -> None:
    """issue 13 item 11: a program from the cache says what the first load warned about."""
    src = (ZOO / "iaf_psc_exp_neuron.nestml").read_text()
    model = tmp_path / "unused.nestml"
    model.write_text(src.replace("    input:\n", "    input:\n        never_used <- spike\n", 1))
    shown = []
    for _ in range(2):
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            _, hit, _ = _load(model)
        shown.append((hit, sorted(str(w.message) for w in caught if "W" in str(w.message))))
    assert shown[0][1] and shown[1] == (True, shown[0][1])


names = st.sampled_from(["x", "I", "E", "S", "N", "beta", "lambda", "__h", "V_m'", "g__X__spikes", "a b"])
floats = st.floats(allow_nan=False, allow_infinity=False, width=64)


@settings(max_examples=60, deadline=None)
@given(a=names, b=names, x=floats, y=floats)
def test_stored_expressions_read_back_exactly(a: str, b: str, x: float, y: float) -> None:
    """issue 13 item 11: floats keep every bit and symbols keep their names (I, E, beta stay symbols)."""
    s, t = sympy.Symbol(a), sympy.Symbol(b)
    for e in [sympy.Float(x) * s + sympy.Float(y), sympy.exp(-s / (t + 1)) * sympy.Rational(3, 7),
              sympy.Piecewise((s, s > sympy.Float(x)), (t, True)), sympy.And(s < 1, t >= sympy.Float(y)),
              sympy.Max(s, t) + sympy.Abs(s) ** sympy.Float(x), sympy.E ** s * sympy.pi - sympy.oo,
              sympy.Function("random_normal")(s, sympy.Float(y)), sympy.Float(x, 30) * s]:
        back = store.expr(json.loads(json.dumps(store.expr_data(e))))
        assert back == e and sympy.srepr(back) == sympy.srepr(e)


@pytest.mark.parametrize("data", [["__import__", ["Symbol", "os"]], ["Symbol", 1], ["S", "__class__"],
                                  ["Float", 0, "1", 0, 1], ["eval", "1"], ["Atom"], "Symbol('x')", []])
def test_a_stored_expression_runs_no_code(data: object) -> None:
    """issue 13 item 11: a cache file is read without eval; anything but sympy expression classes is refused."""
    with pytest.raises((ValueError, TypeError)):
        store.expr(data)


def test_a_cache_that_cannot_be_written_costs_only_the_speed_up(tmp_path: Path) -> None:
    """issue 13 item 11: the program cache never makes a load fail."""
    net = _net(tmp_path)
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache directory would be")
    said: list[str] = []
    from portasnn.program import _from_files
    from portasnn.program_cache import load_cached

    program = load_cached([net], None, lambda: _from_files([net], None), said.append, BuildCache(blocked / "builds"))
    assert program.network is not None and any(m.startswith("program not cached") for m in said)


def test_vectors_and_a_models_own_numerics_come_back_from_the_cache(tmp_path: Path, use_test_cache: Path) -> None:
    """issue 13 items 6, 9 and 11: a vector model (its elements, vectors and receptors) and a model's own
    numerics in the network survive the cache exactly."""
    vectors = Path(__file__).parents[1] / "vectors"
    for name in ("multisyn.pnet", "multisyn_vec_neuron.nestml"):
        (tmp_path / name).write_bytes((vectors / name).read_bytes())
    net = tmp_path / "multisyn.pnet"
    text = net.read_text()
    line = next(ln for ln in text.splitlines() if ln.startswith("model "))
    net.write_text(text.replace(line, line + ", spinnaker_solver = rk2, substeps = 3"))
    fresh, hit, _ = _load(net)
    assert not hit and fresh.network.models[0].solver == "rk2" and fresh.network.models[0].substeps == 3
    assert any(m.vectors for _, m in fresh.models)
    cached, hit, _ = _load(net)
    assert hit and _canonical(cached) == _canonical(fresh)
    assert cached.network == fresh.network and cached.models == fresh.models
