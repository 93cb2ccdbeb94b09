"""Parse and check NESTML files with NESTML's own parser and context conditions.

``parse_nestml`` runs what NESTML's frontend runs before code generation -- lexer and parser,
symbol table, implicit unit conversions, model-name checks and every context condition
("CoCo") -- and turns what NESTML logs, prints or raises into portasnn errors: one
:class:`~portasnn.errors.ModelError` per call listing every problem with its file:line:col
(the span is the first one), and warnings with stable ids. A few checks NESTML 9 does not make
are added (unknown ``onReceive`` ports, spike ports read in declaration blocks, a name declared
in two blocks): each one rejects a model whose meaning is undefined.

NESTML keeps global state (logger, symbol table, predefined units, frontend configuration).
A call saves and restores the parts it touches, silences NESTML's console output, writes no
files and can be repeated in one process. The codes it raises (E001, E101-E199, W101, W102) are
defined, with what they mean and what to do, in :mod:`portasnn.codes` (``portasnn explain CODE``).
NESTML's messages are passed through, reworded where that helps, with any Python object repr
(``<... object at 0x...>``) replaced by what it stands for.
"""
from __future__ import annotations

import contextlib
import difflib
import functools
import io
import re
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

from portasnn.errors import InternalError, ModelError, Span, UsageError, warn

__all__ = ["ParsedModel", "parse_nestml"]

_MAX_LISTED = 20
_LOCK = threading.Lock()


@dataclass(frozen=True)
class ParsedModel:
    """One checked NESTML model: its name, the file it came from and NESTML's ``ASTModel``."""

    name: str
    path: Path
    ast: object = field(compare=False, hash=False, repr=False)


@dataclass(frozen=True, order=True)
class _Problem:
    rank: int  # 0: declaration problems that cause others; 1: everything else
    line: int
    column: int
    code: str = field(compare=False)
    message: str = field(compare=False)
    construct: str = field(compare=False, default="")
    hint: str = field(compare=False, default="")


# ---------------------------------------------------------------------------------------------
# entry point


def parse_nestml(paths: str | Path | Sequence[str | Path]) -> list[ParsedModel]:
    """Parse and check NESTML files; return their models in file order.

    ``paths`` is a ``.nestml`` file, a directory (its ``*.nestml`` files, sorted, not recursive)
    or a sequence of those. Raises :class:`UsageError` for a missing path, a file that is not
    ``.nestml`` or a directory without one, and :class:`ModelError` for any invalid model.
    """
    files = nestml_files(paths)
    texts = {f: _read_text(f) for f in files}
    nestml = _nestml()
    with _LOCK, _nestml_session(nestml):
        parsed: list[ParsedModel] = []
        problems: dict[Path, list[_Problem]] = {}
        warnings: list[tuple[str, str, Span]] = []
        for file in files:
            models, found, warned = _check_file(nestml, file, texts[file])
            parsed.extend(models)
            problems[file] = found
            warnings.extend(warned)
        _check_unique_model_names(parsed, problems)
    failing = [(f, _dedupe(p)) for f, p in problems.items() if p]
    if failing:
        raise _model_error(failing)
    for message, code, span in warnings:
        warn(message, code=code, span=span)
    return parsed


# ---------------------------------------------------------------------------------------------
# inputs


def nestml_files(paths: str | Path | Sequence[str | Path]) -> list[Path]:
    """The .nestml files named by ``paths`` (files, or directories of them, sorted); UsageError E001."""
    items = [paths] if isinstance(paths, (str, Path)) else list(paths)
    if not items:
        raise UsageError("no NESTML file given", code="E001", hint="pass a .nestml file or a directory of them")
    files: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.glob("*.nestml") if p.is_file())
            if not found:
                raise UsageError(f"directory {path} contains no .nestml file", code="E001",
                                 hint="pass a directory that holds NESTML model files (*.nestml)")
            files.extend(found)
        elif path.is_file():
            if path.suffix != ".nestml":
                raise UsageError(f"{path} is not a NESTML file (expected the suffix .nestml)", code="E001",
                                 hint="NESTML model files end in .nestml")
            files.append(path)
        else:
            raise UsageError(f"{path}: no such file or directory", code="E001",
                             hint="check the path; it must name a .nestml file or a directory of them")
    unique: dict[Path, Path] = {}
    for f in files:
        unique.setdefault(f.resolve(), f)
    return list(unique.values())


def _read_text(file: Path) -> str:
    try:
        data = file.read_bytes()
    except OSError as exc:
        raise UsageError(f"{file}: cannot read the file ({exc.strerror})", code="E001",
                         hint="check the file's permissions") from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[:exc.start]
        line = before.count(b"\n") + 1
        column = exc.start - (before.rfind(b"\n") + 1) + 1
        raise ModelError("the file is not UTF-8 text", span=Span(str(file), line, column), code="E105",
                         hint="save the file as UTF-8") from None


# ---------------------------------------------------------------------------------------------
# NESTML: lazy import, one-time initialisation, quiet sessions


