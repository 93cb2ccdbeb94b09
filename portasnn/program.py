"""The program: what the frontends make of the user's input, loaded once and handed to every target.

``load_program(source, overrides)`` takes a ``.pnet`` file, a ``Network`` built in Python (or by the
``.pnet`` frontend), NESTML model files or directories, ``nestml:NAME`` for a model shipped with
nestml, or a NIR graph (``.nir``: imported with ``portasnn import nir``'s defaults into the cache). It runs the frontend and the pass pipeline once and returns an immutable :class:`Program`:
the network IR (``None`` when only models were given) and every solved NESTML model, keyed by the
``ModelRef.key`` its populations use (by model name for model files). Nothing after it parses a file:
targets read ``program.model(key)``; a network population's ``model`` names such a key.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Mapping, Sequence, Union

from portasnn.errors import NetworkError, UsageError
from portasnn.ir import model as ir
from portasnn.ir.network import Network
from portasnn.ir.synapse import SynapseModel

Source = Union[str, Path, Network, "Program", Sequence[Union[str, Path]]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Program:
    """The network IR (or ``None``) and the solved models it uses, keyed."""

    name: str
    network: Network | None
    models: tuple[tuple[str, ir.Model], ...]
    sources: tuple[str, ...] = ()  # the NESTML files the models came from, in order
    # the NESTML synapse models of the network's ``synapse`` declarations (kind "nestml"), by their key
    synapses: tuple[tuple[str, SynapseModel], ...] = ()
    _index: dict = field(default_factory=dict, compare=False, repr=False)

    def model(self, key: str) -> ir.Model:
        """The solved model populations refer to as ``key`` (InternalError-free: KeyError is a bug)."""
        if not self._index:
            self._index.update(self.models)
        return self._index[key]

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(k for k, _ in self.models)

    def unique_models(self) -> list[ir.Model]:
        """Each distinct solved model once, in first-use order (two keys may name one model)."""
        seen: dict[str, ir.Model] = {}
        for _key, m in self.models:
            seen.setdefault(m.name, m)
        return list(seen.values())

    def synapse(self, key: str) -> SynapseModel:
        """The NESTML synapse model of the network's synapse declaration ``key``."""
        return dict(self.synapses)[key]

    def unique_synapses(self) -> list[SynapseModel]:
        """Each distinct synapse model once, in first-use order."""
        seen: dict[str, SynapseModel] = {}
        for _key, s in self.synapses:
            seen.setdefault(s.name, s)
        return list(seen.values())

    def with_network(self, network: Network) -> Program:
        """The same models with another network IR (e.g. a different seed or process count)."""
        return dataclasses.replace(self, network=network, _index={})


def load_program(source: Source, overrides: Mapping[str, str] | None = None, *,
                 progress: Callable[[str], None] | None = None) -> Program:
    """Load ``source`` (see the module docstring) into a :class:`Program`: parse, convert, run the passes.

    Files are loaded through the program cache (``portasnn.program_cache``): unchanged inputs are not
    parsed again, in any process. ``progress`` hears whether the program came from the cache."""
    if isinstance(source, Program):
        if overrides:
            raise UsageError("overrides apply to .pnet files, not to a loaded program", code="E402")
        return source
    if isinstance(source, Network):
        if overrides:
            raise UsageError("overrides apply to .pnet files, not to a Network built in Python", code="E402",
                             hint="change the builder's arguments instead")
        return _from_network(source)
    items = [source] if isinstance(source, (str, Path)) else list(source)
    if not items:
        raise UsageError("nothing to load: give a .pnet network or NESTML model files", code="E013")
    paths = [Path(p) for p in items]
    from portasnn.program_cache import load_cached

    return load_cached(paths, overrides, lambda: _from_files(paths, overrides), progress)


