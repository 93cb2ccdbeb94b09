"""Jinja environment of the spinnaker target's templates."""
from __future__ import annotations

from functools import lru_cache

import jinja2


@lru_cache(maxsize=1)
def environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("portasnn.targets.spinnaker", "templates"),
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True)
    env.filters["pyrepr"] = repr
    env.filters["pyfloat"] = lambda x: repr(float(x))
    return env


def render(template: str, **kwargs) -> str:
    return environment().get_template(template).render(**kwargs)
