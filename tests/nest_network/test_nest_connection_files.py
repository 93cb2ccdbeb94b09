"""Connections from a file on the nest target (issue 16 item 2): NEST makes exactly the listed connections."""
from __future__ import annotations

import numpy as np
import pytest

from portasnn.errors import NetworkError
from portasnn.frontend.network import load_network
from portasnn.modules import resolve_models
from portasnn.targets.nest.script import load_script, lower_network


def _connections(tmp_path, net):
    import nest

    script = lower_network(net, resolve_models(net))
    path = tmp_path / script.filename
    path.write_text(script.text)
    module = load_script(path)
    nodes = module.build(1, 1)
    module.connect_network(*nodes)
    pops = nodes[0]
    first = {name: pops[name].tolist()[0] for name in ("A", "B")}
    found = nest.GetConnections(pops["A"], pops["B"])
    if not len(found):
        return [], script.text
    conns = found.get(["source", "target", "weight", "delay"])
    rows = sorted(zip(np.asarray(conns["source"]) - first["A"], np.asarray(conns["target"]) - first["B"],
                      conns["weight"], conns["delay"]))
    return rows, script.text


def _write(tmp_path, rule_options: str, model: str = "iaf_psc_exp") -> str:
    (tmp_path / "net.pnet").write_text(
        f"network ff\nmodel lif = nest {model}\npopulation A: 5 lif\npopulation B: 4 lif\n"
        f"connect A -> B: {rule_options}\nsimulate 10 ms resolution 0.1 ms\n")
    return str(tmp_path / "net.pnet")


def test_npz_with_weights_and_delays_gives_exactly_its_connections(tmp_path):
    """issue 16 item 2: every listed pair (with repeats) once, its weight (nA -> pA) and delay."""
    pre = np.array([0, 1, 4, 2, 4, 0])
    post = np.array([3, 0, 1, 1, 1, 3])
    weight = np.array([0.1, 0.05, 0.025, 0.0125, 0.2, 0.3])
    delay = np.array([1.0, 1.5, 2.0, 0.1, 3.3, 1.0])
    np.savez(tmp_path / "conn.npz", pre=pre, post=post, weight=weight, delay=delay, weight_unit=np.array("nA"))
    net = load_network(_write(tmp_path, 'from_file("conn.npz")'))
    rows, text = _connections(tmp_path, net)
    expected = sorted(zip(pre, post, weight * 1000.0, delay))
    assert len(rows) == len(expected)
    for got, want in zip(rows, expected):
        assert got[:2] == want[:2]
        assert got[2] == pytest.approx(want[2], rel=1e-12) and got[3] == pytest.approx(want[3], abs=1e-9)
    assert str(tmp_path / "conn.npz") in text and net.projections[0].data.sha256 in text


def test_npy_without_weights_takes_the_default_weight_and_delay(tmp_path):
    """issue 16 item 2: an (n, 2) .npy with weight = / delay = for every connection; inhibitory by the sign."""
    pairs = np.array([[0, 0], [1, 0], [3, 2], [4, 3]])
    np.save(tmp_path / "pairs.npy", pairs)
    net = load_network(_write(tmp_path, 'from_file("pairs.npy"), weight = -2 pA, delay = 1.2 ms'))
    assert net.projections[0].receptor == "inhibitory"
    rows, _ = _connections(tmp_path, net)
    assert [(int(a), int(b)) for a, b, _, _ in rows] == [tuple(p) for p in pairs]
    assert all(w == -2.0 and d == pytest.approx(1.2) for _, _, w, d in rows)


def test_positive_file_weights_sent_to_the_inhibitory_receptor_are_stored_negative(tmp_path):
    """issue 16 item 2: PyNN's convention, as for a `weight =` value: receptor = inhibitory negates."""
    np.save(tmp_path / "c.npy", np.array([[0, 1, 5.0], [2, 3, 7.5]]))
    net = load_network(_write(tmp_path, 'from_file("c.npy"), weight_unit = pA, receptor = inhibitory, '
                                        'delay = 1 ms'))
    rows, _ = _connections(tmp_path, net)
    assert [(int(a), int(b), w) for a, b, w, _ in rows] == [(0, 1, -5.0), (2, 3, -7.5)]


def test_a_file_changed_after_reading_is_refused(tmp_path):
    """issue 16 item 2: the script checks the file's sha256, lowering too (E251)."""
    np.save(tmp_path / "c.npy", np.array([[0, 1], [2, 3]]))
    net = load_network(_write(tmp_path, 'from_file("c.npy"), weight = 1 pA, delay = 1 ms'))
    np.save(tmp_path / "c.npy", np.array([[0, 1], [2, 2]]))
    script = lower_network(net, resolve_models(net))
    path = tmp_path / script.filename
    path.write_text(script.text)
    module = load_script(path)
    nodes = module.build(1, 1)
    with pytest.raises(SystemExit, match="changed since"):
        module.connect_network(*nodes)
    from portasnn.ir.datafiles import connections

    with pytest.raises(NetworkError) as err:
        connections(net.projections[0].data)
    assert err.value.code == "E251"


def test_per_neuron_parameters_from_files_are_what_nest_reports(tmp_path):
    """issue 16 item 2 (parameters): tau_m from an .npy in s, V_th from an .npz in mV, V_m (initial) in uV: each
    neuron's value in GetStatus is the file's, converted."""
    import nest

    tau = np.array([0.010, 0.012, 0.015, 0.02, 0.0125])
    vth = np.array([-55.0, -54.0, -53.5, -50.0, -52.25])
    vm = np.array([-70000.0, -65000.0, -60500.0, -71000.0, -69000.0])
    np.save(tmp_path / "tau.npy", tau)
    np.savez(tmp_path / "params.npz", V_th=vth, V_m=vm)
    (tmp_path / "net.pnet").write_text(
        'network pp\nmodel lif = nest iaf_psc_exp\npopulation A: 5 lif { tau_m = file("tau.npy", s), '
        'V_th = file("params.npz", "V_th", mV), V_m = file("params.npz", "V_m", uV) }\n'
        "population B: 2 lif\nsimulate 10 ms resolution 0.1 ms\n")
    net = load_network(tmp_path / "net.pnet")
    script = lower_network(net, resolve_models(net))
    path = tmp_path / script.filename
    path.write_text(script.text)
    module = load_script(path)
    pops = module.build(1, 1)[0]
    got = pops["A"].get(["tau_m", "V_th", "V_m"])
    assert np.allclose(got["tau_m"], tau * 1000.0, rtol=1e-14, atol=0)
    assert np.array_equal(got["V_th"], vth)
    assert np.allclose(got["V_m"], vm / 1000.0, rtol=1e-14, atol=0)
    assert pops["B"].get("tau_m") == (nest.GetDefaults("iaf_psc_exp")["tau_m"],) * 2


def test_an_empty_connection_file_connects_nothing(tmp_path):
    """issue 16 item 2: a file listing no connections (with a delay column) is valid and makes none."""
    np.savez(tmp_path / "none.npz", pre=np.zeros(0, np.int64), post=np.zeros(0, np.int64), weight=np.zeros(0),
             delay=np.zeros(0), weight_unit=np.array("pA"))
    net = load_network(_write(tmp_path, 'from_file("none.npz")'))
    rows, _ = _connections(tmp_path, net)
    assert rows == []
