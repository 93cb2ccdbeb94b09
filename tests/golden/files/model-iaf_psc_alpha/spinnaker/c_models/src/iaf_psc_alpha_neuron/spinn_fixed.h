(the same bytes as targets/spinnaker_host/support/spinn_fixed.h)
