"""The NEST target's one Jinja environment: templates from the package, StrictUndefined, block trimming."""
from __future__ import annotations

import functools

import jinja2


@functools.cache
def environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.PackageLoader("portasnn.targets.nest", "templates"),
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                              keep_trailing_newline=True, autoescape=False)


def render(template: str, **view: object) -> str:
    """Render ``templates/<template>`` with the view-model ``view``."""
    return environment().get_template(template).render(**view)
