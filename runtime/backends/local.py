"""The local backend: runs a bundle in a detached subprocess exactly as a compute node would.

Job directory ``data_dir()/local/<job id>/`` holds a copy of the bundle; a runner process
(``python -m portasnn.runtime.backends.local JOBDIR -- CMD...``, in its own session) runs
``python -m portasnn.runtime.entry <bundle>`` there with ``stdout``/``stderr`` files and writes
``exit_code`` when it ends. Status and fetch read those files, so they work from any process.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from portasnn import paths
from portasnn.errors import ToolError
from portasnn.runtime.backends import Backend
from portasnn.runtime.backends._fetch import CHECKSUMS, FetchReport, verify_local
from portasnn.runtime.bundle import Bundle, open_bundle
from portasnn.runtime.jobs import JobDB, JobRecord


def run_in_dir(jobdir: Path, argv: list[str], env: dict | None = None) -> int:
    """Run ``argv`` in ``jobdir`` with ``stdout``/``stderr`` files; write ``exit_code``; return it."""
    jobdir = Path(jobdir)
    with open(jobdir / "stdout", "ab") as out, open(jobdir / "stderr", "ab") as err:
        try:
            code = subprocess.run(argv, cwd=jobdir, stdout=out, stderr=err, env={**os.environ, **(env or {})},
                                  check=False).returncode
        except OSError as exc:
            err.write(f"cannot run {argv[0]}: {exc}\n".encode())
            code = 127
    tmp = jobdir / "exit_code.tmp"
    tmp.write_text(f"{code}\n")
    os.replace(tmp, jobdir / "exit_code")
    return code


def entry_command(bundle_name: str, python: str = sys.executable) -> list[str]:
    return [python, "-m", "portasnn.runtime.entry", bundle_name, "--outdir", "results"]


class LocalBackend(Backend):
    kind = "local"

    def __init__(self, db: JobDB | None = None, root: Path | None = None) -> None:
        super().__init__("local", db)
        self.root = Path(root) if root else paths.data_dir() / "local"

    def jobdir(self, rec: JobRecord) -> Path:
        return self.root / rec.id

    def _submit(self, rec: JobRecord, bundle: Bundle) -> JobRecord:
        jobdir = self.jobdir(rec)
        if rec.phase == "created" and (jobdir / "runner.pid").exists():
            return self.db.update(rec, phase="started", state="RUNNING")
        jobdir.mkdir(parents=True, exist_ok=True)
        staged = jobdir / bundle.path.name
        if not staged.exists():
            shutil.copyfile(bundle.path, staged.with_suffix(".part"))
            os.replace(staged.with_suffix(".part"), staged)
        open_bundle(staged)  # the copy is intact
        rec = self.db.update(rec, remote=str(jobdir), phase="created", state="READY")
        proc = subprocess.Popen([sys.executable, "-m", "portasnn.runtime.backends.local", str(jobdir), "--",
                                 *entry_command(staged.name)], cwd=jobdir, start_new_session=True,
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        (jobdir / "runner.pid").write_text(f"{proc.pid}\n")
        return self.db.update(rec, phase="started", state="RUNNING", info={**rec.info, "pid": proc.pid})

    def status(self, rec: JobRecord) -> JobRecord:
        if rec.done:
            return rec
        jobdir = self.jobdir(rec)
        code_file = jobdir / "exit_code"
        if code_file.is_file():
            code = int(code_file.read_text().strip() or 1)
            return self.db.update(rec, phase="finished", state="SUCCESSFUL" if code == 0 else "FAILED",
                                  info={**rec.info, "exit_code": code})
        pid = rec.info.get("pid")
        if pid and _alive(pid):
            return rec if rec.state == "RUNNING" else self.db.update(rec, state="RUNNING")
        if pid:
            return self.db.update(rec, phase="finished", state="FAILED", info={**rec.info, "lost": True})
        return rec

    def fetch(self, rec: JobRecord, outdir: Path) -> FetchReport:
        rec = self.status(rec)
        if not rec.done:
            raise ToolError(f"job {rec.id} is {rec.state}; fetch it when it has finished")
        jobdir, outdir = self.jobdir(rec), Path(outdir)
        outdir.mkdir(parents=True, exist_ok=True)
        report = FetchReport(outdir=outdir)
        for name in ("stdout", "stderr", CHECKSUMS):
            if (jobdir / name).is_file():
                shutil.copyfile(jobdir / name, outdir / name)
                report.files.append(name)
        if (jobdir / "results").is_dir():
            shutil.copytree(jobdir / "results", outdir / "results", dirs_exist_ok=True)
            report.files += [p.relative_to(outdir).as_posix() for p in (outdir / "results").rglob("*") if p.is_file()]
        if (outdir / CHECKSUMS).is_file():
            report.verified = verify_local(outdir)
        elif rec.state == "SUCCESSFUL":
            raise ToolError(f"job {rec.id} left no {CHECKSUMS}")
        self.db.update(rec, phase="fetched" if rec.state == "SUCCESSFUL" else rec.phase, outdir=str(outdir))
        return report

    def cancel(self, rec: JobRecord) -> JobRecord:
        rec = self.status(rec)
        if rec.done:
            return rec
        pid = rec.info.get("pid")
        if pid and _alive(pid):
            try:
                os.killpg(pid, signal.SIGTERM)  # the runner leads its own session
            except ProcessLookupError:
                pass
        return self.db.update(rec, phase="finished", state="CANCELLED")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a finished child of ours that nobody waited for is a zombie: not alive
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] != "Z"
    except OSError:
        return True


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if len(argv) < 3 or argv[1] != "--":
        print("usage: python -m portasnn.runtime.backends.local JOBDIR -- CMD...", file=sys.stderr)
        return 2
    return run_in_dir(Path(argv[0]), argv[2:])


if __name__ == "__main__":
    sys.exit(main())
