/*
 * model_glue.c -- wraps one model header (neuron_api.h interface) as a model_vtable_t.
 * Compiled once per model with -DMODEL_HEADER="path/to/model.h" -DMODEL_SYM=portasnn_model_<k>.
 */
#include "neuron_api.h"
#include "engine.h"
#include MODEL_HEADER

#if MODEL_N_SYNAPSE_TYPES > PORTASNN_MAX_SYNAPSE_TYPES
#error "too many synapse types"
#endif

static void glue_init(void *state, uint32_t n, const PARAM *params) {
    neuron_t *neurons = (neuron_t *) state;
    for (uint32_t i = 0; i < n; i++) {
        neuron_model_init(&neurons[i], params + (size_t) i * MODEL_N_PARAM_WORDS);
    }
}

static inline REAL slot_input(rb_t v, int32_t shift) {
#if defined(PORTASNN_ARITH_FLOAT)
    (void) shift;
    return v;
#else
    return kbits((int32_t) ((uint32_t) v << shift));
#endif
}

static inline REAL input_offset(value_t v) {
#if defined(PORTASNN_ARITH_FLOAT)
    return v;
#else
    return kbits(v);
#endif
}

/* Inputs first, then the timesteps: per synapse type, the neurons whose slot is non-zero are
 * listed without a branch (whether a slot is zero is close to a coin toss per neuron, which a
 * branch predictor cannot learn), then given their input; then every neuron takes its timestep.
 * Each neuron still sees add_input for types 0, 1, ... (non-zero slots only) and then
 * do_timestep, as in sPyNNaker; neurons do not read each other's state, so the order across
 * neurons is free.  `scratch` holds n indices. */
static uint32_t glue_step(void *state, uint32_t n, rb_t *const *slots, const int32_t *shifts,
                          const value_t *current_offset, uint32_t n_rec, const uint32_t *rec_ids,
                          value_t *rec_out, uint32_t *spiked, uint32_t *scratch) {
    neuron_t *neurons = (neuron_t *) state;
    for (uint32_t s = 0; s < MODEL_N_SYNAPSE_TYPES; s++) {
        rb_t *slot = slots[s];
        const int32_t shift = shifts[s];
        uint32_t m = 0;
        for (uint32_t i = 0; i < n; i++) {
            scratch[m] = i;
            m += slot[i] != 0;
        }
        for (uint32_t j = 0; j < m; j++) {
            const uint32_t i = scratch[j];
            neuron_add_input(&neurons[i], s, slot_input(slot[i], shift));
        }
        memset(slot, 0, (size_t) n * sizeof(rb_t));
    }
    /* Neurons in order; the recorded ones (rec_ids: sorted, distinct; any >= n are not recorded)
     * keep their recorded values, the others' are dead stores. */
    uint32_t n_spiked = 0, i = 0;
    REAL recorded[MODEL_N_RECORDED > 0 ? MODEL_N_RECORDED : 1];
    for (uint32_t k = 0; rec_out != NULL && k < n_rec && rec_ids[k] < n; k++) {
        for (const uint32_t id = rec_ids[k]; i < id; i++) {
            REAL dead[MODEL_N_RECORDED > 0 ? MODEL_N_RECORDED : 1];
            if (neuron_do_timestep(&neurons[i], input_offset(current_offset[i]), dead)) {
                spiked[n_spiked++] = i;
            }
        }
        if (neuron_do_timestep(&neurons[i], input_offset(current_offset[i]), recorded)) {
            spiked[n_spiked++] = i;
        }
        for (uint32_t r = 0; r < MODEL_N_RECORDED; r++) {
#if defined(PORTASNN_ARITH_FLOAT)
            rec_out[(size_t) k * MODEL_N_RECORDED + r] = recorded[r];
#else
            rec_out[(size_t) k * MODEL_N_RECORDED + r] = bitsk(recorded[r]);
#endif
        }
        i++;
    }
    for (; i < n; i++) {
        REAL dead[MODEL_N_RECORDED > 0 ? MODEL_N_RECORDED : 1];
        if (neuron_do_timestep(&neurons[i], input_offset(current_offset[i]), dead)) {
            spiked[n_spiked++] = i;
        }
    }
    return n_spiked;
}

const model_vtable_t MODEL_SYM = {
    (uint32_t) sizeof(neuron_t), MODEL_N_SYNAPSE_TYPES, MODEL_N_RECORDED, MODEL_N_PARAM_WORDS,
    glue_init, glue_step,
};
