"""The runtime: bundles, the job database and the local, UNICORE and NMPI backends.

Python API (the CLI commands ``bundle``, ``submit``, ``status``, ``fetch``, ``cancel``, ``jobs`` call these)::

    b = bundle("net.pnet", target="nest", outdir="bundles")       # -> Bundle (path, digest, manifest)
    rec = submit(b.path, to="unicore:jusuf")                      # -> JobRecord (id, state, ...)
    rec = status(rec.id)                                          # refreshed from the far side
    results = fetch(rec.id, "out")                                # -> Path of the verified results directory
    cancel(rec.id); jobs()
"""
from __future__ import annotations

from pathlib import Path

from portasnn import paths
from portasnn.errors import ToolError, UsageError, warn
from portasnn.runtime.bundle import Bundle, bundle_network, open_bundle
from portasnn.runtime.jobs import JobDB, JobRecord

__all__ = ["Bundle", "JobRecord", "bundle", "submit", "status", "fetch", "cancel", "jobs", "wait"]


def bundle(source: str | Path, *, target: str = "nest", outdir: str | Path | None = None,
           overrides: dict | None = None, seed: int | None = None, resources: dict | None = None,
           numerics=None) -> Bundle:  # noqa: ANN001
    """Bundle a ``.pnet`` network for ``target`` (``nest`` | ``spinnaker``); ``numerics``: ``portasnn.targets.Options``."""
    outdir = Path(outdir) if outdir else paths.cache_dir() / "bundles"
    return bundle_network(source, target=target, outdir=outdir, overrides=overrides, seed=seed, resources=resources,
                          numerics=numerics)


def _as_bundle(source: str | Path, to: str, target: str | None, overrides: dict | None, seed: int | None,
               numerics=None) -> Bundle:  # noqa: ANN001
    from portasnn.targets import Options

    p = Path(source)
    if p.suffix == ".pnet":
        default = "spinnaker" if to.startswith("nmpi") else "nest"
        return bundle(p, target=target or default, overrides=overrides, seed=seed, numerics=numerics)
    if numerics is not None and numerics != Options():
        raise UsageError(f"{source}: numerics options shape the code a network is lowered to; a bundle already "
                         "holds that code", hint="give them to `portasnn bundle`, or submit the .pnet", code="E671")
    if p.name.endswith(".tar.gz"):
        return open_bundle(p)
    raise UsageError(f"{source} is neither a bundle (.tar.gz) nor a network (.pnet)",
                     hint="make a bundle with `portasnn bundle NET.pnet`", code="E670")


def _backend(target: str, db: JobDB, options: dict | None = None):
    from portasnn.runtime.backends import backend_for

    return backend_for(target, db=db, **(options or {}))


def submit(source: str | Path, *, to: str = "local", target: str | None = None, overrides: dict | None = None,
           seed: int | None = None, rerun: bool = False, options: dict | None = None,
           db: JobDB | None = None, numerics=None) -> JobRecord:  # noqa: ANN001
    """Submit a bundle (or a ``.pnet``, bundled first). Idempotent for the same bundle and target.

    ``options`` are non-secret backend settings (UNICORE site keys such as ``nodes``; NMPI
    ``collab``, ``job_service``, ``user_info_endpoint``); they are kept in the job record so a
    later process uses the same ones. ``numerics`` (``portasnn.targets.Options``) apply when a
    ``.pnet`` is bundled here.
    """
    db = db or JobDB()
    b = _as_bundle(source, to, target, overrides, seed, numerics)
    backend = _backend(to, db, options)
    rec = backend.submit(b, rerun=rerun)
    if options and rec.info.get("options") != options:
        rec = db.update(rec, info={**rec.info, "options": options})
    return rec


def _for(job: str | JobRecord, db: JobDB):
    rec = db.get(job) if isinstance(job, str) else db.get(job.id)
    return rec, _backend(rec.target, db, rec.info.get("options"))


def status(job: str | JobRecord | None = None, *, db: JobDB | None = None) -> JobRecord | list[JobRecord]:
    """Refresh one job (or every job not yet finished) from the far side."""
    db = db or JobDB()
    if job is None:
        out = []
        for rec in db.all():
            try:
                out.append(rec if rec.done else status(rec, db=db))
            except ToolError as exc:  # one unreachable site does not hide the other jobs
                warn(f"job {rec.id}: {exc}", code="W601")
                out.append(rec)
        return out
    rec, backend = _for(job, db)
    return backend.status(rec)


def wait(job: str | JobRecord, *, timeout_s: float = 3600.0, outage_limit_s: float | None = None,
         say=None, db: JobDB | None = None) -> JobRecord:
    """Poll until the job ends; a site that cannot be reached is polled on for up to ``outage_limit_s`` (default
    ``OUTAGE_LIMIT_S``, 300 s) before giving up; ``say(message)`` hears about outages."""
    from portasnn.runtime.backends import OUTAGE_LIMIT_S

    db = db or JobDB()
    rec, backend = _for(job, db)
    return backend.wait(rec, timeout_s=timeout_s, outage_limit_s=OUTAGE_LIMIT_S if outage_limit_s is None
                        else outage_limit_s, say=say)


def fetch(job: str | JobRecord, outdir: str | Path | None = None, *, db: JobDB | None = None) -> Path:
    """Download a finished job's results (resuming, verifying every checksum); return the results directory."""
    db = db or JobDB()
    rec, backend = _for(job, db)
    out = Path(outdir) if outdir else Path.cwd() / rec.id
    backend.fetch(rec, out)
    rec = db.get(rec.id)
    if rec.state != "SUCCESSFUL":
        code = rec.info.get("exit_code")
        raise ToolError(f"job {rec.id} ended {rec.state}" + (f" (exit code {code})" if code is not None else "")
                        + f"; its stdout/stderr (or log) are in {out}")
    _summarize(out / "results")
    return out / "results"


def _summarize(results: Path) -> None:
    """summary.json and the plots of a results directory written where portasnn was not installed (a board's
    script writes the directory with numpy alone)."""
    from portasnn.results import draw_plots, plots_wanted, read_results, write_summary

    if (results / "meta.json").is_file() and not (results / "summary.json").is_file():
        read = read_results(results)
        write_summary(read)
        if plots_wanted():
            draw_plots(read)


def cancel(job: str | JobRecord, *, db: JobDB | None = None) -> JobRecord:
    db = db or JobDB()
    rec, backend = _for(job, db)
    return backend.cancel(rec)


def jobs(*, db: JobDB | None = None) -> list[JobRecord]:
    return (db or JobDB()).all()
