/*
 * spinn_fixed.h -- SpiNNaker-1 fixed-point arithmetic for portable model code.
 *
 * Model code never uses C operators on REAL values; it uses the macros below, so that the
 * same source compiles in three modes:
 *
 *   default (host, fixed)   REAL is a one-field struct holding the int32 bits of an s16.15
 *                           `accum`; every operation reproduces arm-none-eabi-gcc's ARM-state
 *                           code bit for bit (multiply: floor(A*B / 2^15), wrapping; add/sub
 *                           wrap; no saturation).  The struct makes a stray `a*b` a compile
 *                           error instead of a silent integer multiply.
 *   PORTASNN_ARITH_FLOAT    REAL and UFRACT are double and every operation is the plain double
 *                           operation (separates quantisation from the algorithm).
 *   PORTASNN_ARM_ACCUM      (ARM cross builds only) REAL is GCC's own `accum` and UFRACT its
 *                           `unsigned long fract` from <stdfix.h>; +, -, *, comparisons and
 *                           literals are GCC's native fixed-point code.  This is the independent
 *                           reference the host mode is tested against.  Products pass an
 *                           optimisation barrier (see portasnn_arm_mul): without it GCC -O1/-O2
 *                           reassociates and factors accum products and the bits depend on the
 *                           optimiser.
 *   PORTASNN_SPINNAKER      the board build inside sPyNNaker: the same operation macros as
 *                           PORTASNN_ARM_ACCUM (with the barrier), on sPyNNaker's own types and
 *                           helpers, so that the board evaluates model code as the host does.
 *
 * Types: REAL = s16.15 (accum); UFRACT = u0.32 (unsigned long fract, sPyNNaker's decay_t).
 * Parameter words (PARAM) are int32 bits in the fixed modes and doubles in float mode.
 *
 * Operations (fixed-mode result bits, A and B the int32 bits of a and b):
 *   REAL_ADD(a,b) REAL_SUB(a,b) REAL_NEG(a)   s32(A+B), s32(A-B), s32(-A)
 *   REAL_MUL(a,b)                             s32((A*B) >> 15), arithmetic shift = floor
 *   REAL_LT/LE/GT/GE/EQ/NE(a,b)               signed comparison of the bits
 *   REAL_CONST(x)                             a literal `x k`: x*2^15 truncated toward 0
 *   REAL_FROM_INT(i), REAL_TO_INT(a)          i << 15; a truncated toward 0
 *   kbits(i), bitsk(a)                        reinterpret int32 bits (float mode: i/2^15, a*2^15)
 *   ulrbits(u), bitsulr(d)                    the same for UFRACT (u0.32)
 *   kdivk(a,b)                                s32((U64(A) << 15) / U64(B)), valid for a>=0, b>0
 *   kdivui(a,u)                               s32(U64(A) / u)
 *   decay_s1615(x,d)                          s32((X * D) >> 32)  (sPyNNaker decay.h)
 *   decay_s1615_to_u032(x,d)                  ((U64(X) * D mod 2^64) >> 15) & 0xFFFFFFFF
 *   PARAM_REAL(p), PARAM_UFRACT(p), PARAM_INT(p)   read one parameter word
 *   REAL_DIV(a,b)                             trunc(A * 2^15 / B) toward zero, saturated to int32;
 *                                             b = 0 gives the extreme of a's sign (0 for a = 0)
 *   REAL_EXP(a)                               spinn_common's expk (stdfix-exp.c): table + series,
 *                                             saturates to 0x7FFFFFFF above A = 363408 (~11.09),
 *                                             0 below A = -340695; the board calls the library's
 *                                             own expk, the other fixed modes the port below
 *   REAL_MUL_SHIFT(a,c,k)                     a times a constant held as c = value 2^k:
 *                                             s32((A*C) >> (15+k)), floor (the same C in every mode)
 *   REAL_LOG(a)                               natural log, portasnn's own (every mode, board too):
 *                                             within 1 LSB of round(log(a) 2^15); a <= 0 gives
 *                                             0x80000000 (the most negative value)
 */
