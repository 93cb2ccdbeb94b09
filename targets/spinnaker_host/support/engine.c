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
 * Plastic synapses (stdp.h): a neuron that spikes in step 2 adds the spike to its post-synaptic history at once
 * (sPyNNaker's send_spike), so every post spike of tick t is in the histories before the pre spikes of tick t are
 * processed in step 4 (there, after the neuron's static rows, its plastic rows: the deferred update of each
 * synapse, then its updated weight into the ring buffer).
 *
 * Poisson sources draw from one Marsaglia JKISS ("KISS64") generator -- the generator of
 * spinn_common's mars_kiss64_seed that SpikeSourcePoisson uses -- and invert a per-source table
 * of the count distribution (built on the host, runner.py: the distribution SpikeSourcePoisson
 * produces in its slow, fast and Gaussian regimes).  Deterministic per seed; not the board's
 * draw sequence: one draw per active source per tick, sources in index order.
 *
 * Speed (every addition happens in the order above and every draw is the generator's next
 * output, so results do not depend on it): rows whose synapses share one delay and weight hold
 * only their targets, mostly as one-byte steps (row_t); the generator's outputs are produced
 * ahead in lane-parallel batches (kiss_stream_t); runs of Poisson sources with the same table,
 * activity window and synapse shape are drawn in one tight loop (src_run_t); the models take
 * their inputs without data-dependent branches (model_glue.c).
 */
#include <stdlib.h>
#include <string.h>
#include "engine.h"

extern const model_vtable_t *const portasnn_models[];
extern const uint32_t portasnn_n_models;

#define KISS_X_MUL 314527869u
#define KISS_X_ADD 1234567u
#define KISS_Z_MUL 4294584393ull

typedef struct kiss64 { uint32_t x, y, z, c; } kiss64_t;

static uint32_t kiss64_next(kiss64_t *k) {
    k->x = KISS_X_MUL * k->x + KISS_X_ADD;
    k->y ^= k->y << 5;
    k->y ^= k->y >> 7;
    k->y ^= k->y << 22;
    uint64_t t = KISS_Z_MUL * k->z + k->c;
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

/* The generator's outputs, KISS_LANES * KISS_BLOCK at a time: lane j steps through the block of
 * outputs j * KISS_BLOCK + 1 ... (j + 1) * KISS_BLOCK of the batch, so the lanes are independent
 * chains the CPU overlaps, and the buffer holds the outputs in the generator's own order.  After a
 * batch each lane jumps ahead by (KISS_LANES - 1) * KISS_BLOCK steps, exactly: x is affine mod
 * 2^32, y linear over GF(2)^32, and the multiply-with-carry pair is T = c * 2^32 + z -> a T mod
 * (a * 2^32 - 1) (Marsaglia's equivalence; seeding keeps 0 < T < a * 2^32 - 1).  Without a
 * 128-bit integer type the buffer is filled by the plain generator. */
#define KISS_LANES 8
#define KISS_BLOCK 1024
#define KISS_BUF (KISS_LANES * KISS_BLOCK)

typedef struct kiss_stream {
    uint32_t pos;              /* next unread output in buf */
    kiss64_t plain;            /* the generator, without a 128-bit type */
    uint32_t buf[KISS_BUF];
#if defined(__SIZEOF_INT128__)
    uint32_t x[KISS_LANES], y[KISS_LANES], z[KISS_LANES], c[KISS_LANES];
    uint32_t skip_xa, skip_xc;  /* x -> xa x + xc */
    uint32_t skip_y[32];        /* y -> XOR of skip_y[i] over the set bits i of y */
    uint64_t skip_t;            /* T -> skip_t T mod p */
#endif
} kiss_stream_t;

#if defined(__SIZEOF_INT128__)
#define KISS_P ((KISS_Z_MUL << 32) - 1u)

typedef struct kiss_jump { uint32_t xa, xc, y[32]; uint64_t t; } kiss_jump_t;

static uint32_t gf2_apply(const uint32_t *cols, uint32_t v) {
    uint32_t r = 0;
    for (uint32_t i = 0; i < 32; i++) {
        r ^= (v >> i & 1u) ? cols[i] : 0u;
    }
    return r;
}

static uint64_t mulmod_p(uint64_t a, uint64_t b) {
    return (uint64_t) ((unsigned __int128) a * b % KISS_P);
}

static kiss_jump_t jump_then(const kiss_jump_t *first, const kiss_jump_t *then) {
    kiss_jump_t h;
    h.xa = then->xa * first->xa;
    h.xc = then->xa * first->xc + then->xc;
    for (uint32_t i = 0; i < 32; i++) {
        h.y[i] = gf2_apply(then->y, first->y[i]);
    }
    h.t = mulmod_p(then->t, first->t);
    return h;
}

/* The generator's state transition applied k times. */
static kiss_jump_t jump_by(uint64_t k) {
    kiss_jump_t step = {KISS_X_MUL, KISS_X_ADD, {0}, KISS_Z_MUL}, r = {1u, 0u, {0}, 1u};
    for (uint32_t i = 0; i < 32; i++) {
        uint32_t y = 1u << i;
        y ^= y << 5;
        y ^= y >> 7;
        y ^= y << 22;
        step.y[i] = y;
        r.y[i] = 1u << i;
    }
    for (; k; k >>= 1) {
        if (k & 1u) {
            r = jump_then(&r, &step);
        }
        step = jump_then(&step, &step);
    }
    return r;
}

static void jump_apply(const kiss_jump_t *j, uint32_t *x, uint32_t *y, uint32_t *z, uint32_t *c) {
    *x = j->xa * *x + j->xc;
    *y = gf2_apply(j->y, *y);
    const uint64_t t = mulmod_p(j->t, ((uint64_t) *c << 32) | *z);
    *c = (uint32_t) (t >> 32);
    *z = (uint32_t) t;
}
#endif

static void kiss_stream_init(kiss_stream_t *s, const kiss64_t *k) {
    s->pos = KISS_BUF;
    s->plain = *k;
#if defined(__SIZEOF_INT128__)
    const kiss_jump_t block = jump_by(KISS_BLOCK), skip = jump_by((uint64_t) (KISS_LANES - 1) * KISS_BLOCK);
    uint32_t x = k->x, y = k->y, z = k->z, c = k->c;
    for (uint32_t j = 0; j < KISS_LANES; j++) {
        s->x[j] = x;
        s->y[j] = y;
        s->z[j] = z;
        s->c[j] = c;
        jump_apply(&block, &x, &y, &z, &c);
    }
    s->skip_xa = skip.xa;
    s->skip_xc = skip.xc;
    memcpy(s->skip_y, skip.y, sizeof(skip.y));
    s->skip_t = skip.t;
#endif
}

static void kiss_stream_refill(kiss_stream_t *s) {
#if defined(__SIZEOF_INT128__)
    uint32_t x[KISS_LANES], y[KISS_LANES], z[KISS_LANES], c[KISS_LANES];
    memcpy(x, s->x, sizeof(x));
    memcpy(y, s->y, sizeof(y));
    memcpy(z, s->z, sizeof(z));
    memcpy(c, s->c, sizeof(c));
    for (uint32_t n = 0; n < KISS_BLOCK; n++) {
        for (uint32_t j = 0; j < KISS_LANES; j++) {  /* kiss64_next, lane by lane */
            x[j] = KISS_X_MUL * x[j] + KISS_X_ADD;
            y[j] ^= y[j] << 5;
            y[j] ^= y[j] >> 7;
            y[j] ^= y[j] << 22;
            const uint64_t t = KISS_Z_MUL * z[j] + c[j];
            c[j] = (uint32_t) (t >> 32);
            z[j] = (uint32_t) t;
            s->buf[j * KISS_BLOCK + n] = x[j] + y[j] + z[j];
        }
    }
    kiss_jump_t skip = {s->skip_xa, s->skip_xc, {0}, s->skip_t};
    memcpy(skip.y, s->skip_y, sizeof(skip.y));
    for (uint32_t j = 0; j < KISS_LANES; j++) {
        jump_apply(&skip, &x[j], &y[j], &z[j], &c[j]);
    }
    memcpy(s->x, x, sizeof(x));
    memcpy(s->y, y, sizeof(y));
    memcpy(s->z, z, sizeof(z));
    memcpy(s->c, c, sizeof(c));
#else
    for (uint32_t n = 0; n < KISS_BUF; n++) {
        s->buf[n] = kiss64_next(&s->plain);
    }
#endif
    s->pos = 0;
}

/* A run of consecutive Poisson sources [first, end) with the same count table and activity window
 * and, if delay != 0, one synapse each with this delay and weight (its target in src_target[];
 * contiguous: the targets are src_target[first] + 0, 1, ...); delay == 0: the sources' counts
 * are delivered through their rows. */
typedef struct src_run {
    uint32_t first, end, start, stop, table, delay, contiguous;
    rb_t weight;
} src_run_t;

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

/* The first n outputs of the Poisson sources' random stream for this seed (for tests). */
int portasnn_random_stream(const uint64_t seed[4], uint64_t n, uint32_t *out) {
    kiss64_t seeded;
    kiss64_seed(&seeded, seed);
    kiss_stream_t *rng = malloc(sizeof(kiss_stream_t));
    if (!rng) {
        return -3;
    }
    kiss_stream_init(rng, &seeded);
    for (uint64_t i = 0; i < n; i++) {
        if (rng->pos == KISS_BUF) {
            kiss_stream_refill(rng);
        }
        out[i] = rng->buf[rng->pos++];
    }
    free(rng);
    return 0;
}

uint32_t portasnn_engine_abi(void) { return PORTASNN_ENGINE_ABI; }

const char *portasnn_arith(void) { return PORTASNN_ARITH_NAME; }

static inline int narrow_targets(const run_cfg_t *cfg) {
    return cfg->target_bytes == 2;
}

/* The first target of a uniform row. */
static inline uint32_t first_target(const run_cfg_t *cfg, const row_t *row) {
    if (row->flags & ROW_DELTAS) {
        return row->first;
    }
    return narrow_targets(cfg) ? ((const uint16_t *) cfg->targets)[row->begin]
                               : ((const uint32_t *) cfg->targets)[row->begin];
}

/* Where a row's synapses or targets start, and their bytes. */
static inline const char *row_data(const run_cfg_t *cfg, const row_t *row, size_t *bytes) {
    if (row->delay == 0) {
        *bytes = (size_t) row->length * sizeof(synapse_t);
        return (const char *) (cfg->synapses + row->begin);
    }
    if (row->flags & ROW_DELTAS) {
        *bytes = row->length;
        return (const char *) (cfg->deltas + row->begin);
    }
    *bytes = (size_t) row->length * cfg->target_bytes;
    return (const char *) cfg->targets + row->begin * cfg->target_bytes;
}

/* Adds count spikes of presynaptic index pre, sent at tick, to the ring buffers. */
static inline void deliver(rb_t *rb, const run_cfg_t *cfg, size_t stride, uint64_t tick, uint32_t pre,
                           uint32_t count, run_out_t *out) {
    const uint32_t mask = cfg->ring_mask;
    const row_t *row = &cfg->rows[pre];
    uint64_t sat = 0;
    out->synaptic_events += (uint64_t) row->length * count;
    if (row->delay != 0) {
        rb_t *const base = rb + ((tick + row->delay) & mask) * stride;
#if defined(PORTASNN_ARITH_FLOAT)
        const double w = row->weight * (double) count;
#define ADD_TO(column) base[column] += w
#else
        const uint32_t w = (uint32_t) row->weight * count;
#define ADD_TO(column)                                          \
        do {                                                    \
            const uint32_t c_ = (column);                       \
            uint32_t sum = (uint32_t) base[c_] + w;             \
            if (sum > 0xFFFFu) {                                \
                sum = 0xFFFFu;                                  \
                sat++;                                          \
                if (cfg->sat_columns) cfg->sat_columns[c_]++;   \
            }                                                   \
            base[c_] = (rb_t) sum;                              \
        } while (0)
#endif
        if (row->flags & ROW_DELTAS) {
            const uint8_t *step = cfg->deltas + row->begin;
            uint32_t column = row->first;
            for (const uint8_t *const end = step + row->length; step < end; step++) {
                column += *step;
                ADD_TO(column);
            }
        } else if (narrow_targets(cfg)) {
            const uint16_t *target = (const uint16_t *) cfg->targets + row->begin;
            for (const uint16_t *const end = target + row->length; target < end; target++) {
                ADD_TO(*target);
            }
        } else {
            const uint32_t *target = (const uint32_t *) cfg->targets + row->begin;
            for (const uint32_t *const end = target + row->length; target < end; target++) {
                ADD_TO(*target);
            }
        }
#undef ADD_TO
    } else {
        const synapse_t *syn = cfg->synapses + row->begin;
        const synapse_t *const end = syn + row->length;
        for (; syn < end; syn++) {
            rb_t *cell = rb + ((tick + syn->delay) & mask) * stride + syn->target;
#if defined(PORTASNN_ARITH_FLOAT)
            *cell += syn->weight * (double) count;
#else
            uint32_t sum = (uint32_t) *cell + (uint32_t) syn->weight * count;
            if (sum > 0xFFFFu) {
                sum = 0xFFFFu;
                sat++;
                if (cfg->sat_columns) cfg->sat_columns[syn->target]++;
            }
            *cell = (rb_t) sum;
#endif
        }
    }
    out->saturations += sat;
}

/* The plastic rows of presynaptic neuron `pre`, for its spike at `tick` (stdp.h). */
static void deliver_plastic(rb_t *rb, const run_cfg_t *cfg, size_t stride, uint32_t tick, uint32_t pre,
                            post_history_t *post, pre_history_t *pre_hist, trace_t *acc, run_out_t *out) {
    const uint32_t mask = cfg->ring_mask;
    for (uint64_t q = cfg->plastic_first[pre]; q < cfg->plastic_first[pre + 1]; q++) {
        const plastic_row_t *row = &cfg->plastic_rows[q];
        const stdp_rule_t *r = &cfg->rules[row->rule];
        pre_history_t *h = &pre_hist[q];
        const uint32_t last_time = h->time;
        const trace_t last_trace = h->trace;
        stdp_pre_spike(h, tick, r);
        const uint32_t first_column = row->type * cfg->n_neurons;
        out->synaptic_events += row->length;
        for (uint64_t i = row->begin; i < row->begin + row->length; i++) {
            const uint32_t column = cfg->plastic_target[i], d = cfg->plastic_delay[i];
            rb_t *cell = rb + ((tick + d) & mask) * stride + column;
#if defined(PORTASNN_ARITH_FLOAT)
            const double w = stdp_update(cfg->plastic_weight[i], tick, last_time, last_trace, h->trace2, d,
                                         &post[column - first_column], r, &acc[i]);
            cfg->plastic_weight[i] = w;
            *cell += w;
#else
            const int32_t w = stdp_update((int32_t) ((uint32_t) cfg->plastic_weight[i] << row->shift), tick,
                                          last_time, last_trace, h->trace2, d, &post[column - first_column], r,
                                          &acc[i]);
            const uint16_t word = (uint16_t) (w >> row->shift);
            cfg->plastic_weight[i] = word;
            uint32_t sum = (uint32_t) *cell + word;
            if (sum > 0xFFFFu) {
                sum = 0xFFFFu;
                out->saturations++;
                out->plastic_saturations++;
                if (cfg->sat_columns) cfg->sat_columns[column]++;
            }
            *cell = (rb_t) sum;
#endif
        }
    }
}

/* Inversion with a guide table (Chen & Asau): the count of u, #{thresholds <= u}, lies between
 * the counts at the two ends of u's 2^24-wide bucket; mostly they are equal.  mark[j] is the count
 * at the bucket's start, with bit 31 set where the bucket holds a threshold (the search is
 * needed); mark[256] = the number of thresholds (see poisson_marks). */
#define POISSON_SEARCH 0x80000000u

static inline uint32_t poisson_count(uint32_t u, const uint32_t *cdf, const uint32_t *mark) {
    const uint32_t b = u >> 24;
    uint32_t k = mark[b];
    if (__builtin_expect(k >= POISSON_SEARCH, 0)) {
        k &= ~POISSON_SEARCH;
        const uint32_t hi = mark[b + 1] & ~POISSON_SEARCH;
        while (k < hi && u >= cdf[k]) {
            k++;
        }
    }
    return k;
}

/* The marks of every table from cfg->guide (engine.h). */
static void poisson_marks(const run_cfg_t *cfg, uint32_t *mark) {
    for (uint32_t k = 0; k < cfg->n_tables; k++) {
        const uint32_t *g = cfg->guide + 257 * (size_t) k;
        uint32_t *m = mark + 257 * (size_t) k;
        for (uint32_t j = 0; j < 256; j++) {
            m[j] = g[j] | (g[j + 1] > g[j] ? POISSON_SEARCH : 0u);
        }
        m[256] = g[256];
    }
}

/* Groups the Poisson sources into runs (src_run_t); returns their number. */
static uint32_t poisson_runs(const run_cfg_t *cfg, src_run_t *runs, uint32_t *src_target) {
    uint32_t n_runs = 0;
    for (uint32_t s = 0; s < cfg->n_sources; s++) {
        const row_t *row = &cfg->rows[cfg->n_neurons + s];
        src_run_t r = {s, s + 1, cfg->src_start[s], cfg->src_stop[s], cfg->src_table[s], 0, 1, 0};
        src_target[s] = 0;
        if (row->length == 1) {
            if (row->delay != 0) {
                r.delay = row->delay;
                r.weight = row->weight;
                src_target[s] = first_target(cfg, row);
            } else {
                r.delay = cfg->synapses[row->begin].delay;
                r.weight = cfg->synapses[row->begin].weight;
                src_target[s] = cfg->synapses[row->begin].target;
            }
        }
        src_run_t *last = n_runs ? &runs[n_runs - 1] : NULL;
        if (last && last->end == s && last->start == r.start && last->stop == r.stop && last->table == r.table
            && last->delay == r.delay && (r.delay == 0 || memcmp(&last->weight, &r.weight, sizeof(rb_t)) == 0)) {
            last->end = s + 1;
            last->contiguous = last->contiguous && src_target[s] == src_target[s - 1] + 1;
        } else {
            runs[n_runs++] = r;
        }
    }
    return n_runs;
}

/* Returns 0 on success, a negative number on a configuration or memory error. */
#if defined(PORTASNN_ARITH_FLOAT)
/* the first non-finite state reported in the current tick (see neuron_api.h) */
static const void *nonfinite_at;
static const char *nonfinite_field;
static double nonfinite_value;

void portasnn_report_nonfinite(const void *neuron, const char *field, double value) {
    if (nonfinite_field == NULL) {
        nonfinite_at = neuron;
        nonfinite_field = field;
        nonfinite_value = value;
    }
}
#endif

int portasnn_run(const run_cfg_t *cfg, run_out_t *out) {
    memset(out, 0, sizeof(*out));
#if defined(PORTASNN_ARITH_FLOAT)
    nonfinite_at = NULL;
    nonfinite_field = NULL;
#endif
    if (cfg->abi != PORTASNN_ENGINE_ABI) {
        return -1;
    }
    if (cfg->n_types > PORTASNN_MAX_SYNAPSE_TYPES || cfg->n_ticks >= UINT32_MAX
        || (cfg->target_bytes != 2 && cfg->target_bytes != 4)) {
        return -2;
    }
    int rc = 0;
    const size_t n_neurons = cfg->n_neurons;
    const size_t ring = (size_t) cfg->ring_mask + 1;
    void **states = calloc(cfg->n_pops ? cfg->n_pops : 1, sizeof(void *));
    rb_t *rb = calloc(ring * cfg->n_types * (n_neurons ? n_neurons : 1), sizeof(rb_t));
    value_t *offset = calloc(n_neurons ? n_neurons : 1, sizeof(value_t));
    uint32_t *scratch = malloc((n_neurons ? n_neurons : 1) * sizeof(uint32_t) * 2);
    uint32_t *fired = malloc((n_neurons ? n_neurons : 1) * sizeof(uint32_t));
    spikes_t spikes = {0, 0, NULL, NULL};
    src_run_t *runs = NULL;
    uint32_t *src_target = NULL, *marks = NULL;
    kiss64_t seeded;
    kiss64_seed(&seeded, cfg->seed);
    kiss_stream_t *rng = malloc(sizeof(kiss_stream_t));
    /* STDP: post-synaptic histories (entry 0: time 0, trace 0) and the rows' last pre spikes (time 0, trace 0) */
    post_history_t *post_hist = cfg->n_plastic_rows ? calloc(n_neurons ? n_neurons : 1, sizeof(post_history_t)) : NULL;
    pre_history_t *pre_hist = cfg->n_plastic_rows ? calloc(cfg->n_plastic_rows, sizeof(pre_history_t)) : NULL;
    /* and each plastic synapse's own pre trace (pre-centred pairs), 0 as the host writes it */
    uint64_t n_plastic = 0;
    for (uint32_t q = 0; q < cfg->n_plastic_rows; q++) {
        const uint64_t row_end = cfg->plastic_rows[q].begin + cfg->plastic_rows[q].length;
        n_plastic = row_end > n_plastic ? row_end : n_plastic;
    }
    trace_t *plastic_acc = cfg->n_plastic_rows ? calloc(n_plastic ? n_plastic : 1, sizeof(trace_t)) : NULL;
    if (!states || !rb || !offset || !scratch || !fired || !rng ||
        (cfg->n_plastic_rows && (!post_hist || !pre_hist || !plastic_acc))) {
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

    runs = malloc((cfg->n_sources ? cfg->n_sources : 1) * sizeof(src_run_t));
    src_target = malloc((cfg->n_sources ? cfg->n_sources : 1) * sizeof(uint32_t));
    if (!runs || !src_target) {
        rc = -3;
        goto done;
    }
    const uint32_t n_runs = poisson_runs(cfg, runs, src_target);
    kiss_stream_init(rng, &seeded);
    marks = malloc((cfg->n_tables ? cfg->n_tables : 1) * 257 * sizeof(uint32_t));
    if (!marks) {
        rc = -3;
        goto done;
    }
    poisson_marks(cfg, marks);

    const size_t stride = (size_t) cfg->n_types * n_neurons;
    const uint32_t mask = cfg->ring_mask;
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
        const size_t slot = (size_t) (t & mask);
        uint32_t n_fired = 0;
        for (uint32_t p = 0; p < cfg->n_pops; p++) {
            const pop_cfg_t *pop = &cfg->pops[p];
            const model_vtable_t *m = portasnn_models[pop->model];
            rb_t *slots[PORTASNN_MAX_SYNAPSE_TYPES];
            for (uint32_t s = 0; s < m->n_synapse_types; s++) {
                slots[s] = rb + (slot * cfg->n_types + s) * n_neurons + pop->offset;
            }
            if (cfg->max_slot) {  /* the largest input of this tick, per synapse type */
                double *mx = cfg->max_slot + (size_t) p * PORTASNN_MAX_SYNAPSE_TYPES;
                for (uint32_t s = 0; s < m->n_synapse_types; s++) {
                    rb_t top = 0;
                    for (uint32_t i = 0; i < pop->n; i++) {
                        top = slots[s][i] > top ? slots[s][i] : top;
                    }
                    mx[s] = (double) top > mx[s] ? (double) top : mx[s];
                }
            }
            value_t *rec = NULL;
            if (pop->n_rec && t % pop->rec_interval == 0) {
                rec = pop->rec_out + (size_t) (t / pop->rec_interval) * pop->n_rec * m->n_recorded;
            }
            uint32_t ns = m->step(states[p], pop->n, slots, pop->shifts, offset + pop->offset,
                                  pop->n_rec, pop->rec_ids, rec, scratch, scratch + n_neurons);
#if defined(PORTASNN_ARITH_FLOAT)
            if (nonfinite_field != NULL) {  /* stop: what follows would be computed from NaN or inf */
                out->nonfinite_tick = t;
                out->nonfinite_neuron = pop->offset
                    + (uint32_t) (((const char *) nonfinite_at - (const char *) states[p]) / m->state_size);
                out->nonfinite_field = nonfinite_field;
                out->nonfinite_value = nonfinite_value;
                rc = PORTASNN_NONFINITE;
                goto done;
            }
#endif
            for (uint32_t j = 0; j < ns; j++) {
                uint32_t g = pop->offset + scratch[j];
                if (post_hist && cfg->post_rule[g] >= 0) {
                    stdp_post_spike(&post_hist[g], (uint32_t) t, &cfg->rules[cfg->post_rule[g]]);
                }
                fired[n_fired++] = g;
                if (spikes_push(&spikes, (uint32_t) t, g)) {
                    rc = -3;
                    goto done;
                }
            }
        }
        uint64_t sat = 0, events = 0;
        for (uint32_t q = 0; q < n_runs; q++) {
            const src_run_t *run = &runs[q];
            if (t < run->start || t >= run->stop) {
                continue;
            }
            const uint32_t *cdf = cfg->cdf + cfg->table_cdf_off[run->table];
            const uint32_t *mark = marks + 257 * (size_t) run->table;
            for (uint32_t s = run->first; s < run->end;) {  /* one draw per source, in order */
                if (rng->pos == KISS_BUF) {
                    kiss_stream_refill(rng);
                }
                const uint32_t avail = KISS_BUF - rng->pos, stop = run->end - s < avail ? run->end : s + avail;
                const uint32_t *u = rng->buf + rng->pos;
                rng->pos += stop - s;
                if (run->delay != 0) {  /* delays are >= 1 tick: this cannot touch the slot of tick t */
                    rb_t *const base = rb + ((t + run->delay) & mask) * stride;
#if defined(PORTASNN_ARITH_FLOAT)
                    const double w = run->weight;
#else
                    const uint32_t w = run->weight;
#endif
                    /* consecutive sources onto consecutive columns (a population stimulated one
                     * to one) need no target list */
                    const uint32_t *tgt = run->contiguous ? NULL : src_target;
                    const uint32_t shift = src_target[run->first] - run->first;  /* mod 2^32 */
                    for (; s < stop; s++, u++) {
                        const uint32_t c = poisson_count(*u, cdf, mark);
                        rb_t *cell = base + (tgt ? tgt[s] : s + shift);
                        __builtin_prefetch(cell + 256, 1);  /* the slot was last touched ring ticks ago */
#if defined(PORTASNN_ARITH_FLOAT)
                        *cell += w * (double) c;
#else
                        uint32_t sum = (uint32_t) *cell + w * c;
                        if (sum > 0xFFFFu) {
                            sum = 0xFFFFu;
                            sat++;
                            if (cfg->sat_columns) cfg->sat_columns[cell - base]++;
                        }
                        *cell = (rb_t) sum;
#endif
                        events += c;
                    }
                } else {
                    for (; s < stop; s++, u++) {
                        const uint32_t c = poisson_count(*u, cdf, mark);
                        if (c) {
                            deliver(rb, cfg, stride, t, cfg->n_neurons + s, c, out);
                        }
                    }
                }
            }
        }
        out->saturations += sat;
        out->synaptic_events += events;
        for (uint32_t f = 0; f < n_fired; f++) {
            if (f + 1 < n_fired) {  /* the next row's first lines, while this one is added */
                size_t bytes;
                const char *p = row_data(cfg, &cfg->rows[fired[f + 1]], &bytes);
                for (size_t b = 0; b < bytes && b < 1024; b += 64) {
                    __builtin_prefetch(p + b);
                }
            }
            deliver(rb, cfg, stride, t, fired[f], 1, out);
            if (pre_hist) {
                deliver_plastic(rb, cfg, stride, (uint32_t) t, fired[f], post_hist, pre_hist, plastic_acc, out);
            }
        }
        while (next_array < cfg->n_array_events && cfg->array_tick[next_array] <= t) {
            if (cfg->array_tick[next_array] == t) {
                deliver(rb, cfg, stride, t, cfg->array_pre[next_array], 1, out);
            }
            next_array++;
        }
        if (cfg->sample && (t + 1) % cfg->sample_every == 0) {
            cfg->sample(t + 1);
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
    free(runs);
    free(src_target);
    free(marks);
    free(rng);
    free(post_hist);
    free(pre_hist);
    free(plastic_acc);
    return rc;
}
