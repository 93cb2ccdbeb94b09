/* stand-in: a one-term weight dependence, spinnaker-host's (stdp.h) with the driver's rule and shift */
#ifndef SHIM_WEIGHT_ONE_TERM_H
#define SHIM_WEIGHT_ONE_TERM_H
#include "stdp.h"
extern stdp_rule_t shim_rule;
extern uint32_t shim_shift;
typedef uint16_t weight_t;
typedef struct weight_state_t {
    int32_t weight;  /* s16.15 */
} weight_state_t;
static inline weight_state_t weight_get_initial(weight_t weight, uint32_t synapse_type) {
    (void) synapse_type;
    return (weight_state_t) {(int32_t) ((uint32_t) weight << shim_shift)};
}
static inline weight_t weight_get_final(weight_state_t s) {
    return (weight_t) (s.weight >> shim_shift);
}
static inline weight_state_t weight_one_term_apply_depression(weight_state_t s, int32_t depression) {
    s.weight = stdp_depress(s.weight, (trace_t) depression, &shim_rule);
    return s;
}
static inline weight_state_t weight_one_term_apply_potentiation(weight_state_t s, int32_t potentiation) {
    s.weight = stdp_potentiate(s.weight, (trace_t) potentiation, &shim_rule);
    return s;
}
#endif
