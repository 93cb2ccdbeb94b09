"""Connection files in the network language (issue 16 item 2): every defect refused at the .pnet's file:line:col,
the IR keeps the file's relative path and sha256 (not its arrays), and the cache key and bundles follow the file."""
from __future__ import annotations

import hashlib
import json
import shutil

import numpy as np
import pytest

from portasnn.errors import NetworkError
from portasnn.frontend import reads
from portasnn.frontend.network import load_network
from portasnn.ir.serialize import canonical_json, ir_hash

LINE = 5  # the connect statement's line


def _write(tmp_path, rule: str, model: str = "iaf_psc_exp") -> str:
    (tmp_path / "net.pnet").write_text(
        f"network ff\nmodel lif = nest {model}\npopulation A: 5 lif\npopulation B: 4 lif\n"
        f"connect A -> B: {rule}\nsimulate 10 ms resolution 0.1 ms\n")
    return str(tmp_path / "net.pnet")


def _refused(tmp_path, rule: str, model: str = "iaf_psc_exp") -> NetworkError:
    with pytest.raises(NetworkError) as err:
        load_network(_write(tmp_path, rule, model))
    assert err.value.span is not None and err.value.span.line == LINE and err.value.span.file.endswith("net.pnet")
    return err.value


def _npz(tmp_path, name="c.npz", **arrays):
    np.savez(tmp_path / name, **arrays)
    return f'from_file("{name}")'


GOOD = dict(pre=np.array([0, 4]), post=np.array([3, 1]))


@pytest.mark.parametrize("arrays, code, words", [
    (dict(post=np.array([1])), "E247", "no array 'pre'"),
    (dict(GOOD, extra=np.array([1])), "E247", "unknown array 'extra'"),
    (dict(pre=np.array([0, 5]), post=np.array([3, 1])), "E248", "pre index 5 in row 1"),
    (dict(pre=np.array([0, 4]), post=np.array([-1, 1])), "E248", "post index -1 in row 0"),
    (dict(pre=np.array([0.0, 4.0]), post=np.array([3, 1])), "E248", "must hold integers"),
    (dict(GOOD, post=np.array([3, 1, 2])), "E248", "differ in length"),
    (dict(GOOD, weight=np.array([1.0, np.nan]), weight_unit=np.array("pA")), "E249", "not finite in row 1"),
    (dict(GOOD, weight=np.array([1.0, 2.0]), delay=np.array([1.0, -1.0]), weight_unit=np.array("pA")), "E249",
     "negative in row 1"),
    (dict(GOOD, weight=np.array([1.0, 2.0]), delay=np.array([1.0, 0.05]), weight_unit=np.array("pA")), "E249",
     "below the resolution"),
    (dict(GOOD, weight=np.array([1.0, 2.0])), "E250", "no weight_unit"),
    (dict(GOOD, weight=np.array([1.0, 2.0]), weight_unit=np.array("furlong")), "E250", "not a unit"),
    (dict(GOOD, weight=np.array([1.0, 2.0]), weight_unit=np.array("mV")), "E204", "wrong unit"),
    (dict(GOOD, weight=np.array([1.0, -2.0]), weight_unit=np.array("pA")), "E215", "positive (row 0) and negative"),
])
def test_defects_of_an_npz_are_refused_at_the_connect_statement(tmp_path, arrays, code, words):
    """issue 16 item 2: each defect with its code, the .pnet's line and what is wrong with the file."""
    rule = _npz(tmp_path, **arrays) + ("" if "delay" in arrays else ", delay = 1 ms")
    err = _refused(tmp_path, rule)
    assert err.code == code and words in err.message, err.message


