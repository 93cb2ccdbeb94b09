/* stand-in: sPyNNaker's weight-only synapse structure (the word is the weight, the update state its weight state) */
#ifndef SHIM_SYNAPSE_STRUCTURE_H
#define SHIM_SYNAPSE_STRUCTURE_H
#include <neuron/plasticity/stdp/weight_dependence/weight_one_term.h>
typedef weight_t plastic_synapse_t;
typedef weight_state_t update_state_t;
typedef weight_t final_state_t;
static inline update_state_t synapse_structure_get_update_state(plastic_synapse_t word, uint32_t synapse_type) {
    return weight_get_initial(word, synapse_type);
}
static inline final_state_t synapse_structure_get_final_state(update_state_t state) {
    return weight_get_final(state);
}
static inline plastic_synapse_t synapse_structure_get_final_synaptic_word(final_state_t final_state) {
    return final_state;
}
static inline plastic_synapse_t synapse_structure_create_synapse(weight_t weight) {
    return weight;
}
static inline weight_t synapse_structure_get_weight(plastic_synapse_t word) {
    return word;
}
#endif