#ifndef PORTASNN_SPINN_FIXED_H
#define PORTASNN_SPINN_FIXED_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#if defined(PORTASNN_ARITH_FLOAT) + defined(PORTASNN_ARM_ACCUM) + defined(PORTASNN_SPINNAKER) > 1
#error "choose one of PORTASNN_ARITH_FLOAT, PORTASNN_ARM_ACCUM, PORTASNN_SPINNAKER"
#endif

/* ------------------------------------------------------------------------------------------ */
#if defined(PORTASNN_ARITH_FLOAT)

typedef double REAL;
typedef double UFRACT;
typedef double PARAM;
#define PORTASNN_ARITH_NAME "float"

static inline REAL kbits(int32_t bits) { return (double) bits / 32768.0; }
static inline int32_t bitsk(REAL a) { return (int32_t) (a * 32768.0); }
static inline UFRACT ulrbits(uint32_t bits) { return (double) bits / 4294967296.0; }
static inline uint32_t bitsulr(UFRACT d) { return (uint32_t) (d * 4294967296.0); }

#define REAL_CONST(x) ((double) (x))
#define REAL_ADD(a, b) ((a) + (b))
#define REAL_SUB(a, b) ((a) - (b))
#define REAL_NEG(a) (-(a))
#define REAL_MUL(a, b) ((a) * (b))
#define REAL_LT(a, b) ((a) < (b))
#define REAL_LE(a, b) ((a) <= (b))
#define REAL_GT(a, b) ((a) > (b))
#define REAL_GE(a, b) ((a) >= (b))
#define REAL_EQ(a, b) ((a) == (b))
#define REAL_NE(a, b) ((a) != (b))
#define REAL_FROM_INT(i) ((double) (i))
#define REAL_TO_INT(a) ((int32_t) (a))

static inline REAL kdivk(REAL a, REAL b) { return a / b; }
static inline REAL kdivui(REAL a, uint32_t u) { return a / (double) u; }
static inline REAL decay_s1615(REAL x, UFRACT d) { return x * d; }
static inline UFRACT decay_s1615_to_u032(REAL x, UFRACT d) { return x * d; }

#define PARAM_REAL(p) ((REAL) (p))
#define PARAM_UFRACT(p) ((UFRACT) (p))
#define PARAM_INT(p) ((int32_t) (p))

/* ------------------------------------------------------------------------------------------ */
#elif defined(PORTASNN_ARM_ACCUM) || defined(PORTASNN_SPINNAKER)

#if defined(PORTASNN_ARM_ACCUM)
#include <stdfix.h>

typedef accum REAL;
typedef unsigned long fract UFRACT;
#define PORTASNN_ARITH_NAME "arm-accum"

static inline REAL kbits(int32_t bits) { REAL a; memcpy(&a, &bits, 4); return a; }
static inline int32_t bitsk(REAL a) { int32_t b; memcpy(&b, &a, 4); return b; }
static inline UFRACT ulrbits(uint32_t bits) { UFRACT d; memcpy(&d, &bits, 4); return d; }
static inline uint32_t bitsulr(UFRACT d) { uint32_t b; memcpy(&b, &d, 4); return b; }

/* As spinn_common's stdfix-full-iso.h / sPyNNaker's decay.h define them (integer code). */
static inline REAL kdivk(REAL a, REAL b) {
    return kbits((int32_t) ((((uint64_t) (int64_t) bitsk(a)) << 15) / (uint64_t) (int64_t) bitsk(b)));
}
static inline REAL kdivui(REAL a, uint32_t u) {
    return kbits((int32_t) (((uint64_t) (int64_t) bitsk(a)) / (uint64_t) u));
}
static inline REAL decay_s1615(REAL x, UFRACT d) {
    return kbits((int32_t) (((int64_t) bitsk(x) * (int64_t) bitsulr(d)) >> 32));
}
static inline UFRACT decay_s1615_to_u032(REAL x, UFRACT d) {
    return ulrbits((uint32_t) ((((uint64_t) (int64_t) bitsk(x)) * (uint64_t) bitsulr(d)) >> 15));
}
#else
/* PORTASNN_SPINNAKER: inside a sPyNNaker build. REAL, UFRACT, kbits, bitsk, ulrbits, bitsulr, kdivk,
 * kdivui (spinn_common stdfix-full-iso.h, sPyNNaker common/maths-util.h) and decay_s1615,
 * decay_s1615_to_u032 (neuron/decay.h) come from those headers, included before this one, and
 * expk (REAL_EXP) from spinn_common's library; the includer (the generated portasnn_fixed.h)
 * keeps newlib's <string.h> out, whose size_t contradicts spinnaker_tools' common-typedefs.h, so
 * this mode must not use anything from <string.h>.  Compiled for the ARM968 by
 * tests/spinnaker/test_arm_make.py where the SpiNNaker C sources are installed. */
