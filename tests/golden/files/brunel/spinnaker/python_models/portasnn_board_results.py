"""What a board run leaves: sPyNNaker's neo data written as a portasnn results directory (``portasnn-results/2``).

This file travels with the generated PyNN script (``python_models/portasnn_board_results.py``) and runs on the
board's host, where portasnn is not installed: it imports numpy alone (and neo's ``quantities`` to convert units).
The script calls :func:`write_results` after ``p.run``; the directory it writes is what ``portasnn run`` writes on
the other targets (meta.json, spikes/<pop>.npz, traces/<pop>__<var>.npz; the weights files the script writes
itself), so ``portasnn compare --results`` and ``portasnn plot`` read a board's run as any other.

Conversions, from sPyNNaker's neo output (as PyNN's other backends give it):
- spikes: the SpikeTrains' spikes, the neuron's index in the population in ``source_index``, sorted by time,
  then sender; ``recorded`` the neurons the network records (sPyNNaker gives every neuron of a population a
  SpikeTrain, recorded or not);
- traces: one AnalogSignal per variable, its neurons' indices in ``channel_names`` (sPyNNaker) or the array
  annotation ``channel_index`` (PyNN's backends); sample k lies at ``t_start + k * sampling_period``; the values
  are multiplied by the factor from the recorded unit to the network's (the one spinnaker-host applies), and
  the variable takes the network's name. The recording's unit must be the one that factor assumes, except where
  sPyNNaker's label is known to be wrong: its standard current-based cells record isyn_exc as gsyn_exc, labelled
  uS but holding the current in nA.
"""
from __future__ import annotations

import json
import os

import numpy as np

FORMAT = "portasnn-results/2"


class BoardResultsError(RuntimeError):
    """The board's data cannot be written faithfully (an unknown unit, a second segment, ...)."""


def spikes_of(block, recorded: np.ndarray) -> tuple[np.ndarray, np.ndarray]:  # noqa: ANN001 - a neo.Block
    """(senders, times in ms) of ``block``'s spikes, sorted by time, then sender; every sender one of ``recorded``.

    The recorded neurons are the network's, not the Block's trains: sPyNNaker gives every neuron of the population
    a SpikeTrain, recorded or not, and a neuron that was not recorded must not count as silent."""
    trains = _segment(block).spiketrains
    senders = np.concatenate([np.full(len(st), int(st.annotations["source_index"]), dtype=np.int64)
                              for st in trains] or [np.zeros(0, np.int64)])
    times = np.concatenate([np.asarray(st.rescale("ms").magnitude, dtype=np.float64).ravel() for st in trains]
                           or [np.zeros(0)])
    if not np.isin(senders, recorded).all():
        raise BoardResultsError(f"population {block.name}: spikes of neurons whose spikes were not recorded")
    order = np.lexsort((senders, times))
    return senders[order], times[order]


def traces_of(block, names: dict[str, tuple]) -> list[tuple[str, np.ndarray, np.ndarray, np.ndarray, str]]:  # noqa: ANN001
    """[(network variable, times in ms, ids, values (times x ids) in the network unit, unit)] of ``block``.

    ``names``: recorded name -> (the network's name, the network's unit, factor recorded -> network, the unit
    the recording must carry, or "" where sPyNNaker's label is known to be wrong); a signal not named there
    is refused."""
    out = []
    for sig in _segment(block).analogsignals:
        if sig.name not in names:
            raise BoardResultsError(f"population {block.name}: recorded variable {sig.name!r} is not one the "
                                    f"network records ({', '.join(sorted(names))})")
        var, unit, factor, label = names[sig.name]
        ids = _channels(sig)
        _check_label(sig, label, f"{block.name}.{var}")
        values = np.asarray(sig.magnitude, dtype=np.float64) * float(factor)
        times = np.asarray(sig.times.rescale("ms").magnitude, dtype=np.float64)
        order = np.argsort(ids, kind="stable")
        out.append((var, times, ids[order], values.reshape(times.size, ids.size)[:, order], unit))
    return out


def _segment(block):  # noqa: ANN001, ANN202
    if len(block.segments) != 1:
        raise BoardResultsError(f"population {block.name}: {len(block.segments)} segments, expected one run")
    return block.segments[0]


