/*
 * stdp.h -- plastic synapses of the spinnaker-host engine: sPyNNaker 7.4.1's STDP "MAD" processing with the
 * pair rule (SpikePairRule) and an additive or multiplicative weight dependence, written from its documented
 * behaviour (notes/plasticity.md):
 *
 *   - a post-synaptic spike of neuron n at tick t goes into n's history of MAX_POST entries (entry 0 a
 *     placeholder at time 0 with trace 0; when full, the oldest real entry is dropped) with the post trace
 *     o = decay(o_last, t - t_last) + 1;
 *   - a pre-synaptic spike at tick t (the send tick) updates every synapse of its row, deferred: with the row's
 *     last pre spike (t_l, r_l) and the synapse's delay d, each post spike p of the history with
 *     t_l - d < p.t <= t - d potentiates by r_l decayed over p.t + d - t_l; then, if the neuron has ever spiked,
 *     the last post spike q with q.t <= t - d depresses by q.o decayed over t - (q.t + d); the updated weight
 *     goes into the ring buffer at t + d (16-bit, saturating) and is stored; the row's pre trace becomes
 *     r = decay(r_l, t - t_l) + 1;
 *   - fixed point: traces int16 s4.11 (1 = 2048), decay = trace * LUT[dt] >> 11 (16 x 16 signed, floor), LUT
 *     entries floor(2048 exp(-i dt / tau)), 0 beyond the table; weights s16.15 from the 16-bit word shifted left by
 *     the ring-buffer shift, updated by w -/+= A * (trace << 4) (accum multiply, floor), stored as w >> shift in 16
 *     bits;
 *   - nearest-neighbour pairs (portasnn's sPyNNaker timing dependence nn_symm, nestml's stdp_nn_symm_synapse):
 *     the same, but a spike sets its trace to 1 instead of adding 1 (o = 1, r = 1), so that each post spike pairs
 *     with the last pre spike before it and each pre spike with the last post spike before it; the row's pre trace
 *     starts at 0, so post spikes before the first pre spike change nothing;
 *   - pre-centred nearest-neighbour pairs (portasnn's timing dependence nn_pre_centered, nestml's
 *     stdp_nn_pre_centered_synapse): a post spike sets its trace to 1; a synapse's pre trace grows by 1 at each
 *     pre spike and is reset to 0 by the first post spike that reaches it, so only that post spike of a window
 *     potentiates. The trace is the synapse's own (its accumulator, the second half-word of sPyNNaker's
 *     weight-accumulator synapse): 0 while no post spike ever reset it (then it is the row's all-to-all trace),
 *     else its value after the last pre spike;
 *   - restricted symmetric nearest-neighbour pairs (nn_restr_symm, nestml's stdp_nn_restr_symm_synapse): both
 *     traces are set to 1; only the first post spike of a window potentiates, and a pre spike depresses only if
 *     a post spike reached the synapse since the last pre spike (or it is the row's first pre spike);
 *   - triplet (sPyNNaker's PfisterSpikeTriplet with its additive two-term weight dependence, nestml's
 *     stdp_triplet_synapse): all-to-all traces r1, o1 as above and second traces r2 (tau_x), o2 (tau_y) kept as
 *     their value just before the last spike, r2 = (r2_l + 1) decay_x (0 at the row's first pre spike, or
 *     whenever the last pre spike was at tick 0), o2 = (o2_l + 1) decay_y (without the + 1 after the
 *     placeholder); a post spike potentiates by a2+ r1 + a3+ (r1 o2), a pre spike depresses by
 *     a2- o1 + a3- (o1 r2), each clamped once;
 *   - PORTASNN_ARITH_FLOAT: the same algorithm in exact doubles (exp, no table, no 16-bit truncation).
 *
 * Times are ticks (uint32, as on the chip, so that t - (q.t + d) wraps where it does there).
 */
#ifndef PORTASNN_STDP_H
#define PORTASNN_STDP_H

#include <math.h>
#include <stdint.h>

#define STDP_MAX_POST 16
#define STDP_ONE 2048

/* how spikes pair (stdp_rule_t.pairing) */
#define STDP_ALL_TO_ALL 0    /* traces grow by 1 at a spike (SpikePairRule) */
#define STDP_NEAREST 1       /* symmetric nearest neighbour: set to 1 */
#define STDP_PRE_CENTERED 2  /* post trace set to 1, per-synapse pre trace reset by a post spike */
#define STDP_RESTRICTED 3    /* restricted symmetric nearest neighbour */

