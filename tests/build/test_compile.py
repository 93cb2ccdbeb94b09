"""Compiling generated C++ into a NEST module and loading it into the running NEST."""
from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from portasnn.errors import InternalError, ToolError
from portasnn.targets.nest.compile import compile_module, install_module, render_module_source

HERE = Path(__file__).parent
PARAMS = {"E_L": -70.0, "C_m": 250.0, "tau_m": 10.0, "t_ref": 2.0, "V_th": -55.0, "V_reset": -70.0, "I_e": 120.0}


def test_registration_unit_names_the_ltdl_symbol():
    text = render_module_source("mod_abc", [("ns::cls", "cls_abc")], ["cls.h"])
    assert "mod_abc_extension mod_abc_LTX_module;" in text
    assert '#include "cls.h"' in text
    assert 'nest::register_node_model< ns::cls >( "cls_abc" );' in text


def test_bad_requests_are_refused_before_compiling(tmp_path: Path, probe_sources):
    with pytest.raises(InternalError, match="not a C identifier"):
        compile_module("bad-name", [("portasnn_doctor_probe", "x")], probe_sources, tmp_path)
    with pytest.raises(InternalError, match="lack other_model.h"):
        compile_module("mod", [("other_model", "x")], probe_sources, tmp_path)
    assert not any(tmp_path.iterdir())


@pytest.mark.slow
def test_probe_module_matches_nest_builtin_iaf_psc_delta(probe_module, nest_kernel):
    """Same spikes and current into the probe and NEST's iaf_psc_delta, on 2 threads: same V_m and spikes."""
    nest = nest_kernel
    nest.SetKernelStatus({"resolution": 0.1, "local_num_threads": 2})
    probe_module.install()
    model = probe_module.model_names[0]
    rng = np.random.default_rng(7)
    exc = np.round(np.sort(rng.uniform(1.0, 300.0, 1500)), 1)
    inh = np.round(np.sort(rng.uniform(1.0, 300.0, 400)), 1)
    ours = nest.Create(model, 2, params=PARAMS)
    reference = nest.Create("iaf_psc_delta", 2, params=PARAMS)
    meter = nest.Create("multimeter", params={"record_from": ["V_m"], "interval": 0.1})
    spikes = nest.Create("spike_recorder")
    for times, weight in ((exc, 0.6), (inh, -1.2)):
        generator = nest.Create("spike_generator", params={"spike_times": np.unique(times)})
        nest.Connect(generator, ours + reference, syn_spec={"weight": weight, "delay": 1.0})
    dc = nest.Create("dc_generator", params={"amplitude": 80.0, "start": 100.0, "stop": 200.0})
    nest.Connect(dc, ours + reference)
    nest.Connect(meter, ours + reference)
    nest.Connect(ours + reference, spikes)
    nest.Simulate(300.0)

    events = meter.get("events")
    senders, times, v_m = events["senders"], events["times"], events["V_m"]
    spiking = spikes.get("events")
    total = 0
    for mine, theirs in zip(ours.tolist(), reference.tolist()):
        a, b = senders == mine, senders == theirs
        assert np.array_equal(times[a], times[b]) and a.sum() == 2990
        np.testing.assert_allclose(v_m[a], v_m[b], rtol=1e-9, atol=0)
        ours_t = np.sort(spiking["times"][spiking["senders"] == mine])
        theirs_t = np.sort(spiking["times"][spiking["senders"] == theirs])
        assert np.array_equal(ours_t, theirs_t)
        total += len(ours_t)
    assert total > 4  # the comparison covers spikes, resets and refractoriness


@pytest.mark.slow
def test_install_is_idempotent_and_survives_reset(probe_module, nest_kernel):
    nest = nest_kernel
    name = probe_module.model_names[0]
    assert name not in nest.node_models
    probe_module.install()
    probe_module.install()  # already there: no error
    assert name in nest.node_models
    nest.ResetKernel()  # unloads every module
    assert name not in nest.node_models
    probe_module.install()
    node = nest.Create(name, params={"I_e": 250.0})
    nest.Simulate(1.0)
    assert node.get("V_m") == pytest.approx(-70.0 + 250.0 * 10.0 / 250.0 * (1 - math.exp(-0.1)), rel=1e-12)


