"""A loopback UNICORE/X site (REST subset of UNICORE 10's ``/rest/core``) for tests.

Speaks the shapes pyunicore 2.0.2 uses: site properties, ``POST /jobs`` (201 + Location),
job properties with ``_links``, ``actions/start|abort`` (204), job tags (``GET /jobs?tags=``),
``Imports`` with inline ``Data``, the job's working-directory storage (listing keyed by full
path, stat, ranged download answering 206, upload), security sessions (an unknown
``X-UNICORE-SecuritySession`` after a restart answers 432) and Bearer authentication.

Running a job: the site runs the job's ``User precommand`` and ``Executable Arguments`` with
bash in the job directory through the local backend's runner (``run_in_dir``), with small
``srun`` and ``apptainer`` stand-ins first on ``PATH``: ``srun`` drops its options and runs
the rest; ``apptainer pull DEST SRC`` writes a placeholder SIF; ``apptainer exec [opts] IMAGE
CMD...`` checks that IMAGE exists and runs CMD on 127.0.0.1; ``python3`` is this interpreter.
So the staged job script itself runs, unchanged, minus the real srun/apptainer. With ``container="image"`` the
job's image is a SIF file built by ``make images`` and ``apptainer exec`` is ``portasnn.runtime.sif_exec``: the
command runs inside the image's root file system with Apptainer's binds and environment rules.

With ``slurm=`` (a running ``portasnn.runtime.local_slurm.LocalSlurm``) the site hands the job to that real Slurm
as a UNICORE TSI does (issue 15 item 3): the user pre-command runs on the "login node" (this process), then the
job's command goes into a batch script whose ``#SBATCH`` lines come from the job's ``Resources`` (``Nodes`` ->
``--nodes``, ``CPUsPerNode`` -> ``--ntasks-per-node``, ``Runtime`` -> ``--time``, ``Queue`` -> ``--partition``,
``Project`` -> ``--account``), submitted with ``sbatch``; the job's status follows ``scontrol show job``
(``batchSystemID`` is Slurm's job id), ``abort`` is ``scancel``. Only the ``apptainer`` stand-in and ``python3``
remain on ``PATH``: ``srun`` is Slurm's own.

What the site reports, configurable per test (issue 15 item 4, for ``portasnn doctor --site``): ``queues`` (the base
resource's ``client.queues``: ``selected``, ``availableQueues``; left out when None, as UNICORE does), ``partitions``
(``GET /factories/default`` ``resources``: partition -> {``Runtime``: ``"1-86400"``, ``Nodes``, ``CPUsPerNode``,
``Project``: [...]}, as UNICORE renders its IDB's range and value-list resources), ``budget``
(``remainingComputeTime``: project -> {``remaining``, ``units``, ``rel``}), named storages (``add_storage(id,
mount_point)``, ``add_file(id, path, data)``: ``GET /storages``, the storage's ``mountPoint``, listing and stat of its
files), ``forbidden`` (403 to every authenticated request) and ``anonymous`` (the token's role is "anonymous").

Faults (counts, consumed as they fire): ``create_5xx`` (500 before creating), ``create_timeout``
(create, then answer after the client gave up), ``upload_reset`` (close the connection halfway
through an upload), ``download_truncate`` (send half of a file, then close), ``poll_5xx``,
``factory_5xx`` (500 for the compute resource), ``requeue`` (the site kills the job's first run part-way, once a path matching ``requeue_when`` exists in
the working directory, and runs the job again in the same directory, as a Slurm requeue does).
``restart()`` stops the HTTP server and starts a new one on the same port with the same jobs
and no security sessions. The server stops by itself after ``lifetime_s``.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

SITE = "DEMO-SITE"

SRUN = """#!/bin/bash
while [ $# -gt 0 ] && [[ "$1" == -* ]]; do shift; done
exec "$@"
"""
APPTAINER = """#!/bin/bash
cmd="$1"; shift
if [ "$cmd" = pull ]; then echo "placeholder SIF for $2" > "$1"; exit 0; fi
if [ "$cmd" != exec ]; then echo "apptainer stand-in: unsupported $cmd" >&2; exit 1; fi
while [ $# -gt 0 ] && [[ "$1" == -* ]]; do
  case "$1" in --bind|-B|--env|--pwd) shift 2;; *) shift;; esac
