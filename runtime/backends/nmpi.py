"""NMPI backend: SpiNNaker-1 jobs through the EBRAINS Neuromorphic Platform (``nmpi`` 0.11.x).

Configuration: ``config_dir()/nmpi.toml`` with ``collab`` (required; ``PORTASNN_NMPI_COLLAB``
overrides it), ``job_service``, ``user_info_endpoint`` and ``platform`` (default ``SpiNNaker``).

The code sent is one Python file (``portasnn.runtime.launcher`` with the bundle embedded), so
no EBRAINS Drive and no ``inputs`` (which nmpi 0.11.2 cannot send). Quirks handled:
``nmpi.Client`` would write the token to ``~/.hbptoken``: its token file is pointed at
``os.devnull`` before the client is built. A rejected token would make it fall back to a password
prompt: the token is checked first with a plain request to the user-info endpoint. nmpi cannot
refresh a token: on a 401 the client is rebuilt with a fresh token where the source allows.

Idempotent submit: the job carries a tag; before every creation attempt the queue is asked for
jobs of the collab with that tag. Output files are downloaded by portasnn itself (resumable,
paths confined to the output directory, checked against ``results.sha256``); the token is only
sent to the job service's own host, never to other hosts that serve output files.
"""
from __future__ import annotations

import base64
import contextlib
import io
import os
import time
import tomllib
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from urllib.parse import urlparse

from portasnn import paths
from portasnn.errors import ToolError, UsageError
from portasnn.runtime import auth
from portasnn.runtime.backends import Backend, SiteUnreachable
from portasnn.runtime.backends._fetch import RemoteFile, download_all
from portasnn.runtime.bundle import Bundle
from portasnn.runtime.jobs import JobDB, JobRecord
from portasnn.runtime.retry import http_status, is_transient, retry

JOB_SERVICE = "https://nmpi-v3.hbpneuromorphic.eu"
USER_INFO = "https://iam.ebrains.eu/auth/realms/hbp/protocol/openid-connect/userinfo"
STATUS = {"submitted": "QUEUED", "validated": "QUEUED", "mapped": "QUEUED", "running": "RUNNING",
          "finished": "SUCCESSFUL", "error": "FAILED", "removed": "CANCELLED"}


def load_config(**overrides) -> dict:
    cfg = {"job_service": JOB_SERVICE, "user_info_endpoint": USER_INFO, "platform": "SpiNNaker", "collab": ""}
    path = paths.config_dir() / "nmpi.toml"
    if path.is_file():
        try:
            cfg.update(tomllib.loads(path.read_text()))
        except tomllib.TOMLDecodeError as exc:
            raise UsageError(f"{path}: {exc}", hint="fix the TOML syntax", code="E660") from None
    if os.environ.get("PORTASNN_NMPI_COLLAB"):
        cfg["collab"] = os.environ["PORTASNN_NMPI_COLLAB"]
    cfg.update({k: v for k, v in overrides.items() if v is not None})
    if not cfg["collab"]:
        raise UsageError("no EBRAINS collab for NMPI jobs",
                         hint=f"set collab = \"<collab id>\" in {path} or export PORTASNN_NMPI_COLLAB", code="E661")
    return cfg


def launcher_code(bundle: Bundle) -> str:
    """The single-file ``run.py`` carrying ``bundle``."""
    text = resources.files("portasnn.runtime").joinpath("launcher.py").read_text()
    data = base64.b64encode(Path(bundle.path).read_bytes()).decode()
    return text.replace('"__BUNDLE_NAME__"', repr(bundle.path.name), 1).replace('"__BUNDLE_B64__"', repr(data), 1)