@functools.cache
def _nestml() -> SimpleNamespace:
    """Import NESTML (slow, so only on first use) and register its predefined symbols once."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        from pynestml.cocos.co_cos_manager import CoCosManager
        from pynestml.frontend.frontend_configuration import FrontendConfiguration
        from pynestml.frontend.pynestml_frontend import init_predefined
        from pynestml.generated.PyNestMLLexer import PyNestMLLexer
        from pynestml.generated.PyNestMLParser import PyNestMLParser
        from pynestml.meta_model.ast_node import ASTNode
        from pynestml.symbols.predefined_functions import PredefinedFunctions
        from pynestml.symbols.predefined_units import PredefinedUnits
        from pynestml.utils.logger import Logger, LoggingLevel
        from pynestml.utils.model_parser import ModelParser

        Logger.init_logger(LoggingLevel.NO)
        init_predefined()
    return SimpleNamespace(CoCosManager=CoCosManager, FrontendConfiguration=FrontendConfiguration,
                           PyNestMLLexer=PyNestMLLexer, PyNestMLParser=PyNestMLParser, ASTNode=ASTNode,
                           PredefinedFunctions=PredefinedFunctions, PredefinedUnits=PredefinedUnits,
                           Logger=Logger, LoggingLevel=LoggingLevel, ModelParser=ModelParser)


@contextlib.contextmanager
def _nestml_session(n: SimpleNamespace) -> Iterator[None]:
    """Silence NESTML and leave its global logger and frontend configuration as they were."""
    logger, config = n.Logger, n.FrontendConfiguration
    saved_logger = (logger.log, logger.curr_message, logger.logging_level, logger.log_frozen,
                    logger.current_node, logger.no_print)
    saved_config = (config.suffix, config.target_platform, config.codegen_opts)
    config.suffix, config.target_platform, config.codegen_opts = "", "NEST", {}
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            yield
    finally:
        (logger.log, logger.curr_message, logger.logging_level, logger.log_frozen,
         logger.current_node, logger.no_print) = saved_logger
        config.suffix, config.target_platform, config.codegen_opts = saved_config


# ---------------------------------------------------------------------------------------------
# one file


def _check_file(n: SimpleNamespace, file: Path, text: str
                ) -> tuple[list[ParsedModel], list[_Problem], list[tuple[str, str, Span]]]:
    n.Logger.init_logger(n.LoggingLevel.NO)
    n.Logger.no_print = True
    crashes: list[BaseException] = []
    unit = _guarded(crashes, n.ModelParser.parse_file, str(file))
    if unit is None and not crashes:
        return [], _syntax_problems(n, text), []
    models = list(unit.get_model_list()) if unit is not None else []
    if unit is not None:
        _guarded(crashes, n.CoCosManager.check_model_names_unique, unit)
        for model in models:
            if not n.Logger.has_errors(model):
                _guarded(crashes, n.CoCosManager.check_cocos, model)
    own = [p for model in models for p in _own_checks(n, model, text)]
    logged, warnings = _logged_problems(n, models)
    problems = _dedupe(own + logged)  # on a tie the clearer own message wins
    if crashes and not problems:
        problems.append(_crash_problem(n, crashes[0]))
    if not problems and unit is not None and not models:
        problems.append(_Problem(1, 1, 1, "E104", "the file defines no model", "",
                                 'start the file with "model <name>:" followed by the model\'s blocks'))
    parsed = [ParsedModel(m.get_name(), file, m) for m in models]
    return parsed, problems, _grouped_warnings(file, warnings)


def _guarded(crashes: list[BaseException], func, *args):
    """Call a NESTML function; keep an exception it raises for later judgement."""
    try:
        return func(*args)
    except Exception as exc:  # noqa: BLE001 - judged by _crash_problem or ignored as a consequence
        crashes.append(exc)
        return None


def _crash_problem(n: SimpleNamespace, exc: BaseException) -> _Problem:
    """A NESTML exception with no logged error: blame the innermost model node it was working on."""
    tb, frames = exc.__traceback__, []
    while tb is not None:
        frames.append(tb.tb_frame)
        tb = tb.tb_next
    skip = ("ASTModel", "ASTModelBody", "ASTCompilationUnit")
    for frame in reversed(frames):
        for value in frame.f_locals.values():
            if not isinstance(value, n.ASTNode) or type(value).__name__ in skip:
                continue
            pos = value.get_source_position()
            if pos is None or pos.is_added_source_position() or pos.is_predefined_source_position():
                continue
            if pos.get_start_line() > 0:
                text = str(value).strip().splitlines()[0] if str(value).strip() else type(value).__name__
                arity = _arity_problem(n, value, pos)
                if arity is not None:
                    return arity
                return _Problem(1, pos.get_start_line(), pos.get_start_column() + 1, "E199",
                                _without_reprs(f'NESTML cannot check "{text}" (it fails with '
                                               f'{type(exc).__name__}: {exc})'),
                                text, "this construct is probably invalid: check its types and units "
                                      "and the number and types of function arguments")
    raise InternalError(f"NESTML failed while checking a model: {type(exc).__name__}: {exc}") from exc


def _arity_problem(n: SimpleNamespace, node, pos) -> _Problem | None:
    """NESTML crashes on some calls of built-in functions with too few arguments; say what is wrong."""
    if getattr(node, "is_function_call", None) and node.is_function_call():
        node = node.get_function_call()
    if type(node).__name__ != "ASTFunctionCall":
        return None
    symbol = n.PredefinedFunctions.get_function(node.get_name())
    if symbol is None or len(symbol.param_types) == len(node.get_args()):
        return None
    return _Problem(1, pos.get_start_line(), pos.get_start_column() + 1, "E180",
                    f'wrong number of arguments in "{node}": expected {len(symbol.param_types)}, '
                    f"found {len(node.get_args())}", node.get_name(), "pass as many arguments as the function takes")


# ---------------------------------------------------------------------------------------------
# syntax errors: NESTML's parser keeps only the last one; re-run its lexer/parser to get all


def _syntax_problems(n: SimpleNamespace, text: str) -> list[_Problem]:
    from antlr4 import CommonTokenStream, InputStream
    from antlr4.error.ErrorListener import ErrorListener

    class Collector(ErrorListener):
        """Keeps every syntax error as (line, 0-based column, ANTLR message, offending text)."""

        def __init__(self) -> None:
            super().__init__()
            self.errors: list[tuple[int, int, str, str | None]] = []

        def syntaxError(self, recognizer, offendingSymbol, line, column, msg, e):  # noqa: N802,N803 - ANTLR API
            self.errors.append((line, column, msg, getattr(offendingSymbol, "text", None)))

    collector = Collector()
    lexer = n.PyNestMLLexer()
    lexer.removeErrorListeners()
    lexer.addErrorListener(collector)
    lexer.inputStream = InputStream(text)
    stream = CommonTokenStream(lexer)
    stream.fill()
    lexing = bool(collector.errors)
    if not lexing:
        parser = n.PyNestMLParser(None)
        parser.removeErrorListeners()
        parser.addErrorListener(collector)
        parser.setTokenStream(stream)
        parser.nestMLCompilationUnit()
    if not collector.errors:
        raise InternalError("NESTML rejected the file but its parser reports no syntax error")
    line, column, msg, token = collector.errors[0]
    code, message, construct, hint = _explain_syntax(msg, token, lexing)
    if msg.startswith("missing ") and (token is None or not token.strip()):
        line, column = _end_of_previous_line(text, line)
        message = message.rsplit(" before ", 1)[0] + " at the end of the line"
    elif code == "E101" and _misindented(text, line, column) and not hint.startswith("did you mean"):
        code, message = "E103", f"indentation error: unexpected indentation before {_token_text(token)}"
        hint = "indent every line of a block by the same amount (4 spaces per level)"
    more = len(collector.errors) - 1
    if more:
        message += f" ({more} more syntax error{'s' if more > 1 else ''} follow from it)"
    return [_Problem(1, line, column + 1, code, message, construct, hint)]


_KEYWORDS = ("model", "state", "parameters", "internals", "equations", "input", "output", "update",
             "onReceive", "onCondition", "function", "kernel", "inline", "recordable", "integrate_odes",
             "emit_spike", "return", "if", "elif", "else", "for", "while", "spike", "continuous")
_TOKEN_WORDS = {"NEWLINE": "end of line", "INDENT": "indentation", "DEDENT": "end of the indented block",
                "<EOF>": "end of file", "NAME": "a name", "UNSIGNED_INTEGER": "a number",
                "FLOAT": "a number", "STRING_LITERAL": "a string", "BOOLEAN_LITERAL": "true or false"}


def _end_of_previous_line(text: str, line: int) -> tuple[int, int]:
    """(line, 0-based column) just after the last code character before ``line``: where a ':' or ')' is missing."""
    lines = text.splitlines()
    for number in range(min(line - 1, len(lines)), 0, -1):
        code = lines[number - 1].split("#", 1)[0].rstrip()
        if code:
            return number, len(code)
    return line, 0


def _misindented(text: str, line: int, column: int) -> bool:
    """Whether the token at (line, 0-based column) starts a line indented unlike any enclosing block."""
    lines = text.splitlines()
    if not 0 < line <= len(lines) or lines[line - 1][:column].strip():
        return False
    levels, previous = {0}, None
    for source in lines[:line - 1]:
        stripped = source.strip()
        if stripped and not stripped.startswith("#"):
            previous = (len(source) - len(source.lstrip()), stripped.endswith(":"))
            levels.add(previous[0])
    if previous is None:
        return column != 0
    indent, opens_block = previous
    return (column > indent and not opens_block) or (column < indent and column not in levels)


def _token_text(token: str | None) -> str:
    if token is None or token == "<EOF>":
        return "end of file"
    if token.strip() == "":
        return "end of line" if "\n" in token else "indentation"
    return f"'{token}'"


def _expected(spec: str) -> str:
    items = [s.strip() for s in spec.strip().strip("{}").split(",") if s.strip()]
    words = [_TOKEN_WORDS.get(i, i) for i in items]
    if len(words) > 4:
        return ""
    return ", ".join(words) if len(words) > 1 else (words[0] if words else "")


def _explain_syntax(msg: str, token: str | None, lexing: bool) -> tuple[str, str, str, str]:
    """Turn an ANTLR message into (code, plain message, construct, hint)."""
    if lexing:
        char = msg.split("at:", 1)[-1].strip().strip("'")
        return ("E102", f"character {char!r} is not allowed here", char,
                "NESTML names use ASCII letters, digits and '_'; write e.g. tau_m instead of τ_m")
    shown = _token_text(token)
    expecting = ""
    if " expecting " in msg:
        expecting = _expected(msg.split(" expecting ", 1)[1])
    if msg.startswith("missing "):
        what = re.match(r"missing (.+?) at ", msg)
        message = f"missing {what.group(1) if what else 'token'} before {shown}"
    elif msg.startswith("no viable alternative"):
        message = f"cannot make sense of the text ending in {shown}"
    else:
        message = f"unexpected {shown}"
        if expecting:
            message += f" (expected {expecting})"
    construct = token.strip() if token and token.strip() else ""
    hint = "check the syntax of this line against the NESTML language reference"
    if construct == "neuron" or construct == "synapse":
        hint = f'NESTML 6 and later write "model <name>:" instead of "{construct} <name>:"'
    elif construct == "end":
        hint = "NESTML 6 and later end blocks by indentation; remove 'end'"
    elif construct == "==":
        hint = "use '=' to assign; '==' compares"
    if construct:
        close = difflib.get_close_matches(construct, _KEYWORDS, n=1, cutoff=0.75)
        if close and close[0] != construct:
            hint = f"did you mean '{close[0]}'?"
    if msg.startswith("missing ':'"):
        hint = "block headers and control statements end with ':'"
    elif msg.startswith("missing ')'"):
        hint = "an opening parenthesis is never closed on this line"
    if "'continuous'" in msg and construct == "spike":
        hint = 'a spike input port has no unit: write "name <- spike"'
    if "'spike'" in msg and construct == "continuous":
        hint = 'a continuous input port needs a unit: write e.g. "I_stim pA <- continuous"'
    return "E101", message, construct, hint


# ---------------------------------------------------------------------------------------------
# NESTML's log -> problems and warnings

# MessageCode name -> (portasnn code, hint)
_CODES: dict[str, tuple[str, str]] = {
    "NO_VARIABLE_FOUND": ("E110", "declare it in the state, parameters or internals block, or fix the spelling"),
    "SYMBOL_NOT_RESOLVED": ("E110", "declare it in the state, parameters or internals block, or fix the spelling"),
    "VARIABLE_USED_AS_A_UNIT": ("E110", "a variable cannot be used as a unit"),
    "UNKNOWN_TYPE": ("E111", "use a NESTML unit (e.g. mV, ms, pA, pF, nS) or a type (real, integer, boolean)"),
    "ASTDATATYPE_TYPE_SYMBOL_COULD_NOT_BE_DERIVED": ("E111", "use a known unit or type"),
    "NO_UNIT": ("E111", "use a known unit"),
    "NOT_NEUROSCIENCE_UNIT": ("E111", "use a known unit"),
    "FUNCTION_NOT_DECLARED": ("E112", "define the function in a 'function' block or use a NESTML built-in"),
    "TYPE_DIFFERENT_FROM_EXPECTED": ("E120", "both sides must have the same unit; convert explicitly, "
                                             "e.g. by multiplying with a parameter that carries the unit"),
    "ADD_SUB_TYPE_MISMATCH": ("E120", "only quantities with the same unit can be added or subtracted"),
    "TYPE_MISMATCH": ("E120", "only quantities with the same unit can be added, subtracted or compared"),
    "OPERATION_NOT_DEFINED": ("E120", "check the units and types of both operands"),
    "HARD_INCOMPATIBILITY": ("E120", "check the units and types of both sides"),
    "CAST_NOT_POSSIBLE": ("E120", "check the units and types of both sides"),
    "TYPE_NOT_DERIVABLE": ("E120", "check the units and types in this expression"),
    "FUNCTION_CALL_TYPE_ERROR": ("E120", "check the units and types of the arguments"),
    "NO_SOLITARY_PHYSICAL_UNITS": ("E120", "write a number with the unit, e.g. '1 pA' instead of 'pA'"),
    "NUMERATOR_NOT_ONE": ("E120", "write units like 1/ms with a numerator of 1"),
    "EXPONENT_MUST_BE_INTEGER": ("E120", "raise units only to integer powers"),
    "NON_CONSTANT_EXPONENT": ("E120", "raise units only to constant powers"),
    "ODE_NEEDS_CONSISTENT_UNITS": ("E121", "the right-hand side of x' must have the unit of x per time "
                                           "(e.g. mV/ms for a voltage)"),
    "ODE_FUNCTION_NEEDS_CONSISTENT_UNITS": ("E121", "the unit of the expression must match the declared unit"),
    "BLOCK_NOT_CORRECT": ("E130", "add the missing block"),
    "EMIT_SPIKE_FUNCTION_BUT_NO_OUTPUT_PORT": ("E130", "add an 'output:' block with 'spike' to emit spikes"),
    "EQUATIONS_DEFINED_BUT_INTEGRATE_ODES_NOT_CALLED": (
        "E132", "call integrate_odes() in the update block, or the equations never advance in time"),
    "VARIABLE_REDECLARED": ("E140", "give each variable one declaration, in one block"),
    "FUNCTION_REDECLARED": ("E140", "rename the function"),
    "VARIABLE_WITH_SAME_NAME_AS_UNIT": ("E140", "rename the variable"),
    "MODEL_REDECLARED": ("E141", "give every model a unique name"),
    "NAME_COLLISION": ("E141", "give every model a unique name"),
    "NEST_COLLISION": ("E140", "rename it; the name is reserved by NEST"),
    "VARIABLE_NOT_IN_STATE_BLOCK": ("E150", "declare the variable in the state block with an initial value"),
    "NO_ODE": ("E150", "declare the variable in the state block"),
    "INTEGRATE_ODES_WRONG_ARG": ("E151", "integrate_odes() takes state variables that have an ODE"),
    "INTEGRATE_ODES_ARG_HIGHER_ORDER": ("E151", "pass the variable itself, not its derivative"),
    "STATE_VARIABLES_NOT_INITIALZED": ("E152", "give the state variable an initial value, e.g. 'V_m mV = -70 mV'"),
    "NO_INIT_VALUE": ("E152", "give the variable an initial value"),
    "NO_ASSIGNMENT_ALLOWED": ("E160", "parameters and internals are constant during a simulation; "
                                      "assign to a state variable instead"),
    "VALUE_ASSIGNED_TO_BUFFER": ("E160", "input ports are read-only"),
    "ASSIGNING_TO_INLINE": ("E160", "inline expressions are read-only; assign to a state variable"),
    "NOT_ALLOWED_TO_ASSIGN_TO_A_UNIT_TYPE": ("E160", "a unit cannot be assigned to"),
    "KERNEL_OUTSIDE_CONVOLVE": ("E170", "use a kernel only inside convolve(kernel, spike_port)"),
    "KERNEL_WRONG_TYPE": ("E170", "a kernel must be dimensionless or have unit 1/time"),
    "KERNEL_IV_WRONG_TYPE": ("E170", "check the units of the kernel's initial values"),
    "DELTA_FUNCTION_CANNOT_BE_MIXED": ("E170", "write a delta kernel as 'kernel K = delta(t)' on its own"),
    "CONVOLVE_NEEDS_BUFFER_PARAMETER": ("E170", "the second argument of convolve() must be a spike input port"),
    "ARG_NOT_SPIKE_INPUT": ("E171", "the second argument of convolve() must be a spike input port"),
    "SPIKE_INPUT_PORT_TYPE_NOT_DEFINED": ("E171", "declare spike ports as 'name <- spike'"),
    "CONTINUOUS_INPUT_PORT_WITH_QUALIFIERS": ("E171", "continuous ports take no qualifiers"),
    "WRONG_NUMBER_OF_ARGS": ("E180", "pass as many arguments as the function takes"),
    "NO_RETURN": ("E181", "end the function with a return statement"),
    "NOT_LAST_STATEMENT": ("E181", "put return last"),
    "VOID_FUNCTION_ON_RHS": ("E181", "a function without return value cannot be used in an expression"),
    "VARIABLE_DEFINED_RECURSIVELY": ("E182", "define the variable from other variables, not from itself"),
    "VARIABLE_USED_BEFORE_DECLARATION": ("E182", "declare variables before using them"),
}
_CASCADE = re.compile(r'"error"|\btype "error"|\ban invalid type\b')
_ERROR_TYPE = re.compile(r'type "?<[\w.]*ErrorTypeSymbol object at 0x[0-9a-fA-F]+>"?')
_OBJECT = re.compile(r'<(?:\w+\.)*(\w+) object at 0x[0-9a-fA-F]+>')


def _without_reprs(message: str) -> str:
    """NESTML formats some Python objects into its messages (``<...ErrorTypeSymbol object at 0x...>``):
    say what they stand for. A type symbol becomes its type name, the error type "an invalid type"."""
    message = _ERROR_TYPE.sub("an invalid type", message)
    return _OBJECT.sub(lambda m: _object_words(m.group(1)), message)


def _object_words(cls: str) -> str:
    """``BooleanTypeSymbol`` -> ``boolean``, ``ASTSimpleExpression`` -> ``simple expression``."""
    name = cls.removesuffix("TypeSymbol").removesuffix("Symbol").removeprefix("AST") or cls
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", name).lower()
_DROP_IF_OTHERS = {"ASTDATATYPE_TYPE_SYMBOL_COULD_NOT_BE_DERIVED", "SYMBOL_NOT_RESOLVED"}
_COVERED = {"MODEL_REDECLARED", "NAME_COLLISION"}  # reported with both places by _check_unique_model_names
_QUIET_WARNINGS = {"VARIABLE_WITH_SAME_NAME_AS_UNIT", "RESOLUTION_FUNC_USED", "MODEL_CONTAINS_ERRORS",
                   "BLOCK_NOT_CORRECT", "START_PROCESSING_FILE", "START_PROCESSING_MODEL"}


def _logged_problems(n: SimpleNamespace, models: list) -> tuple[list[_Problem], list[tuple[str, int, int, str]]]:
    errors, warnings = [], []
    for _, _, level, code, pos, message in n.Logger.get_log().values():
        name = code.name if code is not None else ""
        if level == n.LoggingLevel.ERROR:
            errors.append((name, pos, _without_reprs(str(message))))
        elif level == n.LoggingLevel.WARNING and name not in _QUIET_WARNINGS and pos is not None:
            warnings.append((name, pos.get_start_line(), pos.get_start_column() + 1, _without_reprs(str(message))))
    names = {e[0] for e in errors}
    problems = []
    for name, pos, message in errors:
        if _CASCADE.search(message) and len(errors) > 1:
            continue  # follows from another error (NESTML's type "error")
        if name in _COVERED or (name in _DROP_IF_OTHERS and names - _DROP_IF_OTHERS):
            continue
        code, hint = _CODES.get(name, ("E190", "this breaks a NESTML rule; see the NESTML language reference"))
        line, column = _locate(pos, name, message, models)
        text, construct, hint = _reword(name, message, hint, models)
        if name == "BLOCK_NOT_CORRECT" and "more than once" in message:
            code = "E131"
        if name == "NO_VARIABLE_FOUND" and _is_ode_lhs(models, construct, line):
            code, text = "E150", f'ODE for "{construct}", which is not declared in the state block'
            hint = f"declare {construct} in the state block with an initial value, e.g. '{construct} mV = 0 mV'"
        rank = 0 if code in ("E140", "E141", "E131") else 1
        problems.append(_Problem(rank, line, column, code, text, construct, hint))
    return _dedupe(problems), warnings


def _is_ode_lhs(models: list, name: str, line: int) -> bool:
    return any(ode.get_lhs().get_name() == name and ode.get_source_position().get_start_line() == line
               for model in models for ode in model.get_equations())


def _dedupe(problems: list[_Problem]) -> list[_Problem]:
    """Keep one problem per (place, code): NESTML often reports one mistake several times."""
    seen, kept = set(), []
    for p in sorted(problems):
        if (p.line, p.column, p.code) not in seen:
            seen.add((p.line, p.column, p.code))
            kept.append(p)
    return kept


def _quoted(message: str) -> str:
    m = re.search(r'"([^"]+)"', message)
    return m.group(1) if m else ""


def _block_lists(model) -> dict[str, list]:
    return {"update": model.get_update_blocks(), "state": model.get_state_blocks(),
            "parameters": model.get_parameters_blocks(), "internals": model.get_internals_blocks(),
            "equations": model.get_equations_blocks(), "input": model.get_input_blocks(),
            "output": model.get_output_blocks()}


def _locate(pos, name: str, message: str, models: list) -> tuple[int, int]:
    """Where a human would look: NESTML points some errors at the whole model."""
    best = pos
    for model in models:
        if name in ("OPERATION_NOT_DEFINED", "TYPE_MISMATCH") and pos is not None:
            best = _operator_position(model, pos, by_lhs=name == "OPERATION_NOT_DEFINED") or best
        elif name in ("INTEGRATE_ODES_WRONG_ARG", "ARG_NOT_SPIKE_INPUT") and pos is not None:
            best = _argument_position(model, pos, name, message) or best
        elif pos is None or (model.get_source_position().get_start_line() == pos.get_start_line()):
            best = _better_position(model, name, message) or best
    if best is None:
        return 1, 1
    return best.get_start_line(), best.get_start_column() + 1


def _better_position(model, name: str, message: str):
    if name == "STATE_VARIABLES_NOT_INITIALZED":
        wanted = _quoted(message)
        for block in model.get_state_blocks():
            for decl in block.get_declarations():
                if any(v.get_name() == wanted for v in decl.get_variables()):
                    return decl.get_source_position()
    if name == "EQUATIONS_DEFINED_BUT_INTEGRATE_ODES_NOT_CALLED":
        blocks = model.get_update_blocks() or model.get_equations_blocks()
        return blocks[0].get_source_position() if blocks else None
    if name == "BLOCK_NOT_CORRECT" and "more than once" in message:
        kind = message.split()[0].lower()
        blocks = _block_lists(model).get(kind, [])
        return blocks[1].get_source_position() if len(blocks) > 1 else None
    return None


def _nodes(model, wanted) -> list:
    """Every node of the model's AST for which ``wanted(node)`` holds, in source order."""
    from pynestml.visitors.ast_higher_order_visitor import ASTHigherOrderVisitor

    found: list = []
    model.accept(ASTHigherOrderVisitor(lambda node: found.append(node) if wanted(node) else None))
    return found