#define PORTASNN_ARITH_NAME "spinnaker"
#endif

typedef int32_t PARAM;

/* GCC's own accum multiply, behind an optimisation barrier.  GCC (12) treats non-saturating
 * accum multiplication as associative and distributive: its tree-reassoc pass rewrites
 * h*(a*x) as x*(h*a), and fold-const / match.pd rewrite a*c - b*c as (a-b)*c.  Each is exact
 * for integers but not for truncating fixed point (results move by a few LSB); its value numbering
 * also evaluates c*x as -((-c)*x) when both occur (floor(-y) != -floor(y)).  The empty asm
 * statements make every operand and every product opaque, so the compiler keeps one
 * floor-multiply per REAL_MUL, in source order -- the evaluation the host mode reproduces. */
static inline REAL portasnn_arm_mul(REAL a, REAL b) {
    __asm__("" : "+r"(a), "+r"(b));
    REAL p = a * b;
    __asm__("" : "+r"(p));
    return p;
}

#undef REAL_CONST
#define REAL_CONST(x) (x##k)
#define REAL_ADD(a, b) ((a) + (b))
#define REAL_SUB(a, b) ((a) - (b))
#define REAL_NEG(a) (-(a))
#define REAL_MUL(a, b) portasnn_arm_mul((a), (b))
#define REAL_LT(a, b) ((a) < (b))
#define REAL_LE(a, b) ((a) <= (b))
#define REAL_GT(a, b) ((a) > (b))
#define REAL_GE(a, b) ((a) >= (b))
#define REAL_EQ(a, b) ((a) == (b))
#define REAL_NE(a, b) ((a) != (b))
#define REAL_FROM_INT(i) ((REAL) (i))
#define REAL_TO_INT(a) ((int32_t) (a))

#define PARAM_REAL(p) kbits((int32_t) (p))
#define PARAM_UFRACT(p) ulrbits((uint32_t) (p))
#define PARAM_INT(p) ((int32_t) (p))

/* ------------------------------------------------------------------------------------------ */
#else /* host, bit-accurate s16.15 */

typedef struct { int32_t bits; } REAL;
typedef struct { uint32_t bits; } UFRACT;
typedef int32_t PARAM;
#define PORTASNN_ARITH_NAME "fixed"

static inline REAL kbits(int32_t bits) { REAL a = {bits}; return a; }
static inline int32_t bitsk(REAL a) { return a.bits; }
static inline UFRACT ulrbits(uint32_t bits) { UFRACT d = {bits}; return d; }
static inline uint32_t bitsulr(UFRACT d) { return d.bits; }

static inline int32_t portasnn_wrap(uint32_t u) { return (int32_t) u; }
static inline REAL portasnn_add(REAL a, REAL b) {
    return kbits(portasnn_wrap((uint32_t) a.bits + (uint32_t) b.bits));
}
static inline REAL portasnn_sub(REAL a, REAL b) {
    return kbits(portasnn_wrap((uint32_t) a.bits - (uint32_t) b.bits));
}
static inline REAL portasnn_neg(REAL a) { return kbits(portasnn_wrap(0u - (uint32_t) a.bits)); }
static inline REAL portasnn_mul(REAL a, REAL b) {
    /* smull + (lo >> 15 | hi << 17): the low 32 bits of the arithmetic shift of the product */
    int64_t p = (int64_t) a.bits * (int64_t) b.bits;
    return kbits(portasnn_wrap((uint32_t) (uint64_t) (p >> 15)));
}
/* A literal x k: GCC truncates the decimal value toward zero to 15 fraction bits. */
static inline REAL portasnn_const(double x) { return kbits((int32_t) (x * 32768.0)); }

