"""The NEST target's one Jinja environment: templates from the package, StrictUndefined, block trimming."""
from __future__ import annotations

import jinja2

from portasnn.templates import environment as _environment


def environment() -> jinja2.Environment:
    return _environment("portasnn.targets.nest")


def render(template: str, **view: object) -> str:
    """Render ``templates/<template>`` with the view-model ``view``."""
    return environment().get_template(template).render(**view)
