"""Coverage of the spinnaker target over the neuron models shipped with nestml.

For each ``<sys.prefix>/models/neurons/*.nestml``: lower it for SpiNNaker (exact propagators);
if it is refused only for non-linear ODEs, lower it again with ``--spinnaker-solver euler``;
pack its default parameters (every field must fit s16.15) and compile its generated C for the
spinnaker-host emulator (gcc, bit-accurate s16.15 shim). A model is "lowered", "lowered (euler)" or "refused" with the reason; any other
exception is a crash. Prints a table and writes ``benchmarks/results/spinnaker_coverage.json``.

    .venv/bin/python benchmarks/spinnaker_coverage.py
"""
from __future__ import annotations

import json
import sys
import time
import traceback
import warnings
from pathlib import Path

import numpy as np

RESULTS = Path(__file__).resolve().parent / "results" / "spinnaker_coverage.json"


def _reason(err: Exception) -> str:
    return str(err).splitlines()[0].replace(sys.prefix, "<venv>")


def check_model(path: Path) -> dict:
    from portasnn.program import load_models
    from portasnn.errors import PortasnnError
    from portasnn.targets.spinnaker.lower import Options, lower
    from portasnn.targets.spinnaker_host import runner
    from portasnn.targets.spinnaker_host.lower import host_model
    from portasnn.targets.spinnaker_host.model import PackContext

    row = {"model": path.stem, "status": "", "solver": None, "reason": "", "compiled": False, "warnings": []}
    t0 = time.perf_counter()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            (model,) = load_models(path)[:1]
            solver = None
            try:
                lower(model, Options())
            except PortasnnError as err:
                if getattr(err, "code", "") != "E302":
                    raise
                solver = "euler"
                lower(model, Options(solver=solver))
            from portasnn.targets.spinnaker.lower import range_check

            low = lower(model, Options(solver=solver))
            range_check(low, 0.1, model)
            hm = host_model(model, solver)
            # the default parameters must fit s16.15 (a host-computed field out of range is refused here)
            hm.pack({k: np.array([v]) for k, v in hm.defaults.items()}, PackContext(n=1, dt_ms=0.1, arith="fixed"))
            runner.build_library([hm], "fixed")
        row.update(status="lowered" if solver is None else "lowered (euler)", solver=solver, compiled=True)
        row["warnings"] = sorted({str(w.message).split(": warning ")[-1].split(" ")[0].rstrip(":") for w in caught
                                  if "warning W3" in str(w.message)})
    except PortasnnError as err:
        row.update(status="refused", reason=_reason(err))
    except Exception as err:  # noqa: BLE001 - a crash is what this script counts
        row.update(status="crash", reason=f"{type(err).__name__}: {err}",
                   traceback=traceback.format_exc(limit=4))
    row["seconds"] = round(time.perf_counter() - t0, 2)
    return row


def main() -> int:
    models = sorted((Path(sys.prefix) / "models" / "neurons").glob("*.nestml"))
    rows = []
    for path in models:
        row = check_model(path)
        rows.append(row)
        print(f"{row['model']:<40} {row['status']:<16} {row['reason'][:110]}", flush=True)
    counts = {k: sum(r["status"] == k for r in rows) for k in ("lowered", "lowered (euler)", "refused", "crash")}
    summary = {"models": len(rows), **counts, "lowered_total": counts["lowered"] + counts["lowered (euler)"]}
    print(json.dumps(summary))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"summary": summary, "rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
