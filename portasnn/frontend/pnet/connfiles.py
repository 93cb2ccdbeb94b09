"""Data from files (issue 16 item 2): ``from_file`` projections (a connection file checked against its populations
and turned into the IR's ``ConnectionFile``, its weights in the receptor's unit with the IR's sign convention) and
per-neuron parameter values (``file(...)`` -> ``ArrayFile``). Shared by the .pnet reader and the Python builder;
each file is noted as read (the program cache's key covers it).
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from portasnn.errors import Span
from portasnn.frontend import reads
from portasnn.frontend.pnet import values as V
from portasnn.frontend.pnet.catalog import ModelInfo
from portasnn.frontend.pnet.checks import normalise_weight
from portasnn.ir import datafiles as DF
from portasnn.ir.network import ArrayFile, ConnectionFile, Population, Value
from portasnn.units import UNITS, Quantity, parse_unit

error = V.error


def connection_file(path: Path, base: Path, pre: Population, post: Population, info: ModelInfo | None,
                    receptor: str | None, weight: V.EvalValue | None, delay: V.EvalValue | None,
                    weight_unit: tuple[Quantity, str] | None, span: Span, spans: dict[str, Span]
                    ) -> tuple[ConnectionFile, Value, Value, str]:
    """(the IR node, the projection's weight and delay, its receptor) of ``connect pre -> post: from_file(path)``.

    ``base``: the directory of the network's file (the IR keeps the path relative to it); ``weight``/``delay``:
    the defaults given with the statement (None: not given); ``weight_unit``: given with the statement (its
    quantity and text); ``spans``: "file", "weight", "delay", "weight_unit" -> where they are written.
    """
    fspan = spans.get("file", span)
    arrays = DF.read(path, fspan)
    reads.note(path)
    name, what = path.name, f"connect {pre.name} -> {post.name}"
    DF.check_indices(arrays, pre.size, post.size, pre.name, post.name, name, fspan)
    factor, unit_text = 1.0, ""
    if arrays.weight is not None:
        if weight is not None:
            raise error("E216", f"connection file {name} gives the weights: remove 'weight = ...'",
                        spans.get("weight", span), hint="'weight = ...' is the weight of files without weights")
        unit_q, unit_text, uspan = _weight_unit(arrays, weight_unit, name, fspan, spans.get("weight_unit", fspan))
        factor = float(V.to_weight(unit_q, info, receptor, post.model, f"the weights of {what} (in {name}, "
                                   f"weight_unit {unit_text!r})", uspan))  # type: ignore[arg-type]
        w = arrays.weight * factor
        pos, neg = bool((w > 0).any()), bool((w < 0).any())
        if receptor in (None, "excitatory", "inhibitory") and pos and neg:
            rows = (int(np.flatnonzero(w > 0)[0]), int(np.flatnonzero(w < 0)[0]))
            raise error("E215", f"the weights in connection file {name} are positive (row {rows[0]}) and negative "
                        f"(row {rows[1]}), so the receptor of {what} is not clear", fspan,
                        hint="one projection takes one receptor: split the file into excitatory and inhibitory "
                             "connections")
        if receptor == "excitatory" and neg:
            raise error("E215", f"an excitatory weight must not be negative: row {int(np.flatnonzero(w < 0)[0])} "
                        f"of connection file {name}", fspan, hint="make the weights positive, or use "
                        "receptor = inhibitory")
        if receptor is None:
            receptor = "inhibitory" if neg else "excitatory"
        elif receptor == "inhibitory" and pos:  # PyNN's convention: stored negated
            factor, w = -factor, -w
        value: Value = float(w[int(np.argmax(np.abs(w)))]) if w.size else 0.0
    else:
        if weight_unit is not None:
            raise error("E250", f"connection file {name} has no weights, so it takes no weight_unit",
                        spans.get("weight_unit", span))
        if weight is None:
            raise error("E216", f"{what} needs weight = ... (connection file {name} has no weights)", span)
        if isinstance(weight, V.DistValue):
            raise error("E252", f"a random weight for the connections of file {name} is not supported",
                        spans.get("weight", span), hint="draw the weights yourself and save them in the file")
        value = V.to_weight(weight, info, receptor, post.model, f"the weight of {what}", spans.get("weight", span))
        value, receptor = normalise_weight(value, receptor, spans.get("weight", span))  # type: ignore[assignment]
    if arrays.delay is not None:
        if delay is not None:
            raise error("E216", f"connection file {name} gives the delays: remove 'delay = ...'",
                        spans.get("delay", span), hint="'delay = ...' is the delay of files without delays")
        delay_value: Value = float(arrays.delay.min()) if arrays.delay.size else 0.0
    else:
        if delay is None:
            raise error("E216", f"{what} needs delay = ... (connection file {name} has no delays)", span)
        if isinstance(delay, V.DistValue):
            raise error("E252", f"a random delay for the connections of file {name} is not supported",
                        spans.get("delay", span), hint="draw the delays yourself and save them in the file")
        delay_value = V.to_value(delay, UNITS["ms"], f"the delay of {what}", spans.get("delay", span))
    rel = Path(os.path.relpath(path.resolve(), base.resolve())).as_posix()
    node = ConnectionFile(path=rel, sha256=DF.sha256_of(path), count=int(arrays.pre.size),
                          weights=arrays.weight is not None, delays=arrays.delay is not None, weight_unit=unit_text,
                          weight_factor=factor, source=str(path.resolve()))
    return node, value, delay_value, receptor  # type: ignore[return-value]


def _weight_unit(arrays: DF.Arrays, given: tuple[Quantity, str] | None, name: str, fspan: Span,
                 uspan: Span) -> tuple[Quantity, str, Span]:
    """The unit of the file's weights: the file's own ``weight_unit`` (npz) or the statement's (E250)."""
    if given is not None:
        if arrays.weight_unit is not None:
            raise error("E250", f"connection file {name} gives its weight_unit ({arrays.weight_unit!r}) itself: "
                        "remove 'weight_unit = ...'", uspan)
        return given[0], given[1], uspan
    if arrays.weight_unit is None:
        raise error("E250", f"connection file {name} has weights but no weight_unit", fspan,
                    hint="add weight_unit = mV (or pA, nS, ...) to the connect statement, or save "
                         "weight_unit=numpy.array('mV') in the .npz")
    unit = parse_unit(arrays.weight_unit)
    if unit is None or not arrays.weight_unit.strip():
        raise error("E250", f"weight_unit {arrays.weight_unit!r} in connection file {name} is not a unit", fspan,
                    hint="e.g. mV, pA, nA, nS, uS, or 1 for plain numbers")
    return unit, arrays.weight_unit, fspan


def array_file(raw: V.FileValue, unit: Quantity | None, size: int, what: str, base: Path) -> ArrayFile:
    """Per-neuron values of ``what`` from an array file: one finite number per neuron of a population of ``size``,
    the unit given in the call checked against the parameter's ``unit`` (E204, as for a value)."""
    DF.read_parameter(raw.path, raw.key, size, what, raw.span)
    factor = float(V.convert(raw.unit, unit, what, raw.span))
    reads.note(raw.path)
    rel = Path(os.path.relpath(raw.path.resolve(), base.resolve())).as_posix()
    return ArrayFile(path=rel, sha256=DF.sha256_of(raw.path), key=raw.key, size=size, unit=raw.unit_text,
                     factor=factor, source=str(raw.path.resolve()))
