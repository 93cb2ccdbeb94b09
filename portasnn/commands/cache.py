"""``portasnn cache ls|clear``: inspect and empty the build cache."""
from __future__ import annotations

import json
import re

import click

from portasnn.cache import BuildCache, short_key
from portasnn.errors import UsageError

_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_age(text: str) -> float:
    """``90s``, ``30m``, ``12h``, ``7d``, ``2w`` (a bare number means days) -> seconds."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*", text)
    if not match:
        raise UsageError(f"--older-than {text!r} is not an age", code="E010",
                         hint="write a number with a unit: 90s, 30m, 12h, 7d or 2w")
    return float(match.group(1)) * _UNITS[match.group(2) or "d"]


def _human(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GiB"


@click.group(name="cache")
def cache() -> None:
    """List or clear the build cache (PORTASNN_CACHE_DIR moves it).

    Example: portasnn cache clear --older-than 30d
    """


@cache.command(name="ls")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
def ls(as_json: bool) -> None:
    """List the complete entries of the build cache."""
    store = BuildCache()
    rows = []
    for entry in store.ls():
        rows.append({"key": entry.key, "label": entry.label, "created": entry.meta.get("created", ""),
                     "build_seconds": entry.seconds, "size_bytes": entry.size_bytes(), "path": str(entry.path),
                     "result": entry.meta.get("result", {})})
    if as_json:
        click.echo(json.dumps({"root": str(store.root), "entries": rows,
                               "total_bytes": sum(r["size_bytes"] for r in rows)}, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"build cache: {store.root}")
    for column, justify in (("key", "left"), ("what", "left"), ("created", "left"), ("build", "right"),
                            ("size", "right")):
        table.add_column(column, justify=justify)
    for row in rows:
        created = row["created"][:16].replace("T", " ")
        table.add_row(short_key(row["key"]), row["label"], created, f"{row['build_seconds']:.1f} s",
                      _human(row["size_bytes"]))
    console = Console()
    console.print(table)
    count = f"{len(rows)} entr{'y' if len(rows) == 1 else 'ies'}"
    console.print(f"{count}, {_human(sum(r['size_bytes'] for r in rows))}")


@cache.command(name="clear")
@click.option("--older-than", "older_than", metavar="AGE",
              help="Only remove entries not used for AGE (90s, 30m, 12h, 7d, 2w).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def clear(older_than: str | None, as_json: bool) -> None:
    """Remove cache entries (all, or those unused for AGE) and leftovers of killed builds."""
    seconds = parse_age(older_than) if older_than is not None else None
    store = BuildCache()
    removed = store.clear(older_than=seconds)
    if as_json:
        click.echo(json.dumps({"root": str(store.root), "removed": removed}))
    else:
        click.echo(f"removed {removed} entr{'y' if removed == 1 else 'ies'} from {store.root}")
