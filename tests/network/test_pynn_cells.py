"""PyNN's standard cell types in the network language and the Python builder (issue 14 item 5): PyNN's names,
PyNN's units converted once to the IR's, PyNN's defaults; unknown cell types and parameters refused at their
file:line:col."""
from __future__ import annotations

import subprocess
import sys

import pytest

from portasnn.builder import AllToAll, Network, Uniform
from portasnn.errors import NetworkError
from portasnn.frontend.network import parse_network_text
from portasnn.ir.printer import to_pnet
from portasnn.ir.pynn_cells import CELL_TYPES

TEXT = """network t
model lif = pynn IF_curr_exp { tau_m = 10 ms, cm = 0.25 nF }
model dlt = pynn IF_curr_delta
population A: 4 lif { i_offset = 0.5 nA, v ~ uniform(-65 mV, -55 mV) }
population B: 2 dlt { tau_refrac = 2 ms, v_thresh = -52 mV }
connect A -> B: all_to_all, weight = 0.5 mV, delay = 1 ms
stimulus drive: spikes(times = [5 ms, 10 ms]) -> A weight = 0.3 nA, delay = 1 ms
record spikes of A
record v, isyn_exc of A every 0.1 ms
simulate 100 ms resolution 0.1 ms seed 1
"""


def test_pynn_model_reference_and_units_converted_once() -> None:
    """issue 14 item 5: `model k = pynn IF_curr_exp { ... }` -> a "pynn" ModelRef; nF -> pF, nA -> pA, mV/ms kept."""
    net = parse_network_text(TEXT, "t.pnet")
    ref = net.model("lif")
    assert (ref.kind, ref.name) == ("pynn", "IF_curr_exp")
    a = net.population("A")
    assert dict(a.params) == {"tau_m": 10.0, "cm": 250.0, "i_offset": 500.0}  # model block + population's own
    assert dict(a.initial)["v"].params == (("low", -65.0), ("high", -55.0))
    assert dict(net.population("B").params) == {"tau_refrac": 2.0, "v_thresh": -52.0}
    assert net.projections[0].weight == 0.5  # delta synapses: mV
    assert net.stimuli[0].weight == 300.0  # current synapses: pA


def test_defaults_are_pynns() -> None:
    """issue 14 item 5: the table's defaults are PyNN 0.13's, read from pyNN itself, in the IR units."""
    from pyNN.standardmodels import cells

    factor = {"mV": 1.0, "ms": 1.0, "nA": 1000.0, "nF": 1000.0, "uS": 1000.0, "nS": 1.0, "/ms": 1.0, "mV/ms": 1.0,
              "": 1.0}
    for name, cell in CELL_TYPES.items():
        pynn = getattr(cells, name)
        expected = {k: v * factor[pynn.units[k]] for k, v in {**pynn.default_parameters,
                                                              **pynn.default_initial_values}.items()}
        assert cell.defaults == expected, name


def test_printer_round_trip() -> None:
    net = parse_network_text(TEXT, "t.pnet")
    assert parse_network_text(to_pnet(net), "t2.pnet") == net


def test_builder_equivalent() -> None:
    """issue 14 item 5: net.model(key, pynn=...) makes the IR the .pnet text makes."""
    b = Network("t")
    b.model("lif", pynn="IF_curr_exp")
    b.model("dlt", pynn="IF_curr_delta")
    a = b.population("A", 4, "lif", params={"tau_m": "10 ms", "cm": "0.25 nF", "i_offset": "0.5 nA"},
                     initial={"v": Uniform(-65.0, -55.0)})
    d = b.population("B", 2, "dlt", params={"tau_refrac": "2 ms", "v_thresh": "-52 mV"})
    b.connect(a, d, AllToAll(), weight="0.5 mV", delay=1.0)
    b.spike_times("drive", targets=[a], times=[5.0, 10.0], weight="0.3 nA", delay=1.0)
    b.record_spikes(a)
    b.record(a, ["v", "isyn_exc"], interval=0.1)
    b.simulate(100, resolution=0.1, seed=1)
    assert b.ir().populations == parse_network_text(TEXT, "t.pnet").populations
    assert b.ir().stimuli[0].weight == 300.0
    with pytest.raises(NetworkError) as exc:
        b.model("bad", pynn="IF_curr_exponential")
    assert exc.value.code == "E280"
    with pytest.raises(NetworkError) as exc:
        b.population("C", 1, "lif", params={"tau_mem": 10.0})
    assert exc.value.code == "E207"


@pytest.mark.parametrize("line, code, col", [
    ("model x = pynn IF_curr_exponential", "E280", 16),
    ("model x = pynn IF_curr_exp { tau_mem = 10 ms }", "E207", 30),
    ("model x = pynn IF_curr_exp { cm = 250 pA }", "E204", 35),
    ("model x = pynn IF_curr_exp { cm = 1.0 }", "E204", 35),  # PyNN's units are written, never implied
    ("model x = pynn IF_curr_delta { tau_syn_E = 5 ms }", "E207", 32),
])
def test_refusals_with_file_line_col(tmp_path, line: str, code: str, col: int) -> None:
    """issue 14 item 5: an unknown cell type or parameter, or a wrong unit, exits 2 with file:line:col."""
    path = tmp_path / "bad.pnet"
    path.write_text(f"network bad\n{line}\npopulation P: 1 x\nsimulate 10 ms\n")
    run = subprocess.run([sys.executable, "-m", "portasnn.cli", "ir", str(path)], capture_output=True, text=True)
    assert run.returncode == 2, run.stderr
    assert f"{path}:2:{col}: error {code}" in run.stderr, run.stderr


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=40, deadline=None)
@given(cell=st.sampled_from(sorted(CELL_TYPES)), data=st.data())
def test_units_converted_once_property(cell: str, data) -> None:
    """issue 14 item 5: any subset of a cell type's parameters, written in PyNN's units, is held in the IR as the
    value times PyNN's factor to the IR unit (nA -> pA, nF -> pF, uS -> nS: 1000), and the printer writes it back."""
    params = CELL_TYPES[cell].params
    chosen = data.draw(st.lists(st.sampled_from(params), unique_by=lambda p: p.name, max_size=len(params)))
    values = {p.name: data.draw(st.floats(0.01, 500.0, allow_nan=False).map(lambda x: round(x, 3))) for p in chosen}
    block = ", ".join(f"{p.name} = {values[p.name]!r} {p.unit}" for p in chosen)
    net = parse_network_text(f"network p\nmodel m = pynn {cell} {{ {block} }}\npopulation P: 3 m\nsimulate 10 ms\n",
                             "p.pnet")
    factor = {"mV": 1.0, "ms": 1.0, "nA": 1000.0, "nF": 1000.0, "uS": 1000.0, "nS": 1.0, "/ms": 1.0, "mV/ms": 1.0,
              "": 1.0}
    got = dict(net.population("P").params)
    assert got == pytest.approx({p.name: values[p.name] * factor[p.unit] for p in chosen}, rel=1e-12)
    assert parse_network_text(to_pnet(net), "p2.pnet") == net
