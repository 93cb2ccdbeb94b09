"""NESTML synapse models in the network language (issue 17 items 1 and 2): `synapse K from "nestml:NAME"` or a
.nestml file, their parameters by the model's names and units, the rule the spinnaker targets recognise, the
printer, and the refusals of what is not lowered (exit 2, the construct at its line in the .nestml file)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from portasnn.errors import ModelError
from portasnn.frontend.network import parse_network_text
from portasnn.frontend.pnet.synapses import nestml_synapse_path, zoo_synapses
from portasnn.ir.printer import to_pnet
from portasnn.ir.serialize import ir_hash

HERE = Path(__file__).parent
PORTASNN = Path(sys.executable).parent / "portasnn"
LOWERED = {"stdp_synapse", "stdp_nn_symm_synapse", "stdp_nn_pre_centered_synapse", "stdp_nn_restr_symm_synapse",
           "stdp_triplet_synapse", "tsodyks_synapse", "static_synapse", "noisy_synapse"}
REFUSED = {"stdsp_synapse": ("E263", "continuous input port 'dAP_trace'"),
           "neuromodulated_stdp_synapse": ("E263", "third spike input port 'mod_spikes'")}


def net_text(source: str, params: str = "") -> str:
    return (f'synapse syn from "{source}"{" { " + params + " }" if params else ""}\n'
            "model lif = nest iaf_psc_exp\npopulation A: 2 lif\npopulation B: 2 lif\n"
            "connect A -> B: all_to_all, synapse = syn, weight = 5 pA, delay = 1 ms\nrecord weights of A -> B\n"
            "simulate 10 ms\n")


def test_the_zoo_is_covered() -> None:
    assert set(zoo_synapses()) == LOWERED | set(REFUSED)


@pytest.mark.parametrize("name", sorted(LOWERED))
def test_every_lowered_zoo_model_is_read_with_all_its_parameters(name: str) -> None:
    net = parse_network_text(net_text(f"nestml:{name}"), "<t>")
    (syn,) = net.synapses
    assert (syn.kind, syn.name, Path(syn.path)) == ("nestml", name, nestml_synapse_path(name).resolve())
    # the rules the spinnaker targets lower are recognised by the model's shape
    assert syn.rule == (name if name.startswith("stdp_") else "")
    assert "w" not in dict(syn.params)  # the weight is the connection's


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_zoo_models_that_are_not_lowered_are_refused_with_the_construct(name: str) -> None:
    code, what = REFUSED[name]
    with pytest.raises(ModelError) as info:
        parse_network_text(net_text(f"nestml:{name}"), "<t>")
    assert info.value.code == code and what in info.value.message
    assert Path(info.value.span.file).name == f"{name}.nestml" and info.value.span.line > 1


def test_parameters_are_taken_in_the_declared_units_with_the_model_defaults() -> None:
    net = parse_network_text(net_text("nestml:stdp_synapse", "tau_tr_pre = 0.0168 s, lambda = 0.05"), "<t>")
    params = dict(net.synapses[0].params)
    assert params == {"lambda": 0.05, "alpha": 1.0, "tau_tr_pre": pytest.approx(16.8, rel=1e-15),
                      "tau_tr_post": 20.0, "mu_plus": 1.0, "mu_minus": 1.0, "Wmin": 0.0, "Wmax": 100.0}


def test_a_renamed_copy_of_stdp_synapse_is_the_same_rule_and_a_changed_one_is_not(tmp_path: Path) -> None:
    text = nestml_synapse_path("stdp_synapse").read_text()
    (tmp_path / "my_stdp.nestml").write_text(text.replace("model stdp_synapse:", "model my_stdp:")
                                             .replace("lambda real =  0.01", "lambda real = 0.02"))
    changed = text.replace("model stdp_synapse:", "model my_rule:").replace("post_trace += 1", "post_trace += 2")
    assert changed != text
    (tmp_path / "my_rule.nestml").write_text(changed)
    same = parse_network_text(net_text("my_stdp.nestml"), str(tmp_path / "n.pnet")).synapses[0]
    other = parse_network_text(net_text("my_rule.nestml"), str(tmp_path / "n.pnet")).synapses[0]
    assert (same.name, same.rule, dict(same.params)["lambda"]) == ("my_stdp", "stdp_synapse", 0.02)
    assert (other.name, other.rule) == ("my_rule", "")


@pytest.mark.parametrize("source", ["nestml:stdp_synapse", "nestml:stdp_triplet_synapse", "nestml:tsodyks_synapse"])
def test_printed_network_reads_back_the_same(source: str) -> None:
    net = parse_network_text(net_text(source), "<t>")
    text = to_pnet(net)
    assert f'from "{source}"' in text
    again = parse_network_text(text, "<t>")
    assert ir_hash(again) == ir_hash(net)


@pytest.mark.parametrize("file, code, line, col, words", [
    ("third_factor_synapse.nestml", "E263", 24, 5, "third spike input port 'mod_spikes'"),
    ("dropping_synapse.nestml", "E263", 14, 13, "emit_spike must be called once, unconditionally"),
])
def test_a_synapse_model_with_what_is_not_lowered_exits_2_at_its_line(tmp_path: Path, file, code, line, col,
                                                                       words) -> None:
    pnet = tmp_path / "n.pnet"
    pnet.write_text(net_text(str((HERE / "synapses" / file).resolve())))
    done = subprocess.run([str(PORTASNN), "ir", str(pnet)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert f"{file}:{line}:{col}: error {code}" in done.stderr and words in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_a_neuron_named_as_a_synapse_exits_2(tmp_path: Path) -> None:
    from portasnn.frontend.pnet.reader import nestml_model_path

    pnet = tmp_path / "n.pnet"
    pnet.write_text(net_text(str(nestml_model_path("iaf_psc_exp_neuron"))))
    done = subprocess.run([str(PORTASNN), "ir", str(pnet)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "error E264" in done.stderr and "is not a synapse model" in done.stderr
    assert "iaf_psc_exp_neuron.nestml:" in done.stderr and "Traceback" not in done.stderr


def test_the_python_builder_declares_the_same_synapse_as_pnet() -> None:
    from portasnn.builder import FixedIndegree, Network

    net = Network("b")
    net.model("lif", nest="iaf_psc_exp")
    A = net.population("A", 2, "lif")
    B = net.population("B", 2, "lif")
    net.synapse("syn", nestml="stdp_synapse", params={"tau_tr_pre": "0.0168 s", "lambda": 0.05})
    net.connect(A, B, FixedIndegree(2), weight=5.0, delay=1.0, synapse="syn")
    built = net.ir().synapses[0]
    read = parse_network_text(net_text("nestml:stdp_synapse", "tau_tr_pre = 16.8 ms, lambda = 0.05"), "<t>").synapses[0]
    assert ir_hash(built) == ir_hash(read)


def test_an_undeclared_port_exits_2_at_its_line(tmp_path: Path) -> None:
    text = nestml_synapse_path("stdp_synapse").read_text().replace("onReceive(post_spikes):", "onReceive(post_spike):")
    (tmp_path / "bad_port.nestml").write_text(text)
    line = next(k for k, row in enumerate(text.splitlines(), 1) if "onReceive(post_spike):" in row)
    pnet = tmp_path / "n.pnet"
    pnet.write_text(net_text("bad_port.nestml"))
    done = subprocess.run([str(PORTASNN), "ir", str(pnet)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert f"bad_port.nestml:{line}:" in done.stderr and "unknown input port \"post_spike\"" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_weight_bound_beyond_s1615_exits_2_on_spinnaker_host(tmp_path: Path) -> None:
    pnet = tmp_path / "n.pnet"
    pnet.write_text('model lif from "nestml:iaf_psc_exp_neuron"\n'
                    'synapse syn from "nestml:stdp_synapse" { Wmax = 1e9 }\n'
                    "population A: 2 lif\npopulation B: 2 lif\n"
                    "connect A -> B: all_to_all, synapse = syn, weight = 5 pA, delay = 1 ms\nsimulate 10 ms\n")
    done = subprocess.run([str(PORTASNN), "run", str(pnet), "--target", "spinnaker-host", "-o", str(tmp_path / "o")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 2, done.stderr
    assert "n.pnet:2:1: error E262" in done.stderr and "s16.15" in done.stderr and "Traceback" not in done.stderr
