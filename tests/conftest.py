"""Settings for the whole suite."""
from hypothesis import settings

# Property tests check values, not speed: on a shared 2-core machine a slow example is not a failure
# (speed is measured in benchmarks/).
settings.register_profile("portasnn", deadline=None)
settings.load_profile("portasnn")
