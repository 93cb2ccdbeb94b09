/* Test program: GCC's sign folding of accum products.  mul_out() has a barrier on the product
 * only (as spinn_fixed.h once had); mul_in_out() also on the operands (as it has now).  Reads
 * raw words v, writes per v: (-0.1k)*v and 0.1k*v through each. */
#include <stdio.h>
#include <stdfix.h>
#include <stdint.h>
#include <string.h>

static inline accum mul_out(accum a, accum b) {
    accum p = a * b;
    __asm__("" : "+r"(p));
    return p;
}

static inline accum mul_in_out(accum a, accum b) {
    __asm__("" : "+r"(a), "+r"(b));
    accum p = a * b;
    __asm__("" : "+r"(p));
    return p;
}

static int32_t bits(accum a) { int32_t b; memcpy(&b, &a, 4); return b; }

int main(void) {
    int32_t w;
    while (fread(&w, 4, 1, stdin) == 1) {
        accum v;
        memcpy(&v, &w, 4);
        int32_t out[4] = {bits(mul_out(-0.1k, v)), bits(mul_out(0.1k, v)),
                          bits(mul_in_out(-0.1k, v)), bits(mul_in_out(0.1k, v))};
        fwrite(out, 4, 4, stdout);
    }
    return 0;
}
