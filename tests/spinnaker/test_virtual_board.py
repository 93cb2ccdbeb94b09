"""The generated sPyNNaker class and PyNN script map through sPyNNaker 7.4.1 on a virtual board.

A virtual board runs sPyNNaker's whole mapping and data-specification pipeline without hardware
(the binaries are not needed). The test checks that (1) a two-population network that uses the
generated model maps, and the neuron-parameter words sPyNNaker's data-specification step obtained
from the generated class for each population are exactly the words the spinnaker-host emulator
runs, and (2)
the generated PyNN script of a .pnet network runs unchanged to the end.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

pytest.importorskip("spynnaker")
pytestmark = [pytest.mark.slow, pytest.mark.spinnaker]

CFG = "[Machine]\nvirtual_board = True\nversion = 5\n"

DRIVER = textwrap.dedent('''
    import json, sys
    sys.path.insert(0, sys.argv[1])
    import pyNN.spiNNaker as p
    from portasnn_models import IafPscExpNeuron
    from portasnn_models import iaf_psc_exp_neuron as generated

    written = []  # the neuron_t words sPyNNaker asks the generated struct for, per slice
    original = generated._DerivedStruct.get_data

    def get_data(self, values, vertex_slice=None):
        data = original(self, values, vertex_slice)
        written.append(data.tobytes().hex())
        return data

    generated._DerivedStruct.get_data = get_data
    p.setup(timestep=1.0)
    a = p.Population(8, IafPscExpNeuron(I_e=0.38, tau_syn_exc=0.5), label="A")
    b = p.Population(4, IafPscExpNeuron(C_m=0.2, V_th=-50.0), label="B")
    p.Projection(a, b, p.AllToAllConnector(), p.StaticSynapse(weight=0.3, delay=1.0),
                 receptor_type="excitatory")
    p.Projection(a, b, p.OneToOneConnector(), p.StaticSynapse(weight=0.1, delay=2.0),
                 receptor_type="inhibitory")
    a.record("spikes")
    b.record(["V_m", "I_syn_exc"])
    p.run(10)
    p.end()
    json.dump(written, open("regions.json", "w"))
''')


def _env(home: Path) -> dict:
    home.mkdir(parents=True, exist_ok=True)
    (home / ".spynnaker.cfg").write_text(CFG)
    env = dict(os.environ)
    env["HOME"] = str(home)
    env.pop("XDG_CONFIG_HOME", None)
    return env


def _expected_words(overrides: dict, n: int) -> bytes:
    from portasnn.targets.spinnaker_host.lower import host_model
    from portasnn.targets.spinnaker_host.model import PackContext

    from .conftest import solved

    model = host_model(solved("iaf_psc_exp_neuron"))
    values = {k: np.full(n, v) for k, v in {**model.defaults, **overrides}.items()}
    words = model.pack(values, PackContext(n=n, dt_ms=1.0, arith="fixed"))
    return words.astype("<i4").tobytes()


def test_two_populations_map_and_parameter_words_match_the_emulator(tmp_path, monkeypatch):
    from portasnn.modules import build_spinnaker

    from .conftest import NESTML_MODELS

    for var in ("SPINN_DIRS", "NEURAL_MODELLING_DIRS"):  # the ARM build is test_arm_make.py's
        monkeypatch.delenv(var, raising=False)
    art = build_spinnaker(NESTML_MODELS / "iaf_psc_exp_neuron.nestml", tmp_path / "out")
    assert not art.binaries_built and "NEURAL_MODELLING_DIRS" in art.build_message
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    (run_dir / "driver.py").write_text(DRIVER)
    proc = subprocess.run([sys.executable, "driver.py", str(tmp_path / "out" / "python_models")], cwd=run_dir,
                          env=_env(tmp_path / "home"), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    blobs = [bytes.fromhex(b) for b in json.loads((run_dir / "regions.json").read_text())]
    assert blobs, "sPyNNaker never asked the generated struct for its data"
    # network units (pA, pF) for the emulator; the driver used PyNN units (nA, nF)
    expect_a = _expected_words({"I_e": 380.0, "tau_syn_exc": 0.5}, 8)
    expect_b = _expected_words({"C_m": 200.0, "V_th": -50.0}, 4)
    assert any(blob == expect_a for blob in blobs), "population A's neuron_t words not found"
    assert any(blob == expect_b for blob in blobs), "population B's neuron_t words not found"
    assert expect_a != expect_b


PNET = """\
network vb_two
model neuron from "nestml:iaf_psc_exp_neuron" { tau_syn_exc = 0.5 ms }
population A: 12 neuron { I_e = 380 pA }
population B: 6 neuron { V_m ~ uniform(-70 mV, -60 mV) }
connect A -> B: fixed_indegree(4), weight = 300 pA, delay = 1 ms
connect B -> A: fixed_probability(0.5), weight = -100 pA, delay = 2 ms
stimulus noise: poisson(rate = 2000 Hz) -> B  weight = 50 pA, delay = 1 ms
record spikes of A
record V_m of B every 1 ms
simulate 50 ms resolution 1 ms seed 3
"""


def test_generated_pynn_script_runs_on_a_virtual_board(tmp_path):
    from portasnn.modules import build_spinnaker

    net = tmp_path / "vb_two.pnet"
    net.write_text(PNET)
    art = build_spinnaker(net, tmp_path / "out")
    assert art.script is not None and art.script.name == "vb_two.py"
    text = art.script.read_text()
    assert "import pyNN.spiNNaker as p" in text and "from portasnn_models import IafPscExpNeuron" in text
    assert "receptor_type='inhibitory'" in text and "weight=0.1," in text  # |w| in nA
    proc = subprocess.run([sys.executable, art.script.name], cwd=art.script.parent, env=_env(tmp_path / "home"),
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    assert (art.script.parent / "results" / "A.pkl").is_file()


SHIFTS_DRIVER = textwrap.dedent('''
    import json, runpy, sys
    from spynnaker.pyNN.models.neuron.population_vertex import PopulationVertex

    seen = {}
    original = PopulationVertex.get_ring_buffer_shifts

    def get_ring_buffer_shifts(self):
        shifts = original(self)
        seen[self.label] = [int(s) for s in shifts]
        return shifts

    PopulationVertex.get_ring_buffer_shifts = get_ring_buffer_shifts
    try:
        runpy.run_path(sys.argv[1], run_name="__main__")
    finally:
        json.dump(seen, open("shifts.json", "w"))
''')


def test_the_board_chooses_the_ring_buffer_shifts_the_emulator_ran_with(tmp_path):
    """issue 13 item 10: population A's shifts chosen by auto on spinnaker-host, pinned for the board as the
    host run's report says; B pinned by max_expected_summed_weight in the .pnet. sPyNNaker, running the
    generated script, computes exactly the shifts the emulator used."""
    from portasnn.harness.compare import weight_scaling_of
    from portasnn.modules import build_spinnaker
    from portasnn.run import run
    from portasnn.targets import Options
    from portasnn.weight_scaling import parse_specs

    net = tmp_path / "vb_ws.pnet"
    pop_b = "population B: 6 neuron { V_m ~ uniform(-70 mV, -60 mV) }"
    net.write_text(PNET.replace(pop_b, pop_b + ", weight_scaling = max(900 pA, 3000 pA)"))
    host = run(net, target="spinnaker-host", outdir=tmp_path / "host",
               options=Options(weight_scaling=parse_specs(["A=auto"])))
    meta = json.loads((host / "meta.json").read_text())["spinnaker_host"]
    assert meta["weight_scaling"]["A"]["mode"] == "auto"
    board = weight_scaling_of({"spinnaker-host": [str(host)]})["spinnaker-host"]["board_options"]
    pins = [arg for arg in board.split() if arg.startswith("A=")]
    art = build_spinnaker(net, tmp_path / "out", weight_scaling=parse_specs(pins))
    (art.script.parent / "driver.py").write_text(SHIFTS_DRIVER)
    proc = subprocess.run([sys.executable, "driver.py", art.script.name], cwd=art.script.parent,
                          env=_env(tmp_path / "home"), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    seen = json.loads((art.script.parent / "shifts.json").read_text())
    assert seen["A"] == meta["ring_buffer_shifts"]["A"]
    assert seen["B"] == meta["ring_buffer_shifts"]["B"] == [0, 2]  # 0.9 nA < 1; 3.0 nA < 4


PLASTIC = """\
network vb_plastic
model neuron from "nestml:iaf_psc_exp_neuron"
synapse stdp from "nest:stdp_synapse" { tau_plus = 16.8 ms, tau_minus = 33.7 ms, lambda = 0.05, alpha = 1.2,
                                        mu_plus = 1, mu_minus = 1, Wmax = 400 pA }
