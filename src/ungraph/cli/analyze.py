"""``ungraph centrality``, ``ungraph chain`` and ``ungraph export``: thin layers over
:mod:`ungraph.analyze` and :mod:`ungraph.export`.

Rows go to standard output (table, CSV or JSON); notes on method and data errors go to
standard error, so ``--format csv > file.csv`` stays clean.
"""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click
from rich.console import Console
from rich.table import Table

from .. import analyze
from .. import export as exporter
from .. import networks as nets
from ..store import open_graph

OUTPUT = click.Choice(["table", "csv", "json"])


def _open(graph: Path):
    try:
        return open_graph(graph)
    except (FileNotFoundError, ValueError) as exc:
        raise click.ClickException(f"{exc}; build one with: ungraph build CORPUS -o {graph}") from exc


def _note(message: str) -> None:
    click.echo(message, err=True)


def _emit(rows: list[dict], fmt: str, table: Table | None = None) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, ensure_ascii=False))
    elif fmt == "csv":
        if rows:
            w = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]), lineterminator="\n")
            w.writeheader()
            w.writerows(rows)
    else:
        # a pipe or file gets the whole table, not 80 columns of it
        Console(highlight=False, width=None if sys.stdout.isatty() else 200).print(table)


def _selection_options(f):
    f = click.option("--drafts", is_flag=True, help="Also draw on draft resolutions (left out by default: "
                     "a draft and its resolution would count twice).")(f)
    f = click.option("--sessions", metavar="RANGE",
                     help="Only documents of these GA sessions: 75, 70-79, 70-, 70,72,75-77.")(f)
    f = click.option("--organization", "-O", metavar="NAME",
                     help="Only documents concerning this organization (acronym or name, any case).")(f)
    return f


@click.command()
@click.argument("graph", type=click.Path(path_type=Path))
@_selection_options
@click.option("--verb", "verbs", multiple=True, metavar="VERB",
              help="Only operative actions with this verb (repeatable): invites, requests, 'calls upon'...")
@click.option("--network", type=click.Choice(["coaddressees", "actions", "organizations"]),
              default="coaddressees", show_default=True,
              help="Network the centrality is computed in: bodies addressed in the same paragraph, "
                   "documents -> bodies, or organizations -> bodies.")
@click.option("--by", type=click.Choice(list(analyze.SORT_KEYS)), default="pagerank", show_default=True,
              help="Measure to rank by.")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, help="Rows to show.")
@click.option("--all", "show_all", is_flag=True, help="Show every body (overrides --top).")
@click.option("--format", "fmt", type=OUTPUT, default="table", show_default=True)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of sampled betweenness.")
@click.option("--backend", type=click.Choice(["auto", "networkx", "igraph"]), default="auto", show_default=True)
def centrality(graph: Path, organization, sessions, drafts, verbs, network, by, top, show_all, fmt, seed,
               backend) -> None:
    """Rank the bodies the resolutions address by degree, weighted degree, betweenness,
    eigenvector and PageRank, with the resolutions and organizations behind each.

    By default the network is the co-addressee network: two bodies are linked when one
    operative paragraph addresses both, weighted by the number of such paragraphs.

    \b
    Examples:
        ungraph centrality ungraph.ttl --top 10
        ungraph centrality ungraph.ttl --organization ECO --sessions 70-79 --verb invites
        ungraph centrality ungraph.ttl --by betweenness --format csv > bodies.csv
    """
    store = _open(graph)
    try:
        ranking = analyze.rank_bodies(store, network=network, organization=organization, sessions=sessions,
                                      verbs=list(verbs) or None, drafts=drafts, by=by,
                                      top=None if show_all else top, backend=backend, seed=seed)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    rows = ranking.as_dicts()
    table = Table(title=f"Bodies by {by} ({network} network: {ranking.nodes} nodes, {ranking.edges} edges; "
                        f"{ranking.selection})", title_justify="left")
    for col, justify in (("#", "right"), ("body", "left"), ("kind", "left"), ("degree", "right"),
                         ("weighted", "right"), ("betweenness", "right"), ("eigenvector", "right"),
                         ("pagerank", "right"), ("resolutions", "right"), ("orgs", "right")):
        table.add_column(col, justify=justify, no_wrap=col != "body")
    for r in ranking:
        table.add_row(str(r.rank), r.label, r.kind, str(r.degree), f"{r.weighted_degree:g}", f"{r.betweenness:.4f}",
                      f"{r.eigenvector:.4f}", f"{r.pagerank:.4f}", str(r.resolutions), str(r.organizations))
    _emit(rows, fmt, table)
    if not rows:
        _note("no body is addressed by the selected documents")
    _note(ranking.note)


@click.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.argument("symbol", required=False)
@click.option("--longest", type=click.IntRange(min=1), is_flag=False, flag_value=10, default=None,
              metavar="[N]", help="The N longest chains of the corpus (default 10).")
