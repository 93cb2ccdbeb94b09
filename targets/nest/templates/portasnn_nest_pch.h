// The NEST and standard headers every generated model includes (model.h.j2, model.cpp.j2, module.cpp.j2),
// precompiled once per NEST installation, compiler and flags (targets/nest/pch.py).
#include <cmath>
#include <limits>
#include <atomic>
#include <sstream>
#include <string>
#include <utility>
#include <array>
#include <vector>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_matrix.h>
#include <gsl/gsl_odeiv.h>

#include "archiving_node.h"
#include "connection.h"
#include "dict_util.h"
#include "event.h"
#include "nest_types.h"
#include "random_generators.h"
#include "recordables_map.h"
#include "kernel_manager.h"
#include "ring_buffer.h"
#include "universal_data_logger.h"
#include "exceptions.h"
#include "nest_extension_interface.h"
#include "numerics.h"
#include "universal_data_logger_impl.h"
