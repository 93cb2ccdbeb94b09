/* stand-in: sPyNNaker's timing interface (its functions are defined by the timing dependence) */
#ifndef SHIM_TIMING_H
#define SHIM_TIMING_H
#include "common.h"
address_t timing_initialise(address_t address);
#endif
