"""parse_nestml: inputs it accepts, what it returns, and that NESTML's global state does not leak."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from nestml_cases import BROKEN_DIR, shipped_model, shipped_models_dir
from portasnn.errors import ModelError, PortasnnWarning, UsageError
from portasnn.frontend.nestml_parse import ParsedModel, parse_nestml

IAF = shipped_model("iaf_psc_exp_neuron")

TWO_MODELS = """\
model first_neuron:
    state:
        V_m mV = -70 mV

    equations:
        V_m' = -(V_m - E_L) / tau_m

    parameters:
        E_L mV = -70 mV
        tau_m ms = 10 ms

    update:
        integrate_odes()

model second_neuron:
    state:
        x real = 0

    update:
        x += 1
"""


def test_shipped_model_parses():
    [model] = parse_nestml(IAF)
    assert model.name == "iaf_psc_exp_neuron"
    assert model.path == IAF
    assert type(model.ast).__name__ == "ASTModel"
    assert model.ast.get_name() == "iaf_psc_exp_neuron"
    assert model == ParsedModel("iaf_psc_exp_neuron", IAF, ast=None)  # the AST takes no part in equality
    assert "ast" not in repr(model)


def test_string_path_and_list_are_accepted():
    assert [m.name for m in parse_nestml(str(IAF))] == ["iaf_psc_exp_neuron"]
    both = parse_nestml([IAF, shipped_model("iaf_psc_alpha_neuron")])
    assert [m.name for m in both] == ["iaf_psc_exp_neuron", "iaf_psc_alpha_neuron"]


def test_file_with_two_models_gives_two(tmp_path):
    path = tmp_path / "pair.nestml"
    path.write_text(TWO_MODELS, encoding="utf-8")
    models = parse_nestml(path)
    assert [m.name for m in models] == ["first_neuron", "second_neuron"]
    assert all(m.path == path for m in models)


def test_directory_gives_its_files_sorted_and_ignores_others(tmp_path):
    shutil.copy(shipped_model("iaf_psc_exp_neuron"), tmp_path / "b.nestml")
    (tmp_path / "a.nestml").write_text(TWO_MODELS, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a model", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    shutil.copy(BROKEN_DIR / "unknown_unit.nestml", tmp_path / "sub" / "c.nestml")  # not searched
    models = parse_nestml(tmp_path)
    assert [(m.name, m.path.name) for m in models] == [
        ("first_neuron", "a.nestml"), ("second_neuron", "a.nestml"), ("iaf_psc_exp_neuron", "b.nestml")]


def test_same_file_twice_in_one_process_and_no_stale_errors():
    first = parse_nestml(IAF)
    with pytest.raises(ModelError):
        parse_nestml(BROKEN_DIR / "unknown_variable.nestml")
    second = parse_nestml(IAF)  # the previous call's errors must not come back
    assert [m.name for m in first] == [m.name for m in second] == ["iaf_psc_exp_neuron"]
    assert first[0].ast is not second[0].ast


def test_same_model_name_in_two_files_is_rejected(tmp_path):
    shutil.copy(IAF, tmp_path / "one.nestml")
    shutil.copy(IAF, tmp_path / "two.nestml")
    with pytest.raises(ModelError) as info:
        parse_nestml(tmp_path)
    err = info.value
    assert err.code == "E141"
    assert err.span.file == str(tmp_path / "two.nestml")
    assert str(tmp_path / "one.nestml") in err.message


def test_listing_one_file_twice_is_not_a_duplicate():
    assert [m.name for m in parse_nestml([IAF, IAF])] == ["iaf_psc_exp_neuron"]


@pytest.mark.parametrize("make, words", [
    (lambda d: d / "missing.nestml", "no such file"),
    (lambda d: (d / "model.txt").write_text("x") and d / "model.txt", "not a NESTML file"),
    (lambda d: d, "contains no .nestml file"),
])
def test_bad_paths_are_usage_errors(tmp_path, make, words):
    with pytest.raises(UsageError) as info:
        parse_nestml(make(tmp_path))
    assert words in str(info.value)


def test_empty_list_is_a_usage_error():
    with pytest.raises(UsageError):
        parse_nestml([])


def test_file_without_model_and_non_utf8_file(tmp_path):
    empty = tmp_path / "empty.nestml"
    empty.write_text("# only a comment\n", encoding="utf-8")
    with pytest.raises(ModelError) as info:
        parse_nestml(empty)
    assert info.value.code == "E104"
    latin = tmp_path / "latin.nestml"
    latin.write_bytes(b"model m:\n    state:\n        x real = 0 # \xb5 in latin-1\n")
    with pytest.raises(ModelError) as info:
        parse_nestml(latin)
    assert info.value.code == "E105" and (info.value.span.line, info.value.span.column) == (3, 22)


def test_nestml_output_is_hidden_and_no_files_are_written(tmp_path, capfd):
    work = tmp_path / "work"
    work.mkdir()
    shutil.copy(IAF, work / "m.nestml")
    shutil.copy(BROKEN_DIR / "syntax_missing_colon.nestml", work / "bad.nestml")
    cwd = os.getcwd()
    os.chdir(work)
    try:
        parse_nestml(work / "m.nestml")
        with pytest.raises(ModelError):
            parse_nestml(work / "bad.nestml")
    finally:
        os.chdir(cwd)
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    assert sorted(p.name for p in work.iterdir()) == ["bad.nestml", "m.nestml"]  # no report/ or target/


def test_nestml_global_state_is_restored():
    from pynestml.frontend.frontend_configuration import FrontendConfiguration
    from pynestml.utils.logger import Logger, LoggingLevel

    Logger.init_logger(LoggingLevel.ERROR)
    Logger.log_message(message="before", log_level=LoggingLevel.INFO)
    log_before = dict(Logger.get_log())
    FrontendConfiguration.suffix = "_nestml"
    try:
        [model] = parse_nestml(IAF)
        assert model.name == "iaf_psc_exp_neuron"  # NESTML would append the suffix to the name
        assert Logger.get_log() == log_before
        assert Logger.logging_level == LoggingLevel.ERROR
        assert FrontendConfiguration.suffix == "_nestml"
    finally:
        FrontendConfiguration.suffix = ""


def test_implicit_unit_conversions_become_one_warning_per_kind():
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        parse_nestml(shipped_model("iaf_cond_beta_neuron"))
    ours = [w.message for w in caught if isinstance(w.message, PortasnnWarning)]
    assert [w.code for w in ours] == ["W101"]
    assert ours[0].span.file == str(shipped_model("iaf_cond_beta_neuron"))
    assert "implicit conversion from 1 / ms to real" in str(ours[0])


def test_warnings_can_be_silenced(monkeypatch):
    monkeypatch.setenv("PORTASNN_SILENCE", "W101")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        parse_nestml(shipped_model("iaf_cond_beta_neuron"))
    assert not [w for w in caught if isinstance(w.message, PortasnnWarning)]


def test_importing_the_module_does_not_import_nestml():
    code = "import sys, portasnn.frontend.nestml_parse; print('pynestml' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


@pytest.mark.slow
def test_every_model_shipped_with_nestml_parses():
    files = sorted(shipped_models_dir().glob("*.nestml"))
    assert len(files) == 30
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PortasnnWarning)
        models = parse_nestml(shipped_models_dir())
    assert [m.name for m in models] == [f.stem for f in files]
    assert [m.path for m in models] == files
