"""The C of portasnn's own sPyNNaker timing dependences (``nn_symm``, ``nn_pre_centered``, ``nn_restr_symm``,
written by the spinnaker target into ``c_models/src/stdp/``) compiled for this CPU against stand-ins of the sPyNNaker headers it includes
(``timing_shim/``) and run through sPyNNaker's deferred update (``timing_shim/timing_driver.c``), fed the exp
tables sPyNNaker's own host code writes: the weight word after every pre spike equals the independent Python
reference of sPyNNaker's algorithm (``test_stdp.spynnaker_stdp`` with the rule's pairing), which
spinnaker-host's engine also equals (issue 17 items 4-5: the rule the board would run is the rule the emulator
runs)."""
from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portasnn.program import load_program
from portasnn.targets import Options
from portasnn.targets import get as get_target
from portasnn.targets.spinnaker_host.runner import support_dir

from .test_stdp import s1615, spynnaker_stdp

SHIM = Path(__file__).parent / "timing_shim"
NETWORK = """network nn
model lif from "nestml:iaf_psc_delta_neuron"
synapse nn from "nestml:{rule}" {{ Wmax = 1 }}
population A: 2 lif
population B: 2 lif
connect A -> B: one_to_one, synapse = nn, weight = 0.5 mV, delay = 1 ms
simulate 10 ms resolution 1 ms
"""
# timing dependence -> (nestml model, pairing of the reference)
TIMINGS = {"nn_symm": ("stdp_nn_symm_synapse", "nearest"),
           "nn_pre_centered": ("stdp_nn_pre_centered_synapse", "pre_centered"),
           "nn_restr_symm": ("stdp_nn_restr_symm_synapse", "restricted")}


def build_driver(tmp: Path, timing: str) -> Path:
    (tmp / "nn.pnet").write_text(NETWORK.format(rule=TIMINGS[timing][0]))
    files = get_target("spinnaker").lower(load_program(tmp / "nn.pnet"), Options()).files
    src = tmp / "stdp"
    src.mkdir()
    for name in (f"timing_{timing}_impl.h", f"timing_{timing}_impl.c"):
        (src / name).write_text(files[f"c_models/src/stdp/{name}"])
    out = tmp / "driver"
    cmd = ["gcc", "-O2", "-std=gnu11", "-Wall", "-Werror", f"-I{SHIM}", f"-I{support_dir()}", f"-I{src}",
           f'-DTIMING_IMPL_H="timing_{timing}_impl.h"', str(SHIM / "timing_driver.c"),
           str(src / f"timing_{timing}_impl.c"), "-o", str(out)]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture(scope="module")
def drivers(tmp_path_factory) -> dict[str, Path]:
    return {timing: build_driver(tmp_path_factory.mktemp(timing), timing) for timing in TIMINGS}


@pytest.fixture(scope="module")
def driver(drivers) -> Path:
    return drivers["nn_symm"]


