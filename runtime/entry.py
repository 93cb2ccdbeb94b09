"""What a bundle runs on the far side (an HPC node, the local backend, the neuromorphic platform).

    python -m portasnn.runtime.entry BUNDLE [--outdir results] [--workdir DIR] [--target T]

1. Extract the bundle into ``--workdir`` (default ``<bundle>.d`` next to it), checking every member
   and every hash (one MPI rank extracts under a file lock; the others reuse the checked tree).
2. Run it: a ``network`` bundle calls ``portasnn.run`` on the bundled ``.pnet`` (rebuilding its
   NESTML models with this machine's portasnn); a ``spinnaker`` bundle runs its PyNN script
   (``python <script>`` in ``<outdir>.work`` with ``PORTASNN_RESULTS_DIR`` set and the script's
   directory on ``PYTHONPATH``, so its model classes import), or, with ``--target spinnaker-host``
   (or ``nest``), the bundled network through ``portasnn.run`` on that target; a ``python``
   bundle runs ``python <script> <args> --outdir <outdir>``.
   Under ``srun``/``mpirun`` every rank runs this entry; ``portasnn.run`` then runs NEST as this rank of
   the job (``portasnn.targets.nest.mpi.run_in_rank``): one script, rank 0 writes the results.
3. Write ``<outdir>.sha256`` (``sha256sum`` format, paths relative to the working directory)
   listing every result file, so that whoever fetches the results can verify them.

Re-runnable: a site may run the same job again in the same working directory (a Slurm requeue,
a restarted site). Results are written aside, into ``.<outdir>.attempt`` next to ``<outdir>``, and
renamed into place only when complete; what an interrupted earlier attempt left (a partial
``.<outdir>.attempt``, a partial or complete ``<outdir>``) is replaced. Only directories inside the
working directory are ever replaced; anything else that is in the way is refused (E690).
Under MPI only rank 0 writes results. On NEST the other ranks name the same results directory, next to
which the ranks gather their parts (rank 0 merges them); otherwise they get a private scratch directory.

Exit codes: 0 ok, 2 bad bundle or input, 1 failure.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RANK_VARS = ("PMIX_RANK", "OMPI_COMM_WORLD_RANK", "PMI_RANK", "SLURM_PROCID")


def rank() -> int:
    for var in RANK_VARS:
        if os.environ.get(var, "").isdigit():
            return int(os.environ[var])
    return 0


def _extract(bundle_path: Path, workdir: Path):
    from filelock import FileLock

    from portasnn.runtime.bundle import extract_bundle, open_bundle, verify_tree

    workdir.parent.mkdir(parents=True, exist_ok=True)
    marker = workdir.with_name(workdir.name + ".verified")
    with FileLock(str(workdir) + ".lock", timeout=600):
        if marker.is_file() and workdir.is_dir():
            bundle = open_bundle(bundle_path)
            if marker.read_text().strip() == bundle.digest:
                verify_tree(workdir, bundle.manifest, str(bundle_path))  # nothing changed since
                return bundle
        tmp = workdir.with_name(workdir.name + f".tmp{os.getpid()}")
        bundle = extract_bundle(bundle_path, tmp)
        if workdir.exists():
            shutil.rmtree(workdir)
        os.replace(tmp, workdir)
        marker.write_text(bundle.digest + "\n")
        return bundle


def _check_zoo(manifest: dict) -> None:
    from portasnn.errors import UsageError
    from portasnn.runtime import manifest as mf

    zoo = Path(sys.prefix) / "models"
    for name, digest in manifest.get("zoo_models", {}).items():
        p = zoo / (name if "/" in name else f"neurons/{name}")  # "synapses/NAME.nestml", or a neuron's file name
        if p.is_file() and mf.sha256_file(p) != digest:
            raise UsageError(f"NESTML model {name} on this machine differs from the one bundled against "
                             f"(nestml {manifest.get('versions', {}).get('nestml')})",
                             hint="use the container image with the nestml version in the bundle manifest",
                             code="E630")


def _run_network(root: Path, entry: dict, outdir: Path, target: str) -> None:
    from portasnn.run import run

    run(str(root / entry["network"]), target=target, outdir=outdir, overrides=entry.get("overrides") or {},
        seed=entry.get("seed"), progress=False)


def _run_script(cmd: list[str], cwd: Path, env: dict | None = None) -> None:
    from portasnn.errors import ToolError

    proc = subprocess.run(cmd, cwd=cwd, env={**os.environ, **(env or {})}, check=False)
    if proc.returncode != 0:
        raise ToolError(f"{' '.join(cmd[1:2])} exited with status {proc.returncode}")


def write_checksums(outdir: Path, base: Path) -> Path:
    """``<outdir>.sha256`` in sha256sum format, paths relative to ``base``."""
    from portasnn.runtime import manifest as mf

    lines = [f"{mf.sha256_file(p)}  {p.relative_to(base).as_posix()}"
             for p in sorted(outdir.rglob("*")) if p.is_file() and not p.is_symlink()]
    out = outdir.with_name(outdir.name + ".sha256")
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_text("\n".join(lines) + "\n")
    os.replace(tmp, out)
    return out


def _record_bundle(outdir: Path, bundle) -> None:
    """Add the bundle's identity to the results' manifest.json (creating it if the run wrote none)."""
    path = outdir / "manifest.json"
    data = json.loads(path.read_text()) if path.is_file() else {}
    m = bundle.manifest
    data["bundle"] = {"digest": bundle.digest, "name": bundle.path.name, "target": m.get("target"),
                      "ir_hash": m.get("ir_hash"), "built_with": m.get("versions"), "command": m.get("command")}
    data.setdefault("ir_hash", m.get("ir_hash"))
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n")


def _check_replaceable(path: Path) -> None:
    """``path`` may be deleted to make room for this attempt's results: nothing at all, or a directory (not a
    link) strictly inside the working directory."""
    from portasnn.errors import UsageError

    cwd = Path.cwd().resolve()
    if os.path.lexists(path) and not (path.is_dir() and not path.is_symlink() and cwd in path.resolve().parents):
        raise UsageError(f"{path} is in the way of the results and is not a directory inside the working directory "
                         f"{Path.cwd()}; it was left untouched", code="E690",
                         hint="choose another --outdir, or run the entry in the job's working directory")


def _clear(path: Path) -> None:
    _check_replaceable(path)
    if os.path.lexists(path):
        shutil.rmtree(path)


def _wait_cleared(attempt: Path, timeout: float = 600.0) -> None:
    """On a rank other than 0: wait (bounded) until rank 0 has cleared what an earlier attempt left, so that this
    rank's run finds the results directory it names absent or empty, as rank 0's does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and attempt.is_dir() and any(attempt.iterdir()):
        time.sleep(0.2)


