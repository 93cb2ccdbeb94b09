"""``portasnn bundle | submit | status | fetch | cancel | jobs``: the runtime on the command line."""
from __future__ import annotations

import json
from pathlib import Path

import click

from portasnn.commands.numerics import numerics_options, options_from
from portasnn.errors import UsageError


def _row(rec) -> dict:
    return {"id": rec.id, "target": rec.target, "state": rec.state, "phase": rec.phase, "remote": rec.remote,
            "bundle": rec.bundle, "outdir": rec.outdir, "exit_code": rec.info.get("exit_code"),
            "reason": rec.info.get("status_message", "")}


def _print(records, as_json: bool) -> None:
    rows = [_row(r) for r in records]
    if as_json:
        click.echo(json.dumps(rows if len(rows) != 1 else rows[0], indent=2))
        return
    if not rows:
        click.echo("no jobs")
        return
    width = max(len(r["id"]) for r in rows)
    for r in rows:
        click.echo(f"{r['id']:<{width}}  {r['target']:<22} {r['state']:<11} {r['remote']}")
        if r["state"] in ("FAILED", "CANCELLED") and (r["reason"] or r["exit_code"] is not None):
            code = f"exit code {r['exit_code']}" if r["exit_code"] is not None else ""
            click.echo(f"{'':<{width}}  why: {'; '.join(p for p in (r['reason'], code) if p)}")


@click.command()
@click.argument("network", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--target", type=click.Choice(["nest", "spinnaker"]), default="nest", show_default=True,
              help="nest: the network and its sources; spinnaker: also the PyNN script and the model code.")
@click.option("-o", "--outdir", type=click.Path(file_okay=False, path_type=Path), default=Path("."),
              show_default=True, help="Directory for the bundle.")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help="Override a network constant.")
@click.option("--seed", type=int, default=None, help="Random seed (default: the network's).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object {bundle, sha256, target}.")
@numerics_options
def bundle(network: Path, target: str, outdir: Path, sets: tuple[str, ...], seed: int | None, as_json: bool,
           **numerics) -> None:
    """Pack NETWORK (.pnet) with its sources into a content-addressed bundle.

    Example: portasnn bundle examples/brunel/brunel_delta_nestml.pnet --target spinnaker -o bundles
    """
    from portasnn.runtime import bundle as make

    b = make(network, target=target, outdir=outdir, overrides=_sets(sets), seed=seed,
             numerics=options_from(numerics))
    if as_json:
        click.echo(json.dumps({"bundle": str(b.path), "sha256": b.digest, "target": b.target}))
    else:
        click.echo(str(b.path))


@click.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--to", "to", default="local", show_default=True, help="local | unicore:<site> | nmpi:spinnaker")
@click.option("--target", type=click.Choice(["nest", "spinnaker"]), default=None,
              help="Bundle target when SOURCE is a .pnet (default: spinnaker for nmpi, else nest).")
@click.option("--set", "sets", multiple=True, metavar="KEY=VALUE", help="Override a network constant.")
@click.option("--seed", type=int, default=None, help="Random seed (default: the network's).")
@click.option("--rerun", is_flag=True, help="Run again even if this bundle already ran on this target.")
@click.option("--wait", "wait_", is_flag=True, help="Wait until the job ends.")
@click.option("--outage-limit", type=click.FloatRange(min=0), default=300.0, show_default=True, metavar="SECONDS",
              help="With --wait: how long to keep polling a site that cannot be reached before giving up (the job "
                   "goes on; resume with `portasnn status JOB`).")
@click.option("--json", "as_json", is_flag=True, help="Print the job as JSON.")
@numerics_options
def submit(source: Path, to: str, target: str | None, sets: tuple[str, ...], seed: int | None, rerun: bool,
           wait_: bool, outage_limit: float, as_json: bool, **numerics) -> None:
    """Submit a bundle or a network. Submitting the same bundle to the same place again reuses its job.

    Example: portasnn submit examples/brunel/brunel_delta_nest.pnet --to unicore:jusuf --wait
    """
    from portasnn import runtime

    rec = runtime.submit(source, to=to, target=target, overrides=_sets(sets), seed=seed, rerun=rerun,
                         numerics=options_from(numerics))
    if wait_:
        rec = runtime.wait(rec, outage_limit_s=outage_limit, say=lambda message: click.echo(message, err=True))
    _print([rec], as_json)


@click.command()
@click.argument("job", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the jobs as JSON.")
def status(job: str | None, as_json: bool) -> None:
    """Show the status of JOB (default: every job), asking the far side.

    Example: portasnn status jusuf-1a2b3c4d5e
    """
    from portasnn import runtime

    result = runtime.status(job)
    _print(result if isinstance(result, list) else [result], as_json)


@click.command()
@click.argument("job")
@click.option("-o", "--outdir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to put results (default ./<job id>).")
def fetch(job: str, outdir: Path | None) -> None:
    """Download JOB's results, resuming partial downloads and verifying checksums.

    Example: portasnn fetch jusuf-1a2b3c4d5e -o results/brunel-jusuf
    """
    from portasnn import runtime

    click.echo(str(runtime.fetch(job, outdir)))


@click.command()
@click.argument("job")
def cancel(job: str) -> None:
    """Cancel JOB.

    Example: portasnn cancel jusuf-1a2b3c4d5e
    """
    from portasnn import runtime

    _print([runtime.cancel(job)], False)


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the jobs as JSON.")
def jobs(as_json: bool) -> None:
    """List known jobs (from the local job database, without asking the far side).

    Example: portasnn jobs --json
    """
    from portasnn import runtime

    _print(runtime.jobs(), as_json)


def _sets(items: tuple[str, ...]) -> dict[str, str]:
    """``--set NAME=VALUE`` pairs, parsed as everywhere (``portasnn.frontend.network.parse_overrides``)."""
    from portasnn.frontend.network import parse_overrides

    return parse_overrides(items)
