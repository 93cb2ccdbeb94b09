/*
 * Test fixture: an Izhikevich neuron with delta-current synapses (the ring-buffer input of a tick
 * is that tick's current), integrated with one explicit midpoint (RK2) step per tick. Exercises
 * fixed-point literals, products of state variables and a non-linear right-hand side.
 */
#include "neuron_api.h"

#define MODEL_N_SYNAPSE_TYPES 2
#define MODEL_N_RECORDED 2      /* v, u */
#define MODEL_N_PARAM_WORDS 8

typedef struct neuron_t {
    REAL a, b, c, d, v, u, i_offset, h;
    REAL input_exc, input_inh;
} neuron_t;

static inline void neuron_model_init(neuron_t *n, const PARAM *p) {
    n->a = PARAM_REAL(p[0]);
    n->b = PARAM_REAL(p[1]);
    n->c = PARAM_REAL(p[2]);
    n->d = PARAM_REAL(p[3]);
    n->v = PARAM_REAL(p[4]);
    n->u = PARAM_REAL(p[5]);
    n->i_offset = PARAM_REAL(p[6]);
    n->h = PARAM_REAL(p[7]);
    n->input_exc = ZERO;
    n->input_inh = ZERO;
}

static inline void neuron_add_input(neuron_t *n, uint32_t synapse_type, REAL input) {
    if (synapse_type == 0) {
        n->input_exc = REAL_ADD(n->input_exc, input);
    } else {
        n->input_inh = REAL_ADD(n->input_inh, input);
    }
}

/* dv/dt = 0.04 v^2 + 5 v + 140 - u + I;  du/dt = a (b v - u) */
static inline REAL izk_dv(REAL v, REAL u, REAL i) {
    REAL quad = REAL_MUL(REAL_ADD(REAL_MUL(REAL_CONST(0.04), v), REAL_CONST(5.0)), v);
    return REAL_ADD(REAL_SUB(REAL_ADD(quad, REAL_CONST(140.0)), u), i);
}

static inline REAL izk_du(const neuron_t *n, REAL v, REAL u) {
    return REAL_MUL(n->a, REAL_SUB(REAL_MUL(n->b, v), u));
}

static inline bool neuron_do_timestep(neuron_t *n, REAL current_offset, REAL *recorded) {
    recorded[0] = n->v;
    recorded[1] = n->u;
    REAL i = REAL_ADD(REAL_ADD(REAL_SUB(n->input_exc, n->input_inh), n->i_offset), current_offset);
    REAL half_h = REAL_MUL(REAL_CONST(0.5), n->h);
    REAL v_mid = REAL_ADD(n->v, REAL_MUL(half_h, izk_dv(n->v, n->u, i)));
    REAL u_mid = REAL_ADD(n->u, REAL_MUL(half_h, izk_du(n, n->v, n->u)));
    n->v = REAL_ADD(n->v, REAL_MUL(n->h, izk_dv(v_mid, u_mid, i)));
    n->u = REAL_ADD(n->u, REAL_MUL(n->h, izk_du(n, v_mid, u_mid)));
    bool spike = REAL_GE(n->v, REAL_CONST(30.0));
    if (spike) {
        n->v = n->c;
        n->u = REAL_ADD(n->u, n->d);
    }
    n->input_exc = ZERO;
    n->input_inh = ZERO;
    return spike;
}
