"""UNICORE backend through pyunicore 2.x (``Client``, ``Transport``, ``OIDCToken``, ``Job``, ``Storage``).

The job: ``Executable`` ``/bin/bash`` with ``Arguments`` ``["portasnn-job.sh"]`` (UNICORE writes the
executable unescaped into its job script, so it stays a plain word); the two small scripts are
staged inline through ``Imports`` ``Data``, the bundle by client stage-in (``haveClientStageIn``).
``portasnn-pull.sh`` runs as the user pre-command on the login node and pulls the image
(``docker://`` / ``oras://``) into a SIF cache once; ``portasnn-job.sh`` runs
``srun --mpi=pmix apptainer exec <sif> python3 -m portasnn.runtime.entry <bundle>``.

Reliability: the job carries a client-chosen tag (``Tags``); every creation attempt first asks the
site for jobs with that tag, so a retried or repeated submit never makes a duplicate. The job URL
goes into the job database before anything is uploaded or started; a later ``submit`` or
``status`` starts a job left READY by a client that died. Safe requests (GET, PUT of a file,
start of a READY job) are retried with backoff on 5xx and connection errors; a server restart
(HTTP 432 for the old security session) is handled by pyunicore's transport.
"""
from __future__ import annotations

import re
import shlex
import tomllib
from contextlib import contextmanager
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from portasnn import paths
from portasnn.errors import ToolError, UsageError
from portasnn.runtime import auth
from portasnn.runtime.backends import Backend, SiteUnreachable
from portasnn.runtime.backends._fetch import CHECKSUMS, RemoteFile, download_all
from portasnn.runtime.bundle import Bundle, check_bundle
from portasnn.runtime.jobs import JobDB, JobRecord
from portasnn.runtime.retry import http_status, is_transient, retry

STATUS = {"UNDEFINED": "QUEUED", "READY": "READY", "STAGINGIN": "QUEUED", "QUEUED": "QUEUED", "RUNNING": "RUNNING",
          "STAGINGOUT": "RUNNING", "SUCCESSFUL": "SUCCESSFUL", "FAILED": "FAILED"}
JOB_SCRIPT = "portasnn-job.sh"
PULL_SCRIPT = "portasnn-pull.sh"


@dataclass(frozen=True)
class Site:
    name: str
    url: str
    image: str = ""
    project: str = ""
    queue: str = ""
    nodes: int = 1
    tasks_per_node: int = 1
    cpus_per_task: int = 1
    runtime: str = "30m"
    srun_mpi: str = "pmix"
    python: str = "python3"
    verify_tls: bool = True
    timeout: float = 120.0
    sif_cache: str = "$HOME/.cache/portasnn/sif"


def load_sites() -> dict[str, dict]:
    """Built-in sites merged with ``config_dir()/sites.toml`` (user keys win)."""
    sites = tomllib.loads(resources.files("portasnn.runtime").joinpath("sites.toml").read_text())
    user = paths.config_dir() / "sites.toml"
    if user.is_file():
        try:
            extra = tomllib.loads(user.read_text())
        except tomllib.TOMLDecodeError as exc:
            raise UsageError(f"{user}: {exc}", hint="fix the TOML syntax", code="E650") from None
        for name, values in extra.items():
            sites.setdefault(name.lower(), {}).update(values)
    return {k.lower(): v for k, v in sites.items()}


def get_site(name: str, **overrides) -> Site:
    sites = load_sites()
    if name.lower() not in sites:
        raise UsageError(f"unknown UNICORE site '{name}'", hint=f"known sites: {', '.join(sorted(sites))}; add one "
                         f"to {paths.config_dir() / 'sites.toml'}", code="E651")
    values = {**sites[name.lower()], **{k: v for k, v in overrides.items() if v is not None}}
    known = set(Site.__dataclass_fields__)
    bad = sorted(set(values) - known)
    if bad:
        raise UsageError(f"site '{name}': unknown keys {', '.join(bad)}", hint=f"known keys: {', '.join(sorted(known))}",
                         code="E652")
    if not values.get("url"):
        raise UsageError(f"site '{name}' has no url", code="E652")
    return Site(name=name.lower(), **values)


