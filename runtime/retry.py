"""Bounded retries with exponential backoff, for safe (idempotent) operations only.

Transient: connection errors, timeouts, resets, and HTTP 5xx (pyunicore raises
``httpx.HTTPError("5xx Server Error: ...")``, nmpi raises ``Exception("Error 5xx: ...")``).
Everything else (4xx, bad input) fails at once. Creating a job is not retried blindly: the
backends look the job up by its tag before every creation attempt.
"""
from __future__ import annotations

import random
import re
import time
from dataclasses import dataclass
from typing import Callable, TypeVar

T = TypeVar("T")
_STATUS = re.compile(r"^(?:Error )?(\d{3})\b")


def http_status(exc: BaseException) -> int | None:
    """The HTTP status an exception from httpx, requests, pyunicore or nmpi carries, if any."""
    resp = getattr(exc, "response", None)
    code = getattr(resp, "status_code", None)
    if isinstance(code, int):
        return code
    m = _STATUS.match(str(exc).strip())
    return int(m.group(1)) if m else None


def is_transient(exc: BaseException) -> bool:
    import httpx
    import requests

    if isinstance(exc, (httpx.TransportError, requests.ConnectionError, requests.Timeout, ConnectionError,
                        TimeoutError)):
        return True
    if isinstance(exc, requests.exceptions.ChunkedEncodingError):
        return True
    status = http_status(exc)
    return status is not None and (status >= 500 or status == 429)


@dataclass(frozen=True)
class Policy:
    attempts: int = 6
    base_s: float = 0.2
    max_s: float = 5.0

    def delays(self):
        for i in range(self.attempts - 1):
            yield min(self.max_s, self.base_s * 2**i) * (0.5 + random.random() / 2)


DEFAULT = Policy()


def retry(fn: Callable[[], T], *, policy: Policy = DEFAULT, transient: Callable[[BaseException], bool] = is_transient,
          on_retry: Callable[[BaseException, int], None] | None = None, sleep=time.sleep) -> T:
    """Call ``fn`` until it succeeds, a non-transient error occurs, or the attempts run out."""
    delays = policy.delays()
    attempt = 0
    while True:
        try:
            return fn()
        except Exception as exc:  # noqa: BLE001 - filtered by ``transient``
            delay = next(delays, None)
            if delay is None or not transient(exc):
                raise
            attempt += 1
            if on_retry:
                on_retry(exc, attempt)
            sleep(delay)


def backoff_intervals(first_s: float = 1.0, max_s: float = 60.0, factor: float = 1.5):
    """Polling intervals: ``first_s``, growing by ``factor`` up to ``max_s`` (infinite generator)."""
    delay = first_s
    while True:
        yield delay
        delay = min(max_s, delay * factor)