#if defined(PORTASNN_ARITH_FLOAT)
typedef double trace_t;
typedef double stdp_weight_t;   /* a weight in ring-buffer input units (model units x global weight scale) */
#else
typedef int16_t trace_t;
typedef int32_t stdp_weight_t;  /* raw s16.15 */
#endif

/* One pair rule with its weight dependence (one per post-synaptic population). */
typedef struct stdp_rule {
    uint32_t multiplicative;          /* 0: additive (clamped to [w_min, w_max]), 1: multiplicative */
    uint32_t plus_size, minus_size;   /* LUT lengths (fixed point) */
    int32_t w_min, w_max, a2_plus, a2_minus;  /* raw s16.15 (fixed point) */
    const int16_t *plus_lut, *minus_lut;
    double f_w_min, f_w_max, f_a2_plus, f_a2_minus;  /* float builds */
    double plus_per_tick, minus_per_tick;             /* dt / tau (float builds) */
    uint32_t pairing;                 /* STDP_ALL_TO_ALL, ... */
    uint32_t triplet;                 /* 1: the triplet rule (all-to-all, additive two-term) */
    uint32_t x_size, y_size;          /* its tau_x and tau_y LUTs (fixed point) */
    const int16_t *x_lut, *y_lut;
    int32_t a3_plus, a3_minus;        /* raw s16.15 (fixed point) */
    double f_a3_plus, f_a3_minus, x_per_tick, y_per_tick;  /* float builds */
} stdp_rule_t;

/* The plastic synapses of one projection from one presynaptic neuron: synapses [begin, begin + length) of the
 * plastic arrays, all onto synapse type `type` of a population whose ring-buffer shift for it is `shift`. */
typedef struct plastic_row {
    uint64_t begin;
    uint32_t length, rule, shift, type;
} plastic_row_t;

typedef struct post_history {
    uint32_t count_minus_one;
    uint32_t times[STDP_MAX_POST];
    trace_t traces[STDP_MAX_POST];
    trace_t traces2[STDP_MAX_POST];  /* triplet: o2 just before the spike */
} post_history_t;

typedef struct pre_history {
    uint32_t time;
    trace_t trace;
    trace_t trace2;  /* triplet: r2 just before the last pre spike */
} pre_history_t;

/* the time constant a decay uses: tau_minus, tau_plus, tau_x, tau_y */
enum { STDP_MINUS = 0, STDP_PLUS = 1, STDP_X = 2, STDP_Y = 3 };

#if defined(PORTASNN_ARITH_FLOAT)
static inline trace_t stdp_decay(trace_t trace, uint32_t dt, const stdp_rule_t *r, int which) {
    switch (which) {
    case STDP_PLUS: return trace * exp(-(double) dt * r->plus_per_tick);
    case STDP_X: return trace * exp(-(double) dt * r->x_per_tick);
    case STDP_Y: return trace * exp(-(double) dt * r->y_per_tick);
    default: return trace * exp(-(double) dt * r->minus_per_tick);
    }
}

/* the product of two traces */
static inline trace_t stdp_product(trace_t a, trace_t b) { return a * b; }

static inline trace_t stdp_bump(trace_t decayed) { return decayed + 1.0; }

static inline trace_t stdp_one(void) { return 1.0; }
#else
/* the LUT entry of dt, 0 past the table's end */
static inline int32_t stdp_lut(uint32_t dt, const int16_t *lut, uint32_t size) {
    return dt < size ? (int32_t) lut[dt] : 0;
}

/* __smulbb(a, b) >> 11: the low halves multiplied as signed 16-bit numbers, arithmetic shift */
static inline int32_t stdp_mul16(int32_t a, int32_t b) {
    return ((int32_t) (int16_t) a * (int32_t) (int16_t) b) >> 11;
}

static inline trace_t stdp_decay(trace_t trace, uint32_t dt, const stdp_rule_t *r, int which) {
    switch (which) {
    case STDP_PLUS: return (trace_t) stdp_mul16(trace, stdp_lut(dt, r->plus_lut, r->plus_size));
    case STDP_X: return (trace_t) stdp_mul16(trace, stdp_lut(dt, r->x_lut, r->x_size));
    case STDP_Y: return (trace_t) stdp_mul16(trace, stdp_lut(dt, r->y_lut, r->y_size));
    default: return (trace_t) stdp_mul16(trace, stdp_lut(dt, r->minus_lut, r->minus_size));
    }
}