def job_script(site: Site, bundle_name: str) -> str:
    image = f'"{_sif_path(site)}"'  # double quotes: $HOME in the SIF cache path expands
    threads = site.cpus_per_task
    return f"""#!/bin/bash
# portasnn job: run a bundle under srun in the container image, one container per MPI rank.
set -euo pipefail
export PMIX_MCA_gds=^ds12
export OMPI_MCA_btl_vader_single_copy_mechanism=none
export OMP_NUM_THREADS={threads}
srun --mpi={site.srun_mpi} --ntasks-per-node={site.tasks_per_node} --cpus-per-task={threads} --kill-on-bad-exit=1 apptainer exec --bind "$PWD" {image} {site.python} -m portasnn.runtime.entry {shlex.quote(bundle_name)} --outdir results
"""


def _sif_path(site: Site) -> str:
    if site.image.startswith(("docker://", "oras://")):
        name = re.sub(r"[^A-Za-z0-9._-]", "_", site.image.split("://", 1)[1])
        return f"{site.sif_cache}/{name}.sif"
    return site.image


def pull_script(site: Site) -> str:
    sif = _sif_path(site)
    if not site.image.startswith(("docker://", "oras://")):
        return f'#!/bin/bash\n# the image is a SIF file on the site\ntest -f "{sif}" || {{ echo "no image {sif}" >&2; exit 1; }}\n'
    return f"""#!/bin/bash
# portasnn: pull the container image once (on the login node), into a SIF cache.
set -euo pipefail
SIF="{sif}"
if [ ! -f "$SIF" ]; then
  mkdir -p "$(dirname "$SIF")"
  apptainer pull "$SIF.tmp.$$" {shlex.quote(site.image)}
  mv -f "$SIF.tmp.$$" "$SIF"
fi
"""


def job_description(site: Site, bundle: Bundle, tag: str) -> dict:
    resources_ = {"Nodes": site.nodes, "CPUsPerNode": site.tasks_per_node * site.cpus_per_task,
                  "Runtime": site.runtime}
    if site.queue:
        resources_["Queue"] = site.queue
    if site.project:
        resources_["Project"] = site.project
    desc = {
        "Name": f"portasnn-{bundle.digest[:12]}",
        "Executable": "/bin/bash",
        "Arguments": [JOB_SCRIPT],
        "Resources": resources_,
        "Tags": [tag],
        "Imports": [{"To": JOB_SCRIPT, "Data": job_script(site, bundle.path.name)},
                    {"To": PULL_SCRIPT, "Data": pull_script(site)}],
        "User precommand": f"/bin/bash {PULL_SCRIPT}",
        "RunUserPrecommandOnLoginNode": True,
        "haveClientStageIn": "true",
    }
    if site.project:
        desc["Project"] = site.project
    return desc


