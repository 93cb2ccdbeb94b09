"""``setup(target="spinnaker")``: run() on a SpiNNaker-1 board through the EBRAINS Neuromorphic Platform (NMPI).

The network the script built is written as a .pnet (with its connection and parameter files), bundled for the
spinnaker target (the generated PyNN script, model classes and C) and submitted with ``portasnn.runtime`` (the
collab from ``nmpi.toml`` or ``PORTASNN_NMPI_COLLAB``, the token from the environment); run() waits for the job,
saying on stderr what it waits for, and fetches its results. The board's script writes them as a portasnn results
directory (``targets/spinnaker/board_results.py``), which get_data() reads as on the other targets.
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

from portasnn.errors import ToolError


def run_on_board(net, outdir: Path, scratch: Path, timeout_s: float) -> Path:  # noqa: ANN001 - an ir.Network
    """Run ``net`` on the board; its results directory ends up at ``outdir``."""
    from portasnn import runtime
    from portasnn.pynn.importer import write_pnet

    work = Path(tempfile.mkdtemp(prefix="board-", dir=scratch))
    (work / "network").mkdir()
    pnet = write_pnet(net, work / "network", "written by portasnn.pynn for setup(target='spinnaker')").pnet

    def say(message: str) -> None:
        print(f"portasnn.pynn: {message}", file=sys.stderr, flush=True)

    rec = runtime.submit(pnet, to="nmpi:spinnaker", target="spinnaker")
    say(f"job {rec.id} ({rec.remote}) on the Neuromorphic Platform (SpiNNaker): {rec.state}; waiting")
    rec = runtime.wait(rec, timeout_s=timeout_s, say=say)  # a ToolError naming the job if it outlives the timeout
    say(f"job {rec.id}: {rec.state}; fetching its results")
    # outside the process's scratch directory, which goes when the script ends: a job that failed leaves its
    # output (log, stdout/stderr) here, and the error names it
    job_dir = Path(tempfile.mkdtemp(prefix=f"portasnn-board-job-{rec.id}-"))
    fetched = runtime.fetch(rec, job_dir)
    if not (fetched / "meta.json").is_file():
        raise ToolError(f"job {rec.id} returned no portasnn results directory (no meta.json in {fetched}); its "
                        f"output is in {job_dir}")
    if outdir.exists():
        shutil.rmtree(outdir)
    outdir.parent.mkdir(parents=True, exist_ok=True)
    shutil.move(str(fetched), str(outdir))
    shutil.rmtree(job_dir, ignore_errors=True)
    return outdir
