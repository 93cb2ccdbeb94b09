"""A small Brunel (2000) network written directly in PyNEST, writing a portasnn results directory.

Independent of portasnn's network IR and NEST lowering, so tests of the results format and of the
harness rest on real NEST spikes.
"""
from __future__ import annotations

import time
from pathlib import Path

import numpy as np

from portasnn.results import ResultsWriter


def run_brunel(outdir: Path, *, seed: int = 1, g: float = 5.0, J: float = 0.2, eta: float = 1.5,
               J_ext: float | None = None,
               NE: int = 400, NI: int = 100, eps: float = 0.25, duration: float = 500.0,
               record_v: int = 3, summary: bool = True, plots: bool = True) -> Path:
    import nest

    nest.verbosity = nest.VerbosityLevel.ERROR
    nest.ResetKernel()
    nest.SetKernelStatus({"resolution": 0.1, "rng_seed": seed, "print_time": False})
    tau_m, theta, delay = 20.0, 20.0, 1.5
    CE, CI = int(eps * NE), int(eps * NI)
    params = {"C_m": 1.0, "tau_m": tau_m, "t_ref": 2.0, "E_L": 0.0, "V_reset": 10.0, "V_m": 0.0, "V_th": theta}
    t0 = time.perf_counter()
    exc = nest.Create("iaf_psc_delta", NE, params=params)
    inh = nest.Create("iaf_psc_delta", NI, params=params)
    J_ext = J if J_ext is None else J_ext  # external synapses (and so the drive) may stay fixed when J changes
    nu_ex = eta * theta / (J_ext * CE * tau_m) * CE * 1000.0
    noise = nest.Create("poisson_generator", params={"rate": nu_ex})
    sr_e, sr_i = nest.Create("spike_recorder"), nest.Create("spike_recorder")
    mm = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": 0.1})
    t1 = time.perf_counter()
    nest.Connect(noise, exc + inh, syn_spec={"weight": J_ext, "delay": delay})
    nest.Connect(exc, exc + inh, {"rule": "fixed_indegree", "indegree": CE}, {"weight": J, "delay": delay})
    nest.Connect(inh, exc + inh, {"rule": "fixed_indegree", "indegree": CI}, {"weight": -g * J, "delay": delay})
    nest.Connect(exc, sr_e)
    nest.Connect(inh, sr_i)
    if record_v:
        nest.Connect(mm, exc[:record_v])
    t2 = time.perf_counter()
    nest.Simulate(duration)
    t3 = time.perf_counter()
    meta = {"target": "nest", "network": "brunel_small", "duration_ms": duration, "resolution_ms": 0.1,
            "seed": seed, "populations": {"E": {"size": NE, "model": "iaf_psc_delta"},
                                          "I": {"size": NI, "model": "iaf_psc_delta"}},
            "versions": {"nest": nest.__version__}, "command": f"run_brunel(seed={seed}, g={g}, J={J})",
            "wall_time_s": {"build": t1 - t0, "connect": t2 - t1, "simulate": t3 - t2}}
    w = ResultsWriter(outdir, meta)
    for pop, sr, first in (("E", sr_e, exc[0].global_id), ("I", sr_i, inh[0].global_id)):
        ev = sr.get("events")
        w.add_spikes(pop, np.asarray(ev["senders"]) - first, np.asarray(ev["times"]))
    if record_v:
        ev = mm.get("events")
        senders, times, v = np.asarray(ev["senders"]), np.asarray(ev["times"]), np.asarray(ev["V_m"])
        ids = np.unique(senders)
        grid = np.unique(times)
        values = np.empty((grid.size, ids.size))
        for j, gid in enumerate(ids):
            sel = senders == gid
            values[:, j] = v[sel][np.argsort(times[sel])]
        w.add_trace("E", "V_m", grid, ids - exc[0].global_id, values, "mV")
    return w.close(summary=summary, plots=plots)
