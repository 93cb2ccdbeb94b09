/*
 * neuron_api.h -- the interface between a neuron model and the spinnaker-host engine.
 *
 * A model is one C header (the "model header").  It includes "spinn_fixed.h" (through this
 * file) and provides, all `static inline` or macros:
 *
 *   #define MODEL_N_SYNAPSE_TYPES  k   number of synapse types; index 0 = excitatory,
 *                                      1 = inhibitory, further ones as the model declares
 *   #define MODEL_N_RECORDED       r   number of REAL values the timestep records (>= 0)
 *   #define MODEL_N_PARAM_WORDS    p   number of PARAM words that initialise one neuron
 *   typedef struct neuron_t { ... } neuron_t;
 *        Per-neuron parameters and state.  Only 32-bit members (REAL, UFRACT, int32_t,
 *        uint32_t), so that the layout is the same on the host and on ARM.
 *
 *   void neuron_model_init(neuron_t *n, const PARAM *p);
 *        Fill one neuron from its p parameter words.  The words are computed on the host
 *        (Python) exactly as SpiNNaker would hold them: in the fixed modes int32 bits (read with
 *        PARAM_REAL / PARAM_UFRACT / PARAM_INT), in float mode doubles (the same macros).
 *
 *   void neuron_add_input(neuron_t *n, uint32_t synapse_type, REAL input);
 *        Called at the start of a tick, before neuron_do_timestep, once per synapse type whose
 *        ring-buffer slot is non-zero, with input = kbits(slot << shift[type]) (inhibitory input
 *        arrives positive; the model subtracts it).  Like sPyNNaker's neuron_impl_add_inputs.
 *
 *   bool neuron_do_timestep(neuron_t *n, REAL current_offset, REAL *recorded);
 *        One machine timestep, in sPyNNaker's order: write the MODEL_N_RECORDED recorded
 *        values (the state *before* this tick's update) to recorded[0..r-1]; update the state
 *        (current_offset is the sum of the current sources, e.g. DC, in the model's current
 *        unit); test the threshold, reset; shape (decay) the synaptic input.  Return true iff
 *        the neuron spiked this tick.  In float builds it calls portasnn_report_nonfinite when a
 *        state field became NaN or infinite.
 *
 * Rules for model code (so that one source is bit-exact on the host, doubles in float mode, and
 * GCC's ARM accum in the reference build):
 *   - never apply C operators to REAL/UFRACT values: use REAL_ADD/SUB/NEG/MUL, REAL_LT/LE/GT/GE/
 *     EQ/NE, decay_s1615(x, d) for REAL x UFRACT, kdivk/kdivui, REAL_FROM_INT/REAL_TO_INT;
 *   - constants: REAL_CONST(<decimal literal>), a literal token such as 0.04 or -65.0 (the ARM
 *     build pastes a `k` suffix onto it); anything computed goes through the parameter words;
 *   - one REAL_MUL is one truncating s16.15 multiply, evaluated in the order written.
 * Example: tests/spinnaker_host/models/if_curr_exp.h (sPyNNaker's IF_curr_exp).
 *
 * The Python side describes the model with targets/spinnaker_host/model.py:HostModel
 * (names and units of the recorded values, the parameter packer, weight units).
 */
#ifndef PORTASNN_NEURON_API_H
#define PORTASNN_NEURON_API_H

#include "spinn_fixed.h"

#if defined(PORTASNN_ARITH_FLOAT)
/* Float builds only (s16.15 cannot hold NaN or infinity): a model's timestep calls this when one of
 * its state fields became NaN or infinite; the engine stops the run at the end of the tick and
 * reports the first such neuron (its address), field name and value (engine.c). */
void portasnn_report_nonfinite(const void *neuron, const char *field, double value);
#endif

#endif /* PORTASNN_NEURON_API_H */
