"""Turn generated C++ model sources into a NEST extension module, and load it into the running NEST.

How NEST 3.10 finds a module: ``nest.Install(name)`` hands ``name`` to libltdl's ``lt_dlopenext``,
which tries ``name.la`` and then ``name.so``, first as given and then along the ltdl search path
(NEST's own ``lib/nest`` and ``LD_LIBRARY_PATH``, both read when the process started). Given an
absolute path without the suffix it opens that file directly, from any working directory and
without environment variables. libltdl then looks up ``<basename>_LTX_module`` in the library,
so the file must be called ``<module_name>.so`` and define that symbol (``module.cpp.j2``).
Modules are opened with ``RTLD_LOCAL``: two modules defining the same C++ class do not clash.
"""
from __future__ import annotations

import concurrent.futures
import re
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


from portasnn.cache import BuildCache, CacheEntry, cache_key, short_key
from portasnn.errors import InternalError, ToolError
from portasnn.targets.nest.toolchain import NestToolchain, detect

TEMPLATES = Path(__file__).parent / "templates"
MODULE_PREFIX = "portasnn"  # modules are called portasnn_<short key>
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_QUALIFIED = re.compile(r"(?:::)?[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*")
_ERROR_LINES = 12

Progress = Callable[[str], None]


@dataclass(frozen=True)
class _ModelView:
    cxx_class: str
    nest_name: str
    kind: str = "neuron"  # or "synapse": a connection model template


def render_module_source(module_name: str, models: Sequence[tuple[str, ...]], headers: Sequence[str]) -> str:
    """The C++ registration unit of a module (``<module_name>.cpp``)."""
    from portasnn import __version__

    from portasnn.targets.nest.render import render

    return render("module.cpp.j2",
        module_name=module_name,
        headers=list(headers),
        models=[_ModelView(c, n, *kind) for c, n, *kind in models],
        generator=f"portasnn {__version__}",
    )


def _check_inputs(module_name: str, models: Sequence[tuple[str, ...]], sources: Mapping[str, str]) -> list[str]:
    """Validate the request; return the model headers in model order."""
    if not _IDENTIFIER.fullmatch(module_name):
        raise InternalError(f"module name {module_name!r} is not a C identifier")
    if not models:
        raise InternalError(f"module {module_name!r} has no models")
    if f"{module_name}.cpp" in sources:
        raise InternalError(f"a source file is called {module_name}.cpp, the name of the registration unit")
    headers: list[str] = []
    for cxx_class, nest_name, *_kind in models:
        if not _QUALIFIED.fullmatch(cxx_class):
            raise InternalError(f"C++ class name {cxx_class!r} is not a (qualified) identifier")
        if not _IDENTIFIER.fullmatch(nest_name):
            raise InternalError(f"NEST model name {nest_name!r} is not an identifier")
        header = f"{cxx_class.rsplit('::', 1)[-1]}.h"
        if header not in sources:
            raise InternalError(f"sources of module {module_name!r} lack {header}, the header of {cxx_class}")
        headers.append(header)
    for name in sources:
        if Path(name).name != name or name.startswith("."):
            raise InternalError(f"source file name {name!r} must be a plain file name")
    return headers


def _first_errors(log: str) -> str:
    """The compiler's first error lines (with the location lines before them)."""
    lines = log.splitlines()
    first = next((i for i, line in enumerate(lines) if " error: " in line or line.startswith("error")), 0)
    start = max(0, first - 2)
    return "\n".join(lines[start:start + _ERROR_LINES])


def _run(command: list[str], what: str, log_path: Path) -> float:
    """Run one compiler command; raise ToolError with its first errors if it fails."""
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise ToolError(f"cannot run {command[0]}: {exc}\n"
                        "  fix: sudo apt-get install -y g++   (or: make setup)") from exc
    if done.returncode != 0:
        log = f"$ {' '.join(command)}\n{done.stdout}{done.stderr}"
        log_path.write_text(log)
        raise ToolError(f"{what} failed (exit {done.returncode}):\n{_first_errors(done.stderr or done.stdout)}\n"
                        f"  full compiler output: {log_path}")
    return time.perf_counter() - started