def _channels(sig) -> np.ndarray:  # noqa: ANN001
    ids = sig.annotations.get("channel_names")
    if ids is None:
        ids = sig.array_annotations.get("channel_index")
    if ids is None:
        raise BoardResultsError(f"signal {sig.name!r} names no neurons (no channel_names or channel_index)")
    ids = np.asarray(ids, dtype=np.int64).ravel()
    if ids.size != sig.shape[1] or np.unique(ids).size != ids.size:
        raise BoardResultsError(f"signal {sig.name!r}: {ids.size} neuron indices for {sig.shape[1]} columns")
    return ids


def _check_label(sig, label: str, what: str) -> None:  # noqa: ANN001
    """Refuse a recording whose unit is not ``label`` (the factor to the network's unit assumes it)."""
    if not label:
        return
    import quantities as pq

    have = sig.units.dimensionality.string
    try:
        same = abs(float(pq.Quantity(1.0, have).rescale(label).magnitude) - 1.0) < 1e-12
    except (ValueError, LookupError):
        same = False
    if not same:
        raise BoardResultsError(f"{what}: recorded in {have}, but the conversion to the network's unit expects "
                                f"{label}")


def spynnaker_version() -> str:
    """The sPyNNaker that ran (for meta.json's versions)."""
    try:
        import spynnaker
    except ImportError:
        return ""
    return str(getattr(spynnaker, "__version__", ""))


def write_results(outdir: str, meta: dict, blocks: list, spikes: dict, trace_names: dict,  # noqa: ANN001
                  versions: dict | None = None) -> str:
    """Write ``blocks`` (one neo.Block per recorded population, named by it) into ``outdir`` as portasnn results.

    ``meta``: meta.json without ``format`` and ``versions``; ``spikes``: population -> the indices of the neurons
    whose spikes were recorded (None: all); ``trace_names``: population -> ``names`` of :func:`traces_of`. The
    weights files in ``outdir/weights`` (written by the script) are listed in meta.json."""
    meta = {"format": FORMAT, **meta, "versions": dict(versions or {})}
    sizes = {pop: int(v["size"]) for pop, v in meta["populations"].items()}
    os.makedirs(os.path.join(outdir, "spikes"), exist_ok=True)
    for block in blocks:
        pop = block.name
        if pop not in sizes:
            raise BoardResultsError(f"recorded population {pop!r} is not in the network")
        if pop in spikes:
            chosen = spikes[pop]
            recorded = np.arange(sizes[pop]) if chosen is None else np.unique(np.asarray(chosen, dtype=np.int64))
            if recorded.size and (recorded[0] < 0 or recorded[-1] >= sizes[pop]):
                raise BoardResultsError(f"population {pop}: a recorded neuron lies outside 0..{sizes[pop] - 1}")
            senders, times = spikes_of(block, recorded)
            np.savez_compressed(os.path.join(outdir, "spikes", f"{pop}.npz"), recorded=recorded, senders=senders,
                                times=times)
        for var, times, ids, values, unit in traces_of(block, trace_names.get(pop, {})):
            if ids.size and (ids[0] < 0 or ids[-1] >= sizes[pop]):
                raise BoardResultsError(f"trace {pop}.{var}: a neuron lies outside 0..{sizes[pop] - 1}")
            os.makedirs(os.path.join(outdir, "traces"), exist_ok=True)
            np.savez_compressed(os.path.join(outdir, "traces", f"{pop}__{var}.npz"), times=times, ids=ids,
                                values=values, unit=np.array(unit))
    weights = os.path.join(outdir, "weights")
    listed = {}
    for name in sorted(os.listdir(weights)) if os.path.isdir(weights) else []:
        if name.endswith(".npz") and not name.endswith(".trajectory.npz"):
            with np.load(os.path.join(weights, name), allow_pickle=False) as data:
                pre, _, post = name[:-4].partition("__")
                listed[name[:-4]] = {"projection": str(data["projection"]), "pre": pre, "post": post,
                                     "unit": str(data["unit"])}
    if listed:
        meta["weights"] = listed
    with open(os.path.join(outdir, "meta.json"), "w") as f:
        f.write(json.dumps(meta, indent=2) + "\n")
    return outdir
