"""Images built from Apptainer recipes without Apptainer, and run with the `apptainer exec` stand-in (issue 15 item 1).

A small recipe is really built here: debootstrap from the Debian mirror, %files, %post in a chroot, squashfs,
siftool. The SIF's data objects are read back with siftool, and the stand-in's environment and bind rules are
checked from inside the image against Apptainer's documented defaults.
"""
from __future__ import annotations

import json
import re
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from portasnn.errors import UsageError
from portasnn.runtime import images

REPO = Path(__file__).resolve().parents[2]
TOOLS = ("debootstrap", "mksquashfs", "unsquashfs", "siftool", "unshare")
needs_root = pytest.mark.skipif(os.geteuid() != 0 or any(shutil.which(t) is None for t in TOOLS),
                                reason="building images needs root and debootstrap/squashfs-tools/siftool "
                                       "(make setup installs them)")

TINY = """\
# a small image for the tests
Bootstrap: debootstrap
OSVersion: bookworm
MirrorURL: http://deb.debian.org/debian

%labels
    portasnn.test tiny

%files
    data.txt /opt/data.txt
    tree /opt/tree

%environment
    export FROM_ENVIRONMENT=1

%post
    set -eu
    echo "export FROM_POST=2" >> "$APPTAINER_ENVIRONMENT"
    test "$(cat /opt/data.txt)" = hello
    {post_extra}

%runscript
    exec cat /opt/data.txt

%test
    set -eu
    test "$FROM_ENVIRONMENT" = 1
    test "$FROM_POST" = 2
    {test_extra}
    echo "tiny test passed: $(cat /opt/data.txt) $(cat /opt/tree/a/b.txt)"
"""


def _context(tmp: Path, post_extra: str = "true", test_extra: str = "true") -> Path:
    ctx = tmp / "ctx"
    (ctx / "tree" / "a").mkdir(parents=True)
    (ctx / "data.txt").write_text("hello\n")
    (ctx / "tree" / "a" / "b.txt").write_text("deep\n")
    (ctx / "tiny.def").write_text(TINY.format(post_extra=post_extra, test_extra=test_extra))
    return ctx


def _cli(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", *args], cwd=cwd, capture_output=True, text=True, timeout=900,
                          env=env or dict(os.environ))


def test_the_nest_recipe_reads():
    recipe = images.read_recipe(REPO / "containers" / "nest-pmix.def")
    assert recipe.header["bootstrap"] == "debootstrap" and recipe.header["osversion"] == "bookworm"
    assert ("portasnn", "/opt/portasnn/src/portasnn") in recipe.files()
    assert "nest-simulator==${NEST_VERSION}" in recipe.sections["post"]
    assert recipe.labels()["portasnn.nest"] == "3.10.0"
    assert 'mpirun --oversubscribe -np 2 python3 /tmp/smoke.py' in recipe.sections["test"]
    # the heredoc keeps its lines as written (column 0), or the shell would not find its end
    assert "\nPY\n" in recipe.sections["test"]


@pytest.mark.parametrize("text, where, words", [
    ("Bootstrap: docker\nFrom: debian:12\n", ":1:1", "Bootstrap: docker"),
    ("# a comment\n\nFrom: debian:12\nBootstrap: docker\n", ":4:1", "Bootstrap: docker"),
    ("Bootstrap: debootstrap\nOSVersion: bookworm\nMirrorURL: http://x\n%pots\n  true\n", ":4:1", "%pots"),
    ("Bootstrap: debootstrap\nOSVersion: bookworm\nMirrorURL: http://x\n%setup\n  true\n", ":4:1", "%setup"),
    ("Bootstrap debootstrap\n", ":1:1", "Keyword: value"),
])
def test_a_recipe_this_build_cannot_follow_is_refused(tmp_path, text, where, words):
    path = tmp_path / "bad.def"
    path.write_text(text)
    with pytest.raises(UsageError) as err:
        images.read_recipe(path)
    assert err.value.code == "E691" and str(err.value).startswith(f"{path}{where}: error E691") and words in str(err.value)


