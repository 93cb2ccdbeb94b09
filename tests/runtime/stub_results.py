"""Test stand-in for a simulation: writes a small results directory (portasnn-results/1 layout).

Run as ``python stub_results.py [--sleep S] --outdir DIR``. Deterministic: 12 000 spikes of 100
neurons (large enough that downloads are streamed in several chunks).
"""
import argparse
import json
import time
from pathlib import Path

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("--outdir", required=True)
parser.add_argument("--sleep", type=float, default=0.0)
args = parser.parse_args()
time.sleep(args.sleep)
out = Path(args.outdir)
(out / "spikes").mkdir(parents=True, exist_ok=True)
rng = np.random.default_rng(7)
times = np.sort(rng.uniform(0.0, 1000.0, 12000))
senders = rng.integers(0, 100, times.size).astype(np.int64)
np.savez(out / "spikes" / "E.npz", senders=senders, times=times)
meta = {"format": "portasnn-results/1", "target": "stub", "network": "stub", "duration_ms": 1000.0,
        "resolution_ms": 0.1, "seed": 7, "populations": {"E": {"size": 100, "model": "stub"}},
        "versions": {}, "command": "stub_results.py", "wall_time_s": {"build": 0.0, "connect": 0.0, "simulate": 0.0}}
(out / "meta.json").write_text(json.dumps(meta, indent=1))
(out / "summary.json").write_text(json.dumps({"E": {"rate_hz": times.size / 100 / 1.0, "n_spikes": int(times.size)}}))
print("stub results written to", out)
