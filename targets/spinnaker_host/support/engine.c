/*
 * engine.c -- the spinnaker-host network engine: SpiNNaker-1's timestep on one CPU.
 *
 * Per tick t (sPyNNaker c_main.c / neuron.c / synapses.c order):
 *   1. current sources whose value changes at t are applied (current_offset per neuron);
 *   2. per population, per neuron: the ring-buffer slots t & ring_mask of every synapse type are
 *      handed to the model (kbits(slot << shift)) and zeroed; the model records, updates,
 *      thresholds/resets and shapes its input (model_glue.c, neuron_api.h);
 *   3. spike sources fire: Poisson counts for tick t, spike-array events of tick t;
 *   4. every spike of tick t (neurons and sources) is delivered through its synaptic row into
 *      slot (t + delay) & ring_mask, adding weight * count with 16-bit saturation; so a spike
 *      sent at tick t with delay k reaches the model at the start of tick t + k.
 *
 * Poisson sources draw from one Marsaglia JKISS ("KISS64") generator -- the generator of
 * spinn_common's mars_kiss64_seed that SpikeSourcePoisson uses -- and invert a per-source table
 * of the count distribution (built on the host, runner.py: the distribution SpikeSourcePoisson
 * produces in its slow, fast and Gaussian regimes).  Deterministic per seed; not the board's
 * draw sequence.
 */
#include <stdlib.h>
#include <string.h>
#include "engine.h"

extern const model_vtable_t *const portasnn_models[];
extern const uint32_t portasnn_n_models;

typedef struct kiss64 { uint32_t x, y, z, c; } kiss64_t;

static uint32_t kiss64_next(kiss64_t *k) {
    k->x = 314527869u * k->x + 1234567u;
    k->y ^= k->y << 5;
    k->y ^= k->y >> 7;
    k->y ^= k->y << 22;
    uint64_t t = 4294584393ull * k->z + k->c;
    k->c = (uint32_t) (t >> 32);
    k->z = (uint32_t) t;
    return k->x + k->y + k->z;
}

static void kiss64_seed(kiss64_t *k, const uint64_t seed[4]) {
    k->x = (uint32_t) seed[0];
    k->y = (uint32_t) seed[1];
    k->z = (uint32_t) seed[2];
    k->c = (uint32_t) seed[3];
    if (k->y == 0) {
        k->y = 13031301u;
    }
    k->c = k->c % 698769068u + 1u;  /* z = c = 0 is a fixed point */
}

/* A Poisson source as the tick loop reads it (small: the loop streams all sources every tick);
 * `single` marks a row of exactly one synapse (the usual one-to-one stimulus), added without a
 * row lookup or a branch on the count. */
typedef struct poisson_src {
    uint32_t start, stop, table, single;
    synapse_t syn;
} poisson_src_t;

typedef struct spikes {
    uint64_t n, cap;
    uint32_t *tick, *neuron;
} spikes_t;

static int spikes_push(spikes_t *s, uint32_t tick, uint32_t neuron) {
    if (s->n == s->cap) {
        uint64_t cap = s->cap ? 2 * s->cap : 65536;
        uint32_t *t = realloc(s->tick, cap * sizeof(uint32_t));
        if (t == NULL) {
            return -1;
        }
        s->tick = t;
        uint32_t *n = realloc(s->neuron, cap * sizeof(uint32_t));
        if (n == NULL) {
            return -1;
        }
        s->neuron = n;
        s->cap = cap;
    }
    s->tick[s->n] = tick;
    s->neuron[s->n] = neuron;
    s->n++;
    return 0;
}

void portasnn_free(run_out_t *out) {
    free(out->spike_tick);
    free(out->spike_neuron);
    out->spike_tick = NULL;
    out->spike_neuron = NULL;
}

/* Counting-sort scatter of synapses into row order: out[cursor[pre[i]]++] = in[i]. */
void portasnn_scatter(uint64_t n, const uint32_t *pre, const synapse_t *in, uint64_t *cursor, synapse_t *out) {
    for (uint64_t i = 0; i < n; i++) {
        out[cursor[pre[i]]++] = in[i];
    }
}

uint32_t portasnn_engine_abi(void) { return PORTASNN_ENGINE_ABI; }

const char *portasnn_arith(void) { return PORTASNN_ARITH_NAME; }