def attempt_dir(outdir: Path) -> Path:
    """Where this attempt writes its results before they are renamed to ``outdir``."""
    return outdir.with_name(f".{outdir.name}.attempt")


def _install(attempt: Path, outdir: Path) -> None:
    """Rename the complete ``attempt`` to ``outdir``, replacing what an earlier attempt left there."""
    checksums = outdir.with_name(outdir.name + ".sha256")
    checksums.unlink(missing_ok=True)  # it described the results being replaced
    if os.path.lexists(outdir):
        old = outdir.with_name(f".{outdir.name}.replaced")
        _clear(old)
        os.replace(outdir, old)
        os.replace(attempt, outdir)
        shutil.rmtree(old)
    else:
        os.replace(attempt, outdir)


def run_bundle(bundle_path: Path, outdir: Path, workdir: Path | None = None, target: str | None = None) -> Path:
    bundle_path = Path(bundle_path).resolve()
    outdir = Path(outdir).resolve()
    workdir = Path(workdir).resolve() if workdir else bundle_path.with_name(bundle_path.name + ".d")
    first = rank() == 0
    if first:  # refuse before any work if the results could not be put in place
        for path in (outdir, attempt_dir(outdir)):
            _check_replaceable(path)
    bundle = _extract(bundle_path, workdir)
    entry = bundle.manifest["entry"]
    kind = entry.get("kind")
    _check_zoo(bundle.manifest)
    network_target = (target or entry.get("target", "nest")) if kind == "network" else target
    shared = network_target == "nest"  # NEST's ranks gather their parts next to one results directory
    if first:
        out = attempt_dir(outdir)
        _clear(out)  # a partial attempt of an earlier run of this job
    elif shared:
        out = attempt_dir(outdir)  # only rank 0 writes it (portasnn.targets.nest.mpi.run_in_rank)
        _wait_cleared(out)
    else:
        out = Path(tempfile.mkdtemp(prefix=f"portasnn-rank{rank()}-")) / outdir.name
    out.parent.mkdir(parents=True, exist_ok=True)
    if kind == "network":
        _run_network(workdir, entry, out, target or entry.get("target", "nest"))
    elif kind == "spinnaker":
        if target:
            _run_network(workdir, entry, out, target)
        else:
            script = workdir / entry["pynn_script"]
            run_dir = outdir.with_name(outdir.name + ".work")  # sPyNNaker writes reports where it runs
            run_dir.mkdir(exist_ok=True)
            out.mkdir()
            path = os.pathsep.join(p for p in (str(script.parent), os.environ.get("PYTHONPATH", "")) if p)
            _run_script([sys.executable, str(script)], cwd=run_dir,
                        env={"PORTASNN_RESULTS_DIR": str(out), "PYTHONPATH": path})
    elif kind == "python":
        out.mkdir()
        _run_script([sys.executable, str(workdir / entry["script"]), *entry.get("args", []), "--outdir",
                     str(out)], cwd=outdir.parent)
    else:
        from portasnn.errors import UsageError

        raise UsageError(f"bundle {bundle_path.name}: unknown entry kind {kind!r}", code="E632")
    if first:
        out.mkdir(exist_ok=True)  # a run that recorded nothing still gets its manifest
        _record_bundle(out, bundle)
        _install(out, outdir)
        write_checksums(outdir, outdir.parent)
    elif not shared:
        shutil.rmtree(out.parent, ignore_errors=True)
    return outdir


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m portasnn.runtime.entry", description=__doc__.splitlines()[0])
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--outdir", type=Path, default=Path("results"))
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--target", default=None, help="run a network/spinnaker bundle on this target instead")
    args = parser.parse_args(argv)
    from portasnn.errors import InternalError, PortasnnError, ToolError

    t0 = time.time()
    try:
        out = run_bundle(args.bundle, args.outdir, args.workdir, args.target)
    except PortasnnError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    except (ToolError, InternalError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    done = f"results in {out}" if rank() == 0 else f"rank {rank()} done"
    print(f"portasnn entry: {done} ({time.time() - t0:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