@pytest.mark.slow
def test_install_refuses_missing_library_and_name_clash(probe_module, nest_kernel, tmp_path: Path):
    missing = tmp_path / "gone_module.so"
    with pytest.raises(ToolError, match="does not exist"):
        install_module(missing, "gone_module", ["gone_model"])
    with pytest.raises(ToolError, match="another module registered them"):
        install_module(probe_module.library, probe_module.module_name, ["iaf_psc_delta", "not_there_yet"])


@pytest.mark.slow
def test_install_works_from_any_directory_without_environment(probe_module, tmp_path: Path):
    code = ("import json, sys; from pathlib import Path\n"
            "import nest\n"
            "from portasnn.targets.nest.compile import install_module\n"
            "install_module(Path(sys.argv[1]), sys.argv[2], [sys.argv[3]])\n"
            "n = nest.Create(sys.argv[3]); nest.Simulate(1.0); print(json.dumps(n.get('V_m')))\n")
    env = {k: v for k, v in os.environ.items() if k not in ("LD_LIBRARY_PATH", "NEST_MODULE_PATH")}
    env["PYNEST_QUIET"] = "1"
    done = subprocess.run([sys.executable, "-c", code, str(probe_module.library), probe_module.module_name,
                           probe_module.model_names[0]], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == -70.0


@pytest.mark.slow
def test_module_leaves_openmp_and_nest_symbols_to_the_kernel(probe_module):
    needed = subprocess.run(["readelf", "-d", str(probe_module.library)], capture_output=True, text=True,
                            check=True).stdout
    assert "libgomp" not in needed and "nest" not in needed.lower().replace(probe_module.module_name, "")
    symbols = subprocess.run(["nm", "-D", "--defined-only", str(probe_module.library)], capture_output=True,
                             text=True, check=True).stdout
    assert f" {probe_module.module_name}_LTX_module" in symbols


@pytest.mark.slow
def test_two_builders_one_compile_and_two_versions_in_one_process(probe_module, nest_kernel):
    """Two processes build the same new module at once (one compiles, one waits); then both versions of the
    model (same C++ class name, different resting potential) load side by side and keep their own numerics."""
    command = [sys.executable, str(HERE / "variant_model.py")]
    children = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for _ in range(2)]
    results = []
    for child in children:
        out, err = child.communicate(timeout=900)
        assert child.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))
    assert sorted(r["hit"] for r in results) == [False, True]
    assert results[0]["library"] == results[1]["library"]

    sys.path.insert(0, str(HERE))
    try:
        from variant_model import VARIANT_E_L, build_variant
    finally:
        sys.path.remove(str(HERE))
    variant = build_variant()
    assert variant.entry.hit and str(variant.library) == results[0]["library"]
    assert variant.module_name != probe_module.module_name

    nest = nest_kernel
    probe_module.install()
    variant.install()
    first, second = probe_module.model_names[0], variant.model_names[0]
    assert nest.GetDefaults(first)["E_L"] == -70.0
    assert nest.GetDefaults(second)["E_L"] == VARIANT_E_L
    a = nest.Create(first, params={"V_m": -70.0})
    b = nest.Create(second, params={"V_m": -70.0})
    nest.Simulate(5.0)
    assert a.get("V_m") == -70.0
    assert b.get("V_m") == pytest.approx(VARIANT_E_L - 10.0 * math.exp(-0.5), rel=1e-12)


@pytest.mark.slow
def test_compiler_errors_surface_as_tool_errors(probe_sources, tmp_path: Path):
    broken = dict(probe_sources)
    broken["portasnn_doctor_probe.cpp"] = broken["portasnn_doctor_probe.cpp"].replace(
        "S_.V_m = P_.V_reset;", "S_.V_m = P_.V_resett;")
    with pytest.raises(ToolError) as caught:
        compile_module("broken_mod", [("portasnn_doctor_probe", "broken_model")], broken, tmp_path)
    message = str(caught.value)
    assert "compiling portasnn_doctor_probe.cpp failed" in message
    assert "error:" in message and "V_resett" in message
    assert "full compiler output" in message
    assert not (tmp_path / "broken_mod.so").exists()
