"""`portasnn import nir`: the files it writes, and what it refuses (issue 16 item 1). No simulator runs here."""
from __future__ import annotations

import numpy as np
import pytest

from portasnn.cli import main
from portasnn.frontend.network import load_network
from portasnn.program import load_program
from nir_graphs import feed_forward, lif_params, recurrent, single_lif, write

nir = pytest.importorskip("nir")  # a test dependency (pyproject's test extra): missing means a broken setup


def _ff(rng: np.random.Generator):
    cuba = dict(tau_syn=np.full(2, 2.0), tau_mem=np.array([4.0, 6.0]), r=np.ones(2), v_leak=np.zeros(2),
                v_threshold=np.full(2, 0.3), v_reset=np.zeros(2), w_in=np.array([1.0, 0.5]))
    return feed_forward(rng.normal(0, 1, (3, 4)), np.array([0.1, 0.0, -0.2]), lif_params(3, 5.0, 0.5),
                        rng.normal(0, 1, (2, 3)), np.zeros(2), cuba)


def test_import_writes_models_network_and_data_files(tmp_path, capsys):
    """issue 16 item 1: NESTML models, a .pnet, weights split by sign into connection files, per-neuron
    parameters as files only where they differ; the network reads back with the weights of the graph."""
    rng = np.random.default_rng(3)
    graph = _ff(rng)
    write(graph, tmp_path / "ff.nir")
    np.save(tmp_path / "x.npy", np.array([[1, 0, 0, 1], [0, 0, 0, 0], [0, 1, 0, 0]], np.int8))
    assert main(["import", "nir", str(tmp_path / "ff.nir"), "-o", str(tmp_path / "out"), "--input",
                 str(tmp_path / "x.npy")]) == 0
    out = tmp_path / "out"
    assert sorted(p.name for p in (out / "models").iterdir()) == ["nir_cubalif_neuron.nestml", "nir_lif_neuron.nestml"]
    text = (out / "net.pnet").read_text()
    assert 'tau_mem = file("params/cuba_tau_mem.npy", ms)' in text and "tau = 5 ms" in text  # differs / equal
    assert "I_bias" not in text and "S_bias" not in text  # the biases are the bias relay's weights
    assert "population bias: 1 nir_lif_neuron" in text and "connect bias_loop: bias -> bias: one_to_one" in text
    assert "stimulus bias_start: spikes(times = [1 ms]) -> bias[0]" in text
    d = np.load(out / "conn" / "bias__lif_exc.npz")
    assert d["pre"].tolist() == [0] and d["post"].tolist() == [0] and d["weight"].tolist() == [0.1]
    d = np.load(out / "conn" / "bias__lif_inh.npz")
    assert d["post"].tolist() == [2] and d["weight"].tolist() == [-0.2]
    assert not (out / "conn" / "bias__cuba_exc.npz").exists()  # its bias is 0
    assert 'w_in = file("params/cuba_w_in.npy", 1)' in text  # a plain number
    np.testing.assert_array_equal(np.load(out / "params" / "cuba_tau_mem.npy"), [4.0, 6.0])
    # the weight matrix, from the connection files (pos and neg parts)
    for via, pre, post, shape in (("fc1", "input", "lif", (3, 4)), ("fc2", "lif", "cuba", (2, 3))):
        w = np.zeros(shape)
        for part in ("exc", "inh"):
            f = out / "conn" / f"{pre}__{post}_{part}.npz"
            if f.is_file():
                d = np.load(f)
                assert str(d["weight_unit"]) == "1"
                assert (d["weight"] > 0).all() if part == "exc" else (d["weight"] < 0).all()
                w[d["post"], d["pre"]] = d["weight"]
        np.testing.assert_array_equal(w, np.asarray(graph.nodes[via].weight))
    # input: row r -> a spike at (r + 1) dt into the relay; channel 3 only in row 0
    assert "stimulus input_in_0: spikes(times = [1 ms]) -> input[0]" in text
    assert "stimulus input_in_1: spikes(times = [3 ms]) -> input[1]" in text
    assert "input_in_2" not in text
    assert "simulate 7 ms resolution 1 ms" in text  # 3 rows + 3 populations + 1
    net = load_network(out / "net.pnet")
    assert [p.name for p in net.populations] == ["input", "lif", "cuba", "bias"]
    assert "run it: portasnn run" in capsys.readouterr().out


