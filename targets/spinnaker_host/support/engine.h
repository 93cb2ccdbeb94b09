/*
 * engine.h -- data shared by the spinnaker-host network engine (engine.c), the per-model glue
 * (model_glue.c) and the Python runner (runner.py mirrors these structs with ctypes; keep the
 * two in step).
 *
 * Neurons of all populations share one global index space [0, n_neurons); sources (Poisson,
 * spike arrays) follow them in the global *presynaptic* index space [n_neurons, n_pre).
 * Ring buffers: rb[slot][type][neuron], slot = tick & ring_mask.
 */
#ifndef PORTASNN_ENGINE_H
#define PORTASNN_ENGINE_H

#include <stddef.h>
#include "spinn_fixed.h"
#include "stdp.h"

#define PORTASNN_MAX_SYNAPSE_TYPES 8
#define PORTASNN_ENGINE_ABI 10

#if defined(PORTASNN_ARITH_FLOAT)
typedef double rb_t;      /* ring-buffer slot and synaptic weight: exact doubles */
typedef double value_t;   /* a recorded value / current offset */
#else
typedef uint16_t rb_t;    /* 16-bit ring-buffer units, saturating */
typedef int32_t value_t;  /* raw s16.15 bits */
#endif

/* One synapse of a row: target = synapse_type * n_neurons + post (its ring-buffer column). */
#if defined(PORTASNN_ARITH_FLOAT)
typedef struct synapse { uint32_t target; uint32_t delay; double weight; } synapse_t;
#else
typedef struct synapse { uint32_t target; uint16_t delay; uint16_t weight; } synapse_t;
#endif

/* The synaptic row of one presynaptic index.  A uniform row (delay != 0: every synapse of the
 * row has this delay and weight) lists only its targets: if flags & ROW_DELTAS (targets
 * non-decreasing, steps <= 255) as the steps deltas[begin .. begin + length) from `first`
 * (deltas[begin] = 0), else as targets[begin .. begin + length) (uint16_t or uint32_t,
 * run_cfg_t.target_bytes 2 or 4).  Any other row (delay == 0) lists its synapses,
 * synapses[begin .. begin + length).  Delays are >= 1. */
#define ROW_DELTAS 1u
typedef struct row {
    uint64_t begin;
    uint32_t length;
    uint16_t delay, flags;
    uint32_t first;
    rb_t weight;
} row_t;

/* One compiled model (model_glue.c) */
typedef struct model_vtable {
    uint32_t state_size, n_synapse_types, n_recorded, n_param_words;
    void (*init)(void *state, uint32_t n, const PARAM *params);
    /* One tick of n neurons: take the ring-buffer inputs of this tick (and zero the slots),
     * update, record the neurons listed in rec_ids into rec_out (if rec_out != NULL), append the
     * indices of the neurons that spiked to spiked[]; return their number.  scratch: n words. */
    uint32_t (*step)(void *state, uint32_t n, rb_t *const *slots, const int32_t *shifts,
                     const value_t *current_offset, uint32_t n_rec, const uint32_t *rec_ids,
                     value_t *rec_out, uint32_t *spiked, uint32_t *scratch);
} model_vtable_t;

typedef struct pop_cfg {
    uint32_t model, n, offset, n_rec, rec_interval, pad;
    int32_t shifts[PORTASNN_MAX_SYNAPSE_TYPES];
    const PARAM *params;       /* n * n_param_words */
    const uint32_t *rec_ids;   /* n_rec sorted local indices */
    value_t *rec_out;          /* ceil(n_ticks / rec_interval) * n_rec * n_recorded */
} pop_cfg_t;

