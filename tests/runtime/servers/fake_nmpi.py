"""A loopback EBRAINS Neuromorphic Platform job queue (Job Queue API v3 subset) for tests.

Shapes follow ``simqueue``: ``GET /`` (about), ``POST /jobs/`` (201 + job), ``GET /jobs/?tags=&collab=``
(list of jobs), ``GET /jobs/{id}?with_log=..`` (job with ``status``, ``output_data.files[]`` of
``{url, path, content_type, size, hash}``, ``log``), ``DELETE /jobs/{id}``; errors as
``{"detail": ...}``. It also serves the OIDC user-info endpoint (``GET /userinfo``: ``sub``,
``preferred_username``, ``roles.team``) and the output files (``GET /files/{id}/{path}``,
honouring ``Range`` with 206). ``GET /projects/?collab=&status=`` lists the collab's resource requests with
their ``quotas`` (``limit``, ``usage``, ``units``, ``platform``), refused with 403 for a collab the user cannot
edit; ``teams`` (the user's ``roles.team``) and ``add_project`` configure them per test.

Running a job: the code is written to ``run.py`` in a job directory and run as
``python run.py spinnaker-host`` (the command's ``{system}``) through the local backend's
runner: a real SpiNNaker board is not available, so the launcher runs the bundle with
portasnn on the ``spinnaker-host`` target. With ``system="spiNNaker"`` (what the real platform
substitutes) the job runs the bundle's own PyNN script on sPyNNaker's virtual board instead (``HOME``
must hold a ``.spynnaker.cfg`` with ``virtual_board = True``); ``without_portasnn=True`` hides portasnn
from the job, as on the real platform, so the launcher extracts and runs the bundle by itself. Output
files: ``results/**`` and ``results.sha256`` with paths ``job_<id>/...``.

Faults (counts): ``create_5xx``, ``create_reset`` (create, then drop the connection unanswered),
``create_timeout`` (create, then answer late), ``poll_5xx``,
``download_truncate``. The server stops by itself after ``lifetime_s``.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import sys
import tempfile
import threading
import time
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse


class FakeNmpi:
    def __init__(self, token: str, *, collab: str = "test-collab", username: str = "testuser",
                 lifetime_s: float = 180.0, system: str = "spinnaker-host", timeout_sleep_s: float = 3.0,
                 without_portasnn: bool = False) -> None:
        self.token, self.collab, self.username = token, collab, username
        self.without_portasnn = without_portasnn
        self.lifetime_s, self.system, self.timeout_sleep_s = lifetime_s, system, timeout_sleep_s
        self.root = Path(tempfile.mkdtemp(prefix="fake-nmpi-"))
        self.jobs: dict[int, dict] = {}
        # the user's collab roles (userinfo ``roles.team``) and the collabs' resource requests with their quotas
        self.teams: list[str] = [f"collab-{collab}-editor"]
        self.projects: list[dict] = []
        self.next_id = 142973
        self.faults: dict[str, int] = {}
        self.fired: dict[str, int] = {}
        self.requests: list[tuple[str, str, int]] = []
        self.lock = threading.Lock()
        self.port = 0
        self._server = None
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "FakeNmpi":
        handler = type("Handler", (_Handler,), {"q": self})
        self._server = _Server(("127.0.0.1", self.port), handler)
        self.port = self._server.server_address[1]
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        deadline = time.monotonic() + self.lifetime_s

        def watchdog() -> None:
            while time.monotonic() < deadline and self._server is not None:
                time.sleep(0.2)
            self.stop()
        threading.Thread(target=watchdog, daemon=True).start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()

    def close(self) -> None:
        self.stop()
        for t in self._threads:
            t.join(timeout=120)
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> "FakeNmpi":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    def add_project(self, collab: str, quotas: list[tuple[float, float]], *, platform: str = "SpiNNaker",
                    status: str = "accepted") -> dict:
        """A resource request of ``collab`` with quotas ``(limit, usage)`` in core-hours, as ``GET /projects/``
        lists it."""
        pid = f"{len(self.projects) + 1:08d}-0000-4000-8000-000000000000"
        project = {"collab": collab, "title": f"portasnn tests {len(self.projects) + 1}", "abstract": "loopback",
                   "description": "", "status": status, "id": pid, "owner": self.username,
                   "submission_date": "2026-01-05", "decision_date": "2026-01-06" if status == "accepted" else None,
                   "resource_uri": f"/projects/{pid}",
                   "quotas": [{"limit": limit, "platform": platform, "units": "core-hours", "usage": usage,
                               "project": f"/projects/{pid}", "resource_uri": f"/projects/{pid}/quotas/{i}"}
                              for i, (limit, usage) in enumerate(quotas, 1)]}
        self.projects.append(project)
        return project

    def can_edit(self, collab: str) -> bool:
        """simqueue's rule: an editor or administrator of the collab, or the user's private space."""
        return collab == f"private-{self.username}" or any(f"collab-{collab}-{role}" in self.teams
                                                           for role in ("editor", "administrator"))

    def fault(self, name: str) -> bool:
        with self.lock:
            if self.faults.get(name, 0) > 0:
                self.faults[name] -= 1
                self.fired[name] = self.fired.get(name, 0) + 1
                return True
        return False

    def create(self, body: dict) -> dict:
        with self.lock:
            jid = self.next_id
            self.next_id += 1
            job = {"id": jid, "status": "submitted", "collab": body["collab"], "code": body["code"],
                   "command": body.get("command", "run.py {system}"), "hardware_platform": body["hardware_platform"],
                   "hardware_config": body.get("hardware_config"), "tags": body.get("tags") or [],
                   "user_id": self.username, "resource_uri": f"/jobs/{jid}",
                   "timestamp_submission": datetime.now(timezone.utc).isoformat(), "log": ""}
            self.jobs[jid] = job
        t = threading.Thread(target=self._run, args=(jid,), daemon=True)
        self._threads.append(t)
        t.start()
        return job

    def _run(self, jid: int) -> None:
        from portasnn.runtime.backends.local import run_in_dir

        job = self.jobs[jid]
        wd = self.root / f"job_{jid}"
        wd.mkdir()
        (wd / "run.py").write_text(job["code"])
        with self.lock:
            if job["status"] != "submitted":
                return
            job["status"] = "running"
        argv = [sys.executable, *job["command"].replace("{system}", self.system).split()]
        env = {k: v for k, v in os.environ.items() if k not in ("PORTASNN_TOKEN", "CLB_AUTH")}
        if self.without_portasnn:  # a package of that name that cannot be imported, ahead of the installed one
            hidden = self.root / "no-portasnn" / "portasnn"
            hidden.mkdir(parents=True, exist_ok=True)
            (hidden / "__init__.py").write_text('raise ImportError("portasnn is not installed here")\n')
            env["PYTHONPATH"] = os.pathsep.join(p for p in (str(hidden.parent), env.get("PYTHONPATH", "")) if p)
        code = run_in_dir(wd, argv, env=env)
        files = []
        for p in sorted(wd.rglob("*")):
            rel = p.relative_to(wd).as_posix()
            if p.is_file() and (rel.startswith("results/") or rel == "results.sha256"):
                files.append({"url": f"{self.url}/files/{jid}/{rel}", "path": f"job_{jid}/{rel}",
                              "content_type": "application/octet-stream", "size": p.stat().st_size,
                              "hash": hashlib.sha1(p.read_bytes()).hexdigest()})
        log = (wd / "stdout").read_text(errors="replace") + (wd / "stderr").read_text(errors="replace")
        with self.lock:
            if job["status"] == "running":
                job.update(status="finished" if code == 0 else "error", log=log,
                           output_data={"repository": "Fake repository", "files": files},
                           timestamp_completion=datetime.now(timezone.utc).isoformat(),
                           resource_usage={"value": 0.01, "units": "core-hours"}, provenance={"platform": "fake"})


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address) -> None:
        pass


class _Handler(BaseHTTPRequestHandler):
    q: FakeNmpi
    protocol_version = "HTTP/1.0"

    def log_message(self, *args) -> None:
        pass

    def _send(self, code: int, body=None, headers: dict | None = None, ctype: str = "application/json") -> None:
        data = body if isinstance(body, bytes) else json.dumps(body).encode() if body is not None else b""
        self.send_response(code)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        self.q.requests.append((self.command, self.path, code))

    def _authorised(self) -> bool:
        if self.headers.get("Authorization") != f"Bearer {self.q.token}":
            self._send(401, {"detail": "Token may have expired"} if "userinfo" not in self.path
                       else {"error": "invalid_token"})
            return False
        return True

    def _job_view(self, job: dict, with_log: bool) -> dict:
        view = {k: v for k, v in job.items() if k != "log" or with_log}
        return view

    def do_GET(self) -> None:  # noqa: N802
        url = urlparse(self.path)
        query = parse_qs(url.query)
        parts = [p for p in url.path.split("/") if p]
        q = self.q
        if parts == []:
            return self._send(200, {"about": "This is the EBRAINS Neuromorphic Computing Job Queue API.",
                                    "version": "3", "status": "ok", "links": {"documentation": "/docs"},
                                    "authentication": {"server": "fake", "authorization_endpoint": "fake"}})
        if not self._authorised():
            return
        if parts == ["userinfo"]:
            return self._send(200, {"sub": "0000-1111", "preferred_username": q.username,
                                    "roles": {"team": list(q.teams)}})
        if parts == ["projects"]:  # simqueue: collab given -> the user must be able to edit each one
            collabs = query.get("collab", [])
            denied = [c for c in collabs if not q.can_edit(c)]
            if denied:
                return self._send(403, {"detail": f"You do not have permission to view collab {denied[0]}"})
            status = query.get("status", [None])[0]
            return self._send(200, [p for p in q.projects if (not collabs or p["collab"] in collabs)
                                    and (status is None or p["status"] == status)])
        if parts == ["jobs"]:
            tags = set(query.get("tags", []))
            collab = query.get("collab", [None])[0]
            with q.lock:
                jobs = [self._job_view(j, False) for j in q.jobs.values()
                        if tags <= set(j["tags"]) and (collab is None or j["collab"] == collab)]
            return self._send(200, jobs)
        if len(parts) == 2 and parts[0] == "jobs":
            job = q.jobs.get(int(parts[1])) if parts[1].isdigit() else None
            if job is None:
                return self._send(404, {"detail": f"Either there is no job with id {parts[1]}, or you do not have "
                                                  "access to it"})
            if q.fault("poll_5xx"):
                return self._send(503, {"detail": "service unavailable"})
            return self._send(200, self._job_view(job, query.get("with_log", ["false"])[0] == "true"))
        if len(parts) >= 3 and parts[0] == "files" and parts[1].isdigit():
            p = (q.root / f"job_{parts[1]}" / "/".join(parts[2:])).resolve()
            if q.root.resolve() not in p.parents or not p.is_file():
                return self._send(404, {"detail": "no such file"})
            data, code, headers = p.read_bytes(), 200, {}
            rng = self.headers.get("Range")
            if rng and rng.startswith("bytes="):
                start = int(rng[6:].split("-")[0] or 0)
                headers["Content-Range"] = f"bytes {start}-{len(data) - 1}/{len(data)}"
                data, code = data[start:], 206
            if len(data) > 100_000 and q.fault("download_truncate"):  # a large file, streamed in chunks
                self.send_response(code)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data[: len(data) // 2])
                self.wfile.flush()
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            return self._send(code, data, headers, ctype="application/octet-stream")
        return self._send(404, {"detail": "Not Found"})

    def do_POST(self) -> None:  # noqa: N802
        if not self._authorised():
            return
        parts = [p for p in urlparse(self.path).path.split("/") if p]
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length") or 0)) or b"{}")
        if parts == ["jobs"]:
            if body.get("collab") != self.q.collab:
                return self._send(404, {"detail": f"You do not have access to this collab ({body.get('collab')})"})
            missing = [k for k in ("code", "collab", "hardware_platform") if k not in body]
            if missing:
                return self._send(422, {"detail": [{"loc": ["body", k], "msg": "field required"} for k in missing]})
            if self.q.fault("create_5xx"):
                return self._send(500, {"detail": "internal server error"})
            job = self.q.create(body)
            if self.q.fault("create_reset"):  # created, but the answer never arrives
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if self.q.fault("create_timeout"):
                time.sleep(self.q.timeout_sleep_s)
            return self._send(201, self._job_view(job, False))
        return self._send(404, {"detail": "Not Found"})

    def do_DELETE(self) -> None:  # noqa: N802
        if not self._authorised():
            return
        parts = [p for p in urlparse(self.path).path.split("/") if p]
        if len(parts) == 2 and parts[0] == "jobs" and parts[1].isdigit() and int(parts[1]) in self.q.jobs:
            with self.q.lock:
                job = self.q.jobs[int(parts[1])]
                if job["status"] in ("submitted", "running"):
                    job["status"] = "removed"
            return self._send(200, {"detail": "job removed"})
        return self._send(404, {"detail": "Not Found"})
