"""``portasnn doctor``: check the toolchain, say how to fix each gap, prove the NEST path with a real build."""
from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

import click

from portasnn import paths
from portasnn.errors import ToolError

if TYPE_CHECKING:
    from portasnn.cache import BuildCache
    from portasnn.targets.nest.compile import BuiltModule
    from portasnn.targets.nest.toolchain import NestToolchain

Progress = Callable[[str], None]

OK, WARN, FAIL, INFO = "ok", "warn", "fail", "info"
APT = "sudo apt-get install -y {}   (or: make setup)"
PIP_NEST = "{} -m pip install 'nest-simulator>=3.10,<3.11'   (or: make setup)"

# The probe neuron: constant current into a leaky membrane, no spike within 1 ms, so
# V_m(1 ms) = E_L + I_e * tau_m / C_m * (1 - exp(-1 / tau_m)) exactly.
PROBE_PARAMS = {"E_L": -70.0, "V_m": -70.0, "I_e": 250.0, "tau_m": 10.0, "C_m": 250.0, "V_th": -55.0}
PROBE_SOURCES = ("portasnn_doctor_probe.h", "portasnn_doctor_probe.cpp")
PROBE_SCRIPT = r"""
import json, os, sys
os.environ["PYNEST_QUIET"] = "1"
from pathlib import Path
import nest
nest.verbosity = nest.VerbosityLevel.ERROR
info = nest.GetKernelStatus("build_info")
print(json.dumps({"version": nest.__version__, "have_mpi": bool(info.get("have_mpi")),
                  "threads_model": info.get("threads_model", "")}), flush=True)
if len(sys.argv) > 1:
    from portasnn.targets.nest.compile import install_module
    library, module, model, params = sys.argv[1], sys.argv[2], sys.argv[3], json.loads(sys.argv[4])
    install_module(Path(library), module, [model])
    node = nest.Create(model, params=params)
    nest.Simulate(1.0)
    print(json.dumps({"V_m": node.get("V_m")}), flush=True)
"""


@dataclass(frozen=True)
class Check:
    """One line of the doctor's report."""

    name: str
    status: str
    detail: str
    fix: str = ""
    required: bool = True


def _python() -> Check:
    version = ".".join(map(str, sys.version_info[:3]))
    if sys.version_info >= (3, 11):
        return Check("Python", OK, f"{version} ({sys.executable})")
    return Check("Python", FAIL, f"{version}; portasnn needs Python >= 3.11",
                 "make setup   (creates .venv with Python >= 3.11)")


def _toolchain_checks() -> tuple[list[Check], NestToolchain | None]:
    """Checks of NEST's headers and kernel, g++ and the Debian headers; the toolchain if complete."""
    from portasnn.targets.nest import toolchain as tc

    checks: list[Check] = []
    try:
        package = tc.find_nest_package()
    except ToolError:
        return [Check("NEST package", FAIL, "the Python package 'nest' is not installed",
                      PIP_NEST.format(sys.executable))], None
    try:
        include = tc.nest_include_dir(package)
        checks.append(Check("NEST headers", OK, f"{include} (nest {tc.nest_version(include)})"))
    except ToolError as exc:
        checks.append(Check("NEST headers", FAIL, str(exc).splitlines()[0],
                            PIP_NEST.format(sys.executable) + " --force-reinstall"))
    try:
        library = tc.kernel_library(package)
        abi, how = tc.kernel_cxx11_abi(library)
        checks.append(Check("C++ ABI", OK if "assuming" not in how else WARN, f"-D_GLIBCXX_USE_CXX11_ABI={abi}: {how}"))
    except ToolError as exc:
        checks.append(Check("NEST kernel library", FAIL, str(exc).splitlines()[0],
                            PIP_NEST.format(sys.executable) + " --force-reinstall"))
    std, source = tc.nest_config_std(package)
    checks.append(Check("C++ standard", OK if "not found" not in source else WARN, f"{std} (from {source})"))
    try:
        cxx, version = tc.find_compiler()
        checks.append(Check("g++", OK, f"{version} ({cxx})"))
    except ToolError:
        checks.append(Check("g++", FAIL, "the C++ compiler g++ is not installed", APT.format("g++")))
    for name, (header, package_name) in tc.REQUIRED_HEADERS.items():
        where = tc.find_header(header)
        if where is None:
            checks.append(Check(f"{name} headers", FAIL, f"{header} not found", APT.format(package_name)))
        else:
            checks.append(Check(f"{name} headers", OK, str(where / header)))
    if any(c.status == FAIL for c in checks):
        return checks, None
    try:
        return checks, tc.detect()
    except ToolError as exc:
        return checks + [Check("NEST toolchain", FAIL, str(exc))], None