def run_driver(driver: Path, pre: list[int], post: list[int], *, dependence: str, tau_plus: float,
               tau_minus: float, lam: float, alpha: float, d: int, shift: int, word: int) -> list[int]:
    from spynnaker.pyNN.models.neuron.plasticity.stdp.common import get_exp_lut_array

    wmax = 1.0
    if dependence == "additive":
        a_plus, a_minus = s1615(lam * wmax), s1615(alpha * lam * wmax)
    else:
        a_plus, a_minus = s1615(lam), s1615(alpha * lam)
    words = np.concatenate([get_exp_lut_array(1.0, tau_plus), get_exp_lut_array(1.0, tau_minus)]).astype(np.uint32)
    events = sorted([(t, 0) for t in post] + [(t, 1) for t in pre])  # post spikes of a tick first
    head = [int(dependence == "multiplicative"), 0, s1615(wmax), a_plus, a_minus, shift, d, word, words.size]
    text = " ".join(str(int(v)) for v in [*head, *words.tolist(), len(events),
                                          *(x for t, kind in events for x in (kind, t))])
    proc = subprocess.run([str(driver)], input=text, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    return [int(x) for x in proc.stdout.split()]


def test_the_generated_timing_dependence_potentiates_and_depresses_as_nearest_pairs(driver):
    """Closed form: pre at 10, post bursts at 15, 18, 21 (d = 1): each post spike pairs with the pre spike at 10
    (all-to-all would also add the earlier pre spikes); the pre spike at 60 is depressed by the post at 21 only."""
    kw = dict(dependence="additive", tau_plus=20.0, tau_minus=20.0, lam=0.01, alpha=1.0, d=1, shift=6, word=8192)
    words = run_driver(driver, [10, 60], [15, 18, 21], **kw)
    assert words == [spynnaker_stdp([10], [15, 18, 21], dt=1.0, wmax=1.0, nearest=True, **kw),
                     spynnaker_stdp([10, 60], [15, 18, 21], dt=1.0, wmax=1.0, nearest=True, **kw)]
    assert words[0] == 8192 and words[1] != 8192  # nothing before the first pre spike; the burst moved it


def test_pre_centred_and_restricted_pairs_in_closed_form(drivers):
    """Closed form, additive (A = 0.01 * 2^15 = 328 per unit trace, one unit = 2048): pre spikes at 10 and 20, post
    spikes at 25 and 30, pre at 60 (d = 1, so the posts reach the synapse at 26 and 31)."""
    from spynnaker.pyNN.models.neuron.plasticity.stdp.common import get_exp_lut_array

    lut = get_exp_lut_array(1.0, 20.0).view(np.uint16)[2:].astype(int)
    kw = dict(dependence="additive", tau_plus=20.0, tau_minus=20.0, lam=0.01, alpha=1.0, d=1, shift=0, word=16384)
    for timing, (_, pairing) in TIMINGS.items():
        words = run_driver(drivers[timing], [10, 20, 60], [25, 30], **kw)
        assert words == [spynnaker_stdp([10, 20, 60][:k + 1], [25, 30], dt=1.0, wmax=1.0, pairing=pairing, **kw)
                         for k in range(3)], timing
    # pre-centred: the post at 26 potentiates with both pre spikes (1 + e^{-10/20}, decayed over 6 ms), the one at
    # 31 with nothing; the pre at 60 depresses with the post at 31 (29 ms)
    pre_trace = (lut[10] * 2048 >> 11) + 2048
    up = (pre_trace * lut[6]) >> 11
    down = (2048 * lut[29]) >> 11
    amul = lambda a, f: (a * (f << 4)) >> 15  # noqa: E731
    words = run_driver(drivers["nn_pre_centered"], [10, 20, 60], [25, 30], **kw)
    assert words[2] == 16384 + amul(328, up) - amul(328, down)
    # restricted: the post at 26 pairs with the pre at 20 only (the one at 31 not); the pre at 20 does not depress
    # (no post since 10), the one at 60 does, with the post at 31
    words = run_driver(drivers["nn_restr_symm"], [10, 20, 60], [25, 30], **kw)
    assert words[2] == 16384 + amul(328, (2048 * lut[6]) >> 11) - amul(328, down)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), timing=st.sampled_from(sorted(TIMINGS)))
def test_the_generated_timing_dependence_equals_the_reference_bit_for_bit(drivers, data, timing):
    """hypothesis: random trains (bursts beyond the 16-entry history included), delays, rules, weights and
    shifts, for each of portasnn's timing dependences; the word after every pre spike."""
    driver = drivers[timing]
    pre = sorted(data.draw(st.sets(st.integers(1, 400), max_size=30)))
    post = sorted(data.draw(st.sets(st.integers(1, 400), max_size=45)))
    kw = dict(dependence=data.draw(st.sampled_from(["additive", "multiplicative"])),
              tau_plus=data.draw(st.floats(3.0, 60.0)), tau_minus=data.draw(st.floats(3.0, 60.0)),
              lam=data.draw(st.floats(0.001, 0.3)), alpha=data.draw(st.floats(0.3, 2.0)),
              d=data.draw(st.integers(0, 15)), shift=data.draw(st.integers(0, 10)))
    kw["word"] = data.draw(st.integers(0, min(0xFFFF, 2 ** (15 - kw["shift"]))))  # at most Wmax = 1
    words = run_driver(driver, pre, post, **kw)
    assert len(words) == len(pre)
    for k, t in enumerate(pre):
        expected = spynnaker_stdp(pre[:k + 1], [p for p in post if p <= t], dt=1.0, wmax=1.0,
                                  pairing=TIMINGS[timing][1], **kw)
        assert words[k] == expected, (k, pre, post, kw)