#define REAL_CONST(x) portasnn_const(x)
#define REAL_ADD(a, b) portasnn_add((a), (b))
#define REAL_SUB(a, b) portasnn_sub((a), (b))
#define REAL_NEG(a) portasnn_neg(a)
#define REAL_MUL(a, b) portasnn_mul((a), (b))
#define REAL_LT(a, b) ((a).bits < (b).bits)
#define REAL_LE(a, b) ((a).bits <= (b).bits)
#define REAL_GT(a, b) ((a).bits > (b).bits)
#define REAL_GE(a, b) ((a).bits >= (b).bits)
#define REAL_EQ(a, b) ((a).bits == (b).bits)
#define REAL_NE(a, b) ((a).bits != (b).bits)
#define REAL_FROM_INT(i) kbits(portasnn_wrap((uint32_t) (int32_t) (i) << 15))
/* C's conversion of accum to int truncates toward zero */
#define REAL_TO_INT(a) ((a).bits >= 0 ? ((a).bits >> 15) : -(int32_t) ((0u - (uint32_t) (a).bits) >> 15))

static inline REAL kdivk(REAL a, REAL b) {
    return kbits((int32_t) ((((uint64_t) (int64_t) a.bits) << 15) / (uint64_t) (int64_t) b.bits));
}
static inline REAL kdivui(REAL a, uint32_t u) {
    return kbits((int32_t) (((uint64_t) (int64_t) a.bits) / (uint64_t) u));
}
static inline REAL decay_s1615(REAL x, UFRACT d) {
    return kbits((int32_t) (((int64_t) x.bits * (int64_t) d.bits) >> 32));
}
static inline UFRACT decay_s1615_to_u032(REAL x, UFRACT d) {
    return ulrbits((uint32_t) ((((uint64_t) (int64_t) x.bits) * (uint64_t) d.bits) >> 15));
}

#define PARAM_REAL(p) kbits((int32_t) (p))
#define PARAM_UFRACT(p) ulrbits((uint32_t) (p))
#define PARAM_INT(p) ((int32_t) (p))

#endif

/* ------------------------------------------------------------------------------------------ */
/* Division and exp, shared by every mode.                                                     */
#if defined(PORTASNN_ARITH_FLOAT)
#include <math.h>
#define REAL_DIV(a, b) ((a) / (b))
#define REAL_EXP(a) exp(a)
#define REAL_LOG(a) log(a)
#define REAL_MUL_SHIFT(a, c, k) ((a) * (c) / (double) (1u << (k)))
#else

#if defined(PORTASNN_SPINNAKER)
#define PORTASNN_HELPER static __attribute__((noinline, unused))  /* one copy each: ITCM holds 32 KiB */
#else
#define PORTASNN_HELPER static inline
#endif

PORTASNN_HELPER REAL portasnn_mul_shift(REAL a, REAL c, int k) {
    int64_t p = (int64_t) bitsk(a) * (int64_t) bitsk(c);
    return kbits((int32_t) (uint32_t) (uint64_t) (p >> (15 + k)));
}
#define REAL_MUL_SHIFT(a, c, k) portasnn_mul_shift((a), (c), (k))

PORTASNN_HELPER REAL portasnn_divk(REAL a, REAL b) {
    int64_t A = bitsk(a), B = bitsk(b);
    if (B == 0) {
        return kbits(A > 0 ? INT32_MAX : (A < 0 ? INT32_MIN : 0));
    }
    int64_t q = (A * 32768) / B;  /* C division truncates toward zero */
    return kbits(q > INT32_MAX ? INT32_MAX : (q < INT32_MIN ? INT32_MIN : (int32_t) q));
}
#define REAL_DIV(a, b) portasnn_divk((a), (b))

/* Natural log: A = m 2^(p-15) with m in [1, 2); log m = 2 atanh(s), s = (m-1)/(m+1) < 1/3, by its
 * odd series to s^11 (remainder < 2^-23) in Q31; the sum in Q31 rounded half up to 15 bits. */
