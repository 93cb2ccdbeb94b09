"""Plastic synapses on the spinnaker targets: the rules of a network that sPyNNaker 7.4.1's STDP runs.

``nest:stdp_synapse`` lowers onto sPyNNaker's built-in mechanism (``STDPMechanism``) where the two agree on the
rule: all-to-all pair timing (``SpikePairRule``, tau_plus, tau_minus) and a weight dependence with
``mu_plus = mu_minus = 0`` (``AdditiveWeightDependence``) or ``mu_plus = mu_minus = 1``
(``MultiplicativeWeightDependence``), weights between 0 and ``|Wmax|``. NEST's rule in these two cases:

- additive: potentiation ``dw = lambda * Wmax * K+``, depression ``dw = -alpha * lambda * Wmax * K-``, clamped to
  [0, Wmax]; sPyNNaker's additive dependence adds ``A_plus * r`` and subtracts ``A_minus * o``, clamped, so
  ``A_plus = lambda * Wmax``, ``A_minus = alpha * lambda * Wmax`` (weights' units);
- multiplicative: ``dw = lambda * (Wmax - w) * K+`` and ``dw = -alpha * lambda * w * K-``; sPyNNaker's
  multiplicative dependence moves by ``(w_max - w) * A_plus * r`` and ``(w - w_min) * A_minus * o``, so
  ``A_plus = lambda``, ``A_minus = alpha * lambda`` (plain numbers).

nestml's ``stdp_synapse`` is NEST's rule (its parameters renamed). nestml's ``stdp_nn_symm_synapse`` pairs each pre
spike with the last post spike before it and each post spike with the last pre spike before it (symmetric
nearest-neighbour pairs: both traces are set to 1 at a spike instead of growing by 1); it lowers onto portasnn's own
sPyNNaker timing dependence ``nn_symm`` (``stdp.py``: its C, its Python class, the Makefiles), with the same weight
dependences. So do nestml's two other nearest-neighbour rules, onto ``nn_pre_centered`` (each pre spike pairs with
the last post spike before it and, all pre spikes since the last post spike together, with the first post spike
after it) and ``nn_restr_symm`` (a pre spike and a post spike pair only if no other spike of either came between
them); both keep per-synapse state in sPyNNaker's weight-accumulator synapse structure. nestml's
``stdp_triplet_synapse`` lowers onto sPyNNaker's own triplet rule (``PfisterSpikeTriplet`` with
``WeightDependenceAdditiveTriplet``). Any other ``mu`` is refused (E240), as is a second, different rule onto one
population (E260: sPyNNaker keeps one STDP rule per post-synaptic population).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from portasnn.errors import NetworkError
from portasnn.ir.network import Network, Projection, Synapse

NEST_DEFAULTS = {"tau_plus": 20.0, "tau_minus": 20.0, "lambda": 0.01, "alpha": 1.0, "mu_plus": 1.0,
                 "mu_minus": 1.0, "Wmax": 100.0}  # nest.GetDefaults("stdp_synapse") (tau_minus: the neuron's)
DEPENDENCES = {0.0: "additive", 1.0: "multiplicative"}


@dataclass(frozen=True)
class PairRule:
    """One plastic synapse declaration as sPyNNaker's SpikePairRule + a weight dependence. ``wmax``: ``|Wmax|`` in
    the network's weight unit of the projections using it (mV, pA or nS)."""

    synapse: str
    dependence: Literal["additive", "multiplicative"]
    tau_plus: float
    tau_minus: float
    lam: float
    alpha: float
    wmax: float
    span: object = field(default=None, compare=False)  # of the synapse declaration
    # "all_to_all": traces grow by 1 at a spike (SpikePairRule); "nearest": set to 1 (nearest-neighbour pairs);
    # "pre_centered", "restricted": nestml's stdp_nn_pre_centered_synapse, stdp_nn_restr_symm_synapse
    pairing: Literal["all_to_all", "nearest", "pre_centered", "restricted"] = "all_to_all"
    # nestml's stdp_triplet_synapse (sPyNNaker's PfisterSpikeTriplet with its additive triplet weight dependence):
    # (tau_x, tau_y, A2_plus, A2_minus, A3_plus, A3_minus), the amplitudes as fractions of Wmax; lam, alpha unused
    triplet: tuple[float, float, float, float, float, float] | None = None

    @property
    def numbers(self) -> tuple:
        return (self.pairing, self.dependence, self.tau_plus, self.tau_minus, self.lam, self.alpha, self.wmax,
                self.triplet)

    @property
    def timing(self) -> str:
        """sPyNNaker's name of the timing dependence (the binary's suffix): "pair", "pfister_triplet", or
        portasnn's own."""
        return "pfister_triplet" if self.triplet else TIMINGS[self.pairing]

    def a_plus(self, wmax: float) -> float:
        """sPyNNaker's A_plus (A2_plus of a triplet rule) for a maximum weight ``wmax`` in the unit sPyNNaker's
        weights have."""
        if self.triplet:
            return self.triplet[2] * wmax
        return self.lam * wmax if self.dependence == "additive" else self.lam

    def a_minus(self, wmax: float) -> float:
        if self.triplet:
            return self.triplet[3] * wmax
        return self.alpha * self.lam * wmax if self.dependence == "additive" else self.alpha * self.lam

    def a3_plus(self, wmax: float) -> float:
        """The triplet terms' amplitudes (0 for a pair rule)."""
        return self.triplet[4] * wmax if self.triplet else 0.0

    def a3_minus(self, wmax: float) -> float:
        return self.triplet[5] * wmax if self.triplet else 0.0


