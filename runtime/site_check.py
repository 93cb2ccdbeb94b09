"""``portasnn doctor --site SITE``: what a UNICORE site says about a submission, asked before submitting.

Through the real pyunicore client, one request at a time, no retries (a site that does not answer is
reported at once): the site's base resource (``GET …/rest/core``: the token is accepted, the client's
``queues`` ``availableQueues``), its compute resource (``GET …/factories/<id>``: ``resources`` per
partition, as UNICORE's IDB renders them: a range ``"1-86400"``, a list of allowed values, or ``"*"``;
``remainingComputeTime`` per project), and, for a ``.sif`` image on the site, its storages
(``GET …/storages``, each storage's ``mountPoint``) and a stat of the file. What the site does not report
is a warning, never a pass.

``--site nmpi`` checks the EBRAINS Neuromorphic Platform instead (``NmpiDoctor``): job queue, token, collab role and
the collab's quota, through the real nmpi client.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

from portasnn import paths
from portasnn.errors import UsageError
from portasnn.runtime import auth
from portasnn.runtime.backends.unicore import Site, get_site
from portasnn.runtime.retry import http_status

OK, WARN, FAIL = "ok", "warn", "fail"
NOT_REPORTED = "not reported by the site"
UNITS = {"s": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


@dataclass(frozen=True)
class SiteCheck:
    """One line of the site report: what was checked, the outcome, what to do, the code of a failure or warning."""

    name: str
    status: str
    detail: str
    fix: str = ""
    code: str = ""


@dataclass(frozen=True)
class Limits:
    """What the site reports for one partition (``None``: not reported)."""

    partition: str | None
    runtime_s: tuple[float, float] | None
    nodes: tuple[float, float] | None
    cpus_per_node: tuple[float, float] | None


def parse_walltime(text: str) -> int:
    """``"30m"``, ``"2h"``, ``"1d"``, ``"90"`` (seconds), ``"01:30:00"`` or ``"1-00:00:00"`` -> seconds."""
    value = text.strip().lower()
    m = re.fullmatch(r"(\d+(?:\.\d+)?)\s*(s|min|m|h|d)?", value)
    if m:
        seconds = float(m.group(1)) * UNITS[m.group(2) or "s"]
    else:
        m = re.fullmatch(r"(?:(\d+)-)?(?:(\d+):)?(\d+):(\d+)", value)
        if not m:
            raise UsageError(f"walltime '{text}' is not a duration",
                             hint="write it as 30m, 2h, 1d, a number of seconds, HH:MM:SS or D-HH:MM:SS", code="E688")
        days, hours, minutes, secs = (int(g or 0) for g in m.groups())
        seconds = ((days * 24 + hours) * 60 + minutes) * 60 + secs
    if seconds <= 0:
        raise UsageError(f"walltime '{text}' is not positive", hint="give a positive duration, e.g. 30m", code="E688")
    return int(seconds)


def human(seconds: float) -> str:
    """86400 -> ``"24h"``, 1800 -> ``"30m"``, 90 -> ``"90s"``."""
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{int(seconds // size)}{unit}"
    return f"{int(seconds)}s"


def parse_range(value: object) -> tuple[float, float] | None:
    """UNICORE's rendering of a range resource, ``"lower-upper"`` -> (lower, upper); ``"*"`` or other -> None."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*-\s*(\d+(?:\.\d+)?)\s*", str(value))
    return (float(m.group(1)), float(m.group(2))) if m else None


def _plain(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)



def _token_name(source: auth.TokenSource) -> str:
    return {"lab": "the EBRAINS Lab token service"}.get(source.kind, source.kind)


def _variable(source: auth.TokenSource) -> str:
    """The environment variable to set with a fresh token."""
    return source.kind if source.kind != "lab" else "PORTASNN_TOKEN"


