"""The error-code registry (issue 12 item 4): every code the source raises is defined once in
``portasnn.codes``, raised only by the parts of portasnn its entry names, and every entry is used.

The source is read, not run: every string literal shaped like a code (``"E302"``, ``"W101"``) in
``portasnn/``, ``targets/`` and ``runtime/`` counts as a use, however it reaches an error or warning
(``code="E302"``, a helper's argument, a table of NESTML message kinds).
"""
from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

from portasnn import codes
from portasnn.codes import CODES, STAGES

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("portasnn", "targets", "runtime")
REGISTRY = Path("portasnn/codes.py")
CODE = re.compile(r"^[EW]\d{3}$")

# the parts of portasnn a registry entry may name in ``raised_by``, as source path prefixes
PARTS: dict[str, tuple[str, ...]] = {
    "cli": ("portasnn/cli.py", "portasnn/commands/", "portasnn/modules.py", "portasnn/run.py",
            "portasnn/program.py", "targets/__init__.py", "portasnn/nonfinite.py", "portasnn/weight_scaling.py"),
    "frontend": ("portasnn/frontend/", "portasnn/passes/", "portasnn/ir/", "portasnn/builder.py"),
    "nest": ("targets/nest/",),
    "spinnaker": ("targets/spinnaker/",),
    "spinnaker-host": ("targets/spinnaker_host/",),
    "runtime": ("runtime/",),
    "harness": ("portasnn/harness/", "portasnn/results.py"),
    "pynn": ("portasnn/pynn/",),
}

ERROR_CLASSES = {"PortasnnError", "ModelError", "NetworkError", "UsageError"}


def _defaults(tree: ast.AST) -> set[int]:
    """ids of the nodes that are default values of function parameters (``code="E000"`` in a signature)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.arguments):
            found.update(id(d) for d in (*node.defaults, *node.kw_defaults) if d is not None)
    return found


def _sources() -> list[tuple[Path, ast.AST]]:
    out = []
    for top in SOURCES:
        for path in sorted((ROOT / top).rglob("*.py")):
            rel = path.relative_to(ROOT)
            if rel != REGISTRY:
                out.append((rel, ast.parse(path.read_text(encoding="utf-8"), filename=str(rel))))
    return out


SOURCE_TREES = _sources()


def _uses() -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """code -> every ``file:line`` whose source writes it: in code, and as a parameter's default."""
    uses: dict[str, list[str]] = defaultdict(list)
    as_default: dict[str, list[str]] = defaultdict(list)
    for rel, tree in SOURCE_TREES:
        defaults = _defaults(tree)
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and CODE.match(node.value):
                (as_default if id(node) in defaults else uses)[node.value].append(f"{rel}:{node.lineno}")
    return uses, as_default


USES, DEFAULTS = _uses()
ALL_USES = {code: USES.get(code, []) + DEFAULTS.get(code, []) for code in {*USES, *DEFAULTS}}


def test_the_source_raises_codes():
    assert len(USES) > 150  # the scan finds the codes (a broken scan must not pass vacuously)
    assert "E302" in USES and "W101" in USES


def test_every_code_in_the_source_is_in_the_registry():
    missing = {code: where for code, where in ALL_USES.items() if code not in CODES}
    assert not missing, f"codes used but not defined in portasnn/codes.py: {missing}"


def test_each_code_is_raised_only_by_the_parts_its_entry_names():
    """One code, one meaning: a code raised from an unrelated part of portasnn is a collision."""
    wrong = []
    for code, where in sorted(ALL_USES.items()):
        entry = CODES.get(code)
        if entry is not None and entry.reserved:
            continue
        if entry is None:
            continue
        prefixes = tuple(p for part in entry.raised_by for p in PARTS[part])
        wrong += [f"{code} ({entry.title}) at {w}, outside {', '.join(entry.raised_by)}"
                  for w in where if not w.startswith(prefixes)]
    assert not wrong, "\n".join(wrong)


def test_every_entry_is_raised_somewhere_or_reserved():
    unused = [c.code for c in CODES.values() if not c.reserved and c.code not in ALL_USES]
    assert not unused, f"defined but raised nowhere (remove them or mark them reserved): {unused}"
    # a reserved code may be a parameter's default (E000 of PortasnnError), never written where an error is raised
    reserved_but_used = {c.code: USES[c.code] for c in CODES.values() if c.reserved and c.code in USES}
    assert not reserved_but_used


def test_entries_are_unique_and_well_formed():
    assert len(CODES) == len(codes._ALL), "a code is defined twice"
    titles = [c.title for c in CODES.values()]
    assert len(set(titles)) == len(titles), "two codes with the same title mean the same thing"
    for c in CODES.values():
        assert CODE.match(c.code), c
        assert c.code[1] in STAGES, c
        assert c.title and "\n" not in c.title and not c.title.endswith("."), c
        assert c.explanation.endswith((".", ")")) and len(c.explanation) > len(c.title), c
        assert set(c.raised_by) <= set(PARTS), c
        assert c.reserved or c.raised_by, c
    listed = list(CODES)
    assert listed == sorted(listed, key=lambda k: (k[1], k[0], k)), "keep the registry in stage order"


def test_every_error_is_constructed_with_a_code():
    """A PortasnnError without ``code=`` would be E000, which says nothing."""
    missing = []
    for rel, tree in SOURCE_TREES:
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                if name in ERROR_CLASSES and not any(k.arg == "code" for k in node.keywords):
                    missing.append(f"{rel}:{node.lineno}")
    assert not missing, missing


@pytest.mark.parametrize("code", ["e302", " E302 "])
def test_lookup_is_forgiving(code):
    assert codes.lookup(code) is CODES["E302"]
    assert codes.lookup("E998") is None