def _cache_check() -> Check:
    root = paths.cache_dir() / "builds"
    try:
        root.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=root, prefix=".doctor-"):
            pass
    except OSError as exc:
        return Check("build cache", FAIL, f"{root} is not writable: {exc}",
                     f"mkdir -p {root} && chmod u+w {root}   (or set PORTASNN_CACHE_DIR to a writable directory)")
    return Check("build cache", OK, str(root))


def build_probe(toolchain: NestToolchain | None = None, progress: Progress | None = None,
                cache: BuildCache | None = None) -> BuiltModule:
    """The doctor's probe module (``portasnn_doctor_probe``), built through the build cache."""
    from portasnn.targets.nest.compile import TEMPLATES, build_cached_module

    sources = {name: (TEMPLATES / name).read_text() for name in PROBE_SOURCES}

    def recipe(suffix: str):
        return [("portasnn_doctor_probe", f"portasnn_doctor_probe_{suffix}")], sources

    return build_cached_module("portasnn_doctor", {"sources": sources}, recipe, label="doctor probe",
                               cache=cache, toolchain=toolchain, progress=progress)


def _probe_build(toolchain: NestToolchain, progress: Progress | None) -> tuple[Check, BuiltModule | None]:
    started = time.perf_counter()
    try:
        module = build_probe(toolchain, progress)
    except ToolError as exc:
        return Check("NEST module build", FAIL, str(exc), "fix the checks above, then run portasnn doctor again"), None
    seconds = time.perf_counter() - started
    how = "from the cache" if module.entry.hit else f"compiled in {seconds:.1f} s"
    return Check("NEST module build", OK, f"{module.library.name} {how}"), module


def _nest_checks(module: BuiltModule | None) -> list[Check]:
    """Import NEST in a child process (a broken module may crash it); install the probe, simulate 1 ms."""
    params = dict(PROBE_PARAMS)
    command = [sys.executable, "-c", PROBE_SCRIPT]
    if module is not None:
        command += [str(module.library), module.module_name, module.model_names[0], json.dumps(params)]
    env = {**os.environ, "PYNEST_QUIET": "1"}
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, check=False)
    except subprocess.TimeoutExpired:
        return [Check("NEST run", FAIL, "importing NEST, loading the probe and simulating 1 ms took over 300 s")]
    results = []
    for line in done.stdout.splitlines():
        try:
            results.append(json.loads(line))
        except ValueError:
            continue
    tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-6:])
    if not results or "version" not in results[0]:
        return [Check("NEST import", FAIL, f"`import nest` failed (exit {done.returncode}):\n{tail}",
                      PIP_NEST.format(sys.executable) + " --force-reinstall")]
    info = results[0]
    checks = [Check("NEST import", OK, f"nest {info['version']} (threads: {info['threads_model'] or 'none'})"),
              _mpi_check(bool(info["have_mpi"]))]
    if module is None:
        return checks
    if done.returncode != 0 or len(results) < 2:
        return checks + [Check("NEST run", FAIL, f"installing {module.module_name} into NEST failed "
                                                  f"(exit {done.returncode}):\n{tail}",
                               "check the C++ ABI and NEST header lines above; reinstall NEST: "
                               + PIP_NEST.format(sys.executable))]
    v_m = float(results[1]["V_m"])
    expected = params["E_L"] + params["I_e"] * params["tau_m"] / params["C_m"] * (1 - math.exp(-1 / params["tau_m"]))
    if math.isclose(v_m, expected, rel_tol=1e-12):
        return checks + [Check("NEST run", OK, f"installed {module.model_names[0]}, simulated 1 ms: "
                                                f"V_m = {v_m:.9f} mV as expected")]
    return checks + [Check("NEST run", FAIL, f"the probe's V_m after 1 ms is {v_m!r} mV, expected {expected!r} mV",
                           "the module loads but computes wrongly: check the C++ ABI and compiler lines above")]


