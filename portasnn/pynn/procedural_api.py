"""create/connect/record of ``portasnn.pynn`` (pyNN.common's builders)."""
from pyNN import common
from pyNN.connectors import FixedProbabilityConnector

from portasnn.pynn import simulator
from portasnn.pynn.populations import Population
from portasnn.pynn.projections import Projection
from portasnn.pynn.standardmodels import StaticSynapse

create = common.build_create(Population)
connect = common.build_connect(Projection, FixedProbabilityConnector, StaticSynapse)
record = common.build_record(simulator)