synapse istdp from "nest:stdp_synapse" { lambda = 0.02, mu_plus = 0, mu_minus = 0, Wmax = -300 pA }
population A: 12 neuron { I_e = 380 pA }
population B: 6 neuron
connect A -> B: fixed_indegree(4), weight = 300 pA, delay = 2 ms, synapse = stdp
connect B -> A: all_to_all, weight = -100 pA, delay = 1 ms, synapse = istdp
record spikes of A
record weights of A -> B
simulate 50 ms resolution 1 ms seed 3
"""


def test_plastic_pynn_script_maps_on_a_virtual_board(tmp_path):
    """issue 17 item 4: plastic projections become sPyNNaker's STDPMechanism (SpikePairRule + multiplicative or
    additive weight dependence; A_plus = lambda, A_minus = alpha lambda multiplicative, times Wmax additive; weights
    and bounds in nA) and the script maps on a virtual board, where sPyNNaker accepts the STDP data it writes."""
    from portasnn.modules import build_spinnaker

    net = tmp_path / "vb_plastic.pnet"
    net.write_text(PLASTIC)
    art = build_spinnaker(net, tmp_path / "out")
    text = art.script.read_text()
    assert ("proj1 = p.Projection(pop_A, pop_B, p.FixedNumberPreConnector(4, allow_self_connections=True, "
            "with_replacement=True), synapse_type=p.STDPMechanism(timing_dependence=p.SpikePairRule(tau_plus=16.8, "
            "tau_minus=33.7, A_plus=0.05, A_minus=0.06), weight_dependence=p.MultiplicativeWeightDependence("
            "w_min=0.0, w_max=0.4), weight=0.3, delay=2.0), receptor_type='excitatory', label='A->B')") in text
    assert ("p.SpikePairRule(tau_plus=20.0, tau_minus=20.0, A_plus=0.006, A_minus=0.006), weight_dependence="
            "p.AdditiveWeightDependence(w_min=0.0, w_max=0.3), weight=0.1, delay=1.0), receptor_type='inhibitory'"
            ) in text
    assert 'weights", "A__B" + ".npz"' in text
    proc = subprocess.run([sys.executable, art.script.name], cwd=art.script.parent, env=_env(tmp_path / "home"),
                          capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    with np.load(art.script.parent / "results" / "weights" / "A__B.npz") as z:
        assert z["sources"].size == 6 * 4 and str(z["unit"]) == "pA"
        np.testing.assert_allclose(z["weights"], 300.0, rtol=1e-3)  # the weights the script created, in pA


NEAREST = PLASTIC.replace("network vb_plastic", "network vb_nearest").replace(
    'synapse stdp from "nest:stdp_synapse" { tau_plus = 16.8 ms, tau_minus = 33.7 ms,',
    'synapse stdp from "nestml:stdp_nn_symm_synapse" { tau_tr_pre = 16.8 ms, tau_tr_post = 33.7 ms,').replace(
    "Wmax = 400 pA }", "Wmax = 400 }").replace("record weights of A -> B",
                                               "record weights of A -> B[0:3] every 10 ms")

# runs a generated script, noting the binary sPyNNaker chose for each population before the script ends
BINARIES = """\
import json, runpy, sys
import pyNN.spiNNaker as p
from spynnaker.pyNN.data import SpynnakerDataView
from spynnaker.pyNN.models.neuron import PopulationVertex