def test_time_unit_seconds_scales_time_constants(tmp_path):
    """issue 16 item 1: a graph in seconds (snnTorch, Norse, Rockpool) with --time-unit s: times in ms."""
    write(single_lif(bias=2.0, tau=0.005, v_threshold=1.0), tmp_path / "g.nir")
    assert main(["import", "nir", str(tmp_path / "g.nir"), "-o", str(tmp_path / "o"), "--dt", "0.0001",
                 "--time-unit", "s", "--steps", "10"]) == 0
    text = (tmp_path / "o" / "net.pnet").read_text()
    assert "tau = 5 ms" in text and "resolution 0.1 ms" in text and "simulate 1 ms" in text
    assert "stimulus bias_start: spikes(times = [0.1 ms]) -> bias[0] weight = 1, delay = 0.1 ms" in text
    assert np.load(tmp_path / "o" / "conn" / "bias__lif_exc.npz")["weight"].tolist() == [2.0]


def test_recurrent_graph_imports_a_self_projection(tmp_path):
    """issue 16 item 1: LIF with a self-Linear becomes a projection lif -> lif."""
    rng = np.random.default_rng(0)
    write(recurrent(rng.normal(0, 1, (3, 2)), rng.normal(0, 1, (3, 3)), np.zeros(3), lif_params(3, 5.0, 0.5)),
          tmp_path / "r.nir")
    assert main(["import", "nir", str(tmp_path / "r.nir"), "-o", str(tmp_path / "o")]) == 0
    text = (tmp_path / "o" / "net.pnet").read_text()
    assert "connect lif__lif_exc: lif -> lif" in text and "connect lif__lif_inh: lif -> lif" in text


def test_load_program_takes_a_nir_graph(tmp_path, monkeypatch):
    """issue 16 item 1: portasnn.load_program("graph.nir") imports with the defaults and loads the network."""
    monkeypatch.setenv("PORTASNN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PORTASNN_PROGRAM_CACHE", "0")
    write(single_lif(bias=2.0, tau=5.0, v_threshold=1.0), tmp_path / "g.nir")
    program = load_program(tmp_path / "g.nir")
    assert [p.name for p in program.network.populations] == ["input", "lif", "bias"]
    assert (program.network.simulation.resolution, program.network.simulation.duration) == (1.0, 100.0)
    assert {m.name for m in program.unique_models()} == {"nir_lif_neuron"}