/* the product of two s4.11 traces (STDP_FIXED_MUL_16X16) */
static inline trace_t stdp_product(trace_t a, trace_t b) { return (trace_t) stdp_mul16(a, b); }

static inline trace_t stdp_bump(trace_t decayed) { return (trace_t) ((int32_t) decayed + STDP_ONE); }

static inline trace_t stdp_one(void) { return (trace_t) STDP_ONE; }

/* accum a * accum b on ARM: floor(A B / 2^15), wrapped to 32 bits */
static inline int32_t stdp_accum_mul(int32_t a, int32_t b) {
    return (int32_t) (uint32_t) (uint64_t) (((int64_t) a * (int64_t) b) >> 15);
}

/* mul_accum_fixed(a, f) = a * kbits(f << 4) */
static inline int32_t stdp_mul_accum_fixed(int32_t a, int32_t f) {
    return stdp_accum_mul(a, (int32_t) ((uint32_t) f << 4));
}
#endif

/* the trace of a new spike at `time` after the last one (last_time, last), the row's pre trace (`plus`) or a
 * neuron's post trace: + 1 (all-to-all; the row's pre trace of pre-centred pairs), or 1 */
static inline trace_t stdp_new_trace(trace_t last, uint32_t time, uint32_t last_time, const stdp_rule_t *r,
                                     int plus) {
    const int grows = r->pairing == STDP_ALL_TO_ALL || (plus && r->pairing == STDP_PRE_CENTERED);
    return grows ? stdp_bump(stdp_decay(last, time - last_time, r, plus)) : stdp_one();
}

/* a triplet rule's second trace just before a spike at `time`, from its value just before the last spike (at
 * last_time; tick 0 stands for "none", as in sPyNNaker, whose traces carry the + 1 of a spike only from a
 * non-zero time) */
static inline trace_t stdp_second_trace(trace_t last, uint32_t time, uint32_t last_time, const stdp_rule_t *r,
                                        int which) {
    if (last_time == 0) {
        return which == STDP_X ? (trace_t) 0 : stdp_decay(last, time - last_time, r, which);
    }
    return stdp_decay(stdp_bump(last), time - last_time, r, which);
}

static inline void stdp_post_spike(post_history_t *h, uint32_t time, const stdp_rule_t *r) {
    const uint32_t c = h->count_minus_one;
    const trace_t trace = stdp_new_trace(h->traces[c], time, h->times[c], r, 0);
    const trace_t trace2 = r->triplet ? stdp_second_trace(h->traces2[c], time, h->times[c], r, STDP_Y) : 0;
    if (h->count_minus_one < STDP_MAX_POST - 1) {
        h->count_minus_one++;
    } else {  /* full: the oldest real entry (1) is lost, the placeholder (0) stays */
        for (uint32_t e = 2; e < STDP_MAX_POST; e++) {
            h->times[e - 1] = h->times[e];
            h->traces[e - 1] = h->traces[e];
            h->traces2[e - 1] = h->traces2[e];
        }
    }
    h->times[h->count_minus_one] = time;
    h->traces[h->count_minus_one] = trace;
    h->traces2[h->count_minus_one] = trace2;
}

/* the row's traces after a pre spike at `time` (the last at h->time) */
static inline void stdp_pre_spike(pre_history_t *h, uint32_t time, const stdp_rule_t *r) {
    const uint32_t last_time = h->time;
    h->trace2 = r->triplet ? stdp_second_trace(h->trace2, time, last_time, r, STDP_X) : 0;
    h->trace = stdp_new_trace(h->trace, time, last_time, r, 1);
    h->time = time;
}

#if defined(PORTASNN_ARM_ACCUM)
/* The independent reference (stdp_driver.c under qemu-arm, armref.py): the weight dependences as sPyNNaker's C
 * writes them, in GCC's own ARM `accum` (weight_additive_one_term_impl.h, weight_multiplicative_impl.h:
 * w -= a2 * kbits(o << 4), max(w, min); w -= ((w - min) * a2) * kbits(o << 4)), every product behind
 * spinn_fixed.h's optimisation barrier. The integer code below must give the same bits. */