def test_the_weight_unit_follows_the_post_models_synapse_type(tmp_path):
    """issue 16 item 2: the same rule (and message) as a `weight =` value: conductance synapses take nS."""
    arrays = dict(GOOD, weight=np.array([1.0, 2.0]), weight_unit=np.array("pA"))
    err = _refused(tmp_path, _npz(tmp_path, **arrays) + ", delay = 1 ms", model="iaf_cond_exp")
    via_value = _refused(tmp_path, "one_to_one, weight = 1 pA, delay = 1 ms", model="iaf_cond_exp")
    assert err.code == via_value.code == "E204" and "expected conductance" in err.message
    assert err.hint == via_value.hint
    (tmp_path / "ok.npz").unlink(missing_ok=True)
    np.savez(tmp_path / "ok.npz", **dict(GOOD, weight=np.array([1.0, 2.0]), weight_unit=np.array("uS")))
    net = load_network(_write(tmp_path, 'from_file("ok.npz"), delay = 1 ms', model="iaf_cond_exp"))
    assert net.projections[0].data.weight_factor == 1000.0 and net.projections[0].weight == 2000.0


def test_npy_defects_and_its_weight_unit_option(tmp_path):
    np.save(tmp_path / "bad.npy", np.zeros((3, 5)))
    assert _refused(tmp_path, 'from_file("bad.npy"), weight = 1 pA, delay = 1 ms').code == "E248"
    np.save(tmp_path / "frac.npy", np.array([[0.5, 1.0]]))
    err = _refused(tmp_path, 'from_file("frac.npy"), weight = 1 pA, delay = 1 ms')
    assert err.code == "E248" and "not a whole number in row 0" in err.message
    np.save(tmp_path / "w.npy", np.array([[0, 1, 2.0]]))
    assert _refused(tmp_path, 'from_file("w.npy"), delay = 1 ms').code == "E250"
    np.save(tmp_path / "obj.npy", np.array([[0, 1]], dtype=object), allow_pickle=True)
    err = _refused(tmp_path, 'from_file("obj.npy"), weight = 1 pA, delay = 1 ms')
    assert err.code == "E247" and "pickled" in err.message
    err = _refused(tmp_path, 'from_file("missing.npz"), weight = 1 pA, delay = 1 ms')
    assert err.code == "E247" and "not found" in err.message
    err = _refused(tmp_path, 'from_file("w.npy"), weight_unit = pA, weight = 1 pA, delay = 1 ms')
    assert err.code == "E216" and "gives the weights" in err.message
    err = _refused(tmp_path, 'from_file("w.npy"), weight_unit = pA, delay = uniform(1 ms, 2 ms)')
    assert err.code == "E252"
    net = load_network(_write(tmp_path, 'from_file("w.npy"), weight_unit = nA, delay = 1 ms'))
    assert net.projections[0].weight == 2000.0 and net.projections[0].data.weight_unit == "nA"


def test_the_ir_holds_the_relative_path_and_hash_not_the_arrays(tmp_path):
    """issue 16 item 2: `portasnn ir` stays small; the IR hash is the same in another directory and changes with
    the file; the frontend notes the file as read (the program cache key covers it)."""
    big = dict(pre=np.arange(5000) % 5, post=np.arange(5000) % 4)
    rule = _npz(tmp_path, "conn.npz", **big) + ", weight = 1 pA, delay = 1 ms"
    with reads.recording() as read:
        net = load_network(_write(tmp_path, rule))
    assert str((tmp_path / "conn.npz").resolve()) in read
    text = canonical_json(net)
    assert len(text) < 3000 and '"path":"conn.npz"' in text
    other = tmp_path / "elsewhere"
    other.mkdir()
    for name in ("net.pnet", "conn.npz"):
        shutil.copy(tmp_path / name, other / name)
    assert ir_hash(load_network(other / "net.pnet")) == ir_hash(net)
    np.savez(other / "conn.npz", pre=big["pre"], post=(big["post"] + 1) % 4)
    assert ir_hash(load_network(other / "net.pnet")) != ir_hash(net)


def test_existing_networks_serialise_as_before():
    """issue 16 item 2: the new IR field is omitted while unused, so existing hashes stay."""
    from portasnn.ir.network import Connector, Projection

    proj = Projection(name="p", pre="A", post="B", connector=Connector(rule="one_to_one"), weight=1.0, delay=1.0)
    assert "data" not in json.loads(canonical_json(proj))["ir"]


