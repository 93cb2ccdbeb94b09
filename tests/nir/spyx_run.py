"""Run a NIR graph on Spyx (a NIR simulator from PyPI, on JAX) and save every neuron layer's spikes.

    <spyx venv>/bin/python spyx_run.py GRAPH.nir INPUT.npy OUT.npz [--dt 1]

Runs in its own environment (``make setup`` makes ``.venv-spyx``): it imports only numpy, nir, jax and spyx, never
portasnn. INPUT.npy is (steps, n) or (steps, C, H, W) as ``portasnn import nir --input`` takes it. OUT.npz holds,
per neuron node of the graph (by its NIR name), a (steps, neurons) array of 0/1: the node's spikes per step, its
neurons in NIR's channels-first C order. Spyx computes a layer's spikes at step k from its state before the step's
input (V_k > threshold), so they are derived here from the state trace ``from_nir`` returns.
"""
from __future__ import annotations

import argparse

import jax.numpy as jnp
import nir
import numpy as np
import spyx

NEURONS = (nir.LIF, nir.CubaLIF, nir.IF)


def chain(graph) -> list[str]:
    """The nodes on the path from 'input' to 'output' (a recurrent weight is off the path), in layer order."""
    def walk(at: str, seen: list[str]) -> list[str] | None:
        if at == "output":
            return seen
        for a, b in graph.edges:
            if a == at and b not in seen:
                found = walk(b, [*seen, b])
                if found:
                    return found
        return None

    return walk("input", []) or []


def neuron_nodes(graph) -> list[str]:
    """The neuron nodes in layer order (a recurrent LIF/IF with its self-weight is one layer)."""
    return [n for n in chain(graph) if isinstance(graph.nodes.get(n), NEURONS)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("graph")
    ap.add_argument("input")
    ap.add_argument("out")
    ap.add_argument("--dt", type=float, default=1.0)
    args = ap.parse_args()
    graph = nir.read(args.graph)
    names = neuron_nodes(graph)
    x = np.load(args.input).astype(np.float32)
    if x.ndim == 4:  # (T, C, H, W) -> spyx's channels-last (T, H, W, C)
        x = x.transpose(0, 2, 3, 1)
    data = jnp.asarray(x)[:, None]  # (T, batch 1, ...)
    _, (_, states) = spyx.nir.from_nir(nir.read(args.graph), data, dt=args.dt, return_all_states=True)
    stateful = [s for s in states if s is not None]
    if len(stateful) != len(names):
        raise SystemExit(f"spyx built {len(stateful)} stateful layers for {len(names)} neuron nodes")
    out = {}
    for name, trace in zip(names, stateful):
        node = graph.nodes[name]
        v = np.asarray(trace)[:, 0]  # (T, ...) state after each step
        if isinstance(node, nir.CubaLIF):
            v = np.split(v, 2, axis=-1)[0]
        if v.ndim == 4:  # (T, H, W, C) -> (T, C, H, W)
            v = v.transpose(0, 3, 1, 2)
        v = v.reshape(v.shape[0], -1)
        before = np.concatenate([np.zeros_like(v[:1]), v[:-1]])  # the state at the start of each step
        threshold = np.broadcast_to(np.asarray(node.v_threshold, np.float32).reshape(-1), v.shape[1:])
        out[name] = (before > threshold).astype(np.int8)
    np.savez(args.out, **out)


if __name__ == "__main__":
    main()