def _same_place(node, pos) -> bool:
    p = node.get_source_position()
    return p is not None and (p.get_start_line(), p.get_start_column(), p.get_end_line(), p.get_end_column()) == \
        (pos.get_start_line(), pos.get_start_column(), pos.get_end_line(), pos.get_end_column())


def _operator_position(model, pos, by_lhs: bool):
    """The operator of the binary expression NESTML blames (it logs the whole expression or its left operand)."""
    def blamed(node) -> bool:
        if not getattr(node, "get_binary_operator", None) or node.get_binary_operator() is None:
            return False
        target = node.get_lhs() if by_lhs else node
        return target is not None and _same_place(target, pos)

    found = _nodes(model, blamed)
    return found[0].get_binary_operator().get_source_position() if found else None


def _argument_position(model, pos, name: str, message: str):
    """The offending argument of the call NESTML blames (integrate_odes(x) of a non-state x, convolve(K, x))."""
    calls = _nodes(model, lambda node: type(node).__name__ == "ASTFunctionCall" and _same_place(node, pos))
    for call in calls:
        args = call.get_args()
        if name == "ARG_NOT_SPIKE_INPUT" and len(args) == 2:
            return args[1].get_source_position()
        for arg in args:
            if name == "INTEGRATE_ODES_WRONG_ARG" and str(arg).strip() == _quoted(message):
                return arg.get_source_position()
    return None


