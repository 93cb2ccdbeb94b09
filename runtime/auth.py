"""Access tokens for UNICORE and NMPI, taken from the environment only.

Order: ``PORTASNN_TOKEN``, else ``CLB_AUTH``, else the EBRAINS Lab token service when running in
the Lab (``JUPYTERHUB_API_TOKEN`` set): ``GET <service>/access-token`` with
``Authorization: Token $JUPYTERHUB_API_TOKEN`` -> ``{"access_token": ...}``; the service URL is
``PORTASNN_LAB_TOKEN_URL`` or ``http://jupyterhub:8080/services/access-token-service/access-token``.

A token lives in memory only: it is never written to disk, logs, bundles, reports, job records
or error messages; :func:`scrub` removes it from any text that leaves this process. Only the
Lab source can be refreshed (on a 401, or when older than a minute for pyunicore's
``RefreshHandler``, which is asked before every request).
"""
from __future__ import annotations

import os
import threading
import time

from portasnn.errors import UsageError

LAB_TOKEN_URL = "http://jupyterhub:8080/services/access-token-service/access-token"
REFRESH_AFTER_S = 60.0

_known: set[str] = set()
_lock = threading.Lock()


def _remember(token: str) -> str:
    with _lock:
        _known.add(token)
    return token


def scrub(text: str) -> str:
    """Replace every token this process has seen (and any JupyterHub token) by ``***``."""
    secrets = set(_known)
    for var in ("PORTASNN_TOKEN", "CLB_AUTH", "JUPYTERHUB_API_TOKEN"):
        if os.environ.get(var):
            secrets.add(os.environ[var])
    for secret in sorted(secrets, key=len, reverse=True):
        if len(secret) >= 4:
            text = text.replace(secret, "***")
    return text


class TokenSource:
    """Where the token comes from; ``token()`` returns it, ``refresh()`` asks the source again."""

    def __init__(self) -> None:
        self.kind, self._token = self._read()
        self._fetched = time.monotonic()

    @staticmethod
    def _lab() -> str:
        import requests

        url = os.environ.get("PORTASNN_LAB_TOKEN_URL", LAB_TOKEN_URL)
        hub = os.environ["JUPYTERHUB_API_TOKEN"]
        try:
            resp = requests.get(url, headers={"Authorization": f"Token {hub}"}, timeout=30)
            resp.raise_for_status()
            return _remember(resp.json()["access_token"])
        except Exception as exc:  # noqa: BLE001 - any failure of the service is reported the same way
            raise UsageError(f"the EBRAINS Lab token service at {url} gave no token ({scrub(str(exc))})",
                             hint="set PORTASNN_TOKEN to an EBRAINS access token", code="E610") from None

    def _read(self) -> tuple[str, str]:
        for var in ("PORTASNN_TOKEN", "CLB_AUTH"):
            value = os.environ.get(var, "").strip()
            if value:
                return var, _remember(value)
        if os.environ.get("JUPYTERHUB_API_TOKEN"):
            return "lab", self._lab()
        raise UsageError("no access token: PORTASNN_TOKEN and CLB_AUTH are not set and this is not the EBRAINS Lab",
                         hint="export PORTASNN_TOKEN=<your EBRAINS/UNICORE access token>", code="E611")

    @property
    def refreshable(self) -> bool:
        return self.kind == "lab"

    def token(self) -> str:
        if self.refreshable and time.monotonic() - self._fetched > REFRESH_AFTER_S:
            self.refresh()
        return self._token

    def refresh(self) -> str:
        """Ask the source again; for environment variables, re-read them (a user may have updated them)."""
        self.kind, self._token = self._read()
        self._fetched = time.monotonic()
        return self._token

    def __repr__(self) -> str:  # never show the token
        return f"TokenSource({self.kind})"


def rejected(source: TokenSource) -> UsageError:
    where = {"lab": "the EBRAINS Lab token service"}.get(source.kind, source.kind)
    return UsageError(f"the access token from {where} was rejected (401)",
                      hint="get a fresh token and export it as PORTASNN_TOKEN", code="E612")


def unicore_credential(source: TokenSource):
    """A pyunicore ``OIDCToken`` whose refresh handler asks ``source`` before every request."""
    from pyunicore.credentials import OIDCToken, RefreshHandler

    class _Refresh(RefreshHandler):
        def refresh_token(self) -> str:
            return source.token()

    return OIDCToken(source.token(), refresh_handler=_Refresh())
