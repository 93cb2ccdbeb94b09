"""Backends behind one interface: ``local``, ``unicore:<site>``, ``nmpi:spinnaker``.

Every backend implements ``submit(bundle) -> JobRecord``, ``status(rec) -> JobRecord``,
``fetch(rec, outdir) -> FetchReport``, ``cancel(rec) -> JobRecord``. ``submit`` is idempotent:
the job's tag is derived from the bundle's digest and the target, so submitting the same
bundle to the same target again (after a crash, a timeout or a success) finds the same job
instead of making a new one; ``rerun=True`` asks for a fresh run on purpose. A bundle is checked
in full (``check_bundle``: members, hashes) before anything is recorded or sent.
"""
from __future__ import annotations

import time
from abc import ABC, abstractmethod
from pathlib import Path
from typing import Callable

from portasnn.errors import ToolError, UsageError
from portasnn.runtime.bundle import Bundle, check_bundle
from portasnn.runtime.jobs import JobDB, JobRecord
from portasnn.runtime.retry import backoff_intervals

STATES = ("CREATING", "READY", "QUEUED", "RUNNING", "SUCCESSFUL", "FAILED", "CANCELLED")
OUTAGE_LIMIT_S = 300.0  # how long ``wait`` polls a site it cannot reach before giving up


class SiteUnreachable(ToolError):
    """The site or job queue did not answer (connection refused or reset, timeouts, 5xx), even after retries."""


class Backend(ABC):
    kind: str = ""

    def __init__(self, site: str, db: JobDB | None = None) -> None:
        self.site = site
        self.db = db or JobDB()

    def tag(self, bundle: Bundle, rerun: int = 0) -> str:
        base = f"portasnn-{bundle.digest[:20]}-{self.kind}-{self.site}"
        return base + (f"-r{rerun}" if rerun else "")

    def job_id(self, bundle: Bundle, rerun: int = 0) -> str:
        return f"{self.site}-{bundle.digest[:10]}" + (f"-r{rerun}" if rerun else "")

    def preflight(self, bundle: Bundle) -> None:
        """Refuse a bundle or a configuration that cannot work, before anything is recorded."""

    def submit(self, bundle: Bundle, *, rerun: bool = False) -> JobRecord:
        bundle = check_bundle(bundle.path)  # every member and hash, before anything is recorded or uploaded
        self.preflight(bundle)
        n = 0
        if rerun:
            while self.db.by_tag(self.tag(bundle, n)) is not None:
                n += 1
        tag = self.tag(bundle, n)
        rec = self.db.by_tag(tag)
        if rec is None:
            rec = self.db.insert(JobRecord(id=self.job_id(bundle, n), backend=self.kind, site=self.site, tag=tag,
                                           bundle=str(Path(bundle.path).resolve()), digest=bundle.digest,
                                           phase="creating", state="CREATING"))
        if rec.phase in ("creating", "created"):
            rec = self._submit(rec, bundle)
        return rec

    @abstractmethod
    def _submit(self, rec: JobRecord, bundle: Bundle) -> JobRecord:
        """Create (or find by tag), stage and start the job; update ``rec`` after every step."""

    @abstractmethod
    def status(self, rec: JobRecord) -> JobRecord: ...

    @abstractmethod
    def fetch(self, rec: JobRecord, outdir: Path): ...

    @abstractmethod
    def cancel(self, rec: JobRecord) -> JobRecord: ...

    def wait(self, rec: JobRecord, timeout_s: float = 3600.0, first_s: float = 1.0, max_s: float = 30.0, *,
             outage_limit_s: float = OUTAGE_LIMIT_S, say: Callable[[str], None] | None = None) -> JobRecord:
        """Poll with growing intervals until the job ends or ``timeout_s`` passes.

        A site that cannot be reached (``SiteUnreachable``) is polled on with backoff for up to ``outage_limit_s``
        seconds of outage: the job goes on without us. ``say`` hears when the site is lost and when it answers again.
        """
        say = say or (lambda _message: None)
        deadline = time.monotonic() + timeout_s
        delays = backoff_intervals(first_s, max_s)
        down_since: float | None = None
        retries = iter(())  # backoff during an outage, restarted with each outage
        while True:
            asked = time.monotonic()
            try:
                rec = self.status(rec)
            except SiteUnreachable as exc:
                if down_since is None:  # the outage began with this request (and its own retries)
                    down_since, retries = asked, backoff_intervals(first_s, max_s)
                down = time.monotonic() - down_since
                if down >= outage_limit_s:
                    raise SiteUnreachable(
                        f"{exc}\n  gave up waiting for job {rec.id} after {down:.0f} s without an answer (outage limit "
                        f"{outage_limit_s:.0f} s); the job itself may still run: check it with `portasnn status "
                        f"{rec.id}` and get its results with `portasnn fetch {rec.id}`") from None
                delay = min(next(retries), outage_limit_s - down)
                say(f"job {rec.id}: cannot reach {self.kind}:{self.site} ({exc}); still trying for "
                    f"{outage_limit_s - down:.0f} s, next in {delay:.1f} s")
                time.sleep(delay)
                continue
            if down_since is not None:
                say(f"job {rec.id}: {self.kind}:{self.site} answers again after {time.monotonic() - down_since:.0f} s "
                    f"of outage; the job is {rec.state}")
                down_since = None
            if rec.done:
                return rec
            delay = next(delays)
            if time.monotonic() + delay > deadline:
                raise ToolError(f"job {rec.id} still {rec.state} after {timeout_s:.0f} s; "
                                f"check later with `portasnn status {rec.id}`")
            time.sleep(delay)


def backend_for(target: str, db: JobDB | None = None, **options) -> Backend:
    """``local`` | ``unicore:<site>`` | ``nmpi:spinnaker`` -> a backend."""
    kind, _, site = target.partition(":")
    if kind == "local" and not site:
        from portasnn.runtime.backends.local import LocalBackend

        return LocalBackend(db=db, **options)
    if kind == "unicore" and site:
        from portasnn.runtime.backends.unicore import UnicoreBackend

        return UnicoreBackend(site, db=db, **options)
    if kind == "nmpi" and site.lower() == "spinnaker":
        from portasnn.runtime.backends.nmpi import NmpiBackend

        return NmpiBackend(db=db, **options)
    raise UsageError(f"unknown target '{target}'", hint="use --to local, unicore:<site> (e.g. unicore:jusuf) or "
                                                        "nmpi:spinnaker", code="E640")
