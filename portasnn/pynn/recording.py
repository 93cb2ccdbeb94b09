"""PyNN's Recorder for ``portasnn.pynn``: what a population records is lowered to portasnn recorders at run();
``get_data()`` reads the run's results directory (spikes, traces in the IR's units, converted back to PyNN's)."""
from __future__ import annotations

import numpy as np
from pyNN import recording

from portasnn.pynn import simulator
from portasnn.pynn.lowering import cell_of, recorded_name


class Recorder(recording.Recorder):
    _simulator = simulator

    def record(self, variables, ids, sampling_interval=None, locations=None) -> None:
        """PyNN's record(); ``"all"`` is every recordable of the cell type, as sPyNNaker records it (pyNN 0.13 would
        take the word's letters for names)."""
        if isinstance(variables, str) and variables == "all":
            variables = list(self.population.celltype.recordable)
        super().record(variables, ids, sampling_interval, locations)

    def _record(self, variable, new_ids, sampling_interval=None) -> None:
        if variable.name != "spikes" and sampling_interval is not None:
            self.sampling_interval = sampling_interval

    def _times_of(self, index: int) -> np.ndarray:
        state = simulator.state
        pop = self.population
        if id(pop) in state.sources:
            times = np.asarray(state.sources[id(pop)][index], float)
            return times[times <= state.t]
        res = state.results
        if res is None or pop.ir_name not in res.spikes:
            return np.zeros(0)
        senders, times = res.spikes[pop.ir_name]
        times = np.sort(times[senders == index])
        times = times[times <= state.t + 1e-9]
        # a spike in the last step, at t = tstop up to round-off (373 * 0.1 = 37.300000000000004), is at tstop:
        # neo's SpikeTrain would drop it as "after t_stop"
        return np.where(times > state.t, state.t, times)

    def _get_spiketimes(self, ids, clear=False):
        return {int(i): self._times_of(int(self.population.id_to_index(i))) for i in ids}

    def _get_all_signals(self, variable, ids, clear=False):
        res = simulator.state.results
        pop = self.population
        var = recorded_name(pop.celltype, variable.name)
        trace = res.traces[pop.ir_name][var]
        columns = [int(np.flatnonzero(trace.ids == pop.id_to_index(i))[0]) for i in ids]
        factor = cell_of(pop.celltype).factor_of(var)
        keep = trace.times <= simulator.state.t + 1e-9
        values = trace.values[keep][:, columns] / factor
        if trace.times.size and trace.times[0] > 1e-9:  # NEST does not show it at t = 0 (e.g. hh's g_ex): the
            initial = np.asarray(pop.initial_values[var].evaluate(simplify=False), float)  # value set
            values = np.vstack([initial[[pop.id_to_index(i) for i in ids]], values])
        return values, None

    def _local_count(self, variable, filter_ids=None):
        return {int(i): int(self._times_of(int(self.population.id_to_index(i))).size)
                for i in self.filter_recorded(variable, filter_ids)}

    def _clear_simulator(self) -> None:
        pass

    def _reset(self) -> None:
        pass
