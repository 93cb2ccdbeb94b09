/* Test program: GCC rewrites plain accum expressions (no barrier).  Prints, for h*(a*x) and
 * a*c - b*c on words read from stdin, the raw result bits. */
#include <stdfix.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

static int32_t bk(accum a) { int32_t r; memcpy(&r, &a, 4); return r; }
static accum kb(int32_t r) { accum a; memcpy(&a, &r, 4); return a; }

__attribute__((noinline)) accum chain(accum h, accum a, accum x) { return h * (a * x); }
__attribute__((noinline)) accum factor(accum a, accum b, accum c) { accum t = a * c; return t - b * c; }

int main(void) {
    int32_t w[4];
    while (fread(w, 4, 4, stdin) == 4) {
        int32_t out[2] = {bk(chain(kb(w[0]), kb(w[1]), kb(w[2]))), bk(factor(kb(w[1]), kb(w[2]), kb(w[3])))};
        fwrite(out, 4, 2, stdout);
    }
    return 0;
}
