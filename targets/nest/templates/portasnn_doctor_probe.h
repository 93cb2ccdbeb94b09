/*
 *  portasnn_doctor_probe.h -- a small hand-written NEST node used by `portasnn doctor` and the build tests.
 *
 *  A leaky integrate-and-fire neuron with delta-shaped synaptic input and a refractory period,
 *  integrated exactly on the simulation grid (the dynamics of NEST's iaf_psc_delta without V_min
 *  and refractory_input):
 *
 *    dV/dt = -(V - E_L) / tau_m + (I_syn + I_e) / C_m,   V jumps by w (mV) per input spike.
 *
 *  When V >= V_th the node spikes, V is set to V_reset and input is ignored for t_ref.
 */
#ifndef PORTASNN_DOCTOR_PROBE_H
#define PORTASNN_DOCTOR_PROBE_H

#include "archiving_node.h"
#include "connection.h"
#include "event.h"
#include "nest_types.h"
#include "recordables_map.h"
#include "ring_buffer.h"
#include "universal_data_logger.h"

class portasnn_doctor_probe : public nest::ArchivingNode
{
public:
  portasnn_doctor_probe();
  portasnn_doctor_probe( const portasnn_doctor_probe& );

  using nest::Node::handle;
  using nest::Node::handles_test_event;

  size_t send_test_event( nest::Node&, size_t, nest::synindex, bool ) override;
  void handle( nest::SpikeEvent& ) override;
  void handle( nest::CurrentEvent& ) override;
  void handle( nest::DataLoggingRequest& ) override;
  size_t handles_test_event( nest::SpikeEvent&, size_t ) override;
  size_t handles_test_event( nest::CurrentEvent&, size_t ) override;
  size_t handles_test_event( nest::DataLoggingRequest&, size_t ) override;

  void get_status( Dictionary& ) const override;
  void set_status( const Dictionary& ) override;

private:
  void init_buffers_() override;
  void pre_run_hook() override;
  void update( nest::Time const&, const long, const long ) override;

  friend class nest::RecordablesMap< portasnn_doctor_probe >;
  friend class nest::UniversalDataLogger< portasnn_doctor_probe >;

  struct Parameters_
  {
    double tau_m = 10.0;    // ms
    double C_m = 250.0;     // pF
    double t_ref = 2.0;     // ms
    double E_L = -70.0;     // mV
    double I_e = 0.0;       // pA
    double V_th = -55.0;    // mV
    double V_reset = -70.0; // mV
  };

  struct State_
  {
    double V_m = -70.0; // mV
    double I_syn = 0.0; // pA, current input of the previous step
    long refractory_steps = 0;
  };

  struct Buffers_
  {
    explicit Buffers_( portasnn_doctor_probe& );
    Buffers_( const Buffers_&, portasnn_doctor_probe& );
    nest::RingBuffer spikes;
    nest::RingBuffer currents;
    nest::UniversalDataLogger< portasnn_doctor_probe > logger;
  };

  struct Variables_
  {
    double P33 = 0.0; // exp(-h / tau_m)
    double P30 = 0.0; // tau_m / C_m * (1 - P33)
    long refractory_counts = 0;
  };

  double
  get_V_m() const
  {
    return S_.V_m;
  }

  Parameters_ P_;
  State_ S_;
  Variables_ V_;
  Buffers_ B_;

  static nest::RecordablesMap< portasnn_doctor_probe > recordablesMap_;
};

inline size_t
portasnn_doctor_probe::send_test_event( nest::Node& target, size_t receptor_type, nest::synindex, bool )
{
  nest::SpikeEvent e;
  e.set_sender( *this );
  return target.handles_test_event( e, receptor_type );
}

inline size_t
portasnn_doctor_probe::handles_test_event( nest::SpikeEvent&, size_t receptor_type )
{
  if ( receptor_type != 0 )
  {
    throw nest::UnknownReceptorType( receptor_type, get_name() );
  }
  return 0;
}

inline size_t
portasnn_doctor_probe::handles_test_event( nest::CurrentEvent&, size_t receptor_type )
{
  if ( receptor_type != 0 )
  {
    throw nest::UnknownReceptorType( receptor_type, get_name() );
  }
  return 0;
}

inline size_t
portasnn_doctor_probe::handles_test_event( nest::DataLoggingRequest& dlr, size_t receptor_type )
{
  if ( receptor_type != 0 )
  {
    throw nest::UnknownReceptorType( receptor_type, get_name() );
  }
  return B_.logger.connect_logging_device( dlr, recordablesMap_ );
}

#endif // PORTASNN_DOCTOR_PROBE_H
