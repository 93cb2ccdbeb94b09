"""Every file in broken/ is rejected with a NetworkError at the place its first line names.

Each case starts with ``# expect: CODE [FILE:]LINE:COL MESSAGE``: the error code, FILE (relative to
broken/, default the case itself), the 1-based line and column the error must point at, and a substring
of the message.
Files under broken/lib/ are helpers that cases include.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from portasnn.errors import NetworkError
from portasnn.frontend.network import load_network

BROKEN = Path(__file__).parent / "broken"
CASES = sorted(BROKEN.glob("*.pnet"))
EXPECT = re.compile(r"# expect: (?P<code>E\d{3}) (?:(?P<file>[\w./]+):)?(?P<line>\d+):(?P<col>\d+) (?P<message>.+)")
PORTASNN = Path(sys.executable).parent / "portasnn"


def expectation(case: Path) -> tuple[str, Path, int, int, str]:
    match = EXPECT.match(case.read_text().splitlines()[0])
    assert match, f"{case.name}: first line must be '# expect: CODE LINE:COL MESSAGE'"
    file = (BROKEN / match["file"]).resolve() if match["file"] else case.resolve()
    return match["code"], file, int(match["line"]), int(match["col"]), match["message"].strip()


def test_corpus_is_large_enough() -> None:
    assert len(CASES) >= 22


@pytest.mark.parametrize("case", CASES, ids=lambda p: p.stem)
def test_broken_file_is_rejected_at_its_line(case: Path) -> None:
    code, file, line, col, message = expectation(case)
    with pytest.raises(NetworkError) as info:
        load_network(case)
    err = info.value
    assert err.code == code, str(err)  # every case states its code (issue 12 item 4)
    assert err.span is not None, str(err)
    assert (Path(err.span.file).resolve(), err.span.line, err.span.column) == (file, line, col), str(err)
    assert message in err.message, str(err)


CLI_CASES = ["syntax_missing_colon", "syntax_bad_character", "unit_mismatch_add", "unknown_parameter", "unknown_model",
             "delay_below_resolution", "include_cycle", "include_missing", "missing_simulate",
             "nestml_weight_voltage_on_current", "nestml_weight_bare_number_on_current"]  # issue 13 item 5


@pytest.mark.parametrize("case", [BROKEN / f"{name}.pnet" for name in CLI_CASES], ids=lambda p: p.stem)
def test_cli_reports_file_line_col_and_exits_2(case: Path) -> None:
    code, file, line, col, _ = expectation(case)
    done = subprocess.run([str(PORTASNN), "ir", str(case)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert f"{file.name}:{line}:{col}: error {code}" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_unknown_override_is_named() -> None:
    good = Path(__file__).parent / "cases" / "small.pnet"
    with pytest.raises(NetworkError) as info:
        load_network(good, overrides={"NN": "20"})
    assert info.value.code == "E214"
    assert "'NN'" in info.value.message


def test_override_with_bad_syntax_points_into_the_override() -> None:
    good = Path(__file__).parent / "cases" / "small.pnet"
    with pytest.raises(NetworkError) as info:
        load_network(good, overrides={"N": "20 20"})
    assert info.value.span is not None and info.value.span.file == "--set N" and info.value.span.column == 4


def test_override_with_wrong_unit_is_checked_where_used() -> None:
    good = Path(__file__).parent / "cases" / "small.pnet"
    with pytest.raises(NetworkError) as info:
        load_network(good, overrides={"N": "20 ms"})
    # N is used first in small_params.pnet line 2: CE = round(0.1 * 0.8 * N)
    assert "round needs a plain number, not time (ms)" in info.value.message
    assert info.value.span is not None
    assert (Path(info.value.span.file).name, info.value.span.line) == ("small_params.pnet", 2)


def test_every_case_through_the_cli_entry_point(capsys: pytest.CaptureFixture[str]) -> None:
    """All cases through ``portasnn.cli.main`` in this process (the subprocess test above covers a few)."""
    from portasnn.cli import main

    for case in CASES:
        code, file, line, col, _ = expectation(case)
        status = main(["ir", str(case)])
        out = capsys.readouterr()
        assert status == 2, (case.name, out.err)
        assert f"{file.name}:{line}:{col}: error {code}" in out.err, (case.name, out.err)
        assert "Traceback" not in out.err + out.out
