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

# the stable code of some kinds of problem (tools and documentation refer to them)
CODES = {"syntax_missing_colon": "E101", "syntax_greek_letter": "E102", "syntax_bad_indentation": "E103",
         "unknown_variable": "E110", "unknown_unit": "E111", "unknown_function": "E112",
         "onreceive_unknown_port": "E113", "unit_mismatch_voltage_plus_current": "E120",
         "boolean_in_arithmetic": "E120", "ode_inconsistent_units": "E121",
         "emit_spike_without_output_block": "E130", "update_block_twice": "E131",
         "equations_never_integrated": "E132", "parameter_defined_twice": "E140",
         "duplicate_variable_state_and_parameter": "E140", "duplicate_model_names": "E141",
         "ode_for_variable_not_in_state": "E150", "integrate_odes_of_parameter": "E151",
         "state_without_initial_value": "E152", "assign_to_parameter": "E160", "kernel_outside_convolve": "E170",
         "spike_port_as_parameter_value": "E171", "function_wrong_argument_count": "E180",
         "builtin_function_too_few_arguments": "E180",
         # issue 13 item 4: NESTML only warns about these (and not at all in onCondition)
         "unit_mismatch_in_if": "E120", "unit_mismatch_in_elif": "E120", "unit_mismatch_in_while": "E120",
         "unit_mismatch_in_ternary": "E120", "unit_mismatch_in_oncondition": "E120"}


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
    assert err.code.startswith("E1") and len(err.code) == 4
    assert err.code == CODES.get(case.path.stem, err.code)
    assert err.hint, "every model error says what to do"
    assert "Error occurred during" not in err.message  # NESTML's internal prefixes are gone


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