def _mpi_check(have_mpi: bool) -> Check:
    """Whether `portasnn run --processes N` can work: a NEST with MPI and an MPI launcher."""
    launcher = shutil.which("srun") if os.environ.get("SLURM_JOB_ID") else shutil.which("mpirun")
    if have_mpi:
        return Check("NEST MPI", INFO, f"with MPI (--processes N launches {launcher or 'mpirun: not on PATH'})",
                     "" if launcher else "make setup-mpi", required=False)
    return Check("NEST MPI", INFO, "without MPI (the pip wheel has none): --processes N is unavailable",
                 "make setup-mpi   (OpenMPI + NEST built with MPI, about 15 minutes once)", required=False)


def _tool_version(program: str) -> str | None:
    path = shutil.which(program)
    if path is None:
        return None
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return path
    text = (out.stdout or out.stderr).strip().splitlines()
    return f"{text[0] if text else 'unknown version'} ({path})"


def _optional_checks() -> list[Check]:
    checks = []
    if importlib.util.find_spec("spynnaker") is not None:
        checks.append(Check("sPyNNaker", OK, importlib.metadata.version("sPyNNaker"), required=False))
    else:
        checks.append(Check("sPyNNaker", WARN, "not installed (needed for --target spinnaker)",
                            f"{sys.executable} -m pip install 'sPyNNaker==1!7.4.1'   (or: make setup)", required=False))
    for program, package, use in (("arm-none-eabi-gcc", "gcc-arm-none-eabi", "SpiNNaker C builds"),
                                  ("arm-linux-gnueabi-gcc", "gcc-arm-linux-gnueabi", "the ARM fixed-point reference"),
                                  ("qemu-arm", "qemu-user", "running the ARM fixed-point reference"),
                                  ("java", "default-jre-headless", "regenerating the network-language parser")):
        version = _tool_version(program)
        if version is None:
            checks.append(Check(program, WARN, f"not found (needed for {use})", APT.format(package), required=False))
        else:
            checks.append(Check(program, OK, version, required=False))
    checks.append(_spinnaker_sources_check())
    return checks


def _spinnaker_sources_check() -> Check:
    """Where sPyNNaker's ARM build finds the SpiNNaker C sources (SPINN_DIRS, NEURAL_MODELLING_DIRS)."""
    paths = {v: os.environ.get(v, "") for v in ("SPINN_DIRS", "NEURAL_MODELLING_DIRS")}
    missing = [v for v, p in paths.items() if not p or not os.path.isdir(p)]
    if missing:
        return Check("SpiNNaker C sources", INFO,
                     f"{' and '.join(missing)} not set to a directory: `portasnn build --target spinnaker` writes "
                     "everything but the .aplx binaries", "see benchmarks/arm_make_check.sh", required=False)
    return Check("SpiNNaker C sources", OK, ", ".join(f"{v}={p}" for v, p in paths.items()),
                 required=False)


def run_checks(progress: Progress | None = None) -> list[Check]:
    """All checks, in report order."""
    checks = [_python()]
    toolchain_checks, toolchain = _toolchain_checks()
    checks += toolchain_checks
    checks.append(_cache_check())
    module = None
    if toolchain is not None and checks[-1].status == OK:
        build, module = _probe_build(toolchain, progress)
        checks.append(build)
    else:
        checks.append(Check("NEST module build", FAIL, "skipped: fix the failed checks above first", "make setup"))
    if toolchain is not None or any(c.name == "NEST headers" for c in checks):
        checks += _nest_checks(module)
    return checks + _optional_checks()


