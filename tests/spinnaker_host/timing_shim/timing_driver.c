/*
 * timing_driver.c -- one plastic synapse through a generated sPyNNaker timing dependence (TIMING_IMPL_H, with its
 * .c linked in) and sPyNNaker's deferred update as notes/plasticity.md describes it: a post history of 16 entries
 * with a placeholder at time 0, a row's pre spike (time, trace), the post spikes in (t_last - d, t - d] applied
 * with timing_apply_post_spike, then, if the neuron ever spiked, the last of them with timing_apply_pre_spike.
 *
 * stdin (whitespace-separated integers):
 *   multiplicative w_min w_max a2_plus a2_minus shift delay word
 *   n_words, then the timing dependence's parameter words as sPyNNaker's host writes them
 *   n_events, then pairs "kind tick" in time order (kind 0: a post spike, 1: a pre spike at its send tick)
 * stdout: the 16-bit weight word after every pre spike, one per line.
 */
#include <stdio.h>
#include <stdlib.h>
#include "spinn_fixed.h"
#include "stdp.h"
#include TIMING_IMPL_H

stdp_rule_t shim_rule;
uint32_t shim_shift;

static long next(void) {
    long v;
    if (scanf("%ld", &v) != 1) {
        fprintf(stderr, "timing_driver: input ended early\n");
        exit(2);
    }
    return v;
}

int main(void) {
    shim_rule.multiplicative = (uint32_t) next();
    shim_rule.w_min = (int32_t) next();
    shim_rule.w_max = (int32_t) next();
    shim_rule.a2_plus = (int32_t) next();
    shim_rule.a2_minus = (int32_t) next();
    shim_shift = (uint32_t) next();
    const uint32_t d = (uint32_t) next();
    plastic_synapse_t synapse = synapse_structure_create_synapse((weight_t) next());
    const long n_words = next();
    uint32_t *words = calloc((size_t) n_words + 1, sizeof(uint32_t));
    for (long i = 0; i < n_words; i++) words[i] = (uint32_t) next();
    if (timing_initialise(words) != words + n_words) {
        fprintf(stderr, "timing_driver: timing_initialise read a different number of words\n");
        return 3;
    }
    uint32_t times[STDP_MAX_POST] = {0}, count_minus_one = 0;
    post_trace_t traces[STDP_MAX_POST];
    traces[0] = timing_get_initial_post_trace();
    uint32_t last_pre = 0;
    pre_trace_t last_trace = 0;  /* the host zeroes the row's header */
    const long n_events = next();
    for (long e = 0; e < n_events; e++) {
        const long kind = next();
        const uint32_t t = (uint32_t) next();
        if (kind == 0) {
            const post_trace_t trace = timing_add_post_spike(t, times[count_minus_one], traces[count_minus_one]);
            if (count_minus_one < STDP_MAX_POST - 1) {
                count_minus_one++;
            } else {
                for (uint32_t k = 2; k < STDP_MAX_POST; k++) {
                    times[k - 1] = times[k];
                    traces[k - 1] = traces[k];
                }
            }
            times[count_minus_one] = t;
            traces[count_minus_one] = trace;
            continue;
        }
        const pre_trace_t new_trace = timing_add_pre_spike(t, last_pre, last_trace);
        const uint32_t begin = last_pre >= d ? last_pre - d : 0, end = t >= d ? t - d : 0;
        uint32_t k = count_minus_one;
        while (k > 0 && times[k] > begin) k--;
        int valid = k > 0;
        uint32_t prev_time = times[k];
        post_trace_t prev_trace = traces[k];
        update_state_t state = synapse_structure_get_update_state(synapse, 0);
        for (uint32_t i = k + 1; i <= count_minus_one && times[i] <= end; i++) {
            state = timing_apply_post_spike(times[i] + d, traces[i], last_pre, last_trace, prev_time, prev_trace,
                                            state);
            prev_time = times[i];
            prev_trace = traces[i];
            valid = 1;
        }
        if (valid) {
            state = timing_apply_pre_spike(t, new_trace, last_pre, last_trace, prev_time + d, prev_trace, state);
        }
        synapse = synapse_structure_get_final_synaptic_word(synapse_structure_get_final_state(state));
        last_pre = t;
        last_trace = new_trace;
        printf("%u\n", (unsigned) synapse_structure_get_weight(synapse));
    }
    free(words);
    return 0;
}