def compile_module(module_name: str, models: Sequence[tuple[str, ...]], sources: Mapping[str, str], out_dir: Path,
                   toolchain: NestToolchain | None = None, progress: Progress | None = None, *,
                   jobs: int = 2, cache: BuildCache | None = None) -> Path:
    """Write ``sources`` and a registration unit into ``out_dir``, compile them and link ``<module_name>.so``.

    ``models`` are ``(C++ class, NEST model name[, "synapse"])``; the class ``ns::foo`` is declared in ``foo.h``.
    Translation units compile in parallel (``jobs`` at a time), with NEST's precompiled headers when
    ``cache`` (default: the user's) holds them for this toolchain, and otherwise build them alongside
    (``targets/nest/pch.py``). Object files are removed after linking.
    Returns the path of the shared library, which ``install_module`` loads.
    """
    from portasnn.targets.nest import pch

    headers = _check_inputs(module_name, models, sources)
    toolchain = toolchain or detect()
    say = progress or (lambda _message: None)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    registration = render_module_source(module_name, models, headers)
    units = sorted(name for name in sources if name.endswith((".cpp", ".cc", ".cxx")))
    for name, text in sources.items():
        # the registration goes into the last unit rather than a unit of its own: NEST's headers are most of
        # the compile time of every translation unit
        (out_dir / name).write_text(text + ("\n" + registration if units and name == units[-1] else ""))
    if not units:
        (out_dir / f"{module_name}.cpp").write_text(registration)
        units = [f"{module_name}.cpp"]

    objects = [out_dir / f"{unit}.o" for unit in units]
    log_path = out_dir / "build.log"
    header = pch.find(toolchain, cache)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = []
        for unit, obj in zip(units, objects):
            command = toolchain.compile_command(out_dir / unit, obj)
            futures.append(pool.submit(_compile_one, command, unit, log_path, say, pch.flags(header)))
        if header is None and pch.enabled():
            pool.submit(_build_pch, toolchain, cache, say)  # waited for when the pool closes; never raises
        try:
            for future in concurrent.futures.as_completed(futures):
                future.result()
        except BaseException:
            for future in futures:
                future.cancel()
            raise
        library = out_dir / f"{module_name}.so"
        say(f"linking {library.name}")
        _run(toolchain.link_command(objects, library), f"linking {library.name}", log_path)
    for obj in objects:
        obj.unlink(missing_ok=True)
    return library


def _compile_one(command: list[str], unit: str, log_path: Path, say: Progress, pch_flags: Sequence[str] = ()) -> None:
    log = log_path.with_name(f"build-{Path(unit).stem}.log")
    if pch_flags:
        say(f"compiling {unit} (NEST's headers precompiled)")
        try:
            _run([command[0], *pch_flags, *command[1:]], f"compiling {unit}", log)
            return
        except ToolError as exc:
            if "invalid-pch" not in str(exc):
                raise
            say(f"the precompiled NEST headers do not fit these flags; compiling {unit} without them")
    else:
        say(f"compiling {unit}")
    _run(command, f"compiling {unit}", log)


def _build_pch(toolchain: NestToolchain, cache: BuildCache | None, say: Progress) -> None:
    """Precompile NEST's headers for the builds after this one; a failure costs only the speed-up."""
    from portasnn.targets.nest import pch

    try:
        pch.build(toolchain, cache, say)
    except ToolError as exc:
        say(f"precompiling NEST's headers failed; models compile without them: {str(exc).splitlines()[0]}")


def _nest_error_types() -> tuple[type[BaseException], ...]:
    import nest

    base = getattr(nest, "NESTError", None)
    return (base,) if isinstance(base, type) else (RuntimeError,)