def test_a_bundle_holds_the_data_file_and_follows_it(tmp_path):
    """issue 16 item 2: built in two directories the bundle is byte-identical; a changed file changes it."""
    from runtime.bundle import bundle_network

    digests = []
    for sub in ("one", "two"):
        d = tmp_path / sub
        d.mkdir()
        np.savez(d / "conn.npz", pre=np.array([0, 4]), post=np.array([3, 1]))
        (d / "net.pnet").write_text(open(_write(tmp_path, 'from_file("conn.npz"), weight = 1 pA, delay = 1 ms'))
                                    .read())
        b = bundle_network(d / "net.pnet", outdir=d / "out")
        assert "src/conn.npz" in " ".join(b.manifest["files"])
        digests.append((b.digest, (b.path.read_bytes())))
    assert digests[0] == digests[1]
    np.savez(tmp_path / "two" / "conn.npz", pre=np.array([0, 4]), post=np.array([3, 2]))
    assert bundle_network(tmp_path / "two" / "net.pnet", outdir=tmp_path / "two" / "out2").digest != digests[0][0]


@pytest.mark.parametrize("rule", [
    'from_file("sub/c.npz")',
    'from_file("w.npy"), weight_unit = nA, delay = 2 ms, receptor = inhibitory',
    'from_file("p.npy"), weight = -3 pA, delay = 1.5 ms',
])
def test_the_printer_writes_connection_files_back(tmp_path, rule):
    """issue 16 item 2: to_pnet of a network with connection files reads back to an equal IR."""
    from portasnn.frontend.network import parse_network_text
    from portasnn.ir.printer import to_pnet

    (tmp_path / "sub").mkdir()
    np.savez(tmp_path / "sub" / "c.npz", pre=np.array([1, 2]), post=np.array([0, 3]), weight=np.array([1.0, 2.0]),
             delay=np.array([1.0, 2.5]), weight_unit=np.array("nA"))
    np.save(tmp_path / "w.npy", np.array([[0, 1, 0.5], [2, 3, 0.25]]))
    np.save(tmp_path / "p.npy", np.array([[0, 1], [4, 3]]))
    net = load_network(_write(tmp_path, rule))
    text = to_pnet(net)
    again = parse_network_text(text, str(tmp_path / "printed.pnet"))
    assert again.projections == net.projections and again == net


def _param_net(tmp_path, value: str, item: str = "tau_m") -> str:
    (tmp_path / "p.pnet").write_text(f"network pp\nmodel lif = nest iaf_psc_exp\n"
                                     f"population A: 4 lif {{ {item} = {value} }}\nsimulate 10 ms\n")
    return str(tmp_path / "p.pnet")


@pytest.mark.parametrize("value, code, words", [
    ('file("tau.npy", mV)', "E204", "wrong unit"),
    ('file("short.npy", ms)', "E248", "one value per neuron (4,)"),
    ('file("p.npz", "nope", ms)', "E247", "no array 'nope'"),
    ('file("p.npz", ms)', "E247", "an .npz with the array's name given"),
    ('file("nan.npy", ms)', "E249", "not finite at neuron 2"),
    ('file("obj.npy", ms)', "E247", "pickled"),
    ('file("gone.npy", ms)', "E247", "not found"),
    ('file("tau.npy")', "E210", "the unit of its values"),
    ('"tau.npy"', "E216", "only valid as a file name"),
])
def test_defects_of_a_parameter_file_are_refused_where_it_is_named(tmp_path, value, code, words):
    """issue 16 item 2 (parameters): each defect with its code, the .pnet's line 3 and what is wrong."""
    np.save(tmp_path / "tau.npy", np.array([10.0, 11.0, 12.0, 13.0]))
    np.save(tmp_path / "short.npy", np.array([10.0, 11.0]))
    np.save(tmp_path / "nan.npy", np.array([10.0, 11.0, np.nan, 13.0]))
    np.save(tmp_path / "obj.npy", np.array([1, 2, 3, 4], dtype=object), allow_pickle=True)
    np.savez(tmp_path / "p.npz", tau=np.array([10.0, 11.0, 12.0, 13.0]))
    with pytest.raises(NetworkError) as err:
        load_network(_param_net(tmp_path, value))
    assert err.value.code == code and words in err.value.message, err.value.message
    assert err.value.span is not None and err.value.span.line == 3


