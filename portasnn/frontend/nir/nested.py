"""Nested NIR graphs (a ``NIRGraph`` node inside a graph, as snnTorch writes its recurrent RLeaky/RSynaptic
layers) flattened into one graph before the import lowers it.

A subgraph's nodes are named ``sub.node``; its Input and Output nodes are only its ports, so they are spliced out:
an edge into the subgraph (to ``sub``, or to ``sub.port`` naming one of its Input nodes) goes to what that Input
feeds, an edge out of it (from ``sub`` or ``sub.port``) comes from what feeds that Output. ``sub`` alone names its
only Input or Output; a subgraph with several must be addressed by port (E802 otherwise).
"""
from __future__ import annotations

from collections.abc import Callable


class NestingError(Exception):
    """A nested graph whose ports cannot be resolved: (node, message)."""

    def __init__(self, node: str, message: str) -> None:
        super().__init__(message)
        self.node = node


def _kind(node) -> str:  # noqa: ANN001
    return type(node).__name__


def flatten(graph, make: Callable):  # noqa: ANN001 - nir graphs
    """``graph`` with every nested NIRGraph node (recursively) replaced by its nodes; ``make(nodes, edges)``
    builds the result (``nir.NIRGraph`` without a type check)."""
    if not any(_kind(n) == "NIRGraph" for n in graph.nodes.values()):
        return graph
    nodes: dict = {}
    edges: list[tuple[str, str]] = []
    into: dict[str, list[str]] = {}  # a port of a subgraph (and the subgraph itself, if it has one) -> inner nodes
    out_of: dict[str, list[str]] = {}
    for name, node in graph.nodes.items():
        if _kind(node) != "NIRGraph":
            nodes[name] = node
            continue
        sub = flatten(node, make)
        ports_in = [n for n, v in sub.nodes.items() if _kind(v) == "Input"]
        ports_out = [n for n, v in sub.nodes.items() if _kind(v) == "Output"]
        for n, v in sub.nodes.items():
            if n not in ports_in and n not in ports_out:
                nodes[f"{name}.{n}"] = v
        for port in ports_in:
            into[f"{name}.{port}"] = []
        for port in ports_out:
            out_of[f"{name}.{port}"] = []
        passing = []
        for a, b in (tuple(e) for e in sub.edges):
            if a in ports_in and b in ports_out:
                passing.append((a, b))
            elif a in ports_in:
                into[f"{name}.{a}"].append(f"{name}.{b}")
            elif b in ports_out:
                out_of[f"{name}.{b}"].append(f"{name}.{a}")
            else:
                edges.append((f"{name}.{a}", f"{name}.{b}"))
        if passing:
            raise NestingError(name, f"nested graph '{name}' passes its input '{passing[0][0]}' straight to its "
                                     f"output '{passing[0][1]}'")
        if len(ports_in) == 1:
            into[name] = into[f"{name}.{ports_in[0]}"]
        if len(ports_out) == 1:
            out_of[name] = out_of[f"{name}.{ports_out[0]}"]
    subgraphs = {n for n, v in graph.nodes.items() if _kind(v) == "NIRGraph"}
    for a, b in (tuple(e) for e in graph.edges):
        for end in (a, b):
            if end in subgraphs and end not in (into if end == b else out_of):
                raise NestingError(end, f"an edge names nested graph '{end}', which has several "
                                        f"{'Input' if end == b else 'Output'} nodes: name the port ('{end}.<node>')")
        edges += [(s, d) for s in out_of.get(a, [a]) for d in into.get(b, [b])]
    return make(nodes, edges)
