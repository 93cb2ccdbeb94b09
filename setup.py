"""Package discovery: ``targets/`` and ``runtime/`` are the subpackages ``portasnn.targets`` and ``portasnn.runtime``."""
from setuptools import find_packages, setup

MAPPED = {"portasnn.targets": "targets", "portasnn.runtime": "runtime"}

packages = find_packages(include=["portasnn", "portasnn.*"])
for name, folder in MAPPED.items():
    packages += [name + sub[len(folder):] for sub in find_packages(include=[folder, folder + ".*"])]

setup(packages=packages)
