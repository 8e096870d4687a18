"""Docs drift: every command is documented in the README with its options, its help ends
with an example, and ``python -m ungraph`` is the same program."""
from __future__ import annotations

import re
import subprocess
import sys

import click
import pytest

from ungraph.cli import COMMANDS, main

from conftest import ROOT

README = (ROOT / "README.md").read_text()


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_help_ends_with_an_example(name):
    command = main.get_command(None, name)
    assert command is not None
    assert re.search(r"Example[s]?:?\s*\n(?:.*\n)*?\s*(?:\$ )?ungraph " + name, command.help + "\n"), name


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_is_documented_in_the_readme(name):
    assert re.search(rf"ungraph {name}\b", README), f"`ungraph {name}` is not in the README"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_is_documented_in_the_readme(name):
    command = main.get_command(None, name)
    undocumented = []
    for param in command.params:
        if isinstance(param, click.Option) and not param.hidden:
            if not any(opt in README for opt in param.opts):
                undocumented.append(param.opts[0])
    assert undocumented == [], f"options of `ungraph {name}` missing from the README: {undocumented}"


def test_python_dash_m_is_the_same_program():
    out = subprocess.run([sys.executable, "-m", "ungraph", "--help"], capture_output=True, text=True, check=True)
    for name in COMMANDS:
        assert name in out.stdout


def test_the_program_keeps_its_exit_status_and_output(tmp_path):
    """`ungraph` ends with os._exit (freeing a large store object by object takes seconds):
    what a command printed and its exit status must survive that."""
    def ungraph(*args):
        return subprocess.run([sys.executable, "-m", "ungraph", *args], capture_output=True, text=True)

    missing = ungraph("validate", str(tmp_path / "absent.ttl"))
    assert missing.returncode == 2
    assert "absent.ttl: no such graph file" in missing.stderr
    built = ungraph("build", "corpus/A_RES_75_324.md", "-o", str(tmp_path / "g.ttl"), "--no-validate", "-q")
    assert built.returncode == 0, built.stderr
    assert built.stdout.startswith(f"wrote {tmp_path / 'g.ttl'} (")
    bad_option = ungraph("build", "--no-such-option")
    assert bad_option.returncode == 2 and "No such option" in bad_option.stderr