seen = {}
end = p.end

def noting_end(*args, **kwargs):
    for v in SpynnakerDataView.iterate_vertices():
        if isinstance(v, PopulationVertex):
            seen[v.label] = [v.combined_binary_file_name, v.use_combined_core]
    return end(*args, **kwargs)

p.end = noting_end
runpy.run_path(sys.argv[1], run_name="__main__")
json.dump(seen, open("binaries.json", "w"))
"""


def _binaries_loaded(art, home: Path) -> dict:  # noqa: ANN001 - a SpinnakerArtifact
    """Runs the generated script on the virtual board: {population label: [binary, combined core]}."""
    (art.script.parent / "binaries.py").write_text(BINARIES)
    proc = subprocess.run([sys.executable, "binaries.py", art.script.name], cwd=art.script.parent,
                          env=_env(home), capture_output=True, text=True, timeout=900)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return json.loads((art.script.parent / "binaries.json").read_text())


def test_nearest_neighbour_stdp_maps_with_portasnns_timing_dependence(tmp_path):
    """issue 17 item 4: nestml's stdp_nn_symm_synapse becomes portasnn's own sPyNNaker timing dependence: its C
    (sPyNNaker's timing interface), its Python class (NearestSymmetricPairRule, a SpikePairRule with its own binary
    suffix) and the Makefile of every plastic binary, named as sPyNNaker names the binary it loads for each
    population (the static binary's Makefile for the rest); the script maps on a virtual board."""
    from portasnn.modules import build_spinnaker

    net = tmp_path / "vb_nearest.pnet"
    net.write_text(NEAREST)
    art = build_spinnaker(net, tmp_path / "out")
    text = art.script.read_text()
    assert "from portasnn_models import NearestSymmetricPairRule" in text
    assert ("synapse_type=p.STDPMechanism(timing_dependence=NearestSymmetricPairRule(tau_plus=16.8, tau_minus=33.7, "
            "A_plus=0.05, A_minus=0.06), weight_dependence=p.MultiplicativeWeightDependence(w_min=0.0, w_max=0.4), "
            "weight=0.3, delay=2.0)") in text
    makefiles = art.out_dir / "c_models" / "makefiles"
    nn = (makefiles / "iaf_psc_exp_neuron_stdp_mad_nn_symm_multiplicative" / "Makefile").read_text()
    assert "TIMING_DEPENDENCE_H = $(EXTRA_SRC_DIR)/stdp/timing_nn_symm_impl.h" in nn
    assert "WEIGHT_DEPENDENCE = $(NEURON_DIR)/neuron/plasticity/stdp/weight_dependence/weight_multiplicative_impl.c" \
        in nn
    pair = (makefiles / "iaf_psc_exp_neuron_stdp_mad_pair_additive" / "Makefile").read_text()
    assert "timing_dependence/timing_pair_impl.c" in pair and "weight_additive_one_term_impl.c" in pair
    c = (art.out_dir / "c_models" / "src" / "stdp" / "timing_nn_symm_impl.h").read_text()
    assert c.count("return (post_trace_t) STDP_FIXED_POINT_ONE;") == 1
    assert c.count("return (pre_trace_t) STDP_FIXED_POINT_ONE;") == 1
    top = (art.out_dir / "c_models" / "Makefile").read_text()
    assert "iaf_psc_exp_neuron_stdp_mad_nn_symm_multiplicative" in top
    seen = _binaries_loaded(art, tmp_path / "home")
    assert seen == {"A": ["iaf_psc_exp_neuron_stdp_mad_pair_additive.aplx", True],
                    "B": ["iaf_psc_exp_neuron_stdp_mad_nn_symm_multiplicative.aplx", True]}
    manifest = json.loads((art.out_dir / "manifest.json").read_text())
    for name, _ in seen.values():  # every binary it loads has its Makefile, and the manifest names it
        assert (makefiles / name.removesuffix(".aplx") / "Makefile").is_file()
        assert manifest["stdp_binaries"][name]["model"] == "iaf_psc_exp_neuron"
    with np.load(art.script.parent / "results" / "weights" / "A__B.npz") as z:
        assert z["sources"].size == 6 * 4
        np.testing.assert_allclose(z["weights"], 300.0, rtol=1e-3)
        final = {(int(a), int(b)) for a, b in zip(z["sources"], z["targets"]) if b < 3}
    # the weights onto B[0:3] every 10 ms: the run stopped at each multiple and read them
    with np.load(art.script.parent / "results" / "weights" / "A__B.trajectory.npz") as z:
        assert z["times"].tolist() == [10.0, 20.0, 30.0, 40.0, 50.0] and str(z["unit"]) == "pA"
        assert z["weights"].shape == (5, 12) and set(z["targets"].tolist()) == {0, 1, 2}
        assert set(zip(z["sources"].tolist(), z["targets"].tolist())) == final
        np.testing.assert_allclose(z["weights"], 300.0, rtol=1e-3)


# nestml's pre-centred rule onto B, the restricted one onto A
NN_STATEFUL = PLASTIC.replace("network vb_plastic", "network vb_nn_stateful").replace(
    'synapse stdp from "nest:stdp_synapse" { tau_plus = 16.8 ms, tau_minus = 33.7 ms,',
    'synapse stdp from "nestml:stdp_nn_pre_centered_synapse" { tau_tr_pre = 16.8 ms, tau_tr_post = 33.7 ms,').replace(
    "Wmax = 400 pA }", "Wmax = 400 }").replace(
    'synapse istdp from "nest:stdp_synapse" { lambda = 0.02,',
    'synapse istdp from "nestml:stdp_nn_restr_symm_synapse" { lambda = 0.02,').replace("Wmax = -300 pA }",
                                                                                       "Wmax = -300 }")


def test_pre_centred_and_restricted_stdp_map_with_an_accumulator_half_word(tmp_path):
    """issue 17 item 4: nestml's stdp_nn_pre_centered_synapse and stdp_nn_restr_symm_synapse become portasnn's
    timing dependences nn_pre_centered and nn_restr_symm, whose synapses carry sPyNNaker's weight-accumulator
    structure (weight, then the synapse's own state); sPyNNaker maps them on a virtual board, loads the binaries
    named for them and reads the weights back from the first half-word."""
    from portasnn.modules import build_spinnaker

    net = tmp_path / "vb_nn_stateful.pnet"
    net.write_text(NN_STATEFUL)
    art = build_spinnaker(net, tmp_path / "out")
    text = art.script.read_text()
    assert "from portasnn_models import NearestPreCenteredPairRule  #" in text
    assert "from portasnn_models import NearestRestrictedPairRule  #" in text
    assert "timing_dependence=NearestPreCenteredPairRule(tau_plus=16.8, tau_minus=33.7, A_plus=0.05" in text
    assert "timing_dependence=NearestRestrictedPairRule(tau_plus=20.0, tau_minus=20.0, A_plus=0.006" in text
    src = art.out_dir / "c_models" / "src" / "stdp"
    for timing in ("nn_pre_centered", "nn_restr_symm"):
        c = (src / f"timing_{timing}_impl.h").read_text()
        assert "synapse_structure/synapse_structure_weight_accumulator_impl.h" in c
        py = (art.out_dir / "python_models" / "portasnn_models" / f"{timing}.py").read_text()
        assert "SynapseStructureWeightAccumulator()" in py
    seen = _binaries_loaded(art, tmp_path / "home")
    assert seen == {"A": ["iaf_psc_exp_neuron_stdp_mad_nn_restr_symm_additive.aplx", True],
                    "B": ["iaf_psc_exp_neuron_stdp_mad_nn_pre_centered_multiplicative.aplx", True]}
    makefiles = art.out_dir / "c_models" / "makefiles"
    for name, _ in seen.values():
        assert (makefiles / name.removesuffix(".aplx") / "Makefile").is_file()
    with np.load(art.script.parent / "results" / "weights" / "A__B.npz") as z:
        assert z["sources"].size == 6 * 4
        np.testing.assert_allclose(z["weights"], 300.0, rtol=1e-3)  # the weight half-word, not the accumulator


TRIPLET = """\
network vb_triplet
model neuron from "nestml:iaf_psc_exp_neuron"
synapse tri from "nestml:stdp_triplet_synapse" { A2_plus = 0.02, A2_minus = 0.025, A3_plus = 0.03, Wmax = 400 nS }
population A: 12 neuron { I_e = 380 pA }
population B: 6 neuron
connect A -> B: fixed_indegree(4), weight = 300 pA, delay = 2 ms, synapse = tri
record spikes of A
record weights of A -> B
simulate 50 ms resolution 1 ms seed 3
"""


def test_triplet_stdp_maps_with_spynnakers_pfister_rule(tmp_path):
    """issue 17 item 4: nestml's stdp_triplet_synapse becomes sPyNNaker's PfisterSpikeTriplet with
    WeightDependenceAdditiveTriplet; sPyNNaker maps the script on a virtual board, asks for the binary whose Makefile
    portasnn wrote (its triplet timing and two-term weight dependence) and reads the weights back."""
    from portasnn.modules import build_spinnaker

    net = tmp_path / "vb_triplet.pnet"
    net.write_text(TRIPLET)
    art = build_spinnaker(net, tmp_path / "out")
    text = art.script.read_text()
    assert ("p.extra_models.PfisterSpikeTriplet(tau_plus=16.8, tau_minus=33.7, tau_x=101.0, tau_y=125.0, "
            "A_plus=5e-05, A_minus=6.25e-05), weight_dependence=p.extra_models.WeightDependenceAdditiveTriplet("
            "w_min=0.0, w_max=0.4, A3_plus=7.5e-05, A3_minus=5.75e-07)") in text
    seen = _binaries_loaded(art, tmp_path / "home")
    assert seen["B"] == ["iaf_psc_exp_neuron_stdp_mad_pfister_triplet_additive.aplx", True]
    makefile = (art.out_dir / "c_models" / "makefiles" / "iaf_psc_exp_neuron_stdp_mad_pfister_triplet_additive" /
                "Makefile").read_text()
    assert "timing_dependence/timing_pfister_triplet_impl.c" in makefile
    assert "weight_dependence/weight_additive_two_term_impl.c" in makefile
    with np.load(art.script.parent / "results" / "weights" / "A__B.npz") as z:
        assert z["sources"].size == 6 * 4
        np.testing.assert_allclose(z["weights"], 300.0, rtol=1e-3)