typedef struct run_cfg {
    uint32_t abi, n_pops, n_neurons, n_pre, n_sources, n_types, ring_mask, pad;
    uint64_t n_ticks;
    uint64_t seed[4];
    const pop_cfg_t *pops;
    /* synapse rows, one per presynaptic index (n_pre), in the order the synapses were declared */
    const row_t *rows;
    const void *targets;       /* uint16_t or uint32_t, see target_bytes */
    const uint8_t *deltas;
    const synapse_t *synapses;
    /* Poisson sources: source s is presynaptic index n_neurons + s; it draws from count table
     * src_table[s]: thresholds cdf[table_cdf_off[k] ...] (u0.32, P(count <= j), table_cdf_len[k]
     * of them) and guide[257 k + j] = #{thresholds <= j << 24}, j = 0..256 (so guide[257 k + 256]
     * = table_cdf_len[k]): the count of a u in [j << 24, (j + 1) << 24) lies in
     * [guide[257 k + j], guide[257 k + j + 1]] */
    const uint32_t *src_start, *src_stop;  /* active for start <= tick < stop */
    const uint32_t *src_table;
    uint32_t n_tables, target_bytes;
    const uint32_t *table_cdf_off, *table_cdf_len;
    const uint32_t *cdf;
    const uint32_t *guide;
    /* spike arrays: events (tick, presynaptic index), sorted by tick */
    uint64_t n_array_events;
    const uint64_t *array_tick;
    const uint32_t *array_pre;
    /* current sources: changes (tick, neuron, delta), sorted by tick */
    uint64_t n_current_events;
    const uint64_t *current_tick;
    const uint32_t *current_neuron;
    const value_t *current_delta;
    /* optional: called with (ticks done, n_ticks) about every 1% of the run */
    void (*progress)(uint64_t done, uint64_t total);
    /* optional, zeroed by the caller: saturated additions per ring-buffer column (n_types * n_neurons),
     * and per population and synapse type the largest slot handed to a model (ring-buffer units, or
     * the summed weight in float builds), pops[p] type s at max_slot[p * PORTASNN_MAX_SYNAPSE_TYPES + s] */
    uint64_t *sat_columns;
    double *max_slot;
    /* plastic synapses (stdp.h; none if n_plastic_rows == 0): the rows of presynaptic neuron p are
     * plastic_rows[plastic_first[p] .. plastic_first[p + 1]) (n_neurons + 1 entries: only neurons are plastic
     * presynaptic); synapse i of a row targets ring-buffer column plastic_target[i] with delay plastic_delay[i];
     * plastic_weight[i] is its 16-bit word (fixed) or weight (float), updated in place; post_rule[n] is the rule of
     * neuron n's plastic input (its post-synaptic spike history is kept), -1 if it has none. */
    uint32_t n_rules, n_plastic_rows;
    const stdp_rule_t *rules;
    const plastic_row_t *plastic_rows;
    const uint64_t *plastic_first;
    const uint32_t *plastic_target;
    const uint16_t *plastic_delay;
    rb_t *plastic_weight;
    const int32_t *post_rule;
    /* optional: called with the ticks done after every sample_every-th tick (weights recorded every ...: the
     * caller reads plastic_weight then) */
    uint64_t sample_every;
    void (*sample)(uint64_t done);
} run_cfg_t;

typedef struct run_out {
    uint64_t n_spikes;
    uint32_t *spike_tick;      /* malloc'd by the engine; free with portasnn_free */
    uint32_t *spike_neuron;    /* global neuron index */
    uint64_t saturations;      /* saturated ring-buffer additions (static and plastic) */
    uint64_t synaptic_events;
    uint64_t plastic_saturations;  /* of them, additions of plastic synapses */
    /* portasnn_run returned PORTASNN_NONFINITE: the first neuron whose state became NaN or infinite
     * (float builds), in the tick nonfinite_tick (the state at the end of that tick) */
    uint64_t nonfinite_tick;
    uint32_t nonfinite_neuron; /* global neuron index */
    uint32_t pad;
    const char *nonfinite_field;
    double nonfinite_value;
} run_out_t;

#define PORTASNN_NONFINITE (-5)

#endif /* PORTASNN_ENGINE_H */
