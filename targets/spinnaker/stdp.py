"""The sPyNNaker files of plastic projections.

sPyNNaker runs a plastic population with the binary ``<neuron stem>_stdp_mad_<timing>_<weight>.aplx``: the
neuron model built with its STDP "MAD" synapse dynamics, a timing dependence and a weight dependence. For every
NESTML neuron model that receives plastic input, with the rule it receives (``plasticity.population_rules``),
portasnn writes that binary's Makefile (``c_models/makefiles/<binary>/Makefile``). Timing ``pair`` and the additive
and multiplicative weight dependences are sPyNNaker's, as is the triplet rule (timing ``pfister_triplet`` with
the additive two-term weight dependence); the nearest-neighbour timings are portasnn's own, written
in sPyNNaker's conventions (``OWN_TIMING``), each as:

    c_models/src/stdp/timing_<timing>_impl.h, .c          the C (the pair rule's exp tables)
    python_models/portasnn_models/<timing>.py             its AbstractTimingDependence (SpikePairRule's
                                                          parameters and data)

``nn_symm`` (nestml's ``stdp_nn_symm_synapse``) sets a spike's trace to 1 instead of adding 1;
``nn_pre_centered`` and ``nn_restr_symm`` also keep per-synapse state in sPyNNaker's weight-accumulator synapse
structure (two half-words per synapse).
spinnaker-host runs the same rules (``support/stdp.h``).
"""
from __future__ import annotations

from dataclasses import dataclass

from portasnn.errors import NetworkError
from portasnn.ir.network import Network

from .plasticity import PairRule, population_rules

WEIGHT_FILES = {"additive": "weight_additive_one_term_impl", "multiplicative": "weight_multiplicative_impl"}


@dataclass(frozen=True)
class OwnTiming:
    """One of portasnn's own timing dependences: its module and class in the package, the class's docstring
    head, and whether its synapses carry an accumulator half-word."""

    module: str
    cls: str
    doc: str
    accumulator: bool = False


OWN_TIMING = {
    "nn_symm": OwnTiming("nn_symm", "NearestSymmetricPairRule",
                         "Symmetric nearest-neighbour pair STDP (nestml's stdp_nn_symm_synapse)"),
    "nn_pre_centered": OwnTiming("nn_pre_centered", "NearestPreCenteredPairRule",
                                 "Pre-centred nearest-neighbour pair STDP (nestml's stdp_nn_pre_centered_synapse)",
                                 accumulator=True),
    "nn_restr_symm": OwnTiming("nn_restr_symm", "NearestRestrictedPairRule",
                               "Restricted symmetric nearest-neighbour pair STDP (nestml's "
                               "stdp_nn_restr_symm_synapse)", accumulator=True),
}


@dataclass(frozen=True)
class StdpBinary:
    """One plastic binary: neuron model ``stem`` with timing ``timing`` and weight dependence ``dependence``."""

    stem: str
    timing: str
    dependence: str

    @property
    def name(self) -> str:
        return f"{self.stem}_stdp_mad_{self.timing}_{self.dependence}"


def stdp_binaries(network: Network | None, lowered: dict, board: bool) -> list[StdpBinary]:
    """The plastic binaries the network's populations need that portasnn builds (``lowered``: model key ->
    Lowered); sPyNNaker's built-in cells with its own rules use its shipped binaries. On a board (``board``), a
    built-in cell with portasnn's own timing dependence is refused (E240: no such binary ships)."""
    if network is None:
        return []
    out: list[StdpBinary] = []
    for post, rule in population_rules(network).items():
        pop = network.population(post)
        low = lowered[pop.model]
        if getattr(low, "builtin", False):
            if board and rule.timing in OWN_TIMING:
                raise NetworkError(f"population {post} is sPyNNaker's built-in {low.name}, which sPyNNaker ships no "
                                   f"binary for with the plastic rule of synapse {rule.synapse} (portasnn's "
                                   f"'{rule.timing}' timing dependence)", span=rule.span, code="E240",
                                   construct=f"synapse {rule.synapse}",
                                   hint="use a NESTML neuron model for this population (portasnn builds its plastic "
                                   "binary), or run on spinnaker-host")
            continue
        binary = StdpBinary(low.stem, rule.timing, rule.dependence)
        if binary not in out:
            out.append(binary)
    return out


def timing_class(rule: PairRule) -> str:
    """The Python expression of the rule's timing dependence class in the generated PyNN script."""
    return OWN_TIMING[rule.timing].cls if rule.timing in OWN_TIMING else "p.SpikePairRule"


def stdp_files(binaries: list[StdpBinary], package: str, spynnaker: str) -> dict[str, str]:
    """The Makefiles of ``binaries`` and the files of portasnn's own timing dependences they use."""
    from .render import render

    files: dict[str, str] = {}
    for b in binaries:
        own = b.timing in OWN_TIMING
        weight = "weight_additive_two_term_impl" if b.timing == "pfister_triplet" else WEIGHT_FILES[b.dependence]
        files[f"c_models/makefiles/{b.name}/Makefile"] = render("stdp_Makefile.j2", b=b, own=own, weight=weight,
                                                                spynnaker=spynnaker)
        if own:
            own_timing = OWN_TIMING[b.timing]
            files[f"c_models/src/stdp/timing_{b.timing}_impl.h"] = render(f"timing_{b.timing}_impl.h.j2",
                                                                           spynnaker=spynnaker)
            files[f"c_models/src/stdp/timing_{b.timing}_impl.c"] = render("timing_nn_impl.c.j2", timing=b.timing,
                                                                           spynnaker=spynnaker)
            files[f"python_models/{package}/{own_timing.module}.py"] = render(
                "timing_class.py.j2", timing=b.timing, cls=own_timing.cls, doc=own_timing.doc,
                accumulator=own_timing.accumulator, spynnaker=spynnaker)
    return files


def package_classes(binaries: list[StdpBinary]) -> list[tuple[str, str]]:
    """(module, class) of portasnn's own timing dependences the package exports."""
    return sorted({(OWN_TIMING[b.timing].module, OWN_TIMING[b.timing].cls) for b in binaries
                   if b.timing in OWN_TIMING})
