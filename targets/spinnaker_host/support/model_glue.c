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

static uint32_t glue_step(void *state, uint32_t n, rb_t *const *slots, const int32_t *shifts,
                          const value_t *current_offset, uint32_t n_rec, const uint32_t *rec_ids,
                          value_t *rec_out, uint32_t *spiked) {
    neuron_t *neurons = (neuron_t *) state;
    uint32_t n_spiked = 0, k = 0;
    REAL recorded[MODEL_N_RECORDED > 0 ? MODEL_N_RECORDED : 1];
    for (uint32_t i = 0; i < n; i++) {
        neuron_t *neuron = &neurons[i];
        for (uint32_t s = 0; s < MODEL_N_SYNAPSE_TYPES; s++) {
            rb_t v = slots[s][i];
            if (v != 0) {
                neuron_add_input(neuron, s, slot_input(v, shifts[s]));
                slots[s][i] = 0;
            }
        }
#if defined(PORTASNN_ARITH_FLOAT)
        REAL offset = current_offset[i];
#else
        REAL offset = kbits(current_offset[i]);
#endif
        if (neuron_do_timestep(neuron, offset, recorded)) {
            spiked[n_spiked++] = i;
        }
        if (rec_out != NULL && k < n_rec && rec_ids[k] == i) {
            for (uint32_t r = 0; r < MODEL_N_RECORDED; r++) {
#if defined(PORTASNN_ARITH_FLOAT)
                rec_out[(size_t) k * MODEL_N_RECORDED + r] = recorded[r];
#else
                rec_out[(size_t) k * MODEL_N_RECORDED + r] = bitsk(recorded[r]);
#endif
            }
            k++;
        }
    }
    return n_spiked;
}

const model_vtable_t MODEL_SYM = {
    (uint32_t) sizeof(neuron_t), MODEL_N_SYNAPSE_TYPES, MODEL_N_RECORDED, MODEL_N_PARAM_WORDS,
    glue_init, glue_step,
};