def _value(syn: Synapse, name: str) -> float:
    value = syn.param(name)
    return NEST_DEFAULTS[name] if value is None else float(value)


# nestml's stdp_synapse -> NEST's stdp_synapse: the same rule (all-to-all pairs, traces read just before a spike);
# nestml's nearest-neighbour rules have the same parameters
NESTML_STDP = {"tau_tr_pre": "tau_plus", "tau_tr_post": "tau_minus", "lambda": "lambda", "alpha": "alpha",
               "mu_plus": "mu_plus", "mu_minus": "mu_minus", "Wmax": "Wmax"}


LOWERED = {"stdp_synapse": "all_to_all", "stdp_nn_symm_synapse": "nearest",  # nestml rule -> pairing
           "stdp_nn_pre_centered_synapse": "pre_centered", "stdp_nn_restr_symm_synapse": "restricted"}
TIMINGS = {"all_to_all": "pair", "nearest": "nn_symm", "pre_centered": "nn_pre_centered",
           "restricted": "nn_restr_symm"}  # pairing -> timing dependence


def _as_nest_stdp(syn: Synapse, proj: Projection) -> Synapse:
    """``syn`` with NEST's stdp_synapse parameter names: itself, or a NESTML synapse whose rule is one of nestml's
    pair rules (``LOWERED``; its parameters renamed, its name the rule's); E240 for any other NESTML synapse
    model."""
    span = proj.synapse_span or proj.span
    if syn.kind == "nest":
        if syn.name in NEST_REFUSALS:
            raise NetworkError(f"synapse {syn.key} (NEST's {syn.name}) is not lowered to SpiNNaker: "
                               f"{NEST_REFUSALS[syn.name]}", span=span, code="E240",
                               construct=f"projection {proj.name}",
                               hint="use nestml's model of the rule (nestml:stdp_nn_symm_synapse or "
                               "nestml:stdp_nn_restr_symm_synapse), which the spinnaker targets lower, or the nest "
                               "target")
        return syn
    why = NESTML_REFUSALS.get(syn.rule or syn.name, "sPyNNaker 7.4.1 has no mechanism for it")
    if syn.rule not in LOWERED:
        raise NetworkError(f"synapse {syn.key} (NESTML {syn.name}) is not lowered to SpiNNaker: {why}", span=span,
                           code="E240", construct=f"projection {proj.name}",
                           hint="the spinnaker targets lower nestml's pair STDP models (stdp_synapse and the three "
                           "nearest-neighbour ones) and NEST's stdp_synapse; run this synapse on the nest target")
    if syn.param("Wmin") not in (None, 0.0):
        raise NetworkError(f"synapse {syn.key}: Wmin = {syn.param('Wmin')!r} is not lowered to SpiNNaker (sPyNNaker's "
                           "weight dependences keep weights between 0 and Wmax here)", span=span, code="E240",
                           construct=f"projection {proj.name}", hint="use Wmin = 0, or the nest target")
    params = tuple((NESTML_STDP[k], v) for k, v in syn.params if k in NESTML_STDP)
    return Synapse(key=syn.key, kind="nest", name=syn.rule, params=params, span=syn.span)


# why the spinnaker targets refuse NEST's built-in symmetric nearest-neighbour rules (E240)
NEST_REFUSALS = {name: "NEST's built-in pairs the post spikes that reach the synapse before its first pre spike with "
                 "a pre spike at t = 0 (it starts with t_lastspike = 0); sPyNNaker's row trace starts at 0, as "
                 "nestml's model of the rule does, so they would be paired differently"
                 for name in ("stdp_nn_symm_synapse", "stdp_nn_restr_synapse")}

# why the spinnaker targets refuse nestml's other synapse models (E240)
NESTML_REFUSALS = {
    "tsodyks_synapse": "short-term plasticity: sPyNNaker 7.4.1 has no mechanism for it (its synapse dynamics are "
    "static, STDP or structural)",
    "static_synapse": "it is a static synapse: write the projection without synapse = ...",
    "noisy_synapse": "SpiNNaker's synapse processing draws no random numbers per spike",
}


