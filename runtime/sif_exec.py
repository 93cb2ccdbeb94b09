"""Run a command inside a SIF image the way ``apptainer exec`` does, for a machine without Apptainer.

    python -m portasnn.runtime.sif_exec [--bind SRC[:DST]]... [--cleanenv] IMAGE.sif COMMAND [ARG...]

The image's primary system partition (squashfs) is unpacked once per image content into the cache (``unsquashfs``
at the partition's offset, which ``siftool list`` gives); the command then runs in a chroot inside a private mount
namespace with Apptainer's default binds: ``/proc``, ``/sys``, ``/dev``, ``$HOME``, ``/tmp``, ``/var/tmp``, the
current directory, ``/etc/hosts``, ``/etc/localtime``, ``/etc/resolv.conf``, plus every ``--bind``. The
environment follows Apptainer's rules: the host's variables pass in except ``PATH`` and ``LD_LIBRARY_PATH``
(``--cleanenv``: none pass), ``APPTAINERENV_NAME`` sets ``NAME``, and the image's ``/.singularity.d/env/*.sh``
are sourced in order before the command runs in the current directory. No PID or network namespace, as with
Apptainer's defaults: MPI ranks under ``srun --mpi=pmix`` reach the PMIx server through the bound ``/tmp``.
The command replaces this process (exec), so signals from the launcher reach it directly.
"""
from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from portasnn.errors import PortasnnError, ToolError, UsageError

DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
DEFAULT_BINDS = ("/proc", "/sys", "/dev", "/tmp", "/var/tmp", "/etc/hosts", "/etc/localtime", "/etc/resolv.conf")
NOT_PASSED = ("PATH", "LD_LIBRARY_PATH")


def host_env() -> dict[str, str]:
    """The environment a caller hands to this stand-in (the host's, as a launcher would)."""
    return dict(os.environ)


def partition_offset(sif: Path) -> int:
    """Byte offset of the primary system partition (squashfs) in ``sif``, from ``siftool list``."""
    try:
        listing = subprocess.run(["siftool", "list", str(sif)], capture_output=True, text=True, check=True).stdout
    except FileNotFoundError:
        raise UsageError("running a SIF image without Apptainer needs siftool", code="E692",
                         hint="apt-get install siftool squashfs-tools") from None
    except subprocess.CalledProcessError as err:
        first = (err.stderr.strip().splitlines() or ["siftool could not read it"])[0]
        raise UsageError(f"{sif} is not a SIF image ({first})", code="E693") from None
    for line in listing.splitlines():
        cols = [c.strip() for c in line.split("|")]
        if len(cols) >= 5 and "Squashfs" in cols[4] and "System" in cols[4]:
            m = re.match(r"(\d+)-(\d+)", cols[3])
            if m:
                return int(m.group(1))
    raise UsageError(f"{sif} has no squashfs system partition", code="E693", hint=f"siftool list {sif}")


def rootfs(sif: Path) -> Path:
    """The unpacked root file system of ``sif`` (unpacked once per image; concurrent callers wait)."""
    from filelock import FileLock

    from portasnn.paths import cache_dir

    st = sif.stat()
    key = f"{sif.resolve()}:{st.st_size}:{st.st_mtime_ns}"
    import hashlib

    root = cache_dir() / "images" / "rootfs" / hashlib.sha256(key.encode()).hexdigest()[:16]
    root.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(root) + ".lock"):
        if not (root / ".singularity.d").is_dir():
            shutil.rmtree(root, ignore_errors=True)
            tmp = Path(str(root) + ".tmp")
            shutil.rmtree(tmp, ignore_errors=True)
            proc = subprocess.run(["unsquashfs", "-q", "-n", "-o", str(partition_offset(sif)), "-d", str(tmp),
                                   str(sif)], capture_output=True, text=True)
            if proc.returncode != 0:
                shutil.rmtree(tmp, ignore_errors=True)
                raise ToolError(f"unsquashfs of {sif} failed: {proc.stderr.strip() or proc.stdout.strip()}")
            tmp.rename(root)
    return root


