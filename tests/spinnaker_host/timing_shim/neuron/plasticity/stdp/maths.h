/* stand-in: sPyNNaker's exp tables (maths.h): {uint16 size; uint16 shift; int16 values[]}, 0 past the end */
#ifndef SHIM_MATHS_H
#define SHIM_MATHS_H
#include "common.h"
#include <stdint.h>

typedef struct int16_lut {
    uint16_t size;
    uint16_t shift;
    int16_t values[];
} int16_lut;

static inline int16_lut *maths_copy_int16_lut(address_t *address) {
    int16_lut *lut = (int16_lut *) *address;
    *address += 1 + (lut->size + 1) / 2;  /* the header word, then the entries two to a word */
    return lut;
}

static inline int32_t maths_lut_exponential_decay(uint32_t time, const int16_lut *lut) {
    uint32_t index = time >> lut->shift;
    return index < lut->size ? lut->values[index] : 0;
}
#endif
