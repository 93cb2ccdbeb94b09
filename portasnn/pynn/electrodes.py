"""PyNN's current sources for ``portasnn.pynn`` (issue 14 item 1): ``DCSource``, ``StepCurrentSource``,
``ACSource`` and ``NoisyCurrentSource``.

A source keeps its parameters (amplitudes in the IR's pA) and the cells it was injected into; ``run()`` lowers it
to the IR's ``dc``/``step``/``ac``/``noise`` stimuli, one per population it reaches (the cells as the stimulus'
subset). As under pyNN.nest, a neuron feels the current from the times the script gives (portasnn's current
stimuli act from their times on every target). ``ac`` and ``noise`` run on nest and the spinnaker target
(sPyNNaker's own sources); spinnaker-host refuses them (E429).
"""
from __future__ import annotations

from pyNN.parameters import ParameterSpace
from pyNN.standardmodels import StandardCurrentSource, build_translations, electrodes

from portasnn.pynn.simulator import state, where


class _CurrentSource(StandardCurrentSource):
    _native: ParameterSpace | None = None  # class defaults: StandardCurrentSource.__getattr__ reads parameters
    cells: list | None = None
    created_at = "<unknown>"

    def __init__(self, **parameters) -> None:
        super().__init__(**parameters)
        self.cells = []
        self.created_at = where()
        self.parameter_space.shape = (1,)
        self._native = self.translate(self.parameter_space)
        self._native.evaluate(simplify=True)
        state.current_sources.append(self)

    def inject_into(self, cells) -> None:  # noqa: ANN001 - Population, PopulationView, Assembly or IDs
        """Inject this source's current into ``cells``."""
        for cell in cells:
            if not cell.celltype.injectable:
                raise TypeError("Can't inject current into a spike source.")
        self.cells.extend(cells)

    def set_native_parameters(self, parameters: ParameterSpace) -> None:
        parameters.evaluate(simplify=True)
        self._native.update(**parameters)

    def get_native_parameters(self) -> ParameterSpace:
        return ParameterSpace(dict(self._native.items()), shape=(1,))

    def native(self) -> dict:
        """The parameters in the IR's units (pA, ms), evaluated."""
        out = {}
        for name, value in self._native.items():
            out[name] = value.value if hasattr(value, "value") else value
        return out


class DCSource(_CurrentSource, electrodes.DCSource):
    __doc__ = electrodes.DCSource.__doc__
    translations = build_translations(("amplitude", "amplitude", 1000.0), ("start", "start"), ("stop", "stop"))


class StepCurrentSource(_CurrentSource, electrodes.StepCurrentSource):
    __doc__ = electrodes.StepCurrentSource.__doc__
    translations = build_translations(("amplitudes", "amplitudes", 1000.0), ("times", "times"))


class ACSource(_CurrentSource, electrodes.ACSource):
    __doc__ = electrodes.ACSource.__doc__
    translations = build_translations(("amplitude", "amplitude", 1000.0), ("offset", "offset", 1000.0),
                                      ("frequency", "frequency"), ("phase", "phase"), ("start", "start"),
                                      ("stop", "stop"))


class NoisyCurrentSource(_CurrentSource, electrodes.NoisyCurrentSource):
    __doc__ = electrodes.NoisyCurrentSource.__doc__
    translations = build_translations(("mean", "mean", 1000.0), ("stdev", "stdev", 1000.0), ("dt", "dt"),
                                      ("start", "start"), ("stop", "stop"))
