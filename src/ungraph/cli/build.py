"""``ungraph build`` and ``ungraph extract``."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..build import build_corpus
from ..extract import extract_file
from ..model import ReadError
from ..read import MAX_BYTES, discover


@click.command()
@click.argument("corpus", type=click.Path(exists=True, path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="Graph file to write; the format follows the extension (.ttl .nt .nq .trig .jsonld).")
@click.option("--validate/--no-validate", default=True, show_default=True,
              help="Check the graph against the SHACL shapes after writing it.")
@click.option("--errors", "errors_file", type=click.Path(path_type=Path),
              help="Also write the error report (every file not turned into a document) as JSON.")
@click.option("--max-bytes", type=int, default=MAX_BYTES, show_default=True,
              help="Refuse files larger than this.")
@click.option("-j", "--jobs", type=int, default=None, help="Worker processes (default: all cores for large corpora).")
@click.option("--strict", is_flag=True, help="Exit with status 1 when a file could not be read.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
def build(corpus: Path, output: Path, validate: bool, errors_file: Path | None, max_bytes: int,
          jobs: int | None, strict: bool, quiet: bool) -> None:
    """Read every document in CORPUS (a folder or one file) and write one graph.

    Every file ends up either in the graph or in the error report printed at the end.

    \b
    Example:
        ungraph build corpus -o ungraph.ttl
    """
    err = Console(stderr=True, soft_wrap=True)
    total = len(discover(corpus))
    try:
        with Progress(TextColumn("[bold]reading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      TextColumn("{task.description}"), console=err, disable=quiet, transient=True) as bar:
            task = bar.add_task("", total=total)
            report = build_corpus(corpus, output, validate=validate, max_bytes=max_bytes, jobs=jobs,
                                  progress=lambda name: bar.update(task, advance=1, description=name))
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    c = report.counts()
    out = Console(soft_wrap=True)
    out.print(f"wrote {output} ({c['triples']:,} triples)")
    kinds = [_many(c["resolutions"], "resolution"), _many(c["drafts"], "draft")]
    kinds += [_many(c[k], word) for k, word in (("decisions", "decision"), ("other", "other document")) if c[k]]
    out.print(f"{_many(c['documents'], 'document')} from {_many(c['files'], 'file')}: {', '.join(kinds)}, "
              f"{_many(c['paragraphs'], 'paragraph')}")
    out.print(f"{_many(c['recalls'], 'recall')}, {_many(c['cites'], 'citation')}, {_many(c['bodies'], 'body', 'bodies')}, "
              f"{_many(c['actions'], 'operative action')} addressing {_many(c['addressees'], 'body', 'bodies')}")
    if report.validation is not None:
        out.print(report.validation.one_line())
    shown = 20
    if report.warnings:
        err.print(f"notes from reading the documents ({len(report.warnings)}):")
        for file, w in report.warnings[:shown]:
            err.print(f"  {file}: {w}", markup=False, highlight=False)
        if len(report.warnings) > shown:
            err.print(f"  … and {len(report.warnings) - shown} more (`ungraph extract FILE` shows a document's)",
                      markup=False, highlight=False)
    if report.errors:
        err.print(f"[bold red]{len(report.errors)} file(s) not turned into a document:[/]")
        for e in report.errors:
            err.print(f"  {e.message}", markup=False, highlight=False)
    if errors_file:
        errors_file.write_text(json.dumps([{"file": e.file, "error": e.message} for e in report.errors],
                                          indent=2) + "\n")
    if strict and report.errors:
        sys.exit(1)


@click.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the document as JSON.")
def extract(file: Path, as_json: bool) -> None:
    """Show what was found in one document: metadata, references, bodies, actions.

    \b
    Example:
        ungraph extract corpus/A_RES_75_324.md
    """
    try:
        doc = extract_file(file)
    except ReadError as exc:
        raise click.ClickException(str(exc)) from exc
    from ..report import document_dict

    data = document_dict(doc)
    if as_json:
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    out = Console(soft_wrap=True)
    meta = Table(show_header=False, box=None)
    for key in ("file", "symbol", "kind", "organ", "title", "session", "agenda_item", "issued",
                "adopted", "meeting"):
        if data.get(key) is not None:
            meta.add_row(key, str(data[key]))
    if data["sponsors"]:
        meta.add_row("sponsors", ", ".join(data["sponsors"]))
    if data["based_on_reports"]:
        meta.add_row("on the report of", f"{data['recommended_by'] or '?'} ({', '.join(data['based_on_reports'])})")
    if data["vote"]:
        v = data["vote"]
        counts = [f"{v[k]} {label}" for k, label in (("in_favour", "in favour"), ("against", "against"),
                                                       ("abstaining", "abstaining")) if v[k] is not None]
        meta.add_row("vote", ", ".join([v["method"], *counts]))
    meta.add_row("concerns", ", ".join(b["name"] for b in data["concerns"]) or "-")
    meta.add_row("paragraphs", f"{data['preambular_paragraphs']} preambular, {len(data['operative'])} operative")
    out.print(meta)
    refs = Table(title="Resolutions referred to", title_justify="left")
    for col in ("relation", "symbol", "date", "as printed"):
        refs.add_column(col)
    for rel in ("recalls", "cites"):
        for r in data[rel]:
            refs.add_row(rel, r["symbol"], r["date"] or "", r["text"])
    out.print(refs)
    acts = Table(title="Operative actions", title_justify="left")
    for col in ("para", "verb", "addressees", "generic"):
        acts.add_column(col)
    for p in data["operative"]:
        for a in p["actions"]:
            if a["addressees"] or a["generic"]:
                acts.add_row(str(p["number"]), a["verb"], "; ".join(a["addressees"]), "; ".join(a["generic"]))
    out.print(acts)
    out.print(f"mentions ({len(data['mentions'])}): " + "; ".join(m["name"] for m in data["mentions"]))
    for w in data["warnings"]:
        Console(stderr=True).print(f"warning: {w}", markup=False)


def _many(n: int, word: str, plural: str | None = None) -> str:
    """"1 file", "2 files": a count and its noun."""
    return f"{n} {word if n == 1 else plural or word + 's'}"
