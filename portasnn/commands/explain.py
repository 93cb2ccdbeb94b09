"""``portasnn explain [CODE...] [--json]``: what an error or warning code means and what to do."""
from __future__ import annotations

import json
import textwrap

import click

from portasnn.codes import CODES, Code, lookup
from portasnn.errors import UsageError


@click.command(name="explain")
@click.argument("codes", nargs=-1, metavar="[CODE]...")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON list of {code, kind, stage, title, explanation}.")
def explain(codes: tuple[str, ...], as_json: bool) -> None:
    """Explain error and warning codes; without CODE, list every code.

    Example: portasnn explain E302 W302
    """
    if codes:
        entries = [_find(c) for c in codes]
    else:
        entries = list(CODES.values())
    if as_json:
        click.echo(json.dumps([_as_dict(c) for c in entries], indent=2))
    elif codes:
        click.echo("\n\n".join(_long(c) for c in entries))
    else:
        click.echo(_listing(entries))


def _find(code: str) -> Code:
    found = lookup(code)
    if found is None:
        raise UsageError(f"unknown error code '{code}'", code="E003",
                         hint="`portasnn explain` without a code lists every code")
    return found


def _as_dict(c: Code) -> dict[str, str]:
    return {"code": c.code, "kind": c.kind, "stage": c.stage, "title": c.title, "explanation": c.explanation}


def _long(c: Code) -> str:
    head = f"{c.code}: {c.title}" + (" (reserved)" if c.reserved else "")
    return head + "\n\n" + textwrap.fill(c.explanation, width=100, break_on_hyphens=False)


def _listing(entries: list[Code]) -> str:
    lines: list[str] = []
    stage = None
    for c in entries:
        if c.stage != stage:
            stage = c.stage
            lines.append(("\n" if lines else "") + f"{stage}:")
        lines.append(f"  {c.code}  {c.title}")
    lines.append("\n`portasnn explain CODE` says what a code means and what to do.")
    return "\n".join(lines)
