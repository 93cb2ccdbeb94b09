"""NESTML models as PyNN cell types (issue 14 item 2): ``nestml_cell_type("my_neuron.nestml", sim)``.

For ``sim = pyNN.nest``: the model is built by portasnn once (``portasnn.build``: its NEST module is cached by
the file's content, the toolchain and portasnn's code, so a new process finds it without parsing or compiling),
and the cell type is pyNN.nest's own ``native_cell_type`` of it: parameters, defaults, units and recordables
are the model's, as NEST reports them. The module is loaded at once and again after every ``sim.setup()``
(NEST's ``ResetKernel`` unloads modules; see ``_reinstall_after_reset``).

For ``sim = portasnn.pynn``: a cell type of portasnn's own backend whose populations lower to the NESTML model
(``model k = "file.nestml"``), so it runs on every target portasnn.pynn runs on, the model built by the target as
for a .pnet network. Its parameters and initial values are the model's, in the IR's units (NEST's: mV, ms, pA,
pF, nS; as pyNN.nest's native cell types take them), with the model's defaults; recordables are its state
variables; receptors "excitatory" and "inhibitory" reach its spike ports by sign. Weights are taken as pyNN.nest
takes them for a native cell type: the script's number times 1000 in the model's weight unit (nA -> pA,
uS -> nS).

For ``sim = pyNN.spiNNaker`` (sPyNNaker): the sPyNNaker model class portasnn generates for the model (the one a
``.pnet`` network's script imports), written once into portasnn's cache by the file's content
(``~/.cache/portasnn/spinnaker-cells/<sha256>/``) and imported from there under a name of its own, so that cell
types of several files live side by side. Its parameters, defaults and recordables are the model's, in PyNN's
units (mV, ms, nA, nF, uS). Importing it registers its ``model_binaries`` with sPyNNaker: a board needs the ARM
binaries there (``portasnn build --target spinnaker`` says how to make them); sPyNNaker's virtual board maps
without them.
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
    if getattr(sim, "__name__", "") == "portasnn.pynn":
        return _portasnn_cell_type(Path(path), model)
    if getattr(sim, "__name__", "") in ("pyNN.spiNNaker", "spynnaker.pyNN"):
        return _spynnaker_cell_type(Path(path), model)
    if getattr(sim, "__name__", "") != "pyNN.nest":
        from portasnn.pynn.errors import NotSupportedError, refuse
        from portasnn.pynn.simulator import where

        raise refuse("E293", f"nestml_cell_type for {getattr(sim, '__name__', sim)!r} is not provided",
                     where(), hint="pass pyNN.nest, pyNN.spiNNaker or portasnn.pynn", cls=NotSupportedError)
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


def _spynnaker_cell_type(path: Path, model: str | None):  # noqa: ANN202 - a class
    """The generated sPyNNaker class of the NESTML model ``model`` in ``path`` (built into the cache once)."""
    import hashlib
    import importlib.util
    import sys

    from portasnn.modules import build_spinnaker, frontend_hash
    from portasnn.paths import cache_dir
    from portasnn.targets.spinnaker import lowcache

    if not path.is_file():
        raise UsageError(f"no such NESTML file: {path}", code="E296")
    h = hashlib.sha256(path.read_bytes() + frontend_hash().encode() + lowcache.code_hash().encode())
    for template in sorted((Path(lowcache.__file__).parent / "templates").rglob("*")):  # what the files are made of
        if template.is_file():
            h.update(template.name.encode() + template.read_bytes())
    key = h.hexdigest()
    out = cache_dir() / "spinnaker-cells" / key
    package = out / "python_models" / "portasnn_models"
    if not (package / "__init__.py").is_file():
        build_spinnaker(path, out)
    name = f"portasnn_cells_{key[:16]}"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, package / "__init__.py",
                                                      submodule_search_locations=[str(package)])
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    classes = {cls: getattr(sys.modules[name], cls) for cls in sys.modules[name].__all__}
    by_model = {cls.lower(): cls for cls in classes}  # NirLifNeuron <- nir_lif_neuron
    if model is None:
        if len(classes) != 1:
            raise UsageError(f"{path} has the models of the classes {', '.join(classes)}: say which", code="E296",
                             hint="nestml_cell_type(path, sim, model=NAME)")
        return next(iter(classes.values()))
    found = by_model.get(model.replace("_", "").lower())
    if found is None:
        raise UsageError(f"{path} has no model {model!r} (its classes: {', '.join(classes)})", code="E296",
                         hint="nestml_cell_type(path, sim, model=NAME) with the model's NESTML name")
    return classes[found]


def _portasnn_cell_type(path: Path, model: str | None):  # noqa: ANN202 - a class
    """A portasnn.pynn cell type of the NESTML model ``model`` in ``path`` (its parameters, state, defaults and
    weight unit read from the model, not built)."""
    import sympy
    from pyNN.standardmodels import StandardCellType, build_translations

    from portasnn.frontend.nestml import load_models
    from portasnn.frontend.pnet.catalog import _nestml_info_cached
    from portasnn.ir.pynn_cells import CellParam, CellType
    from portasnn.units import ir_unit_name, parse_unit

    models = load_models([path])
    names = [m.name for m in models]
    if model is None and len(models) != 1:
        raise UsageError(f"{path} has the models {', '.join(names)}: say which", code="E296",
                         hint="nestml_cell_type(path, sim, model=NAME)")
    chosen = models[0] if model is None else next((m for m in models if m.name == model), None)
    if chosen is None:
        raise UsageError(f"{path} has no model {model!r} (it has {', '.join(names)})", code="E296",
                         hint="nestml_cell_type(path, sim, model=NAME) with one of those names")
    values: dict[str, float] = {}
    fields: dict[str, list[CellParam]] = {"params": [], "state": []}
    for group, variables in (("params", chosen.parameters), ("state", chosen.state)):
        for var in variables:
            try:
                value = float(sympy.sympify(var.value).subs({sympy.Symbol(k): v for k, v in values.items()}))
            except (TypeError, ValueError):
                raise UsageError(f"{var.span or path}: the default of {var.name} ({var.value}) is not a number "
                                 "portasnn.pynn can compute from the model's parameters", code="E296",
                                 hint="give it a constant default in the model") from None
            unit = parse_unit(var.unit) if var.unit else None
            values[var.name] = value
            fields[group].append(CellParam(var.name, ir_unit_name(unit.dims) if unit is not None else "", value))
    info = _nestml_info_cached(str(path.resolve()), chosen.name, path.stat().st_mtime_ns)
    w = None if info is None else info.weight_unit
    weight_unit = "" if w is None or w.dimensionless else ir_unit_name(w.dims)
    cell = CellType(chosen.name, tuple(fields["params"]), tuple(fields["state"]), weight_unit, "", {},
                    {p.name: p.name for p in fields["state"]}, spynnaker=True, board=False,
                    no_board="a NESTML cell type of portasnn.pynn is not written for sPyNNaker's PyNN yet")
    attrs = {"default_parameters": {p.name: p.default for p in fields["params"]},
             "default_initial_values": {p.name: p.default for p in fields["state"]},
             "units": {p.name: p.unit for p in (*fields["params"], *fields["state"])},
             "recordable": ["spikes", *(p.name for p in fields["state"])],
             "receptor_types": ("excitatory", "inhibitory"),
             "conductance_based": weight_unit == "nS", "injectable": True,
             "translations": build_translations(*[(p.name, p.name) for p in fields["params"]]),
             "portasnn_cell": cell, "nestml_source": str(path.resolve()), "nestml_model": chosen.name,
             "__doc__": f"The NESTML model {chosen.name} of {path} as a portasnn.pynn cell type.",
             "__module__": "portasnn.pynn"}
    return type(chosen.name, (StandardCellType,), attrs)