def _reword(name: str, message: str, hint: str, models: list) -> tuple[str, str, str]:
    """NESTML's message in plain words, the construct it is about, and a hint."""
    msg = re.sub(r"[\s.!]+$", "", message.strip()).replace(" !", "").replace("!", "")
    construct = _quoted(msg)
    if name in ("NO_VARIABLE_FOUND", "SYMBOL_NOT_RESOLVED"):
        msg = f'unknown variable "{construct}"'
        hint = _suggest(construct, _declared_names(models)) or hint
    elif name == "UNKNOWN_TYPE":
        msg = f'unknown unit or type "{construct}"'
        hint = _suggest(construct, _unit_names(), case_blind=True) or hint
    elif name == "FUNCTION_NOT_DECLARED":
        msg = f'unknown function "{construct}"'
        hint = _suggest(construct, _function_names(models)) or hint
    elif name == "TYPE_DIFFERENT_FROM_EXPECTED":
        m = re.search(r'Expected: "([^"]+)", got: "([^"]+)"', msg)
        if m:
            msg, construct = f"unit/type mismatch: expected {m.group(1)}, got {m.group(2)}", ""
            if m.group(1) == "boolean":
                hint = "a condition must be true or false, e.g. 'refr_t > 0 ms'"
    elif name == "TYPE_MISMATCH":
        m = re.search(r'left-hand side = "(.*)"; binary operator = "\s*(\S+)\s*"; right-hand side = "(.*)"\) '
                      r'could not be derived: left-hand side has type "([^"]+)" whereas right-hand side has '
                      r'type "([^"]+)"', msg)
        if m:
            msg = (f"unit/type mismatch in '{m.group(1)} {m.group(2)} {m.group(3)}': "
                   f"the left side has unit {m.group(4)}, the right side {m.group(5)}")
            construct = m.group(2)
    elif name == "OPERATION_NOT_DEFINED":
        m = re.match(r"Operation (.+) is not defined", msg)
        if m and " +/- " in m.group(1):
            lhs, rhs = m.group(1).split(" +/- ", 1)
            msg, construct = f"unit/type mismatch: cannot add or subtract {lhs} and {rhs}", ""
        elif m:
            msg, construct = f"unit/type mismatch: {m.group(1)} is not defined", ""
    elif name == "ODE_NEEDS_CONSISTENT_UNITS":
        m = re.search(r'"d (\S+) / dt" has inconsistent units: expected "([^"]+)", got "([^"]+)"', msg)
        if m:
            msg = f"the ODE for {m.group(1)} has inconsistent units: expected {m.group(2)}, got {m.group(3)}"
            construct = m.group(1)
    elif name == "VALUE_ASSIGNED_TO_BUFFER":
        msg = f'cannot assign to input port "{construct}"'
    elif name == "FUNCTION_REDECLARED" and msg.startswith("Predefined"):
        msg = f'function "{construct}" is already a NESTML built-in function'
    elif name == "BLOCK_NOT_CORRECT":
        msg = msg[0].lower() + msg[1:]
        if "more than once" in msg:
            hint = "merge the two blocks into one"
        elif msg.startswith("output"):
            hint = "add an 'output:' block containing 'spike' to emit spikes"
    elif name == "WRONG_NUMBER_OF_ARGS":
        m = re.search(r'function-call "(.*)"\s*Expected "(\d+)", found "(\d+)"', msg)
        if m:
            msg = f'wrong number of arguments in "{m.group(1)}": expected {m.group(2)}, found {m.group(3)}'
            construct = m.group(1).split("(")[0]
    elif msg:
        msg = msg[0].lower() + msg[1:] if not msg[:2].isupper() else msg
    return msg, construct, hint


