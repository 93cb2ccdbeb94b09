/*
 *  portasnn_doctor_probe.cpp -- see portasnn_doctor_probe.h.
 */
#include "portasnn_doctor_probe.h"

#include <cmath>

#include "dict_util.h"
#include "exceptions.h"
#include "kernel_manager.h"
#include "nest_names.h"
#include "universal_data_logger_impl.h"

nest::RecordablesMap< portasnn_doctor_probe > portasnn_doctor_probe::recordablesMap_;

namespace nest
{
template <>
void
RecordablesMap< portasnn_doctor_probe >::create()
{
  insert_( names::V_m, &portasnn_doctor_probe::get_V_m );
}
}

portasnn_doctor_probe::Buffers_::Buffers_( portasnn_doctor_probe& n )
  : logger( n )
{
}

portasnn_doctor_probe::Buffers_::Buffers_( const Buffers_&, portasnn_doctor_probe& n )
  : logger( n )
{
}

portasnn_doctor_probe::portasnn_doctor_probe()
  : ArchivingNode()
  , B_( *this )
{
  recordablesMap_.create();
}

portasnn_doctor_probe::portasnn_doctor_probe( const portasnn_doctor_probe& other )
  : ArchivingNode( other )
  , P_( other.P_ )
  , S_( other.S_ )
  , B_( other.B_, *this )
{
}

void
portasnn_doctor_probe::get_status( Dictionary& d ) const
{
  d[ nest::names::tau_m ] = P_.tau_m;
  d[ nest::names::C_m ] = P_.C_m;
  d[ nest::names::t_ref ] = P_.t_ref;
  d[ nest::names::E_L ] = P_.E_L;
  d[ nest::names::I_e ] = P_.I_e;
  d[ nest::names::V_th ] = P_.V_th;
  d[ nest::names::V_reset ] = P_.V_reset;
  d[ nest::names::V_m ] = S_.V_m;
  ArchivingNode::get_status( d );
  d[ nest::names::recordables ] = recordablesMap_.get_list();
}

void
portasnn_doctor_probe::set_status( const Dictionary& d )
{
  Parameters_ p = P_;
  nest::update_value_param( d, nest::names::tau_m, p.tau_m, this );
  nest::update_value_param( d, nest::names::C_m, p.C_m, this );
  nest::update_value_param( d, nest::names::t_ref, p.t_ref, this );
  nest::update_value_param( d, nest::names::E_L, p.E_L, this );
  nest::update_value_param( d, nest::names::I_e, p.I_e, this );
  nest::update_value_param( d, nest::names::V_th, p.V_th, this );
  nest::update_value_param( d, nest::names::V_reset, p.V_reset, this );
  if ( p.tau_m <= 0 or p.C_m <= 0 )
  {
    throw nest::BadProperty( "tau_m and C_m must be > 0." );
  }
  if ( p.t_ref < 0 )
  {
    throw nest::BadProperty( "t_ref must be >= 0." );
  }
  if ( p.V_reset >= p.V_th )
  {
    throw nest::BadProperty( "V_reset must be below V_th." );
  }
  State_ s = S_;
  nest::update_value_param( d, nest::names::V_m, s.V_m, this );
  ArchivingNode::set_status( d );
  P_ = p;
  S_ = s;
}

void
portasnn_doctor_probe::init_buffers_()
{
  B_.spikes.clear();
  B_.currents.clear();
  B_.logger.reset();
  ArchivingNode::clear_history();
}

void
portasnn_doctor_probe::pre_run_hook()
{
  B_.logger.init();
  const double h = nest::Time::get_resolution().get_ms();
  V_.P33 = std::exp( -h / P_.tau_m );
  V_.P30 = -P_.tau_m / P_.C_m * std::expm1( -h / P_.tau_m );
  V_.refractory_counts = nest::Time( nest::Time::ms( P_.t_ref ) ).get_steps();
}

void
portasnn_doctor_probe::update( nest::Time const& origin, const long from, const long to )
{
  for ( long lag = from; lag < to; ++lag )
  {
    const double spike_input = B_.spikes.get_value( lag );
    if ( S_.refractory_steps == 0 )
    {
      S_.V_m = P_.E_L + ( S_.V_m - P_.E_L ) * V_.P33 + V_.P30 * ( S_.I_syn + P_.I_e ) + spike_input;
    }
    else
    {
      --S_.refractory_steps;
    }

    if ( S_.V_m >= P_.V_th )
    {
      S_.refractory_steps = V_.refractory_counts;
      S_.V_m = P_.V_reset;
      set_spiketime( nest::Time::step( origin.get_steps() + lag + 1 ) );
      nest::SpikeEvent se;
      nest::kernel().event_delivery_manager.send( *this, se, lag );
    }

    S_.I_syn = B_.currents.get_value( lag );
    B_.logger.record_data( origin.get_steps() + lag );
  }
}

void
portasnn_doctor_probe::handle( nest::SpikeEvent& e )
{
  B_.spikes.add_value( e.get_rel_delivery_steps( nest::kernel().simulation_manager.get_slice_origin() ),
    e.get_weight() * e.get_multiplicity() );
}

void
portasnn_doctor_probe::handle( nest::CurrentEvent& e )
{
  B_.currents.add_value( e.get_rel_delivery_steps( nest::kernel().simulation_manager.get_slice_origin() ),
    e.get_weight() * e.get_current() );
}

void
portasnn_doctor_probe::handle( nest::DataLoggingRequest& e )
{
  B_.logger.handle( e );
}