def container_env(host: dict[str, str], sif: Path, cleanenv: bool) -> dict[str, str]:
    env = {} if cleanenv else {k: v for k, v in host.items()
                               if k not in NOT_PASSED and not k.startswith(("APPTAINER", "SINGULARITY"))}
    for key, value in host.items():
        if key.startswith("APPTAINERENV_") and len(key) > len("APPTAINERENV_"):
            env[key[len("APPTAINERENV_"):]] = value
    env.update({"PATH": DEFAULT_PATH, "LD_LIBRARY_PATH": "/.singularity.d/libs",
                "APPTAINER_CONTAINER": str(sif), "APPTAINER_NAME": sif.name})
    if "HOME" in host:
        env["HOME"] = host["HOME"]
    return env


def _binds(extra: list[str], home: str | None, cwd: str) -> list[tuple[str, str]]:
    """(source, destination) pairs: Apptainer's defaults, then $HOME and the current directory unless already
    inside a bound directory (or ``/``, which is the image's own), then the user's; the user's replace a default with
    the same destination."""
    user = []
    for spec in extra:
        src, _, dst = spec.partition(":")
        dst = dst.split(":")[0] or src
        if not src.startswith("/") or not dst.startswith("/"):
            raise UsageError(f"--bind {spec}: give absolute paths SRC[:DST]", code="E693")
        user.append((src, dst))
    pairs = [(p, p) for p in DEFAULT_BINDS if os.path.exists(p)]
    for path in (home, cwd):
        if path and path != "/" and not any(path == d or path.startswith(d.rstrip("/") + "/") for _, d in pairs):
            pairs.append((path, path))
    targets = {d for _, d in user}
    return [p for p in pairs if p[1] not in targets] + user


def exec_argv(root: Path, binds: list[tuple[str, str]], cwd: str, command: list[str]) -> list[str]:
    r = str(root)
    steps = []
    for src, dst in binds:
        target = shlex.quote(r + dst)
        make = f"mkdir -p {target}" if os.path.isdir(src) else \
            f"mkdir -p {shlex.quote(os.path.dirname(r + dst))} && {{ [ -e {target} ] || touch {target}; }}"
        steps.append(f"{make} && mount --rbind {shlex.quote(src)} {target}")
    inside = ('cd "$0" 2>/dev/null || cd /; for f in /.singularity.d/env/*.sh; do [ -r "$f" ] && . "$f"; done; '
              'exec "$@"')
    outer = " && ".join(steps) + f" && exec chroot {shlex.quote(r)} /bin/sh -c {shlex.quote(inside)} " + \
        " ".join(shlex.quote(a) for a in [cwd, *command])
    return ["unshare", "--mount", "--propagation", "private", "/bin/sh", "-c", outer]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m portasnn.runtime.sif_exec", description=__doc__.split("\n")[0])
    parser.add_argument("--bind", "-B", action="append", default=[], metavar="SRC[:DST]")
    parser.add_argument("--cleanenv", "-e", action="store_true")
    parser.add_argument("image", type=Path)
    parser.add_argument("command", nargs=argparse.REMAINDER)
    args = parser.parse_args(argv)
    try:
        if not args.command:
            raise UsageError("no command to run in the image", code="E693")
        if not args.image.is_file():
            raise UsageError(f"no image at {args.image}", code="E693")
        if os.geteuid() != 0:
            raise UsageError("this stand-in for apptainer exec needs root (chroot, mount namespaces)", code="E692")
        cwd = os.getcwd()
        binds = _binds([b for spec in args.bind for b in spec.split(",") if b], os.environ.get("HOME"), cwd)
        sif = args.image.resolve()
        argv_ = exec_argv(rootfs(sif), binds, cwd, args.command)
        os.execvpe(argv_[0], argv_, container_env(dict(os.environ), sif, args.cleanenv))
    except (PortasnnError, ToolError) as err:
        print(f"error: {err}" if isinstance(err, ToolError) else str(err), file=sys.stderr)
        return err.exit_code
    return 1  # not reached: exec replaced this process


if __name__ == "__main__":
    sys.exit(main())
