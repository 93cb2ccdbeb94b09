"""Projection of ``portasnn.pynn``: pyNN.common's connectors draw the connections (with the script's RNG); the
projection keeps them as explicit lists (indices in ``pre``/``post``, native weights and delays), which run()
hands to portasnn unchanged. ``get("weight")`` of a plastic projection gives the weights at the end of the last
run(); after reset(), the initial ones, from which the next run() starts again."""
from __future__ import annotations

from itertools import repeat

import numpy as np
from pyNN import common
from pyNN.core import ezip
from pyNN.space import Space

from portasnn.pynn import simulator
from portasnn.pynn.standardmodels import StaticSynapse


class Connection(common.Connection):
    """One connection: indices into pre and post, weight (PyNN's unit) and delay (ms)."""

    def __init__(self, pre: int, post: int, **attributes) -> None:
        self.presynaptic_index = pre
        self.postsynaptic_index = post
        for name, value in attributes.items():
            setattr(self, name, value)

    def as_tuple(self, *attribute_names):
        return tuple(getattr(self, name) for name in attribute_names)


def _connect(connector, projection) -> None:
    """``connector.connect(projection)``; for a one-neuron pre-synaptic population, pyNN 0.13's connectors that
    draw from a connection map get each column as a 1-d mask (they call nonzero() on it, which numpy 2 refuses for
    the 0-d masks such a map gives: pyNN.nest fails there too)."""
    if projection.pre.size != 1:
        connector.connect(projection)
        return

    def with_1d_masks(proj, connection_map, distance_map=None) -> None:
        def columns(mask=None):
            return (np.atleast_1d(c) for c in connection_map.by_column(mask))
        connector._standard_connect(proj, columns, distance_map)

    connector._connect_with_map = with_1d_masks
    try:
        connector.connect(projection)
    finally:
        del connector._connect_with_map


class Projection(common.Projection):
    __doc__ = common.Projection.__doc__
    _simulator = simulator
    _static_synapse_class = StaticSynapse  # Projection(pre, post, connector) without a synapse type

    def __init__(self, presynaptic_population, postsynaptic_population, connector, synapse_type=None,
                 source=None, receptor_type=None, space=Space(), label=None) -> None:
        self.created_at = simulator.where()
        common.Projection.__init__(self, presynaptic_population, postsynaptic_population, connector, synapse_type,
                                   source, receptor_type, space, label)
        self.connections: list[Connection] = []
        self.final_weights = None  # a plastic projection's weights after the last run() (lowering._final_weights)
        _connect(connector, self)
        simulator.state.projections.append(self)

    def __len__(self) -> int:
        return len(self.connections)

    def set(self, **attributes):
        raise NotImplementedError("portasnn.pynn: Projection.set() is not supported yet; give weights and delays "
                                  "in the synapse type (values, arrays or RandomDistribution)")

    def _convergent_connect(self, presynaptic_indices, postsynaptic_index, location_selector=None,
                            **connection_parameters) -> None:
        if location_selector is not None:
            raise NotImplementedError("portasnn.pynn does not support multicompartmental models")
        for name, value in connection_parameters.items():
            if np.ndim(value) == 0:  # one value for every connection (an int too: FromListConnector's [(0, 1, 20, 2)])
                connection_parameters[name] = repeat(value)
        for pre_idx, other in ezip(presynaptic_indices, *connection_parameters.values()):
            self.connections.append(Connection(int(pre_idx), int(postsynaptic_index),
                                               **dict(zip(connection_parameters.keys(), other))))

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(pre index, post index, weight in PyNN's unit, delay ms) of every connection, in creation order."""
        c = self.connections
        return (np.array([x.presynaptic_index for x in c], np.int64),
                np.array([x.postsynaptic_index for x in c], np.int64),
                np.array([float(x.weight) for x in c], float), np.array([float(x.delay) for x in c], float))

    def _value(self, k: int, name: str):
        """Attribute ``name`` of connection ``k``: a plastic weight as the last run() left it."""
        if name == "weight" and self.final_weights is not None:
            return float(self.final_weights[k])
        return getattr(self.connections[k], name)

    def _get_attributes_as_list(self, names):
        return [tuple(self._value(k, n) for n in names) for k in range(len(self.connections))]

    def _get_attributes_as_arrays(self, names, multiple_synapses="sum"):
        out = []
        for name in names:
            a = np.full((self.pre.size, self.post.size), np.nan)
            for k, x in enumerate(self.connections):
                a[x.presynaptic_index, x.postsynaptic_index] = self._value(k, name)
            out.append(a)
        return out
