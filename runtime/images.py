"""Build an Apptainer recipe into a SIF image the way Apptainer does, without Apptainer.

    python -m portasnn.runtime.images build containers/nest-pmix.def [--context .] [--force]
    python -m portasnn.runtime.images path containers/nest-pmix.def      # the cached image, if built

The recipe is read, not copied: its header (``Bootstrap: debootstrap``, ``OSVersion``, ``MirrorURL``,
``Include``) gives the ``debootstrap --variant=minbase`` call Apptainer makes; ``%files`` are copied from the
build context (the directory the build is started in, as ``apptainer build`` does); ``%post`` runs in a chroot
inside a private mount namespace (``/proc``, ``/sys``, ``/dev`` mounted there, the host's ``resolv.conf``);
``%environment``, ``%runscript``, ``%test``, ``%labels`` and the recipe itself become the files under
``/.singularity.d`` that Apptainer writes. The root file system is packed with ``mksquashfs`` and wrapped with
``siftool`` into a SIF file with Apptainer's data objects: the definition file, the labels (JSON) and the primary
system partition (squashfs, amd64). Then ``%test`` runs in the finished image through ``portasnn.runtime.sif_exec``
(the stand-in for ``apptainer exec``) and must pass.

The image is cached under ``<cache>/images/<name>-<key>.sif``, keyed by the recipe's text and the content of
every ``%files`` source (an image holds those files: a change to them is a new image). A JSON record next to it
keeps the build time, the sizes, the ``%test`` output and the SIF's data objects.

Needs root (chroot, mount namespaces), ``debootstrap``, ``mksquashfs``/``unsquashfs`` and ``siftool``
(Debian: ``apt-get install debootstrap squashfs-tools siftool``).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import re
import shlex
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from portasnn.errors import PortasnnError, Span, ToolError, UsageError

TOOLS = {"debootstrap": "debootstrap", "mksquashfs": "squashfs-tools", "unsquashfs": "squashfs-tools",
         "siftool": "siftool", "unshare": "util-linux", "chroot": "coreutils"}
SECTIONS = ("setup", "files", "environment", "post", "runscript", "startscript", "test", "labels", "help")
SUPPORTED = {"files", "environment", "post", "runscript", "test", "labels", "help"}
DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
HOST_CA = "/etc/ssl/certs/ca-certificates.crt"
BUILD_CA = "/.build-ca.crt"
SIF_ARCH = {"x86_64": ("amd64", 2), "aarch64": ("arm64", 4)}


@dataclass(frozen=True, slots=True)
class Recipe:
    """An Apptainer definition file: its header keywords and the text of each section, as written."""

    path: Path
    text: str
    header: dict[str, str]
    sections: dict[str, str]

    @property
    def name(self) -> str:
        return self.path.stem

    def files(self) -> list[tuple[str, str]]:
        """``%files`` as (source, destination) pairs; a lone source is copied to the same path."""
        pairs = []
        for line in self.sections.get("files", "").splitlines():
            words = shlex.split(line, comments=True)
            if words:
                pairs.append((words[0], words[1] if len(words) > 1 else words[0]))
        return pairs

    def labels(self) -> dict[str, str]:
        out = {}
        for line in self.sections.get("labels", "").splitlines():
            parts = line.strip().split(None, 1)
            if parts and not parts[0].startswith("#"):
                out[parts[0]] = parts[1] if len(parts) > 1 else ""
        return out


def read_recipe(path: Path) -> Recipe:
    """Split a definition file into header and sections (a section starts at a line ``%name``)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as err:
        raise UsageError(f"cannot read the recipe {path}: {err.strerror}", code="E691") from None
    header: dict[str, str] = {}
    header_lines: dict[str, int] = {}
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for lineno, line in enumerate(text.splitlines(), 1):
        m = re.match(r"^%(\w+)", line)
        if m:
            name = m.group(1)
            if name not in SECTIONS:
                raise UsageError(f"unknown section %{name}", code="E691", span=Span(str(path), lineno, 1),
                                 hint=f"Apptainer's sections are {', '.join('%' + s for s in SECTIONS)}")
            if name not in SUPPORTED:
                raise UsageError(f"section %{name} is not supported by this build", span=Span(str(path), lineno, 1),
                                 code="E691", hint="build this recipe with apptainer itself")
            current = sections.setdefault(name, [])
        elif current is not None:
            current.append(line)
        elif line.strip() and not line.lstrip().startswith("#"):
            key, sep, value = line.partition(":")
            if not sep:
                raise UsageError(f"a header line is 'Keyword: value', got {line.strip()!r}", code="E691",
                                 span=Span(str(path), lineno, 1))
            header[key.strip().lower()] = value.strip()
            header_lines.setdefault(key.strip().lower(), lineno)
    bootstrap = header.get("bootstrap")
    if bootstrap != "debootstrap" or "osversion" not in header or "mirrorurl" not in header:
        raise UsageError(f"this build makes the root file system with debootstrap; the recipe says "
                         f"'Bootstrap: {bootstrap}'", code="E691", span=Span(str(path), header_lines.get("bootstrap", 1), 1),
                         hint="use 'Bootstrap: debootstrap' with 'OSVersion:' and 'MirrorURL:' (a Debian mirror)")
    return Recipe(path, text, header, {k: "\n".join(v).strip("\n") + "\n" for k, v in sections.items()})