static inline void deliver(rb_t *rb, const run_cfg_t *cfg, uint64_t tick, uint32_t pre,
                           uint32_t count, run_out_t *out) {
    const size_t stride = (size_t) cfg->n_types * cfg->n_neurons;
    const uint32_t mask = cfg->ring_mask;
    const synapse_t *syn = cfg->synapses + cfg->row_ptr[pre];
    const synapse_t *const end = cfg->synapses + cfg->row_ptr[pre + 1];
    uint64_t sat = 0;
    out->synaptic_events += (uint64_t) (end - syn) * count;
    for (; syn < end; syn++) {
        rb_t *cell = rb + ((tick + syn->delay) & mask) * stride + syn->target;
#if defined(PORTASNN_ARITH_FLOAT)
        *cell += syn->weight * (double) count;
#else
        uint32_t sum = (uint32_t) *cell + (uint32_t) syn->weight * count;
        if (sum > 0xFFFFu) {
            sum = 0xFFFFu;
            sat++;
        }
        *cell = (rb_t) sum;
#endif
    }
    out->saturations += sat;
}

/* Inversion with a guide table (Chen & Asau): start at the count of u's 2^24-wide bucket. */
static inline uint32_t poisson_count(kiss64_t *rng, const uint32_t *cdf, uint32_t len, const uint32_t *guide) {
    uint32_t u = kiss64_next(rng), k = guide[u >> 24];
    while (k < len && u >= cdf[k]) {
        k++;
    }
    return k;
}