done
image="$1"; shift
[ -f "$image" ] || { echo "apptainer stand-in: no image $image" >&2; exit 255; }
exec "$@"
"""
# with ``container="image"``: the real image, run by the stand-in for ``apptainer exec`` (portasnn.runtime.sif_exec)
APPTAINER_IMAGE = """#!/bin/bash
cmd="$1"; shift
if [ "$cmd" != exec ]; then echo "apptainer stand-in: unsupported $cmd" >&2; exit 1; fi
exec {python} -m portasnn.runtime.sif_exec "$@"
"""


class FakeUnicore:
    def __init__(self, token: str, *, lifetime_s: float = 180.0, job_delay_s: float = 0.0,
                 timeout_sleep_s: float = 3.0, slurm=None,  # noqa: ANN001 - a LocalSlurm
                 container: str = "stand-in") -> None:
        self.slurm = slurm
        self.container = container
        self.token = token
        self.timeout_sleep_s = timeout_sleep_s
        self.lifetime_s = lifetime_s
        self.job_delay_s = job_delay_s
        self.root = Path(tempfile.mkdtemp(prefix="fake-unicore-"))
        self.shims = self.root / "shims"
        self.shims.mkdir()
        apptainer = APPTAINER if container == "stand-in" else APPTAINER_IMAGE.format(python=sys.executable)
        for name, text in (("srun", SRUN), ("apptainer", apptainer), ("python3", f'#!/bin/bash\nexec {sys.executable} "$@"\n')):
            (self.shims / name).write_text(text)
            (self.shims / name).chmod(0o755)
        if slurm is not None:  # the real srun: no stand-in for it
            (self.shims / "srun").unlink()
        self.jobs: dict[str, dict] = {}
        # what the site reports (issue 15 item 4): None/{} = not reported
        self.queues: list[str] | None = None  # client.queues.availableQueues of the base resource
        self.selected_queue: str | None = None
        self.partitions: dict[str, dict] = {}  # the compute resource's ``resources``, per partition
        self.budget: dict[str, dict] = {}  # its ``remainingComputeTime``, per project
        self.storages: dict[str, str] = {}  # storage id -> mountPoint; files under root/storages/<id>
        self.forbidden = False  # answer 403 to every authenticated request
        self.anonymous = False  # take the token as anonymous (role "anonymous"), as a site that maps it to no user
        self.sessions: set[str] = set()
        self.faults: dict[str, int] = {}
        self.requeue_when = "*results*/*"
        self.killed = 0  # first runs killed part-way by ``requeue``
        self.fired: dict[str, int] = {}
        self.requests: list[tuple[str, str, int]] = []
        self.lock = threading.Lock()
        self.port = 0
        self._server: ThreadingHTTPServer | None = None
        self._threads: list[threading.Thread] = []
        self._deadline = 0.0

    # ------------------------------------------------------------ lifecycle
    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}/{SITE}/rest/core"

    def start(self) -> "FakeUnicore":
        handler = type("Handler", (_Handler,), {"site": self})
        self._server = _Server(("127.0.0.1", self.port), handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        thread.start()
        if not self._deadline:
            self._deadline = time.monotonic() + self.lifetime_s
            threading.Thread(target=self._watchdog, daemon=True).start()
        return self

    def _watchdog(self) -> None:
        while time.monotonic() < self._deadline and self._server is not None:
            time.sleep(0.2)
        self.stop()

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is not None:
            server.shutdown()
            server.server_close()

    def restart(self, down_s: float = 0.0) -> None:
        """A server restart: same port, same jobs, all security sessions forgotten."""
        self.stop()
        with self.lock:
            self.sessions.clear()
        time.sleep(down_s)
        self.start()

    def close(self) -> None:
        self.stop()
        for t in self._threads:
            t.join(timeout=60)
        shutil.rmtree(self.root, ignore_errors=True)

    def __enter__(self) -> "FakeUnicore":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()

    def add_storage(self, sid: str, mount: str) -> Path:
        """A storage the site exports (``GET /storages``), with its mount point; returns its local directory."""
        self.storages[sid] = mount
        root = self.root / "storages" / sid
        root.mkdir(parents=True, exist_ok=True)
        return root

    def add_file(self, sid: str, rel: str, data: bytes) -> None:
        """A file on storage ``sid`` at ``rel`` (relative to its mount point)."""
        target = _safe(self.root / "storages" / sid, rel)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def fault(self, name: str) -> bool:
        with self.lock:
            if self.faults.get(name, 0) > 0:
                self.faults[name] -= 1
                self.fired[name] = self.fired.get(name, 0) + 1
                return True
        return False

    # ------------------------------------------------------------ jobs
    def create_job(self, desc: dict) -> str:
        jid = uuid.uuid4().hex
        wd = self.root / "jobs" / jid
        wd.mkdir(parents=True)
        for imp in desc.get("Imports", []):
            if "Data" in imp:
                target = _safe(wd, imp["To"])
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(imp["Data"])
        with self.lock:
            self.jobs[jid] = {"desc": desc, "status": "READY", "wd": wd, "exitCode": None,
                              "tags": list(desc.get("Tags", [])), "submitted": time.strftime("%Y-%m-%dT%H:%M:%S+0000"),
                              "log": ["created"]}
        if desc.get("haveClientStageIn") != "true":
            self.start_job(jid)
        return jid

    def start_job(self, jid: str) -> None:
        with self.lock:
            job = self.jobs[jid]
            if job["status"] != "READY":
                return
            job["status"] = "QUEUED"
        t = threading.Thread(target=self._run, args=(jid,), daemon=True)
        self._threads.append(t)
        t.start()

    def _run(self, jid: str) -> None:
        from portasnn.runtime.backends.local import run_in_dir

        job = self.jobs[jid]
        desc, wd = job["desc"], job["wd"]
        time.sleep(self.job_delay_s)
        env = {k: v for k, v in os.environ.items() if k not in ("PORTASNN_TOKEN", "CLB_AUTH")}
        env["PATH"] = f"{self.shims}{os.pathsep}{env.get('PATH', '')}{os.pathsep}."
        with self.lock:
            if job["status"] != "QUEUED":
                return
            job["status"] = "RUNNING"
        code = 0
        if desc.get("User precommand"):
            code = run_in_dir(wd, ["/bin/bash", "-c", desc["User precommand"]], env=env)
        if code == 0 and self.slurm is not None:
            self._run_under_slurm(jid, env)
            return
        if code == 0:
            argv = ["/bin/bash", "-c", " ".join([desc["Executable"], *desc.get("Arguments", [])])]
            if self.fault("requeue"):
                self._interrupted_run(wd, argv, env)
                job["log"].append("requeued: the first run was killed; running the job again")
            code = run_in_dir(wd, argv, env=env)
        with self.lock:
            if job["status"] == "RUNNING":
                job["status"] = "SUCCESSFUL" if code == 0 else "FAILED"
                job["exitCode"] = str(code)

    def _run_under_slurm(self, jid: str, env: dict) -> None:
        """Submit the job's command to the local Slurm as a TSI does, and follow it until it has ended."""
        job = self.jobs[jid]
        desc, wd = job["desc"], job["wd"]
        script = wd / "UNICORE_Job_slurm.sh"
        script.write_text(tsi_script(desc, wd))
        done = subprocess.run(["sbatch", "--parsable", str(script)], capture_output=True, text=True, check=False,
                              timeout=30, cwd=wd, env=self.slurm.environ(env))
        with self.lock:
            if done.returncode != 0:
                job["status"], job["exitCode"] = "FAILED", None
                job["log"].append(f"sbatch failed: {done.stderr.strip()}")
                return
            job["batchSystemID"] = done.stdout.strip().split(";")[0]
            job["status"] = "QUEUED"
            job["log"].append(f"submitted to Slurm as job {job['batchSystemID']}")
        deadline = time.monotonic() + self.lifetime_s
        while time.monotonic() < deadline:
            info = slurm_job(self.slurm, job["batchSystemID"])
            state = info.get("JobState", "")
            with self.lock:
                if job["status"] == "FAILED":  # aborted
                    return
                if state in ("PENDING", "CONFIGURING"):
                    job["status"] = "QUEUED"
                elif state in ("RUNNING", "COMPLETING", "SUSPENDED"):
                    job["status"] = "RUNNING"
                elif state:
                    code = info.get("ExitCode", "0:0").split(":")[0]
                    job["status"] = "SUCCESSFUL" if state == "COMPLETED" and code == "0" else "FAILED"
                    job["exitCode"] = code
                    job["statusMessage"] = f"Slurm job {job['batchSystemID']}: {state} {info.get('Reason', '')}"
                    job["log"].append(job["statusMessage"])
                    return
            time.sleep(0.5)

    def _interrupted_run(self, wd: Path, argv: list[str], env: dict) -> None:
        """Start ``argv`` in ``wd`` and kill it (its whole session) once ``requeue_when`` matches (at most 60 s)."""
        with open(wd / "stdout", "ab") as out, open(wd / "stderr", "ab") as err:
            proc = subprocess.Popen(argv, cwd=wd, stdout=out, stderr=err, env=env, start_new_session=True)
            deadline = time.monotonic() + 60
            while proc.poll() is None and time.monotonic() < deadline and not any(wd.glob(self.requeue_when)):
                time.sleep(0.02)
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                self.killed += 1
            proc.wait()

    def job_props(self, jid: str) -> dict:
        job = self.jobs[jid]
        url = f"{self.base}/jobs/{jid}"
        props = {"status": job["status"], "statusMessage": job.get("statusMessage", ""),
                 "submissionTime": job["submitted"], "queue": "batch", "batchSystemID": job.get("batchSystemID", "N/A"), "log": job["log"], "name": job["desc"].get("Name", ""), "jobType": "BATCH",
                 "consumedTime": {}, "tags": job["tags"], "owner": "CN=demouser",
                 "_links": {"self": {"href": url}, "action:start": {"href": url + "/actions/start"},
                            "action:abort": {"href": url + "/actions/abort"},
                            "action:restart": {"href": url + "/actions/restart"},
                            "details": {"href": url + "/details"}, "parentTSS": {"href": self.base + "/factories/default"},
                            "workingDirectory": {"href": f"{self.base}/storages/{jid}-uspace"}}}
        if job["exitCode"] is not None:
            props["exitCode"] = job["exitCode"]
        return props


