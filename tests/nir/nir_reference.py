"""An independent discrete-time reference for imported NIR graphs (numpy only; issue 16 item 1).

It implements the discretisation the README states for `portasnn import nir`, from NIR's equations, not from
portasnn's code: on the grid t_k = k dt, each step first solves the neuron's ODEs exactly over dt with the input
held at its bias, then adds the spikes that arrive at t_k as Dirac pulses of charge w dt, then a neuron with
v > v_threshold spikes at t_k and v = v_reset. Every projection delivers a spike one step later; row r of the
input array is a spike of the input population at t_{r+2}. An Affine bias b enters like an input, from the step
that input row 0 reaches the first layer on (k >= 3): as a spike of weight b at every step.

The import's alternatives (``--input-step hold``, ``--reset subtract``): with ``hold`` the spikes' input w is held
over a whole step and added at t_k as the exact solution of the neuron's ODEs from a zero state under that constant
input (the same exact solution as the bias's, with the input as the held current); with ``subtract`` a spike sets
v = v - v_threshold.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass
class Layer:
    """One neuron population: ``kind`` "LIF", "CubaLIF" or "Threshold", NIR parameters (arrays, the graph's time
    unit = ms). ``inputs``: (pre layer, W (out, in)[, D]), D (out, in) the delay of each weight in steps, on top
    of the step every projection takes (a NIR Delay node of d steps on the path gives d)."""

    kind: str
    p: dict[str, np.ndarray]
    bias: np.ndarray
    inputs: list[tuple] = field(default_factory=list)


def lif_step(p: dict, v: np.ndarray, bias: np.ndarray, drive: np.ndarray, dt: float) -> np.ndarray:
    """tau dv/dt = (v_leak - v) + r I over dt with I = bias, then the pulses r w dt / tau."""
    a = np.exp(-dt / p["tau"])
    v_inf = p["v_leak"] + p["r"] * bias
    return v_inf + (v - v_inf) * a + p["r"] * dt / p["tau"] * drive


def cuba_step(p: dict, v: np.ndarray, i: np.ndarray, bias: np.ndarray, drive: np.ndarray, dt: float):
    """tau_syn dI/dt = -I + w_in S, tau_mem dv/dt = (v_leak - v) + r I, exactly over dt with S = bias; then the
    pulses w_in w dt / tau_syn into I."""
    ts, tm = p["tau_syn"], p["tau_mem"]
    i_inf = p["w_in"] * bias
    c = i - i_inf
    v_inf = p["v_leak"] + p["r"] * i_inf
    es, em = np.exp(-dt / ts), np.exp(-dt / tm)
    v_new = v_inf + (v - v_inf) * em + p["r"] * c * ts / (ts - tm) * (es - em)
    i_new = i_inf + c * es + p["w_in"] * dt / ts * drive
    return v_new, i_new


def held(layer: Layer, drive: np.ndarray, dt: float) -> tuple[np.ndarray, np.ndarray]:
    """(v, I) after one step of the neuron's ODEs from v = I = 0 with the input ``drive`` held, without leak
    target (v_leak = 0): what a held input adds to the state at the step's end."""
    p = {**layer.p, "v_leak": np.zeros_like(drive)}
    zero = np.zeros_like(drive)
    if layer.kind == "LIF":
        return lif_step(p, zero, drive, zero, dt), zero
    return cuba_step(p, zero, zero, drive, zero, dt)


def simulate(layers: dict[str, Layer], inputs: dict[str, np.ndarray], steps: int, dt: float,
             input_step: str = "pulse", reset: str = "value") -> tuple[dict[str, list], float]:
    """(spike times (ms) per layer and neuron: {name: [array of times per neuron]}, the smallest |v - v_threshold|
    of any threshold check: how close a spike was to going the other way); ``inputs``: name -> (rows, n), 0/1
    spikes or currents (a value x acts as a spike of weight x: NIR's input held for the step).
    A Threshold layer has no state: v is the step's input (the spikes that arrive in it, and the bias), it spikes
    where v > threshold."""
    spikes = {n: np.zeros((steps + 1, a.shape[1])) for n, a in inputs.items()}  # an input's value: 0/1 or a current
    for n, a in inputs.items():
        for r in range(a.shape[0]):
            if r + 2 <= steps:
                spikes[n][r + 2] = a[r]
    state, margin = {}, np.inf
    for n, layer in layers.items():
        size = layer.bias.size
        spikes[n] = np.zeros((steps + 1, size), bool)
        state[n] = [np.zeros(size), np.zeros(size)]
    for k in range(1, steps + 1):
        for n, layer in layers.items():
            drive = sum((_arriving(spikes[pre], k, *edge) for pre, *edge in layer.inputs),
                        layer.bias if k >= 3 else np.zeros(layer.bias.size))
            no_bias = np.zeros(layer.bias.size)
            if layer.kind == "Threshold":
                margin = min(margin, float(np.min(np.abs(drive - layer.p["threshold"]))))
                spikes[n][k] = drive > layer.p["threshold"]
                continue
            v, i = state[n]
            pulses = drive if input_step == "pulse" else np.zeros_like(drive)
            if layer.kind == "LIF":
                v = lif_step(layer.p, v, no_bias, pulses, dt)
            else:
                v, i = cuba_step(layer.p, v, i, no_bias, pulses, dt)
            if input_step == "hold":
                dv, di = held(layer, drive, dt)
                v, i = v + dv, i + di
            margin = min(margin, float(np.min(np.abs(v - layer.p["v_threshold"]))))
            fired = v > layer.p["v_threshold"]
            v = np.where(fired, layer.p["v_reset"] if reset == "value" else v - layer.p["v_threshold"], v)
            spikes[n][k] = fired
            state[n] = [v, i]
    return {n: [np.flatnonzero(s[:, j]) * dt for j in range(s.shape[1])] for n, s in spikes.items()}, margin


def _arriving(pre_spikes: np.ndarray, k: int, w: np.ndarray, delays: np.ndarray | None = None) -> np.ndarray:
    """The summed weights that reach each post neuron at step k: a spike of step j arrives at j + 1 + delay."""
    if delays is None:
        return w @ pre_spikes[k - 1].astype(float)
    out = np.zeros(w.shape[0])
    for d in np.unique(delays):
        j = k - 1 - int(d)
        if j >= 0:
            out += np.where(delays == d, w, 0.0) @ pre_spikes[j].astype(float)
    return out
