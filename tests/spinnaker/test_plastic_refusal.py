"""A plastic projection whose rule sPyNNaker cannot run (mu other than 0 or 1) is refused on spinnaker and
spinnaker-host (E240), never run otherwise or as static (issue 17)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from portasnn.errors import NetworkError
from portasnn.frontend.network import load_network
from portasnn.program import load_program
from portasnn.targets import Options
from portasnn.targets import get as get_target

PORTASNN = str(Path(sys.executable).with_name("portasnn"))
NETWORK = """network plastic_nestml
model lif from "nestml:iaf_psc_exp_neuron"
synapse stdp from "nest:stdp_synapse" { tau_plus = 20 ms, lambda = 0.01, mu_plus = 0.5, Wmax = 100 pA }
population E: 20 lif
connect E -> E: fixed_indegree(5), weight = 20 pA, delay = 1.5 ms, synapse = stdp
stimulus ext: poisson(rate = 8000 Hz) -> E weight = 20 pA, delay = 1.5 ms
record spikes of E
simulate 50 ms resolution 0.1 ms seed 3
"""
CLAUSE = (5, 68)  # line and column of `synapse = stdp`


@pytest.fixture()
def plastic(tmp_path: Path) -> Path:
    path = tmp_path / "plastic.pnet"
    path.write_text(NETWORK)
    return path


def portasnn(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([PORTASNN, *args], capture_output=True, text=True, timeout=900, cwd=cwd)


@pytest.mark.parametrize("target", ["spinnaker", "spinnaker-host"])
def test_lowering_refuses_a_plastic_projection_at_its_synapse_clause(plastic: Path, target: str) -> None:
    program = load_program(plastic)
    with pytest.raises(NetworkError) as info:
        get_target(target).lower(program, Options())
    err = info.value
    assert err.code == "E240" and "no matching STDP rule in sPyNNaker" in err.message
    assert "mu_plus = 0.5" in err.message and "mu_plus and mu_minus" in err.hint
    assert (Path(err.span.file).resolve(), err.span.line, err.span.column) == (plastic.resolve(), *CLAUSE)


def test_the_same_network_with_a_static_projection_lowers(tmp_path: Path) -> None:
    """The refusal is about the synapse, not about the rest of the network."""
    path = tmp_path / "static.pnet"
    path.write_text(NETWORK.replace(", synapse = stdp", ""))
    artifact = get_target("spinnaker-host").lower(load_program(path), Options())
    assert artifact.files
    assert not load_network(path).projections[0].plastic


@pytest.mark.parametrize("command", [["build", "--target", "spinnaker", "-o", "out"],
                                     ["run", "--target", "spinnaker-host", "-o", "out", "--no-plots"]])
def test_cli_exits_2_with_file_line_col(plastic: Path, tmp_path: Path, command: list[str]) -> None:
    done = portasnn(command[0], str(plastic), *command[1:], cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert f"{plastic.name}:{CLAUSE[0]}:{CLAUSE[1]}: error E240" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert not (tmp_path / "out" / "spikes").exists()  # nothing ran


def test_compare_with_spinnaker_host_fails_with_e240(plastic: Path, tmp_path: Path) -> None:
    done = portasnn("compare", str(plastic), "--targets", "nest,spinnaker-host", "-o", "report", cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert f"{plastic.name}:{CLAUSE[0]}:{CLAUSE[1]}: error E240" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert not (tmp_path / "report" / "report.md").exists()
    assert not (tmp_path / "report" / "runs").exists()  # refused before the nest arm ran


def test_two_rules_onto_one_population_are_refused(tmp_path: Path) -> None:
    """issue 17 item 4: sPyNNaker runs one STDP rule per post-synaptic population (E260 at the second projection's
    synapse clause); two projections with the same rule lower."""
    two = NETWORK.replace("mu_plus = 0.5, ", "mu_plus = 0, mu_minus = 0, ").replace(
        "population E", 'synapse other from "nest:stdp_synapse" { lambda = 0.02, mu_plus = 0, mu_minus = 0, '
        "Wmax = 100 pA }\npopulation E").replace(
        "stimulus ext", "connect EE2: E -> E: fixed_indegree(2), weight = 20 pA, delay = 1 ms, synapse = other\n"
        "stimulus ext")
    path = tmp_path / "two.pnet"
    path.write_text(two)
    with pytest.raises(NetworkError) as info:
        get_target("spinnaker-host").lower(load_program(path), Options())
    assert info.value.code == "E260" and "one rule per post-synaptic population" in info.value.message
    assert (info.value.span.line, info.value.span.column) == (7, 71)
    path.write_text(two.replace("lambda = 0.02", "lambda = 0.01"))
    assert get_target("spinnaker-host").lower(load_program(path), Options()).files


@pytest.mark.parametrize("target", ["spinnaker", "spinnaker-host"])
def test_a_weight_bound_outside_s1615_is_refused_at_the_synapse(tmp_path: Path, target: str) -> None:
    """issue 17 (bad input): Wmax = 100 V of a delta synapse is 100000 mV on SpiNNaker, beyond s16.15 (E262 at the
    synapse declaration, before anything runs)."""
    text = NETWORK.replace('"nestml:iaf_psc_exp_neuron"', '"nestml:iaf_psc_delta_neuron"').replace(
        "mu_plus = 0.5, Wmax = 100 pA", "mu_plus = 1, Wmax = 100000 mV").replace("20 pA", "0.5 mV")
    path = tmp_path / "big.pnet"
    path.write_text(text)
    with pytest.raises(NetworkError) as info:
        get_target(target).lower(load_program(path), Options())
    assert info.value.code == "E262" and "Wmax" in info.value.message and "s16.15" in info.value.message
    assert (info.value.span.line, info.value.span.column) == (3, 1)


def test_nearest_neighbour_stdp_onto_a_builtin_cell_is_refused_on_a_board_only(tmp_path: Path) -> None:
    """issue 17: sPyNNaker ships no IF_curr_exp binary with portasnn's nn_symm timing dependence, so the board
    target refuses it at the synapse declaration (E240) and names the fix; spinnaker-host runs it."""
    text = NETWORK.replace('model lif from "nestml:iaf_psc_exp_neuron"', "model lif = pynn IF_curr_exp").replace(
        'synapse stdp from "nest:stdp_synapse" { tau_plus = 20 ms, lambda = 0.01, mu_plus = 0.5, Wmax = 100 pA }',
        'synapse stdp from "nestml:stdp_nn_symm_synapse" { Wmax = 0.1 }').replace("20 pA", "0.02 nA")
    path = tmp_path / "builtin.pnet"
    path.write_text(text)
    with pytest.raises(NetworkError) as info:
        get_target("spinnaker").lower(load_program(path), Options())
    assert info.value.code == "E240" and "IF_curr_exp" in info.value.message and "nn_symm" in info.value.message
    assert (info.value.span.line, info.value.span.column) == (3, 1)
    assert "NESTML neuron model" in info.value.hint
    files = get_target("spinnaker-host").lower(load_program(path), Options()).files
    assert not any("stdp_mad" in name for name in files)