def _from_files(paths: list[Path], overrides: Mapping[str, str] | None) -> Program:
    if any(p.suffix == ".nir" for p in paths):
        if len(paths) > 1:
            raise UsageError("give one .nir graph, not more files with it", code="E804")
        from portasnn.frontend.nir import imported_network

        paths = [imported_network(paths[0])]
    nets = [p for p in paths if p.suffix == ".pnet"]
    if nets:
        if len(paths) > 1:
            raise UsageError("give one .pnet network, or NESTML files, not both", code="E326")
        if not nets[0].is_file():
            raise UsageError(f"no such network file: {nets[0]}", code="E403")
        from portasnn.frontend.network import load_network

        return _from_network(load_network(nets[0], dict(overrides or {})))
    if overrides:
        raise UsageError("--set applies to .pnet networks, not to model files", code="E402")
    files = model_files(paths)
    models = solve(files)
    name = files[0].stem if len(files) == 1 else "models"
    return Program(name=name, network=None, models=tuple((m.name, m) for m in models),
                   sources=tuple(str(f) for f in files))


def model_path(spec: str) -> Path:
    """``nestml:NAME`` -> the file of a model shipped with nestml (``NAME`` with or without ``_neuron``)."""
    from portasnn.frontend.pnet.reader import nestml_model_path

    name = spec.removeprefix("nestml:")
    path = nestml_model_path(name)
    if not path.is_file() and not name.endswith("_neuron"):
        path = nestml_model_path(f"{name}_neuron")
    if not path.is_file():
        raise UsageError(f"nestml ships no model '{name}'", code="E011",
                         hint=f"the models nestml ships are in {path.parent}")
    return path


def model_files(paths: Sequence[str | Path]) -> list[Path]:
    """``.nestml`` files, directories of them expanded (sorted), ``nestml:NAME`` resolved."""
    from portasnn.frontend.nestml_parse import nestml_files

    return nestml_files([model_path(str(p)) if str(p).startswith("nestml:") else Path(p) for p in paths])


def solve(files: Sequence[Path]) -> list[ir.Model]:
    """Parse NESTML file(s), convert to IR and run the pass pipeline: the solved models."""
    from portasnn.frontend.nestml import load_models
    from portasnn.frontend import reads
    from portasnn.passes import run_pipeline

    for f in files:
        reads.note(f)
    return [run_pipeline(m) for m in load_models(list(files))]


def _from_network(net: Network) -> Program:
    by_file: dict[str, dict[str, ir.Model]] = {}
    models: list[tuple[str, ir.Model]] = []
    for ref in net.models:
        if ref.kind != "nestml":
            continue
        if not ref.path or not Path(ref.path).is_file():
            raise NetworkError(f"NESTML file not found: {ref.path}", span=ref.span, code="E323")
        found = by_file.get(ref.path)
        if found is None:
            found = by_file[ref.path] = {m.name: m for m in solve([Path(ref.path)])}
        if ref.name not in found:
            first = next(iter(found), "NAME")
            raise NetworkError(f"{ref.path} defines no model '{ref.name}'", span=ref.span, code="E321",
                               hint=f"models in that file: {', '.join(found)}; name one with "
                                    f"`model {ref.key} = {first} from \"{Path(ref.path).name}\"`")
        models.append((ref.key, found[ref.name]))
    synapses = tuple((syn.key, solve_synapse(Path(syn.path), syn.name)) for syn in net.synapses
                     if syn.kind == "nestml")
    return Program(name=net.name, network=net, models=tuple(models), sources=tuple(by_file), synapses=synapses)


def solve_synapse(path: Path, name: str) -> SynapseModel:
    """The synapse model ``name`` of NESTML file ``path``: parsed, solved and its roles found."""
    from portasnn.passes import synapse_roles

    found = {m.name: m for m in solve([path])}
    if name not in found:
        raise NetworkError(f"{path} defines no model '{name}'", code="E321",
                           hint=f"models in that file: {', '.join(found)}")
    return synapse_roles.apply(found[name])


def load_models(paths: str | Path | Sequence[str | Path]) -> list[ir.Model]:
    """The solved models of NESTML file(s) or directories (``nestml:NAME`` too)."""
    return solve(model_files([paths] if isinstance(paths, (str, Path)) else list(paths)))