static inline stdp_weight_t stdp_depress(stdp_weight_t w, trace_t o, const stdp_rule_t *r) {
    const REAL f = kbits((int32_t) ((uint32_t) (int32_t) o << 4));
    REAL x = kbits(w);
    if (r->multiplicative) {
        x -= portasnn_arm_mul(portasnn_arm_mul(x - kbits(r->w_min), kbits(r->a2_minus)), f);
        return bitsk(x);
    }
    x -= portasnn_arm_mul(kbits(r->a2_minus), f);
    return bitsk(x > kbits(r->w_min) ? x : kbits(r->w_min));
}

static inline stdp_weight_t stdp_potentiate(stdp_weight_t w, trace_t rr, const stdp_rule_t *r) {
    const REAL f = kbits((int32_t) ((uint32_t) (int32_t) rr << 4));
    REAL x = kbits(w);
    if (r->multiplicative) {
        x += portasnn_arm_mul(portasnn_arm_mul(kbits(r->w_max) - x, kbits(r->a2_plus)), f);
        return bitsk(x);
    }
    x += portasnn_arm_mul(kbits(r->a2_plus), f);
    return bitsk(x < kbits(r->w_max) ? x : kbits(r->w_max));
}

/* the triplet rule's additive two-term dependence (weight_additive_two_term_impl.h): two products, one clamp */
static inline stdp_weight_t stdp_depress2(stdp_weight_t w, trace_t o1, trace_t o1_r2, const stdp_rule_t *r) {
    REAL x = kbits(w);
    x -= portasnn_arm_mul(kbits(r->a2_minus), kbits((int32_t) ((uint32_t) (int32_t) o1 << 4)));
    x -= portasnn_arm_mul(kbits(r->a3_minus), kbits((int32_t) ((uint32_t) (int32_t) o1_r2 << 4)));
    return bitsk(x > kbits(r->w_min) ? x : kbits(r->w_min));
}

static inline stdp_weight_t stdp_potentiate2(stdp_weight_t w, trace_t r1, trace_t r1_o2, const stdp_rule_t *r) {
    REAL x = kbits(w);
    x += portasnn_arm_mul(kbits(r->a2_plus), kbits((int32_t) ((uint32_t) (int32_t) r1 << 4)));
    x += portasnn_arm_mul(kbits(r->a3_plus), kbits((int32_t) ((uint32_t) (int32_t) r1_o2 << 4)));
    return bitsk(x < kbits(r->w_max) ? x : kbits(r->w_max));
}
#else
static inline stdp_weight_t stdp_depress(stdp_weight_t w, trace_t o, const stdp_rule_t *r) {
#if defined(PORTASNN_ARITH_FLOAT)
    if (r->multiplicative) {
        return w - (w - r->f_w_min) * r->f_a2_minus * o;
    }
    w -= r->f_a2_minus * o;
    return w > r->f_w_min ? w : r->f_w_min;
#else
    const int32_t f = (int32_t) o;
    if (r->multiplicative) {
        return (int32_t) ((uint32_t) w
                          - (uint32_t) stdp_mul_accum_fixed(stdp_accum_mul((int32_t) ((uint32_t) w - (uint32_t) r->w_min),
                                                                           r->a2_minus), f));
    }
    w = (int32_t) ((uint32_t) w - (uint32_t) stdp_mul_accum_fixed(r->a2_minus, f));
    return w > r->w_min ? w : r->w_min;
#endif
}

static inline stdp_weight_t stdp_potentiate(stdp_weight_t w, trace_t rr, const stdp_rule_t *r) {
#if defined(PORTASNN_ARITH_FLOAT)
    if (r->multiplicative) {
        return w + (r->f_w_max - w) * r->f_a2_plus * rr;
    }
    w += r->f_a2_plus * rr;
    return w < r->f_w_max ? w : r->f_w_max;
#else
    const int32_t f = (int32_t) rr;
    if (r->multiplicative) {
        return (int32_t) ((uint32_t) w
                          + (uint32_t) stdp_mul_accum_fixed(stdp_accum_mul((int32_t) ((uint32_t) r->w_max - (uint32_t) w),
                                                                           r->a2_plus), f));
    }
    w = (int32_t) ((uint32_t) w + (uint32_t) stdp_mul_accum_fixed(r->a2_plus, f));
    return w < r->w_max ? w : r->w_max;
#endif
}

