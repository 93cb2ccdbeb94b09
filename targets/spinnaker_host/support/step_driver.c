/*
 * step_driver.c -- runs ONE neuron of a model header step by step on recorded inputs and prints
 * its raw state after every step.  Built twice from the same sources: for this CPU (host
 * fixed-point mode) and for ARM with -DPORTASNN_ARM_ACCUM (GCC's own accum), run under
 * qemu-arm; the two outputs must be byte-identical.  Built with -DPORTASNN_ARITH_FLOAT it runs
 * the same model code in double precision on the same (s16.15) inputs.
 *
 * stdin  (little-endian): n_steps (int32), MODEL_N_PARAM_WORDS parameter words (PARAM: int32
 *        bits in the fixed modes, doubles in float mode), then per step (int32)
 *        MODEL_N_SYNAPSE_TYPES ring-buffer inputs (raw s16.15; 0 = no input that tick) and the
 *        current offset (raw s16.15).
 * stdout: sizeof(neuron_t) as int32, then per step: spiked (int32), MODEL_N_RECORDED recorded
 *        values (the bytes of REAL: raw int32 bits in the fixed modes, doubles in float mode),
 *        the bytes of neuron_t.
 */
#include <stdio.h>
#include <stdlib.h>
#include "neuron_api.h"
#include MODEL_HEADER

static int read_i32(int32_t *v) { return fread(v, 4, 1, stdin) == 1; }

#if defined(PORTASNN_ARITH_FLOAT)
/* the driver prints every state as it is, NaN and infinity included: nothing to stop */
void portasnn_report_nonfinite(const void *neuron, const char *field, double value) {
    (void) neuron;
    (void) field;
    (void) value;
}
#endif

int main(void) {
    int32_t n_steps;
    PARAM words[MODEL_N_PARAM_WORDS];
    neuron_t neuron;
    if (!read_i32(&n_steps)) {
        return 2;
    }
    for (int i = 0; i < MODEL_N_PARAM_WORDS; i++) {
        if (fread(&words[i], sizeof(PARAM), 1, stdin) != 1) {
            return 2;
        }
    }
    memset(&neuron, 0, sizeof(neuron));
    neuron_model_init(&neuron, words);
    int32_t size = (int32_t) sizeof(neuron_t);
    fwrite(&size, 4, 1, stdout);
    for (int32_t t = 0; t < n_steps; t++) {
        int32_t in[MODEL_N_SYNAPSE_TYPES + 1];
        for (int s = 0; s <= MODEL_N_SYNAPSE_TYPES; s++) {
            if (!read_i32(&in[s])) {
                return 2;
            }
        }
        for (uint32_t s = 0; s < MODEL_N_SYNAPSE_TYPES; s++) {
            if (in[s] != 0) {
                neuron_add_input(&neuron, s, kbits(in[s]));
            }
        }
        REAL recorded[MODEL_N_RECORDED > 0 ? MODEL_N_RECORDED : 1];
        int32_t spiked = neuron_do_timestep(&neuron, kbits(in[MODEL_N_SYNAPSE_TYPES]), recorded) ? 1 : 0;
        fwrite(&spiked, 4, 1, stdout);
        for (int r = 0; r < MODEL_N_RECORDED; r++) {
            fwrite(&recorded[r], sizeof(REAL), 1, stdout);
        }
        fwrite(&neuron, sizeof(neuron), 1, stdout);
    }
    return 0;
}