def test_load_program_follows_a_changed_graph(tmp_path, monkeypatch):
    """issue 16 item 1: with the program cache on, a .nir rewritten at the same path is imported again."""
    monkeypatch.setenv("PORTASNN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("PORTASNN_PROGRAM_CACHE", raising=False)

    def tau_of(program) -> float:
        (lif,) = [p for p in program.network.populations if p.name == "lif"]
        return float(dict(lif.params)["tau"])

    path = tmp_path / "g.nir"
    write(single_lif(bias=2.0, tau=5.0, v_threshold=1.0), path)
    assert tau_of(load_program(path)) == 5.0
    assert tau_of(load_program(path)) == 5.0  # from the cache
    write(single_lif(bias=2.0, tau=7.0, v_threshold=1.0), path)
    assert tau_of(load_program(path)) == 7.0


# ---- refusals: exit 2, the node and the primitive named, no traceback ---------------------------------------

def _refused(capsys, *args) -> str:
    assert main(["import", "nir", *map(str, args)]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    return err


def test_a_nested_graph_with_two_inputs_named_without_its_port_is_refused(tmp_path, capsys):
    """issue 16 item 1: an edge to a nested graph with two Input nodes does not say which: E802 names it."""
    inner = nir.NIRGraph(nodes={"a": nir.Input(input_type={"input": np.array([2])}),
                                "b": nir.Input(input_type={"input": np.array([2])}),
                                "lif": nir.LIF(**lif_params(2, 5.0, 1.0)),
                                "out": nir.Output(output_type={"output": np.array([2])})},
                         edges=[("a", "lif"), ("b", "lif"), ("lif", "out")], type_check=False)
    g = nir.NIRGraph(nodes={
        "input": nir.Input(input_type={"input": np.array([2])}),
        "sub": inner,
        "output": nir.Output(output_type={"output": np.array([2])}),
    }, edges=[("input", "sub"), ("sub", "output")], type_check=False)
    write(g, tmp_path / "n.nir")
    err = _refused(capsys, tmp_path / "n.nir", "-o", tmp_path / "o")
    assert "E802" in err and "[sub]" in err and "several Input nodes" in err, err


@pytest.mark.parametrize("delay, says", [(np.array([1.0, 2.5]), "delay 2.5 (index 1) is 2.5 time steps"),
                                         (np.array([-1.0, 0.0]), "delay -1 (index 0) is -1 time steps")])
def test_a_delay_not_of_whole_steps_is_refused(tmp_path, capsys, delay, says):
    """issue 16 item 1: a Delay is a whole number of time steps >= 0 (E805 names the node and the element); it is
    not rounded."""
    g = nir.NIRGraph(nodes={
        "input": nir.Input(input_type={"input": np.array([2])}),
        "late": nir.Delay(delay=delay),
        "lif": nir.LIF(**lif_params(2, 5.0, 1.0)),
        "output": nir.Output(output_type={"output": np.array([2])}),
    }, edges=[("input", "late"), ("late", "lif"), ("lif", "output")])
    write(g, tmp_path / "d.nir")
    err = _refused(capsys, tmp_path / "d.nir", "-o", tmp_path / "o")
    assert "E805" in err and "[late]" in err and says in err, err


def test_a_weighted_output_is_refused(tmp_path, capsys):
    """issue 16 item 1: Conv2d -> Output (no neuron node after it) is refused (E802) naming the node."""
    g = nir.NIRGraph(nodes={
        "input": nir.Input(input_type={"input": np.array([1, 4, 4])}),
        "conv1": nir.Conv2d(input_shape=(4, 4), weight=np.ones((2, 1, 3, 3)), stride=1, padding=0, dilation=1,
                            groups=1, bias=np.zeros(2)),
        "output": nir.Output(output_type={"output": np.array([2, 2, 2])}),
    }, edges=[("input", "conv1"), ("conv1", "output")], type_check=False)
    write(g, tmp_path / "c.nir")
    err = _refused(capsys, tmp_path / "c.nir", "-o", tmp_path / "o")
    assert "E802" in err and "[conv1]" in err and "Conv2d node 'conv1' feeds Output" in err


def test_unknown_primitive_is_refused_with_the_node(tmp_path, capsys):
    """issue 16 item 1: a node type that NIR 1.0 does not define is refused (E801) naming the node."""
    import h5py

    write(single_lif(bias=1.0, tau=5.0, v_threshold=1.0), tmp_path / "u.nir")
    with h5py.File(tmp_path / "u.nir", "r+") as f:
        del f["node"]["nodes"]["lif"]["type"]
        f["node"]["nodes"]["lif"]["type"] = np.bytes_("Hodgkin")
    err = _refused(capsys, tmp_path / "u.nir", "-o", tmp_path / "o")
    assert "E801" in err and "node 'lif' is a 'Hodgkin'" in err


def _matrix(out, pre: str, post: str, shape) -> np.ndarray:
    w = np.zeros(shape)
    for part in ("exc", "inh"):
        f = out / "conn" / f"{pre}__{post}_{part}.npz"
        if f.is_file():
            d = np.load(f)
            np.add.at(w, (d["post"], d["pre"]), d["weight"])
    return w


def test_chained_weight_nodes_become_one_matrix(tmp_path):
    """issue 16 item 1: Affine -> Linear between two populations is one projection with W2 W1, and the
    Affine's bias reaches the LIF as W2 b1."""
    rng = np.random.default_rng(5)
    w1, b1, w2 = rng.normal(size=(3, 2)), rng.normal(size=3), rng.normal(size=(4, 3))
    g = nir.NIRGraph(nodes={
        "input": nir.Input(input_type={"input": np.array([2])}),
        "a": nir.Affine(weight=w1, bias=b1),
        "b": nir.Linear(weight=w2),
        "lif": nir.LIF(**lif_params(4, 5.0, 1.0)),
        "output": nir.Output(output_type={"output": np.array([4])}),
    }, edges=[("input", "a"), ("a", "b"), ("b", "lif"), ("lif", "output")])
    write(g, tmp_path / "ch.nir")
    assert main(["import", "nir", str(tmp_path / "ch.nir"), "-o", str(tmp_path / "o")]) == 0
    np.testing.assert_allclose(_matrix(tmp_path / "o", "input", "lif", (4, 2)), w2 @ w1, rtol=1e-12)
    np.testing.assert_allclose(_matrix(tmp_path / "o", "bias", "lif", (4, 1))[:, 0], w2 @ b1, rtol=1e-12)


@pytest.mark.parametrize("array, says", [
    (np.array([[0, np.nan, 0, 0]]), "holds nan at step 0, channel 1"),
    (np.array([[0, 0, 0, np.inf]]), "holds inf at step 0, channel 3"),
    (np.zeros((3, 5)), "5 values per step"),
    (np.array([["a", "b", "c", "d"]]), "expected numbers"),
])
def test_bad_input_arrays_are_refused(tmp_path, capsys, array, says):
    """issue 16 item 1: the input is finite numbers (0/1 spikes, or currents), one column per input (E803)."""
    write(_ff(np.random.default_rng(0)), tmp_path / "ff.nir")
    np.save(tmp_path / "x.npy", array)
    err = _refused(capsys, tmp_path / "ff.nir", "-o", tmp_path / "o", "--input", tmp_path / "x.npy")
    assert "E803" in err and says in err


def test_non_finite_and_non_positive_parameters_are_refused(tmp_path, capsys):
    """issue 16 item 1: tau <= 0 or a NaN is refused (E805) with the node and the field."""
    write(single_lif(bias=1.0, tau=-1.0, v_threshold=1.0), tmp_path / "t.nir")
    err = _refused(capsys, tmp_path / "t.nir", "-o", tmp_path / "o")
    assert "E805" in err and "node 'lif': tau must be positive" in err


def test_not_a_nir_file(tmp_path, capsys):
    (tmp_path / "x.nir").write_text("not hdf5")
    assert "E800" in _refused(capsys, tmp_path / "x.nir", "-o", tmp_path / "o")
    assert "E800" in _refused(capsys, tmp_path / "missing.nir", "-o", tmp_path / "o")


def test_discretisation_choices_the_graph_cannot_take_are_refused(tmp_path, capsys):
    """issue 16 item 1: --reset subtract (v = v - v_threshold) takes v_reset = 0, and --input-step hold is not
    lowered for a CubaLIF with tau_syn = tau_mem: both refused (E805) with the node and what to do instead."""
    g = nir.NIRGraph(nodes={
        "input": nir.Input(input_type={"input": np.array([1])}),
        "fc": nir.Linear(weight=np.ones((2, 1))),
        "lif": nir.LIF(**lif_params(2, 5.0, 1.0, v_reset=[0.0, 0.25])),
        "output": nir.Output(output_type={"output": np.array([2])}),
    }, edges=[("input", "fc"), ("fc", "lif"), ("lif", "output")])
    write(g, tmp_path / "lif.nir")
    err = _refused(capsys, tmp_path / "lif.nir", "-o", tmp_path / "o", "--reset", "subtract")
    assert "E805" in err and "node 'lif': --reset subtract takes v_reset = 0" in err and "0.25" in err
    assert "--reset value" in err
    write(_ff(np.random.default_rng(0)), tmp_path / "ff.nir")  # its CubaLIF: tau_syn 2, tau_mem 4 and 6: fine
    assert main(["import", "nir", str(tmp_path / "ff.nir"), "-o", str(tmp_path / "ok"), "--input-step", "hold"]) == 0
    g = _ff(np.random.default_rng(0))
    g.nodes["cuba"].tau_mem = np.array([4.0, 2.0])
    write(g, tmp_path / "same.nir")
    err = _refused(capsys, tmp_path / "same.nir", "-o", tmp_path / "o2", "--input-step", "hold")
    assert "E805" in err and "node 'cuba'" in err and "tau_syn = tau_mem (index 1)" in err


def test_a_graph_the_nir_type_check_rejects_is_read_with_a_warning(tmp_path, capsys):
    """issue 16: a graph whose Output declares another shape than its node gives (as older nir versions wrote,
    e.g. the NIR paper's lif_rockpool.nir) is read without the nir package's type check, with W807; a graph whose
    weights really do not fit its neurons is still refused (E805)."""
    nodes = {
        "input": nir.Input(input_type={"input": np.array([2])}),
        "fc": nir.Linear(weight=np.ones((3, 2))),
        "lif": nir.LIF(**lif_params(3, 5.0, 1.0)),
        "output": nir.Output(output_type={"output": np.array([1, 1, 3])}),
    }
    edges = [("input", "fc"), ("fc", "lif"), ("lif", "output")]
    write(nir.NIRGraph(nodes=nodes, edges=edges, type_check=False), tmp_path / "old.nir")
    with pytest.raises(ValueError, match="Type inference error"):
        nir.read(tmp_path / "old.nir")
    assert main(["import", "nir", str(tmp_path / "old.nir"), "-o", str(tmp_path / "o")]) == 0
    err = capsys.readouterr().err
    assert "W807" in err and "type check fails" in err
    assert "population lif: 3 nir_lif_neuron" in (tmp_path / "o" / "net.pnet").read_text()
    nodes["fc"] = nir.Linear(weight=np.ones((4, 2)))
    write(nir.NIRGraph(nodes=nodes, edges=edges, type_check=False), tmp_path / "bad.nir")
    err = _refused(capsys, tmp_path / "bad.nir", "-o", tmp_path / "o3")
    assert "E805" in err and "gives 4 values" in err


def test_an_unknown_discretisation_choice_is_refused_by_the_api(tmp_path):
    """issue 16 item 1: import_nir(input_step=..., reset=...) takes only the choices the CLI offers (E804)."""
    from portasnn.errors import UsageError
    from portasnn.frontend.nir import import_nir

    write(single_lif(bias=1.0, tau=5.0, v_threshold=1.0), tmp_path / "g.nir")
    for kwargs in ({"input_step": "euler"}, {"reset": "zero"}):
        with pytest.raises(UsageError) as caught:
            import_nir(tmp_path / "g.nir", tmp_path / "o", **kwargs)
        assert caught.value.code == "E804" and "pulse, hold" in caught.value.hint
    assert not (tmp_path / "o").exists()  # nothing written
