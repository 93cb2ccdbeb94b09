"""NESTML models as PyNN cell types (issue 14 item 2): ``nestml_cell_type("my_neuron.nestml", sim)``.

For ``sim = pyNN.nest``: the model is built by portasnn once (``portasnn.build``: its NEST module is cached by
the file's content, the toolchain and portasnn's code, so a new process finds it without parsing or compiling),
and the cell type is pyNN.nest's own ``native_cell_type`` of it: parameters, defaults, units and recordables
are the model's, as NEST reports them. The module is loaded at once and again after every ``sim.setup()``
(NEST's ``ResetKernel`` unloads modules; see ``_reinstall_after_reset``).

Other backends (portasnn.pynn, sPyNNaker) are not provided yet: E293.
"""
from __future__ import annotations

import warnings
from pathlib import Path
from types import ModuleType

from portasnn.errors import ToolError, UsageError


_INSTALL_AFTER_RESET: list = []  # the NestArtifacts of every cell type made in this process


def _reinstall_after_reset(sim: ModuleType) -> None:
    """pyNN.nest's setup()/reset path (``State.clear``) calls NEST's ResetKernel, which unloads every module, and
    pyNN.nest has no hook for modules of its own users: wrap ``clear`` once to install ours again right after it,
    before pyNN creates any node (NEST refuses a module once nodes exist)."""
    state_cls = type(sim.simulator.state)
    if getattr(state_cls.clear, "portasnn_reinstall", False):
        return
    original = state_cls.clear

    def clear(self) -> None:  # noqa: ANN001
        original(self)
        for artifact in _INSTALL_AFTER_RESET:
            artifact.install()

    clear.portasnn_reinstall = True
    state_cls.clear = clear


def nestml_cell_type(path: str | Path, sim: ModuleType, model: str | None = None):  # noqa: ANN201 - a class
    """The PyNN cell type of the NESTML model in ``path`` (``model``: which one, for a file with several) for the
    backend module ``sim``."""
    if getattr(sim, "__name__", "") != "pyNN.nest":
        from portasnn.pynn.errors import NotSupportedError, refuse
        from portasnn.pynn.simulator import where

        raise refuse("E293", f"nestml_cell_type for {getattr(sim, '__name__', sim)!r} is not provided yet",
                     where(), hint="pass pyNN.nest; for portasnn.pynn or sPyNNaker write the network as .pnet "
                     "(`model k = nestml \"file\"`) and run it with portasnn", cls=NotSupportedError)
    import portasnn

    artifact = portasnn.build(path)
    if model is None:
        if len(artifact.nest_models) != 1:
            raise UsageError(f"{path} has the models {', '.join(artifact.nest_models)}: say which", code="E296",
                             hint="nestml_cell_type(path, sim, model=NAME)")
        model = next(iter(artifact.nest_models))
    if model not in artifact.nest_models:
        raise UsageError(f"{path} has no model {model!r} (it has {', '.join(artifact.nest_models)})", code="E296",
                         hint="nestml_cell_type(path, sim, model=NAME) with one of those names")
    nest_model = artifact.nest_models[model]
    _reinstall_after_reset(sim)
    try:
        artifact.install()
    except ToolError as exc:
        raise UsageError(f"the NEST module of {path} cannot be loaded now: {str(exc).splitlines()[0]}",
                         code="E296", hint="call nestml_cell_type before sim.setup() or before creating the first "
                         "Population (NEST loads modules only while no nodes exist)") from None
    if artifact not in _INSTALL_AFTER_RESET:
        _INSTALL_AFTER_RESET.append(artifact)
    with warnings.catch_warnings():  # portasnn's own string parameter, which pyNN.nest says it ignores
        warnings.filterwarnings("ignore", message=".*portasnn_nonfinite")
        cell_type = sim.native_cell_type(nest_model)
    # NEST 3.10's boolean node parameters (ignore_and_spike): pyNN.nest 0.13 would set them as numpy bools, which
    # NEST's Python API refuses at Create; left out, they keep NEST's defaults
    cell_type.default_parameters = {k: v for k, v in cell_type.default_parameters.items() if not isinstance(v, bool)}
    cell_type.nestml_source = str(path)
    return cell_type
