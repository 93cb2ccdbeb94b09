/* stand-in: sPyNNaker's weight-accumulator synapse structure (weight and int16 accumulator; the update state
 * holds the accumulator as int32; the host writes it 0) */
#ifndef SHIM_SYNAPSE_STRUCTURE_H
#define SHIM_SYNAPSE_STRUCTURE_H
#include <neuron/plasticity/stdp/weight_dependence/weight_one_term.h>
typedef struct plastic_synapse_t {
    weight_t weight;
    int16_t accumulator;
} plastic_synapse_t;
typedef struct update_state_t {
    weight_state_t weight_state;
    int32_t accumulator;
} update_state_t;
typedef plastic_synapse_t final_state_t;
static inline update_state_t synapse_structure_get_update_state(plastic_synapse_t word, uint32_t synapse_type) {
    return (update_state_t) {weight_get_initial(word.weight, synapse_type), (int32_t) word.accumulator};
}
static inline final_state_t synapse_structure_get_final_state(update_state_t state) {
    return (final_state_t) {weight_get_final(state.weight_state), (int16_t) state.accumulator};
}
static inline plastic_synapse_t synapse_structure_get_final_synaptic_word(final_state_t final_state) {
    return final_state;
}
static inline plastic_synapse_t synapse_structure_create_synapse(weight_t weight) {
    return (plastic_synapse_t) {weight, 0};
}
static inline weight_t synapse_structure_get_weight(plastic_synapse_t word) {
    return word.weight;
}
#endif
