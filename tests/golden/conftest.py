"""Golden-file tests: quiet NEST, and this folder importable (golden)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("PYNEST_QUIET", "1")
sys.path.insert(0, str(Path(__file__).parent))
