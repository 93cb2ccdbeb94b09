"""Test inputs: the broken-model corpus (each file's first line says which error code it must give and where
it must point) and the models shipped with nestml."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

BROKEN_DIR = Path(__file__).parent / "broken"
_EXPECT = re.compile(r"#\s*expect:\s*(E\d{3})\s+(\d+):(\d+)\s+(.+)")


@dataclass(frozen=True)
class Expectation:
    path: Path
    code: str
    line: int
    column: int
    substring: str


def corpus() -> list[Expectation]:
    """Every broken file with the code, location and message text its first line expects."""
    cases = []
    for path in sorted(BROKEN_DIR.glob("*.nestml")):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        m = _EXPECT.fullmatch(first.strip())
        if m is None:
            raise ValueError(f"{path}: first line must be '# expect: CODE LINE:COL substring'")
        cases.append(Expectation(path, m[1], int(m[2]), int(m[3]), m[4].strip()))
    return cases


def shipped_models_dir() -> Path:
    """Where the nestml wheel installs its neuron models (data files under the environment prefix)."""
    import sys

    return Path(sys.prefix) / "models" / "neurons"


def shipped_model(name: str) -> Path:
    return shipped_models_dir() / f"{name}.nestml"