def _tree_digest(digest: "hashlib._Hash", path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        for child in sorted(path.iterdir()):
            if child.name == "__pycache__":
                continue
            digest.update(f"D{child.name}\0".encode())
            _tree_digest(digest, child)
    elif path.is_file():
        digest.update(b"F" + path.read_bytes())


def image_key(recipe: Recipe, context: Path) -> str:
    """The cache key: the recipe's text and the content of every ``%files`` source."""
    digest = hashlib.sha256(recipe.text.encode())
    for src, dst in recipe.files():
        digest.update(f"\0{src}\0{dst}\0".encode())
        source = context / src
        if not source.exists():
            raise UsageError(f"{recipe.path}: %files source {src} does not exist in {context}", code="E691",
                             hint="start the build in the directory the recipe's %files are relative to")
        _tree_digest(digest, source)
    return digest.hexdigest()[:16]


def images_dir() -> Path:
    from portasnn.paths import cache_dir

    return cache_dir() / "images"


def image_path(recipe: Recipe, context: Path) -> Path:
    return images_dir() / f"{recipe.name}-{image_key(recipe, context)}.sif"


def latest(name: str) -> Path | None:
    """The most recently built image of the recipe called ``name`` (any key), or None."""
    built = [p for p in images_dir().glob(f"{name}-*.sif") if p.with_suffix(".json").exists()]
    return max(built, key=lambda p: p.stat().st_mtime, default=None)


def check_tools() -> None:
    missing = sorted({pkg for tool, pkg in TOOLS.items() if shutil.which(tool) is None})
    if missing:
        raise UsageError(f"building images needs {', '.join(missing)}", code="E692",
                         hint=f"apt-get install {' '.join(missing)}")
    if os.geteuid() != 0:
        raise UsageError("building images needs root (debootstrap, chroot and mount namespaces)", code="E692",
                         hint="run it as root, e.g. sudo make images")


class Log:
    """The build log file; each step is also announced on stderr."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = path.open("w", encoding="utf-8")
        self.t0 = time.monotonic()

    def step(self, text: str) -> None:
        line = f"[{time.monotonic() - self.t0:7.1f} s] {text}"
        print(line, file=sys.stderr, flush=True)
        self.file.write(line + "\n")
        self.file.flush()

    def run(self, argv: list[str], what: str, env: dict[str, str] | None = None, capture: bool = False) -> str:
        """Run ``argv`` with its output in the log (and returned when ``capture``); a failure names the step."""
        self.file.write(f"$ {shlex.join(argv)}\n")
        self.file.flush()
        proc = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, stderr=subprocess.STDOUT,
                              stdout=subprocess.PIPE if capture else self.file, text=True)
        if capture:
            self.file.write(proc.stdout)
            self.file.flush()
        if proc.returncode != 0:
            tail = "".join(self.path.read_text(errors="replace").splitlines(keepends=True)[-25:])
            raise ToolError(f"image build: {what} failed (exit {proc.returncode}); log {self.path}\n{tail}")
        return proc.stdout if capture else ""


def _chroot_argv(rootfs: Path, script: str, binds: tuple[str, ...] = ()) -> list[str]:
    """Run ``script`` (a path inside ``rootfs``) with /bin/sh in a chroot, inside a private mount namespace that
    has /proc, /sys and /dev (and ``binds``) mounted: the mounts vanish with the namespace."""
    r = shlex.quote(str(rootfs))
    mounts = [f"mount -t proc proc {r}/proc", f"mount --rbind /sys {r}/sys", f"mount --rbind /dev {r}/dev"]
    mounts += [f"mkdir -p {r}{shlex.quote(b)} && mount --bind {shlex.quote(b)} {r}{shlex.quote(b)}" for b in binds]
    inner = " && ".join(mounts) + f" && exec chroot {r} /bin/sh -e {shlex.quote(script)}"
    return ["unshare", "--mount", "--propagation", "private", "--fork", "/bin/sh", "-c", inner]


def _singularity_dir(rootfs: Path, recipe: Recipe, labels: dict[str, str]) -> None:
    """The metadata Apptainer keeps in the image: environment scripts, runscript, test, labels, the recipe."""
    meta = rootfs / ".singularity.d"
    for sub in ("env", "actions", "libs"):
        (meta / sub).mkdir(parents=True, exist_ok=True)
    (meta / "env" / "01-base.sh").write_text("#!/bin/sh\n# base environment\n")
    (meta / "env" / "90-environment.sh").write_text("#!/bin/sh\n# %environment\n" +
                                                   recipe.sections.get("environment", ""))
    (meta / "env" / "91-environment.sh").write_text("#!/bin/sh\n# written by %post through $APPTAINER_ENVIRONMENT\n")
    (meta / "env" / "99-base.sh").write_text('#!/bin/sh\nPS1="Apptainer> "\nexport PS1\n')
    (meta / "runscript").write_text("#!/bin/sh\n" + recipe.sections.get("runscript", "exec /bin/sh \"$@\"\n"))
    if "test" in recipe.sections:
        (meta / "test").write_text("#!/bin/sh\n" + recipe.sections["test"])
    (meta / "Singularity").write_text(recipe.text)
    (meta / "labels.json").write_text(json.dumps(labels, indent=4, sort_keys=True) + "\n")
    if "help" in recipe.sections:
        (meta / "runscript.help").write_text(recipe.sections["help"])
    for script in ("runscript", "test", "env/01-base.sh", "env/90-environment.sh", "env/91-environment.sh",
                   "env/99-base.sh"):
        if (meta / script).exists():
            (meta / script).chmod(0o755)
    for link, target in (("singularity", ".singularity.d/runscript"),
                         ("environment", ".singularity.d/env/90-environment.sh")):
        if not (rootfs / link).exists():
            (rootfs / link).symlink_to(target)
    for mountpoint in ("proc", "sys", "dev", "tmp", "var/tmp", "home", "root", "etc"):
        (rootfs / mountpoint).mkdir(parents=True, exist_ok=True)
    for f in ("etc/hosts", "etc/localtime", "etc/resolv.conf"):
        if not (rootfs / f).exists() and not (rootfs / f).is_symlink():
            (rootfs / f).touch()


def _host_trust(rootfs: Path) -> dict[str, str]:
    """The host's CA bundle, visible to %post only (as PIP_CERT, SSL_CERT_FILE, REQUESTS_CA_BUNDLE): on a network
    that inspects TLS, downloads in %post must trust what the host trusts. It is removed before packing."""
    host = Path(os.environ.get("SSL_CERT_FILE") or HOST_CA)
    if not host.is_file():
        return {}
    shutil.copy2(host, rootfs / BUILD_CA.lstrip("/"))
    return {"PIP_CERT": BUILD_CA, "SSL_CERT_FILE": BUILD_CA, "REQUESTS_CA_BUNDLE": BUILD_CA, "CURL_CA_BUNDLE": BUILD_CA}


def _copy_files(recipe: Recipe, context: Path, rootfs: Path) -> None:
    for src, dst in recipe.files():
        target = rootfs / dst.lstrip("/")
        target.parent.mkdir(parents=True, exist_ok=True)
        source = context / src
        if source.is_dir():
            shutil.copytree(source, target, symlinks=False, dirs_exist_ok=True,
                            ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target)


def build(recipe_path: Path, context: Path, *, force: bool = False) -> Path:
    """Build ``recipe_path`` (``%files`` relative to ``context``) into a cached SIF image; return its path."""
    recipe = read_recipe(recipe_path)
    key = image_key(recipe, context)
    sif = images_dir() / f"{recipe.name}-{key}.sif"
    if sif.exists() and sif.with_suffix(".json").exists() and not force:
        print(f"image up to date: {sif}", file=sys.stderr)
        return sif
    check_tools()
    arch = SIF_ARCH.get(platform.machine())
    if arch is None:
        raise UsageError(f"no SIF architecture for this machine ({platform.machine()})", code="E692")
    work = sif.with_suffix(".work")
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    rootfs = work / "rootfs"
    log = Log(sif.with_suffix(".log"))
    t0 = time.monotonic()
    times: dict[str, float] = {}
    try:
        _copy_files(recipe, context, work / "files")  # the %files as they are now: the content the key names
        h = recipe.header
        debs = images_dir() / "debootstrap-debs"  # downloaded packages, kept between builds (debootstrap checks them)
        debs.mkdir(parents=True, exist_ok=True)
        argv = ["debootstrap", "--variant=minbase", f"--arch={arch[0]}", f"--cache-dir={debs.resolve()}"]
        if h.get("include"):
            argv.append("--include=" + ",".join(h["include"].replace(",", " ").split()))
        argv += [h["osversion"], str(rootfs), h["mirrorurl"]]
        log.step(f"debootstrap {h['osversion']} from {h['mirrorurl']}")
        log.run(argv, "debootstrap")
        times["debootstrap_s"] = time.monotonic() - t0

        labels = {"org.label-schema.build-arch": arch[0],
                  "org.label-schema.build-date": time.strftime("%A_%-d_%B_%Y_%-H:%M:%S_%Z"),
                  "org.label-schema.schema-version": "1.0",
                  "org.label-schema.usage.singularity.deffile.bootstrap": h["bootstrap"],
                  "org.label-schema.usage.singularity.deffile.mirrorurl": h["mirrorurl"],
                  "org.label-schema.usage.singularity.deffile.osversion": h["osversion"],
                  **recipe.labels()}
        _singularity_dir(rootfs, recipe, labels)
        log.step(f"%files: {len(recipe.files())} entries from {context}")
        shutil.copytree(work / "files", rootfs, symlinks=True, dirs_exist_ok=True)
        if "post" in recipe.sections:
            shutil.copy2("/etc/resolv.conf", rootfs / "etc" / "resolv.conf")
            (rootfs / ".post.script").write_text(recipe.sections["post"])
            env = _host_trust(rootfs)
            env |= {"PATH": DEFAULT_PATH, "HOME": "/root", "LANG": "C", "TERM": "dumb",
                   "APPTAINER_ROOTFS": "/", "SINGULARITY_ROOTFS": "/",
                   "APPTAINER_ENVIRONMENT": "/.singularity.d/env/91-environment.sh",
                   "SINGULARITY_ENVIRONMENT": "/.singularity.d/env/91-environment.sh"}
            t = time.monotonic()
            log.step("%post (the longest step: packages and compiled software)")
            log.run(_chroot_argv(rootfs, "/.post.script"), "%post", env=env)
            (rootfs / ".post.script").unlink()
            (rootfs / BUILD_CA.lstrip("/")).unlink(missing_ok=True)
            (rootfs / "etc" / "resolv.conf").write_text("")
            times["post_s"] = time.monotonic() - t
        squash = work / "rootfs.squashfs"
        t = time.monotonic()
        log.step("mksquashfs")
        log.run(["mksquashfs", str(rootfs), str(squash), "-noappend", "-all-root", "-comp", "gzip",
                 "-processors", str(os.cpu_count() or 1)], "mksquashfs")
        times["squashfs_s"] = time.monotonic() - t
        (work / "labels.json").write_text((rootfs / ".singularity.d" / "labels.json").read_text())
        (work / "Singularity").write_text(recipe.text)
        tmp_sif = work / "image.sif"
        log.step("siftool: definition file, labels, primary system partition")
        log.run(["siftool", "new", str(tmp_sif)], "siftool new")
        log.run(["siftool", "add", str(tmp_sif), str(work / "Singularity"), "--datatype", "1", "--groupid", "1"], "siftool add deffile")
        log.run(["siftool", "add", str(tmp_sif), str(work / "labels.json"), "--datatype", "3", "--groupid", "1"],
                "siftool add labels")
        log.run(["siftool", "add", str(tmp_sif), str(squash), "--datatype", "4", "--groupid", "1", "--parttype", "2",
                 "--partfs", "1", "--partarch", str(arch[1])], "siftool add partition")
        objects = log.run(["siftool", "list", str(tmp_sif)], "siftool list", capture=True)
        rootfs_bytes = int(subprocess.run(["du", "-sb", str(rootfs)], capture_output=True, text=True,
                                          check=True).stdout.split()[0])
        shutil.rmtree(rootfs)
        tmp_sif.replace(sif)
        test_out = ""
        if "test" in recipe.sections:
            from portasnn.runtime import sif_exec

            t = time.monotonic()
            log.step("%test inside the image")
            try:
                test_out = log.run([sys.executable, "-m", "portasnn.runtime.sif_exec", str(sif), "/bin/sh", "-e",
                                    "/.singularity.d/test"], "%test", capture=True, env=sif_exec.host_env())
            except ToolError as err:  # the image is kept aside for a look inside, never as the cached image
                failed = sif.with_suffix(".failed.sif")
                sif.replace(failed)
                raise ToolError(f"{err}\nthe image is kept as {failed}") from None
            times["test_s"] = time.monotonic() - t
        record = {
            "recipe": str(recipe.path), "recipe_sha256": hashlib.sha256(recipe.text.encode()).hexdigest(),
            "key": key, "sif": sif.name,
            "sif_sha256": _sha256_file(sif), "sif_bytes": sif.stat().st_size, "rootfs_bytes": rootfs_bytes,
            "build_s": round(time.monotonic() - t0, 1), **{k: round(v, 1) for k, v in times.items()},
            "cpus": os.cpu_count(), "sif_objects": objects.strip().splitlines(), "test_output": test_out,
            "labels": labels, "built": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        sif.with_suffix(".json").write_text(json.dumps(record, indent=2) + "\n")
        log.step(f"built {sif} ({sif.stat().st_size / 2**20:.0f} MiB) in {record['build_s']:.0f} s")
    except BaseException:
        sif.unlink(missing_ok=True)
        raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return sif


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m portasnn.runtime.images", description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build", help="build a recipe into a cached SIF image")
    b.add_argument("recipe", type=Path)
    b.add_argument("--context", type=Path, default=Path.cwd(), help="directory %%files are relative to")
    b.add_argument("--force", action="store_true", help="build again even if the image is cached")
    p = sub.add_parser("path", help="print the cached image's path (exit 1 if it is not built)")
    p.add_argument("recipe", type=Path)
    p.add_argument("--context", type=Path, default=Path.cwd())
    args = parser.parse_args(argv)
    try:
        if args.command == "build":
            print(build(args.recipe, args.context.resolve(), force=args.force))
            return 0
        sif = image_path(read_recipe(args.recipe), args.context.resolve())
        if not sif.exists():
            print(f"not built: {sif}", file=sys.stderr)
            return 1
        print(sif)
        return 0
    except (PortasnnError, ToolError) as err:
        print(f"error: {err}" if isinstance(err, ToolError) else str(err), file=sys.stderr)
        return err.exit_code


if __name__ == "__main__":
    sys.exit(main())
