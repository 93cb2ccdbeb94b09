"""Refusals of ``portasnn.pynn``: a portasnn error (code, hint, exit 2 from the command line) that is also the PyNN
exception a PyNN user catches where there is one."""
from __future__ import annotations

from pyNN import errors as pynn_errors

from portasnn.errors import UsageError


class NotExpressibleError(UsageError, pynn_errors.NoModelAvailableError):
    """A construct of the script that portasnn.pynn cannot run (faithfully) on the chosen target."""


class NotSupportedError(UsageError, AttributeError):
    """A name of PyNN's API that portasnn.pynn does not provide yet (an AttributeError, so hasattr() is False)."""


class PortasnnInvalidParameterValueError(UsageError, pynn_errors.InvalidParameterValueError):
    """A parameter value portasnn.pynn cannot pass on (PyNN's InvalidParameterValueError)."""


def refuse(code: str, message: str, where: str, hint: str = "",
           cls: type[UsageError] = NotExpressibleError) -> UsageError:
    """The error for a construct created at ``where`` (the script's file:line)."""
    return cls(f"{where}: {message}", code=code, hint=hint)