def _suggest(word: str, candidates: set[str], case_blind: bool = False) -> str:
    if not word:
        return ""
    if case_blind:
        same = [c for c in candidates if c.lower() == word.lower()]
        if same:
            best = max(same, key=lambda c: sum(a == b for a, b in zip(c, word)))
            return f"did you mean '{best}'?"
        close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.6)
    else:
        close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def _declared_names(models: list) -> set[str]:
    names: set[str] = set()
    for model in models:
        for block in model.get_state_blocks() + model.get_parameters_blocks() + model.get_internals_blocks():
            for decl in block.get_declarations():
                names.update(v.get_name() for v in decl.get_variables())
        for eq in model.get_equations_blocks():
            names.update(i.get_variable_name() for i in eq.get_inline_expressions())
        names.update(p.get_symbol_name() for p in model.get_input_ports())
    return names


@functools.cache
def _unit_names() -> set[str]:
    return set(_nestml().PredefinedUnits.get_units())


def _function_names(models: list) -> set[str]:
    names = set(_nestml().PredefinedFunctions.get_function_symbols())
    for model in models:
        names.update(f.get_name() for f in model.get_functions())
    return names


def _grouped_warnings(file: Path, warnings: list[tuple[str, int, int, str]]) -> list[tuple[str, str, Span]]:
    """NESTML's warnings as (message, code, span), one per kind of message, with where it occurs."""
    result = []
    groups: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for name, line, column, message in warnings:
        groups.setdefault((name, message), []).append((line, column))
    for (name, message), places in groups.items():
        places.sort()
        code = "W101" if name == "IMPLICIT_CAST" else "W102"
        text = re.sub(r"\s*!+$", "", message.strip())
        if name == "IMPLICIT_CAST":
            m = re.search(r'type "([^"]+)" to "([^"]+)"', text)
            if m:
                text = f"implicit conversion from {m.group(1)} to {m.group(2)} (the unit is dropped)"
        if len(places) > 1:
            shown = ", ".join(f"{ln}:{col}" for ln, col in places[1:6])
            text += f"; also at {shown}" + (f" and {len(places) - 6} more" if len(places) > 6 else "")
        result.append((text, code, Span(str(file), places[0][0], places[0][1])))
    return result