class NmpiBackend(Backend):
    kind = "nmpi"

    def __init__(self, db: JobDB | None = None, token: auth.TokenSource | None = None, **overrides) -> None:
        super().__init__("spinnaker", db)
        self.cfg = load_config(**overrides)
        self.server = "{0.scheme}://{0.netloc}".format(urlparse(self.cfg["job_service"]))
        self._token = token
        self._client = None

    @property
    def token(self) -> auth.TokenSource:
        if self._token is None:
            self._token = auth.TokenSource()
        return self._token

    def _headers(self) -> dict:
        return {"Authorization": f"Bearer {self.token.token()}"}

    @contextmanager
    def _guard(self, what: str):
        try:
            yield
        except (UsageError, ToolError):
            raise
        except Exception as exc:  # noqa: BLE001
            if http_status(exc) == 401:
                raise auth.rejected(self.token) from None
            error = SiteUnreachable if is_transient(exc) else ToolError
            raise error(auth.scrub(f"NMPI: {what} failed: {exc}")) from None

    def _check_token(self) -> None:
        import requests

        def get():
            resp = requests.get(self.cfg["user_info_endpoint"], headers=self._headers(), timeout=30)
            if resp.status_code >= 500:
                resp.raise_for_status()
            return resp

        resp = retry(get)
        if resp.status_code == 401 and self.token.refreshable:
            self.token.refresh()
            resp = retry(get)
        if resp.status_code in (401, 403):
            raise auth.rejected(self.token)
        if not resp.ok:
            raise ToolError(f"NMPI: the user-info endpoint answered {resp.status_code}")

    @property
    def client(self):
        if self._client is None:
            with self._guard("connecting"):
                self._check_token()
                import nmpi
                import nmpi.nmpi_user

                nmpi.nmpi_user.TOKENFILE = os.devnull  # nmpi would otherwise store the token in ~/.hbptoken
                self._client = retry(lambda: nmpi.Client(token=self.token.token(), job_service=self.cfg["job_service"],
                                                         user_info_endpoint=self.cfg["user_info_endpoint"]))
        return self._client

    def _call(self, fn):
        def once():
            try:
                return fn()
            except Exception as exc:  # noqa: BLE001
                if http_status(exc) == 401 and self.token.refreshable:
                    self.token.refresh()
                    self._client = None
                    return fn()
                raise
        return retry(once)

    def _find(self, tag: str) -> str | None:
        import requests

        def get():
            resp = requests.get(f"{self.server}/jobs/", params={"tags": tag, "collab": self.cfg["collab"]},
                                headers=self._headers(), timeout=60)
            if not resp.ok:
                raise ToolError(f"Error {resp.status_code}: {resp.text[:200]}")
            return resp.json()

        jobs = self._call(get)
        jobs = [j for j in jobs if tag in (j.get("tags") or [])]
        return jobs[0]["resource_uri"] if jobs else None

    def preflight(self, bundle: Bundle) -> None:
        if bundle.target not in ("spinnaker", "python"):
            raise UsageError(f"NMPI runs spinnaker bundles; {bundle.path.name} is a {bundle.target} bundle",
                             hint="make one with `portasnn bundle NET.pnet --target spinnaker`", code="E662")

    def _submit(self, rec: JobRecord, bundle: Bundle) -> JobRecord:
        code = launcher_code(bundle)
        with self._guard("submitting"):
            client = self.client
            last = None
            for _ in range(6):
                found = self._find(rec.tag)
                if found:
                    break
                try:
                    with contextlib.redirect_stdout(io.StringIO()):  # nmpi prints "Job submitted"
                        found = client.submit_job(source=code, platform=self.cfg["platform"],
                                                  collab_id=self.cfg["collab"], command="run.py {system}",
                                                  tags=[rec.tag])
                    break
                except Exception as exc:  # noqa: BLE001 - transient: look up the tag again, then retry
                    if not is_transient(exc):
                        raise
                    last = exc
                    time.sleep(0.3)
            else:
                raise ToolError(auth.scrub(f"NMPI: could not create the job: {last}"))
        return self.db.update(rec, remote=str(found), phase="started", state="QUEUED")

    def _job(self, rec: JobRecord, with_log: bool = False) -> dict:
        with self._guard("polling"):
            return self._call(lambda: self.client.get_job(rec.remote, with_log=with_log))

    def status(self, rec: JobRecord) -> JobRecord:
        if rec.phase == "creating":
            from portasnn.runtime.bundle import check_bundle

            rec = self._submit(rec, check_bundle(rec.bundle))
        if rec.done:
            return rec
        job = self._job(rec)
        state = STATUS.get(job.get("status", ""), "QUEUED")
        return self.db.update(rec, state=state, phase="finished" if state in ("SUCCESSFUL", "FAILED") else rec.phase)

    def fetch(self, rec: JobRecord, outdir: Path):
        import requests

        rec = self.status(rec)
        if not rec.done:
            raise ToolError(f"job {rec.id} is {rec.state}; fetch it when it has finished")
        job = self._job(rec, with_log=True)
        outdir = Path(outdir)
        outdir.mkdir(parents=True, exist_ok=True)
        (outdir / "log.txt").write_text(auth.scrub(job.get("log") or ""))
        items = (job.get("output_data") or {}).get("files") or []
        prefix = f"job_{str(rec.remote).rstrip('/').rsplit('/', 1)[-1]}/"
        urls: dict[str, str] = {}
        files: list[RemoteFile] = []
        for item in items:
            rel = item.get("path") or urlparse(item["url"]).path.rsplit("/", 1)[-1]
            rel = rel[len(prefix):] if rel.startswith(prefix) else rel
            urls[rel.lstrip("/")] = item["url"]
            files.append(RemoteFile(rel, item.get("size")))

        @contextmanager
        def opener(rf: RemoteFile, offset: int):
            url = urls[rf.path.lstrip("/")]
            headers = {"Range": f"bytes={offset}-"} if offset else {}
            if "{0.scheme}://{0.netloc}".format(urlparse(url)) == self.server:
                headers.update(self._headers())
            with requests.get(url, headers=headers, stream=True, timeout=120) as resp:
                yield resp.status_code, resp.iter_content(64 * 1024)

        with self._guard("fetching"):
            report = download_all(files, outdir, opener, require_checksums=rec.state == "SUCCESSFUL")
        self.db.update(rec, phase="fetched" if rec.state == "SUCCESSFUL" else rec.phase, outdir=str(outdir))
        return report

    def cancel(self, rec: JobRecord) -> JobRecord:
        import requests

        rec = self.status(rec)
        if rec.done:
            return rec
        with self._guard("cancelling"):
            def delete():
                resp = requests.delete(f"{self.server}{rec.remote}", headers=self._headers(), timeout=60)
                if not resp.ok and resp.status_code != 404:
                    raise ToolError(f"Error {resp.status_code}: {resp.text[:200]}")
            self._call(delete)
        return self.db.update(rec, phase="finished", state="CANCELLED")
