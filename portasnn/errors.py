"""The two error families of portasnn.

``PortasnnError`` is a problem with the user's input (a model, a network, a command line,
a results directory): it carries a span (file, line, column) where the input came from text,
a stable code, a message and a hint saying what to do. The CLI prints it and exits 2. Codes
(errors ``E...``, warnings ``W...``) are defined once, with an explanation, in
:mod:`portasnn.codes` (``portasnn explain CODE``).

``InternalError`` is a bug in portasnn: the CLI prints "this is a bug" and exits 1.
``ToolError`` is a failure of an external tool or service that is not the user's fault
(a compiler crash, a simulator error, a remote site answering 500): exit 1.
"""
from __future__ import annotations

import contextlib
import sys
import warnings
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """Where a node came from in user text (1-based line and column)."""

    file: str
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file


class PortasnnError(Exception):
    """A user error: bad model, bad network, bad command line, bad results directory."""

    exit_code = 2

    def __init__(self, message: str, *, span: Span | None = None, hint: str = "", code: str = "E000",
                 construct: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.span = span
        self.hint = hint
        self.code = code
        self.construct = construct

    def __str__(self) -> str:
        where = f"{self.span}: " if self.span else ""
        what = f" [{self.construct}]" if self.construct else ""
        text = f"{where}error {self.code}{what}: {self.message}"
        if self.hint:
            text += f"\n  hint: {self.hint}"
        return text


class ModelError(PortasnnError):
    """A NESTML model is invalid or cannot be lowered faithfully to the chosen target."""


class NetworkError(PortasnnError):
    """A network description (.pnet or Python builder) is invalid."""


class UsageError(PortasnnError):
    """A command line or API call is invalid (bad option, missing file, bad results directory)."""


class ToolError(Exception):
    """An external tool or service failed (compiler, simulator, remote site). Exit code 1."""

    exit_code = 1


class InternalError(Exception):
    """A bug in portasnn. Exit code 1."""

    exit_code = 1

    def __str__(self) -> str:
        return f"internal error (this is a bug in portasnn, please report it): {super().__str__()}"


class PortasnnWarning(UserWarning):
    """A warning with a stable id (e.g. ``W101``) that can be silenced with ``PORTASNN_SILENCE=W101,W102``."""

    def __init__(self, message: str, *, code: str, span: Span | None = None) -> None:
        where = f"{span}: " if span else ""
        super().__init__(f"{where}warning {code}: {message}")
        self.code = code
        self.span = span


def warn(message: str, *, code: str, span: Span | None = None) -> None:
    """Emit a portasnn warning unless its id is listed in ``PORTASNN_SILENCE``."""
    import os

    silenced = {c.strip() for c in os.environ.get("PORTASNN_SILENCE", "").split(",") if c.strip()}
    if code not in silenced:
        warnings.warn(PortasnnWarning(message, code=code, span=span), stacklevel=2)


@contextlib.contextmanager
def plain_warnings() -> Iterator[None]:
    """Within the block, show portasnn warnings as ``file:line:col: warning W101: message`` on stderr,
    without the Python file and source line that ``warnings`` would add; other warnings as usual."""
    original = warnings.showwarning

    def show(message, category, filename, lineno, file=None, line=None):  # noqa: ANN001 - the hook's API
        if isinstance(message, PortasnnWarning):
            print(message, file=sys.stderr if file is None else file, flush=True)
        else:
            original(message, category, filename, lineno, file, line)

    warnings.showwarning = show
    try:
        yield
    finally:
        warnings.showwarning = original
