/* stand-in: spinnaker_tools' types the timing dependences use */
#ifndef SHIM_COMMON_H
#define SHIM_COMMON_H
#include <stdint.h>
typedef uint32_t *address_t;
#define UNUSED __attribute__((__unused__))
#endif
