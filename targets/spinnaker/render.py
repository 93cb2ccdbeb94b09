"""Jinja environment of the spinnaker target's templates."""
from __future__ import annotations

from functools import lru_cache

import jinja2

from portasnn.templates import environment as _environment


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = _environment("portasnn.targets.spinnaker")
    env.filters["pyrepr"] = repr
    env.filters["pyfloat"] = lambda x: repr(float(x))
    return env


def render(template: str, **kwargs) -> str:
    return environment().get_template(template).render(**kwargs)
