"""Public entry points of the network language: read a .pnet file or text into the network IR."""
from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from portasnn.errors import NetworkError
from portasnn.frontend import reads

if TYPE_CHECKING:  # the reader (ANTLR's parser) is imported only to read: a warm run takes the program from cache
    from portasnn.frontend.pnet.catalog import ModelCatalog
    from portasnn.ir.network import Network


def load_network(path: str | Path, overrides: Mapping[str, str] | None = None,
                 catalog: ModelCatalog | None = None) -> Network:
    """Read the .pnet file ``path`` (and its includes). ``overrides`` replace ``let`` constants by name
    with expression text (``{"N": "2000", "J": "0.2 mV"}``, as from ``--set N=2000 J='0.2 mV'``).

    Raises NetworkError (with file:line:col) for any problem in the text."""
    path = Path(path)
    reads.note(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise NetworkError(f"network file not found: {path}", code="E200", hint="check the path") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise NetworkError(f"cannot read network file {path}: {exc}", code="E200") from None
    from portasnn.frontend.pnet.reader import read_network

    return read_network(text, str(path), overrides, catalog)


def parse_network_text(text: str, filename: str = "<string>", overrides: Mapping[str, str] | None = None,
                       catalog: ModelCatalog | None = None) -> Network:
    """Read .pnet ``text``; ``filename`` is used in spans and to resolve relative includes and model files
    (the current directory when it is a ``<...>`` name)."""
    from portasnn.frontend.pnet.reader import read_network

    return read_network(text, filename, overrides, catalog)


def parse_overrides(items: list[str] | tuple[str, ...]) -> dict[str, str]:
    """``["N=2000", "g=6"]`` -> ``{"N": "2000", "g": "6"}`` (for ``--set``)."""
    out: dict[str, str] = {}
    for item in items:
        name, eq, value = item.partition("=")
        if not eq or not name.strip() or not value.strip():
            raise NetworkError(f"--set expects NAME=VALUE, got '{item}'", code="E214", hint="e.g. --set N=2000")
        out[name.strip()] = value.strip()
    return out