def _triplet_rule(syn: Synapse, proj: Projection) -> PairRule:
    """nestml's stdp_triplet_synapse as sPyNNaker's PfisterSpikeTriplet + WeightDependenceAdditiveTriplet: the same
    all-to-all triplet rule (potentiation ``r1 (A2_plus + A3_plus o2)`` with o2 just before the post spike,
    depression ``o1 (A2_minus + A3_minus r2)`` with r2 just before the pre spike, clamped to [Wmin, Wmax]), whose
    amplitudes sPyNNaker takes as fractions of w_max."""
    span = proj.synapse_span or proj.span
    v = dict(syn.params)
    wmax = float(v["Wmax"])
    if v.get("Wmin", 0.0) != 0.0 or not wmax > 0:
        raise NetworkError(f"synapse {syn.key}: Wmin = {v.get('Wmin')!r}, Wmax = {wmax!r} are not lowered to SpiNNaker "
                           "(sPyNNaker's triplet weight dependence scales its amplitudes by w_max and keeps weights "
                           "between 0 and it here)", span=span, code="E240", construct=f"projection {proj.name}",
                           hint="use Wmin = 0 and Wmax > 0, or the nest target")
    return PairRule(syn.key, "additive", float(v["tau_plus"]), float(v["tau_minus"]), 0.0, 0.0, wmax, syn.span,
                    triplet=(float(v["tau_x"]), float(v["tau_y"]), float(v["A2_plus"]) / wmax,
                             float(v["A2_minus"]) / wmax, float(v["A3_plus"]) / wmax, float(v["A3_minus"]) / wmax))


def pair_rule(net: Network, proj: Projection) -> PairRule:
    """The rule of plastic projection ``proj``; E240 where sPyNNaker has no matching mechanism."""
    declared = net.synapse(proj.synapse)
    if declared.kind == "nestml" and declared.rule == "stdp_triplet_synapse":
        return _triplet_rule(declared, proj)
    syn = _as_nest_stdp(declared, proj)
    span = proj.synapse_span or proj.span
    mu_plus, mu_minus = _value(syn, "mu_plus"), _value(syn, "mu_minus")
    if mu_plus != mu_minus or mu_plus not in DEPENDENCES:
        raise NetworkError(f"synapse {syn.key} (mu_plus = {mu_plus!r}, mu_minus = {mu_minus!r}) has no matching STDP "
                           "rule in sPyNNaker: it runs additive (mu_plus = mu_minus = 0) and multiplicative "
                           "(mu_plus = mu_minus = 1) weight dependences only", span=span, code="E240",
                           construct=f"projection {proj.name}",
                           hint="set mu_plus and mu_minus both to 0 or both to 1, or run the network on the nest "
                           "target")
    return PairRule(syn.key, DEPENDENCES[mu_plus], _value(syn, "tau_plus"),  # type: ignore[arg-type]
                    _value(syn, "tau_minus"), _value(syn, "lambda"), _value(syn, "alpha"), abs(_value(syn, "Wmax")),
                    syn.span, LOWERED.get(syn.name, "all_to_all"))  # type: ignore[arg-type]


S1615_MAX = 65535.99996948242  # the largest s16.15 number


def check_range(rule: PairRule, wmax: float, gws: float) -> None:
    """The numbers sPyNNaker writes as s16.15 (w_max and A_plus/A_minus times the global weight scale, ``wmax`` in
    sPyNNaker's weight unit) fit it: E262 at the synapse declaration otherwise (sPyNNaker would stop mapping)."""
    scale = gws if rule.dependence == "additive" else 1.0
    for name, value in (("Wmax", wmax * gws), ("A_plus", rule.a_plus(wmax) * scale),
                        ("A_minus", rule.a_minus(wmax) * scale), ("A3_plus", rule.a3_plus(wmax) * scale),
                        ("A3_minus", rule.a3_minus(wmax) * scale)):
        if not abs(value) <= S1615_MAX:
            raise NetworkError(f"synapse {rule.synapse}: {name} becomes {value!r} on SpiNNaker (with the model's "
                               f"weight scale {gws!r}), outside the s16.15 range of +-65536", span=rule.span,
                               code="E262", construct=f"synapse {rule.synapse}",
                               hint="use a smaller Wmax or lambda (weights are in nA for current synapses and uS "
                               "for conductance synapses on SpiNNaker)")


def population_rules(net: Network) -> dict[str, PairRule]:
    """Per population with plastic input, its one rule; E240/E260 where sPyNNaker cannot run them."""
    rules: dict[str, tuple[PairRule, Projection]] = {}
    for proj in net.projections:
        if not proj.plastic:
            continue
        rule = pair_rule(net, proj)
        seen = rules.setdefault(proj.post, (rule, proj))
        if seen[0].numbers != rule.numbers:
            raise NetworkError(f"plastic projections {seen[1].name} (synapse {seen[0].synapse}) and {proj.name} "
                               f"(synapse {rule.synapse}) onto population {proj.post} have different STDP rules; "
                               "sPyNNaker runs one rule per post-synaptic population", span=proj.synapse_span or
                               proj.span, code="E260", construct=f"projection {proj.name}",
                               hint="use one synapse declaration for all plastic projections onto a population")
    return {post: rule for post, (rule, _) in rules.items()}
