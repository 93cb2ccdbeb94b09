/* stand-in: sPyNNaker's s4.11 trace arithmetic (stdp_typedefs.h) */
#ifndef SHIM_STDP_TYPEDEFS_H
#define SHIM_STDP_TYPEDEFS_H
#include <stdint.h>
#define STDP_FIXED_POINT 11
#define STDP_FIXED_POINT_ONE (1 << STDP_FIXED_POINT)
/* __smulbb(a, b) >> 11: the low halves as signed 16-bit numbers */
#define STDP_FIXED_MUL_16X16(a, b) (((int32_t) (int16_t) (a) * (int32_t) (int16_t) (b)) >> STDP_FIXED_POINT)
#endif
