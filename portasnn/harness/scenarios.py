"""Single-neuron scenarios: tiny networks (one neuron, its inputs, V_m and spike recorders) run on every target.

Every random input is drawn here, once, with a fixed seed, and handed to each target as explicit data
(spike times, step currents), so all targets receive exactly the same input:

  dc_step        DC current ``dc`` from 50 ms to 250 ms
  noisy_current  piecewise-constant Gaussian current, mean ``noise_mean``, std ``noise_std``, new value every
                 ``noise_dt`` ms (the semantics of NEST's noise_generator), as a step current
  poisson_exc    subthreshold bias ``bias`` plus an excitatory Poisson train of ``rate`` Hz (weight ``w_exc``)
  poisson_inh    suprathreshold bias ``bias_inh`` plus an inhibitory Poisson train of ``rate`` Hz (``-w_exc``)
  spike_times    precisely timed excitatory and inhibitory spikes, strong enough to cause output spikes

Input weights are in the unit of the model's receptor: ``w_exc`` defaults to 1 mV for models whose name
contains "delta", 2 nS for "cond" models and 100 pA otherwise. Any parameter is overridden with
``--set name=value`` (e.g. ``--set dc=500 w_exc=50``).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

from portasnn.errors import UsageError
from portasnn.ir.network import ModelRef, Network, Population, Recorder, Simulation, Stimulus

POP = "neuron"
INPUT_SEED = 20240611
DEFAULTS: dict[str, float] = {"duration": 300.0, "resolution": 0.1, "dc": 500.0, "bias": 300.0, "bias_inh": 450.0,
                              "rate": 500.0, "noise_mean": 370.0, "noise_std": 150.0, "noise_dt": 1.0}


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    description: str
    build: Callable[[dict[str, float]], tuple[Stimulus, ...]]


def default_weight(model_name: str) -> float:
    if "delta" in model_name:
        return 1.0
    if "cond" in model_name:
        return 2.0
    return 100.0


def scenario_params(model_name: str, overrides: dict[str, Any] | None = None) -> dict[str, float]:
    params = dict(DEFAULTS, w_exc=default_weight(model_name))
    for key, value in (overrides or {}).items():
        if key not in params:
            raise UsageError(f"unknown scenario parameter '{key}'", hint="known: " + ", ".join(sorted(params)),
                             code="E730")
        try:
            params[key] = float(value)
        except (TypeError, ValueError):
            raise UsageError(f"scenario parameter {key}={value!r} is not a number", code="E730") from None
    return params


def _poisson_times(rate_hz: float, duration: float, resolution: float, stream: int) -> tuple[float, ...]:
    rng = np.random.default_rng([INPUT_SEED, stream])
    n = rng.poisson(rate_hz * duration / 1000.0)
    times = np.unique(np.round(rng.uniform(resolution, duration - resolution, n) / resolution) * resolution)
    return tuple(float(t) for t in np.round(times, 6))


def _dc(name: str, amplitude: float, start: float, stop: float) -> Stimulus:
    return Stimulus(name=name, kind="dc", target=POP,
                    params=(("amplitude", amplitude), ("start", start), ("stop", stop)))


def _spikes(name: str, times: tuple[float, ...], weight: float, receptor: str, delay: float) -> Stimulus:
    return Stimulus(name=name, kind="spike_times", target=POP, params=(("times", times),), weight=weight,
                    delay=delay, receptor=receptor)


def _dc_step(p: dict[str, float]) -> tuple[Stimulus, ...]:
    return (_dc("dc", p["dc"], 50.0, 250.0),)


def _noisy(p: dict[str, float]) -> tuple[Stimulus, ...]:
    rng = np.random.default_rng([INPUT_SEED, 0])
    times = np.arange(p["noise_dt"], p["duration"], p["noise_dt"])  # NEST: no change before the first step
    amps = p["noise_mean"] + p["noise_std"] * rng.standard_normal(times.size)
    return (Stimulus(name="noise", kind="step", target=POP,
                     params=(("times", tuple(float(t) for t in np.round(times, 6))),
                             ("amplitudes", tuple(float(a) for a in amps)))),)


def _poisson_exc(p: dict[str, float]) -> tuple[Stimulus, ...]:
    times = _poisson_times(p["rate"], p["duration"], p["resolution"], 1)
    return (_dc("bias", p["bias"], 0.0, p["duration"]),
            _spikes("exc", times, p["w_exc"], "excitatory", p["resolution"]))


def _poisson_inh(p: dict[str, float]) -> tuple[Stimulus, ...]:
    times = _poisson_times(p["rate"], p["duration"], p["resolution"], 2)
    return (_dc("bias", p["bias_inh"], 0.0, p["duration"]),
            _spikes("inh", times, -p["w_exc"], "inhibitory", p["resolution"]))


def _timed(p: dict[str, float]) -> tuple[Stimulus, ...]:
    burst = tuple(float(t) for t in (20.0, 20.5, 21.0, 21.5, 22.0, 60.0, 60.2, 60.4, 60.6, 60.8, 61.0, 61.2,
                                     150.0, 150.1, 150.2, 150.3, 150.4, 150.5, 150.6, 150.7))
    inh = (59.0, 59.5, 149.0)
    return (_dc("bias", p["bias"], 0.0, p["duration"]),
            _spikes("exc", burst, 4 * p["w_exc"], "excitatory", 1.0),
            _spikes("inh", inh, -4 * p["w_exc"], "inhibitory", 1.0))


SCENARIOS: dict[str, Scenario] = {s.name: s for s in (
    Scenario("dc_step", "DC step", _dc_step),
    Scenario("noisy_current", "noisy current (frozen Gaussian steps)", _noisy),
    Scenario("poisson_exc", "excitatory Poisson input on a subthreshold bias", _poisson_exc),
    Scenario("poisson_inh", "inhibitory Poisson input on a suprathreshold bias", _poisson_inh),
    Scenario("spike_times", "precisely timed input spikes", _timed),
)}


def scenario_network(scenario: str, model: ModelRef, overrides: dict[str, Any] | None = None) -> Network:
    """The network IR of one scenario for ``model``."""
    if scenario not in SCENARIOS:
        raise UsageError(f"unknown scenario '{scenario}'", hint="known: " + ", ".join(SCENARIOS), code="E731")
    p = scenario_params(model.name, overrides)
    return Network(
        name=f"{model.name}_{scenario}",
        models=(model,),
        populations=(Population(name=POP, size=1, model=model.key),),
        stimuli=SCENARIOS[scenario].build(p),
        recorders=(Recorder(name="spikes", kind="spikes", population=POP),
                   Recorder(name="V_m", kind="state", population=POP, variables=("V_m",), subset=(0,),
                            interval=p["resolution"])),
        simulation=Simulation(duration=p["duration"], resolution=p["resolution"], seed=1),
    )
