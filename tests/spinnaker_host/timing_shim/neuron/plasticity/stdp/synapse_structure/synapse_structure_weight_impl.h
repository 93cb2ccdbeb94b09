/* stand-in: the update state is the weight (s16.15) */
#ifndef SHIM_SYNAPSE_STRUCTURE_H
#define SHIM_SYNAPSE_STRUCTURE_H
#include <stdint.h>
typedef struct update_state_t {
    int32_t weight;
} update_state_t;
#endif
