"""Population, PopulationView and Assembly of ``portasnn.pynn``, as pyNN.common provides them.

Parameters are kept as native (IR-unit) arrays, evaluated with PyNN's own machinery (RandomDistribution drawn
with the script's RNG when the population is created or ``set()`` is called); ``initialize()`` is pyNN.common's.
"""
from __future__ import annotations

import numpy as np
from pyNN import common, errors
from pyNN.parameters import ParameterSpace, simplify
from pyNN.standardmodels import StandardCellType

from portasnn.pynn import simulator
from portasnn.pynn.recording import Recorder


class Assembly(common.Assembly):
    _simulator = simulator


class _Parameters:
    """Reading parameters back in PyNN's names and units (shared by Population and PopulationView)."""

    def _get_parameters(self, *names):
        if not isinstance(self.celltype, StandardCellType):
            raise errors.InvalidModelError("portasnn.pynn runs PyNN's standard cell types only")
        if any(name in self.celltype.computed_parameters() for name in names):
            native_names = self.celltype.get_native_names()
        else:
            native_names = self.celltype.get_native_names(*names)
        return self.celltype.reverse_translate(self._get_native_parameters(*native_names))


class PopulationView(_Parameters, common.PopulationView):
    _assembly_class = Assembly
    _simulator = simulator

    def _get_native_parameters(self, *names):
        out = {}
        for name in names:
            value = self.parent._parameters[name]
            out[name] = simplify(value[self.mask] if isinstance(value, np.ndarray) else value)
        return ParameterSpace(out, shape=(self.size,))

    def _set_parameters(self, parameter_space):
        for name, value in parameter_space.items():
            try:
                values = self.parent._parameters[name]
                if values.dtype == object:
                    values[self.mask] = value.evaluate(simplify=False)
                else:
                    values[self.mask] = value.evaluate(simplify=True)
            except ValueError:
                raise errors.InvalidParameterValueError(f"{name} should not be of type {type(value)}") from None

    def _set_initial_value_array(self, variable, initial_values):
        self.parent._initial_set(variable, initial_values, self.mask)

    def _get_view(self, selector, label=None):
        return PopulationView(self, selector, label)


class Population(_Parameters, common.Population):
    __doc__ = common.Population.__doc__
    _simulator = simulator
    _recorder_class = Recorder
    _assembly_class = Assembly

    def __init__(self, *args, **kwargs) -> None:
        """As PyNN's; sPyNNaker's own keywords ``seed`` and ``additional_parameters`` (its on-chip random streams,
        neurons per core) are taken so that its scripts run unchanged, and do nothing here: portasnn's targets
        draw from setup()'s seed, and a board run places the neurons with sPyNNaker's defaults."""
        self.created_at = simulator.where()
        self._initial: dict[str, np.ndarray] = {}
        kwargs.pop("seed", None)
        kwargs.pop("additional_parameters", None)
        super().__init__(*args, **kwargs)
        simulator.state.populations.append(self)

    def _create_cells(self) -> None:
        ids = np.arange(simulator.state.id_counter, simulator.state.id_counter + self.size)
        self.all_cells = np.array([simulator.ID(i) for i in ids], dtype=simulator.ID)
        self._mask_local = np.ones((self.size,), bool)
        if not isinstance(self.celltype, StandardCellType):
            raise errors.InvalidModelError(
                f"{simulator.where()}: portasnn.pynn runs PyNN's standard cell types (sim.IF_curr_exp(...), ...), "
                f"not {type(self.celltype).__name__}")
        space = self.celltype.native_parameters
        space.shape = (self.size,)
        space.evaluate(mask=None, simplify=False)
        self._parameters = space.as_dict()
        for cell in self.all_cells:
            cell.parent = self
        simulator.state.id_counter += self.size

    def _set_initial_value_array(self, variable, initial_values):
        self._initial_set(variable, initial_values, slice(None))

    def _initial_set(self, variable, initial_values, mask) -> None:
        """Keep initial values (PyNN units) per neuron, drawn now with the script's RNG."""
        current = self._initial.get(variable)
        if current is None:
            default = self.celltype.default_initial_values.get(variable, 0.0)
            current = self._initial[variable] = np.full(self.size, float(default))
        values = initial_values.evaluate(simplify=False) if hasattr(initial_values, "evaluate") else initial_values
        values = np.asarray(values, float)
        current[mask] = values

    def initial_arrays(self) -> dict[str, np.ndarray]:
        """Initial values set with initialize() or initial_values=, PyNN units, one per neuron."""
        return dict(self._initial)

    def _get_view(self, selector, label=None):
        return PopulationView(self, selector, label)

    def _get_native_parameters(self, *names):
        return ParameterSpace({name: simplify(self._parameters[name]) for name in names}, shape=(self.local_size,))

    def _set_parameters(self, parameter_space):
        parameter_space.evaluate(simplify=False, mask=self._mask_local)
        for name, value in parameter_space.items():
            self._parameters[name] = value
