#!/usr/bin/env python3
"""Build time of one NESTML model: portasnn against NESTML's own NEST generator, cold and warm.

    nice .venv/bin/python benchmarks/bench_build.py [--model iaf_psc_exp_neuron] [--repeats 2] [--warm 5]

Cold: ``portasnn.build`` with an empty module cache (a fresh ``PORTASNN_CACHE_DIR``) and NESTML's
``generate_nest_target`` (code generation, cmake, make, install) on the same model, each in a
fresh process, in rotating order. portasnn runs in three variants: ``portasnn_pch`` with NEST's
headers precompiled before (``targets/nest/pch.py``; made once per NEST installation and compiler, its
time reported apart, the entry hard-linked into each fresh cache), ``portasnn`` without them
(``PORTASNN_NEST_PCH=0``) and ``portasnn_first`` (an empty cache: the first build on a machine, which
precompiles them alongside). Each child times ``import <tool>`` plus the build
call; the whole process (interpreter start included) is timed from outside, and the CPU time of
the child and everything it ran (compilers, cmake) comes from ``os.wait4``. The ratios reported are
medians over the repetitions of the per-repetition ratios (each variant / NESTML, and with / without
precompiled headers).

Warm: the model is unchanged and its module is in the cache; a new process runs
``import portasnn; portasnn.build(...)`` (the build call timed inside the process), and the whole
``portasnn build --target nest FILE --json`` command is timed from outside.

NESTML's builder runs the wheel's ``nest-config``, which describes the machine the wheel was built
on; ``nestml_config_dir`` writes a corrected one (prefix and headers inside the installed ``nest``
package, ``g++``, no libraries, ``-D_GLIBCXX_USE_CXX11_ABI=0``; the wheel's own ``--cflags``,
which carry ``-fopenmp -O3 -std=c++20``) and hands it to NESTML through ``codegen_opts["nest_path"]``.
``nestml_module`` keeps a NESTML-built module under the portasnn cache for the other benchmarks.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.metadata
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
ZOO = Path(sys.prefix) / "models" / "neurons"
NESTML_MODULE = "nestmlbenchmodule"

# The flags the wheel's nest-config reports under --cflags (NEST's own build flags), plus the ABI
# setting of the kernel, which the wheel's script does not report.
WHEEL_CFLAGS = "-Wall -fopenmp -O2 -O3 -DNDEBUG -std=c++20"
NEST_CONFIG = """#!/bin/sh
# nest-config for the pip-installed NEST {version}, written by benchmarks/bench_build.py
for arg in "$@"; do
  case "$arg" in
    --prefix|--exec-prefix) echo "{package}" ;;
    --includes) echo "-I{package}/include/nest -I/usr/include" ;;
    --cflags) echo "{cflags} -D_GLIBCXX_USE_CXX11_ABI={abi}" ;;
    --libs) echo "" ;;
    --compiler) echo "{cxx}" ;;
    --compiler-name) echo "GNU" ;;
    --version) echo "{version}" ;;
    --static-libraries) echo "OFF" ;;
    --libdir) echo "lib" ;;
    *) echo "nest-config: unsupported option $arg" >&2; exit 1 ;;
  esac