def _token(checks: list[SiteCheck]) -> auth.TokenSource | None:
    """The token source ``submit`` would use; a FAIL line naming the variables when there is none."""
    try:
        source = auth.TokenSource()
    except UsageError as exc:
        checks.append(SiteCheck("token", FAIL, auth.scrub(exc.message),
                                "export PORTASNN_TOKEN=<your UNICORE/EBRAINS access token> (or CLB_AUTH)", "E683"))
        return None
    checks.append(SiteCheck("token", OK, f"from {_token_name(source)} (not shown)"))
    return source


class SiteDoctor:
    """The checks of one configured UNICORE site (``get_site`` as ``submit`` uses it)."""

    def __init__(self, site: str, *, walltime: str | None = None, nodes: int | None = None,
                 timeout_s: float = 10.0) -> None:
        if nodes is not None and nodes < 1:
            raise UsageError(f"--nodes {nodes} is not a node count", hint="give 1 or more", code="E688")
        try:
            self.cfg: Site = get_site(site)
        except UsageError as exc:
            if exc.code != "E651":
                raise
            raise UsageError(exc.message, hint=exc.hint.replace("known sites: ", "known sites: nmpi (the EBRAINS "
                                                                 "Neuromorphic Platform), ", 1), code="E651") from None
        self.walltime_s = parse_walltime(walltime if walltime is not None else self.cfg.runtime)
        self.walltime_from = "--walltime" if walltime is not None else f"runtime = \"{self.cfg.runtime}\""
        self.nodes = nodes if nodes is not None else self.cfg.nodes
        self.nodes_from = "--nodes" if nodes is not None else "nodes"
        self.timeout_s = min(timeout_s, self.cfg.timeout)
        self.config_file = paths.config_dir() / "sites.toml"
        self._transport = None
        self._unreported = ""  # why the site reports nothing, when its compute resource could not be read

    # ------------------------------------------------------------ the report
    def run(self) -> list[SiteCheck]:
        """Every check, in report order; connection and token come first, and nothing else is asked without them."""
        checks: list[SiteCheck] = []
        token = _token(checks)
        if token is None:
            return checks
        client = self._connect(token, checks)
        if client is None:
            return checks
        checks.append(self._image(client))
        compute, resources = self._resources(client)
        queues = self._queues(client, resources)
        checks.append(self._queue_check(queues))
        checks.append(self._project_check(compute, resources))
        limits = self._limits(client, resources)
        checks += self._limit_checks(limits)
        return checks

    def _connect(self, token: auth.TokenSource, checks: list[SiteCheck]):
        from pyunicore.client import Client, Transport
        from pyunicore.credentials import AuthenticationFailedException

        url = self.cfg.url
        self._transport = Transport(auth.unicore_credential(token), verify=self.cfg.verify_tls,
                                    timeout=self.timeout_s)
        name = _token_name(token)
        variable = _variable(token)
        try:
            client = Client(self._transport, url)
        except AuthenticationFailedException:
            checks.append(SiteCheck("site", FAIL, f"{url} answers, but took the token from {name} as anonymous",
                                    f"get a fresh token for this site and export it as {variable}", "E683"))
            return None
        except Exception as exc:  # noqa: BLE001 - every library error becomes one report line
            status = http_status(exc)
            if status in (401, 403):
                what = "rejected the token (401)" if status == 401 else "refused access with this token (403)"
                checks.append(SiteCheck("site", FAIL, f"{url} {what} from {name}",
                                        f"get a fresh token for this site and export it as {variable}; 403: ask the "
                                        "site which user the token maps to", "E683"))
            else:
                reason = auth.scrub(f"{type(exc).__name__}: {exc}" if status is None else str(exc))
                checks.append(SiteCheck("site", FAIL, f"{url} does not answer ({reason}); asked once, "
                                        f"timeout {self.timeout_s:g} s",
                                        f"check url = for [{self.cfg.name}] in {self.config_file}, the network "
                                        "and the site's status page", "E682"))
            return None
        info = client.properties
        user = (info.get("client", {}).get("xlogin") or {}).get("UID", "")
        role = (info.get("client", {}).get("role") or {}).get("selected", "")
        version = (info.get("server") or {}).get("version", "unknown version")
        who = ", ".join(x for x in (f"login {user}" if user else "", f"role {role}" if role else "") if x)
        checks.append(SiteCheck("site", OK, f"{url} answers (UNICORE {version}); token accepted"
                                + (f" ({who})" if who else "")))
        return client

    def _get(self, url: str, **kwargs) -> dict:
        return self._transport.get(url=url, **kwargs)

    # ------------------------------------------------------------ image
    def _image(self, client) -> SiteCheck:
        image = self.cfg.image
        where = f"image = for [{self.cfg.name}] in {self.config_file}"
        if not image:
            return SiteCheck("image", FAIL, "no container image configured",
                             f"set {where}: docker://…, oras://… or a .sif path on the site", "E653")
        if image.startswith(("docker://", "oras://")):
            return SiteCheck("image", WARN, f"{image}: a registry image, pulled on the login node by the first job; "
                                            "not checked from here", "pull it once by hand on the site to be sure",
                             "W681")
        try:
            return self._stat_image(client, image)
        except Exception as exc:  # noqa: BLE001 - one report line
            return SiteCheck("image", FAIL, auth.scrub(f"{image}: the site's storages could not be read ({exc})"),
                             "run portasnn doctor --site again; if it persists, ask the site", "E682")

    def _stat_image(self, client, image: str) -> SiteCheck:
        from pyunicore.client import Storage

        storages = []
        for url in self._get(client.links["storages"])["storages"]:
            storage = Storage(self._transport, url, cache_time=0)
            props = storage.properties
            storages.append((url.rstrip("/").rsplit("/", 1)[-1], str(props.get("mountPoint", "")), storage))
        home = re.match(r"^(\$HOME|\$\{HOME\}|~)(/|$)", image)
        if home:
            match = [(sid, mount, st) for sid, mount, st in storages if sid.upper() == "HOME"]
            rel = image[home.end():]
        else:
            match = sorted(((sid, mount, st) for sid, mount, st in storages
                            if mount and (image == mount or image.startswith(mount.rstrip("/") + "/"))),
                           key=lambda s: len(s[1]), reverse=True)
            rel = image[len(match[0][1].rstrip("/")):] if match else ""
        if not match:
            listed = ", ".join(f"{sid} ({mount or 'no mount point'})" for sid, mount, _ in storages) or "none"
            return SiteCheck("image", WARN, f"{image}: on no storage the site exports ({NOT_REPORTED}; storages: "
                                            f"{listed})", "make sure the file exists on the site, or put it on one "
                                                          "of these storages", "W680")
        sid, mount, storage = match[0]
        rel = "/" + rel.lstrip("/")
        try:
            meta = self._get(storage._to_file_url(rel), headers={"Accept": "application/json"})
        except Exception as exc:  # noqa: BLE001
            if http_status(exc) == 404:
                return SiteCheck("image", FAIL, f"{image}: no such file on storage {sid} (mount point "
                                                f"{mount or '$HOME'}, path {rel})",
                                 f"build containers/nest-pmix.def (make images) and upload the SIF there, or set "
                                 f"image = to a file that exists", "E684")
            raise
        if meta.get("isDirectory"):
            return SiteCheck("image", FAIL, f"{image}: is a directory on storage {sid} (path {rel})",
                             "set image = to the .sif file itself", "E684")
        size = meta.get("size")
        return SiteCheck("image", OK, f"{image}: found on storage {sid} (mount point {mount or '$HOME'}, path {rel}"
                                      + (f", {int(size)} bytes)" if size is not None else ")"))

    # ------------------------------------------------------------ queues, projects, limits
    def _resources(self, client) -> tuple[dict, dict]:
        """The first compute resource's properties and its ``resources`` ({} when the site lists none)."""
        try:
            urls = self._get(client.links["factories"])["factories"]
            compute = self._get(urls[0]) if urls else {}
        except Exception as exc:  # noqa: BLE001 - then the site reports nothing, and the warnings say why
            self._unreported = auth.scrub(f" (its compute resource could not be read: {exc})")
            return {}, {}
        return compute, compute.get("resources") or {}

    @staticmethod
    def _partitioned(resources: dict) -> bool:
        return bool(resources) and all(isinstance(v, dict) for v in resources.values())

    def _queues(self, client, resources: dict) -> list[str] | None:
        reported: list[str] = []
        queues = (client.properties.get("client") or {}).get("queues") or {}
        reported += [str(q) for q in queues.get("availableQueues") or []]
        if self._partitioned(resources):
            reported += list(resources)
        elif isinstance(resources.get("Queue"), list):
            reported += [str(q) for q in resources["Queue"]]
        return sorted(set(reported)) if reported else None

    def _queue_check(self, queues: list[str] | None) -> SiteCheck:
        queue = self.cfg.queue
        if not queue:
            return SiteCheck("queue", OK, "none asked: the site's default queue"
                             + (f" (the site offers {', '.join(queues)})" if queues else ""))
        if queues is None:
            return SiteCheck("queue", WARN, f"{queue}: the site's queues are {NOT_REPORTED}{self._unreported}",
                             "check the queue in the site's user documentation", "W680")
        if queue in queues:
            return SiteCheck("queue", OK, f"{queue} (the site offers {', '.join(queues)})")
        return SiteCheck("queue", FAIL, f"{queue}: not a queue of this site (it offers {', '.join(queues)})",
                         f"set queue = to one of them for [{self.cfg.name}] in {self.config_file}", "E685")

    def _project_check(self, compute: dict, resources: dict) -> SiteCheck:
        project = self.cfg.project
        budget = compute.get("remainingComputeTime") or {}
        listed: set[str] = set(budget) if isinstance(budget, dict) else set()
        parts = resources.values() if self._partitioned(resources) else [resources]
        for part in parts:
            if isinstance(part, dict) and isinstance(part.get("Project"), list):
                listed |= {str(p) for p in part["Project"]}
        if not project:
            return SiteCheck("project", OK, "none asked: the site's default account"
                             + (f" (the site knows {', '.join(sorted(listed))})" if listed else ""))
        if not listed:
            return SiteCheck("project", WARN, f"{project}: the site's projects are {NOT_REPORTED}{self._unreported}",
                             "check the project with the site's accounting tools", "W680")
        if project not in listed:
            return SiteCheck("project", FAIL, f"{project}: not a project of this user at this site (it knows "
                                              f"{', '.join(sorted(listed))})",
                             f"set project = to one of them for [{self.cfg.name}] in {self.config_file}", "E686")
        left = budget.get(project) if isinstance(budget, dict) else None
        more = ""
        if isinstance(left, dict) and left.get("remaining") is not None:
            more = f"; {left['remaining']} {left.get('units', '')} remaining".rstrip() + (
                f" ({left['rel']})" if left.get("rel") else "")
        return SiteCheck("project", OK, f"{project}{more}")

    def _limits(self, client, resources: dict) -> Limits:
        if self._partitioned(resources):
            name = self.cfg.queue or ((client.properties.get("client") or {}).get("queues") or {}).get("selected")
            if not name and len(resources) == 1:
                name = next(iter(resources))
            part = resources.get(name) if name else None
            if not isinstance(part, dict):
                return Limits(name, None, None, None)
        else:
            name, part = None, resources
        return Limits(name, parse_range(part.get("Runtime")), parse_range(part.get("Nodes")),
                      parse_range(part.get("CPUsPerNode")))

    def _limit_checks(self, limits: Limits) -> list[SiteCheck]:
        of = f"queue {limits.partition}'s" if limits.partition else "the site's"
        cfg = self.cfg
        asked = [("walltime", self.walltime_s, limits.runtime_s, f"{human(self.walltime_s)} ({self.walltime_from})",
                  human, "--walltime DURATION, or runtime = "),
                 ("nodes", self.nodes, limits.nodes, f"{self.nodes} ({self.nodes_from})", _plain,
                  "--nodes N, or nodes = "),
                 ("cpus per node", cfg.tasks_per_node * cfg.cpus_per_task, limits.cpus_per_node,
                  f"{cfg.tasks_per_node * cfg.cpus_per_task} (tasks_per_node {cfg.tasks_per_node} x cpus_per_task "
                  f"{cfg.cpus_per_task})", _plain, "tasks_per_node = and cpus_per_task = ")]
        out = []
        for name, value, bounds, text, fmt, how in asked:
            if bounds is None:
                out.append(SiteCheck(name, WARN, f"{text}: {of} limit is {NOT_REPORTED}{self._unreported}",
                                     "check the limit in the site's user documentation", "W680"))
                continue
            lo, hi = bounds
            if lo <= value <= hi:
                out.append(SiteCheck(name, OK, f"{text} within {of} limits {fmt(lo)}-{fmt(hi)}"))
            else:
                side = f"over {of} limit {fmt(hi)}" if value > hi else f"under {of} minimum {fmt(lo)}"
                out.append(SiteCheck(name, FAIL, f"{text} is {side}",
                                     f"ask for {'at most ' + fmt(hi) if value > hi else 'at least ' + fmt(lo)}: "
                                     f"{how}for [{cfg.name}] in {self.config_file}"
                                     + (", or choose another queue" if limits.partition else ""), "E687"))
        return out


