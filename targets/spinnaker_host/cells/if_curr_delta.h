/*
 * sPyNNaker's built-in IF_curr_delta for the spinnaker-host engine (neuron_api.h): the LIF neuron model
 * of IF_curr_exp (neuron_model_lif_impl.h), delta synapses (synapse_types_delta_impl.h: the tick's
 * input is held for one update, then cleared) and the delta input type (input_type_delta.h: the input
 * becomes a current input * scale_factor, scale_factor = kdivk(1.0, ts) = 1/dt).  The membrane then
 * integrates that current for one tick with its exact update, a jump of about w * tau_m / (cm dt) *
 * (1 - exp(-dt/tau_m)) ~ w / cm mV.  exp_TC, R, T_refract and scale_factor are computed on the host as
 * the chip's initialise functions compute them (targets/spinnaker_host/cells.py).
 */
#include "neuron_api.h"

#define MODEL_N_SYNAPSE_TYPES 2
#define MODEL_N_RECORDED 1      /* v */
#define MODEL_N_PARAM_WORDS 10

typedef struct neuron_t {
    REAL v, v_rest, r_membrane, exp_tc, i_offset, v_reset;
    int32_t t_refract, refract_timer;
    REAL v_thresh, scale_factor;
    REAL in_exc, in_inh;
} neuron_t;

static inline void neuron_model_init(neuron_t *n, const PARAM *p) {
    n->v = PARAM_REAL(p[0]);
    n->v_rest = PARAM_REAL(p[1]);
    n->r_membrane = PARAM_REAL(p[2]);
    n->exp_tc = PARAM_REAL(p[3]);
    n->i_offset = PARAM_REAL(p[4]);
    n->v_reset = PARAM_REAL(p[5]);
    n->t_refract = PARAM_INT(p[6]);
    n->refract_timer = PARAM_INT(p[7]);
    n->v_thresh = PARAM_REAL(p[8]);
    n->scale_factor = PARAM_REAL(p[9]);
    n->in_exc = REAL_CONST(0.0);
    n->in_inh = REAL_CONST(0.0);
}

/* synapse_types_delta_impl.h add_input: summed as it arrives */
static inline void neuron_add_input(neuron_t *n, uint32_t synapse_type, REAL input) {
    if (synapse_type == 0) {
        n->in_exc = REAL_ADD(n->in_exc, input);
    } else {
        n->in_inh = REAL_ADD(n->in_inh, input);
    }
}

static inline bool neuron_do_timestep(neuron_t *n, REAL current_offset, REAL *recorded) {
    recorded[0] = n->v;
    /* input_type_delta.h: input to current, input * scale_factor (computed every tick) */
    REAL exc = REAL_MUL(n->in_exc, n->scale_factor);
    REAL inh = REAL_MUL(n->in_inh, n->scale_factor);
    if (n->refract_timer <= 0) {
        REAL input = REAL_ADD(REAL_ADD(REAL_SUB(exc, inh), n->i_offset), current_offset);
        REAL alpha = REAL_ADD(REAL_MUL(input, n->r_membrane), n->v_rest);
        n->v = REAL_SUB(alpha, REAL_MUL(n->exp_tc, REAL_SUB(alpha, n->v)));
    } else {
        n->refract_timer -= 1;
    }
    bool spike = REAL_GE(n->v, n->v_thresh);
    if (spike) {
        n->v = n->v_reset;
        n->refract_timer = n->t_refract;
    }
    /* delta shaping: the input lasts one tick (input during the refractory period is lost) */
    n->in_exc = REAL_CONST(0.0);
    n->in_inh = REAL_CONST(0.0);
#if defined(PORTASNN_ARITH_FLOAT)
    if (!isfinite(n->v)) portasnn_report_nonfinite(n, "v", n->v);
#endif
    return spike;
}