/* the triplet rule's additive two-term dependence (weight_additive_two_term_impl.h): two products, one clamp */
static inline stdp_weight_t stdp_depress2(stdp_weight_t w, trace_t o1, trace_t o1_r2, const stdp_rule_t *r) {
#if defined(PORTASNN_ARITH_FLOAT)
    w -= r->f_a2_minus * o1;
    w -= r->f_a3_minus * o1_r2;
    return w > r->f_w_min ? w : r->f_w_min;
#else
    w = (int32_t) ((uint32_t) w - (uint32_t) stdp_mul_accum_fixed(r->a2_minus, (int32_t) o1));
    w = (int32_t) ((uint32_t) w - (uint32_t) stdp_mul_accum_fixed(r->a3_minus, (int32_t) o1_r2));
    return w > r->w_min ? w : r->w_min;
#endif
}

static inline stdp_weight_t stdp_potentiate2(stdp_weight_t w, trace_t r1, trace_t r1_o2, const stdp_rule_t *r) {
#if defined(PORTASNN_ARITH_FLOAT)
    w += r->f_a2_plus * r1;
    w += r->f_a3_plus * r1_o2;
    return w < r->f_w_max ? w : r->f_w_max;
#else
    w = (int32_t) ((uint32_t) w + (uint32_t) stdp_mul_accum_fixed(r->a2_plus, (int32_t) r1));
    w = (int32_t) ((uint32_t) w + (uint32_t) stdp_mul_accum_fixed(r->a3_plus, (int32_t) r1_o2));
    return w < r->w_max ? w : r->w_max;
#endif
}

#endif /* PORTASNN_ARM_ACCUM */

/* The deferred update of one synapse (weight w in s16.15 or units) for a pre spike at `time` whose row's previous
 * pre spike was (last_time, last_trace), with delay d; returns the new weight. `acc`: the synapse's own pre trace
 * (pre-centred pairs; 0 until a post spike first resets it), read and updated. `r2`: the row's second trace just
 * before this pre spike (triplet). */
static inline stdp_weight_t stdp_update(stdp_weight_t w, uint32_t time, uint32_t last_time, trace_t last_trace,
                                        trace_t r2, uint32_t d, const post_history_t *h, const stdp_rule_t *r,
                                        trace_t *acc) {
    const uint32_t begin = last_time >= d ? last_time - d : 0;
    const uint32_t end = time >= d ? time - d : 0;
    /* prev: the last real entry at or before `begin` (index 0, the placeholder, if none) */
    uint32_t k = h->count_minus_one;
    while (k > 0 && h->times[k] > begin) {
        k--;
    }
    int valid = k > 0, seen = 0;  /* seen: a post spike in this window */
    uint32_t prev_time = h->times[k];
    trace_t prev_trace = h->traces[k];
    /* the pre trace potentiation reads: the row's, or the synapse's own (pre-centred, once reset) */
    const trace_t pre_trace = r->pairing == STDP_PRE_CENTERED && *acc != 0 ? *acc : last_trace;
    for (uint32_t e = k + 1; e <= h->count_minus_one && h->times[e] <= end; e++) {
        const uint32_t since_pre = h->times[e] + d - last_time;
        const int first_only = r->pairing == STDP_PRE_CENTERED || r->pairing == STDP_RESTRICTED;
        if (since_pre > 0 && !(first_only && seen)) {
            const trace_t r1 = stdp_decay(pre_trace, since_pre, r, STDP_PLUS);
            w = r->triplet ? stdp_potentiate2(w, r1, stdp_product(r1, h->traces2[e]), r) : stdp_potentiate(w, r1, r);
        }
        seen = 1;
        prev_time = h->times[e];
        prev_trace = h->traces[e];
        valid = 1;
    }
    if (valid) {
        if (r->pairing != STDP_RESTRICTED || seen || last_trace == 0) {
            const trace_t o1 = stdp_decay(prev_trace, time - (prev_time + d), r, STDP_MINUS);
            w = r->triplet ? stdp_depress2(w, o1, stdp_product(o1, r2), r) : stdp_depress(w, o1, r);
        }
        if (r->pairing == STDP_PRE_CENTERED) {
            *acc = seen ? stdp_one() : *acc != 0 ? stdp_bump(stdp_decay(*acc, time - last_time, r, STDP_PLUS)) : *acc;
        }
    }
    return w;
}

#endif /* PORTASNN_STDP_H */
