"""The ``ungraph`` command line: a thin layer over the Python API, one module per task.

Each command turns library errors into one clear line and a non-zero exit status.
"""
from __future__ import annotations

import click

from .. import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="ungraph")
def main() -> None:
    """Turn United Nations resolutions into a knowledge graph of UN cooperation with
    regional and other organizations.

    \b
    Example:
        ungraph build corpus -o ungraph.ttl
    """


def _register() -> None:
    from . import build as build_cmd

    main.add_command(build_cmd.build)
    main.add_command(build_cmd.extract)
    # further commands are registered below, one module each
    for name in ("validate", "analyze", "query"):
        try:
            module = __import__(f"{__name__}.{name}", fromlist=["COMMANDS"])
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{name}":
                raise
            continue
        for command in module.COMMANDS:
            main.add_command(command)


_register()