def install_module(so_path: Path, module_name: str, model_names: Sequence[str]) -> None:
    """Load a module built by ``compile_module`` into the running NEST, unless its models are there already.

    Safe to call repeatedly and again after ``nest.ResetKernel()`` (which unloads every module).
    """
    import nest

    so_path = Path(so_path).resolve()
    if so_path.suffix != ".so" or so_path.stem != module_name:
        raise InternalError(f"{so_path} is not the library of module {module_name!r} ({module_name}.so)")
    known = set(nest.node_models) | set(nest.synapse_models)
    present = [name for name in model_names if name in known]
    if model_names and len(present) == len(model_names):
        return
    if present:
        raise ToolError(f"NEST already knows the model(s) {', '.join(present)} but not "
                        f"{', '.join(n for n in model_names if n not in known)}; another module registered them\n"
                        "  fix: call nest.ResetKernel() before installing this module")
    if not so_path.is_file():
        raise ToolError(f"the NEST module {so_path} does not exist (was the build cache cleared?)\n"
                        "  fix: build the model again")
    try:
        nest.Install(str(so_path.with_suffix("")))
    except _nest_error_types() as exc:
        raise ToolError(f"NEST could not load {so_path}: {exc}") from exc
    missing = [name for name in model_names if name not in set(nest.node_models) | set(nest.synapse_models)]
    if missing:
        raise ToolError(f"module {module_name} loaded but did not register {', '.join(missing)}")



@dataclass(frozen=True)
class BuiltModule:
    """A NEST module in the build cache: its name, library and the models it registers."""

    module_name: str
    library: Path
    models: tuple[tuple[str, ...], ...]  # (C++ class, NEST model name[, "synapse"])
    entry: CacheEntry

    @property
    def model_names(self) -> list[str]:
        """The NEST names of its neuron and synapse models."""
        return [nest_name for _cxx, nest_name, *_kind in self.models]

    def install(self) -> None:
        """Load into the running NEST (see ``install_module``)."""
        install_module(self.library, self.module_name, self.model_names)

    @classmethod
    def from_entry(cls, entry: CacheEntry) -> BuiltModule:
        """The module stored in a cache entry made by ``build_cached_module``."""
        result = entry.meta.get("result", {})
        try:
            return cls(module_name=result["module_name"], library=entry.path / result["library"],
                       models=tuple((c, n, *k) for c, n, *k in result["models"]), entry=entry)
        except (KeyError, TypeError, ValueError) as exc:
            raise InternalError(f"cache entry {entry.path} does not describe a NEST module: {exc}") from exc


ModuleRecipe = Callable[[str], tuple[Sequence[tuple[str, ...]], Mapping[str, str]]]


def module_cache_key(key_parts: Mapping[str, object], toolchain: NestToolchain) -> str:
    """The cache key of a NEST module: the caller's inputs plus target, portasnn and toolchain versions."""
    from portasnn import __version__

    return cache_key({"target": "nest", "portasnn": __version__, "toolchain": toolchain.fingerprint(),
                      "module_template": (TEMPLATES / "module.cpp.j2").read_text(), "inputs": dict(key_parts)})


def build_cached_module(prefix: str, key_parts: Mapping[str, object], recipe: ModuleRecipe, *, label: str,
                        cache: BuildCache | None = None, toolchain: NestToolchain | None = None,
                        progress: Progress | None = None) -> BuiltModule:
    """Build (or reuse) the module ``<prefix>_<short key>`` made by ``recipe``.

    ``key_parts`` must name everything the sources depend on (e.g. the canonical IR); the key adds
    the toolchain fingerprint. ``recipe(suffix)`` is called only on a cache miss, with the short
    key, and returns ``(models, sources)`` as ``compile_module`` takes them (so class and NEST model
    names can carry the hash).
    """
    toolchain = toolchain or detect()
    cache = cache or BuildCache()
    key = module_cache_key(key_parts, toolchain)
    suffix = short_key(key)
    module_name = f"{prefix}_{suffix}"

    def build(directory: Path) -> dict:
        models, sources = recipe(suffix)
        library = compile_module(module_name, models, sources, directory, toolchain, progress, cache=cache)
        return {"module_name": module_name, "library": library.name, "models": [list(m) for m in models]}

    entry = cache.get_or_build(key, build, label=label, progress=progress,
                               inputs={"prefix": prefix, "toolchain": toolchain.fingerprint()})
    return BuiltModule.from_entry(entry)
