"""Job records in a small SQLite database: ``portasnn.paths.data_dir()/jobs.sqlite``.

A record is written before any remote call that could create something, and updated after
each step, so ``status``, ``fetch`` and ``submit`` (resume) work from a new process after a
crash. No token or secret is ever stored here.

Columns: ``id`` (local job id), ``backend`` (local|unicore|nmpi), ``site``, ``tag`` (the
client-chosen tag that makes submit idempotent), ``bundle`` (path), ``digest`` (bundle sha256),
``remote`` (job URL or id at the far side, empty until known), ``phase`` (creating, created,
started, finished, fetched), ``state`` (last remote state), ``outdir`` (where results were fetched),
``info`` (JSON), ``created``/``updated`` (UNIX time).
"""
from __future__ import annotations

import json
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from portasnn import paths
from portasnn.errors import UsageError

SCHEMA = """
CREATE TABLE IF NOT EXISTS jobs (
    id TEXT PRIMARY KEY,
    backend TEXT NOT NULL,
    site TEXT NOT NULL,
    tag TEXT NOT NULL UNIQUE,
    bundle TEXT NOT NULL,
    digest TEXT NOT NULL,
    remote TEXT NOT NULL DEFAULT '',
    phase TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT '',
    outdir TEXT NOT NULL DEFAULT '',
    info TEXT NOT NULL DEFAULT '{}',
    created REAL NOT NULL,
    updated REAL NOT NULL
)
"""
TERMINAL = ("SUCCESSFUL", "FAILED", "CANCELLED")


@dataclass(frozen=True)
class JobRecord:
    id: str
    backend: str
    site: str
    tag: str
    bundle: str
    digest: str
    remote: str = ""
    phase: str = "creating"
    state: str = ""
    outdir: str = ""
    info: dict = field(default_factory=dict)
    created: float = 0.0
    updated: float = 0.0

    @property
    def target(self) -> str:
        return self.backend if self.backend == "local" else f"{self.backend}:{self.site}"

    @property
    def done(self) -> bool:
        return self.state in TERMINAL


def db_path() -> Path:
    return paths.data_dir() / "jobs.sqlite"


class JobDB:
    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else db_path()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._conn() as con:
            con.execute(SCHEMA)

    @contextmanager
    def _conn(self):
        con = sqlite3.connect(self.path, timeout=30)
        try:
            con.row_factory = sqlite3.Row
            with con:
                yield con
        finally:
            con.close()

    @staticmethod
    def _row(row) -> JobRecord:
        data = dict(row)
        data["info"] = json.loads(data["info"])
        return JobRecord(**data)

    def insert(self, rec: JobRecord) -> JobRecord:
        now = time.time()
        rec = replace(rec, created=now, updated=now)
        with self._conn() as con:
            con.execute("INSERT INTO jobs VALUES (:id,:backend,:site,:tag,:bundle,:digest,:remote,:phase,:state,"
                        ":outdir,:info,:created,:updated)", {**rec.__dict__, "info": json.dumps(rec.info)})
        return rec

    def update(self, rec: JobRecord, **changes) -> JobRecord:
        rec = replace(rec, **changes, updated=time.time())
        with self._conn() as con:
            con.execute("UPDATE jobs SET remote=:remote, phase=:phase, state=:state, outdir=:outdir, info=:info, "
                        "updated=:updated WHERE id=:id", {**rec.__dict__, "info": json.dumps(rec.info)})
        return rec

    def by_tag(self, tag: str) -> JobRecord | None:
        with self._conn() as con:
            row = con.execute("SELECT * FROM jobs WHERE tag=?", (tag,)).fetchone()
        return self._row(row) if row else None

    def get(self, job_id: str) -> JobRecord:
        with self._conn() as con:
            row = con.execute("SELECT * FROM jobs WHERE id=?", (job_id,)).fetchone()
            if row is None:  # accept a unique prefix
                rows = con.execute("SELECT * FROM jobs WHERE id LIKE ?", (job_id + "%",)).fetchall()
                if len(rows) == 1:
                    row = rows[0]
        if row is None:
            raise UsageError(f"no job '{job_id}' in the job database {self.path}",
                             hint="list known jobs with `portasnn jobs`", code="E620")
        return self._row(row)

    def all(self) -> list[JobRecord]:
        with self._conn() as con:
            rows = con.execute("SELECT * FROM jobs ORDER BY created").fetchall()
        return [self._row(r) for r in rows]

    def latest(self) -> JobRecord | None:
        rows = self.all()
        return rows[-1] if rows else None
