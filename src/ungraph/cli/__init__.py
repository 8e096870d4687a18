"""The ``ungraph`` command line: a thin layer over the Python API, one module per task.

Each command turns library errors into one clear line and a non-zero exit status.
Commands are imported when they are called, so ``ungraph build`` does not pay for
NetworkX or pySHACL.
"""
from __future__ import annotations

import importlib

import click

from .. import __version__

# command name -> module in ungraph.cli that defines it
COMMANDS = {
    "build": "build", "extract": "build",
    "validate": "validate",
    "centrality": "analyze", "chain": "analyze", "export": "analyze",
    "query": "query", "push": "query", "serve": "query",
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        module = COMMANDS.get(name)
        if module is None:
            return None
        return getattr(importlib.import_module(f"{__name__}.{module}"), name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="ungraph")
def main() -> None:
    """Turn United Nations resolutions into a knowledge graph of UN cooperation with
    regional and other organizations.

    \b
    Example:
        ungraph build corpus -o ungraph.ttl
        ungraph centrality ungraph.ttl --organization ECO
    """
