"""Read .pnet text into the network IR: parse (ANTLR), follow includes, evaluate constants, build nodes.

Statements are read in order (an include is read where it stands, once per file); a name must be
defined before it is used. Every IR node made here carries the Span of its statement.
"""
from __future__ import annotations

import math
import os
import sys
from collections.abc import Mapping
from dataclasses import replace
from fractions import Fraction
from pathlib import Path

from antlr4 import CommonTokenStream, InputStream
from antlr4.error.ErrorListener import ErrorListener
from antlr4.Token import Token

from portasnn.errors import Span
from portasnn.frontend import reads
from portasnn.frontend.pnet import values as V
from portasnn.frontend.pnet.catalog import DefaultCatalog, ModelCatalog, info_of
from portasnn.frontend.pnet import synapses as S
from portasnn.frontend.pnet.connfiles import array_file, connection_file
from portasnn.frontend.pnet.checks import RULE_PARAMS, STIM_PARAMS, check_network, normalise_weight
from portasnn.frontend.pnet.PortasnnNetLexer import PortasnnNetLexer
from portasnn.frontend.pnet.PortasnnNetParser import PortasnnNetParser as P
from portasnn.ir.network import (ArrayFile, Connector, ModelRef, Network, Population, Projection, Recorder, Simulation,
                                 Stimulus, Synapse, Value, WeightRecorder, WeightScaling)
from portasnn.units import ONE, UNITS, Quantity, UnitError, describe

error = V.error
MS, PA, HZ = UNITS["ms"], UNITS["pA"], UNITS["Hz"]
STIM_KINDS = {"poisson": "poisson", "dc": "dc", "step": "step", "spikes": "spike_times", "ac": "ac", "noise": "noise"}
FUNCTIONS = {"min", "max", "abs", "exp", "log", "sqrt", "round", "floor", "ceil"}  # and file(...) per neuron
KEYWORD_TOKENS = set(range(P.NETWORK, P.FALSE + 1))


def nestml_model_path(name: str) -> Path:
    """The NESTML file of a model shipped with the nestml package (``nestml:NAME`` in .pnet)."""
    return Path(sys.prefix) / "models" / "neurons" / f"{name}.nestml"


class _Raise(ErrorListener):
    def __init__(self, filename: str) -> None:
        self.filename = filename

    def syntaxError(self, recognizer, offending, line, column, msg, e):  # noqa: N802 - ANTLR's name
        span = Span(self.filename, line, column + 1)
        if offending is None:  # lexer
            raise error("E201", f"syntax error: {msg.replace('token recognition error at', 'unexpected character')}",
                        span)
        text = "end of file" if offending.type == Token.EOF else repr(offending.text)
        hint = msg[msg.index("expecting"):] if "expecting" in msg else ""
        if msg.startswith("missing "):
            hint = "expecting " + msg.removeprefix("missing ").split(" at ")[0]
        if offending.type == P.UNIT:
            hint = f"'{offending.text}' is a unit, so it cannot be used as a name; " + hint
        elif offending.type in KEYWORD_TOKENS:
            hint = f"'{offending.text}' is a keyword, so it cannot be used as a name; " + hint
        raise error("E201", f"syntax error: unexpected {text}", span, hint=hint)


def _parser(text: str, filename: str) -> P:
    lexer = PortasnnNetLexer(InputStream(text))
    lexer.removeErrorListeners()
    lexer.addErrorListener(_Raise(filename))
    parser = P(CommonTokenStream(lexer))
    parser.removeErrorListeners()
    parser.addErrorListener(_Raise(filename))
    return parser