# ---------------------------------------------------------------------------------------------
# checks NESTML 9 does not make


def _own_checks(n: SimpleNamespace, model, text: str) -> list[_Problem]:
    return (_duplicate_declarations(model) + _receive_ports(model, text) + _spike_ports_in_declarations(model)
            + _comparison_units(model))


def _pos(node) -> tuple[int, int]:
    p = node.get_source_position()
    return p.get_start_line(), p.get_start_column() + 1


def _duplicate_declarations(model) -> list[_Problem]:
    seen: dict[str, tuple[str, int]] = {}
    problems = []
    blocks = [("state", b) for b in model.get_state_blocks()] + \
             [("parameters", b) for b in model.get_parameters_blocks()] + \
             [("internals", b) for b in model.get_internals_blocks()]
    entries = []
    for kind, block in blocks:
        for decl in block.get_declarations():
            entries += [(kind, v.get_name() + "'" * v.get_differential_order(), v) for v in decl.get_variables()]
    for block in model.get_input_blocks():
        entries += [("input", port.get_name(), port) for port in block.get_input_ports()]
    entries.sort(key=lambda e: _pos(e[2]))
    for kind, name, node in entries:
        line, column = _pos(node)
        if name in seen:
            first_kind, first_line = seen[name]
            problems.append(_Problem(0, line, column, "E140",
                                     f'"{name}" is declared twice (first in the {first_kind} block at line '
                                     f'{first_line}, again in the {kind} block)', name,
                                     "give each name one declaration, in one block; rename one of them"))
        else:
            seen[name] = (kind, line)
    return problems


