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


def _replacements(out: Path | None = None) -> dict[str, str]:
    from portasnn.cache import BuildCache

    rep = {str(ROOT): "<ROOT>", sys.prefix: "<PREFIX>", str(BuildCache().root): "<CACHE>",
           tempfile.gettempdir(): "<TMP>"}
    if out is not None:
        rep[str(out)] = "<OUT>"
        rep[str(out.resolve())] = "<OUT>"
    return rep


_KEY = re.compile(r"(__|portasnn_)[0-9a-f]{12,16}(?![0-9a-f])", re.IGNORECASE)


def _mask_keys(text: str) -> str:
    """NEST class/model/module names carry the cache key's short form (it includes the toolchain)."""
    text = _KEY.sub(lambda m: m.group(1) + "<KEY>", text)
    return re.sub(r"/[0-9a-f]{64}/", "/<KEY64>/", text)


def generate_case(case: str) -> dict[str, str]:
    """The generated files of one case: relative golden path -> normalised text."""
    if case == "brunel":
        return _brunel()
    return _model(case.removeprefix("model-"))


def _model(name: str) -> dict[str, str]:
    from portasnn.builder import load_ir
    from portasnn.errors import ModelError
    from portasnn.ir.serialize import canonical_json
    from portasnn.targets.nest.compile import render_module_source
    from portasnn.targets.nest.lower import lower_model
    from portasnn.targets.spinnaker import build_spinnaker
    from portasnn.targets.spinnaker_host.lower import host_model

    path = zoo_file(name)
    (model,) = load_ir(path)
    files: dict[str, str] = {"ir.json": canonical_json(model, indent=2) + "\n"}
    cls = f"{model.name}__0123456789ab"
    for rel, text in lower_model(model, cls, cls).items():
        files[f"nest/{rel}"] = text
    files["nest/module.cpp"] = render_module_source("portasnn_0123456789ab", [(cls, cls)], [f"{cls}.h"])
    solver = None
    try:
        host = host_model(model)
    except ModelError:
        solver = "euler"
        host = host_model(model, solver)
    files["spinnaker-host/host.h"] = host.header
    with tempfile.TemporaryDirectory(prefix="portasnn-golden-") as tmp:
        out = Path(tmp) / "out"
        build_spinnaker(path, out, solver=solver, make=False)
        rep = _replacements(out)
        for rel, text in _tree(out).items():
            files[f"spinnaker/{rel}"] = _normalise(text, rep)
    rep = _replacements()
    return {_mask_keys(f"model-{name}/{rel}"): _mask_keys(_normalise(text, rep)) for rel, text in files.items()}


def _brunel() -> dict[str, str]:
    from portasnn.frontend.network import load_network
    from portasnn.ir.serialize import canonical_json
    from portasnn.runtime.bundle import bundle_network
    from portasnn.targets.nest.network import lower_network, resolve_models
    from portasnn.targets.spinnaker import build_spinnaker

    net = load_network(BRUNEL)
    files: dict[str, str] = {"ir.json": canonical_json(net, indent=2) + "\n"}
    script = lower_network(net, resolve_models(net))
    files[f"nest/{script.filename}"] = script.text
    with tempfile.TemporaryDirectory(prefix="portasnn-golden-") as tmp:
        out = Path(tmp) / "out"
        build_spinnaker(BRUNEL, out, make=False)
        rep = _replacements(out)
        for rel, text in _tree(out).items():
            files[f"spinnaker/{rel}"] = _normalise(text, rep)
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
