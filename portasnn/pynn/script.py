"""A PyNN script as a subject of ``portasnn run`` and ``portasnn compare`` (issue 14 item 4).

A script may ``import portasnn.pynn as sim``, or take the simulator from its command line as PyNN's examples do
(``sim, options = get_simulator(...)`` from pyNN.utility: pass ``portasnn`` as the simulator, e.g.
``portasnn run script.py --target nest -o out -- portasnn``; ``pyNN.portasnn`` names this backend).

- :func:`run_script` runs the whole script (its prints, plots and write_data files included) with setup()'s
  target and results directory replaced by the command line's.
- :func:`capture` runs the script up to its first run() and returns the network it built there (the IR), which
  ``compare`` then runs on every target with its seeds, as it runs a .pnet.
"""
from __future__ import annotations

import os
import runpy
import sys
import traceback
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

from portasnn.errors import InternalError, PortasnnError, ToolError, UsageError
from portasnn.ir import network as ir
from portasnn.pynn import control, simulator


class _Captured(BaseException):
    """Ends a captured script at its first run() (BaseException: a script's ``except Exception`` lets it pass)."""

    def __init__(self, network: ir.Network) -> None:
        super().__init__("captured")
        self.network = network


@contextmanager
def _as_main(path: Path, args: Sequence[str], env: dict[str, str]) -> Iterator[None]:
    import portasnn.pynn as backend

    saved_argv, saved_env = sys.argv, {k: os.environ.get(k) for k in env}
    saved_path = list(sys.path)
    sys.modules.setdefault("pyNN.portasnn", backend)
    sys.argv = [str(path), *args]
    sys.path.insert(0, str(path.parent.resolve()))
    os.environ.update(env)
    try:
        yield
    finally:
        sys.argv, sys.path[:] = saved_argv, saved_path
        for k, v in saved_env.items():
            os.environ.pop(k, None) if v is None else os.environ.__setitem__(k, v)
        simulator.state.capture = False


def _execute(path: Path) -> None:
    if not path.is_file():
        raise UsageError(f"no such PyNN script: {path}", code="E291", hint="check the path")
    try:
        runpy.run_path(str(path), run_name="__main__")
    except SystemExit as exc:
        if exc.code not in (None, 0):
            raise UsageError(f"the PyNN script {path} exited with status {exc.code}", code="E291",
                             hint="run it with python to see why") from None
    except (PortasnnError, ToolError, InternalError, _Captured):  # portasnn's own: exit 2, or 1 for a tool or bug
        raise
    except Exception as exc:  # the script's own error: say where in the script
        frames = [f for f in traceback.extract_tb(exc.__traceback__) if Path(f.filename).resolve() == path.resolve()]
        where = f"{frames[-1].filename}:{frames[-1].lineno}: " if frames else ""
        raise UsageError(f"{where}the PyNN script failed: {type(exc).__name__}: {exc}", code="E291",
                         hint="run it with python to see the whole traceback") from exc


def run_script(path: str | Path, target: str, outdir: str | Path, args: Sequence[str] = ()) -> Path:
    """Run the script with ``target`` and ``outdir`` taking the place of setup()'s; the results directory of its
    first run()."""
    path, outdir = Path(path), Path(outdir)
    with _as_main(path, args, {control.TARGET_ENV: target, control.OUTDIR_ENV: str(outdir)}):
        _execute(path)
    if not (outdir / "meta.json").is_file():
        raise UsageError(f"the PyNN script {path} ran no simulation (no sim.run())", code="E291",
                         hint="a script for portasnn run builds a network with portasnn.pynn and calls sim.run()")
    return outdir


def capture(path: str | Path, target: str = "nest", args: Sequence[str] = ()) -> ir.Network:
    """The network the script has built when it first calls run(), lowered for ``target`` (not run)."""
    path = Path(path)
    with _as_main(path, args, {control.TARGET_ENV: target}):
        simulator.state.capture = True
        try:
            _execute(path)
        except _Captured as done:
            return done.network
    raise UsageError(f"the PyNN script {path} ran no simulation (no sim.run())", code="E291",
                     hint="a script to compare builds a network with portasnn.pynn and calls sim.run()")
