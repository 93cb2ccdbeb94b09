"""portasnn in Jupyter (and in a terminal): short errors, progress, job status, inline reports.

In a notebook::

    %load_ext portasnn          # a PortasnnError shows as its message with file:line:col, no traceback wall
    from portasnn.notebook import show_run, show_report, watch

``progress`` and ``status_line`` draw in place in a notebook (updated display outputs, no widgets needed)
and with rich on a terminal. Nothing here prints or stores an access token: texts that leave this module
go through ``portasnn.runtime.auth.scrub``.
"""
from __future__ import annotations

import html
import importlib
import json
import re
import shutil
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Callable, Iterator

from portasnn.errors import PortasnnError, ToolError

Update = Callable[[float, float], None]
Say = Callable[[str], None]
REFRESH_S = 0.25  # at most four display updates per second


# ----------------------------------------------------------------------------------- IPython extension
def load_ipython_extension(ip: Any) -> None:
    """``%load_ext portasnn``: show portasnn's errors as their message (file:line:col, hint), not a traceback."""
    ip.set_custom_exc((PortasnnError, ToolError), _short_error)


def unload_ipython_extension(ip: Any) -> None:
    ip.set_custom_exc((), None)


def error_text(exc: BaseException) -> str:
    """The message a user sees for a portasnn error (any token it might carry replaced by ***)."""
    from portasnn.runtime.auth import scrub

    return scrub(str(exc))


def _short_error(shell: Any, etype: type, value: BaseException, tb: Any, tb_offset: int | None = None) -> list[str]:
    stb = [f"\x1b[31m{etype.__name__}\x1b[0m: {error_text(value)}"]
    shell._showtraceback(etype, value, stb)  # an error output in Jupyter, printed text in a terminal
    return stb


# ----------------------------------------------------------------------------------- live displays
def in_notebook() -> bool:
    """True inside a Jupyter kernel (where display outputs can be updated in place)."""
    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"


class _Live:
    """One display output updated in place (throttled), for Jupyter."""

    def __init__(self, text: str) -> None:
        from IPython.display import HTML, display

        self._html = HTML
        self._handle = display(HTML(text), display_id=True)
        self._last = 0.0

    def update(self, text: str, force: bool = False) -> None:
        now = time.monotonic()
        if force or now - self._last >= REFRESH_S:
            self._handle.update(self._html(text))
            self._last = now


def _bar_html(label: str, done: float, total: float, unit: str, elapsed: float) -> str:
    total = total or 1.0
    return (f"<div><code>{html.escape(label)}</code> <progress value='{done:.0f}' max='{total:.0f}' "
            f"style='width:40%'></progress> {done:.0f}/{total:.0f} {unit} ({elapsed:.1f} s)</div>")


@contextmanager
def progress(total: float, label: str, unit: str = "ms") -> Iterator[Update]:
    """A progress bar; yields ``update(done, total)``. A bar in place in Jupyter, rich on a terminal."""
    started = time.monotonic()
    if in_notebook():
        live = _Live(_bar_html(label, 0, total, unit, 0.0))
        last = [0.0, total]

        def update(done: float, new_total: float) -> None:
            last[:] = [done, new_total]
            live.update(_bar_html(label, done, new_total, unit, time.monotonic() - started))

        yield update
        live.update(_bar_html(label, last[0], last[1], unit, time.monotonic() - started), force=True)
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn(f"[bold]{label}[/bold]"), BarColumn(),
               TextColumn("{task.completed:.0f}/{task.total:.0f} " + unit), TimeElapsedColumn())
    with Progress(*columns, transient=True, console=Console(stderr=True)) as bar:
        task = bar.add_task(label, total=total)
        yield lambda done, new_total: bar.update(task, completed=done, total=new_total)


@contextmanager
def status_line(label: str = "") -> Iterator[Say]:
    """A one-line status; yields ``say(message)`` (e.g. ``portasnn.compare(..., progress=say)``)."""
    started = time.monotonic()
    if in_notebook():
        live = _Live(f"<code>{html.escape(label)}</code>")
        last = [label]

        def say(message: str) -> None:
            last[0] = message
            live.update(f"<code>{html.escape(message)}</code> ({time.monotonic() - started:.0f} s)")

        yield say
        live.update(f"<code>{html.escape(last[0])}</code>: done in {time.monotonic() - started:.1f} s", force=True)
        return
    from rich.console import Console

    with Console(stderr=True).status(label) as status:
        yield lambda message: status.update(message)


# ----------------------------------------------------------------------------------- remote jobs
def watch(job: Any, *, timeout_s: float = 3600.0, every_s: float = 2.0) -> Any:
    """Poll a submitted job (``portasnn.runtime.submit``'s record or its id) until it ends; show its state."""
    from portasnn import runtime

    rec = job
    started = time.monotonic()
    with status_line(f"job {getattr(job, 'id', job)}: submitted") as say:
        while True:
            rec = runtime.status(rec)
            say(f"job {rec.id} on {rec.target}: {rec.state or 'submitted'}")
            if rec.done:
                return rec
            if time.monotonic() - started > timeout_s:
                raise ToolError(f"job {rec.id} still {rec.state} after {timeout_s:.0f} s; "
                                f"check later with portasnn.runtime.status({rec.id!r})")
            time.sleep(every_s)


