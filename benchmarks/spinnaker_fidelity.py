"""What s16.15 fixed point does to each nestml zoo model that lowers to SpiNNaker.

For every ``<sys.prefix>/models/neurons/*.nestml`` that lowers (exact propagators, or
``--spinnaker-solver euler`` where the coverage uses it), one neuron with its default parameters
runs for 1 s at dt 0.1 ms in the spinnaker-host step driver twice: in s16.15 fixed point (the
arithmetic of the board, bit-identical to GCC's ARM ``accum``) and the same generated C in double
precision (``-DPORTASNN_ARITH_FLOAT``, parameter words as exact doubles). Both get the same
inputs, raw s16.15 words, so the comparison isolates the quantisation of the model's own
arithmetic; it says nothing about how either compares with NEST.

Two drives:

* DC: a constant current offset, the one of ``DC_PA`` at which the double-precision neuron fires
  closest to 20 Hz without diverging (details in ``choose_dc``);
* random: the same offset plus random synaptic input on every synapse type (each tick with
  probability 0.05, a weight drawn uniformly from [0, 2 w0], w0 = 50 pA, 2 nS or 0.5 mV by the
  model's weight unit; fixed seed).

Per drive: spike counts, relative rate difference, first-spike times and the largest |V_m
difference| below threshold (before the first spike of either, leaving out its last 1 ms and, where
the model has a ``V_th``, steps where either is above it). Verdict: "agrees" (rates within 5 %), "differs",
"silent in fixed point" (double fires, fixed does not), "silent in both", "saturates" (V_m in
fixed point jumps by more than 1000 mV in one step: s16.15 wrapped around) or "diverges in double"
(the double-precision run itself is not finite or jumps so: the algorithm, not the quantisation;
such Euler models are compared again with 10 substeps per tick). Prints a table and writes
``benchmarks/results/spinnaker_fidelity.json``.

    .venv/bin/python benchmarks/spinnaker_fidelity.py
"""
from __future__ import annotations

import json
import sys
import time
import warnings
from pathlib import Path

import numpy as np

RESULTS = Path(__file__).resolve().parent / "results" / "spinnaker_fidelity.json"
DT_MS = 0.1
STEPS = 10_000  # 1 s
DC_PA = (5, 10, 20, 50, 100, 150, 200, 300, 400, 500, 700, 1000, 2000, 3000, 5000)
TARGET_HZ = 20.0  # the double-precision DC rate sought
AGREE = 0.05  # relative rate difference
WRAP_MV = 1000.0  # a V_m step larger than this is s16.15 wrap-around
INPUT_P = 0.05  # per tick and synapse type
W0 = {"nA": 50.0, "uS": 2.0, "mV": 0.5}  # network units: pA, nS, mV
SEED = 20_260_226
SUBSTEPS = 10  # Euler substeps per tick where one step diverges in double precision
UPSWING = 10  # steps (1 ms) before the first spike left out of the subthreshold V_m comparison
S = 2.0 ** 15


def lower_model(path: Path):
    """(ir, solver) if the model lowers (as benchmarks/spinnaker_coverage.py decides), else (None, reason)."""
    from portasnn.program import load_models
    from portasnn.errors import PortasnnError
    from portasnn.targets.spinnaker.lower import Options, lower

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ir = load_models(path)[0]
        try:
            try:
                low = lower(ir, Options())
                solver = None
            except PortasnnError as err:
                if getattr(err, "code", "") != "E302":
                    raise
                solver = "euler"
                low = lower(ir, Options(solver=solver))
        except PortasnnError as err:
            return None, str(err).splitlines()[0].replace(sys.prefix, "<venv>")
    return (ir, low), solver