def tsi_script(desc: dict, wd: Path) -> str:
    """The batch script a UNICORE TSI writes for Slurm: ``#SBATCH`` lines from the job's resources, then the
    job's command in its working directory."""
    res = desc.get("Resources", {})
    lines = ["#!/bin/bash", f"#SBATCH --job-name={desc.get('Name') or 'UNICORE_Job'}", f"#SBATCH --chdir={wd}",
             f"#SBATCH --output={wd / 'stdout'}", f"#SBATCH --error={wd / 'stderr'}"]
    if res.get("Nodes"):
        lines.append(f"#SBATCH --nodes={res['Nodes']}")
    if res.get("CPUsPerNode"):
        lines.append(f"#SBATCH --ntasks-per-node={res['CPUsPerNode']}")
    if res.get("Runtime"):
        lines.append(f"#SBATCH --time={-(-_seconds(str(res['Runtime'])) // 60)}")
    if res.get("Queue"):
        lines.append(f"#SBATCH --partition={res['Queue']}")
    if desc.get("Project") or res.get("Project"):
        lines.append(f"#SBATCH --account={desc.get('Project') or res['Project']}")
    command = " ".join([desc["Executable"], *desc.get("Arguments", [])])
    return "\n".join([*lines, f"cd {wd}", "export PATH=$PATH:.", command, ""])


