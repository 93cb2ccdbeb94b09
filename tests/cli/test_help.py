"""Every command shows an example in --help and every option says what it does (issue 13 item 9)."""
from __future__ import annotations

import click
import pytest

from portasnn.cli import cli, main


def _commands():
    ctx = click.Context(cli)
    for name in cli.list_commands(ctx):
        cmd = cli.get_command(ctx, name)
        yield name, cmd
        for sub_name, sub in getattr(cmd, "commands", {}).items():
            yield f"{name} {sub_name}", sub


@pytest.mark.parametrize("name,cmd", list(_commands()), ids=lambda x: x if isinstance(x, str) else "")
def test_help_has_an_example_and_every_option_a_description(name, cmd, capsys):
    group = bool(getattr(cmd, "commands", None))
    if not group and " " not in name:
        assert "Example" in (cmd.help or ""), f"portasnn {name} --help shows no example"
    undocumented = [p.name for p in cmd.params if isinstance(p, click.Option) and not p.help and p.name != "help"]
    assert not undocumented, f"portasnn {name}: options without a description: {undocumented}"
    assert main([*name.split(), "--help"]) == 0
    assert "Usage:" in capsys.readouterr().out


def test_shell_completion_as_documented(tmp_path):
    """The README's completion line works: bash completes 'portasnn ru' to 'run'."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "COMP_WORDS": "portasnn ru", "COMP_CWORD": "1", "_PORTASNN_COMPLETE": "bash_complete"}
    done = subprocess.run([sys.executable, "-m", "portasnn.cli"], capture_output=True, text=True, env=env, timeout=60)
    assert "plain,run" in done.stdout.splitlines()