class Pair:
    """One model's fixed and float step drivers with its default parameters."""

    def __init__(self, ir, low, solver: str | None, substeps: int = 1):
        from portasnn.targets.spinnaker_host import armref
        from portasnn.targets.spinnaker_host.lower import host_model
        from portasnn.targets.spinnaker_host.model import PackContext

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            self.model = m = host_model(ir, solver, substeps)
        values = {k: np.array([v]) for k, v in m.defaults.items()}
        self.words = {a: m.pack(values, PackContext(n=1, dt_ms=DT_MS, arith=a))[0] for a in ("fixed", "float")}
        self.drivers = {a: armref.build_step_driver(m.header, arm=False, arith=a) for a in ("fixed", "float")}
        names = [r.name for r in m.recordables]
        self.v_name = "V_m" if "V_m" in names else names[0]
        self.v_index = names.index(self.v_name)
        v_th = m.defaults.get("V_th") if self.v_name == "V_m" else None
        self.v_th = float(v_th) if v_th is not None and np.isfinite(v_th) else None
        self.units = low.weight_units

    def run(self, arith: str, inputs: np.ndarray, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(spike flags (T,), V trace in model units (T,)) of one run."""
        from portasnn.targets.spinnaker_host import armref

        tr = armref.run_step_driver(self.drivers[arith], self.words[arith], inputs, offsets,
                                    n_recorded=len(self.model.recordables), arm=False, arith=arith)
        v = tr.recorded[:, self.v_index].astype(np.float64)
        return tr.spiked.astype(bool), v / S if arith == "fixed" else v

    def current_raw(self, pa: float) -> int:
        return int(round(pa * self.model.current_to_model * S))


def _first(spikes: np.ndarray) -> float | None:
    idx = np.flatnonzero(spikes)
    return round(float((idx[0] + 1) * DT_MS), 2) if idx.size else None


def _finite(x: float, digits: int) -> float | None:
    return round(float(x), digits) if np.isfinite(x) else None


def compare(pair: Pair, inputs: np.ndarray, offsets: np.ndarray) -> dict:
    fx_s, fx_v = pair.run("fixed", inputs, offsets)
    fl_s, fl_v = pair.run("float", inputs, offsets)
    n_fx, n_fl = int(fx_s.sum()), int(fl_s.sum())
    rel = abs(n_fx - n_fl) / n_fl if n_fl else (0.0 if n_fx == 0 else None)
    t_fx, t_fl = _first(fx_s), _first(fl_s)
    firsts = np.flatnonzero(fx_s)[:1].tolist() + np.flatnonzero(fl_s)[:1].tolist()
    stop = max(min(firsts) - UPSWING, 0) if firsts else STEPS
    sub = slice(0, stop)
    below = np.ones(stop, bool) if pair.v_th is None else (fx_v[sub] < pair.v_th) & (fl_v[sub] < pair.v_th)
    v_diff = _finite(np.max(np.abs(fx_v[sub] - fl_v[sub])[below]), 6) if below.any() else None
    jump = float(np.max(np.abs(np.diff(fx_v))))
    jump_fl = float(np.max(np.abs(np.diff(fl_v)))) if np.isfinite(fl_v).all() else float("inf")
    if _diverges(fl_v):
        verdict = "diverges in double"
    elif jump > WRAP_MV:
        verdict = "saturates"
    elif n_fl and not n_fx:
        verdict = "silent in fixed point"
    elif not n_fl and not n_fx:
        verdict = "silent in both"
    elif rel is not None and rel <= AGREE:
        verdict = "agrees"
    else:
        verdict = "differs"
    return {"spikes_fixed": n_fx, "spikes_float": n_fl, "rate_rel_diff": None if rel is None else round(rel, 4),
            "first_spike_ms_fixed": t_fx, "first_spike_ms_float": t_fl,
            "first_spike_diff_ms": None if t_fx is None or t_fl is None else round(t_fx - t_fl, 2),
            "max_abs_v_diff_subthreshold": v_diff,
            "max_v_step_fixed": round(jump, 3), "max_v_step_float": _finite(jump_fl, 3),
            "verdict": verdict}


def _diverges(v: np.ndarray) -> bool:
    return not np.isfinite(v).all() or float(np.max(np.abs(np.diff(v)))) > WRAP_MV


def choose_dc(pair: Pair) -> float:
    """The DC amplitude (pA) of ``DC_PA`` at which the double-precision neuron fires, without
    diverging, at the rate closest to ``TARGET_HZ`` (ratio); if no finite run fires, the smallest
    amplitude at which it diverges, or the largest if it never does."""
    none = np.zeros((STEPS, len(pair.model.synapse_types)), np.int64)
    tried = []
    for pa in DC_PA:
        spikes, v = pair.run("float", none, np.full(STEPS, pair.current_raw(pa)))
        tried.append((pa, int(spikes.sum()) / (STEPS * DT_MS / 1000.0), _diverges(v)))
    firing = [t for t in tried if t[1] > 0 and not t[2]]
    if firing:
        return min(firing, key=lambda t: abs(np.log(t[1] / TARGET_HZ)))[0]
    diverging = [t[0] for t in tried if t[2]]
    return diverging[0] if diverging else DC_PA[-1]


def random_inputs(pair: Pair, rng: np.random.Generator) -> tuple[np.ndarray, list[float]]:
    m = pair.model
    w0 = [W0[u] for u in pair.units]
    cols = []
    for s, w in enumerate(w0):
        hit = rng.random(STEPS) < INPUT_P
        w_net = rng.uniform(0.0, 2.0 * w, STEPS)
        raw = np.rint(w_net * m.weight_to_model[s] * m.global_weight_scale * S).astype(np.int64)
        cols.append(np.where(hit, raw, 0))
    return np.column_stack(cols), w0


def drives(pair: Pair) -> dict:
    """The DC and the random comparison of one model build."""
    pa = choose_dc(pair)
    none = np.zeros((STEPS, len(pair.model.synapse_types)), np.int64)
    offsets = np.full(STEPS, pair.current_raw(pa))
    out = {"dc": {"current_pA": pa, **compare(pair, none, offsets)}}
    inputs, w0 = random_inputs(pair, np.random.default_rng(SEED))
    out["random"] = {"current_pA": pa, "w0": dict(zip(pair.model.synapse_types, w0)),
                     "weight_units": dict(zip(pair.model.synapse_types, pair.units)),
                     **compare(pair, inputs, offsets)}
    return out


def check_model(path: Path) -> dict:
    """One model's row: the comparison at one Euler substep and, where the double-precision Euler
    run diverges at dt 0.1 ms, again with ``SUBSTEPS`` substeps (row["substeps"])."""
    from portasnn.errors import PortasnnError

    row: dict = {"model": path.stem}
    t0 = time.perf_counter()
    lowered, solver = lower_model(path)
    if lowered is None:
        row.update(status="refused", reason=solver)
        return row
    ir, low = lowered
    try:
        pair = Pair(ir, low, solver)
    except PortasnnError as err:  # e.g. a default parameter outside s16.15 (E436)
        row.update(status="refused", reason=str(err).splitlines()[0])
        return row
    row.update(status="lowered" if solver is None else "lowered (euler)", solver=solver, v_recordable=pair.v_name)
    row.update(drives(pair))
    if solver == "euler" and "diverges in double" in (row["dc"]["verdict"], row["random"]["verdict"]):
        row["substeps"] = {"n": SUBSTEPS, **drives(Pair(ir, low, solver, SUBSTEPS))}
    row["seconds"] = round(time.perf_counter() - t0, 2)
    return row


def _cell(d: dict) -> str:
    rel = "-" if d["rate_rel_diff"] is None else f"{100 * d['rate_rel_diff']:.1f}%"
    return f"{d['spikes_fixed']:>5}/{d['spikes_float']:<5} {rel:>7} {d['verdict']:<22}"


def _line(name: str, r: dict) -> str:
    dv = r["dc"]["max_abs_v_diff_subthreshold"]
    return (f"{name:<42} {r['dc']['current_pA']:>5} {_cell(r['dc'])} {'-' if dv is None else f'{dv:.3g}':>8}"
            f"   {_cell(r['random'])}")


VERDICTS = ("agrees", "differs", "silent in fixed point", "silent in both", "saturates", "diverges in double")


def _count(rows: list[dict], drive: str) -> dict:
    return {v: sum(r[drive]["verdict"] == v for r in rows) for v in VERDICTS}


def main() -> int:
    models = sorted((Path(sys.prefix) / "models" / "neurons").glob("*.nestml"))
    rows = []
    t0 = time.perf_counter()
    print(f"{'model':<42} {'pA':>5} {'DC fix/flt':>11} {'diff':>7} {'verdict':<22} {'dV sub':>8} "
          f"{'random fix/flt':>14} {'diff':>7} verdict")
    for path in models:
        row = check_model(path)
        rows.append(row)
        if "dc" not in row:
            print(f"{row['model']:<42} {row['status']}: {row['reason'][:90]}", flush=True)
            continue
        print(_line(row["model"], row), flush=True)
        if "substeps" in row:
            print(_line(f"  ... with {SUBSTEPS} Euler substeps", row["substeps"]), flush=True)
    done = [r for r in rows if "dc" in r]
    sub = [r["substeps"] for r in done if "substeps" in r]
    summary = {"models": len(rows), "compared": len(done), "dc": _count(done, "dc"), "random": _count(done, "random"),
               f"with_{SUBSTEPS}_substeps": {"models": len(sub), "dc": _count(sub, "dc"),
                                             "random": _count(sub, "random")},
               "seconds": round(time.perf_counter() - t0, 1)}
    print(json.dumps(summary))
    config = {"dt_ms": DT_MS, "steps": STEPS, "dc_candidates_pA": list(DC_PA), "target_hz": TARGET_HZ,
              "agree_rel": AGREE, "wrap_mv": WRAP_MV, "input_p_per_tick": INPUT_P, "w0": W0, "seed": SEED,
              "substeps_where_double_diverges": SUBSTEPS,
              "max_abs_v_diff_subthreshold": "max |V_m fixed - V_m double| over the steps before the first spike "
                                             "of either, without its last 1 ms and, where the model has V_th, "
                                             "only while both are below V_th (model units, mV)",
              "compared": "spinnaker-host step driver, s16.15 fixed point vs the same C in double precision "
                          "(-DPORTASNN_ARITH_FLOAT), same raw s16.15 inputs, default parameters"}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"summary": summary, "config": config, "models": rows}, indent=2) + "\n")
    print(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