def _receive_ports(model, text: str) -> list[_Problem]:
    spike = {p.get_symbol_name() for p in model.get_spike_input_ports()}
    continuous = {p.get_symbol_name() for p in model.get_continuous_input_ports()}
    lines = text.splitlines()
    problems = []
    for block in model.get_on_receive_blocks():
        port = block.get_port_name()
        base = port.split("[")[0]
        if base in spike:
            continue
        line, column = _pos(block)
        source = lines[line - 1] if 0 < line <= len(lines) else ""
        m = re.search(r"onReceive\s*\(\s*" + re.escape(base), source)
        if m:
            column = m.end() - len(base) + 1
        if base in continuous:
            problems.append(_Problem(1, line, column, "E171",
                                     f'onReceive needs a spike input port, but "{base}" is a continuous input port',
                                     base, "continuous inputs are read directly in equations or the update block"))
        else:
            hint = _suggest(base, spike) or (f"spike input ports of this model: {', '.join(sorted(spike))}"
                                             if spike else 'declare it in the input block as "name <- spike"')
            problems.append(_Problem(1, line, column, "E113", f'onReceive for unknown input port "{base}"',
                                     base, hint))
    return problems


def _spike_ports_in_declarations(model) -> list[_Problem]:
    spike = {p.get_symbol_name() for p in model.get_spike_input_ports()}
    problems = []
    blocks = [("state", b) for b in model.get_state_blocks()] + \
             [("parameters", b) for b in model.get_parameters_blocks()] + \
             [("internals", b) for b in model.get_internals_blocks()]
    for kind, block in blocks:
        for decl in block.get_declarations():
            expr = decl.get_expression()
            if expr is None:
                continue
            for var in expr.get_variables():
                if var.get_name() in spike:
                    line, column = _pos(var)
                    problems.append(_Problem(
                        1, line, column, "E171",
                        f'spike input port "{var.get_name()}" used as a value in the {kind} block', var.get_name(),
                        f"a spike train has no value here; use it in onReceive({var.get_name()}) or as "
                        f"convolve(kernel, {var.get_name()}) in the equations"))
    return problems


