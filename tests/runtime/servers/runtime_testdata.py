"""Constants shared by the runtime tests (kept out of conftest.py, which other test areas also have)."""
from __future__ import annotations

from pathlib import Path

TOKEN = "dummy-token-7f3a9c41e2b84d06"  # a made-up token; the token scans look for this string
STUB = Path(__file__).resolve().parents[1] / "stub_results.py"
