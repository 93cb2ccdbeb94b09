"""The STDP window (weight change against spike timing) of one plastic synapse declaration on nest, spinnaker-host
and spinnaker-host --arith float, in one figure.

    python examples/stdp/window.py [OUTDIR]     (default examples/stdp; writes stdp_window.png and .json)

One network per target: pairs pre[i] -> post[i] (plastic, additive, delay 1 ms), each pre neuron firing at 100 ms
and 400 ms, each post neuron once, at 100 ms + lag, lag = -50 .. 50 ms, all neurons made to fire by 20 mV inputs
from spike arrays (iaf_psc_delta; NEST's built-in on nest, nestml's on spinnaker-host). The x axis is
Delta t = t_post + d - t_pre from the spike times the run recorded (the delay is dendritic in both NEST and
sPyNNaker); the y axis the final weight minus the initial one.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

from portasnn.frontend.network import parse_network_text
from portasnn.results import read_results
from portasnn.run import run

# the post neurons take one 20 mV input at a time: pin their ring-buffer range to it (sPyNNaker would size it for the
# sum of all stimuli, 101 x 20 mV, whose 1/16 mV step hides every weight change below it; see the README trap)

LAGS = list(range(-50, 51))
W0, D = 0.5, 1.0  # mV, ms
SYNAPSE = ('synapse stdp from "nest:stdp_synapse" { tau_plus = 16.8 ms, tau_minus = 33.7 ms, lambda = 0.05, '
           "alpha = 1.2, mu_plus = 0, mu_minus = 0, Wmax = 1 mV }")


def network(model: str) -> str:
    n = len(LAGS)
    lines = ["network stdp_window", model, SYNAPSE, f"population pre: {n} lif",
             f"population post: {n} lif, weight_scaling = max(20 mV, 20 mV)",
             f"connect pre -> post: one_to_one, synapse = stdp, weight = {W0} mV, delay = {D} ms"]
    for i, lag in enumerate(LAGS):
        lines.append(f"stimulus a{i}: spikes(times = [99 ms, 399 ms]) -> pre[{i}] weight = 20 mV, delay = 1 ms")
        lines.append(f"stimulus b{i}: spikes(times = [{99 + lag - D} ms]) -> post[{i}] weight = 20 mV, delay = 1 ms")
    lines += ["record spikes of pre", "record spikes of post", "record weights of pre -> post",
              "simulate 450 ms resolution 1 ms seed 1"]
    return "\n".join(lines) + "\n"


def window(target: str, model: str, outdir: Path) -> tuple[list[float], list[float]]:
    out = run(parse_network_text(network(model), "stdp_window.pnet"), target=target,
              outdir=outdir / "runs" / target.replace(":", "-"), progress=False)
    r = read_results(out)
    pre, post = r.trains("pre", t_start=0.0), r.trains("post", t_start=0.0)
    dt = [float(post[i][0] + D - pre[i][0]) for i in range(len(LAGS))]
    dw = [float(w - W0) for w in r.weights["pre__post"].weights]
    return dt, dw


def main(outdir: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    arms = {"nest": ("nest", "model lif = nest iaf_psc_delta"),
            "spinnaker-host": ("spinnaker-host", 'model lif from "nestml:iaf_psc_delta_neuron"'),
            "spinnaker-host float": ("spinnaker-host:float", 'model lif from "nestml:iaf_psc_delta_neuron"')}
    data = {label: window(target, model, outdir) for label, (target, model) in arms.items()}
    fig, ax = plt.subplots(figsize=(6.4, 4.0))
    for (label, (dt, dw)), style in zip(data.items(), ("o", "-", "--")):
        ax.plot(dt, dw, style, ms=3, lw=1.2, label=label)
    ax.axhline(0.0, color="0.7", lw=0.8)
    ax.axvline(0.0, color="0.7", lw=0.8)
    ax.set_xlabel("Δt = t_post + d − t_pre (ms)")
    ax.set_ylabel("Δw (mV)")
    ax.set_title("STDP window: nest:stdp_synapse, additive (λ = 0.05, α = 1.2)")
    ax.legend()
    fig.tight_layout()
    fig.savefig(outdir / "stdp_window.png", dpi=120)
    (outdir / "stdp_window.json").write_text(json.dumps({k: {"dt_ms": v[0], "dw_mV": v[1]} for k, v in data.items()},
                                                        indent=1))
    print(f"wrote {outdir / 'stdp_window.png'}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent)