/* Returns 0 on success, a negative number on a configuration or memory error. */
int portasnn_run(const run_cfg_t *cfg, run_out_t *out) {
    memset(out, 0, sizeof(*out));
    if (cfg->abi != PORTASNN_ENGINE_ABI) {
        return -1;
    }
    if (cfg->n_types > PORTASNN_MAX_SYNAPSE_TYPES || cfg->n_ticks >= UINT32_MAX) {
        return -2;
    }
    int rc = 0;
    const size_t n_neurons = cfg->n_neurons;
    const size_t ring = (size_t) cfg->ring_mask + 1;
    void **states = calloc(cfg->n_pops ? cfg->n_pops : 1, sizeof(void *));
    rb_t *rb = calloc(ring * cfg->n_types * (n_neurons ? n_neurons : 1), sizeof(rb_t));
    value_t *offset = calloc(n_neurons ? n_neurons : 1, sizeof(value_t));
    uint32_t *scratch = malloc((n_neurons ? n_neurons : 1) * sizeof(uint32_t));
    uint32_t *fired = malloc((cfg->n_pre ? cfg->n_pre : 1) * sizeof(uint32_t) * 2);
    spikes_t spikes = {0, 0, NULL, NULL};
    poisson_src_t *sources = NULL;
    kiss64_t rng;
    kiss64_seed(&rng, cfg->seed);
    if (!states || !rb || !offset || !scratch || !fired) {
        rc = -3;
        goto done;
    }
    for (uint32_t p = 0; p < cfg->n_pops; p++) {
        const pop_cfg_t *pop = &cfg->pops[p];
        if (pop->model >= portasnn_n_models) {
            rc = -4;
            goto done;
        }
        const model_vtable_t *m = portasnn_models[pop->model];
        states[p] = malloc((size_t) m->state_size * (pop->n ? pop->n : 1));
        if (!states[p]) {
            rc = -3;
            goto done;
        }
        m->init(states[p], pop->n, pop->params);
    }

    sources = malloc((cfg->n_sources ? cfg->n_sources : 1) * sizeof(poisson_src_t));
    if (!sources) {
        rc = -3;
        goto done;
    }
    for (uint32_t s = 0; s < cfg->n_sources; s++) {
        poisson_src_t *p = &sources[s];
        const uint64_t r0 = cfg->row_ptr[cfg->n_neurons + s], r1 = cfg->row_ptr[cfg->n_neurons + s + 1];
        p->start = cfg->src_start[s];
        p->stop = cfg->src_stop[s];
        p->table = cfg->src_table[s];
        p->single = (r1 - r0) == 1;
        if (p->single) {
            p->syn = cfg->synapses[r0];
        }
    }

    uint64_t next_current = 0, next_array = 0;
    const uint64_t report_every = cfg->n_ticks / 100 ? cfg->n_ticks / 100 : 1;
    for (uint64_t t = 0; t < cfg->n_ticks; t++) {
        if (cfg->progress && t % report_every == 0) {
            cfg->progress(t, cfg->n_ticks);
        }
        while (next_current < cfg->n_current_events && cfg->current_tick[next_current] <= t) {
            uint32_t i = cfg->current_neuron[next_current];
#if defined(PORTASNN_ARITH_FLOAT)
            offset[i] += cfg->current_delta[next_current];
#else
            offset[i] = (int32_t) ((uint32_t) offset[i] + (uint32_t) cfg->current_delta[next_current]);
#endif
            next_current++;
        }
        const size_t slot = (size_t) (t & cfg->ring_mask);
        uint32_t n_fired = 0;
        for (uint32_t p = 0; p < cfg->n_pops; p++) {
            const pop_cfg_t *pop = &cfg->pops[p];
            const model_vtable_t *m = portasnn_models[pop->model];
            rb_t *slots[PORTASNN_MAX_SYNAPSE_TYPES];
            for (uint32_t s = 0; s < m->n_synapse_types; s++) {
                slots[s] = rb + (slot * cfg->n_types + s) * n_neurons + pop->offset;
            }
            value_t *rec = NULL;
            if (pop->n_rec && t % pop->rec_interval == 0) {
                rec = pop->rec_out + (size_t) (t / pop->rec_interval) * pop->n_rec * m->n_recorded;
            }
            uint32_t ns = m->step(states[p], pop->n, slots, pop->shifts, offset + pop->offset,
                                  pop->n_rec, pop->rec_ids, rec, scratch);
            for (uint32_t j = 0; j < ns; j++) {
                uint32_t g = pop->offset + scratch[j];
                fired[2 * n_fired] = g;
                fired[2 * n_fired + 1] = 1;
                n_fired++;
                if (spikes_push(&spikes, (uint32_t) t, g)) {
                    rc = -3;
                    goto done;
                }
            }
        }
        const size_t stride = (size_t) cfg->n_types * n_neurons;
        uint64_t sat = 0, events = 0;
        for (uint32_t s = 0; s < cfg->n_sources; s++) {
            const poisson_src_t *p = &sources[s];
            if (t < p->start || t >= p->stop) {
                continue;
            }
            const uint32_t k = p->table;
            uint32_t c = poisson_count(&rng, cfg->cdf + cfg->table_cdf_off[k], cfg->table_cdf_len[k],
                                       cfg->guide + 256 * (size_t) k);
            if (p->single) {  /* delays are >= 1 tick: this cannot touch the slot of tick t */
                rb_t *cell = rb + ((t + p->syn.delay) & cfg->ring_mask) * stride + p->syn.target;
#if defined(PORTASNN_ARITH_FLOAT)
                *cell += p->syn.weight * (double) c;
#else
                uint32_t sum = (uint32_t) *cell + (uint32_t) p->syn.weight * c;
                if (sum > 0xFFFFu) {
                    sum = 0xFFFFu;
                    sat++;
                }
                *cell = (rb_t) sum;
#endif
                events += c;
            } else if (c) {
                deliver(rb, cfg, t, cfg->n_neurons + s, c, out);
            }
        }
        out->saturations += sat;
        out->synaptic_events += events;
        for (uint32_t f = 0; f < n_fired; f++) {
            deliver(rb, cfg, t, fired[2 * f], fired[2 * f + 1], out);
        }
        while (next_array < cfg->n_array_events && cfg->array_tick[next_array] <= t) {
            if (cfg->array_tick[next_array] == t) {
                deliver(rb, cfg, t, cfg->array_pre[next_array], 1, out);
            }
            next_array++;
        }
    }
    if (cfg->progress) {
        cfg->progress(cfg->n_ticks, cfg->n_ticks);
    }
    out->n_spikes = spikes.n;
    out->spike_tick = spikes.tick;
    out->spike_neuron = spikes.neuron;
    spikes.tick = spikes.neuron = NULL;

done:
    free(spikes.tick);
    free(spikes.neuron);
    if (states) {
        for (uint32_t p = 0; p < cfg->n_pops; p++) {
            free(states[p]);
        }
    }
    free(states);
    free(rb);
    free(offset);
    free(scratch);
    free(fired);
    free(sources);
    return rc;
}
