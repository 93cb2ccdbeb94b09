/* Test program: the operations of spinn_fixed.h on pairs of raw words read from stdin.
 * Output per pair (int32): add, sub, neg(a), mul, a<b, a>=b, to_int(a), kdivk(|a|,|b|+1),
 * kdivui(|a|, (uint32)|b|+1), decay_s1615(a, b), decay_s1615_to_u032(|a|, b), exp(a >> 12),
 * a / b, a / (b >> 16), log(a). */
#include <stdio.h>
#include "spinn_fixed.h"

int main(void) {
    int32_t ab[2];
    while (fread(ab, 4, 2, stdin) == 2) {
        REAL a = kbits(ab[0]), b = kbits(ab[1]);
        int32_t pa = ab[0] == INT32_MIN ? INT32_MAX : (ab[0] < 0 ? -ab[0] : ab[0]);
        int32_t pb = ab[1] == INT32_MIN ? INT32_MAX : (ab[1] < 0 ? -ab[1] : ab[1]);
        if (pb == INT32_MAX) {
            pb--;
        }
        int32_t out[15] = {
            bitsk(REAL_ADD(a, b)), bitsk(REAL_SUB(a, b)), bitsk(REAL_NEG(a)), bitsk(REAL_MUL(a, b)),
            REAL_LT(a, b), REAL_GE(a, b), REAL_TO_INT(a),
            bitsk(kdivk(kbits(pa), kbits(pb + 1))), bitsk(kdivui(kbits(pa), (uint32_t) pb + 1u)),
            bitsk(decay_s1615(a, ulrbits((uint32_t) ab[1]))),
            (int32_t) bitsulr(decay_s1615_to_u032(kbits(pa), ulrbits((uint32_t) ab[1]))),
            bitsk(REAL_EXP(kbits(ab[0] >> 12))), bitsk(REAL_DIV(a, b)), bitsk(REAL_DIV(a, kbits(ab[1] >> 16))), bitsk(REAL_LOG(a)),
        };
        fwrite(out, 4, 15, stdout);
    }
    /* literals, after the pairs: 0.1k, -0.1k, 0.7k, 65535.99999k, 1.5k * 1.5k (constant folded) */
    int32_t lit[5] = {bitsk(REAL_CONST(0.1)), bitsk(REAL_CONST(-0.1)), bitsk(REAL_CONST(0.7)),
                      bitsk(REAL_CONST(65535.99999)), bitsk(REAL_MUL(REAL_CONST(1.5), REAL_CONST(1.5)))};
    fwrite(lit, 4, 5, stdout);
    return 0;
}
