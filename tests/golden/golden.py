"""Every generated file of every target for a few zoo models and the Brunel example (golden files).

A regression net, not a proof of correctness (that comes from the comparisons with NEST's built-ins,
analytic solutions and GCC's ARM fixed point): a refactor must leave every file byte-identical, and a
deliberate change of generated code shows up as a reviewed diff. Machine-dependent text (absolute
paths, content hashes that include the toolchain fingerprint, version pins of the bundle manifest) is
replaced by placeholders such as ``<ROOT>`` and ``<KEY>``.

    python tests/golden/golden.py            # compare, print a diff, exit 1 on any difference
    python tests/golden/golden.py --write    # refresh after a deliberate change (make golden)
"""
from __future__ import annotations

import difflib
import json
import os
import re
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FILES = HERE / "files"
MODELS = ("iaf_psc_exp", "iaf_psc_alpha", "iaf_cond_exp", "aeif_cond_exp", "izhikevich", "hh_psc_alpha")
BRUNEL = ROOT / "examples" / "brunel" / "brunel_delta_nestml.pnet"
CASES = (*(f"model-{m}" for m in MODELS), "brunel")


def zoo_file(name: str) -> Path:
    return Path(sys.prefix) / "models" / "neurons" / f"{name}_neuron.nestml"


def _normalise(text: str, replacements: dict[str, str]) -> str:
    for old, new in sorted(replacements.items(), key=lambda kv: -len(kv[0])):
        if old:
            text = text.replace(old, new)
    return text


def _replacements() -> dict[str, str]:
    from portasnn.cache import BuildCache

    rep = {str(ROOT): "<ROOT>", sys.prefix: "<PREFIX>", str(BuildCache().root): "<CACHE>",
           tempfile.gettempdir(): "<TMP>"}
    return rep


_KEY = re.compile(r"(__|portasnn_)[0-9a-f]{12,16}(?![0-9a-f])", re.IGNORECASE)


def _mask_keys(text: str) -> str:
    """NEST class/model/module names carry the cache key's short form (it includes the toolchain)."""
    text = _KEY.sub(lambda m: m.group(1) + "<KEY>", text)
    return re.sub(r"/[0-9a-f]{64}/", "/<KEY64>/", text)


FIXED_HEADER = ROOT / "targets" / "spinnaker_host" / "support" / "spinn_fixed.h"
SAME_AS_FIXED_HEADER = "(the same bytes as targets/spinnaker_host/support/spinn_fixed.h)\n"


def generate_case(case: str) -> dict[str, str]:
    """The generated files of one case: relative golden path -> normalised text. A copy of the repository's
    ``spinn_fixed.h`` is stored as one line saying so (a different copy is stored whole, and shows in the diff)."""
    files = _brunel() if case == "brunel" else _model(case.removeprefix("model-"))
    header = FIXED_HEADER.read_text()
    return {rel: SAME_AS_FIXED_HEADER if rel.endswith("/spinn_fixed.h") and text == header else text
            for rel, text in files.items()}


def _lower(target: str, program, options=None) -> dict[str, str]:  # noqa: ANN001
    from portasnn.errors import ModelError
    from portasnn.targets import Options, get

    try:
        return dict(get(target).lower(program, options or Options()).files)
    except ModelError:
        if options is not None:
            raise
        return dict(get(target).lower(program, Options(solver="euler")).files)


def _model(name: str) -> dict[str, str]:
    from portasnn.ir.serialize import canonical_json
    from portasnn.program import load_program

    program = load_program(zoo_file(name))
    (model,) = program.unique_models()
    files: dict[str, str] = {"ir.json": canonical_json(model, indent=2) + "\n"}
    for rel, text in _lower("nest", program).items():
        stem = rel.removeprefix("module/")
        files["nest/module.cpp" if stem.startswith("portasnn_") else f"nest/{stem}"] = text
    host = _lower("spinnaker-host", program)
    files["spinnaker-host/host.h"] = next(t for r, t in host.items() if r.startswith("host/"))
    for rel, text in _lower("spinnaker", program).items():
        files[f"spinnaker/{rel}"] = text
    rep = _replacements()
    return {_mask_keys(f"model-{name}/{rel}"): _mask_keys(_normalise(text, rep)) for rel, text in files.items()}


def _brunel() -> dict[str, str]:
    from portasnn.ir.serialize import canonical_json
    from portasnn.program import load_program
    from portasnn.runtime.bundle import bundle_network

    program = load_program(BRUNEL)
    files: dict[str, str] = {"ir.json": canonical_json(program.network, indent=2) + "\n"}
    for rel, text in _lower("nest", program).items():
        if not rel.startswith("module/"):
            files[f"nest/{rel}"] = text
    for rel, text in _lower("spinnaker", program).items():
        files[f"spinnaker/{rel}"] = text
    with tempfile.TemporaryDirectory(prefix="portasnn-golden-") as tmp:
        for target in ("nest", "spinnaker"):
            bundle = bundle_network(BRUNEL, target=target, outdir=Path(tmp) / "bundles")
            manifest = dict(bundle.manifest)
            for key in ("versions", "created", "portasnn", "toolchain"):
                manifest.pop(key, None)
            # generated payload files are pinned by content above; sources by hash
            manifest["files"] = {k: (v if k.startswith("payload/src/") else "<sha256>")
                                 for k, v in manifest["files"].items()}
            files[f"bundle-{target}/manifest.json"] = json.dumps(manifest, indent=2, sort_keys=True) + "\n"
    rep = _replacements()
    return {_mask_keys(f"brunel/{rel}"): _mask_keys(_normalise(text, rep)) for rel, text in files.items()}


def stored_case(case: str) -> dict[str, str]:
    base = FILES / case
    return {f"{base.name}/{p.relative_to(base).as_posix()}": p.read_text()
            for p in sorted(base.rglob("*")) if p.is_file()}


def diff_case(case: str, generated: dict[str, str]) -> str:
    """A readable unified diff between the stored and the generated files of ``case`` ('' if identical)."""
    stored = stored_case(case)
    out = []
    for rel in sorted(set(stored) | set(generated)):
        a, b = stored.get(rel), generated.get(rel)
        if a == b:
            continue
        if a is None:
            out.append(f"new file (not in the golden files): {rel}")
        elif b is None:
            out.append(f"golden file no longer generated: {rel}")
        else:
            out.extend(difflib.unified_diff(a.splitlines(), b.splitlines(), f"golden/{rel}", f"generated/{rel}",
                                            lineterm="", n=2))
    return "\n".join(out)


def write_case(case: str, generated: dict[str, str]) -> None:
    import shutil

    base = FILES / case
    if base.exists():
        shutil.rmtree(base)
    for rel, text in generated.items():
        dest = FILES / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(text)


def main(argv: list[str]) -> int:
    os.environ.setdefault("PYNEST_QUIET", "1")
    write = "--write" in argv
    cases = [a for a in argv if not a.startswith("-")] or list(CASES)
    failed = 0
    for case in cases:
        generated = generate_case(case)
        if write:
            write_case(case, generated)
            print(f"{case}: wrote {len(generated)} files")
            continue
        diff = diff_case(case, generated)
        if diff:
            failed += 1
            print(diff)
        print(f"{case}: {'DIFFERS' if diff else 'identical'} ({len(generated)} files)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
