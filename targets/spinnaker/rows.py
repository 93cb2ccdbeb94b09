"""sPyNNaker 7.4.1's limit on synaptic rows: the "too many synapses" of its ``SynapseRowTooBigException``.

A synaptic row holds the synapses of one projection from one pre-synaptic neuron onto the neurons of one core
(``min(n_post, 256)`` neurons, sPyNNaker's atoms per core), split in two by delay: up to the delay the core's ring
buffer supports (undelayed), and beyond it (through the delay extension). A static synapse is one word, a row at
most 256 words (``POP_TABLE_MAX_ROW_LENGTH``): more synapses in one row, e.g. from multapses or one pair under
several delays, is refused by sPyNNaker when it maps the network. The ring buffer supports
``min(2 ** n_bits(ceil(max incoming delay / dt)), 2 ** (14 - n_bits(atoms per core) - n_bits(synapse types)))``
time steps (``PopulationVertex.max_delay_steps_incoming``). ``longest_row`` finds the longest row of an explicit
connection list, so that a target can refuse or warn before mapping, naming the projection.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

MAX_ROW_LENGTH = 256  # words; one per static synapse
MAX_ATOMS_PER_CORE = 256
MAX_RING_BUFFER_BITS = 14


def n_bits(n: int) -> int:
    """sPyNNaker's get_n_bits: the bits that tell ``n`` values apart."""
    return 0 if n == 0 else 1 if n == 1 else int(math.ceil(math.log2(n)))


def supported_delay_steps(n_post: int, n_synapse_types: int, max_delay_ms: float, dt: float) -> int:
    """The delay (time steps) that the post population's cores hold without the delay extension."""
    slots = 2 ** (MAX_RING_BUFFER_BITS - (n_bits(min(n_post, MAX_ATOMS_PER_CORE)) + n_bits(n_synapse_types)))
    return min(2 ** n_bits(int(math.ceil(max_delay_ms / dt - 1e-9))), slots)


@dataclass(frozen=True)
class Row:
    """The longest row: its synapses, the pre-synaptic neuron, the core (index of the post neurons' block) and
    whether it is the delayed part."""

    synapses: int
    pre: int
    core: int
    delayed: bool

    @property
    def too_long(self) -> bool:
        return self.synapses > MAX_ROW_LENGTH


def longest_row(pre: np.ndarray, post: np.ndarray, delay_ms: np.ndarray, n_post: int, supported_ms: float) -> Row:
    """The longest row of the explicit connections (``pre``, ``post``, ``delay_ms``, one entry per synapse)."""
    best = Row(0, 0, 0, False)
    core = np.asarray(post, np.int64) // min(n_post, MAX_ATOMS_PER_CORE)
    delay = np.broadcast_to(np.asarray(delay_ms, float), core.shape)
    for delayed in (False, True):
        part = delay > supported_ms if delayed else delay <= supported_ms
        if not part.any():
            continue
        keys, counts = np.unique(np.stack([np.asarray(pre, np.int64)[part], core[part]]), axis=1,
                                 return_counts=True)
        i = int(np.argmax(counts))
        if counts[i] > best.synapses:
            best = Row(int(counts[i]), int(keys[0, i]), int(keys[1, i]), delayed)
    return best


def max_incoming_delay(net, post: str) -> float | None:  # noqa: ANN001 - a network IR
    """The largest delay (ms) of the projections and spike stimuli into population ``post``, or None when one is
    random without an upper bound (sPyNNaker then takes it from the drawn connections)."""
    from portasnn.ir import datafiles
    from portasnn.ir.network import Distribution

    def top(value) -> float | None:  # noqa: ANN001
        if isinstance(value, Distribution):
            return value.high if value.high is not None else value.param("high") if value.kind == "uniform" else None
        return float(value)

    found = []
    for proj in net.projections:
        if proj.post != post:
            continue
        if proj.data is not None and proj.data.delays:
            _, _, _, delay = datafiles.connections(proj.data, proj.span)
            found.append(float(delay.max()) if delay is not None and delay.size else 0.0)
        else:
            found.append(top(proj.delay))
    found += [top(s.delay) for s in net.stimuli if s.target == post and s.kind in ("poisson", "spike_times")]
    return None if any(d is None for d in found) else max(found, default=0.0)


def check_file_projection(net, proj, n_synapse_types: int, pre: np.ndarray, post: np.ndarray,  # noqa: ANN001
                          delay_ms: np.ndarray) -> Row | None:
    """The too-long row of a static projection's explicit connections, or None (also when the longest cannot be
    told: a random delay without a bound into the same population)."""
    if proj.plastic or pre.size == 0:
        return None
    n_post = net.population(proj.post).size
    if not longest_row(pre, post, np.zeros(pre.size), n_post, 0.0).too_long:
        return None  # not even all delays in one part make a row too long: the other projections need not be read
    biggest = max_incoming_delay(net, proj.post)
    if biggest is None:
        return None
    dt = net.simulation.resolution
    supported = supported_delay_steps(n_post, n_synapse_types, biggest, dt) * dt
    row = longest_row(pre, post, delay_ms, n_post, supported)
    return row if row.too_long else None


def describe(proj, row: Row, n_post: int) -> str:  # noqa: ANN001
    per_core = min(n_post, MAX_ATOMS_PER_CORE)
    first = row.core * per_core
    return (f"projection {proj.name} ({proj.pre} -> {proj.post}): neuron {row.pre} of {proj.pre} has {row.synapses} "
            f"synapses onto neurons {first}..{min(first + per_core, n_post) - 1} of {proj.post} (one core) "
            f"{'beyond' if row.delayed else 'within'} the delay the core's ring buffer holds; a synaptic row holds "
            f"at most {MAX_ROW_LENGTH}")
