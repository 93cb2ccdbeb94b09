/*
 * stdp_driver.c -- one plastic synapse through stdp.h, for the bit-accuracy reference (armref.py): built for this
 * CPU (the engine's integer arithmetic) and with arm-linux-gnueabi-gcc -DPORTASNN_ARM_ACCUM (GCC's ARM accum),
 * both must print the same words.
 *
 * stdin (whitespace-separated integers):
 *   multiplicative plus_size minus_size w_min w_max a2_plus a2_minus shift delay word n_events
 *   pairing triplet a3_plus a3_minus x_size y_size
 *   plus_size LUT entries, minus_size LUT entries, x_size and y_size LUT entries (triplet)
 *   n_events pairs "kind tick" in time order, kind 0 = a post spike, 1 = a pre spike (send tick); the post spikes
 *   of a tick come before its pre spikes, as in the engine
 * stdout: the synapse's 16-bit weight word after every pre spike, one per line.
 */
#include <stdio.h>
#include <stdlib.h>
#include "spinn_fixed.h"
#include "stdp.h"

static long next(void) {
    long v;
    if (scanf("%ld", &v) != 1) {
        fprintf(stderr, "stdp_driver: input ended early\n");
        exit(2);
    }
    return v;
}

int main(void) {
    stdp_rule_t r = {0};
    r.multiplicative = (uint32_t) next();
    r.plus_size = (uint32_t) next();
    r.minus_size = (uint32_t) next();
    r.w_min = (int32_t) next();
    r.w_max = (int32_t) next();
    r.a2_plus = (int32_t) next();
    r.a2_minus = (int32_t) next();
    const uint32_t shift = (uint32_t) next(), d = (uint32_t) next();
    uint16_t word = (uint16_t) next();
    const long n_events = next();
    r.pairing = (uint32_t) next();
    r.triplet = (uint32_t) next();
    r.a3_plus = (int32_t) next();
    r.a3_minus = (int32_t) next();
    r.x_size = (uint32_t) next();
    r.y_size = (uint32_t) next();
    int16_t *plus = calloc(r.plus_size + 1, sizeof(int16_t)), *minus = calloc(r.minus_size + 1, sizeof(int16_t));
    int16_t *x = calloc(r.x_size + 1, sizeof(int16_t)), *y = calloc(r.y_size + 1, sizeof(int16_t));
    for (uint32_t i = 0; i < r.plus_size; i++) plus[i] = (int16_t) next();
    for (uint32_t i = 0; i < r.minus_size; i++) minus[i] = (int16_t) next();
    for (uint32_t i = 0; i < r.x_size; i++) x[i] = (int16_t) next();
    for (uint32_t i = 0; i < r.y_size; i++) y[i] = (int16_t) next();
    r.plus_lut = plus;
    r.minus_lut = minus;
    r.x_lut = x;
    r.y_lut = y;
    post_history_t post = {0};
    pre_history_t pre = {0};
    trace_t acc = 0;
    for (long e = 0; e < n_events; e++) {
        const long kind = next();
        const uint32_t tick = (uint32_t) next();
        if (kind == 0) {
            stdp_post_spike(&post, tick, &r);
            continue;
        }
        const uint32_t last_time = pre.time;
        const trace_t last_trace = pre.trace;
        stdp_pre_spike(&pre, tick, &r);
        const int32_t w = stdp_update((int32_t) ((uint32_t) word << shift), tick, last_time, last_trace, pre.trace2, d,
                                      &post, &r, &acc);
        word = (uint16_t) (w >> shift);
        printf("%u\n", (unsigned) word);
    }
    free(plus);
    free(minus);
    free(x);
    free(y);
    return 0;
}
