"""The wheel holds every file the package needs (a non-editable install, as in the NEST image, is what HPC sites
run): each file tracked under portasnn/, targets/ and runtime/ is in it, at its package path. The first image run
under Slurm failed because the templates/ folders were not package data."""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FOLDERS = {"portasnn": "portasnn", "targets": "portasnn/targets", "runtime": "portasnn/runtime"}


@pytest.mark.slow
def test_wheel_has_every_tracked_file_of_the_package(tmp_path):
    # built from a copy of the tracked files: setuptools reuses an in-tree build/ folder, which would hide a file
    # left out of the package data
    source = tmp_path / "source"
    files = subprocess.run(["git", "ls-files"], capture_output=True, text=True, cwd=REPO, check=True).stdout.split()
    for rel in files:
        if (REPO / rel).is_file():
            (source / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / rel, source / rel)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", str(source), "--no-deps", "-w", str(tmp_path), "-q"],
                           capture_output=True, text=True, timeout=900)
    assert built.returncode == 0, built.stderr[-3000:]
    (wheel,) = tmp_path.glob("portasnn-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    tracked = subprocess.run(["git", "ls-files", *FOLDERS], capture_output=True, text=True, cwd=REPO,
                             check=True).stdout.split()
    assert len(tracked) > 100
    missing = [f for f in tracked if not f.endswith(".md")
               and f"{FOLDERS[f.split('/', 1)[0]]}/{f.split('/', 1)[1]}" not in names]
    assert not missing, missing