def _print_table(checks: list[Check]) -> None:
    from rich.console import Console
    from rich.table import Table

    style = {OK: "green", WARN: "yellow", FAIL: "bold red", INFO: "cyan"}
    table = Table(title="portasnn doctor", show_lines=False)
    columns = ("check", "status", "detail", "fix") if any(c.fix for c in checks) else ("check", "status", "detail")
    for column in columns:
        table.add_column(column, overflow="fold")
    for check in checks:
        name = check.name if check.required else f"{check.name} (optional)"
        cells = (name, f"[{style[check.status]}]{check.status}[/]", check.detail, check.fix)
        table.add_row(*cells[:len(columns)])
    Console().print(table)


def _site_report(site: str, walltime: str | None, nodes: int | None, timeout: float, as_json: bool) -> None:
    """``doctor --site``: one line per check of a UNICORE site; exit 1 when a check fails."""
    from portasnn.runtime.site_check import FAIL as SITE_FAIL
    from portasnn.runtime.site_check import check_site

    checks = check_site(site, walltime=walltime, nodes=nodes, timeout_s=timeout)
    ok = not any(c.status == SITE_FAIL for c in checks)
    if as_json:
        click.echo(json.dumps({"site": site.lower(), "ok": ok, "checks": [asdict(c) for c in checks]}, indent=2))
    else:
        width = max(len("cpus per node"), *(len(c.name) for c in checks))
        for c in checks:
            mark = {"fail": "FAIL"}.get(c.status, c.status)
            code = f" [{c.code}]" if c.code else ""
            click.echo(f"{mark:<4}  {c.name:<{width}}  {c.detail}{code}")
            if c.fix and c.status != "ok":
                click.echo(f"{'':<4}  {'':<{width}}  -> {c.fix}")
        click.echo(f"site {site.lower()}: " + ("fit for a submission" if ok else "not fit for a submission: "
                                               "fix the FAIL lines above"))
    if not ok:
        raise click.exceptions.Exit(1)


@click.command(name="doctor")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object instead of a table.")
@click.option("--site", default=None, metavar="SITE",
              help="Check a UNICORE site of sites.toml (token, image, queue, project, limits), or nmpi (token, collab, "
                   "quota), instead of the toolchain.")
@click.option("--walltime", default=None, metavar="DURATION", help="With --site: the walltime to check (30m, 2h, "
                                                                     "HH:MM:SS); default: the site's runtime.")
@click.option("--nodes", type=int, default=None, help="With --site: the node count to check; default: the site's.")
@click.option("--timeout", type=float, default=10.0, show_default=True,
              help="With --site: seconds to wait for each answer of the site (asked once, no retries).")
def doctor(as_json: bool, site: str | None, walltime: str | None, nodes: int | None, timeout: float) -> None:
    """Check the toolchain and say how to fix what is missing; exit 0 only if NEST builds work.

    With --site SITE: check what a UNICORE site (or, with --site nmpi, the Neuromorphic Platform)
    reports before a submission; exit 0 when it is fit (warnings allowed), 1 when a check fails, 2 for
    an unknown site.

    Example: portasnn doctor --json; portasnn doctor --site jusuf --walltime 2h
    """
    if site is not None:
        return _site_report(site, walltime, nodes, timeout, as_json)
    if walltime is not None or nodes is not None:
        raise click.BadOptionUsage("walltime", "--walltime and --nodes go with --site SITE")
    def progress(message: str) -> None:
        if not as_json:
            click.echo(f"  probe: {message}", err=True)

    checks = run_checks(progress)
    ok = not any(c.status == FAIL and c.required for c in checks)
    if as_json:
        click.echo(json.dumps({"ok": ok, "checks": [asdict(c) for c in checks]}, indent=2))
    else:
        _print_table(checks)
        click.echo("NEST builds work." if ok else "NEST builds do not work yet: apply the fixes above.", err=not ok)
    if not ok:
        raise click.exceptions.Exit(1)