def _seconds(runtime: str) -> int:
    """UNICORE's ``Runtime``: seconds, or a number with ``s``, ``m``, ``h`` or ``d``."""
    units = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    return int(float(runtime[:-1]) * units[runtime[-1]]) if runtime[-1] in units else int(runtime)


def slurm_job(slurm, job_id: str) -> dict[str, str]:  # noqa: ANN001 - a LocalSlurm
    """``scontrol show job`` as a dict ({} when Slurm does not answer)."""
    done = slurm.run("scontrol", "show", "job", "-o", job_id)
    return dict(re.findall(r"(\w+)=(\S*)", done.stdout)) if done.returncode == 0 else {}


class _Server(ThreadingHTTPServer):
    allow_reuse_address = True

    def handle_error(self, request, client_address) -> None:  # injected resets end requests abruptly
        pass


def _safe(root: Path, rel: str) -> Path:
    p = (root / rel.lstrip("/")).resolve()
    if root.resolve() not in p.parents and p != root.resolve():
        raise PermissionError(rel)
    return p


class _Handler(BaseHTTPRequestHandler):
    site: FakeUnicore
    protocol_version = "HTTP/1.0"

    def log_message(self, *args) -> None:  # quiet
        pass

    # -------------------------------------------------------- plumbing
    def _send(self, code: int, body: bytes | dict | None = None, headers: dict | None = None,
              ctype: str = "application/json") -> None:
        data = json.dumps(body).encode() if isinstance(body, dict) else (body or b"")
        self.send_response(code)
        session = uuid.uuid4().hex
        with self.site.lock:
            self.site.sessions.add(session)
        self.send_header("X-UNICORE-SecuritySession", session)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if data or code not in (204,):
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if data:
            self.wfile.write(data)
        self.site.requests.append((self.command, self.path, code))

    def _error(self, code: int, msg: str) -> None:
        self._send(code, {"errorMessage": msg, "status": code})

    def _authorised(self) -> bool:
        session = self.headers.get("X-UNICORE-SecuritySession")
        if session is not None:
            with self.site.lock:
                known = session in self.site.sessions
            if not known:
                self._error(432, "security session unknown")
                return False
        token = self.site.token
        accepted = {token} if isinstance(token, str) else set(token)  # one token, or the set of valid ones
        if self.headers.get("Authorization") not in {f"Bearer {t}" for t in accepted}:
            self._error(401, "authentication failed")
            return False
        if self.site.forbidden:
            self._error(403, "access denied")
            return False
        return True

    def _body(self) -> bytes:
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def _route(self) -> tuple[list[str], dict]:
        url = urlparse(self.path)
        prefix = f"/{SITE}/rest/core"
        if not url.path.startswith(prefix):
            return [], {}
        parts = [p for p in url.path[len(prefix):].split("/") if p]
        return parts, parse_qs(url.query)

    # -------------------------------------------------------- verbs
    def do_GET(self) -> None:  # noqa: N802
        if not self._authorised():
            return
        parts, query = self._route()
        site = self.site
        if parts == []:
            role = "anonymous" if site.anonymous else "user"
            client = {"role": {"selected": role, "availableRoles": [role]},
                      "xlogin": {"UID": "demouser", "availableUIDs": ["demouser"], "group": "demo",
                                 "availableGroups": ["demo"]}, "dn": "CN=demouser"}
            if site.queues:  # UNICORE lists the client's queues only when there are some
                client["queues"] = {"selected": site.selected_queue or site.queues[0],
                                    "availableQueues": list(site.queues)}
            return self._send(200, {"client": client,
                                    "server": {"version": "10.1.0", "jobSubmission": {"enabled": True, "message": ""}},
                                    "_links": {"jobs": {"href": site.base + "/jobs"},
                                               "storages": {"href": site.base + "/storages"},
                                               "factories": {"href": site.base + "/factories"}}})
        if parts == ["factories"]:
            return self._send(200, {"factories": [site.base + "/factories/default"]})
        if parts == ["factories", "default"]:
            if site.fault("factory_5xx"):
                return self._error(500, "internal error while rendering the resource")
            url = site.base + "/factories/default"
            return self._send(200, {"siteName": SITE, "supportsReservation": "false",
                                    "resources": site.partitions, "applications": [], "otherInfo": {},
                                    "remainingComputeTime": site.budget, "resourceStatus": "READY",
                                    "_links": {"self": {"href": url}, "sites": {"href": site.base + "/sites"},
                                               "applications": {"href": url + "/applications"}}})
        if parts == ["storages"]:
            return self._send(200, {"storages": [f"{site.base}/storages/{sid}" for sid in site.storages]})
        if len(parts) >= 2 and parts[0] == "storages" and parts[1] in site.storages:
            root = site.root / "storages" / parts[1]
            if len(parts) == 2:
                return self._send(200, {"resourceStatus": "READY", "mountPoint": site.storages[parts[1]],
                                        "_links": {"files": {"href": f"{site.base}/storages/{parts[1]}/files"}}})
            if parts[2] == "files":
                return self._files_get(root, "/".join(parts[3:]))
        if parts == ["jobs"]:
            tags = set(",".join(query.get("tags", [])).split(",")) - {""}
            with site.lock:
                urls = [f"{site.base}/jobs/{jid}" for jid, j in site.jobs.items() if tags <= set(j["tags"])]
            return self._send(200, {"jobs": urls})
        if len(parts) == 2 and parts[0] == "jobs" and parts[1] in site.jobs:
            if site.fault("poll_5xx"):
                return self._error(503, "service unavailable")
            return self._send(200, site.job_props(parts[1]))
        if len(parts) >= 2 and parts[0] == "storages" and parts[1].endswith("-uspace"):
            jid = parts[1][: -len("-uspace")]
            if jid not in site.jobs:
                return self._error(404, "no such storage")
            wd = site.jobs[jid]["wd"]
            if len(parts) == 2:
                return self._send(200, {"resourceStatus": "READY", "mountPoint": str(wd),
                                        "_links": {"files": {"href": f"{site.base}/storages/{parts[1]}/files"}}})
            if parts[2] == "files":
                return self._files_get(wd, "/".join(parts[3:]))
        return self._error(404, f"no resource {self.path}")

    def _files_get(self, wd: Path, rel: str) -> None:
        try:
            p = _safe(wd, rel) if rel else wd
        except PermissionError:
            return self._error(403, "outside the storage")
        if not p.exists():
            return self._error(404, f"no file {rel}")
        if "application/octet-stream" not in (self.headers.get("Accept") or ""):
            if p.is_dir():
                content = {}
                for c in sorted(p.iterdir()):
                    key = "/" + c.relative_to(wd).as_posix() + ("/" if c.is_dir() else "")
                    content[key] = {"isDirectory": c.is_dir(), "size": 0 if c.is_dir() else c.stat().st_size}
                return self._send(200, {"isDirectory": True, "content": content})
            return self._send(200, {"isDirectory": False, "size": p.stat().st_size, "path": "/" + rel})
        data = p.read_bytes()
        code, headers = 200, {}
        rng = self.headers.get("Range")
        if rng and rng.startswith("bytes="):
            a, _, b = rng[6:].partition("-")
            start, end = int(a or 0), int(b) if b else len(data) - 1
            if start >= len(data) and len(data):
                return self._error(416, "range not satisfiable")
            headers["Content-Range"] = f"bytes {start}-{end}/{len(data)}"
            data, code = data[start:end + 1], 206
        if len(data) > 100_000 and self.site.fault("download_truncate"):  # a large file, streamed in chunks
            self.send_response(code)
            for k, v in headers.items():
                self.send_header(k, v)
            self.send_header("Content-Type", "application/octet-stream")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_RDWR)
            return
        self._send(code, data, headers, ctype="application/octet-stream")

    def do_POST(self) -> None:  # noqa: N802
        if not self._authorised():
            return
        parts, _ = self._route()
        site = self.site
        body = self._body()
        if parts == ["jobs"]:
            if site.fault("create_5xx"):
                return self._error(500, "internal error while creating the job")
            jid = site.create_job(json.loads(body))
            if site.fault("create_timeout"):
                time.sleep(site.timeout_sleep_s)
            return self._send(201, b"", {"Location": f"{site.base}/jobs/{jid}"})
        if len(parts) == 4 and parts[0] == "jobs" and parts[2] == "actions" and parts[1] in site.jobs:
            if parts[3] == "start":
                site.start_job(parts[1])
            elif parts[3] == "abort":
                with site.lock:
                    job = site.jobs[parts[1]]
                    if job["status"] not in ("SUCCESSFUL", "FAILED"):
                        if job.get("batchSystemID"):
                            subprocess.run(["scancel", job["batchSystemID"]], capture_output=True, check=False,
                                           timeout=30, env=site.slurm.environ())
                        job["status"] = "FAILED"
                        job["log"].append("aborted")
            return self._send(204)
        return self._error(404, f"no resource {self.path}")

    def do_PUT(self) -> None:  # noqa: N802
        if not self._authorised():
            return
        parts, _ = self._route()
        site = self.site
        if len(parts) >= 4 and parts[0] == "storages" and parts[2] == "files":
            jid = parts[1][: -len("-uspace")]
            n = int(self.headers.get("Content-Length") or 0)
            if n > 64 and site.fault("upload_reset"):
                self.rfile.read(n // 2)
                self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                self.connection.close()
                return
            data = self.rfile.read(n)
            target = _safe(site.jobs[jid]["wd"], "/".join(parts[3:]))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            return self._send(204)
        return self._error(404, f"no resource {self.path}")