class Reader:
    """Turns one top-level .pnet text (and what it includes) into a Network."""

    def __init__(self, overrides: Mapping[str, str] | None = None, catalog: ModelCatalog | None = None) -> None:
        self.catalog = catalog or DefaultCatalog()
        self.overrides = dict(overrides or {})
        self.override_exprs = {name: self._parse_override(name, text) for name, text in self.overrides.items()}
        self.consts: dict[str, tuple[V.EvalValue, Span]] = {}
        self.files: list[str] = []  # include stack
        self.done: set[str] = set()
        self.name: str | None = None
        self.name_span: Span | None = None
        self.models: dict[str, ModelRef] = {}
        self.model_defaults: dict[str, dict[str, tuple[V.EvalValue, bool, Span]]] = {}
        self.pops: dict[str, Population] = {}
        self.projections: list[Projection] = []
        self.stimuli: list[Stimulus] = []
        self.stim_names: dict[tuple[str, str], Span] = {}
        self.recorders: list[Recorder] = []
        self.synapses: dict[str, Synapse] = {}
        self.weight_recorders: list[WeightRecorder] = []
        self.at_resolution: set[str] = set()  # state recorders without 'every'
        self.data_files: set[str] = set()  # connection and parameter files read (resolved paths)
        self.simulation: Simulation | None = None
        self._used: set[str] = set()

    # ---- files and includes -------------------------------------------------------------------
    def read(self, text: str, filename: str) -> Network:
        self.read_file(text, filename)
        top = Span(filename, 1, 1)
        unused = sorted(set(self.overrides) - set(self._used))
        if unused:
            raise error("E214", f"unknown override '{unused[0]}': no 'let {unused[0]} = ...' in the network",
                        None, hint=known_names("constants", self.consts))
        if self.simulation is None:
            raise error("E213", "the network has no 'simulate' statement", self.name_span or top,
                        hint="add e.g. 'simulate 1000 ms resolution 0.1 ms'")
        name = self.name or (Path(filename).stem if not filename.startswith("<") else "network")
        net = Network(name=name, models=tuple(self.models.values()), populations=tuple(self.pops.values()),
                      projections=tuple(self.projections), stimuli=tuple(self.stimuli),
                      recorders=tuple(self._finish_recorders()), simulation=self.simulation,
                      source=None if filename.startswith("<") else str(Path(filename).resolve()),
                      synapses=tuple(self.synapses.values()), weight_recorders=tuple(self.weight_recorders))
        check_network(net, self.catalog)
        self.done |= self.data_files  # every file read, as bundles collect them
        return net

    def read_file(self, text: str, filename: str) -> None:
        tree = _parser(text, filename).file_()
        self.files.append(filename)
        for stmt in tree.statement():
            self.statement(stmt)
        self.files.pop()
        self.done.add(self._key(filename))

    @staticmethod
    def _key(filename: str) -> str:
        return filename if filename.startswith("<") else str(Path(filename).resolve())

    def span(self, ctx) -> Span:
        tok = ctx if isinstance(ctx, Token) else ctx.start
        stop = tok if isinstance(ctx, Token) else (ctx.stop or tok)
        end_col = stop.column + 1 + max(len(stop.text or "") - 1, 0)
        return Span(self.files[-1], tok.line, tok.column + 1, stop.line, end_col)

    def base_dir(self) -> Path:
        current = self.files[-1]
        return Path.cwd() if current.startswith("<") else Path(current).resolve().parent

    def include(self, ctx: P.IncludeStmtContext) -> None:
        span = self.span(ctx)
        path = self.base_dir() / _string(ctx.path)
        key = str(path.resolve())
        stack = [self._key(f) for f in self.files]
        if key in stack:
            chain = " -> ".join(Path(f).name for f in stack[stack.index(key):]) + f" -> {path.name}"
            raise error("E202", f"include cycle: {chain}", span, hint="remove one of these includes")
        if key in self.done and key not in self.data_files:
            return
        if not path.is_file():
            raise error("E202", f"included file not found: {path}", span,
                        hint="the path is relative to the including file")
        reads.note(path)
        self.read_file(path.read_text(encoding="utf-8"), str(path))

    # ---- statements ---------------------------------------------------------------------------
    def statement(self, ctx) -> None:
        handler = {
            P.NetworkStmtContext: self.network, P.IncludeStmtContext: self.include,
            P.ModelFileStmtContext: self.model_file, P.ModelNestStmtContext: self.model_nest,
            P.ModelPynnStmtContext: self.model_pynn,
            P.LetStmtContext: self.let, P.PopulationStmtContext: self.population,
            P.ConnectStmtContext: self.connect, P.StimulusStmtContext: self.stimulus,
            P.RecordStmtContext: self.record, P.SimulateStmtContext: self.simulate,
            P.SynapseStmtContext: self.synapse, P.RecordProjectionStmtContext: self.record_projection,
        }[type(ctx)]
        handler(ctx)

    def network(self, ctx: P.NetworkStmtContext) -> None:
        if self.name is not None:
            raise error("E205", "the network name is given twice", self.span(ctx), hint=f"first at {self.name_span}")
        self.name, self.name_span = (ctx.name.text if ctx.name else _string(ctx.quoted)), self.span(ctx)

    def _new_model(self, key: str, ref: ModelRef, block: P.BlockContext | None) -> None:
        if key in self.models:
            raise error("E205", f"model '{key}' is defined twice", ref.span, hint=f"first at {self.models[key].span}")
        self.models[key] = ref
        self.model_defaults[key] = self.items(block, key, f"model {key}")

    def model_file(self, ctx: P.ModelFileStmtContext) -> None:
        span, source = self.span(ctx), _string(ctx.path)
        if source.startswith("nestml:"):
            shipped = source.removeprefix("nestml:")
            path = nestml_model_path(shipped)
            if not path.is_file():
                available = sorted(p.stem for p in path.parent.glob("*.nestml")) if path.parent.is_dir() else []
                raise error("E206", f"the nestml package ships no model '{shipped}'", self.span(ctx.path),
                            hint=known_names("models", available))
        else:
            path = self.base_dir() / source
            if not path.is_file():
                raise error("E206", f"model file not found: {path}", self.span(ctx.path),
                            hint="the path is relative to the .pnet file")
        name = ctx.inner.text if ctx.inner else path.stem
        numerics = self.model_numerics(ctx.option())
        self._new_model(ctx.key.text, ModelRef(key=ctx.key.text, kind="nestml", name=name,
                                               path=str(path.resolve()), span=span, **numerics), ctx.block())

    def model_numerics(self, options: list) -> dict:
        """A model's own numerics on the spinnaker targets: ``spinnaker_solver = euler|rk2``, ``substeps = N``."""
        out: dict = {}
        for opt in options:
            key, span = opt.name.text, self.span(opt.name)
            field_name = {"spinnaker_solver": "solver", "substeps": "substeps"}.get(key)
            if field_name is None:
                raise error("E216", f"a model has no option '{key}'", span, hint="options: spinnaker_solver, substeps")
            if field_name in out:
                raise error("E205", f"option '{key}' is given twice", span)
            expr = opt.expr()
            if field_name == "solver":
                text = expr.IDENT().getText() if isinstance(expr, P.NameExprContext) else None
                if text not in ("euler", "rk2"):
                    raise error("E216", "spinnaker_solver must be euler or rk2", self.span(expr),
                                hint="e.g. spinnaker_solver = rk2 (the fixed-step method for non-linear ODEs)")
                out["solver"] = text
            else:
                value = float(V.to_float(self.eval(expr), ONE, "substeps", self.span(expr)))
                if not value.is_integer() or not 1 <= value <= 64:
                    raise error("E216", f"substeps must be a whole number from 1 to 64, not {value:g}",
                                self.span(expr))
                out["substeps"] = int(value)
        return out

    def model_nest(self, ctx: P.ModelNestStmtContext) -> None:
        self._new_model(ctx.key.text, ModelRef(key=ctx.key.text, kind="nest", name=ctx.builtin.text,
                                               span=self.span(ctx)), ctx.block())

    def model_pynn(self, ctx: P.ModelPynnStmtContext) -> None:
        """``model KEY = pynn IF_curr_exp { tau_m = 20 ms, ... }``: a PyNN standard cell type (issue 14 item 5)."""
        from portasnn.ir.pynn_cells import CELL_TYPES

        name = ctx.celltype.text
        if name not in CELL_TYPES:
            raise error("E280", f"portasnn does not know the PyNN cell type '{name}'", self.span(ctx.celltype),
                        hint=known_names("PyNN cell types", sorted(CELL_TYPES)))
        self._new_model(ctx.key.text, ModelRef(key=ctx.key.text, kind="pynn", name=name, span=self.span(ctx)),
                        ctx.block())

    def synapse(self, ctx: P.SynapseStmtContext) -> None:
        """``synapse KEY from "nest:stdp_synapse" { name = value, ... }``: a plastic synapse model."""
        key, span = ctx.key.text, self.span(ctx)
        if key in self.synapses:
            raise error("E205", f"synapse '{key}' is defined twice", span, hint=f"first at {self.synapses[key].span}")
        if key == "static":
            raise error("E216", "'static' names the static synapse: a synapse model needs another name",
                        self.span(ctx.key))
        source = _string(ctx.path)
        if source.startswith("nestml:") or source.endswith(".nestml"):
            self.nestml_synapse(key, source, ctx, span)
            return
        model = S.nest_synapse(source, self.span(ctx.path))
        params: dict[str, float] = {}
        weight_unit = ""
        for item, name, item_span, expr_span in self._synapse_items(key, ctx):
            unit = S.parameter_unit(model, name, item_span)
            if name in params:
                raise error("E205", f"'{name}' is given twice for synapse {key}", item_span)
            raw, what = self.eval(item.expr()), f"{name} of synapse {key} ({model})"
            if unit is None:  # the weight bound: in the weight's unit, checked against each projection's
                value = float(V.to_value(raw, None, what, expr_span, allowed=V.WEIGHT_DIMS))  # type: ignore[arg-type]
                weight_unit = S.unit_text(V.quantity(raw, what, expr_span))
            else:
                value = V.to_float(raw, unit, what, expr_span)
            S.check_value(model, name, value, expr_span)
            params[name] = value
        self.synapses[key] = Synapse(key=key, kind="nest", name=model, params=tuple(params.items()),
                                     weight_unit=weight_unit, span=span)

    def _synapse_items(self, key: str, ctx: P.SynapseStmtContext):
        """``(item, name, name's span, value's span)`` of a synapse block; E216 for initial or random values."""
        block = ctx.block()
        for item in (block.item() if block else []):
            name, item_span, expr_span = item.name.text, self.span(item.name), self.span(item.expr())
            if item.INITIAL() is not None or item.op.type == P.TILDE:
                raise error("E216", f"synapse parameters are constants: '{name}' cannot be "
                            f"{'initial' if item.INITIAL() else 'random'}", item_span,
                            hint=f"write {name} = value")
            yield item, name, item_span, expr_span

    def nestml_synapse(self, key: str, source: str, ctx: P.SynapseStmtContext, span: Span) -> None:
        """``synapse KEY from "nestml:NAME" | "file.nestml" { name = value, ... }``: a NESTML synapse model."""
        path, model = S.nestml_synapse(source, self.base_dir(), self.span(ctx.path))
        params: dict[str, float] = {}
        for item, name, item_span, expr_span in self._synapse_items(key, ctx):
            var, unit = S.nestml_parameter(model, name, item_span)
            if name in params:
                raise error("E205", f"'{name}' is given twice for synapse {key}", item_span)
            params[name] = V.to_float(self.eval(item.expr()), unit, f"{name} of synapse {key} ({model.name})",
                                      expr_span)
        self.synapses[key] = Synapse(key=key, kind="nestml", name=model.name,
                                     params=S.with_defaults(model, params), path=str(path), rule=S.rule_of(model),
                                     span=span)

    def let(self, ctx: P.LetStmtContext) -> None:
        name, span = ctx.name.text, self.span(ctx)
        if name in self.consts:
            raise error("E205", f"constant '{name}' is defined twice", span, hint=f"first at {self.consts[name][1]}")
        if name in self.override_exprs:
            self._used.add(name)
            files, self.files = self.files, [f"--set {name}"]
            try:
                value = self.eval(self.override_exprs[name])
            finally:
                self.files = files
        else:
            value = self.eval(ctx.expr())
        self.consts[name] = (value, span)

    def population(self, ctx: P.PopulationStmtContext) -> None:
        name, span = ctx.name.text, self.span(ctx)
        if name in self.pops:
            raise error("E205", f"population '{name}' is defined twice", span, hint=f"first at {self.pops[name].span}")
        size = V.to_count(self.eval(ctx.size), f"the size of population {name}", self.span(ctx.size))
        model = ctx.model.text
        if model not in self.models:
            raise error("E206", f"unknown model '{model}'", self.span(ctx.model),
                        hint=known_names("models", self.models) + " (define it with 'model ...' first)")
        own = self.items(ctx.block(), model, f"population {name}")
        items = {**self.model_defaults.get(model, {}), **own}
        info = info_of(self.catalog, self.models[model])
        params: list[tuple[str, Value]] = []
        initial: list[tuple[str, Value]] = []
        for key, (raw, is_initial, expr_span) in items.items():
            unit = info.unit_of(key) if info is not None else None
            if isinstance(raw, V.FileValue):
                value = self.array_file(raw, unit, size, f"{key} of population {name}")
            else:
                value = V.to_value(raw, unit, f"{key} of population {name}", expr_span)
            (initial if is_initial or (info is not None and key in info.state) else params).append((key, value))
        opts = {opt.name.text: opt for opt in ctx.option()}
        for opt in ctx.option():
            if opt.name.text != "weight_scaling":
                raise error("E216", f"population has no option '{opt.name.text}'", self.span(opt.name),
                            hint="options: weight_scaling")
        if len(opts) < len(ctx.option()):
            raise error("E205", "option 'weight_scaling' is given twice", self.span(ctx.option()[-1].name))
        scaling = self.weight_scaling(opts["weight_scaling"].expr(), model) if opts else None
        self.pops[name] = Population(name=name, size=size, model=model, params=tuple(params),
                                     initial=tuple(initial), span=span, weight_scaling=scaling)

    def array_file(self, raw: V.FileValue, unit, size: int, what: str) -> ArrayFile:
        """Per-neuron values of ``what`` from an array file (``connfiles.array_file``)."""
        self.data_files.add(str(raw.path.resolve()))
        return array_file(raw, unit, size, what, self.top_dir())

    def file_call(self, call: P.CallContext) -> V.FileValue:
        """``file("tau.npy", ms)`` or ``file("params.npz", "V_th", mV)``: per-neuron values of a population."""
        args, span = call.arg(), self.span(call)
        strings = [a for a in args if isinstance(a.expr(), P.StringExprContext)]
        if (any(a.name is not None for a in args) or len(args) not in (2, 3) or len(strings) != len(args) - 1
                or isinstance(args[-1].expr(), P.StringExprContext)):
            raise error("E210", "file takes the file's path, for an .npz the array's name, and the unit of its values",
                        span, hint='e.g. file("tau.npy", ms) or file("params.npz", "V_th", mV) (1 for plain numbers)')
        path = self.base_dir() / _string(args[0].expr().STRING().symbol)
        key = _string(args[1].expr().STRING().symbol) if len(args) == 3 else None
        unit = V.quantity(self.eval(args[-1].expr()), "the unit of file(...)", self.span(args[-1]))
        return V.FileValue(path, key, unit, args[-1].expr().getText(), span)

    def weight_scaling(self, ctx, model: str) -> WeightScaling:
        """``auto`` | ``spynnaker`` | ``shift(S, ...)`` | ``max(W, ...)`` (per synapse type, W in the weight's
        unit: mV, pA or nS) -> the population's ring-buffer weight scaling (``portasnn.weight_scaling``)."""
        from portasnn import weight_scaling as ws

        span = self.span(ctx)
        if isinstance(ctx, P.NameExprContext) and ctx.IDENT().getText() in ("auto", "spynnaker"):
            return WeightScaling(mode=ctx.IDENT().getText(), span=span)  # type: ignore[arg-type]
        call = ctx.call() if isinstance(ctx, P.CallExprContext) else None
        if call is None or call.fn.text not in ("shift", "max") or not call.arg() or any(a.name for a in call.arg()):
            raise error("E770", "weight_scaling must be auto, spynnaker, shift(S, ...) or max(W, ...)", span,
                        hint="e.g. weight_scaling = shift(1, 2): the ring-buffer left shift per synapse type")
        info = info_of(self.catalog, self.models[model])
        values = []
        for k, arg in enumerate(call.arg()):
            raw = self.eval(arg.expr())
            if call.fn.text == "shift":
                values.append(float(V.to_float(raw, ONE, "a ring-buffer shift", self.span(arg))))
            else:
                receptor = ("excitatory", "inhibitory")[k] if k < 2 else None
                w = V.to_weight(raw, info, receptor, model, "max_expected_summed_weight", self.span(arg))
                values.append(abs(float(w)))  # type: ignore[arg-type]
        mode = "shifts" if call.fn.text == "shift" else "max"
        return ws.check(WeightScaling(mode=mode, values=tuple(values), span=span), f"weight_scaling = {ctx.getText()}")

    def items(self, block: P.BlockContext | None, model: str, where: str) -> dict[str, tuple[V.EvalValue, bool, Span]]:
        """Evaluate ``{ name = value, initial name ~ dist, ... }``: name -> (value, initial?, span of value)."""
        info = info_of(self.catalog, self.models[model])
        out: dict[str, tuple[V.EvalValue, bool, Span]] = {}
        for item in (block.item() if block else []):
            key, item_span = item.name.text, self.span(item.name)
            if key in out:
                raise error("E205", f"'{key}' is given twice for {where}", item_span)
            if info is not None and not info.knows(key):
                raise error("E207", f"model {model} has no parameter or state variable '{key}'", item_span,
                            hint=known_names("names", {**info.parameters, **info.state}))
            if item.INITIAL() is not None and info is not None and key not in info.state:
                raise error("E207", f"'{key}' is a parameter of model {model}, not a state variable", item_span,
                            hint="remove 'initial'")
            raw = self.eval(item.expr())
            if item.op.type == P.TILDE and not isinstance(raw, V.DistValue):
                raise error("E212", f"'~' needs a distribution such as uniform(...), not {V.kind_of(raw)}",
                            self.span(item.expr()), hint="use '=' for a fixed value")
            out[key] = (raw, item.INITIAL() is not None, self.span(item.expr()))
        return out

    def _pop(self, tok, where: str) -> Population:
        if tok.text not in self.pops:
            raise error("E209", f"unknown population '{tok.text}' in {where}", self.span(tok),
                        hint=known_names("populations", self.pops) + " (define it before use)")
        return self.pops[tok.text]

    def _options(self, options, allowed: set[str], what: str) -> dict[str, tuple[object, Span]]:
        out: dict[str, tuple[object, Span]] = {}
        for opt in options:
            key, span = opt.name.text, self.span(opt)
            if key not in allowed:
                raise error("E216", f"{what} has no option '{key}'", self.span(opt.name),
                            hint="options: " + ", ".join(sorted(allowed)))
            if key in out:
                raise error("E205", f"option '{key}' is given twice", self.span(opt.name))
            if key in ("receptor", "synapse"):
                out[key] = (self._word(opt.expr(), key), span)
            else:
                out[key] = (self.eval(opt.expr()), self.span(opt.expr()))
        return out

    def _word(self, ctx, key: str = "receptor") -> str:
        if not isinstance(ctx, P.NameExprContext):
            raise error("E216", "expected a name here (" + ("static or a synapse declared with 'synapse ...'"
                        if key == "synapse" else "excitatory, inhibitory or a receptor port") + ")", self.span(ctx))
        return ctx.IDENT().getText()

    def _weight_delay(self, opts, post: Population, span: Span, what: str) -> tuple[Value, Value, str]:
        for needed in ("weight", "delay"):
            if needed not in opts:
                raise error("E216", f"{what} needs {needed} = ...", span)
        raw_w, w_span = opts["weight"]
        info = info_of(self.catalog, self.models[post.model])
        receptor = opts["receptor"][0] if "receptor" in opts else None
        weight = V.to_weight(raw_w, info, receptor, post.model, f"the weight of {what}", w_span)
        weight, receptor = normalise_weight(weight, receptor, w_span)  # type: ignore[arg-type]
        raw_d, d_span = opts["delay"]
        delay = V.to_value(raw_d, MS, f"the delay of {what}", d_span)
        return weight, delay, receptor  # type: ignore[return-value]

    def connect(self, ctx: P.ConnectStmtContext) -> None:
        span = self.span(ctx)
        pre, post = self._pop(ctx.pre, "connect"), self._pop(ctx.post, "connect")
        name = ctx.name.text if ctx.name else default_projection_name(pre.name, post.name,
                                                                       {p.name for p in self.projections})
        if any(p.name == name for p in self.projections):
            raise error("E205", f"projection '{name}' is defined twice", span)
        call = ctx.rule_()
        rule = call.fn.text
        if rule == "from_file":
            self.connect_from_file(ctx, call, pre, post, name, span)
            return
        if rule not in RULE_PARAMS:
            raise error("E210", f"unknown connection rule '{rule}'", self.span(call.fn),
                        hint="rules: " + ", ".join((*RULE_PARAMS, "from_file")))
        args = self.call_args(call, RULE_PARAMS[rule], RULE_PARAMS[rule], f"rule {rule}")
        params: list[tuple[str, float | int]] = []
        for key in RULE_PARAMS[rule]:
            value, arg_span = args[key]
            if key == "p":
                p = V.to_float(value, ONE, "a connection probability", arg_span)
                if not 0 <= p <= 1:
                    raise error("E210", f"a connection probability must be between 0 and 1, got {p!r}", arg_span)
                params.append((key, p))
            else:
                params.append((key, V.to_count(value, f"{rule} {key}", arg_span, minimum=0)))
        opts = self._options(ctx.option(), {"weight", "delay", "receptor", "autapses", "multapses", "synapse"},
                             "connect")
        weight, delay, receptor = self._weight_delay(opts, post, span, f"connect {pre.name} -> {post.name}")
        synapse, synapse_span = opts.get("synapse", ("static", None))  # type: ignore[assignment]
        if synapse != "static" and synapse not in self.synapses:
            raise error("E242", f"unknown synapse '{synapse}'", synapse_span,
                        hint=known_names("synapses", {"static", *self.synapses}) + " (declare it with 'synapse "
                        "...' first)")
        switches = {k: V.to_bool(opts[k][0], k, opts[k][1]) if k in opts else True  # type: ignore[arg-type]
                    for k in ("autapses", "multapses")}
        connector = Connector(rule=rule, params=tuple(params), allow_autapses=switches["autapses"],  # type: ignore
                              allow_multapses=switches["multapses"])
        self.projections.append(Projection(name=name, pre=pre.name, post=post.name, connector=connector,
                                           weight=weight, delay=delay, receptor=receptor, span=span,
                                           synapse=str(synapse),
                                           synapse_span=synapse_span if synapse != "static" else None))

    def connect_from_file(self, ctx: P.ConnectStmtContext, call, pre: Population, post: Population, name: str,
                          span: Span) -> None:
        """``connect A -> B: from_file("conn.npz"), ...``: explicit connections from an array file (issue 16 item 2;
        ``portasnn.ir.datafiles``), its path relative to this .pnet file."""
        args = call.arg()
        if len(args) != 1 or args[0].name is not None or not isinstance(args[0].expr(), P.StringExprContext):
            raise error("E210", "from_file takes the path of one connection file", self.span(call),
                        hint='e.g. from_file("conn.npz") (a .npz with pre, post[, weight, delay], or a .npy)')
        file_expr = args[0].expr()
        path = self.base_dir() / _string(file_expr.STRING().symbol)
        opts = self._options(ctx.option(), {"weight", "delay", "receptor", "synapse", "weight_unit"},
                             "connect ... from_file")
        spans = {"file": self.span(file_expr), **{k: v[1] for k, v in opts.items()}}
        weight_unit = None
        if "weight_unit" in opts:
            unit_ctx = next(o.expr() for o in ctx.option() if o.name.text == "weight_unit")
            weight_unit = (V.quantity(opts["weight_unit"][0], "weight_unit", spans["weight_unit"]),  # type: ignore
                           unit_ctx.getText())
        receptor = opts["receptor"][0] if "receptor" in opts else None
        info = info_of(self.catalog, self.models[post.model])
        given = {k: opts[k][0] if k in opts else None for k in ("weight", "delay")}
        data, weight, delay, receptor = connection_file(
            path, self.top_dir(), pre, post, info, receptor, given["weight"], given["delay"],  # type: ignore[arg-type]
            weight_unit, span, spans)
        self.data_files.add(str(path.resolve()))
        synapse, synapse_span = opts.get("synapse", ("static", None))  # type: ignore[assignment]
        if synapse != "static" and synapse not in self.synapses:
            raise error("E242", f"unknown synapse '{synapse}'", synapse_span,
                        hint=known_names("synapses", {"static", *self.synapses}) + " (declare it with 'synapse "
                        "...' first)")
        self.projections.append(Projection(name=name, pre=pre.name, post=post.name,
                                           connector=Connector(rule="from_file"), weight=weight, delay=delay,
                                           receptor=receptor, span=span, synapse=str(synapse),
                                           synapse_span=synapse_span if synapse != "static" else None, data=data))

    def top_dir(self) -> Path:
        """The directory of the network's (top-level) file: data file paths in the IR are relative to it."""
        top = self.files[0]
        return Path.cwd() if top.startswith("<") else Path(top).resolve().parent

    def stimulus(self, ctx: P.StimulusStmtContext) -> None:
        name, span, call = ctx.name.text, self.span(ctx), ctx.call()
        kind = STIM_KINDS.get(call.fn.text)
        if kind is None:
            raise error("E219", f"unknown stimulus '{call.fn.text}'", self.span(call.fn),
                        hint="stimuli: " + ", ".join(STIM_KINDS))
        required, optional = STIM_PARAMS[kind]
        args = self.call_args(call, required + optional, required, call.fn.text)
        params: list[tuple[str, Value]] = []
        for key in required + optional:
            if key not in args:
                continue
            value, arg_span = args[key]
            if key in ("times", "amplitudes", "weights"):
                unit = {"times": MS, "amplitudes": PA}.get(key, ONE)
                params.append((key, V.to_floats(value, unit, key, arg_span)))
            else:
                unit = {"rate": HZ, "frequency": HZ, "amplitude": PA, "offset": PA, "mean": PA, "stdev": PA,
                        "phase": ONE}.get(key, MS)
                params.append((key, V.to_float(value, unit, f"{key} of stimulus {name}", arg_span)))
        spiking = kind in ("poisson", "spike_times")
        opts = self._options(ctx.option(), {"weight", "delay", "receptor"} if spiking else {"receptor"},
                             f"a {call.fn.text} stimulus")
        for target in ctx.target():
            pop = self._pop(target.name, "stimulus")
            if (name, pop.name) in self.stim_names:
                raise error("E205", f"stimulus '{name}' into {pop.name} is defined twice", self.span(target),
                            hint=f"first at {self.stim_names[name, pop.name]}")
            self.stim_names[name, pop.name] = span
            weight: Value = 0.0
            delay: Value = 0.0
            receptor = opts["receptor"][0] if "receptor" in opts else "excitatory"  # a current: its input port
            if spiking:
                weight, delay, receptor = self._weight_delay(opts, pop, span, f"stimulus {name}")
            self.stimuli.append(Stimulus(name=name, kind=kind, target=pop.name, params=tuple(params),  # type: ignore
                                         weight=weight, delay=delay, receptor=receptor,
                                         subset=self.subset(target, pop), span=span))

    def record_projection(self, ctx: P.RecordProjectionStmtContext) -> None:
        """``record weights of PRE -> POST``: the final weights of the one projection from PRE to POST."""
        span = self.span(ctx)
        if ctx.what.text != "weights":
            raise error("E216", f"a projection has no '{ctx.what.text}' to record", self.span(ctx.what),
                        hint="record weights of PRE -> POST")
        pre, post = self._pop(ctx.pre, "record"), self._pop(ctx.post.name, "record")
        found = [p for p in self.projections if p.pre == pre.name and p.post == post.name]
        if len(found) != 1:
            raise error("E245", f"{'no' if not found else 'more than one'} projection from {pre.name} to {post.name}",
                        span, hint="name the projection: record weights of NAME" if found else
                        known_names("projections", [p.name for p in self.projections]))
        self._record_weights(ctx, found[0], span, self.subset(ctx.post, post))

    def _record_weights(self, ctx, proj: Projection, span: Span, subset: tuple[int, ...] | None = None) -> None:
        interval = None
        if ctx.interval is not None:
            interval = V.to_float(self.eval(ctx.interval), MS, "the recording interval", self.span(ctx.interval))
        elif subset is not None:
            raise error("E216", "the final weights are those of the whole projection: remove the subset, or record "
                        "the subset's weights during the run with 'every ...'", span)
        taken = {r.name for r in (*self.recorders, *self.weight_recorders)}
        name = ctx.name.text if ctx.name else default_recorder_name(proj.name, ("weights",), taken)
        if name in taken:
            raise error("E205", f"recorder '{name}' is defined twice", span)
        post = self.pops[proj.post]
        info = info_of(self.catalog, self.models[post.model])
        unit = S.unit_text(info.weight_rule(proj.receptor)[0]) if info is not None else ""
        self.weight_recorders.append(WeightRecorder(name=name, projection=proj.name, unit=unit, span=span,
                                                    interval=interval, subset=subset))

    def record(self, ctx: P.RecordStmtContext) -> None:
        span = self.span(ctx)
        what = [tok.getText() for tok in ctx.IDENT()[(1 if ctx.name else 0):]]
        if what == ["weights"] and ctx.target().name.text not in self.pops:  # weights of a projection, by name
            found = [p for p in self.projections if p.name == ctx.target().name.text]
            if not found:
                raise error("E245", f"no projection '{ctx.target().getText()}' to record weights of",
                            self.span(ctx.target()), hint=known_names("projections",
                                                                      [p.name for p in self.projections]))
            # a subset names post-synaptic neurons: the synapses onto them
            self._record_weights(ctx, found[0], span, self.subset(ctx.target(), self.pops[found[0].post]))
            return
        pop = self._pop(ctx.target().name, "record")
        subset = self.subset(ctx.target(), pop)
        if what == ["spikes"]:
            if ctx.interval is not None:
                raise error("E216", "spikes are recorded as events: remove 'every ...'", self.span(ctx.interval))
            kind, variables = "spikes", ()
        else:
            if "spikes" in what:
                raise error("E216", "record spikes in a statement of its own", span)
            kind, variables = "state", tuple(what)
        interval = V.to_float(self.eval(ctx.interval), MS, "the recording interval", self.span(ctx.interval)) \
            if ctx.interval is not None else None
        taken = {r.name for r in self.recorders}
        name = ctx.name.text if ctx.name else default_recorder_name(pop.name, variables, taken)
        if name in taken:
            raise error("E205", f"recorder '{name}' is defined twice", span)
        self.recorders.append(Recorder(name=name, kind=kind, population=pop.name, variables=variables,  # type: ignore
                                       subset=subset, interval=interval if interval is not None else 0.1, span=span))
        if interval is None and kind == "state":
            self.at_resolution.add(name)

    def _finish_recorders(self) -> list[Recorder]:
        """A state recorder without 'every' samples at the simulation resolution."""
        res = self.simulation.resolution if self.simulation else 0.1
        return [replace(r, interval=res) if r.name in self.at_resolution else r for r in self.recorders]

    def simulate(self, ctx: P.SimulateStmtContext) -> None:
        span = self.span(ctx)
        if self.simulation is not None:
            raise error("E205", "'simulate' is given twice", span, hint=f"first at {self.simulation.span}")
        settings: dict[str, object] = {"duration": V.to_float(self.eval(ctx.duration), MS, "the simulated time",
                                                              self.span(ctx.duration))}
        for opt in ctx.simOption():
            key = opt.key.text
            if key in settings:
                raise error("E205", f"'{key}' is given twice", self.span(opt))
            value, opt_span = self.eval(opt.expr()), self.span(opt.expr())
            settings[key] = V.to_float(value, MS, key, opt_span) if key == "resolution" else \
                V.to_count(value, key, opt_span, minimum=1)
        self.simulation = Simulation(span=span, **settings)  # type: ignore[arg-type]

    def subset(self, target: P.TargetContext, pop: Population) -> tuple[int, ...] | None:
        sub = target.subset()
        if sub is None:
            return None
        if isinstance(sub, P.RangeSubsetContext):
            lo = V.to_count(self.eval(sub.lo), "a subset start", self.span(sub.lo), minimum=0)
            hi = V.to_count(self.eval(sub.hi), "a subset end", self.span(sub.hi), minimum=0)
            if hi <= lo:
                raise error("E217", f"the subset {pop.name}[{lo}:{hi}] is empty", self.span(sub))
            if hi > pop.size:
                raise error("E217", f"the subset {pop.name}[{lo}:{hi}] goes past the {pop.size} neurons of "
                            f"{pop.name}", self.span(sub), hint=f"the last index is {pop.size - 1}")
            return tuple(range(lo, hi))
        indices = tuple(V.to_count(self.eval(e), "a subset index", self.span(e), minimum=0) for e in sub.expr())
        for i, e in zip(indices, sub.expr()):
            if i >= pop.size:
                raise error("E217", f"index {i} is outside population {pop.name} (0 to {pop.size - 1})", self.span(e))
        return indices

    # ---- calls --------------------------------------------------------------------------------
    def call_args(self, call: P.CallContext, names: tuple[str, ...], required: tuple[str, ...],
                  what: str) -> dict[str, tuple[V.EvalValue, Span]]:
        """Positional then named arguments, matched to ``names``."""
        out: dict[str, tuple[V.EvalValue, Span]] = {}
        named = False
        for i, arg in enumerate(call.arg()):
            arg_span = self.span(arg)
            if arg.name is not None:
                named, key = True, arg.name.text
                if key not in names:
                    raise error("E210", f"{what} has no argument '{key}'", self.span(arg.name),
                                hint="arguments: " + (", ".join(names) or "none"))
            else:
                if named:
                    raise error("E210", "a positional argument cannot follow a named one", arg_span)
                if i >= len(names):
                    raise error("E210", f"{what} takes {len(names)} argument{'s' if len(names) != 1 else ''}, "
                                f"got {len(call.arg())}", arg_span)
                key = names[i]
            if key in out:
                raise error("E210", f"argument '{key}' of {what} is given twice", arg_span)
            out[key] = (self.eval(arg.expr()), self.span(arg.expr()))
        for key in required:
            if key not in out:
                raise error("E210", f"{what} needs the argument '{key}'", self.span(call))
        return out

    def _call(self, call: P.CallContext) -> V.EvalValue:
        fn, span = call.fn.text, self.span(call)
        if fn == "file":
            return self.file_call(call)
        if fn in V.DIST_PARAMS:
            names = (*V.DIST_PARAMS[fn], "low", "high") if fn != "uniform" else V.DIST_PARAMS[fn]
            args = self.call_args(call, names, V.DIST_PARAMS[fn], fn)
            qs = {k: V.quantity(v, f"{k} of {fn}", s) for k, (v, s) in args.items()}
            if fn != "uniform":
                return V.DistValue(fn, {k: qs[k] for k in V.DIST_PARAMS[fn]}, qs.get("low"), qs.get("high"), span)
            return V.DistValue(fn, qs, None, None, span)
        if fn not in FUNCTIONS:
            hint = "functions: " + ", ".join(sorted(FUNCTIONS | set(V.DIST_PARAMS)))
            if fn in RULE_PARAMS or fn in STIM_KINDS:
                hint = f"'{fn}' is only valid after 'connect ... :' or 'stimulus ... :'"
            raise error("E212", f"unknown function or distribution '{fn}'", self.span(call.fn), hint=hint)
        arity = 2 if fn in ("min", "max") else 1
        args = self.call_args(call, ("a", "b")[:arity], ("a", "b")[:arity], fn)
        qs = [V.quantity(args[k][0], f"the argument of {fn}", args[k][1]) for k in ("a", "b")[:arity]]
        try:
            return _apply(fn, qs)
        except UnitError as exc:
            raise error("E204", str(exc), span) from None

    # ---- expressions --------------------------------------------------------------------------
    def eval(self, ctx) -> V.EvalValue:
        if isinstance(ctx, P.NumberExprContext):
            q = Quantity(_number(ctx.NUMBER().getText()))
            return q * self.unit(ctx.unit()) if ctx.unit() else q
        if isinstance(ctx, P.UnitExprContext):
            return self.unit(ctx.unit())
        if isinstance(ctx, P.NameExprContext):
            name = ctx.IDENT().getText()
            if name not in self.consts:
                hint = known_names("constants", self.consts)
                if name in ("excitatory", "inhibitory"):
                    hint = "receptor names are only valid after 'receptor ='"
                raise error("E203", f"unknown name '{name}'", self.span(ctx), hint=hint)
            return self.consts[name][0]
        if isinstance(ctx, P.ParenExprContext):
            return self.eval(ctx.expr())
        if isinstance(ctx, P.BoolExprContext):
            return ctx.TRUE() is not None
        if isinstance(ctx, P.StringExprContext):
            raise error("E216", f"a string ({ctx.getText()}) is only valid as a file name, as in from_file(\"...\")",
                        self.span(ctx))
        if isinstance(ctx, P.CallExprContext):
            return self._call(ctx.call())
        if isinstance(ctx, P.ListExprContext):
            return V.ListValue(tuple(V.quantity(self.eval(e), "a list item", self.span(e)) for e in ctx.expr()))
        if isinstance(ctx, P.UnaryExprContext):
            q = V.quantity(self.eval(ctx.expr()), f"the operand of '{ctx.op.text}'", self.span(ctx.expr()))
            return -q if ctx.op.type == P.MINUS else q
        left = V.quantity(self.eval(ctx.left), f"the left operand of '{ctx.op.text}'", self.span(ctx.left))
        right = V.quantity(self.eval(ctx.right), f"the right operand of '{ctx.op.text}'", self.span(ctx.right))
        try:
            result = {"+": left.__add__, "-": left.__sub__, "*": left.__mul__, "/": left.__truediv__,
                      "**": left.__pow__}[ctx.op.text](right)
        except UnitError as exc:
            raise error("E204", str(exc), self.span(ctx.op)) from None
        except OverflowError:
            raise error("E216", "the value is too large", self.span(ctx.op)) from None
        if isinstance(result.value, float) and not math.isfinite(result.value):
            raise error("E216", "the value is not finite", self.span(ctx.op))
        return result

    def unit(self, ctx: P.UnitContext) -> Quantity:
        q = UNITS[ctx.UNIT().getText()]
        if ctx.exponent is not None:
            try:
                q = q ** Quantity(_number(ctx.exponent.getText().replace("-", "")) *
                                  (-1 if ctx.exponent.MINUS() else 1))
            except UnitError as exc:
                raise error("E204", str(exc), self.span(ctx)) from None
        return q

    def _parse_override(self, name: str, text: str):
        if not name.isidentifier():
            raise error("E214", f"override '{name}' is not a constant name", None)
        return parse_expression(text, f"--set {name}")