class NmpiDoctor:
    """The checks of the EBRAINS Neuromorphic Platform (``nmpi.toml``, as ``submit --to nmpi:spinnaker`` reads it):
    the job queue answers, the token is accepted (user-info endpoint), the user may submit to the collab (simqueue's
    rule: editor or administrator of the collab, or the private space) and the collab's quota for the platform is
    not used up (the nmpi client's ``quotas``: the quotas of the collab's accepted resource requests)."""

    def __init__(self, timeout_s: float = 10.0) -> None:
        from portasnn.runtime.backends.nmpi import load_config

        self.cfg = load_config()
        self.timeout_s = timeout_s
        self.config_file = paths.config_dir() / "nmpi.toml"

    def run(self) -> list[SiteCheck]:
        import requests

        checks: list[SiteCheck] = []
        token = _token(checks)
        if token is None:
            return checks
        service, userinfo, collab = self.cfg["job_service"], self.cfg["user_info_endpoint"], self.cfg["collab"]
        try:
            about = requests.get(service.rstrip("/") + "/", timeout=self.timeout_s)
            about.raise_for_status()
            version = about.json().get("version", "?")
        except Exception as exc:  # noqa: BLE001 - one report line
            checks.append(SiteCheck("job queue", FAIL, auth.scrub(f"{service} does not answer ({exc}); asked once, "
                                                                  f"timeout {self.timeout_s:g} s"),
                                    f"check job_service = in {self.config_file} and the platform's status page",
                                    "E682"))
            return checks
        try:
            resp = requests.get(userinfo, headers={"Authorization": f"Bearer {token.token()}"}, timeout=self.timeout_s)
        except Exception as exc:  # noqa: BLE001
            checks.append(SiteCheck("job queue", FAIL, auth.scrub(f"the user-info endpoint {userinfo} does not "
                                                                  f"answer ({exc})"),
                                    f"check user_info_endpoint = in {self.config_file}", "E682"))
            return checks
        if resp.status_code in (401, 403):
            checks.append(SiteCheck("job queue", FAIL, f"{userinfo} rejected the token from {_token_name(token)} "
                                                       f"({resp.status_code})",
                                    f"get a fresh EBRAINS token and export it as {_variable(token)}", "E683"))
            return checks
        if not resp.ok:
            checks.append(SiteCheck("job queue", FAIL, f"{userinfo} answered {resp.status_code}",
                                    "try again later; if it persists, check the platform's status page", "E682"))
            return checks
        client = self._client(token)
        checks.append(SiteCheck("job queue", OK, f"{service} answers (Job Queue API v{version}); token accepted "
                                                 f"(user {client.username})"))
        checks.append(self._collab_check(client, collab))
        if checks[-1].status == OK:
            checks.append(self._quota_check(client, collab))
        return checks

    def _client(self, token: auth.TokenSource):
        import nmpi
        import nmpi.nmpi_user

        nmpi.nmpi_user.TOKENFILE = os.devnull  # nmpi would otherwise store the token in ~/.hbptoken
        return nmpi.Client(token=token.token(), job_service=self.cfg["job_service"],
                           user_info_endpoint=self.cfg["user_info_endpoint"])

    def _collab_check(self, client, collab: str) -> SiteCheck:
        teams = set((client.user_info.get("roles") or {}).get("team") or [])
        roles = [r for r in ("administrator", "editor", "viewer") if f"collab-{collab}-{r}" in teams]
        private = collab == f"private-{client.username}"
        fix = (f"set collab = to a collab you edit in {self.config_file} (or export PORTASNN_NMPI_COLLAB), or ask "
               "the collab's administrators for the editor role")
        if private or (roles and roles[0] != "viewer"):
            return SiteCheck("collab", OK, f"{collab} ({'your private space' if private else roles[0]})")
        yours = client.my_collabs()
        if roles:
            return SiteCheck("collab", FAIL, f"{collab}: you are a viewer only; submitting needs the editor role",
                             fix, "E689")
        return SiteCheck("collab", FAIL, f"{collab}: you are not a member (your collabs: {', '.join(yours) or 'none'}, "
                                         f"and private-{client.username})", fix, "E689")

    def _quota_check(self, client, collab: str) -> SiteCheck:
        platform = self.cfg.get("platform", "SpiNNaker")
        try:
            quotas = [q for q in client.quotas(collab) if q.get("platform") == platform]
        except Exception as exc:  # noqa: BLE001 - nmpi raises a plain Exception("Error <code>: <detail>")
            return SiteCheck("quota", FAIL, auth.scrub(f"the collab's resource requests could not be read ({exc})"),
                             "try again later", "E682")
        if not quotas:
            return SiteCheck("quota", OK, f"no {platform} quota in {collab} yet: the platform grants a test quota "
                                          "with the first job")
        left = [q for q in quotas if float(q["usage"]) < float(q["limit"])]
        units = quotas[0].get("units", "")
        used = "; ".join(f"{_plain(float(q['usage']))} of {_plain(float(q['limit']))} {q.get('units', '')}".rstrip()
                         for q in quotas)
        if not left:
            return SiteCheck("quota", FAIL, f"every {platform} quota of {collab} is used up ({used})",
                             "ask for more compute time: a resource request for the collab (nmpi's "
                             "create_resource_request), or use another collab", "E689")
        remaining = sum(float(q["limit"]) - float(q["usage"]) for q in left)
        return SiteCheck("quota", OK, f"{_plain(round(remaining, 3))} {units} of {platform} left in {collab} "
                                      f"({used})".replace("  ", " "))


def check_site(site: str, *, walltime: str | None = None, nodes: int | None = None,
               timeout_s: float = 10.0) -> list[SiteCheck]:
    """The report for ``site`` (a UNICORE site of sites.toml, or ``nmpi``); a usage error (unknown site, bad
    walltime) raises ``UsageError``."""
    if site.lower() == "nmpi":
        if walltime is not None or nodes is not None:
            raise UsageError("--walltime and --nodes do not apply to nmpi", hint="leave them out for --site nmpi",
                             code="E688")
        return NmpiDoctor(timeout_s=timeout_s).run()
    return SiteDoctor(site, walltime=walltime, nodes=nodes, timeout_s=timeout_s).run()