@click.option("--cites", is_flag=True, help="Also follow citations, not only recalls.")
@click.option("--drafts", is_flag=True, help="Also start from draft resolutions.")
@click.option("--format", "fmt", type=OUTPUT, default="table", show_default=True)
def chain(graph: Path, symbol: str | None, longest: int | None, cites: bool, drafts: bool, fmt: str) -> None:
    """The chain of resolutions SYMBOL recalls, each recalling the next, back to the
    earliest known one; or, with --longest, the longest chains of the corpus.

    Recalls of a later-dated resolution and cycles of recalls are data errors: they are
    reported (on standard error) and never followed.

    \b
    Examples:
        ungraph chain ungraph.ttl A/RES/77/15
        ungraph chain ungraph.ttl 77/15 --format json
        ungraph chain ungraph.ttl --longest 5
    """
    if (symbol is None) == (longest is None):
        raise click.UsageError("give either a SYMBOL or --longest [N]")
    store = _open(graph)
    if symbol is not None:
        try:
            found = analyze.chain(store, symbol, cites=cites, drafts=drafts)
        except KeyError as exc:
            raise click.ClickException(f"{exc.args[0]}; is it a document of the corpus or a resolution "
                                       "a document recalls?") from exc
        rows = [dict(step=i, **_link_row(link)) for i, link in enumerate(found.links)]
        table = Table(title=f"{found.start.symbol}: {found.steps} recall(s) back to {found.end.symbol}"
                            + (f" ({found.end.date})" if found.end.date else ""), title_justify="left")
        for col in ("step", "symbol", "adopted", "session", "in corpus", "title"):
            table.add_column(col, no_wrap=col != "title")
        for r in rows:
            table.add_row(str(r["step"]), r["symbol"], r["date"], _session(r["session"]),
                          "yes" if r["in_corpus"] else "", r["title"])
        _emit(rows if fmt != "json" else [found.as_dict()], fmt, table)
        errors = found.errors
    else:
        chains, errors = analyze.longest(store, longest, cites=cites, drafts=drafts)
        rows = [{"rank": i, "steps": c.steps, "start": c.start.symbol, "start_date": c.start.date,
                 "end": c.end.symbol, "end_date": c.end.date, "chain": " > ".join(c.symbols())}
                for i, c in enumerate(chains, start=1)]
        table = Table(title=f"Longest chains of recalls ({len(chains)})", title_justify="left")
        for col in ("#", "recalls", "adopted", "back to", "chain"):
            table.add_column(col, no_wrap=col != "chain")
        for r in rows:
            table.add_row(str(r["rank"]), str(r["steps"]), r["start_date"], r["end_date"], r["chain"])
        _emit(rows if fmt != "json" else [c.as_dict() for c in chains], fmt, table)
    for e in errors:
        _note(f"data error ({e.kind}): {e.message}")


def _link_row(link: analyze.Link) -> dict:
    return {"symbol": link.symbol, "date": link.date, "session": link.session, "in_corpus": link.in_corpus,
            "title": link.title}


def _session(s: int) -> str:
    return "" if s < 0 else str(s)


@click.command()
@click.argument("graph", type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), required=True,
              help="File to write (.gexf, .graphml, .json), or folder for csv (nodes.csv, edges.csv).")
@click.option("--format", "fmt", type=click.Choice(list(exporter.FORMATS)), default=None,
              help="Format; by default from the extension of OUTPUT (none: csv).")
@click.option("--network", type=click.Choice(list(nets.NETWORKS)), default="recalls", show_default=True,
              help="recalls: documents -> resolutions; actions: documents -> bodies addressed; "
                   "coaddressees: bodies addressed together; organizations: organizations -> bodies.")
@_selection_options
@click.option("--verb", "verbs", multiple=True, metavar="VERB",
              help="Only operative actions with this verb (actions networks; repeatable).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of sampled betweenness.")
@click.option("--backend", type=click.Choice(["auto", "networkx", "igraph"]), default="auto", show_default=True)
def export(graph: Path, output: Path, fmt, network, organization, sessions, drafts, verbs, seed, backend) -> None:
    """Write a network of GRAPH for Gephi: labels, node kind and colour, centrality,
    session and date on nodes and edges (GEXF plays them on Gephi's timeline).

    \b
    Examples:
        ungraph export ungraph.ttl --network recalls -o recalls.gexf
        ungraph export ungraph.ttl --network organizations --format graphml -o orgs.graphml
        ungraph export ungraph.ttl --network coaddressees --format csv -o coaddressees/
        ungraph export ungraph.ttl --network actions --verb invites -o invites.json
    """
    store = _open(graph)
    try:
        done = exporter.export(store, output, format=fmt, network=network, organization=organization,
                               sessions=sessions, verbs=list(verbs) or None, drafts=drafts, backend=backend,
                               seed=seed)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from exc
    click.echo(f"wrote {', '.join(done.files)} ({done.format}): {network} network, {done.nodes} nodes, "
               f"{done.edges} edges; {done.selection}")
    _note(done.note)


COMMANDS = [centrality, chain, export]
