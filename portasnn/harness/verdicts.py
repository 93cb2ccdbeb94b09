"""Verdicts OK / Poor / Fail from tolerances.

Network observables get two independent verdicts, both reported:
  * seed band: the reference is run with k seeds; band = max_i |obs_i - mean| over those seeds; the
    difference target - reference mean is OK within the band, Poor within twice it, Fail beyond;
  * explicit tolerance (tolerances.toml, ``abs`` and/or ``rel`` to |reference mean|): likewise.
  The final verdict is the more lenient of the two (a difference inside either the seed band or the
  explicit tolerance is OK), since both say "indistinguishable" in their own terms.
Single-neuron metrics get one verdict from an explicit ``max`` (OK if |metric| <= max, Poor within 2 max) or
``min`` (for metrics whose ideal is 1: OK if metric >= min, Poor within twice the allowed shortfall 1 - min).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Literal

from portasnn.errors import UsageError

Verdict = Literal["OK", "Poor", "Fail"]
ORDER = {"OK": 0, "Poor": 1, "Fail": 2}
RULE = ("OK when the difference lies inside the reference's seed band (max |seed value - seed mean|) "
        "or inside the explicit tolerance; Poor within twice the more lenient; Fail beyond.")
SINGLE_RULE = ("Each metric against its explicit tolerance (one line each below): OK inside it, Poor within twice "
               "it, Fail beyond; metrics without a tolerance are reported only.")


def worst(verdicts: Iterable[str | None]) -> Verdict:
    found = [v for v in verdicts if v in ORDER]
    return max(found, key=ORDER.__getitem__) if found else "OK"  # type: ignore[return-value]


def best(verdicts: Iterable[str | None]) -> Verdict | None:
    found = [v for v in verdicts if v in ORDER]
    return min(found, key=ORDER.__getitem__) if found else None  # type: ignore[return-value]


def grade(deviation: float, limit: float) -> Verdict:
    """OK if deviation <= limit, Poor if <= 2 limit, else Fail (deviation >= 0)."""
    if deviation <= limit:
        return "OK"
    return "Poor" if deviation <= 2 * limit else "Fail"


# ------------------------------------------------------------------------------------------ tolerances
def load_tolerances(path: str | Path | None = None) -> dict[str, Any]:
    """The shipped defaults, with the entries of ``path`` (same layout) merged over them."""
    text = resources.files("portasnn.harness").joinpath("tolerances.toml").read_text()
    merged = tomllib.loads(text)
    if path is not None:
        file = Path(path)
        if not file.is_file():
            raise UsageError(f"tolerance file {file} does not exist", code="E720")
        try:
            user = tomllib.loads(file.read_text())
        except tomllib.TOMLDecodeError as exc:
            raise UsageError(f"{file}: not valid TOML: {exc}", code="E721") from None
        _merge(merged, user)
    _validate(merged, str(path or "tolerances.toml"))
    return merged


def _merge(base: dict[str, Any], over: dict[str, Any]) -> None:
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict) and not _is_spec(value):
            _merge(base[key], value)
        else:
            base[key] = value


def _is_spec(value: dict[str, Any]) -> bool:
    return bool(value) and set(value) <= {"abs", "rel", "min", "max"}


def _validate(tol: dict[str, Any], where: str) -> None:
    for section in tol:
        if section not in ("network", "single_neuron"):
            raise UsageError(f"{where}: unknown section [{section}]", hint="use [network] or [single_neuron]",
                             code="E722")
    from portasnn.harness.metrics import (NETWORK_OBSERVABLES, WEIGHT_DISTANCE, WEIGHT_OBSERVABLES, WEIGHT_PATH,
                                          WEIGHT_SYNAPSE_PATH)

    own_max = (WEIGHT_DISTANCE, WEIGHT_PATH, WEIGHT_SYNAPSE_PATH)  # judged on their own magnitude
    known = (*NETWORK_OBSERVABLES, *WEIGHT_OBSERVABLES, *own_max)
    for name, spec in tol.get("network", {}).items():
        if name not in known:
            renamed = (" (renamed rate_spectrum_peak_hz: it is a frequency, not a rate)" if name == "rate_peak_hz"
                       else "")
            raise UsageError(f"{where}: [network] {name} is not a network observable{renamed}",
                             hint="observables: " + ", ".join(known), code="E722")
        if name in own_max:
            if not (isinstance(spec, dict) and set(spec) == {"max"} and _numbers(spec)):
                raise UsageError(f"{where}: [network] {name} must be like {{ max = 0.2 }}", code="E722")
            continue
        if not (isinstance(spec, dict) and spec and set(spec) <= {"abs", "rel"} and _numbers(spec)):
            raise UsageError(f"{where}: [network] {name} must be like {{ abs = 0.05 }} or {{ rel = 0.05 }}",
                             code="E722")
    for name, spec in tol.get("single_neuron", {}).items():
        specs = spec.items() if isinstance(spec, dict) and not _is_spec(spec) else [(name, spec)]
        for metric, s in specs:
            if not (isinstance(s, dict) and len(s) == 1 and set(s) <= {"min", "max"} and _numbers(s)):
                raise UsageError(f"{where}: [single_neuron] {metric} must be like {{ max = 1e-9 }} or "
                                 "{ min = 0.9 }", code="E722")


def _numbers(spec: dict[str, Any]) -> bool:
    return all(isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 for v in spec.values())


def single_neuron_specs(tol: dict[str, Any], target_kind: str) -> dict[str, dict[str, float]]:
    """Metric specs for pairs whose compared target is of ``target_kind`` (see tolerances.toml)."""
    section = tol.get("single_neuron", {})
    specs = {k: v for k, v in section.items() if _is_spec(v)}
    chain = [target_kind]
    if target_kind == "spinnaker-host-float":
        chain = ["spinnaker-host", "spinnaker-host-float"]
    if target_kind == "spinnaker":  # a board's results (portasnn fetch): SpiNNaker-1's s16.15, as the emulator's
        chain = ["spinnaker-host", "spinnaker"]
    for kind in chain:
        specs.update(section.get(kind, {}) if isinstance(section.get(kind), dict) else {})
    return specs


def explain(name: str, spec: dict[str, float]) -> str:
    """One line saying what a tolerance means."""
    if "min" in spec:
        return f"{name} >= {spec['min']:g} (Poor down to {1 - 2 * (1 - spec['min']):g})"
    if "max" in spec:
        return f"|{name}| <= {spec['max']:g}"
    parts = []
    if "abs" in spec:
        parts.append(f"{spec['abs']:g} absolute")
    if "rel" in spec:
        parts.append(f"{100 * spec['rel']:g} % of the reference")
    return "|difference| <= " + " or ".join(parts) + (" (the larger)" if len(parts) > 1 else "")


# -------------------------------------------------------------------------------------------- judging
@dataclass(frozen=True, slots=True)
class Judgement:
    """One row of the grid: an observable of one population (or scenario) for one target pair."""

    group: str  # population or scenario
    observable: str
    reference: str
    target: str
    ref_value: float | None
    value: float | None
    diff: float | None
    band: float | None
    band_verdict: Verdict | None
    tolerance: float | None
    tolerance_text: str
    tolerance_verdict: Verdict | None
    verdict: Verdict | None  # None: reported without a verdict

    def as_dict(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in self.__slots__}


def judge_network(group: str, observable: str, reference: str, target: str, ref_stats: dict[str, Any],
                  value: float | None, spec: dict[str, float] | None) -> Judgement:
    """Judge ``value`` against the reference's seed mean/band (``ref_stats`` from metrics.describe)."""
    mean, band = ref_stats["mean"], ref_stats["band"]
    text = explain(observable, spec) if spec else "no explicit tolerance"
    if mean is None or value is None:
        same = mean is None and value is None
        verdict: Verdict = "OK" if same else "Fail"
        return Judgement(group, observable, reference, target, mean, value, None, band, None, None,
                         text + ("; undefined in both" if same else "; undefined in one of the two"), verdict,
                         verdict)
    diff = float(value - mean)
    band_verdict = grade(abs(diff), band) if band is not None else None
    limit = None
    if spec:
        limit = max(spec.get("abs", 0.0), spec.get("rel", 0.0) * abs(mean))
    tol_verdict = grade(abs(diff), limit) if limit is not None else None
    return Judgement(group, observable, reference, target, mean, value, diff, band, band_verdict, limit, text,
                     tol_verdict, best([band_verdict, tol_verdict]))


def judge_metric(group: str, observable: str, reference: str, target: str, value: float | None,
                 spec: dict[str, float] | None) -> Judgement:
    """Judge a single-neuron metric (an error, a count difference or a coincidence factor)."""
    verdict: Verdict | None = None
    limit = None
    if spec and value is None:
        verdict = "Fail"
    elif spec and "max" in spec:
        limit = float(spec["max"])
        verdict = grade(abs(value), limit)
    elif spec and "min" in spec:
        limit = float(spec["min"])
        verdict = grade(max(0.0, 1.0 - value), 1.0 - limit)
    text = explain(observable, spec) if spec else "reported only"
    return Judgement(group, observable, reference, target, None, value, None, None, None, limit, text, verdict,
                     verdict)
