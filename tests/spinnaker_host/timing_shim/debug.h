/* stand-in: spinnaker_tools' logging */
#ifndef SHIM_DEBUG_H
#define SHIM_DEBUG_H
#include "common.h"
#define log_debug(...) ((void) 0)
#define log_info(...) ((void) 0)
#endif
