"""Every broken NESTML file gives one ModelError pointing where a reader would look."""
from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nestml_cases import BROKEN_DIR, corpus, shipped_model
from portasnn.errors import ModelError
from portasnn.frontend.nestml_parse import parse_nestml

CASES = corpus()

def test_corpus_is_large_enough():
    assert len(CASES) >= 24


@pytest.mark.parametrize("case", CASES, ids=[c.path.stem for c in CASES])
def test_broken_file_is_rejected_at_the_expected_place(case):
    with pytest.raises(ModelError) as info:
        parse_nestml(case.path)
    err = info.value
    assert err.span is not None
    assert err.span.file == str(case.path)
    assert (err.span.line, err.span.column) == (case.line, case.column), str(err)
    assert case.substring in err.message, str(err)
    assert str(err).startswith(f"{case.path}:{case.line}:{case.column}:")
    assert err.code == case.code, str(err)  # every case states its code on its first line
    assert err.hint, "every model error says what to do"
    assert "Error occurred during" not in err.message  # NESTML's internal prefixes are gone
    assert " object at 0x" not in str(err)  # no Python repr (issue 12 item 4)


def test_every_case_states_a_registered_code():
    """issue 12 item 4: the corpus names its codes, and each is an error of the NESTML stage (E0xx/E1xx)."""
    from portasnn.codes import CODES

    for case in CASES:
        assert case.code in CODES and case.code[1] in "01", case.path.name


def test_several_problems_are_all_listed_and_the_span_is_the_first(tmp_path):
    text = (BROKEN_DIR / "unit_mismatch_assign_time_to_voltage.nestml").read_text(encoding="utf-8")
    text = text.replace("refr_t ms = 0 ms", "refr_t ms = 0 mV")  # a second, independent mistake at 5:21
    path = tmp_path / "two_mistakes.nestml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ModelError) as info:
        parse_nestml(path)
    err = info.value
    assert (err.span.line, err.span.column) == (5, 21)
    assert "expected ms, got mV" in err.message
    assert f"{path}:36:15: unit/type mismatch: expected mV, got ms" in err.message


def test_a_broken_file_among_good_ones_is_named(tmp_path):
    import shutil

    shutil.copy(shipped_model("iaf_psc_exp_neuron"), tmp_path / "a.nestml")
    shutil.copy(BROKEN_DIR / "unknown_unit.nestml", tmp_path / "b.nestml")
    with pytest.raises(ModelError) as info:
        parse_nestml(tmp_path)
    assert info.value.span.file == str(tmp_path / "b.nestml")


def _equation_uses() -> tuple[str, list[tuple[int, int, str]]]:
    """iaf_psc_exp's text and every (line, 1-based column, name) where its ODEs read a parameter."""
    text = shipped_model("iaf_psc_exp_neuron").read_text(encoding="utf-8")
    lines = text.splitlines()
    start = lines.index("    equations:")
    end = lines.index("    parameters:")
    names = ("tau_syn_exc", "tau_syn_inh", "tau_m", "E_L", "I_e", "C_m")
    uses = []
    for number in range(start + 1, end):
        code = lines[number].split("#", 1)[0]
        for m in re.finditer(r"\b(" + "|".join(names) + r")\b", code):
            uses.append((number + 1, m.start() + 1, m.group(1)))
    return text, uses


TEXT, USES = _equation_uses()


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(use=st.sampled_from(USES), suffix=st.from_regex(r"[a-z][a-z0-9]{0,8}", fullmatch=True))
def test_any_misspelled_name_in_an_equation_is_found_where_it_is(tmp_path, use, suffix):
    """Rename one use of a parameter in iaf_psc_exp's ODEs: the error points at exactly that place."""
    line, column, name = use
    wrong = f"undeclared_{suffix}"
    lines = TEXT.splitlines(keepends=True)
    source = lines[line - 1]
    lines[line - 1] = source[:column - 1] + wrong + source[column - 1 + len(name):]
    path = tmp_path / "misspelled.nestml"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(ModelError) as info:
        parse_nestml(path)
    err = info.value
    assert (err.code, err.construct) == ("E110", wrong)
    assert (err.span.file, err.span.line, err.span.column) == (str(path), line, column)


@pytest.mark.parametrize("where", ["if", "elif", "while", "ternary", "oncondition"])
def test_unit_mismatch_in_a_condition_is_an_error(where):
    """issue 13 item 4: a comparison of a voltage with a current (or a time, a capacitance) in a condition was
    accepted, because NESTML 9 only warns (and says nothing in onCondition)."""
    case = next(c for c in CASES if c.path.stem == f"unit_mismatch_in_{where}")
    with pytest.raises(ModelError) as info:
        parse_nestml(case.path)
    assert (info.value.code, info.value.span.line, info.value.span.column) == ("E120", case.line, case.column)


def test_a_unit_compared_with_a_plain_number_or_a_convertible_unit_is_accepted(tmp_path):
    """issue 13 item 4: only different dimensions are refused; mV against V is converted, a plain number warns."""
    text = (BROKEN_DIR / "unit_mismatch_in_if.nestml").read_text(encoding="utf-8").splitlines()[1:]
    path = tmp_path / "fine.nestml"
    path.write_text("\n".join(text).replace("if V_m > I_e:", "if V_m > 0.01 V or V_m > 0:") + "\n", encoding="utf-8")
    with pytest.warns(UserWarning):
        assert [m.name for m in parse_nestml(path)] == ["unit_mismatch_in_if_neuron"]