class UnicoreBackend(Backend):
    kind = "unicore"

    def __init__(self, site: str, db: JobDB | None = None, token: auth.TokenSource | None = None, **overrides) -> None:
        super().__init__(site.lower(), db)
        self.cfg = get_site(site, **overrides)
        self._token = token
        self._transport = None
        self._client = None

    # -- connection
    @property
    def token(self) -> auth.TokenSource:
        if self._token is None:
            self._token = auth.TokenSource()
        return self._token

    @contextmanager
    def _guard(self, what: str):
        """Turn library errors into portasnn errors with the token scrubbed out."""
        try:
            yield
        except (UsageError, ToolError):
            raise
        except Exception as exc:  # noqa: BLE001 - every library error leaves as a ToolError
            if http_status(exc) == 401:
                raise auth.rejected(self.token) from None
            error = SiteUnreachable if is_transient(exc) else ToolError
            raise error(auth.scrub(f"UNICORE site {self.site}: {what} failed: {exc}")) from None

    def _call(self, fn):
        """A safe request: retried on transient errors; a 401 refreshes the token once where possible."""
        def once():
            try:
                return fn()
            except Exception as exc:  # noqa: BLE001
                if http_status(exc) == 401 and self.token.refreshable:
                    self.token.refresh()
                    return fn()
                raise
        return retry(once)

    @property
    def client(self):
        if self._client is None:
            from pyunicore.client import Client, Transport

            self._transport = Transport(auth.unicore_credential(self.token), verify=self.cfg.verify_tls,
                                        timeout=self.cfg.timeout)
            with self._guard("connecting"):
                self._client = self._call(lambda: Client(self._transport, self.cfg.url))
        return self._client

    def _job(self, url: str):
        from pyunicore.client import Job

        job = Job(self.client.transport, url, cache_time=0)
        return job

    # -- submit
    def preflight(self, bundle: Bundle) -> None:
        if not self.cfg.image:
            raise UsageError(f"site '{self.site}' has no container image",
                             hint="build containers/nest-pmix.def and set image = \"docker://...\", \"oras://...\" "
                                  f"or a .sif path for [{self.site}] in {paths.config_dir() / 'sites.toml'}",
                             code="E653")

    def _submit(self, rec: JobRecord, bundle: Bundle) -> JobRecord:
        with self._guard("submitting"):
            if rec.phase == "creating":
                url = self._create(rec, bundle)
                rec = self.db.update(rec, remote=url, phase="created", state="READY")
            job = self._job(rec.remote)
            status = self._call(lambda: job.properties["status"])
            if status == "READY":
                self._call(lambda: job.working_dir.upload(str(bundle.path), destination=bundle.path.name))

                def start():
                    if self._job(rec.remote).properties["status"] == "READY":
                        job.start()
                self._call(start)
            return self.db.update(rec, phase="started", state=STATUS.get(status, "QUEUED") if status != "READY"
                                  else "QUEUED")

    def _create(self, rec: JobRecord, bundle: Bundle) -> str:
        """Find the job by its tag or create it; a failed creation is followed by a new lookup, never a blind retry."""
        client = self.client
        desc = job_description(self.cfg, bundle, rec.tag)
        last: Exception | None = None
        for _ in range(6):
            found = self._call(lambda: client.get_jobs(tags=[rec.tag]))
            if found:
                return found[0].resource_url
            try:
                resp = client.transport.post(url=client.links["jobs"], json=dict(desc))
                return resp.headers["Location"]
            except Exception as exc:  # noqa: BLE001 - transient ones lead to a lookup and another try
                if not is_transient(exc):
                    raise
                last = exc
                import time

                time.sleep(0.3)
        raise ToolError(auth.scrub(f"UNICORE site {self.site}: could not create the job: {last}"))

    # -- status / fetch / cancel
    def status(self, rec: JobRecord) -> JobRecord:
        if rec.phase in ("creating", "created"):
            rec = self._submit(rec, check_bundle(rec.bundle))
        if rec.done:
            return rec
        with self._guard("polling"):
            props = self._call(lambda: self._job(rec.remote).properties)
        state = STATUS.get(props.get("status", ""), "QUEUED")
        code = props.get("exitCode")
        if state == "SUCCESSFUL" and code not in (None, "", "0", 0):
            state = "FAILED"
        info = {**rec.info, "exit_code": int(code) if str(code or "").lstrip("-").isdigit() else None,
                "status_message": props.get("statusMessage", "")}
        return self.db.update(rec, state=state, phase="finished" if state in ("SUCCESSFUL", "FAILED") else rec.phase,
                              info=info)

    def _listing(self, storage) -> list[RemoteFile]:
        out: list[RemoteFile] = []

        def walk(path: str) -> None:
            content = self._call(lambda: storage.contents(path))["content"]
            for name, meta in content.items():
                rel = name.strip("/")
                if meta.get("isDirectory"):
                    walk("/" + rel)
                elif rel in ("stdout", "stderr", CHECKSUMS) or rel.startswith("results/"):
                    out.append(RemoteFile(rel, int(meta["size"]) if meta.get("size") is not None else None))

        walk("/")
        return out

    def fetch(self, rec: JobRecord, outdir: Path):
        rec = self.status(rec)
        if not rec.done:
            raise ToolError(f"job {rec.id} is {rec.state}; fetch it when it has finished")
        from pyunicore.client import PathFile, Storage

        with self._guard("fetching"):
            job = self._job(rec.remote)
            wd_url = self._call(lambda: job.links["workingDirectory"])
            storage = Storage(self.client.transport, wd_url, cache_time=0)
            files = self._listing(storage)

            @contextmanager
            def opener(rf: RemoteFile, offset: int):
                pf = PathFile(storage, storage._to_file_url(rf.path), rf.path)
                with pf.raw(offset=offset) as resp:
                    yield resp.status_code, resp.iter_raw(64 * 1024)

            report = download_all(files, Path(outdir), opener, require_checksums=rec.state == "SUCCESSFUL")
        self.db.update(rec, phase="fetched" if rec.state == "SUCCESSFUL" else rec.phase, outdir=str(outdir))
        return report

    def cancel(self, rec: JobRecord) -> JobRecord:
        rec = self.status(rec)
        if rec.done:
            return rec
        with self._guard("cancelling"):
            self._call(lambda: self._job(rec.remote).abort())
        return self.db.update(rec, phase="finished", state="CANCELLED")
