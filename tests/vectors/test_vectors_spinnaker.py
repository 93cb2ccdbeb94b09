"""NESTML vectors on spinnaker and spinnaker-host: unrolled where the size is a constant, refused with
file:line:col and the reason otherwise (issue 13 item 6)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from portasnn.errors import ModelError, NetworkError
from portasnn.program import load_program
from portasnn.results import read_results
from portasnn.run import run
from portasnn.targets import get

HERE = Path(__file__).parent
UPSTREAM = HERE.parent / "frontend" / "upstream"


# a spike-array spike at t is sent in the tick that starts at t on sPyNNaker (and spinnaker-host), in the step that
# ends at t on NEST: the NEST run gets each stimulus spike one step (0.1 ms) later, so both apply it in one step
NEST_SPIKE_TIMES = {"[5 ms, 30 ms, 31 ms]": "[5.1 ms, 30.1 ms, 31.1 ms]",
                    "[10 ms, 12 ms, 40 ms, 41 ms, 42 ms]": "[10.1 ms, 12.1 ms, 40.1 ms, 41.1 ms, 42.1 ms]",
                    "[60 ms]": "[60.1 ms]"}


def _net(tmp_path: Path, port: str, nest_times: bool = False, positive: bool = True) -> Path:
    """multisyn.pnet with its DC source aimed at ``port`` (and the NEST spike times), next to the model; with
    ``positive`` its one negative weight (-500 pA to SPIKES_1, refused on SpiNNaker: E195) made positive."""
    (tmp_path / "multisyn_vec_neuron.nestml").write_text((HERE / "multisyn_vec_neuron.nestml").read_text())
    text = (HERE / "multisyn.pnet").read_text().replace("receptor = I_STIM_1", f"receptor = {port}")
    if positive:
        text = text.replace("weight = -500 pA", "weight = 500 pA")
    for old, new in NEST_SPIKE_TIMES.items() if nest_times else ():
        assert old in text
        text = text.replace(old, new)
    path = tmp_path / ("multisyn_nest.pnet" if nest_times else "multisyn.pnet")
    path.write_text(text)
    return path


def _trace(outdir: Path, var: str) -> tuple[np.ndarray, np.ndarray]:
    trace = read_results(outdir).traces["P"][var]
    return trace.times, trace.values[:, 0]


@pytest.mark.parametrize("arith, atol, atol_pa", [("float", 1e-9, 1e-8), ("fixed", 0.1, 2.0)])
def test_unrolled_multisynapse_matches_nest(tmp_path: Path, arith: str, atol: float, atol_pa: float) -> None:
    """issue 13 item 6: multisyn_vec_neuron (vector state, vector parameter, vector spike port read in a for loop)
    unrolled on spinnaker-host gives NEST's V_m and I_SYN_k traces and spike times (stimulus spikes aligned to one
    step, see NEST_SPIKE_TIMES): to round-off in float, within s16.15 and 16-bit weight quantisation in fixed
    point."""
    program = load_program(_net(tmp_path, "I_STIM_0"))
    nest_out = run(load_program(_net(tmp_path, "I_STIM_0", nest_times=True)), target="nest", outdir=tmp_path / "nest",
                   progress=False)
    host_out = run(program, target=f"spinnaker-host:{arith}" if arith == "float" else "spinnaker-host",
                   outdir=tmp_path / "host", progress=False)
    spikes_nest = read_results(nest_out).spikes["P"][1]
    spikes_host = read_results(host_out).spikes["P"][1]
    assert spikes_nest.size >= 2
    # in fixed point a threshold crossing may move by a tick: V_m is compared up to NEST's first spike there
    first = int(round(spikes_nest[0] / 0.1)) if arith == "fixed" else None
    for var, tol in (("V_m", atol), ("I_SYN_0", atol_pa), ("I_SYN_1", atol_pa), ("I_SYN_2", atol_pa)):
        tn, vn = _trace(nest_out, var)
        th, vh = _trace(host_out, var)
        np.testing.assert_allclose(th, tn, rtol=0, atol=1e-9)
        end = first if var == "V_m" else None
        np.testing.assert_allclose(vh[:end], vn[:end], rtol=0, atol=tol, err_msg=var)
    if arith == "float":  # NEST stamps a spike at the end of its step, sPyNNaker at the start of its tick
        np.testing.assert_allclose(spikes_host + 0.1, spikes_nest, rtol=0, atol=1e-9)
    else:
        assert abs(spikes_host.size - spikes_nest.size) <= 1
    assert np.ptp(_trace(host_out, "I_SYN_1")[1]) >= 400  # the spike reached SPIKES_1


def test_negative_weight_to_a_named_port_is_refused_on_spinnaker(tmp_path: Path) -> None:
    """issue 13 item 6: -500 pA to SPIKES_1 went through as +500 pA on spinnaker-host (ring buffers hold
    magnitudes; the synapse type adds): refused at its line (E195) on spinnaker and spinnaker-host."""
    program = load_program(_net(tmp_path, "I_STIM_0", positive=False))
    with pytest.raises(NetworkError) as info:
        get("spinnaker").lower(program)
    assert (info.value.code, info.value.span.line) == ("E195", 11), str(info.value)
    with pytest.raises(NetworkError) as info:
        run(program, target="spinnaker-host", outdir=tmp_path / "host", progress=False)
    assert info.value.code == "E195" and "SPIKES_1" in info.value.message


def test_current_source_to_a_second_port_is_refused_on_spinnaker(tmp_path: Path) -> None:
    """issue 13 item 6: a PyNN current source reaches only the first current input port on sPyNNaker; a DC source
    aimed at I_STIM_1 is refused at its line (E194) on spinnaker and spinnaker-host, not sent to I_STIM_0."""
    program = load_program(_net(tmp_path, "I_STIM_1"))
    with pytest.raises(NetworkError) as info:
        get("spinnaker").lower(program)
    assert info.value.code == "E194" and info.value.span.line == 8, str(info.value)
    with pytest.raises(NetworkError) as info:
        run(program, target="spinnaker-host", outdir=tmp_path / "host", progress=False)
    assert info.value.code == "E194" and "I_STIM_1" in info.value.message


def _lower_spinnaker(path: Path):
    from portasnn.frontend.nestml import load_models
    from portasnn.passes import run_pipeline
    from portasnn.targets.spinnaker import lower_models

    return lower_models([run_pipeline(m) for m in load_models(path)])


def test_size_from_a_parameter_is_refused_on_spinnaker() -> None:
    """issue 13 item 6: Vectors.nestml sizes g_ex by the parameter 'ten': refused on spinnaker with the reason (PyNN
    could set it; the neuron struct has a fixed layout), at the vector's line:col (E192)."""
    with pytest.raises(ModelError) as info:
        _lower_spinnaker(UPSTREAM / "Vectors.nestml")
    err = info.value
    assert (err.code, err.span.line, err.span.column) == ("E192", 33, 9), str(err)
    assert "size of vector 'g_ex' is the parameter 'ten'" in err.message and "[10]" in err.hint


