/*
 * sPyNNaker's built-in IF_curr_exp for the spinnaker-host engine (neuron_api.h): the LIF neuron model
 * (neuron_model_lif_impl.h: exact exponential membrane update with exp_TC = expk(-ts/tau_m) and
 * R = tau_m/cm, a refractory countdown in ticks), current input, a static threshold and exponential
 * synapses (exp_synapse_utils.h: input scaled by init on arrival, decayed by decay every tick).
 * exp_TC, R, T_refract, decay and init are computed on the host as the chip's initialise functions
 * compute them (targets/spinnaker_host/cells.py with fixed.py).  Units are sPyNNaker's: mV, nA.
 */
#include "neuron_api.h"

#define MODEL_N_SYNAPSE_TYPES 2
#define MODEL_N_RECORDED 3      /* v, isyn_exc, isyn_inh */
#define MODEL_N_PARAM_WORDS 15

typedef struct neuron_t {
    REAL v, v_rest, r_membrane, exp_tc, i_offset, v_reset;
    int32_t t_refract, refract_timer;
    REAL v_thresh;
    REAL isyn_exc, isyn_inh;
    UFRACT exc_decay, exc_init, inh_decay, inh_init;
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
    n->isyn_exc = PARAM_REAL(p[9]);
    n->isyn_inh = PARAM_REAL(p[10]);
    n->exc_decay = PARAM_UFRACT(p[11]);
    n->exc_init = PARAM_UFRACT(p[12]);
    n->inh_decay = PARAM_UFRACT(p[13]);
    n->inh_init = PARAM_UFRACT(p[14]);
}

/* exp_synapse_utils.h add_input: the tick's input, scaled by init, joins the synaptic current */
static inline void neuron_add_input(neuron_t *n, uint32_t synapse_type, REAL input) {
    if (synapse_type == 0) {
        n->isyn_exc = REAL_ADD(n->isyn_exc, decay_s1615(input, n->exc_init));
    } else {
        n->isyn_inh = REAL_ADD(n->isyn_inh, decay_s1615(input, n->inh_init));
    }
}

static inline bool neuron_do_timestep(neuron_t *n, REAL current_offset, REAL *recorded) {
    recorded[0] = n->v;
    recorded[1] = n->isyn_exc;
    recorded[2] = n->isyn_inh;
    if (n->refract_timer <= 0) {
        /* total_exc - total_inh - external_bias (0) + I_offset + current_offset, left to right */
        REAL input = REAL_ADD(REAL_ADD(REAL_SUB(n->isyn_exc, n->isyn_inh), n->i_offset), current_offset);
        REAL alpha = REAL_ADD(REAL_MUL(input, n->r_membrane), n->v_rest);
        n->v = REAL_SUB(alpha, REAL_MUL(n->exp_tc, REAL_SUB(alpha, n->v)));
    } else {
        n->refract_timer -= 1;
    }
    bool spike = REAL_GE(n->v, n->v_thresh);  /* threshold_type_static: V >= V_thresh */
    if (spike) {
        n->v = n->v_reset;
        n->refract_timer = n->t_refract;
    }
    /* synapse shaping, every tick, refractory or not */
    n->isyn_exc = decay_s1615(n->isyn_exc, n->exc_decay);
    n->isyn_inh = decay_s1615(n->isyn_inh, n->inh_decay);
#if defined(PORTASNN_ARITH_FLOAT)
    if (!isfinite(n->v)) portasnn_report_nonfinite(n, "v", n->v);
#endif
    return spike;
}
