"""The generated script run by hand gives what ``portasnn run`` gave; results load as neo."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from brunel_ir import brunel
from nestnet_support import NESTML_DELTA, load_spikes
from portasnn.results import read_results
from portasnn.run import run


@pytest.fixture(scope="module")
def in_process(tmp_path_factory):
    out = tmp_path_factory.mktemp("inproc") / "out"
    return run(brunel(400, seed=7, duration=300.0, record_vm=(0, 5, 399)), outdir=out, progress=False)


def _standalone(script, outdir, *args):
    env = {**os.environ, "PYNEST_QUIET": "1"}
    proc = subprocess.run([sys.executable, str(script), "--outdir", str(outdir), "--quiet", *args],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return outdir


@pytest.mark.parametrize("plain", [False, True], ids=["with-portasnn", "numpy-only"])
def test_script_run_by_hand_gives_identical_results(in_process, tmp_path, plain):
    script = in_process / "run_brunel.py"
    out = _standalone(script, tmp_path / "by_hand", *(["--plain"] if plain else []))
    for pop in ("E", "I"):
        mine, theirs = load_spikes(in_process, pop), load_spikes(out, pop)
        assert len(mine[0]) > 1000
        np.testing.assert_array_equal(mine[0], theirs[0])
        np.testing.assert_array_equal(mine[1], theirs[1])
        with np.load(in_process / "spikes" / f"{pop}.npz") as a, np.load(out / "spikes" / f"{pop}.npz") as b:
            np.testing.assert_array_equal(a["recorded"], b["recorded"])  # numpy alone writes the same format
    assert read_results(out).recorded_neurons("E").size == 400
    with np.load(in_process / "traces" / "E__V_m.npz") as a, np.load(out / "traces" / "E__V_m.npz") as b:
        for key in ("times", "ids", "values", "unit"):
            np.testing.assert_array_equal(a[key], b[key])
    meta = json.loads((out / "meta.json").read_text())
    assert meta["format"] == "portasnn-results/2" and meta["seed"] == 7 and meta["target"] == "nest"
    assert set(meta["wall_time_s"]) == {"build", "connect", "simulate"}
    assert (out / "summary.json").is_file() != plain


def test_another_seed_by_hand_gives_other_spikes(in_process, tmp_path):
    out = _standalone(in_process / "run_brunel.py", tmp_path / "seed8", "--seed", "8", "--plain")
    assert not np.array_equal(load_spikes(in_process, "E")[1], load_spikes(out, "E")[1])


def test_two_virtual_processes_are_deterministic(tmp_path):
    first = run(brunel(400, seed=3, duration=200.0, threads=2), outdir=tmp_path / "a", progress=False)
    again = run(brunel(400, seed=3, duration=200.0, threads=2), outdir=tmp_path / "b", progress=False)
    assert json.loads((first / "meta.json").read_text())["virtual_processes"] == 2
    np.testing.assert_array_equal(load_spikes(first, "E")[1], load_spikes(again, "E")[1])
    np.testing.assert_array_equal(load_spikes(first, "E")[0], load_spikes(again, "E")[0])


def test_results_load_as_neo_block(in_process):
    import neo

    from portasnn.results import load_results

    block = load_results(in_process)
    assert isinstance(block, neo.Block)
    trains = block.segments[0].spiketrains
    by_pop = {pop: [st for st in trains if st.annotations["source_population"] == pop] for pop in ("E", "I")}
    assert len(by_pop["E"]) == 400 and len(by_pop["I"]) == 100
    senders, times = load_spikes(in_process, "E")
    index0 = next(st for st in by_pop["E"] if st.annotations["source_index"] == 0)
    np.testing.assert_allclose(np.asarray(index0.rescale("ms")), times[senders == 0])
    signal = block.segments[0].analogsignals[0]
    assert signal.name == "V_m" and signal.shape[1] == 3 and float(signal.t_start) == 0.0


@pytest.fixture(scope="module")
def recorded(in_process):
    """The script's own data of one run, as one rank holds it."""
    from portasnn.targets.nest.script import load_script

    module = load_script(in_process / "run_brunel.py")
    nodes = module.build(module.SEED, 1)
    module.connect_network(*nodes)
    module.simulate(None)
    return module, module.collect(nodes[0], nodes[2])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ranks=st.integers(1, 4), seed=st.integers(0, 2**32 - 1))
def test_parts_of_any_rank_split_merge_to_the_whole(recorded, ranks, seed):
    """Under MPI each rank holds the neurons it owns; rank 0 merges their parts."""
    module, data = recorded
    owner = {"E": np.random.default_rng(seed).integers(0, ranks, size=400),
             "I": np.random.default_rng(seed + 1).integers(0, ranks, size=100)}  # rank of each neuron
    parts = [_part(data, owner, rank) for rank in range(ranks)]
    merged = module.merge_parts(parts[::-1])
    for key, value in data.items():
        if key.startswith("spikes"):
            pop = key.split("|")[1]
            order = np.lexsort((merged[f"spikes|{pop}|senders"], merged[f"spikes|{pop}|times"]))
            want = np.lexsort((data[f"spikes|{pop}|senders"], data[f"spikes|{pop}|times"]))
            np.testing.assert_array_equal(merged[key][order], value[want])
        else:
            np.testing.assert_array_equal(merged[key], value)


def _part(data, owner, rank):
    """What ``collect`` gives on ``rank`` when ``owner[pop][i]`` is the rank of neuron i."""
    part = {}
    for key, value in data.items():
        kind, pop, *rest = key.split("|")
        if kind == "spikes" and rest == ["senders"]:
            mine = owner[pop][value] == rank
            part[key], part[f"spikes|{pop}|times"] = value[mine], data[f"spikes|{pop}|times"][mine]
        elif kind == "trace" and rest[-1] == "ids":
            stem = key[: -len("ids")]
            mine = owner[pop][value] == rank
            part[stem + "ids"] = value[mine]
            part[stem + "times"] = data[stem + "times"] if mine.any() else np.empty(0)
            part[stem + "values"] = data[stem + "values"][:, mine] if mine.any() else np.empty((0, 0))
    return part


@pytest.mark.slow
def test_script_with_a_nestml_model_runs_by_hand(tmp_path):
    """The script loads the portasnn-built module by its absolute path in a fresh process."""
    net = brunel(200, seed=4, duration=100.0, model="nestml", nestml_path=str(NESTML_DELTA))
    first = run(net, outdir=tmp_path / "inproc", progress=False)
    text = (first / "run_brunel.py").read_text()
    assert "nest.Install(" in text and "iaf_psc_delta_neuron" in text
    again = _standalone(first / "run_brunel.py", tmp_path / "by_hand", "--plain")
    for pop in ("E", "I"):
        np.testing.assert_array_equal(load_spikes(first, pop)[1], load_spikes(again, pop)[1])
        np.testing.assert_array_equal(load_spikes(first, pop)[0], load_spikes(again, pop)[0])


def test_simulating_in_chunks_equals_one_simulate(recorded, in_process):
    """The script's chunked run (progress) gives the spikes of a single nest.Simulate of the same network."""
    import nest

    module, chunked = recorded
    nodes = module.build(module.SEED, 1)
    module.connect_network(*nodes)
    nest.Simulate(module.DURATION_MS + nest.min_delay)  # the script's extra slice hands over the last samples
    whole = module.collect(nodes[0], nodes[2])
    for key in ("spikes|E|senders", "spikes|E|times", "spikes|I|times", "trace|E|V_m|values"):
        np.testing.assert_array_equal(chunked[key], whole[key])