def _comparison_units(model) -> list[_Problem]:
    """Comparisons of quantities of different dimensions (``V_m > I_e``): NESTML 9 only warns, and misses them in
    onCondition. A unit compared with a plain number stays NESTML's warning, as in arithmetic."""
    from pynestml.meta_model.ast_comparison_operator import ASTComparisonOperator
    from pynestml.symbols.unit_type_symbol import UnitTypeSymbol

    problems = []
    for expr in _nodes(model, lambda node: isinstance(getattr(node, "binary_operator", None), ASTComparisonOperator)):
        try:
            lhs, rhs = expr.get_lhs().type, expr.get_rhs().type
        except Exception:  # noqa: BLE001 - a type NESTML cannot derive is reported by NESTML's own checks
            continue
        if not (isinstance(lhs, UnitTypeSymbol) and isinstance(rhs, UnitTypeSymbol)):
            continue
        if lhs.unit.get_unit().is_equivalent(rhs.unit.get_unit()):
            continue
        left, right = str(expr.get_lhs()).strip(), str(expr.get_rhs()).strip()
        op = str(expr.get_binary_operator()).strip()
        line, column = _pos(expr.get_binary_operator())
        problems.append(_Problem(
            1, line, column, "E120",
            f"unit/type mismatch in '{left} {op} {right}': the left side has unit {lhs.print_nestml_type()}, "
            f"the right side {rhs.print_nestml_type()}", op,
            "only quantities of the same dimension can be compared; compare like with like (e.g. V_m > V_th), "
            "or convert one side explicitly"))
    return problems


def _check_unique_model_names(parsed: list[ParsedModel], problems: dict[Path, list[_Problem]]) -> None:
    first: dict[str, ParsedModel] = {}
    for model in parsed:
        if model.name in first:
            other = first[model.name]
            line, column = _pos(model.ast)
            where = "in this file" if other.path == model.path else f"in {other.path}"
            problems[model.path].append(_Problem(
                0, line, column, "E141",
                f'model "{model.name}" is defined twice (first {where} at line {_pos(other.ast)[0]})',
                model.name, "give every model a unique name"))
        else:
            first[model.name] = model


# ---------------------------------------------------------------------------------------------
# the error


def _model_error(failing: list[tuple[Path, list[_Problem]]]) -> ModelError:
    listed = [(file, p) for file, found in failing for p in found]
    first_file, first = listed[0]
    message = first.message
    rest = listed[1:]
    if rest:
        lines = [f"{f}:{p.line}:{p.column}: {p.message}" for f, p in rest[:_MAX_LISTED]]
        if len(rest) > _MAX_LISTED:
            lines.append(f"... and {len(rest) - _MAX_LISTED} more")
        message += f"\n  {len(rest)} more problem{'s' if len(rest) > 1 else ''}:\n    " + "\n    ".join(lines)
    return ModelError(message, span=Span(str(first_file), first.line, first.column), code=first.code,
                      construct=first.construct, hint=first.hint)