def test_the_key_follows_the_files_content(tmp_path):
    ctx = _context(tmp_path)
    recipe = images.read_recipe(ctx / "tiny.def")
    before = images.image_key(recipe, ctx)
    (ctx / "tree" / "a" / "b.txt").write_text("changed\n")
    assert images.image_key(recipe, ctx) != before
    (ctx / "data.txt").unlink()
    with pytest.raises(UsageError, match="data.txt does not exist"):
        images.image_key(recipe, ctx)


@pytest.fixture(scope="module")
def image_cache(tmp_path_factory) -> Path:
    """One cache for this file's builds: the second build reuses the Debian packages the first downloaded."""
    return tmp_path_factory.mktemp("image-cache")


@pytest.mark.slow
@needs_root
def test_a_recipe_builds_into_a_sif_that_runs(tmp_path, image_cache):
    ctx = _context(tmp_path)
    env = {**os.environ, "PORTASNN_CACHE_DIR": str(image_cache)}
    done = _cli("portasnn.runtime.images", "build", "tiny.def", cwd=ctx, env=env)
    assert done.returncode == 0, done.stderr
    sif = Path(done.stdout.strip())
    record = json.loads(sif.with_suffix(".json").read_text())
    assert record["test_output"].strip() == "tiny test passed: hello deep"
    assert record["sif_bytes"] == sif.stat().st_size and record["labels"]["portasnn.test"] == "tiny"

    # the data objects Apptainer writes: the recipe, the labels, the primary system partition
    listing = subprocess.run(["siftool", "list", str(sif)], capture_output=True, text=True, check=True).stdout
    kinds = [line.split("|")[-1].strip() for line in listing.splitlines() if line[:1].isdigit()]
    assert kinds == ["Def.FILE", "JSON.Labels", "FS (Squashfs/*System/amd64)"]
    info = subprocess.run(["siftool", "info", "3", str(sif)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Partition Type:\s+\*System", info) and re.search(r"Group ID:\s+1\n", info), info  # * primary
    deffile = subprocess.run(["siftool", "dump", "1", str(sif)], capture_output=True, text=True, check=True).stdout
    assert deffile == (ctx / "tiny.def").read_text()
    labels = json.loads(subprocess.run(["siftool", "dump", "2", str(sif)], capture_output=True, text=True,
                                       check=True).stdout)
    assert labels["portasnn.test"] == "tiny" and labels["org.label-schema.build-arch"] == "amd64"

    # a second build is the cached image
    again = _cli("portasnn.runtime.images", "build", "tiny.def", cwd=ctx, env=env)
    assert again.returncode == 0 and Path(again.stdout.strip()) == sif and "up to date" in again.stderr

    # exec: Apptainer's environment rules, binds and exit status
    work = tmp_path / "work"
    work.mkdir()
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "in.txt").write_text("bound\n")
    run_env = {**env, "HOST_ONLY": "h", "APPTAINERENV_SET_BY_PREFIX": "p", "PATH": "/host/bin:" + os.environ["PATH"],
               "LD_LIBRARY_PATH": "/host/lib"}
    script = ('echo "$HOST_ONLY|$SET_BY_PREFIX|$FROM_ENVIRONMENT|$FROM_POST|$PATH|$LD_LIBRARY_PATH|$(pwd)"; '
              'cat /mnt/x/in.txt; cat /opt/data.txt; echo out > inside.txt; exit 3')
    ran = subprocess.run([sys.executable, "-m", "portasnn.runtime.sif_exec", "--bind", f"{extra}:/mnt/x", str(sif),
                          "/bin/sh", "-c", script], cwd=work, env=run_env, capture_output=True, text=True, timeout=300)
    assert ran.returncode == 3, ran.stderr
    first, *rest = ran.stdout.splitlines()
    host, prefixed, from_env, from_post, path, ld, cwd = first.split("|")
    assert (host, prefixed, from_env, from_post) == ("h", "p", "1", "2")
    assert "/host/bin" not in path and path.endswith("/usr/bin:/sbin:/bin") and ld == "/.singularity.d/libs"
    assert cwd == str(work) and rest == ["bound", "hello"]
    assert (work / "inside.txt").read_text() == "out\n"  # the current directory is the host's
    clean = subprocess.run([sys.executable, "-m", "portasnn.runtime.sif_exec", "--cleanenv", str(sif), "/bin/sh",
                            "-c", 'echo "[$HOST_ONLY][$FROM_ENVIRONMENT]"'], cwd=work, env=run_env,
                           capture_output=True, text=True, timeout=300)
    assert clean.returncode == 0 and clean.stdout == "[][1]\n", clean.stderr


@pytest.mark.slow
@needs_root
def _failing_build(tmp_path, image_cache, **extra: str) -> tuple[subprocess.CompletedProcess, Path]:  # noqa: ANN001
    """Build the tiny recipe with ``extra`` (``post_extra``/``test_extra``) that fails: the command's result and the
    cache path of its image without suffix."""
    ctx = _context(tmp_path, **extra)
    env = {**os.environ, "PORTASNN_CACHE_DIR": str(image_cache)}
    done = _cli("portasnn.runtime.images", "build", "tiny.def", cwd=ctx, env=env)
    key = images.image_key(images.read_recipe(ctx / "tiny.def"), ctx)
    return done, image_cache / "images" / f"tiny-{key}"


def test_a_failing_post_leaves_no_image(tmp_path, image_cache):
    done, base = _failing_build(tmp_path, image_cache, post_extra="echo 'this step fails'; exit 7")
    assert done.returncode == 1
    assert "%post failed (exit 7)" in done.stderr and "this step fails" in done.stderr
    assert not base.with_suffix(".sif").exists() and not base.with_suffix(".work").exists()
    assert "this step fails" in base.with_suffix(".log").read_text()  # the log stays for the user


@pytest.mark.slow
@needs_root
def test_a_failing_test_keeps_the_image_aside(tmp_path, image_cache):
    done, base = _failing_build(tmp_path, image_cache, test_extra="echo 'the image test fails'; exit 5")
    assert done.returncode == 1 and "%test failed (exit 5)" in done.stderr, done.stderr
    assert not base.with_suffix(".sif").exists()  # never the cached image
    kept = base.with_suffix(".failed.sif")
    assert f"kept as {kept}" in done.stderr and kept.is_file()
    inside = subprocess.run([sys.executable, "-m", "portasnn.runtime.sif_exec", str(kept), "cat", "/opt/data.txt"],
                            cwd="/", capture_output=True, text=True, timeout=300)
    assert inside.returncode == 0 and inside.stdout == "hello\n", inside.stderr  # cwd / is the image's own


def test_bad_input_to_the_build_and_exec_commands_is_a_clear_error(tmp_path):
    """issue 15 item 1: no traceback, the code and what to do, exit 2, for what a user can get wrong."""
    ctx = _context(tmp_path)
    no_tools = {**os.environ, "PATH": str(tmp_path / "empty"), "PORTASNN_CACHE_DIR": str(tmp_path / "cache")}
    done = _cli("portasnn.runtime.images", "build", "tiny.def", cwd=ctx, env=no_tools)
    assert done.returncode == 2 and "error E692" in done.stderr and "apt-get install" in done.stderr, done.stderr
    bad = ctx / "bad.def"
    bad.write_text("Bootstrap: docker\nFrom: debian:12\n")
    done = _cli("portasnn.runtime.images", "build", "bad.def", cwd=ctx)
    assert done.returncode == 2 and f"{bad.name}:1:1: error E691" in done.stderr and "Traceback" not in done.stderr
    not_sif = ctx / "data.txt"
    for args, words in (([str(not_sif), "true"], "not a SIF image"), ([str(tmp_path / "none.sif"), "true"], "no image"),
                        ([str(not_sif)], "no command"), (["--bind", "rel:/x", str(not_sif), "true"], "absolute")):
        done = _cli("portasnn.runtime.sif_exec", *args, cwd=ctx)
        assert done.returncode == 2 and "E69" in done.stderr and words in done.stderr, (args, done.stderr)
        assert "Traceback" not in done.stderr
