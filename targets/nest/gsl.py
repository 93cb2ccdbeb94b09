"""How the generated NEST code integrates non-linear ODEs: GSL's RKF45 as NEST's own built-ins use it.

Every scheme is NEST's: ``gsl_odeiv_step_rkf45``, the standard step-size control with the error norm
``max_i |err_i| / (abs_tol + rel_tol * (a_y |y_i| + a_dydt h |y'_i|))`` (a maximum over the components,
so the order of the state vector does not enter), the first integration step one resolution long and
then carried from step to step, spike input added to the state after the step's integration and
current input read at the end of the step for the next one. What differs between built-ins is the
error control (tolerances, norm) and, for the aeif family, when the threshold is tested: after every
GSL substep instead of once at the end of the time step. A zoo model named like a built-in
(``aeif_cond_exp_neuron`` for ``aeif_cond_exp``) gets that built-in's scheme; its tolerances are the
model's parameters ``gsl_abs_error_tol`` and ``gsl_rel_error_tol`` (defaults below); any other model
gets NESTML's defaults.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class GslScheme:
    """Error control of GSL's standard control (``gsl_odeiv_control_standard_new``) and event handling."""

    abs_tol: float
    rel_tol: float
    a_y: float = 1.0           # weight of |y| in the error scale (gsl_odeiv_control_y_new: 1, _yp_new: 0)
    a_dydt: float = 0.0        # weight of h |y'| (gsl_odeiv_control_y_new: 0, _yp_new: 1)
    events_in_loop: bool = False  # test the conditions after every GSL substep (NEST's aeif models)
    builtin: str = ""          # the NEST built-in this scheme follows ("" for NESTML's defaults)


# NESTML's own NEST target: gsl_odeiv_control_y_new(1e-6, 1e-6)
NESTML_DEFAULT = GslScheme(abs_tol=1e-6, rel_tol=1e-6)

_Y_1E3 = dict(abs_tol=1e-3, rel_tol=0.0)                                  # gsl_odeiv_control_y_new(1e-3, 0)
_AEIF = dict(abs_tol=1e-6, rel_tol=1e-6, a_y=0.0, a_dydt=1.0, events_in_loop=True)  # control_yp_new(tol, tol)

# NEST 3.10's built-ins (models/<name>.cpp, init_buffers_ and update) that have a zoo model of nestml 9.0
BUILTINS: dict[str, GslScheme] = {
    **{name: GslScheme(**_Y_1E3, builtin=name) for name in (
        "iaf_cond_exp", "iaf_cond_alpha", "iaf_cond_beta", "iaf_cond_exp_sfa_rr", "iaf_chxk_2008",
        "hh_psc_alpha", "hh_cond_exp_traub")},
    **{name: GslScheme(**_AEIF, builtin=name) for name in (
        "aeif_cond_exp", "aeif_cond_alpha", "aeif_psc_exp", "aeif_psc_alpha", "aeif_psc_delta")},
}


def scheme_for(model_name: str) -> GslScheme:
    """The scheme of the NEST built-in a model corresponds to (by name), else NESTML's defaults."""
    return BUILTINS.get(model_name.removesuffix("_neuron"), NESTML_DEFAULT)
