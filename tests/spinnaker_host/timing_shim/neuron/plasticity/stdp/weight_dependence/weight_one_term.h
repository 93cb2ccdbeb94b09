/* stand-in: a one-term weight dependence, spinnaker-host's (stdp.h) with the driver's rule */
#ifndef SHIM_WEIGHT_ONE_TERM_H
#define SHIM_WEIGHT_ONE_TERM_H
#include "stdp.h"
extern stdp_rule_t shim_rule;

static inline update_state_t weight_one_term_apply_depression(update_state_t s, int32_t depression) {
    s.weight = stdp_depress(s.weight, (trace_t) depression, &shim_rule);
    return s;
}

static inline update_state_t weight_one_term_apply_potentiation(update_state_t s, int32_t potentiation) {
    s.weight = stdp_potentiate(s.weight, (trace_t) potentiation, &shim_rule);
    return s;
}
#endif