done
"""


def machine() -> dict:
    """What the figures were measured on."""
    return {"date_utc": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M"), "host": platform.node(),
            "cpu": _cpu_model(), "cpus": os.cpu_count(), "load_average_1min": round(os.getloadavg()[0], 2),
            "python": platform.python_version(), "nest": importlib.metadata.version("nest-simulator"),
            "nestml": importlib.metadata.version("nestml")}


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def nestml_config_dir(dest: Path) -> Path:
    """Write ``dest/bin/nest-config`` for the installed NEST; return ``dest`` (NESTML's ``nest_path``)."""
    from portasnn.targets.nest.toolchain import detect

    tc = detect()
    script = dest / "bin" / "nest-config"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(NEST_CONFIG.format(version=tc.nest_version, package=tc.nest_package_dir, cflags=WHEEL_CFLAGS,
                                         abi=tc.cxx11_abi, cxx=tc.cxx))
    script.chmod(0o755)
    return dest


def run_child(code: str, env: dict | None = None, args: list[str] | None = None) -> dict:
    """Run ``python -c code`` (which prints one JSON line last); add its wall and CPU seconds."""
    cmd = [sys.executable, "-c", code, *(args or [])]
    return run_command(cmd, env, parse_json=True)


def run_command(cmd: list[str], env: dict | None = None, *, parse_json: bool = False) -> dict:
    """Run ``cmd``; its wall seconds, its CPU seconds (with what it waited for) and, if asked, its JSON."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, env={**os.environ, **(env or {})})
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd[:3])} ... failed:\n{stdout[-3000:]}\n{stderr[-3000:]}")
    result = _last_json(stdout) if parse_json else {}
    return {**result, "process_wall_s": wall, "process_cpu_s": usage.ru_utime + usage.ru_stime}


def _last_json(text: str) -> dict:
    """The JSON object that ends ``text`` (one line, or pretty-printed over several)."""
    text = text.strip()
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return json.loads(text.splitlines()[-1])


PORTASNN_CHILD = textwrap.dedent("""
    import json, sys, time
    t0 = time.perf_counter()
    import portasnn
    t1 = time.perf_counter()
    events = []
    art = portasnn.build(sys.argv[1], target="nest",
                         progress=lambda m: events.append((time.perf_counter() - t1, m)))
    t2 = time.perf_counter()
    compiling = [t for t, m in events if m.startswith("compiling")]
    phases = {"analyse_and_lower_s": compiling[0], "compile_and_link_s": t2 - t1 - compiling[0]} if compiling else {}
    print(json.dumps({"import_and_build_s": t2 - t0, "build_call_s": t2 - t1, "cached": art.cached, **phases,
                      "progress": events, "module": str(art.module_path), "nest_models": art.nest_models}))
""")

NESTML_CHILD = textwrap.dedent("""
    import contextlib, json, os, sys, time
    model, target, install, nest_path, module = sys.argv[1:6]
    t0 = time.perf_counter()
    from pynestml.frontend.pynestml_frontend import generate_nest_target
    t1, epoch = time.perf_counter(), time.time()
    with contextlib.redirect_stdout(sys.stderr):
        generate_nest_target(model, target_path=target, install_path=install, module_name=module,
                             logging_level="ERROR", codegen_opts={"nest_path": nest_path})
    t2 = time.perf_counter()
    generated = os.path.getmtime(os.path.join(target, "CMakeLists.txt")) - epoch  # code generation ends with it
    print(json.dumps({"import_and_build_s": t2 - t0, "build_call_s": t2 - t1, "generate_s": generated,
                      "cmake_make_install_s": t2 - t1 - generated}))
""")


def portasnn_build(model: Path, cache: Path, env: dict | None = None) -> dict:
    """``portasnn.build(model)`` in a fresh process with ``PORTASNN_CACHE_DIR=cache`` (and ``env``)."""
    return run_child(PORTASNN_CHILD, {"PORTASNN_CACHE_DIR": str(cache), **(env or {})}, [str(model)])


def nestml_build(model: Path, work: Path, nest_path: Path) -> dict:
    """NESTML's ``generate_nest_target(model)`` in a fresh process; the module lands in ``work/install``."""
    return run_child(NESTML_CHILD, None, [str(model), str(work / "target"), str(work / "install"), str(nest_path),
                                          NESTML_MODULE])


def nestml_module(model: Path) -> Path:
    """A NESTML-built NEST module of ``model`` (path without ``.so``), built once and kept in the cache.

    The entry is named by the model's bytes, the nestml and NEST versions and the nest-config used,
    and is moved into place only when complete.
    """
    from portasnn import paths

    with tempfile.TemporaryDirectory(prefix="nestml_cfg_") as tmp:
        nest_path = nestml_config_dir(Path(tmp))
        config = (nest_path / "bin" / "nest-config").read_text()
        key = hashlib.sha256("|".join([importlib.metadata.version("nestml"), machine()["nest"], config,
                                       hashlib.sha256(model.read_bytes()).hexdigest()]).encode()).hexdigest()[:16]
        entry = paths.cache_dir() / "benchmarks" / f"nestml_{model.stem}_{key}"
        library = entry / f"{NESTML_MODULE}.so"
        if not library.is_file():
            print(f"building {model.name} with NESTML (once; kept in {entry.parent}) ...", flush=True)
            entry.parent.mkdir(parents=True, exist_ok=True)
            work = Path(tempfile.mkdtemp(prefix=f".tmp-{entry.name}-", dir=entry.parent))
            try:
                nestml_build(model, work, nest_path)
                shutil.rmtree(entry, ignore_errors=True)
                (work / "install").rename(entry)
            finally:
                shutil.rmtree(work, ignore_errors=True)
    return library.with_suffix("")


# cold portasnn variants: the environment of the build and whether NEST's precompiled headers are in its cache
VARIANTS = {
    "portasnn_pch": ({}, True),                           # headers precompiled before (once per NEST and compiler)
    "portasnn": ({"PORTASNN_NEST_PCH": "0"}, False),      # without precompiled headers
    "portasnn_first": ({}, False),                        # the first build on a machine: precompiles alongside
}


def seed_pch(directory: Path) -> tuple[Path, float]:
    """Build NEST's precompiled header into a cache of its own; (its entry, seconds it took)."""
    from portasnn.cache import BuildCache
    from portasnn.targets.nest import pch
    from portasnn.targets.nest.toolchain import detect

    started = time.perf_counter()
    header = pch.build(detect(), BuildCache(directory / "builds"))
    return header.parent, time.perf_counter() - started


def cold(model: Path, repeats: int) -> tuple[list[dict], float]:
    """Cold builds, the portasnn variants and NESTML in rotating order; one record per repetition."""
    records = []
    tools = [*VARIANTS, "nestml"]
    with tempfile.TemporaryDirectory(prefix="bench_build_") as tmp:
        nest_path = nestml_config_dir(Path(tmp) / "nestcfg")
        pch_entry, pch_seconds = seed_pch(Path(tmp) / "pchseed")
        print(f"  NEST's headers precompiled once in {pch_seconds:.1f} s", flush=True)
        for rep in range(repeats):
            order = tools[rep % len(tools):] + tools[:rep % len(tools)]
            record = {"order": order}
            for tool in order:
                work = Path(tmp) / f"{tool}{rep}"
                work.mkdir()
                if tool in VARIANTS:
                    env, seeded = VARIANTS[tool]
                    if seeded:  # hard links: the entry as the first build leaves it
                        shutil.copytree(pch_entry, work / "cache" / "builds" / pch_entry.name, copy_function=os.link)
                    record[tool] = portasnn_build(model, work / "cache", env)
                    if record[tool]["cached"]:
                        sys.exit("portasnn reported a cache hit in an empty cache")
                    used = any("(NEST's headers precompiled)" in m for _, m in record[tool]["progress"])
                    if used != seeded:
                        sys.exit(f"{tool}: precompiled headers used: {used}, expected {seeded}")
                else:
                    record[tool] = nestml_build(model, work, nest_path)
                    if not (work / "install" / f"{NESTML_MODULE}.so").is_file():
                        sys.exit("NESTML's build did not install its module")
                shutil.rmtree(work, ignore_errors=True)
                r = record[tool]
                split = (f"analyse+lower {r['analyse_and_lower_s']:5.1f} s, compile {r['compile_and_link_s']:5.1f} s"
                         if tool != "nestml" else
                         f"generate {r['generate_s']:5.1f} s, cmake+make {r['cmake_make_install_s']:5.1f} s")
                print(f"  cold {rep + 1}/{repeats} {tool:<15} import+build {r['import_and_build_s']:6.2f} s ({split})   "
                      f"process {r['process_wall_s']:6.2f} s wall, {r['process_cpu_s']:6.2f} s CPU", flush=True)
            records.append(record)
    return records, pch_seconds


def warm(model: Path, repeats: int) -> list[dict]:
    """Warm builds in new processes: the API call, and the whole ``portasnn build`` command."""
    cli = Path(sys.executable).with_name("portasnn")
    records = []
    with tempfile.TemporaryDirectory(prefix="bench_build_warm_") as tmp:
        cache = Path(tmp) / "cache"
        first = portasnn_build(model, cache)
        print(f"  warm: cache filled by one cold build ({first['build_call_s']:.1f} s)", flush=True)
        for rep in range(repeats):
            api = portasnn_build(model, cache)
            command = run_command([str(cli), "build", "--target", "nest", str(model), "--json"],
                                  {"PORTASNN_CACHE_DIR": str(cache)}, parse_json=True)
            if not (api["cached"] and command.get("cached")):
                sys.exit(f"warm build was not served from the cache: {api} {command}")
            records.append({"api": api, "cli": command})
            print(f"  warm {rep + 1}/{repeats}: build call {api['build_call_s']:.3f} s, import+build "
                  f"{api['import_and_build_s']:.3f} s, `portasnn build` {command['process_wall_s']:.3f} s wall",
                  flush=True)
    return records


def median(values) -> float:
    return float(statistics.median(values))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument("--model", default="iaf_psc_exp_neuron", help="a model of the nestml zoo, or a .nestml path")
    parser.add_argument("--repeats", type=int, default=2, help="cold builds per tool (alternating order)")
    parser.add_argument("--warm", type=int, default=5, help="warm builds (new process each)")
    args = parser.parse_args()
    model = Path(args.model) if args.model.endswith(".nestml") else ZOO / f"{args.model}.nestml"
    if not model.is_file():
        sys.exit(f"{model}: no such model file")
    print(f"build benchmark: {model.name}; {args.repeats} cold builds per tool, {args.warm} warm", flush=True)
    cold_runs, pch_seconds = cold(model, args.repeats)
    warm_runs = warm(model, args.warm)

    def ratio(tool: str, field: str, over: str = "nestml") -> float:
        return median(r[tool][field] / r[over][field] for r in cold_runs)

    summary = {
        "cold_ratio_portasnn_over_nestml": {t: ratio(t, "import_and_build_s") for t in VARIANTS},
        "cold_ratio_process_wall": {t: ratio(t, "process_wall_s") for t in VARIANTS},
        "cold_ratio_process_cpu": {t: ratio(t, "process_cpu_s") for t in VARIANTS},
        "cold_ratio_pch_over_no_pch": {f: ratio("portasnn_pch", f, "portasnn")
                                       for f in ("import_and_build_s", "compile_and_link_s", "process_cpu_s")},
        "cold_s": {t: median(r[t]["import_and_build_s"] for r in cold_runs) for t in [*VARIANTS, "nestml"]},
        "cold_cpu_s": {t: median(r[t]["process_cpu_s"] for r in cold_runs) for t in [*VARIANTS, "nestml"]},
        "cold_portasnn_phases_s": {t: {k: median(r[t][k] for r in cold_runs)
                                       for k in ("analyse_and_lower_s", "compile_and_link_s")} for t in VARIANTS},
        "cold_nestml_phases_s": {k: median(r["nestml"][k] for r in cold_runs)
                                 for k in ("generate_s", "cmake_make_install_s")},
        "pch_build_s": pch_seconds,
        "warm_build_call_s": median(r["api"]["build_call_s"] for r in warm_runs),
        "warm_import_and_build_s": median(r["api"]["import_and_build_s"] for r in warm_runs),
        "warm_cli_wall_s": median(r["cli"]["process_wall_s"] for r in warm_runs),
        "goals": {"cold_ratio": 0.5, "warm_s": 0.3},
    }
    for t in VARIANTS:
        print(f"cold build  {t:<15} {summary['cold_s'][t]:6.2f} s, NESTML {summary['cold_s']['nestml']:6.2f} s: "
              f"ratio {summary['cold_ratio_portasnn_over_nestml'][t]:.3f} (goal <= 0.5; process wall "
              f"{summary['cold_ratio_process_wall'][t]:.3f}, CPU {summary['cold_ratio_process_cpu'][t]:.3f})")
    print(f"precompiled headers: with / without {summary['cold_ratio_pch_over_no_pch']['import_and_build_s']:.3f} "
          f"(compile {summary['cold_ratio_pch_over_no_pch']['compile_and_link_s']:.3f}, "
          f"CPU {summary['cold_ratio_pch_over_no_pch']['process_cpu_s']:.3f}); precompiling once {pch_seconds:.1f} s")
    print(f"warm build  call {summary['warm_build_call_s']:.3f} s, import+call "
          f"{summary['warm_import_and_build_s']:.3f} s, `portasnn build` command "
          f"{summary['warm_cli_wall_s']:.3f} s wall (goal <= 0.3 s)")
    RESULTS.mkdir(parents=True, exist_ok=True)
    record = {"benchmark": "build", "model": model.name, "repeats": args.repeats, "summary": summary,
              "cold": cold_runs, "warm": warm_runs, "machine": machine()}
    path = RESULTS / "build.json"
    path.write_text(json.dumps(_no_machine_paths(record), indent=2) + "\n")
    print(f"saved {path.relative_to(ROOT)}")


def _no_machine_paths(value):  # noqa: ANN001, ANN202
    """The record with every absolute path cut to its file name: the results are kept in the repository."""
    if isinstance(value, dict):
        return {k: _no_machine_paths(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_no_machine_paths(v) for v in value]
    if isinstance(value, str) and value.startswith("/") and "\n" not in value and " " not in value:
        return Path(value).name
    return value


if __name__ == "__main__":
    main()
