"""`portasnn compare --results A B`: several result directories after one option (issue 13 item 18)."""
from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from portasnn.cli import main
from portasnn.commands.compare import spread_results


@pytest.fixture(scope="module")
def result_dirs(tmp_path_factory):
    """Three small real NEST result directories: seeds 1 and 2, and seed 1 again."""
    from brunel_nest import run_brunel

    root = tmp_path_factory.mktemp("results")
    small = {"NE": 200, "NI": 50, "duration": 200.0, "plots": False}
    return {"a": run_brunel(root / "a", seed=1, **small), "b": run_brunel(root / "b", seed=2, **small),
            "c": run_brunel(root / "c", seed=1, **small)}


def _compare(tmp_path, name: str, *args: str) -> tuple[int, dict]:
    code = main(["compare", *args, "-o", str(tmp_path / name), "--json"])
    return code, json.loads((tmp_path / name / "metrics.json").read_text())


def test_results_after_one_option_equal_repeated_options(result_dirs, tmp_path, capsys):
    """Issue 13 item 18: `--results A B` compares A (reference) with B exactly as `--results A --results B` does
    (before: E753, B taken for the subject); also with `-r`, comma-separated seed arms and a third directory."""
    a, b, c = (str(result_dirs[k]) for k in "abc")
    for spread, repeated in ((["--results", a, b], ["--results", a, "--results", b]),
                             (["-r", f"{a},{b}", c], ["-r", f"{a},{b}", "-r", c]),
                             (["--results", a, b, c], ["-r", a, "-r", b, "-r", c]),
                             ([f"--results={a}", b], ["-r", a, "-r", b])):
        got = _compare(tmp_path, "spread", *spread)
        want = _compare(tmp_path, "repeated", *repeated)
        assert got == want
        assert "Traceback" not in capsys.readouterr().err
    code, metrics = _compare(tmp_path, "same", "--results", a, c)  # seed 1 twice: identical runs
    assert code == 0 and metrics["verdict"] == "OK"
    assert metrics["reference"] == f"nest ({result_dirs['a'].name})" and len(metrics["targets"]) == 1
    code, metrics = _compare(tmp_path, "three", "--results", a, b, c)
    assert len(metrics["targets"]) == 2


def test_a_missing_directory_after_one_option_is_a_clear_error(result_dirs, tmp_path, capsys):
    assert main(["compare", "--results", str(result_dirs["a"]), str(tmp_path / "missing"), "-o",
                 str(tmp_path / "e")]) == 2
    err = capsys.readouterr().err
    assert "missing" in err and "error E7" in err and "Traceback" not in err and "subject" not in err


words = st.text("abcdefgh_/.,0123456789", min_size=1, max_size=12).filter(
    lambda w: not w.endswith((".pnet", ".nestml")))


@given(first=words, more=st.lists(words, max_size=4), tail=st.sampled_from([[], ["-o", "out"], ["--json"],
                                                                               ["net.pnet"], ["--", "x"]]))
def test_spread_results_property(first, more, tail):
    """Every word after one --results up to an option, `--` or a subject becomes its own --results, in order."""
    spread = spread_results(["--results", first, *more, *tail])
    assert spread == ["--results", first, *[x for w in more for x in ("--results", w)], *tail]
    assert spread_results(["net.pnet", "-t", "nest,spinnaker-host", "-r", first]) == \
        ["net.pnet", "-t", "nest,spinnaker-host", "-r", first]
