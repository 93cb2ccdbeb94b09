"""portasnn.notebook without a Jupyter kernel: the IPython extension in an IPython shell, run display, config."""
from __future__ import annotations

import json
import re

import pytest

IPython = pytest.importorskip("IPython")

from portasnn import notebook  # noqa: E402

TOKEN = "dummy-token-notebook-5d1e"


@pytest.fixture
def shell():
    from IPython.core.interactiveshell import InteractiveShell

    ip = InteractiveShell.instance()
    ip.run_line_magic("load_ext", "portasnn")
    yield ip
    ip.run_line_magic("unload_ext", "portasnn")


def test_a_network_error_shows_as_its_message_with_file_line_col(shell, tmp_path, capsys):
    bad = tmp_path / "bad.pnet"
    bad.write_text("network bad\npopulation E: 10 iaf_psc_delta {\n")
    result = shell.run_cell(f"import portasnn\nportasnn.load_network({str(bad)!r})")
    out = capsys.readouterr()
    text = out.out + out.err
    assert not result.success  # the cell still counts as failed
    assert re.search(re.escape(str(bad)) + r":\d+:\d+: error E\d+", text), text
    assert "Traceback" not in text and "load_network(" not in text, text


def test_other_exceptions_keep_their_traceback(shell, capsys):
    shell.run_cell("1 / 0")
    out = capsys.readouterr()
    assert "ZeroDivisionError" in out.out + out.err and "Traceback" in out.out + out.err


def test_a_tool_error_shows_without_the_token(shell, monkeypatch, capsys):
    from portasnn.errors import ToolError

    monkeypatch.setenv("PORTASNN_TOKEN", TOKEN)
    shell.user_ns["ToolError"] = ToolError
    shell.run_cell(f"raise ToolError('site answered 401 for Bearer {TOKEN}')")
    out = capsys.readouterr()
    text = out.out + out.err
    assert "site answered 401 for Bearer ***" in text and TOKEN not in text, text


def test_run_markdown_tabulates_the_summary(tmp_path):
    (tmp_path / "meta.json").write_text(json.dumps({"network": "net", "target": "nest", "duration_ms": 500.0,
                                                    "resolution_ms": 0.1, "seed": 7}))
    (tmp_path / "summary.json").write_text(json.dumps({
        "populations": {"E": {"n_neurons": 8, "n_spikes": 40, "rate_hz": 10.0, "cv_isi": None,
                              "fano_factor": 0.5, "corr_mean": 0.012345}},
        "wall_time_s": {"simulate": 1.5}}))
    text = notebook.run_markdown(tmp_path)
    assert "**net** on `nest`: 500 ms at 0.1 ms, seed 7" in text
    assert "| E | 8 | 40 | 10 | - | 0.5 | 0.01235 |" in text
    assert "simulate 1.50 s" in text


def test_progress_and_status_outside_jupyter():
    assert not notebook.in_notebook()
    with notebook.progress(100.0, "test") as update:
        for done in range(0, 101, 25):
            update(float(done), 100.0)
    with notebook.status_line("starting") as say:
        say("halfway")


def test_remote_configuration(tmp_path, monkeypatch):
    monkeypatch.setenv("PORTASNN_CONFIG_DIR", str(tmp_path))
    for var in ("PORTASNN_TOKEN", "CLB_AUTH", "JUPYTERHUB_API_TOKEN", "PORTASNN_NMPI_COLLAB"):
        monkeypatch.delenv(var, raising=False)
    assert notebook.token_source() is None
    assert notebook.configured_site() is None and notebook.nmpi_collab() is None
    (tmp_path / "sites.toml").write_text('[noimage]\nurl = "https://a.example/rest/core"\n'
                                         '[mysite]\nurl = "https://b.example/rest/core"\nimage = "docker://x/y:1"\n')
    (tmp_path / "nmpi.toml").write_text('collab = "my-collab"\n')
    assert notebook.configured_site() == "mysite" and notebook.nmpi_collab() == "my-collab"
    monkeypatch.setenv("CLB_AUTH", TOKEN)
    assert notebook.token_source() == "CLB_AUTH"


def test_missing_names_what_is_missing():
    assert notebook.missing("portasnn.run:run") is None
    assert notebook.missing("portasnn.run:no_such_thing") == "portasnn.run has no no_such_thing"
    assert "cannot be imported" in notebook.missing("portasnn.no_such_module")
