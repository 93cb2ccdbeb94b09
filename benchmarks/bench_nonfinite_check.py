#!/usr/bin/env python3
"""Cost of the non-finite state check in the generated NEST models (issue 13 item 2).

    nice .venv/bin/python benchmarks/bench_nonfinite_check.py [--repeats 3]

The network and its timing are those of bench_brunel_models.py (Brunel, 10 000 iaf_psc_exp_neuron,
1 s at 0.1 ms, one thread, only nest.Simulate timed, each run in a fresh process, the order alternating
between repetitions). Two builds of the zoo's iaf_psc_exp_neuron: ``checked`` (what portasnn generates:
the sum of the real state variables tested with std::isfinite after integrate_odes and at the end of
each step)
and ``unchecked`` (the same sources with those tests removed). The ratios are the medians of the
per-repetition ratios checked / unchecked; the spike counts must be identical.
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_brunel_models import (C_M, CE, CHILD, CI, DELAY, ETA, G, J, MODEL, NE, NI, RESOLUTION, SEED,  # noqa: E402
                                 SIM_MS, TAU_M, THETA, neuron_params, psc_amplitude)
from bench_build import RESULTS, ZOO, machine, run_child  # noqa: E402

VARIANTS = ("checked", "unchecked")
_CHECK = re.compile(r"\n *if \(!std::isfinite\([^()]*\)\) \[\[unlikely\]\]\n *\{\n"
                    r" *report_nonfinite_\(origin, lag\);\n *\}")


def unchecked_module() -> tuple[str, str]:
    """(module path without suffix, NEST model name) of the build without the checks."""
    from portasnn.program import load_models
    from portasnn.targets.nest.driver import generator_hash
    from portasnn.ir.serialize import canonical_json
    from portasnn.targets.nest.compile import build_cached_module
    from portasnn.targets.nest.lower import lower_model

    (model,) = load_models(ZOO / f"{MODEL}.nestml")

    def recipe(suffix: str):
        cls = f"{model.name}__{suffix}"
        sources = lower_model(model, cls, cls)
        stripped = {k: _CHECK.sub("", v) for k, v in sources.items()}
        removed = sum(len(_CHECK.findall(v)) for v in sources.values())
        assert removed >= 2, "the checks were not found in the generated source"
        return [(cls, cls)], stripped

    key = {"ir": canonical_json(model, spans=False), "generator": generator_hash(), "variant": "no non-finite checks",
           "source": _CHECK.pattern}
    built = build_cached_module("portasnn_unchecked", key, recipe, label=f"{MODEL} (unchecked)")
    return str(Path(built.library).with_suffix("")), built.models[0][1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    import portasnn

    art = portasnn.build(ZOO / f"{MODEL}.nestml", target="nest")
    j_syn = psc_amplitude()
    base = {"NE": NE, "NI": NI, "CE": CE, "CI": CI, "J_ex": j_syn, "J_in": -G * j_syn, "delay": DELAY,
            "p_rate": 1000.0 * ETA * THETA / (J * CE * TAU_M) * CE, "theta": THETA, "sim_ms": SIM_MS,
            "resolution": RESOLUTION, "seed": SEED, "model": art.nest_models[MODEL],
            "module": str(art.module_path.with_suffix("")), "params": neuron_params("portasnn")}
    assert C_M == base["params"]["C_m"]
    module, name = unchecked_module()
    cfgs = {"checked": base, "unchecked": {**base, "module": module, "model": name}}
    runs = []
    for rep in range(args.repeats):
        order = list(VARIANTS) if rep % 2 == 0 else list(reversed(VARIANTS))
        run = {}
        for variant in order:
            run[variant] = run_child(CHILD, {"PYNEST_QUIET": "1", "OMP_NUM_THREADS": "1"}, [json.dumps(cfgs[variant])])
            print(f"  {rep + 1}/{args.repeats} {variant:<9} simulate {run[variant]['simulate_s']:6.2f} s wall "
                  f"{run[variant]['simulate_cpu_s']:6.2f} s CPU, {run[variant]['spikes']} spikes", flush=True)
        assert run["checked"]["spikes"] == run["unchecked"]["spikes"]
        runs.append(run)
    summary = {f"{kind}_ratio_checked_over_unchecked": float(statistics.median(
        r["checked"][field] / r["unchecked"][field] for r in runs))
        for kind, field in (("wall", "simulate_s"), ("cpu", "simulate_cpu_s"))}
    summary["simulate_s"] = {v: float(statistics.median(r[v]["simulate_s"] for r in runs)) for v in VARIANTS}
    print(json.dumps(summary, indent=1))
    path = RESULTS / "nonfinite_check.json"
    path.write_text(json.dumps({"benchmark": "nonfinite_check", "model": MODEL, "repeats": args.repeats,
                                "summary": summary, "runs": runs, "machine": machine()}, indent=2) + "\n")
    print(f"saved {path}")


if __name__ == "__main__":
    main()
