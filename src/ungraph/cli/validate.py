"""``ungraph validate``: check a graph against the SHACL shapes."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from ..validate import ENGINES, FORMATS, ValidationError, render, validate_graph


@click.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-s", "--shapes", "extra_shapes", multiple=True, type=click.Path(path_type=Path),
              help="Extra SHACL shapes file, checked along with the project's shapes (repeatable).")
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True,
              help="text: summary by rule, then each result with its document and paragraph; "
                   "turtle: the standard sh:ValidationReport; html: a page to read in a browser; "
                   "json: every result as data.")
@click.option("-e", "--engine", type=click.Choice(ENGINES), default="auto", show_default=True,
              help="SHACL engine: sparql (the shapes compiled to SPARQL and run on the whole graph "
                   "in the embedded store; the fastest), pyshacl (the reference) or turbo (pyshacl-turbo); "
                   "auto is sparql unless a shapes file needs a feature it does not translate.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the report to this file instead of the standard output.")
@click.option("--limit", type=click.IntRange(min=0), default=20, show_default=True,
              help="Results shown per rule in text and html (0: all); json and turtle list all.")
@click.option("--no-project-shapes", is_flag=True,
              help="Check only the --shapes files, not the project's own shapes.")
def validate(graph: Path, extra_shapes: tuple[Path, ...], fmt: str, engine: str, output: Path | None,
             limit: int, no_project_shapes: bool) -> None:
    """Check GRAPH (a file written by `ungraph build`) against the SHACL shapes.

    Each result names the rule, its severity, the node, property and value at fault, and
    the document, paragraph and words it concerns. Exit status: 0 when no violation is
    found (warnings and info may remain), 1 when there is a violation, 2 when the graph or a
    shapes file cannot be read.

    \b
    Example:
        ungraph validate ungraph.ttl --format html -o report.html
    """
    if no_project_shapes and not extra_shapes:
        raise click.UsageError("--no-project-shapes needs at least one --shapes file")
    try:
        report = validate_graph(graph, extra_shapes, engine, project_shapes=not no_project_shapes)
        text = render(report, fmt, limit=limit if fmt in ("text", "html") else 0)
    except ValidationError as exc:
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    if output:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            click.echo(f"Error: {output}: cannot be written ({exc.strerror or exc})", err=True)
            sys.exit(2)
        click.echo(f"{graph}: {report.one_line()}; report written to {output}")
    else:
        click.echo(text, nl=False)
    sys.exit(0 if report.conforms else 1)


COMMANDS = [validate]
