"""XDG locations of portasnn's cache, data and configuration.

``PORTASNN_CACHE_DIR`` overrides the cache directory (default ``$XDG_CACHE_HOME/portasnn``,
``~/.cache/portasnn``); likewise ``PORTASNN_DATA_DIR`` and ``PORTASNN_CONFIG_DIR``.
"""
from __future__ import annotations

import os
from pathlib import Path


def _xdg(env: str, xdg_env: str, default: str) -> Path:
    explicit = os.environ.get(env)
    if explicit:
        return Path(explicit).expanduser()
    base = os.environ.get(xdg_env) or str(Path.home() / default)
    return Path(base).expanduser() / "portasnn"


def cache_dir() -> Path:
    """Build outputs (NEST modules, host emulator binaries, wheels)."""
    return _xdg("PORTASNN_CACHE_DIR", "XDG_CACHE_HOME", ".cache")


def data_dir() -> Path:
    """Persistent state (the job database)."""
    return _xdg("PORTASNN_DATA_DIR", "XDG_DATA_HOME", ".local/share")


def config_dir() -> Path:
    """User configuration (UNICORE site registry, NMPI collab)."""
    return _xdg("PORTASNN_CONFIG_DIR", "XDG_CONFIG_HOME", ".config")