def test_too_many_synapse_types_are_refused_on_spinnaker(tmp_path: Path) -> None:
    """issue 13 item 6: a vector spike port of 9 elements is 9 sPyNNaker synapse types, more than it holds (E193)."""
    path = tmp_path / "many.nestml"
    path.write_text("model many:\n    state:\n        V_m mV = 0 mV\n\n    input:\n        spikes[9] <- spike\n\n"
                    "    update:\n        V_m += (spikes[0] + spikes[8]) * 1 mV * 1 s\n")
    with pytest.raises(ModelError) as info:
        _lower_spinnaker(path)
    err = info.value
    assert (err.code, err.span.line, err.span.column) == ("E193", 6, 9), str(err)
    assert "9 spike input ports" in err.message and "SPIKES_0 ... SPIKES_8" in err.message


def test_constant_size_vectors_lower_for_spinnaker() -> None:
    """issue 13 item 6: SimpleVectorsModel (g_ex [20] real) unrolls to 20 fields named G_EX_0 ... G_EX_19."""
    (low,) = _lower_spinnaker(UPSTREAM / "SimpleVectorsModel.nestml")
    names = [f.name for f in low.fields]
    assert [n for n in names if n.startswith("G_EX_")] == [f"G_EX_{i}" for i in range(20)]
    assert "n->G_EX_2 = " in "\n".join(low.update_lines)


def test_vector_spike_port_is_one_synapse_type_per_element() -> None:
    """issue 13 item 6: iaf_psc_exp_multisynapse_vectors' spikes[3] <- spike is three sPyNNaker synapse types, named
    as NESTML's NEST target names its receptors."""
    (low,) = _lower_spinnaker(UPSTREAM / "iaf_psc_exp_multisynapse_vectors.nestml")
    assert low.synapse_types == ("SPIKES_0", "SPIKES_1", "SPIKES_2")