def parse_expression(text: str, source: str):
    """The parse tree of one expression (for --set values and builder strings); E201 if it is not one."""
    parser = _parser(text, source)
    tree = parser.expr()
    tok = parser.getCurrentToken()
    if tok.type != Token.EOF:
        raise error("E201", f"syntax error in '{text}': unexpected {tok.text!r}", Span(source, tok.line, tok.column + 1))
    return tree


def evaluate(text: str, source: str = "<expression>") -> V.EvalValue:
    """The value of an expression without names, e.g. "0.1 mV" or "uniform(0 mV, 20 mV)"."""
    reader = Reader()
    reader.files = [source]
    return reader.eval(parse_expression(text, source))


def _apply(fn: str, qs: list[Quantity]) -> Quantity:
    a = qs[0]
    if fn in ("min", "max"):
        b = qs[1]
        if a.dims != b.dims:
            raise UnitError(f"cannot compare {describe(a.dims)} and {describe(b.dims)}")
        return (min if fn == "min" else max)(a, b, key=lambda q: q.value)
    if fn == "abs":
        return Quantity(abs(a.value), a.dims)
    if fn in ("round", "floor", "ceil"):
        if not a.dimensionless:
            raise UnitError(f"{fn} needs a plain number, not {describe(a.dims)}")
        op = {"round": round, "floor": math.floor, "ceil": math.ceil}[fn]
        return Quantity(Fraction(op(a.value)))
    if fn == "sqrt":
        if any(d % 2 for d in a.dims):
            raise UnitError(f"the square root of {describe(a.dims)} has no unit")
        if a.value < 0:
            raise UnitError("the square root of a negative number")
        return Quantity(math.sqrt(a.value), tuple(d // 2 for d in a.dims))  # type: ignore[arg-type]
    if not a.dimensionless:
        raise UnitError(f"{fn} needs a plain number, not {describe(a.dims)}")
    if fn == "log" and a.value <= 0:
        raise UnitError("log of a number that is not positive")
    return Quantity((math.exp if fn == "exp" else math.log)(a.value))


def _number(text: str) -> Fraction:
    return Fraction(text if not text.startswith(".") else "0" + text)


def _string(tok) -> str:
    return tok.text[1:-1]


def known_names(what: str, names) -> str:
    names = sorted(names)
    if not names:
        return f"no {what} are defined yet"
    return f"known {what}: " + ", ".join(names[:20]) + (", ..." if len(names) > 20 else "")


def default_projection_name(pre: str, post: str, taken: set[str]) -> str:
    """``pre->post``, then ``pre->post#2``, ... for further unnamed projections between the same pair."""
    base, k = f"{pre}->{post}", 2
    name = base
    while name in taken:
        name, k = f"{base}#{k}", k + 1
    return name


def default_recorder_name(pop: str, variables: tuple[str, ...], taken: set[str]) -> str:
    """``pop:spikes`` or ``pop:V_m,g_ex``, then ``...#2``, ... ."""
    base, k = f"{pop}:{','.join(variables) or 'spikes'}", 2
    name = base
    while name in taken:
        name, k = f"{base}#{k}", k + 1
    return name


def read_network(text: str, filename: str, overrides: Mapping[str, str] | None = None,
                 catalog: ModelCatalog | None = None) -> Network:
    return Reader(overrides, catalog).read(text, filename)