def test_parameter_files_print_back_and_follow_the_file(tmp_path):
    """issue 16 item 2 (parameters): the printer writes file(...) back; the IR hash changes with the file."""
    from portasnn.frontend.network import parse_network_text
    from portasnn.ir.printer import to_pnet

    np.savez(tmp_path / "p.npz", V=np.array([-60.0, -61.0, -62.0, -63.0]))
    with reads.recording() as read:
        net = load_network(_param_net(tmp_path, 'file("p.npz", "V", mV)', "V_m"))
    assert str((tmp_path / "p.npz").resolve()) in read
    assert parse_network_text(to_pnet(net), str(tmp_path / "printed.pnet")) == net
    np.savez(tmp_path / "p.npz", V=np.array([-60.0, -61.0, -62.0, -64.0]))
    assert ir_hash(load_network(tmp_path / "p.pnet")) != ir_hash(net)


def test_the_builder_makes_the_same_ir_as_the_pnet(tmp_path, monkeypatch):
    """issue 16 item 2: net.connect(..., connector=portasnn.from_file(...)) and portasnn.file(...) give the IR the
    .pnet statements give (paths relative to the current directory)."""
    import portasnn

    monkeypatch.chdir(tmp_path)
    np.save(tmp_path / "w.npy", np.array([[0, 1, 0.5], [2, 3, 0.25]]))
    np.save(tmp_path / "p.npy", np.array([[0, 1], [4, 3]]))
    np.savez(tmp_path / "v.npz", V=np.array([-60.0, -61.0, -62.0, -63.0, -64.0]))
    (tmp_path / "net.pnet").write_text(
        "network ff\nmodel lif = nest iaf_psc_exp\n"
        'population A: 5 lif { V_th = file("v.npz", "V", mV), tau_m = file("tau.npy", s) }\npopulation B: 4 lif\n'
        'connect A -> B: from_file("w.npy"), weight_unit = nA, delay = 2 ms, receptor = inhibitory\n'
        'connect A -> B: from_file("p.npy"), weight = -3 pA, delay = 1.5 ms\n'
        "simulate 10 ms resolution 0.1 ms\n")
    np.save(tmp_path / "tau.npy", np.array([0.01, 0.02, 0.03, 0.04, 0.05]))
    net = portasnn.Network("ff")
    net.model("lif", nest="iaf_psc_exp")
    net.population("A", 5, "lif", params={"V_th": portasnn.file("v.npz", "V", "mV"),
                                          "tau_m": portasnn.file("tau.npy", "s")})
    net.population("B", 4, "lif")
    net.connect("A", "B", connector=portasnn.from_file("w.npy", weight_unit="nA"), delay=2.0, receptor="inhibitory")
    net.connect("A", "B", portasnn.from_file("p.npy"), weight="-3 pA", delay="1.5 ms")
    net.simulate(10.0, resolution=0.1)
    built, read = net.ir(), load_network(tmp_path / "net.pnet")
    assert built.populations == read.populations and built.projections == read.projections
    assert ir_hash(built) == ir_hash(read)
    with pytest.raises(NetworkError) as err:
        net.connect("A", "B", portasnn.from_file("p.npy"), delay=1.0)
    assert err.value.code == "E216" and "needs weight" in err.value.message


def test_the_program_cache_follows_a_changed_data_file(tmp_path, monkeypatch):
    """issue 16 item 2: a program loaded from the cache is the one of the current connection file."""
    from portasnn.program import load_program

    monkeypatch.setenv("PORTASNN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PORTASNN_PROGRAM_CACHE", "1")
    np.savez(tmp_path / "conn.npz", pre=np.array([0, 4]), post=np.array([3, 1]))
    pnet = _write(tmp_path, 'from_file("conn.npz"), weight = 1 pA, delay = 1 ms')
    first = load_program(pnet).network.projections[0].data
    assert load_program(pnet).network.projections[0].data == first  # from the cache
    np.savez(tmp_path / "conn.npz", pre=np.array([0, 4]), post=np.array([3, 2]))
    again = load_program(pnet).network.projections[0].data
    assert again.sha256 != first.sha256 and again.sha256 == hashlib.sha256((tmp_path / "conn.npz").read_bytes()
                                                                           ).hexdigest()
