"""The Jinja environments of portasnn's packages: templates from the package, StrictUndefined, and the templates'
compiled code kept under the cache directory (``<cache>/jinja``), so a warm command does not compile them again."""
from __future__ import annotations

import functools

import jinja2

from portasnn import paths


@functools.cache
def environment(package: str, trim: bool = True) -> jinja2.Environment:
    """The environment of ``<package>/templates``; ``trim``: trim_blocks and lstrip_blocks (code templates)."""
    folder = paths.cache_dir() / "jinja"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        bytecode = jinja2.FileSystemBytecodeCache(str(folder))  # writes each entry whole (temporary file, rename)
    except OSError:
        bytecode = None  # a read-only cache directory: compile every time
    return jinja2.Environment(loader=jinja2.PackageLoader(package, "templates"), undefined=jinja2.StrictUndefined,
                              trim_blocks=trim, lstrip_blocks=trim, keep_trailing_newline=True, autoescape=False,
                              bytecode_cache=bytecode)