PORTASNN_HELPER REAL portasnn_logk(REAL x) {
    int32_t A = bitsk(x);
    if (A <= 0) {
        return kbits(INT32_MIN);
    }
    int32_t p = 31 - __builtin_clz((uint32_t) A);
    uint32_t m = (uint32_t) A << (31 - p);  /* Q31 in [1, 2) */
    uint32_t s = (uint32_t) ((((uint64_t) (m - 0x80000000u)) << 31) / ((uint64_t) m + 0x80000000u));
    uint64_t s2 = ((uint64_t) s * s) >> 31;
    uint64_t t = 0x80000000u / 11u;
    t = 0x80000000u / 9u + ((t * s2) >> 31);
    t = 0x80000000u / 7u + ((t * s2) >> 31);
    t = 0x80000000u / 5u + ((t * s2) >> 31);
    t = 0x80000000u / 3u + ((t * s2) >> 31);
    t = 0x80000000u + ((t * s2) >> 31);
    int64_t r = (int64_t) (p - 15) * 1488522236ll + (int64_t) (((t * s) >> 31) << 1);
    return kbits((int32_t) ((r + (1 << 15)) >> 16));
}
#define REAL_LOG(a) portasnn_logk(a)

#if defined(PORTASNN_SPINNAKER)
#define REAL_EXP(a) expk(a)  /* spinn_common <stdfix-exp.h> */
#else
/* expk of spinn_common (stdfix-exp.c), written from its definition (notes: section 1.3):
 * exp(n) = exp(z) * exp(-f), z the next integer above n, f in [0, 1): a 32.32 table of
 * exp(k - 13), a u0.32 table of 1 - exp(-i/16) for the top 4 bits of f and a three-term series
 * for the remaining 11 bits.  The tables are exp's values rounded to nearest (regenerated by
 * portasnn.targets.spinnaker_host.fixed, which tests compare this code with). */
static const uint64_t portasnn_exp_hi[26] = {
    9708ull, 26389ull, 71733ull, 194991ull,
    530041ull, 1440801ull, 3916503ull, 10646160ull,
    28939262ull, 78665070ull, 213833830ull, 581260615ull,
    1580030169ull, 4294967296ull, 11674931555ull, 31735754293ull,
    86266724208ull, 234497268814ull, 637429664642ull, 1732713474316ull,
    4710003551159ull, 12803117065094ull, 34802480465680ull, 94602950235157ull,
    257157480542844ull, 699026506411923ull,
};
static const uint32_t portasnn_expm1_mid[16] = {
    0u, 260218914u, 504671961u, 734314346u, 950043403u, 1152702096u,
    1343082321u, 1521927990u, 1689937949u, 1847768698u, 1996036966u, 2135322113u,
    2266168400u, 2389087112u, 2504558555u, 2613033936u,
};

static inline uint32_t portasnn_exp_coef(uint32_t c, uint32_t x) {
    return (uint32_t) (((uint64_t) c * x) >> 32);
}

static inline uint64_t portasnn_exp_scale64(uint64_t x, uint32_t y) {
    uint64_t lo = (uint64_t) (uint32_t) x * y;
    return (lo >> 32) + ((uint32_t) lo >= 0x7FFFFFFFu) + (x >> 32) * y;
}

static inline REAL expk(REAL x) {
    int32_t n = bitsk(x);
    if (n > 363408) {
        return kbits(INT32_MAX);
    }
    if (n < -340695) {
        return kbits(0);
    }
    int32_t z = n >> 15;  /* floor */
    int32_t f = n - (int32_t) ((uint32_t) z << 15);
    uint64_t t;
    if (f > 0) {
        z += 1;
        f = 32768 - f;
        t = portasnn_exp_hi[13 + z];
        t -= portasnn_exp_scale64(t, portasnn_expm1_mid[f >> 11]);
        uint32_t s = (uint32_t) (f & 0x7FF) << 17;
        uint32_t series = portasnn_exp_coef(4293434720u - portasnn_exp_coef(2081624032u, s), s) + 5294u;
        t -= portasnn_exp_scale64(t, series);
    } else {
        t = portasnn_exp_hi[13 + z];
    }
    return kbits((int32_t) (uint32_t) (t >> 17));
}
#define REAL_EXP(a) expk(a)
#endif
#endif

#ifndef ZERO
#define ZERO REAL_CONST(0.0)
#endif
#ifndef ONE
#define ONE REAL_CONST(1.0)
#endif

#endif /* PORTASNN_SPINN_FIXED_H */
