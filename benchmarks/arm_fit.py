"""Which lowered nestml zoo models fit SpiNNaker-1's instruction memory (needs SpiNNaker's C sources).

For every model that ``spinnaker_coverage.py`` lowers (``results/spinnaker_coverage.json``), run
``portasnn build --target spinnaker`` with the ARM build (``SPINN_DIRS``, ``NEURAL_MODELLING_DIRS``
and arm-none-eabi-gcc as for ``arm_make_check.sh``) and record the .aplx size, or by how many bytes
the code overflows the 32 KiB ITCM. Writes ``results/arm_fit.json``.

    SPINN_DIRS=... NEURAL_MODELLING_DIRS=... SPINNAKER_SOURCES="..." .venv/bin/python benchmarks/arm_fit.py
"""
from __future__ import annotations

import json
import os
import re
import sys
import tempfile
import warnings
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def main() -> int:
    from portasnn.errors import ToolError
    from portasnn.modules import build_spinnaker
    from portasnn.targets.spinnaker import arm_toolchain

    ok, why = arm_toolchain()
    if not ok:
        print(why, file=sys.stderr)
        return 1
    coverage = json.loads((RESULTS / "spinnaker_coverage.json").read_text())["rows"]
    zoo = Path(sys.prefix) / "models" / "neurons"
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for row in coverage:
            if not row["status"].startswith("lowered"):
                continue
            name = row["model"]
            entry = {"model": name, "solver": row["solver"]}
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    build_spinnaker(zoo / f"{name}.nestml", Path(tmp) / name, solver=row["solver"])
                aplx = next((Path(tmp) / name).rglob("*.aplx"))
                entry.update(fits=True, aplx_bytes=aplx.stat().st_size)
            except ToolError as err:
                over = re.search(r"by (\d+) bytes", str(err))
                entry.update(fits=False, itcm_overflow_bytes=int(over.group(1)) if over else None,
                             error=str(err).splitlines()[0][:300])
            rows.append(entry)
            print(f"{name:<40} {'fits' if entry['fits'] else 'does not fit'} "
                  f"{entry.get('aplx_bytes', entry.get('itcm_overflow_bytes', ''))}", flush=True)
    summary = {"lowered": len(rows), "fit": sum(r["fits"] for r in rows)}
    print(json.dumps(summary))
    (RESULTS / "arm_fit.json").write_text(json.dumps(
        {"summary": summary, "sources": os.environ.get("SPINNAKER_SOURCES", ""), "rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
