"""Every error and warning code of portasnn, defined once; ``portasnn explain CODE`` prints one.

A code names one kind of problem, with a one-line title and an explanation (what it means, what
to do). Codes are grouped by the stage that finds the problem: E0xx command line and input files,
E1xx NESTML models, E2xx networks, E3xx lowering to a target, E4xx running, E6xx bundles, jobs
and remote sites, E7xx MPI, results and comparisons, E8xx imports (NIR); a warning Wnxx belongs to the stage of Enxx.
Raise sites write the code as a string (``code="E302"``). ``tests/test_codes.py`` reads every
source file and checks that each code written there is defined here, is raised only by the parts
of portasnn its entry names in ``raised_by``, and that every entry is raised somewhere (or is
``reserved``).
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["CODES", "STAGES", "Code", "lookup", "stage_of"]

#: first two characters of a code -> the stage it belongs to
STAGES: dict[str, str] = {
    "0": "command line and input files",
    "1": "NESTML models (parsing, checks, solving the ODEs)",
    "2": "networks (.pnet files and the Python builder)",
    "3": "lowering to a target (NEST, SpiNNaker)",
    "4": "running a network (portasnn run, spinnaker-host)",
    "6": "bundles, jobs and remote sites",
    "7": "MPI runs, results directories and comparisons",
    "8": "importing networks from other formats (NIR)",
}


@dataclass(frozen=True)
class Code:
    """One error (``E...``) or warning (``W...``) code.

    ``raised_by`` names the parts of portasnn that may raise it (``cli``, ``frontend``, ``nest``,
    ``spinnaker``, ``spinnaker-host``, ``runtime``, ``harness``); ``tests/test_codes.py`` maps
    them to source folders. A ``reserved`` code is defined but raised nowhere.
    """

    code: str
    title: str
    explanation: str
    raised_by: tuple[str, ...] = ()
    reserved: bool = False

    @property
    def kind(self) -> str:
        return "warning" if self.code.startswith("W") else "error"

    @property
    def stage(self) -> str:
        return stage_of(self.code)


def stage_of(code: str) -> str:
    """The stage a code belongs to (its first digit), e.g. ``"NESTML models ..."`` for ``E120``."""
    return STAGES.get(code[1:2], "other")


def _c(code: str, title: str, explanation: str, *raised_by: str, reserved: bool = False) -> Code:
    return Code(code, title, " ".join(explanation.split()), raised_by, reserved)


_ALL: tuple[Code, ...] = (
    # ---- E0xx: command line and input files ---------------------------------------------------------
    _c("E000", "an error without a code",
       "Every user error of portasnn carries its own code; E000 is the default of an error raised without one, "
       "which is a bug in portasnn's error reporting. The message still says what is wrong; please report the "
       "command that printed it.", reserved=True),
    _c("E001", "no usable NESTML file",
       "A path given as a NESTML model does not exist, cannot be read, does not end in .nestml, or is a "
       "directory without .nestml files. Pass a .nestml file or a directory that holds some.",
       "frontend", "cli"),
    _c("E003", "unknown error code",
       "`portasnn explain` was given a code that portasnn does not define. Run `portasnn explain` without "
       "arguments to list every code.", "cli"),
    _c("E010", "not an age",
       "`portasnn cache clear --older-than` takes an age: a number with a unit s, m, h, d or w (a bare number "
       "means days), e.g. 90s, 12h or 7d.", "cli"),
    _c("E011", "file or directory not found",
       "A file or directory named on the command line does not exist. Check the path (it is relative to the "
       "current directory).", "cli"),
    _c("E012", "unknown build target",
       "The target given to `portasnn build` or `portasnn.build` is not one portasnn builds for. Use nest, "
       "spinnaker or spinnaker-host.", "cli", "spinnaker"),
    _c("E013", "nothing to build",
       "The inputs contain no NESTML model to build, e.g. a network that uses only NEST built-in models. "
       "Give a NESTML file, or a network with at least one NESTML model.", "cli", "spinnaker"),
    # ---- E1xx: NESTML models ------------------------------------------------------------------------
    _c("E101", "syntax error",
       "NESTML's parser cannot read the model at this place. Fix the syntax the message names (a missing ':', "
       "an unbalanced parenthesis, a misspelled keyword); later syntax errors often follow from the first.",
       "frontend"),
    _c("E102", "character NESTML does not accept",
       "The file contains a character NESTML's lexer rejects (e.g. a Greek letter in a name). Use ASCII "
       "letters, digits and '_' in names.", "frontend"),
    _c("E103", "indentation error",
       "A line is indented differently from the other lines of its block. Indent every line of a block by the "
       "same amount (4 spaces per level) and do not mix tabs and spaces.", "frontend"),
    _c("E104", "the file defines no model",
       "A .nestml file given to portasnn contains no 'model NAME:' block. Add one, or do not pass the file.",
       "frontend"),
    _c("E105", "the file is not UTF-8 text",
       "NESTML files are read as UTF-8; this one contains bytes that are not. Save the file as UTF-8.",
       "frontend"),
    _c("E110", "unknown variable",
       "The model uses a name that is declared nowhere. Declare it in the state, parameters or internals "
       "block, or fix the spelling (the hint suggests a close name where there is one).", "frontend"),
    _c("E111", "unknown unit or type",
       "A declaration names a unit or type NESTML does not know. Use a NESTML unit (mV, ms, pA, pF, nS, ...) "
       "or one of the types real, integer, boolean.", "frontend"),
    _c("E112", "unknown function",
       "The model calls a function that is neither a NESTML built-in nor defined in a 'function' block. Fix "
       "the name or define the function.", "frontend"),
    _c("E113", "onReceive for an unknown input port",
       "An onReceive block names a port that the input block does not declare. Declare it as 'name <- spike' "
       "or fix the name.", "frontend"),
    _c("E120", "unit or type mismatch",
       "Two quantities with different units (or types) are added, compared or assigned, e.g. mV + pA, or a "
       "condition that is not boolean. Convert explicitly, e.g. multiply by a quantity with the missing unit.",
       "frontend"),
    _c("E121", "ODE with inconsistent units",
       "The right-hand side of x' must have the unit of x per time. Check the units of the terms (a missing "
       "division by a time constant is the usual cause).", "frontend"),
    _c("E130", "missing block",
       "The model uses something that needs a block it does not have, e.g. emit_spike() without an "
       "'output: spike' block. Add the block.", "frontend"),
    _c("E131", "block defined more than once",
       "A block that a model may have once (e.g. update) appears twice. Merge the two blocks into one.",
       "frontend"),
    _c("E132", "equations never integrated",
       "The model has ODEs but its update block never calls integrate_odes(), so the equations never advance "
       "in time. Call integrate_odes() in the update block.", "frontend"),
    _c("E140", "name declared twice",
       "A variable or function name is declared more than once (in one block or in two), or collides with a "
       "unit or a NEST-reserved name. Give each name one declaration; rename one of them.", "frontend"),
    _c("E141", "two models with the same name",
       "Two models given together have the same name, in one file or in two. Give every model a unique name.",
       "frontend"),
    _c("E150", "ODE for a variable that is not a state variable",
       "An ODE x' = ... is written for a name that the state block does not declare. Declare x in the state "
       "block with an initial value, e.g. 'x mV = 0 mV'.", "frontend"),
    _c("E151", "bad integrate_odes() argument",
       "integrate_odes() takes state variables that have an ODE, by their own name (not a derivative). Pass "
       "such variables, or call integrate_odes() without arguments to integrate all.",
       "frontend", "nest", "spinnaker"),
    _c("E152", "state variable without an initial value",
       "Every state variable needs an initial value, e.g. 'V_m mV = -70 mV'. Add one.", "frontend"),
    _c("E160", "assignment not allowed",
       "The model assigns to something that is read-only during a simulation: a parameter, an internal, an "
       "input port, an inline expression or a unit. Assign to a state variable instead.", "frontend"),
    _c("E161", "derivative of a higher-order ODE not declared",
       "An ODE of order n needs its variable and its first n-1 derivatives (x, x', ...) in the state block, "
       "each with an initial value. Declare the missing ones.", "frontend"),
    _c("E162", "ODE-toolbox cannot analyse the equations",
       "ODE-toolbox, which finds exact propagators and otherwise sets up a numeric solver, failed on the "
       "model's equations. The message carries its reason; simplify or correct the equations it names.",
       "frontend"),
    _c("E163", "kernel variable without an initial value",
       "A kernel written as an ODE system needs the initial value of each of its variables in the state "
       "block. Declare them there.", "frontend"),
    _c("E164", "delta-kernel convolution that cannot be solved",
       "A convolution with a delta kernel must enter a first-order ODE linearly, so that each spike makes "
       "the variable jump. Rewrite the equation, or use an exponential kernel.", "frontend"),
    _c("E170", "kernel misuse",
       "A kernel is used outside convolve(kernel, spike_port), has a unit other than none or 1/time, has "
       "initial values with wrong units, or a delta kernel is mixed with other terms. Use the kernel only in "
       "convolve() and give it a dimensionless (or 1/time) expression.", "frontend"),
    _c("E171", "spike input port misuse",
       "A spike input port is used where it has no meaning (as a value in a declaration, with a unit or "
       "qualifiers it cannot take), onReceive names a continuous port, or convolve() is given something "
       "other than a spike port. Use spike ports in convolve() or onReceive() only.", "frontend"),
    _c("E180", "wrong number of function arguments",
       "A function is called with more or fewer arguments than it takes. Pass as many as its definition (or "
       "the NESTML built-in) has.", "frontend"),
    _c("E181", "bad function definition",
       "A function lacks a return statement, return is not its last statement, or a function without a "
       "return value is used in an expression. End the function with one return statement.", "frontend"),
    _c("E182", "recursive or out-of-order definition",
       "A variable is defined from itself, or used before it is declared. Define it from other variables, "
       "declared earlier.", "frontend"),
    _c("E185", "NESTML construct portasnn does not support",
       "The model is valid NESTML but uses a construct portasnn cannot convert faithfully (e.g. delayed "
       "variables, bit operators, strings, emit_spike(w) with a weight in a neuron model). Rewrite it with supported "
       "constructs; the hint says how where there is a simple way.", "frontend", "nest", "spinnaker"),
    _c("E190", "other NESTML check failed",
       "NESTML's own checks rejected the model for a reason portasnn has no more specific code for. The "
       "message is NESTML's; see the NESTML language reference for the rule it names.", "frontend"),
    _c("E191", "vector or loop that cannot be unrolled",
       "Vectors are lowered element by element (elements named as NESTML's NEST target names them, G_IN_0, "
       "SPIKES_0), so every index must be a constant once for loops over it are unrolled, in range, and a loop "
       "that indexes a vector with its variable must have fixed bounds. Index with a literal or the variable of "
       "such a loop, and give sizes as literals or integer parameters with a literal default.", "frontend"),
    _c("E192", "a vector size that can change at run time on SpiNNaker",
       "On SpiNNaker every vector element is a field of the neuron's fixed-layout struct, so a vector whose size "
       "(or a loop over it whose bound) is a parameter that PyNN could set is refused. Write the size as an "
       "integer literal.", "spinnaker"),
    _c("E193", "more synapse types than sPyNNaker holds",
       "Each spike input port (each element of a vector port) is one sPyNNaker synapse type; its ring buffers are "
       "indexed with 14 bits shared by the neuron index, the synapse type and the delay, and portasnn keeps at "
       "most 8 types. Use fewer spike input ports on SpiNNaker.", "spinnaker"),
    _c("E194", "a current input port that SpiNNaker's current sources cannot reach",
       "A PyNN current source (DCSource, StepCurrentSource) on sPyNNaker injects into one input of a neuron, "
       "which portasnn wires to the model's first current input port; a stimulus aimed at another port is "
       "refused. Target the first current input port, or run the network on NEST.", "spinnaker"),
    _c("E195", "a negative weight to a spike port on SpiNNaker",
       "sPyNNaker's ring buffers hold weight magnitudes; a model's named spike input port is a synapse type that "
       "adds its input, so a negative weight sent to it would arrive with the opposite sign and is refused. Send "
       "inhibitory input to a port declared 'inhibitory spike', or run the network on NEST.", "spinnaker"),
    _c("E199", "NESTML fails on this construct",
       "NESTML's checker crashed on this construct instead of reporting a problem; the construct is "
       "probably invalid. Check its types and units and the number and types of function arguments.",
       "frontend"),
    _c("W101", "implicit unit conversion",
       "NESTML converts a quantity with a unit to a plain number (or another unit) here, dropping the unit. "
       "Make the conversion explicit, or silence the warning with PORTASNN_SILENCE=W101.", "frontend"),
    _c("W102", "other NESTML warning",
       "NESTML warns about this construct; the message is NESTML's. Silence it with PORTASNN_SILENCE=W102.",
       "frontend"),
    _c("W120", "unused spike input port",
       "The model declares a spike input port that no convolve(), onReceive or expression reads, so spikes "
       "sent to it have no effect. Use the port or remove it.", "frontend"),
    # ---- E2xx: networks -----------------------------------------------------------------------------
    _c("E200", "network file not found or unreadable",
       "The .pnet file does not exist or cannot be read. Check the path and its permissions.", "frontend"),
    _c("E201", "syntax error in a network",
       "The .pnet parser cannot read the network at this place. Fix the syntax the message names; the "
       "network language is described in the README.", "frontend"),
    _c("E202", "bad include",
       "An included file does not exist (paths are relative to the including file), or files include each "
       "other in a cycle. Fix the path or remove one include of the cycle.", "frontend"),
    _c("E203", "unknown name",
       "An expression uses a name that is neither a constant defined with 'let' nor a known function. Define "
       "it or fix the spelling.", "frontend"),
    _c("E204", "wrong unit",
       "A value has a unit that does not fit where it is used (e.g. a rate in mV, or mV + ms). Write it in a "
       "unit of the expected dimension.", "frontend"),
    _c("E205", "defined twice",
       "A model, constant, population, projection, stimulus, recorder, option or 'simulate' is given twice. "
       "Keep one; the hint says where the first one is.", "frontend"),
    _c("E206", "unknown model or model file",
       "A population names a model the network does not define, a model file does not exist, or the nestml "
       "package ships no model of that name. Define the model with 'model ...' or fix the name or path.",
       "frontend"),
    _c("E207", "unknown parameter or state variable",
       "A model has no parameter or state variable of this name, or 'initial' is given for a parameter. Use "
       "the model's names (the hint lists them).", "frontend", "nest", "spinnaker"),
    _c("E208", "not a valid count",
       "A size or count must be a plain whole number of at least its minimum, without a unit. Round it with "
       "round(), floor() or ceil(), or remove the unit.", "frontend"),
    _c("E209", "unknown population",
       "A projection, stimulus or recorder names a population the network does not define. Define it before "
       "use or fix the name.", "frontend"),
    _c("E210", "bad connection rule or call arguments",
       "A connection rule is unknown or its arguments are wrong (a probability outside 0..1, more partners "
       "than exist, unequal sizes for one_to_one), or a call such as poisson(...) has missing, unknown or "
       "repeated arguments. Use the rule's or function's arguments (the hint lists them).", "frontend"),
    _c("E211", "below the resolution",
       "A delay or a recording interval is shorter than the simulation resolution, which no simulator can "
       "honour. Make it at least one time step (bound a delay distribution with low = resolution).",
       "frontend"),
    _c("E212", "bad distribution",
       "A distribution is unknown, its parameters are inconsistent (low above high, negative sigma), or '~' "
       "is used with a fixed value. Use uniform, normal or lognormal with consistent parameters, or '=' for a "
       "fixed value.", "frontend"),
    _c("E213", "no simulate statement",
       "A network needs one 'simulate' statement giving the simulated time and resolution, e.g. "
       "'simulate 1000 ms resolution 0.1 ms'. Add one.", "frontend"),
    _c("E214", "bad override",
       "An override (--set NAME=VALUE) is not of that form, or NAME is not a constant defined with 'let' in "
       "the network. Write NAME=VALUE with the name of a 'let' constant.", "frontend", "cli", "harness",
       "runtime"),
    _c("E215", "weight sign does not fit the receptor",
       "Excitatory weights must be positive and inhibitory ones must not change sign; a weight that may be "
       "either leaves the receptor unclear. Fix the sign, bound the distribution, or name the receptor.",
       "frontend"),
    _c("E216", "invalid value or option",
       "A value, option or name is not valid where it is used (a non-positive resolution or duration, a seed "
       "out of range, an unknown option, a value that is not finite, a name that cannot be written in "
       ".pnet). The message says which and what is expected.", "frontend", "nest", "spinnaker"),
    _c("E217", "bad subset",
       "A population subset is empty or names neurons outside the population (indices run from 0 to size-1). "
       "Fix the indices.", "frontend"),
    _c("E218", "unknown recordable",
       "A recorder asks for a variable that the model does not have. Record one of the model's state "
       "variables (the hint lists them).", "frontend"),
    _c("E219", "bad stimulus",
       "A stimulus is unknown, lacks a required parameter, has an unknown one, inconsistent times or "
       "amplitudes, a negative rate, or no target. Fix it as the message says.", "frontend"),
    _c("E240", "plastic synapse not lowered to SpiNNaker",
       "A projection uses a plastic synapse whose rule sPyNNaker's STDP cannot run as written: the spinnaker targets "
       "lower nest:stdp_synapse with mu_plus = mu_minus = 0 (additive) or 1 (multiplicative) onto sPyNNaker's "
       "SpikePairRule, and nestml's stdp_synapse (or a copy of it with other parameter values, Wmin = 0) likewise, "
       "NEST's stdp_nn_pre_centered_synapse as nestml's model of it (NEST's symmetric nearest-neighbour built-ins "
       "pair post spikes before the first pre spike with one at t = 0, which SpiNNaker does not: refused); "
       "nestml's three nearest-neighbour models (stdp_nn_symm_synapse, stdp_nn_pre_centered_synapse, "
       "stdp_nn_restr_symm_synapse) run with portasnn's own timing dependences, for which sPyNNaker ships no "
       "built-in cell binary (refused on a board onto PyNN's built-in cells); nestml's stdp_triplet_synapse runs "
       "with sPyNNaker's PfisterSpikeTriplet (Wmin = 0, Wmax > 0); "
       "the message says why any other NESTML synapse model is refused. Running it otherwise would give other numbers "
       "without saying so. Set mu_plus and mu_minus both to 0 or both to 1, or run the network on the nest target.",
       "spinnaker"),
    _c("E241", "unknown synapse model",
       "A `synapse NAME from \"...\"` declaration names a synapse model portasnn cannot find: a NEST built-in other "
       "than \"nest:stdp_synapse\" and its nearest-neighbour variants (stdp_nn_symm_synapse, "
       "stdp_nn_pre_centered_synapse, stdp_nn_restr_synapse), a \"nestml:NAME\" nestml does not ship, or a .nestml file that is missing or "
       "defines more than one model. Use one the hint lists, or fix the path (relative to the .pnet file).",
       "frontend"),
    _c("E242", "unknown synapse",
       "A projection's `synapse = NAME` names no synapse declared before it. Declare it with "
       "`synapse NAME from \"nest:stdp_synapse\" { ... }` (Python: net.synapse(...)) first, or write static.",
       "frontend"),
    _c("E243", "weight bound in the wrong unit",
       "A plastic synapse's weight bound Wmax is in a unit other than the weights of a projection that uses it "
       "(mV for delta synapses, pA for current, nS for conductance synapses, a plain number where the model's "
       "weights have none). Write Wmax in the unit of the post-synaptic model's weights.", "frontend"),
    _c("E244", "weights and weight bound of different signs",
       "NEST's stdp_synapse keeps a weight between 0 and Wmax, so the weights of a plastic projection must have "
       "the sign of Wmax (inhibitory weights are stored negative). Give Wmax the sign of the weights.",
       "frontend"),
    _c("E245", "no projection to record weights of",
       "`record weights of PRE -> POST` needs exactly one projection from PRE to POST (`record weights of NAME` "
       "names one by its name). Connect the populations first, or name the projection.", "frontend"),
    _c("E246", "weights of a static projection are not recorded",
       "Only the weights of plastic projections change during a run; a static projection's weights are the ones "
       "the network gives. Record the weights of a projection with `synapse = NAME`.", "frontend"),
    _c("E247", "data file cannot be read",
       "A `from_file(...)` connection file or `file(...)` parameter file is missing, not .npz/.npy, holds a pickled "
       "(object) array, or lacks an array it needs (pre and post; the named parameter array) or has unknown ones. "
       "Save plain arrays with numpy.savez(path, pre=..., post=...[, weight=..., delay=..., weight_unit=...]) or "
       "numpy.save; name the array of an .npz in file(\"p.npz\", \"V_th\", mV).", "frontend"),
    _c("E248", "bad indices or shapes in a data file",
       "A connection file's indices are not integers, fall outside their population (the message gives the first "
       "bad row), or its arrays differ in length or shape; or a parameter file does not hold one value per neuron. "
       "Indices are 0-based neuron numbers, one entry per connection in each array.", "frontend"),
    _c("E249", "bad values in a data file",
       "A connection file's weights or delays or a parameter file's values are not finite numbers, or a delay is "
       "negative or below the resolution (the message gives the row or neuron). Fix the file, or use a finer "
       "resolution.", "frontend"),
    _c("E250", "connection file weight unit missing or not a unit",
       "Weights in a connection file need their unit: a 0-d string weight_unit in the .npz, or `weight_unit = ...` "
       "in the connect statement for a .npy (not both). It is checked as a `weight =` value is, by the "
       "post-synaptic model's synapse type (mV, pA or nS).", "frontend"),
    _c("E251", "data file changed since the network was read",
       "The network records each connection or parameter file's sha256 when it is read; the file has since changed "
       "or gone, so its data are no longer the network's. Read the network again (portasnn does when its files "
       "change).",
       "frontend"),
    _c("E252", "random default weight or delay with a connection file",
       "A random `weight = ...` or `delay = ...` for the connections of a connection file is not supported yet, so "
       "it is refused rather than drawn differently per target. Draw the values yourself and save them in the file.",
       "frontend"),
    _c("E260", "two STDP rules onto one population",
       "sPyNNaker runs one STDP rule (timing and weight dependence with their parameters) per post-synaptic "
       "population, and refuses a second one; the spinnaker targets do the same. Use one synapse declaration for all "
       "plastic projections onto a population, or split the population.", "spinnaker"),
    _c("E261", "plastic synapses onto one population disagree on tau_minus",
       "NEST keeps the depression time constant tau_minus on the post-synaptic neuron, so every plastic projection "
       "onto one population must use the same tau_minus (default 20 ms). Give the synapses onto that population the "
       "same tau_minus.", "frontend"),
    _c("E262", "plastic synapse parameter outside s16.15",
       "sPyNNaker writes a plastic synapse's Wmax (and, additive, A_plus = lambda Wmax and A_minus) times the model's "
       "weight scale as s16.15 numbers, which end at +-65536; a larger value cannot be mapped. Use a smaller Wmax "
       "or lambda (SpiNNaker's weights are in nA for current synapses, uS for conductance synapses).",
       "spinnaker"),
    _c("E263", "NESTML synapse construct not lowered",
       "A NESTML synapse model uses something portasnn does not lower faithfully: a third spike input port (a "
       "neuromodulator), a continuous input port (a third factor from the neuron), an update block doing more than "
       "integrate_odes(), onCondition, integrate_odes() in a handler, an ODE without an exact solution, or a "
       "conditional emit_spike. The message names the construct at its line in the .nestml file. Rewrite the rule with pre- and post-synaptic onReceive handlers and linear "
       "trace ODEs.", "frontend", "nest"),
    _c("E264", "not a synapse model",
       "A `synapse NAME from \"...\"` declaration names a NESTML model that is not a synapse: no onReceive handler "
       "sends the weight with emit_spike(w), or the weight variable w is missing. Name a synapse model (nestml's "
       "models/synapses, or your own with state w and onReceive(pre_spikes) calling emit_spike(w)).", "frontend"),
    _c("E280", "unknown PyNN cell type",
       "`model k = pynn NAME` (or `net.model(k, pynn=NAME)`) names a cell type portasnn does not map to NEST and "
       "sPyNNaker. Use one of the PyNN standard cell types it lists (IF_curr_exp, IF_curr_alpha, IF_curr_delta, "
       "IF_cond_exp, IF_cond_alpha, Izhikevich, EIF_cond_exp_isfa_ista, EIF_cond_alpha_isfa_ista, HH_cond_exp), or "
       "a NESTML model.", "frontend"),
    _c("E281", "conductance-based PyNN cell with a tau_m NEST draws",
       "pyNN.nest gives NEST's iaf_cond_* the leak conductance g_L = cm / tau_m, which portasnn computes from "
       "constants or per-neuron values from a file, not from a distribution NEST draws from. Give tau_m and cm as "
       "constants or per-neuron files (portasnn.pynn draws a RandomDistribution into one).", "nest"),
    _c("E282", "initial synaptic current NEST cannot set",
       "NEST's iaf_psc_exp and iaf_psc_alpha start their synaptic currents at 0 and do not let a script set them "
       "(hh_cond_exp_traub its conductances), so a non-zero initial isyn_exc, isyn_inh (or gsyn_exc, gsyn_inh of "
       "HH_cond_exp) cannot run on NEST. Leave it out.",
       "nest"),
    _c("E283", "PyNN cell type without a SpiNNaker mapping",
       "The spinnaker targets run PyNN cell types as sPyNNaker's built-ins, and portasnn emulates only IF_curr_exp "
       "and IF_curr_delta so far. On a board: sPyNNaker 7.4.1 has no IF_cond_alpha, EIF_cond_exp_isfa_ista or "
       "working EIF_cond_alpha_isfa_ista and HH_cond_exp, and its Izhikevich has exponential current synapses "
       "where PyNN's standard one jumps v by the weight. Run this network on nest, or use a NESTML model.",
       "spinnaker"),
    _c("E284", "IF_curr_delta with cm other than 1 nF on SpiNNaker",
       "sPyNNaker's IF_curr_delta turns a weight w into a current w / dt through R = tau_m / cm, so the membrane "
       "jumps by about w / cm (cm in nF), where NEST's iaf_psc_delta jumps by w. Use cm = 1 nF (PyNN's default) "
       "so that both mean the same network.", "spinnaker"),
    # ---- E285-E299: portasnn.pynn, the PyNN backend (the script's file:line leads the message) -----------
    _c("E285", "run() continuing a changed network",
       "portasnn.pynn lowers the network to one portasnn program at run() and runs it from t = 0 to the end; a "
       "later run() continues it by running the same program again to the new end (the targets are deterministic "
       "for a seed, so the earlier part is what the earlier run gave). A network changed after the first run() "
       "(set(), initialize(), new populations, projections, recordings or current sources, or a SpikeSourcePoisson "
       "with several connections per neuron, whose trains are drawn up to each run's end) cannot be continued "
       "so. Make every change before the first run(), or call sim.reset() and run again from t = 0.", "pynn"),
    _c("E286", "PyNN cell type not emulated on the chosen target",
       "The script's population uses a standard cell type that portasnn runs only on nest (spinnaker-host "
       "emulates sPyNNaker's IF_curr_exp and IF_curr_delta), or that sPyNNaker 7.4.1 does not have (target "
       "'spinnaker', a board). Use one of those cell types, or setup(target='nest').",
       "pynn"),
    _c("E287", "initial value of an unknown state variable",
       "initialize() (or initial_values=) names a variable that is not a state variable portasnn can set for this "
       "cell type. Initialise only the cell type's state variables (e.g. v, isyn_exc, isyn_inh).", "pynn"),
    _c("E288", "projection onto a spike source",
       "A Projection's postsynaptic side is a SpikeSourceArray or SpikeSourcePoisson population, which takes no "
       "input. Project onto a population of neurons.", "pynn"),
    _c("E289", "receptor type portasnn.pynn does not know",
       "A Projection's receptor_type is neither 'excitatory' nor 'inhibitory', the receptors of PyNN's standard "
       "cell types that portasnn maps. Use one of those two.", "pynn"),
    _c("E290", "unknown target for portasnn.pynn",
       "setup(target=...) (or the command line's --target) names a target portasnn.pynn cannot run a script on. "
       "Use 'nest', 'spinnaker-host' or 'spinnaker' (a board through the Neuromorphic Platform).", "pynn", "cli"),
    _c("E291", "PyNN script failed or ran nothing",
       "portasnn run/compare ran a PyNN script that raised an error, exited with a non-zero status or never called "
       "sim.run(). The message names the script's line; run the script with python to see the whole traceback.",
       "pynn", "cli"),
    _c("E292", "run option that does not apply to the subject",
       "--set, --seed, --processes and --threads apply to a .pnet network, and words after `--` to a PyNN script's "
       "own command line. Give a script's settings in the script (e.g. sim.setup(..., seed=N)).", "cli"),
    _c("E293", "PyNN construct portasnn.pynn does not provide yet",
       "The script uses a cell type, current source or synapse type of PyNN's standard library that portasnn.pynn "
       "does not map yet (e.g. GIF_cond_exp, ACSource, NoisyCurrentSource, TsodyksMarkramSynapse). Use the supported ones it lists, or "
       "run the script with pyNN.nest.", "pynn"),
    _c("E294", "import/export pynn output exists or is not a script",
       "`portasnn import pynn` writes the .pnet and its data files into a new or empty directory, and `portasnn "
       "export pynn` writes a new .py script; neither overwrites what exists. Give another -o, or --force to replace "
       "it (import replaces only once the script has run: a script that fails leaves the directory as it was).",
       "pynn", "cli"),
    _c("E295", "network construct export pynn cannot write",
       "`portasnn export pynn` writes one script that runs unchanged on pyNN.nest, sPyNNaker and portasnn.pynn, so "
       "only what means the same on each: PyNN's standard cell types (`model k = pynn IF_curr_exp`, ...), static "
       "synapses and all-to-all pair STDP with excitatory weights and final weights recorded. A NESTML or NEST model, "
       "nearest-neighbour STDP, inhibitory plastic weights or weights sampled during the run are refused at their "
       "line; build the network for one simulator instead (portasnn build).", "pynn", "cli"),
    _c("E296", "NESTML cell type that cannot be made",
       "nestml_cell_type(path, pyNN.nest) builds the model and loads its NEST module. A file with several models "
       "needs model=NAME (one of them). NEST loads a module only while no nodes exist: call it before sim.setup() "
       "or before creating the first Population; it is loaded again after every later sim.setup().", "pynn"),
    _c("E297", "step current source portasnn cannot apply as written",
       "A StepCurrentSource needs one amplitude per time, times that increase, and a first time after the first "
       "time step: a NEST current generator reaches its neurons through a connection of one step, so a change at "
       "or before that step cannot act when the script says. Start the steps later, or use a DCSource from t = 0.",
       "pynn"),
    _c("E298", "STDPMechanism portasnn.pynn cannot lower",
       "portasnn.pynn lowers PyNN's STDPMechanism with a SpikePairRule and an Additive- or "
       "MultiplicativeWeightDependence to NEST's stdp_synapse (as pyNN.nest does), between populations of neurons, "
       "with one value per parameter for the whole projection, w_min = 0, A_plus other than 0 where A_minus is, "
       "the whole delay dendritic, and one plastic projection per pair of populations. Drive a population of neurons "
       "from a spike source and make the projection from it plastic; give the parameters as single numbers.",
       "pynn"),
    _c("W285", "spike times between time steps",
       "A SpikeSourceArray of the script has spike times that are not multiples of the time step; portasnn moves "
       "each to the end of the step it falls in, where pyNN.nest (precise spike_generator, grid-based cells) and "
       "sPyNNaker also let it act. Give times on the grid to silence this.", "pynn"),
    _c("W286", "positive inhibitory weight onto a current-based cell",
       "PyNN writes inhibitory weights of current-based cells as negative numbers; portasnn.pynn takes a positive "
       "one as inhibitory too (as sPyNNaker does), where pyNN.nest would pass it to NEST as excitatory. Write the "
       "weight negative to mean the same on every backend.", "pynn"),
    _c("W287", "additive STDP amplitudes read as pyNN.nest reads them",
       "PyNN's backends disagree on A_plus and A_minus of an additive rule: pyNN.nest passes them to NEST as "
       "fractions of w_max (a step of A_plus * w_max), sPyNNaker takes them in weight units. portasnn.pynn reads "
       "them as pyNN.nest does, so a script written for sPyNNaker with w_max other than 1 gets steps w_max times "
       "larger. Divide A_plus and A_minus by w_max to keep sPyNNaker's steps.", "pynn"),
    # ---- E3xx: lowering ----------------------------------------------------------------------------
    _c("E300", "empty population",
       "A population of the network has no neuron. Give it at least one.", "nest"),
    _c("E301", "unknown SpiNNaker solver",
       "--spinnaker-solver names no solver portasnn has, or --substeps is below 1. Use euler or rk2 with "
       "--substeps 1 or more.", "spinnaker"),
    _c("E302", "non-linear ODEs need a fixed-step solver on SpiNNaker",
       "SpiNNaker has no adaptive ODE solver, and portasnn does not approximate silently. The message points at "
       "the first ODE whose right-hand side is not linear with constant coefficients (linear systems, coupled or "
       "not, are solved exactly without a solver). Choose a fixed-step method explicitly: --spinnaker-solver "
       "euler (or rk2) with --substeps N.", "spinnaker"),
    _c("E303", "unknown model (NEST)",
       "The network refers to a model that was not built for NEST. This follows from an unknown model in "
       "the network; check the model declarations.", "nest"),
    _c("E304", "synapse type not supported on NEST",
       "The nest target lowers static synapses and the NEST built-in synapse models a network declares "
       "(`synapse NAME from \"nest:stdp_synapse\"`). Declare the synapse model, or use a static synapse.", "nest"),
    _c("E305", "connection rule parameter not supported on NEST",
       "The connection rule is given a parameter the NEST lowering does not take. Remove it.", "nest"),
    _c("E306", "delay below one time step (NEST)",
       "NEST needs every delay to be at least the resolution. Use a delay of at least one time step.",
       "nest"),
    _c("E307", "ambiguous receptor",
       "The model has several input ports, so 'excitatory'/'inhibitory' does not say which one a projection "
       "drives. Name the port as the receptor.", "nest"),
    _c("E308", "no such input port",
       "The receptor names an input port the model does not have. Use one of the model's ports (the hint "
       "lists them).", "nest"),
    _c("E309", "unknown stimulus parameter (NEST)",
       "The stimulus has no parameter of this name on NEST. Use the names the hint lists.", "nest"),
    _c("E310", "cannot be lowered to SpiNNaker's s16.15 arithmetic",
       "An expression, function or constant has no faithful s16.15 fixed-point form: a function SpiNNaker "
       "does not implement (e.g. sin()), a constant outside +-65536, a name the generated code cannot read. "
       "Rewrite the model so the value fits, or run it on NEST.", "spinnaker"),
    _c("E311", "state recorder without variables",
       "A recorder of state variables names none. Give at least one variable to record.", "nest"),
    _c("E312", "variable cannot be recorded (NEST)",
       "The NEST model has no recordable of this name. Record one of the recordables the hint lists.",
       "nest"),
    _c("E313", "variable recorded twice",
       "Two recorders record the same variable of a population. Record each variable of a population in one "
       "recorder.", "nest"),
    _c("E314", "recording interval not a multiple of the resolution",
       "NEST samples state at whole time steps. Make the recording interval a multiple of the resolution.",
       "nest"),
    _c("E315", "index outside the population (NEST)",
       "A subset names a neuron index outside the population. Indices run from 0 to size-1.", "nest"),
    _c("E316", "empty subset (NEST)",
       "A subset selects no neuron. Select at least one.", "nest"),
    _c("E317", "value is not finite (NEST)",
       "A parameter or connection value is infinite or NaN. Give a finite number.", "nest"),
    _c("E318", "value cannot be lowered to NEST",
       "A value of this kind cannot be written into the NEST script. Give a number or a distribution.",
       "nest"),
    _c("E319", "distribution not available on NEST",
       "NEST draws uniform, normal and lognormal values only. Use one of these.", "nest"),
    _c("E320", "distribution lacks a parameter (NEST)",
       "A distribution misses a parameter NEST needs (e.g. sigma of a normal). Give all its parameters.",
       "nest"),
    _c("E321", "the NESTML file has no such model",
       "The model file named in the network defines no model of the requested name. Use one of the names "
       "the hint lists.", "cli"),
    _c("E322", "NEST has no such neuron model",
       "The network names a NEST built-in model that the NEST in use does not have. See nest.node_models for "
       "the built-in models.", "nest"),
    _c("E323", "NESTML file not found",
       "A model file named in the network does not exist. Fix the path (relative to the .pnet file).",
       "cli"),
    _c("E324", "step current changes too early for NEST",
       "NEST's step_current_generator cannot change its amplitude at or before the first time step. Start "
       "the steps later, or use a dc stimulus.", "nest"),
    _c("E325", "NEST built-in model on SpiNNaker",
       "The network uses a NEST built-in model, which has no SpiNNaker implementation in portasnn. Use a "
       "NESTML model for the spinnaker target.", "spinnaker"),
    _c("E326", "network and NESTML files mixed",
       "A command takes one .pnet network or NESTML model files, not both. Build them separately.", "cli"),
    _c("E327", "the spinnaker target does not run here",
       "The spinnaker target makes sPyNNaker code and a PyNN script for a SpiNNaker board; it cannot simulate on "
       "this machine. Write the files with `portasnn build --target spinnaker`, run them on a board through "
       "`portasnn submit NET.pnet --target spinnaker` (the Neuromorphic Platform), or run the same C here with "
       "`--target spinnaker-host`.", "spinnaker"),
    _c("E330", "NEST rejected the network",
       "NEST refused a parameter, delay, receptor or connection of the generated script. The message is "
       "NEST's; the hint names the generated script to inspect.", "nest"),
    _c("E331", "random stimulus parameter on NEST",
       "Stimulus parameters are fixed numbers on NEST; a distribution cannot be used. Give a number.", "nest"),
    _c("E332", "name not available in generated NEST code",
       "An expression of the model refers to a name that the generated NEST code cannot read at that place "
       "(e.g. a state variable in a parameter's default). Rewrite the expression with names available there.",
       "nest"),
    _c("E333", "spike at t = 0 on NEST",
       "A spike stimulus (a SpikeSourceArray) sends a spike at t = 0. NEST's spike_generator cannot send one then "
       "(sPyNNaker sends it in the first time step). Give spike times from one time step on.", "nest"),
    _c("E340", "single inhibitory spike port",
       "A model with one spike input port qualified 'inhibitory' cannot be lowered: the targets route "
       "inhibitory input by the sign of the weight. Declare the port without a qualifier.",
       "nest", "spinnaker"),
    _c("E341", "assignment to a parameter or internal on SpiNNaker",
       "On SpiNNaker, parameters and internals are fixed values computed on the host; the update block "
       "cannot change them. Declare the variable in the state block.", "spinnaker"),
    _c("E342", "spike port drives variables of different kinds",
       "A SpiNNaker synapse type has one weight unit, so one spike port must drive variables of one kind "
       "(e.g. all currents or all conductances). Use separate ports.", "spinnaker"),
    _c("E343", "random numbers on SpiNNaker",
       "random_normal(), random_uniform() and random_poisson() draw a new value every step, and the "
       "generated SpiNNaker models have no random number generator. Remove the draw, or run the model on "
       "NEST.", "spinnaker"),
    _c("E344", "default value is not a constant",
       "A parameter or state default must evaluate to a number at the model's defaults for SpiNNaker. Give "
       "it a constant default.", "spinnaker"),
    _c("E350", "value cannot be written for PyNN",
       "A value of the network cannot be expressed in the PyNN script for SpiNNaker. Give a number or a "
       "supported distribution.", "spinnaker"),
    _c("E351", "connection rule without a PyNN connector",
       "The connection rule has no PyNN connector on SpiNNaker. Use another rule.", "spinnaker"),
    _c("E352", "model without a SpiNNaker build",
       "A population uses a model that was not lowered for SpiNNaker. Use a NESTML model of the network.",
       "spinnaker"),
    _c("E353", "no such synapse type (SpiNNaker)",
       "The receptor names a synapse type the lowered model does not have. Use one of the types the message "
       "lists.", "spinnaker"),
    _c("E354", "too many synapses in one synaptic row (SpiNNaker)",
       "sPyNNaker 7.4.1 keeps the synapses of a projection from one pre-synaptic neuron onto one core's neurons "
       "(up to 256) in one row of at most 256 words, one per static synapse, split by delay into those the core's "
       "ring buffer holds and those behind the delay extension; a longer row is refused when it maps the "
       "network (SynapseRowTooBigException), and so do both spinnaker targets (spinnaker-host runs what the board "
       "would). The message names the projection, the neuron and the core. Remove "
       "repeated connections (multapses, or one pair under several delays of the same part), or spread them "
       "over more projections.", "spinnaker"),
    _c("W301", "outside the s16.15 range",
       "A derived value exceeds SpiNNaker's s16.15 range (+-65536) at the default parameters and wraps on "
       "the chip. Change the parameters or the model's units.", "spinnaker"),
    _c("W302", "imprecise in s16.15",
       "A small derived value is held in s16.15 with a relative error above 0.1 %. Check whether this "
       "precision is enough for the model, or choose other parameters.", "spinnaker"),
    _c("W303", "not finite at the default parameters",
       "A derived value is infinite or NaN at the default parameters (a singular propagator, e.g. equal "
       "time constants). Choose parameters for which it is finite.", "spinnaker"),
    _c("W330", "unit of a recorded variable unknown (NEST)",
       "The unit of a recorded NEST variable is not known to portasnn, so its trace is written as "
       "dimensionless. Check the values' unit yourself.", "nest"),
    # ---- E4xx: running --------------------------------------------------------------------------
    _c("E401", "results directory not empty",
       "The output directory of a run exists and holds files; portasnn does not overwrite results. Choose "
       "another -o/--outdir or remove it.", "cli"),
    _c("E402", "overrides for a Network built in Python",
       "Overrides (--set) apply to .pnet files. Change the arguments of the Python builder instead.", "cli"),
    _c("E403", "network file not found",
       "The network file to run does not exist. Check the path.", "cli", "harness"),
    _c("E406", "bad number of processes or threads",
       "--processes and --threads take whole numbers of at least 1.", "cli"),
    _c("E407", "target runs in one process",
       "Only the nest target runs with several processes or threads. Use --target nest for them.", "cli"),
    _c("E408", "nothing to run",
       "The program has no network: model files alone are built (`portasnn build`), not run. Give a .pnet "
       "network or a Network built in Python.", "cli", "nest", "spinnaker-host"),
    _c("E421", "bad value for spinnaker-host",
       "A value or distribution cannot be drawn on spinnaker-host (an unknown distribution, or bounds the "
       "distribution rarely falls inside). Give a number or widen the bounds.", "spinnaker-host"),
    _c("E422", "delay too long for spinnaker-host",
       "A delay exceeds the number of time steps spinnaker-host (like SpiNNaker) can hold. Shorten it or "
       "use a coarser resolution.", "spinnaker-host"),
    _c("E423", "connection cannot be made on spinnaker-host",
       "The connection rule is not supported on spinnaker-host, one_to_one joins populations of different "
       "sizes, or the rule asks for more partners than exist. Use another rule or fewer connections.",
       "spinnaker-host"),
    _c("E424", "no such synapse type (spinnaker-host)",
       "The receptor names a synapse type the lowered model does not have. Use one of the types the message "
       "lists.", "spinnaker-host"),
    _c("E425", "model without a spinnaker-host build",
       "A population uses a model that was not lowered for spinnaker-host. Use a NESTML model of the "
       "network.", "spinnaker-host"),
    _c("E426", "unknown parameter or state (spinnaker-host)",
       "The lowered model has no parameter or state of this name. Use one of the names the hint lists.",
       "spinnaker-host"),
    _c("E427", "unknown population (spinnaker-host)",
       "A projection or stimulus names a population spinnaker-host does not know. Check the network.",
       "spinnaker-host"),
    _c("E428", "stimulus subset out of range (spinnaker-host)",
       "A stimulus targets neuron indices outside its population. Indices run from 0 to size-1.",
       "spinnaker-host"),
    _c("E429", "bad stimulus for spinnaker-host",
       "The stimulus kind is not supported on spinnaker-host (an ac or noise current: sPyNNaker computes them on "
       "the board, which the emulator does not model), or its values are not numbers or do not match in number. "
       "Fix the stimulus, give the current as steps, or run on NEST or the spinnaker target.", "spinnaker-host"),
    _c("E430", "unknown arithmetic",
       "spinnaker-host runs in 'fixed' (SpiNNaker's s16.15) or 'float' (the same C in double precision). Use "
       "one of these.", "spinnaker-host"),
    _c("E431", "no spinnaker-host model",
       "A model of the network has no spinnaker-host build. Use NESTML models that lower to SpiNNaker.",
       "spinnaker-host"),
    _c("E432", "too many synapse types for spinnaker-host",
       "spinnaker-host supports a limited number of synapse types per model. Use fewer input ports.",
       "spinnaker-host"),
    _c("E433", "recorder names an unknown population (spinnaker-host)",
       "A recorder names a population spinnaker-host does not know. Check the network.", "spinnaker-host"),
    _c("E434", "variable cannot be recorded on spinnaker-host",
       "The lowered model cannot record this variable. Record one of the recordables the hint lists.",
       "spinnaker-host"),
    _c("E435", "host-computed field not finite",
       "A field that the host computes for SpiNNaker is infinite or NaN for these parameters (a singular "
       "propagator, e.g. equal time constants). Choose other parameters.", "spinnaker-host"),
    _c("E436", "host-computed field outside the s16.15 range",
       "A field that the host computes for SpiNNaker is outside +-65536 for these parameters, so the chip "
       "cannot hold it. Choose other parameters or units.", "spinnaker-host"),
    _c("E460", "a neuron's state became NaN or infinite",
       "The model diverges with the parameters or inputs it was given: a state variable became NaN or infinite "
       "during the run. The run stops, no results are written, and the message names the population, neuron, "
       "variable, value and time. Change the parameters or inputs (or the solver step), then run again.",
       "cli"),
    _c("E461", "a coefficient of an exactly solved linear ODE system does not fit s16.15",
       "Coupled linear ODEs are solved exactly on SpiNNaker: every coefficient of the step (an entry of a matrix "
       "exponential, computed on the host for the parameters and time step) is an s16.15 field, which holds "
       "+-65536. One does not fit, so the model is refused rather than wrapped; the message points at the ODE. "
       "Check the ODE's units and time constants, or choose a smaller resolution.", "spinnaker"),
    _c("E462", "a synapse's state became NaN or infinite",
       "A NESTML synapse model generated for NEST found its weight or another state NaN or infinite after one of its "
       "handlers: the message names the model, the handler, the time and the values. The run is stopped and nothing "
       "is written. The rule diverges with these parameters: check them and the handlers' arithmetic.", "nest"),
    _c("W402", "weights wrap in the ring buffer",
       "Some weights exceed the 16-bit ring-buffer range for their shift and wrap, as on SpiNNaker. Lower "
       "the weights or pin a larger ring-buffer shift.", "spinnaker-host"),
    _c("W403", "weights stored imprecisely in the ring buffer",
       "sPyNNaker keeps each population's synaptic input per synapse type in 16 bits at one shift, chosen for the "
       "largest input it expects, and so does spinnaker-host. Weights much smaller than the largest onto the same "
       "population and synapse type are then stored with a large relative error, or as 0 (lost). The message names "
       "the projection or stimulus and its line. Scale the weights closer together, give the small ones another "
       "synapse type, or pin smaller shifts (--weight-scaling; a saturating input is counted, W770).",
       "spinnaker-host"),
    _c("W461", "a coupling of an exactly solved linear ODE system is lost in s16.15",
       "A non-zero coefficient of the exact step of coupled linear ODEs is below half the s16.15 resolution "
       "(2^-16) even after scaling, so SpiNNaker holds it as 0 and that coupling has no effect. Check the "
       "units of the states involved, or choose a larger resolution.", "spinnaker"),
    # ---- E6xx: bundles, jobs and remote sites ---------------------------------------------------
    _c("E601", "target cannot be bundled",
       "Bundles are made for the nest and spinnaker targets (and Python scripts). Use --target nest or "
       "spinnaker.", "runtime"),
    _c("E602", "bad bundle",
       "The bundle is corrupt, incomplete or was changed after it was made (its manifest does not match). "
       "Make it again with `portasnn bundle`.", "runtime"),
    _c("E603", "bundle input not found",
       "A bundle, network file or script to bundle does not exist. Check the path.", "runtime"),
    _c("E610", "no token from the EBRAINS Lab",
       "The EBRAINS Lab token service gave no access token. Set PORTASNN_TOKEN to an EBRAINS access token.",
       "runtime"),
    _c("E611", "no access token",
       "Remote sites need an access token: PORTASNN_TOKEN (else CLB_AUTH) is not set. Export "
       "PORTASNN_TOKEN=<your EBRAINS/UNICORE access token>.", "runtime"),
    _c("E612", "access token rejected",
       "The site answered 401: the token is expired or wrong. Get a fresh token and export it as "
       "PORTASNN_TOKEN.", "runtime"),
    _c("E620", "unknown job",
       "The job database has no job with this id. List known jobs with `portasnn jobs`.", "runtime"),
    _c("E630", "NESTML model differs from the bundled one",
       "The bundle was made against another nestml version than the one on this machine, and the model "
       "would change. Use the container image with the nestml version of the bundle manifest.", "runtime"),
    _c("E632", "unknown bundle entry kind",
       "The bundle's manifest names an entry kind this portasnn does not know (made by a newer portasnn?). "
       "Make the bundle with the portasnn that runs it.", "runtime"),
    _c("E640", "unknown destination",
       "--to takes local, unicore:<site> (e.g. unicore:jusuf) or nmpi:spinnaker.", "runtime"),
    _c("E650", "bad UNICORE sites file",
       "The user's sites.toml is not valid TOML. Fix its syntax.", "runtime"),
    _c("E651", "unknown UNICORE site",
       "The site is in no sites.toml. Use a known site or add it to ~/.config/portasnn/sites.toml.",
       "runtime"),
    _c("E652", "bad UNICORE site entry",
       "A site in sites.toml has unknown keys or no url. Use the keys the hint lists and give a url.",
       "runtime"),
    _c("E653", "UNICORE site without a container image",
       "Running on this site needs a container image. Build containers/nest-pmix.def and set image = for "
       "the site in sites.toml.", "runtime"),
    _c("E660", "bad NMPI configuration file",
       "The NMPI configuration file is not valid TOML. Fix its syntax.", "runtime"),
    _c("E661", "no EBRAINS collab for NMPI",
       "NMPI jobs run in an EBRAINS collab. Set collab = \"<collab id>\" in the NMPI configuration or export "
       "PORTASNN_NMPI_COLLAB.", "runtime"),
    _c("E662", "NMPI needs a spinnaker bundle",
       "The Neuromorphic Platform runs spinnaker bundles only. Make one with `portasnn bundle NET.pnet "
       "--target spinnaker`.", "runtime"),
    _c("E670", "neither a bundle nor a network",
       "submit takes a bundle (.tar.gz) or a network (.pnet). Make a bundle with `portasnn bundle NET.pnet`.",
       "runtime"),
    _c("E671", "numerics options given with a ready bundle",
       "`--spinnaker-solver`, `--substeps` and `--arith` decide the code a network is lowered to, and a bundle "
       "already holds that code. Give them to `portasnn bundle` (or submit the .pnet file itself).", "runtime"),
    _c("E680", "not a local Slurm state directory",
       "`python -m portasnn.runtime.local_slurm up` wipes and rewrites its state directory, and refuses one that "
       "exists, is not empty and was not written by it. Choose another --dir, or remove the directory.", "runtime"),
    _c("E681", "a local Slurm needs root",
       "The single-node Slurm runs slurmctld and slurmd as root, because slurmd starts every job as its user. "
       "Start it as root (sudo make slurm-up); jobs may then be submitted by any user.", "runtime"),
    _c("E682", "UNICORE site does not answer",
       "`portasnn doctor --site` asked the site's UNICORE/X base URL once and got no answer (connection refused, "
       "timeout, DNS, TLS or a server error). Check url = for the site in sites.toml, the network and the site's "
       "status page; a submission would fail the same way.", "runtime"),
    _c("E683", "access token missing or not accepted by the site",
       "No token is set (PORTASNN_TOKEN, CLB_AUTH, or the EBRAINS Lab's token service), or the site answered 401 "
       "(token rejected or expired) or 403 (the token's user may not use the site). Get a fresh token for the site "
       "and export it as PORTASNN_TOKEN.", "runtime"),
    _c("E684", "container image not found on the site",
       "The site's image = is a .sif path, and the site's storage that holds that path (as UNICORE's storage API "
       "reports it) has no such file, or a directory there. Build the image (make images), upload it to that path, "
       "or set image = to a file that exists.", "runtime"),
    _c("E685", "queue not offered by the site",
       "The site's queue = (the Slurm partition) is not among the queues the site lists for this user. Set queue = "
       "to one of the listed ones in sites.toml.", "runtime"),
    _c("E686", "project not known to the site",
       "The site's project = (the account charged) is not among the projects the site reports for this user "
       "(its compute budget or project resource). Set project = to one of the listed ones in sites.toml.",
       "runtime"),
    _c("E687", "resources outside the site's limits",
       "The walltime, the node count or the CPUs per node asked for are outside the range the site reports for "
       "the queue. Ask for less with --walltime/--nodes or in sites.toml (runtime, nodes, tasks_per_node, "
       "cpus_per_task), or choose another queue.", "runtime"),
    _c("E688", "bad walltime or node count for doctor --site",
       "--walltime takes a positive duration (30m, 2h, 1d, seconds, HH:MM:SS or D-HH:MM:SS) and --nodes a count of "
       "1 or more; the site's runtime = in sites.toml takes the same durations; neither applies to --site nmpi. Write "
       "it in one of these forms.",
       "runtime"),
    _c("E689", "EBRAINS collab or quota not fit for NMPI jobs",
       "`portasnn doctor --site nmpi` found that the token's user may not submit to the configured collab (only "
       "editors and administrators of a collab, or the user's private space, may), or that every quota of the "
       "collab for the platform is used up. Choose a collab you edit, or ask for more compute time.", "runtime"),
    _c("E690", "results directory in the way, outside the working directory",
       "When the far-side entry runs again it replaces only directories strictly inside the job's working "
       "directory (a partial results/ or .results.attempt). Anything else at the results path (a file, a link, "
       "or a directory elsewhere) is left untouched and the run is refused: choose another --outdir or run the "
       "entry in the job's working directory.", "runtime"),
    _c("E691", "recipe this image build cannot follow",
       "`make images` (portasnn.runtime.images) builds Apptainer recipes with debootstrap, without Apptainer: the "
       "recipe must say 'Bootstrap: debootstrap' with OSVersion and MirrorURL, use only the sections it implements "
       "(%files, %environment, %post, %runscript, %test, %labels, %help) and name %files that exist in the build "
       "directory. The message gives file:line; build other recipes with apptainer itself.", "runtime"),
    _c("E692", "image build or run needs root and its tools",
       "Building an image (and running one without Apptainer) uses debootstrap, chroot, mount namespaces, "
       "squashfs-tools and siftool, which need root. Install them (apt-get install debootstrap squashfs-tools "
       "siftool; make setup does) and run as root.", "runtime"),
    _c("E693", "not a runnable SIF image",
       "The stand-in for `apptainer exec` (portasnn.runtime.sif_exec) was given a path that is not a SIF file "
       "with a squashfs system partition, no command, or a --bind that is not SRC[:DST] with absolute paths. "
       "Check the image with `siftool list IMAGE`.", "runtime"),
    _c("W601", "a job's status could not be updated",
       "portasnn could not ask a site about a job; the listed status may be stale. The message says why; try "
       "again later.", "runtime"),
    _c("W680", "not reported by the site",
       "`portasnn doctor --site` could not check a setting because the site does not report it (its queues, "
       "projects or limits, or no storage it exports holds the image path). The setting may still be right: check "
       "it in the site's user documentation.", "runtime"),
    _c("W681", "registry image not checked",
       "A docker:// or oras:// image is pulled on the site's login node by the first job, and `portasnn doctor "
       "--site` does not contact registries. Pull it once by hand on the site to be sure it resolves.", "runtime"),
    # ---- E7xx: MPI runs, results directories and comparisons ------------------------------------
    _c("E701", "srun not found in a Slurm allocation",
       "SLURM_JOB_ID is set, so portasnn launches ranks with srun, but srun is not on PATH. Load the site's "
       "Slurm environment, or unset SLURM_JOB_ID.", "nest"),
    _c("E702", "mpirun not found",
       "--processes N > 1 launches the ranks with mpirun, which is not on PATH. Install OpenMPI (make "
       "setup-mpi).", "nest"),
    _c("E703", "NEST without MPI",
       "Several processes need a NEST built with MPI, and the NEST in use has none. Build one with make "
       "setup-mpi, or run with one process.", "nest"),
    _c("E710", "not a results directory",
       "The directory is not a complete results directory written by `portasnn run` (a file is missing or "
       "unreadable). Re-run the simulation or fetch the results again.", "harness"),
    _c("E711", "results meta incomplete",
       "Results are being written without a required field of their meta data. This follows from the "
       "caller; give every required field.", "harness"),
    _c("E712", "population not in the results meta",
       "Spikes or traces are written for a population that the results meta data does not declare. Declare "
       "every population in the meta data.", "harness"),
    _c("E713", "inconsistent recorded data",
       "Spike senders and times differ in number, an index is outside the population, or a later chunk of a "
       "trace has other neurons or another unit. The data to write (or read) are inconsistent.", "harness"),
    _c("E714", "name not usable as a file name",
       "Population and variable names become file names in a results directory. Use letters, digits, '_', "
       "'.' and '-' (no '__').", "harness"),
    _c("E720", "tolerance file not found",
       "The tolerance file given to compare does not exist. Check the path.", "harness"),
    _c("E721", "tolerance file is not valid TOML",
       "The tolerance file cannot be parsed as TOML. Fix its syntax.", "harness"),
    _c("E722", "bad tolerance entry",
       "A tolerance file has an unknown section or an entry of the wrong form. Use [network] with "
       "{ abs = ... } or { rel = ... } and [single_neuron] with { max = ... } or { min = ... }.", "harness"),
    _c("E730", "bad scenario parameter",
       "A scenario parameter is unknown or not a number. Use the parameters the hint lists, with numbers.",
       "harness"),
    _c("E731", "unknown scenario",
       "The single-neuron scenario name is not one portasnn has. Use one the hint lists.", "harness"),
    _c("E740", "unknown comparison target",
       "compare takes nest, nest-builtin:<model>, spinnaker-host and spinnaker-host:float. Use one of these.",
       "harness"),
    _c("E742", "nest-builtin for a .pnet file",
       "nest-builtin:<model> replaces the models of a network built in Python or of a model's scenarios, not "
       "of a .pnet file. Write the built-in model in the .pnet file and compare result directories.",
       "harness"),
    _c("E750", "bad number of seeds",
       "--seeds must be at least 1.", "harness"),
    _c("E751", "targets without a subject",
       "Running targets needs a subject (a .pnet file or a NESTML model). Give SUBJECT, or compare existing "
       "result directories with --results.", "harness"),
    _c("E752", "nothing to compare",
       "A comparison needs at least two targets or result directories. Give more.", "harness"),
    _c("E753", "bad subject",
       "The subject does not exist or is neither a network (.pnet) nor a NESTML model (.nestml with a "
       "'model NAME:' line). Check the path.", "harness"),
    _c("E754", "empty group of result directories",
       "A group of result directories given to compare is empty. Give at least one directory per group.",
       "harness"),
    _c("E755", "runs of different networks",
       "The result directories record different populations or different spikes, so they are not runs of "
       "the same network. Compare runs of the same network, recording the same populations.", "harness"),
    _c("E756", "model subject mixed with results",
       "A NESTML model subject runs its scenarios on targets; --results cannot be mixed in. Compare result "
       "directories without a SUBJECT.", "harness"),
    _c("E757", "traces share no sample times",
       "Two traces to compare were sampled at disjoint times. Record them with the same interval.",
       "harness"),
    _c("E758", "bad override or seed for compare",
       "--set applies to .pnet files and model scenarios (not to a Network built in Python or to result "
       "directories), and a seed must be an integer. Fix the option.", "harness"),
    _c("E770", "bad weight scaling",
       "A ring-buffer weight scaling (--weight-scaling, or a population's weight_scaling option) is auto, "
       "spynnaker, shift:S,... with whole shifts from 0 to 16, or max:W,... with positive maxima (sPyNNaker's "
       "max_expected_summed_weight). Write one of these forms.", "cli", "frontend"),
    _c("E771", "weight scaling for an unknown population",
       "--weight-scaling POP=... names a population the network does not have. Use one of the populations the "
       "message lists, or leave out POP= to scale every population.", "cli"),
    _c("E772", "weight scaling has the wrong number of values",
       "Shifts or maxima are given per synapse type of the population's model, in its order (usually "
       "excitatory, inhibitory). Give one value per synapse type.", "cli", "spinnaker"),
    _c("E773", "automatic weight scaling needs a measured run",
       "auto chooses the ring-buffer shifts from a run on the SpiNNaker emulator, so the sPyNNaker code for a "
       "board cannot take it directly. Run the network on spinnaker-host with auto (it reports the shifts per "
       "population), then build for the board with those shifts (--weight-scaling POP=shift:S,...).",
       "spinnaker"),
    _c("W701", "number of processes differs from the network's",
       "The network asks for a number of processes other than the job has; the run uses the job's. Results "
       "depend on the number of virtual processes, so compare runs with the same one.", "nest"),
    _c("W770", "ring-buffer saturation",
       "Additions to a population's 16-bit input ring buffers saturated at its shift, as SpiNNaker's "
       "synapses_saturation_count would count them: input was lost, and the message says where and how often. "
       "Pin a larger shift (--weight-scaling POP=shift:...), use auto, or lower the weights.",
       "spinnaker-host"),
    # ---- E8xx: importing networks from other formats (NIR) -------------------------------------------------
    _c("E800", "NIR file cannot be read",
       "The file given as a NIR graph does not exist, is not HDF5 with NIR's node layout, or the nir package "
       "cannot read it. Write the graph with nir.write(path, graph) from nir 1.0.", "frontend"),
    _c("E801", "NIR primitive not imported",
       "A node of the NIR graph is a primitive that portasnn does not lower (yet), or a type that is not a NIR 1.0 "
       "primitive; the message names the node and why. The README's NIR coverage table lists every primitive; "
       "replace the node before exporting the graph.", "frontend"),
    _c("E802", "NIR graph shape not imported",
       "The nodes are known but the way they are connected is not lowered: e.g. a weight node (Linear, Affine, "
       "Conv2d, pooling) that feeds an Output, an LI (non-spiking) node feeding a projection, a cycle of weight "
       "nodes without a neuron node, a graph without a neuron node, or an edge naming a nested graph with several "
       "Input or Output nodes without the port. End the graph with a neuron node and let weight nodes connect "
       "neuron nodes; name a nested graph's port as 'graph.node'.",
       "frontend"),
    _c("E803", "bad NIR input array",
       "The array given with --input does not fit the graph's Input node(s): it must be .npy (one Input node) or "
       ".npz (one array per Input node's name), one row per time step, one column per input channel, 0 or 1 "
       "(spikes) or any finite number (currents). The message says which value or shape is wrong.", "frontend"),
    _c("E804", "bad NIR import options",
       "The time step must be a positive number in the graph's time unit (s or ms), the output directory must be "
       "new or empty (or --force), and a .nir graph is loaded on its own. Fix the option the message names.",
       "frontend", "cli"),
    _c("E805", "bad parameter in a NIR node",
       "A parameter or weight of a NIR node is non-finite, has the wrong number of values for the node's size, "
       "a time constant is not positive, a Delay is not a whole number of time steps >= 0 (give --dt and "
       "--time-unit so that it is), or a convolution or pooling does not fit its input's shape. The message "
       "names the node and the field; fix the graph.",
       "frontend"),
    _c("E806", "model not exportable to NIR",
       "`portasnn export nir` maps a population to a NIR neuron only for the models of `portasnn import nir` (the "
       "shipped files, unchanged), PyNN's IF_curr_exp and NEST's and NESTML's iaf_psc_exp (CubaLIF), IF_curr_delta "
       "and iaf_psc_delta (LIF; NESTML's as nestml ships them); conductance-based, other built-in and other or "
       "changed NESTML models have no NIR primitive. Use one of those models or keep the network "
       "in portasnn.", "frontend"),
    _c("E807", "projection not exportable to NIR",
       "A NIR graph holds fixed weight matrices, and delays as Delay nodes of one layer's elements: a random "
       "connector, weight or delay, a delay off the time grid or one that depends on both neurons of a pair, a "
       "plastic synapse or a named receptor port has no NIR form. Write the connections to a file (from_file) with "
       "delays per post- (or pre-) synaptic neuron, or give --materialize to draw random connectors and weights "
       "from the network's seed.",
       "frontend"),
    _c("E808", "stimulus not exportable to NIR",
       "A NIR graph has no stimuli (Poisson, DC, steps): its input is data given to its Input nodes. Drive the "
       "network through an input population (NEST's parrot_neuron, or the Input relay of `portasnn import nir`) "
       "with spike times, which are input data and not exported, or remove the stimulus.", "frontend"),
    _c("E809", "parameter not exportable to NIR",
       "A population's parameter has no exact NIR form: a refractory period, two different synaptic time "
       "constants, a random value, a time step other than the resolution, a bias current without a projection "
       "to carry it, or a NEST built-in's parameter that is not given (NEST's defaults are not assumed). The message names the population and the parameter; change it as the hint says.",
       "frontend"),
    _c("E810", "bad NIR export options",
       "`portasnn export nir` takes a .pnet network, a time unit s or ms, --nir-output names of neuron populations, "
       "and writes a graph file that does not exist yet (or --force). Fix the option the message names.",
       "frontend"),
    _c("E811", "no NIR Input in the network",
       "A NIR graph begins at Input nodes (the nir package infers its shapes from them), and the network has no "
       "population that becomes one: NEST's parrot_neuron or the Input relay of `portasnn import nir`, without a "
       "projection into it. Add such a population, driven by spike times, in front of the network.", "frontend"),
    _c("W806", "initial state not in the NIR graph",
       "A population's state (v, or a synaptic current) does not start at 0, and a NIR graph carries no initial "
       "state: `portasnn import nir` and most NIR simulators start at 0. Start it at 0 to get the same run back, "
       "or expect the first spikes to differ.", "frontend"),
    _c("W807", "NIR graph read without the nir package's type check",
       "The nir package's type inference rejects the graph (graphs written by older nir versions often declare "
       "an Output's shape differently), so it is read with type_check=False. portasnn still checks that every "
       "node's size fits the nodes it connects to (E805), so a graph that really does not fit is refused. "
       "Re-export the graph with the current nir to silence this.", "frontend"),
    _c("W808", "NIR export of a model that resets by subtraction",
       "The population uses a model of `portasnn import nir --reset subtract` (v = v - v_threshold after a spike). "
       "A NIR LIF, CubaLIF or IF resets to v_reset, so a simulator that reads the exported graph resets otherwise "
       "unless it is told to subtract (snnTorch and Sinabs do by default).", "frontend"),
)

#: code -> its definition, in the order above (by stage, then number)
CODES: dict[str, Code] = {c.code: c for c in _ALL}


def lookup(code: str) -> Code | None:
    """The definition of ``code`` (case-insensitive, e.g. ``"e302"``), or None if there is none."""
    return CODES.get(code.strip().upper())