def fetch_results(job: Any, dest: str | Path) -> Path:
    """Fetch a finished job's verified results and place them in ``dest`` (a results directory)."""
    from portasnn import runtime

    dest = Path(dest)
    staging = dest.parent / f".{dest.name}-download"
    fetched = runtime.fetch(job, staging)
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(fetched, dest)
    return dest


def token_source() -> str | None:
    """Where an access token would come from (``PORTASNN_TOKEN``, ``CLB_AUTH``, ``lab``), or None. Never the token."""
    from portasnn.runtime.auth import TokenSource

    try:
        return TokenSource().kind
    except PortasnnError:
        return None


def configured_site() -> str | None:
    """The first UNICORE site in the user's ``sites.toml`` that names a container image, or None."""
    import tomllib

    from portasnn import paths

    path = paths.config_dir() / "sites.toml"
    if not path.is_file():
        return None
    from portasnn.runtime.backends.unicore import load_sites

    user = tomllib.loads(path.read_text())
    sites = load_sites()
    return next((name.lower() for name in user if sites.get(name.lower(), {}).get("image")), None)


def nmpi_collab() -> str | None:
    """The EBRAINS collab NMPI jobs go to (``nmpi.toml`` or ``PORTASNN_NMPI_COLLAB``), or None."""
    from portasnn.runtime.backends.nmpi import load_config

    try:
        return load_config()["collab"]
    except PortasnnError:
        return None


# ----------------------------------------------------------------------------------- availability
PIECES = {
    "NESTML models on NEST": "portasnn.modules:build",
    "networks (.pnet)": "portasnn.frontend.network:load_network",
    "runs on spinnaker-host": "portasnn.targets.spinnaker_host:HostTarget",
    "SpiNNaker build (sPyNNaker C code)": "portasnn.modules:build_spinnaker",
    "SpiNNaker network (PyNN script, for NMPI)": "portasnn.targets.spinnaker:SpinnakerTarget",
    "comparison": "portasnn.harness.compare:compare",
    "remote jobs (UNICORE, NMPI)": "portasnn.runtime:submit",
}


def missing(piece: str) -> str | None:
    """None if ``piece`` (a key of PIECES or "module:attribute") is available, else what is missing."""
    module, _, attr = PIECES.get(piece, piece).partition(":")
    try:
        mod = importlib.import_module(module)
    except ImportError as exc:
        return f"{module} cannot be imported ({exc})"
    if attr and not hasattr(mod, attr):
        return f"{module} has no {attr}"
    return None


def availability() -> Any:
    """A table of the pieces this workflow uses and whether this portasnn has them."""
    rows = []
    for name in PIECES:
        why = missing(name)
        rows.append(f"| {name} | {'yes' if why is None else 'no: ' + why} |")
    return _Markdown("| piece | available |\n|---|---|\n" + "\n".join(rows) + "\n")


# ----------------------------------------------------------------------------------- rich display
class _Markdown:
    def __init__(self, text: str) -> None:
        self.text = text

    def _repr_markdown_(self) -> str:
        return self.text

    def __repr__(self) -> str:
        return self.text


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.4g}"
    return str(value)


def run_markdown(outdir: str | Path, summary: dict | None = None) -> str:
    """Markdown of one results directory: what ran, per-population statistics, wall times."""
    outdir = Path(outdir)
    meta_file, summary_file = outdir / "meta.json", outdir / "summary.json"
    meta = json.loads(meta_file.read_text()) if meta_file.is_file() else {}
    if summary is None or not summary:
        summary = json.loads(summary_file.read_text()) if summary_file.is_file() else {}
    head = (f"**{meta.get('network', outdir.name)}** on `{meta.get('target', '?')}`: "
            f"{_fmt(meta.get('duration_ms'))} ms at {_fmt(meta.get('resolution_ms'))} ms, seed {meta.get('seed', '-')}"
            f" — `{outdir}`\n\n")
    pops = summary.get("populations", {})
    cols = ("n_neurons", "n_spikes", "rate_hz", "cv_isi", "fano_factor", "corr_mean")
    table = ("| population | " + " | ".join(cols) + " |\n|---|" + "---|" * len(cols) + "\n"
             + "".join(f"| {p} | " + " | ".join(_fmt(s.get(c)) for c in cols) + " |\n" for p, s in pops.items()))
    walls = summary.get("wall_time_s") or meta.get("wall_time_s") or {}
    wall = ", ".join(f"{k} {v:.2f} s" for k, v in walls.items() if isinstance(v, (int, float)))
    return head + (table if pops else "(no summary.json)\n") + (f"\nwall time: {wall}\n" if wall else "")


def show_run(outdir: str | Path) -> None:
    """Display a results directory: its statistics and its raster plot."""
    from IPython.display import Image, Markdown, display

    outdir = Path(outdir)
    display(Markdown(run_markdown(outdir)))
    if (outdir / "raster.png").is_file():
        display(Image(filename=str(outdir / "raster.png")))


def report_markdown(report: Any) -> str:
    """The comparison report's markdown without its plot links (the plots are shown as images)."""
    text = report._repr_markdown_()
    return re.sub(r"\n## Plots\n.*?(?=\n## |\Z)", "\n", text, flags=re.S)


def show_report(report: Any) -> None:
    """Display a ``ComparisonReport``: verdict, verdict grid, tolerances, details, then its plots."""
    from IPython.display import Image, Markdown, display

    display(Markdown(report_markdown(report)))
    for name in report.plots:
        path = Path(report.outdir) / name
        if path.is_file():
            display(Image(filename=str(path)))
