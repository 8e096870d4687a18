"""``ungraph query``, ``ungraph push`` and ``ungraph serve``: SPARQL for researchers."""
from __future__ import annotations

import re
from pathlib import Path

import click

from ..query import (DEFAULT_TIMEOUT, FORMATTERS, EmbeddedStore, Endpoint, QueryError, RdflibStore, bind,
                     bindings_for, resolve, run, saved_queries)

DEFAULT_GRAPH = Path("ungraph.ttl")


def _param(value: str) -> tuple[str, str]:
    if "=" not in value:
        raise click.ClickException(f"bad parameter {value!r}: write --param NAME=VALUE")
    name, _, val = value.partition("=")
    return name.strip(), val


def _list_queries() -> None:
    queries = saved_queries()
    if not queries:
        click.echo("no saved queries found (set UNGRAPH_QUERIES to the folder of .rq files)")
        return
    width = max(len(n) for n in queries)
    for name, q in queries.items():
        params = " ".join(f"{p.name}={p.default}" for p in q.params)
        first = re.split(r"(?<=[?.])\s", q.question, maxsplit=1)[0]
        click.echo(f"{name.ljust(width)}  {first}" + (f"  [{params}]" if params else ""))


@click.command()
@click.argument("query", required=False)
@click.option("-g", "--graph", type=click.Path(path_type=Path), default=None,
              help=f"Graph file to query with the embedded store [default: {DEFAULT_GRAPH}].")
@click.option("-e", "--endpoint", metavar="URL",
              help="Query a remote SPARQL endpoint instead (Oxigraph .../query, Fuseki .../DATASET/query, "
                   "Virtuoso .../sparql).")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a parameter declared in the query's header; repeat for several values.")
@click.option("-f", "--format", "fmt", type=click.Choice(sorted(FORMATTERS)), default="table", show_default=True,
              help="Output format.")
@click.option("--store", "store_kind", type=click.Choice(["oxigraph", "rdflib"]), default="oxigraph",
              show_default=True, help="Local store: embedded pyoxigraph, or rdflib's in-memory graph.")
@click.option("--timeout", type=float, default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds to wait for a remote endpoint.")
@click.option("--graph-iri", metavar="IRI", help="Remote: query this named graph as the default graph.")
@click.option("--show", is_flag=True, help="Print the SPARQL that would run (parameters bound) and stop.")
@click.option("-l", "--list", "list_", is_flag=True, help="List the saved queries and their parameters.")
def query(query: str | None, graph: Path | None, endpoint: str | None, params: tuple[str, ...], fmt: str,
          store_kind: str, timeout: float, graph_iri: str | None, show: bool, list_: bool) -> None:
    """Run a SPARQL query: a saved query's NAME, a QUERY.rq file, or SPARQL text.

    Parameters are bound as RDF terms in a VALUES block, never pasted into the text, and the
    same rows come out of the embedded store, rdflib and a remote endpoint.

    \b
    Examples:
        ungraph query --list
        ungraph query most-invited-agencies --graph ungraph.ttl
        ungraph query recalled-by -p symbol=A/RES/48/2 -f csv
        ungraph query verbs-toward-body -p body=UNCTAD --endpoint http://localhost:7878/query
        ungraph query "SELECT (COUNT(*) AS ?n) WHERE { ?d a ung:Resolution }"
    """
    if list_:
        return _list_queries()
    if not query:
        raise click.UsageError("give a saved query NAME, a .rq file or SPARQL text (ungraph query --list)")
    if graph is not None and endpoint:
        raise click.UsageError("give either --graph or --endpoint, not both")
    if graph_iri and not endpoint:
        raise click.UsageError("--graph-iri applies to --endpoint only")
    given = [_param(p) for p in params]
    try:
        q = resolve(query)
        if endpoint:
            backend = Endpoint(endpoint, timeout=timeout, default_graph=graph_iri)
        else:
            path = graph or DEFAULT_GRAPH
            if not path.is_file():
                hint = (" (build one with `ungraph build corpus -o ungraph.ttl`, or pass --graph / --endpoint)"
                        if graph is None else "")
                raise click.ClickException(f"{path}: no such graph file{hint}")
            backend = RdflibStore(path) if store_kind == "rdflib" else EmbeddedStore(path)
        if show:    # body names are looked up in the graph, so --show needs it too
            click.echo(bind(q.text, bindings_for(q, given, backend)))
            return
        result = run(backend, q, given)
    except QueryError as exc:
        raise click.ClickException(str(exc)) from exc
    except (FileNotFoundError, ValueError) as exc:
        raise click.ClickException(" ".join(str(exc).split())) from exc
    click.echo(FORMATTERS[fmt](result).rstrip("\n"))


@click.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--store", "store_url", metavar="URL",
              help="Graph Store Protocol URL (Oxigraph http://HOST:7878/store, Fuseki .../DATASET/data).")
@click.option("--update", "update_url", metavar="URL",
              help="SPARQL Update endpoint (Oxigraph .../update, Fuseki .../DATASET/update): INSERT DATA batches.")
@click.option("--graph-iri", metavar="IRI", help="Named graph to write [default: the default graph].")
@click.option("--replace", is_flag=True, help="Replace the graph's content instead of adding to it.")
@click.option("--batch-size", type=click.IntRange(min=1), default=None,
              help="Triples per request [default: 100000 for --store, 10000 for --update].")
@click.option("--query-endpoint", metavar="URL",
              help="Where to count the triples after the push [default: guessed from the URL].")
@click.option("--timeout", type=float, default=120, show_default=True, help="Seconds to wait for each request.")
def push(graph: Path, store_url: str | None, update_url: str | None, graph_iri: str | None, replace: bool,
         batch_size: int | None, query_endpoint: str | None, timeout: float) -> None:
    """Send GRAPH to a triple store, in batches, and print how many triples it holds after.

    Without --replace the triples are added to what the graph already holds (a triple the
    store has already is not duplicated); with --replace the graph holds exactly GRAPH.

    \b
    Examples:
        oxigraph serve --location store --bind 127.0.0.1:7878 &
        ungraph push ungraph.ttl --store http://127.0.0.1:7878/store --replace
        ungraph push ungraph.ttl --update http://127.0.0.1:7878/update \\
            --graph-iri https://w3id.org/ungraph/id/graph/2025
    """
    from ..push import push as push_graph

    if (store_url is None) == (update_url is None):
        raise click.UsageError("give exactly one of --store URL or --update URL")
    try:
        report = push_graph(graph, store_url=store_url, update_url=update_url, graph_iri=graph_iri,
                            replace=replace, batch_size=batch_size, query_endpoint=query_endpoint,
                            timeout=timeout)
    except QueryError as exc:
        raise click.ClickException(str(exc)) from exc
    except (FileNotFoundError, ValueError) as exc:
        raise click.ClickException(" ".join(str(exc).split())) from exc
    click.echo(report.one_line())


@click.command()
@click.argument("graph", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (keep 127.0.0.1 unless colleagues must reach it).")
@click.option("-q", "--quiet", is_flag=True, help="Do not log each request on stderr.")
def serve(graph: Path, port: int, host: str, quiet: bool) -> None:
    """Serve GRAPH as a read-only SPARQL endpoint, with a query page for the browser.

    SPARQL 1.1 Protocol at /sparql (also /query), GET or POST, JSON results by default;
    the page at / lists the saved queries.

    \b
    Example:
        ungraph serve ungraph.ttl --port 8000
        ungraph query most-invited-agencies --endpoint http://127.0.0.1:8000/sparql
    """
    from ..serve import make_server

    try:
        server = make_server(graph, host, port)
        server.verbose = not quiet
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise click.ClickException(" ".join(str(exc).split())) from exc
    click.echo(f"serving {graph.name} ({server.triples:,} triples) at {server.url} "
               f"(SPARQL endpoint {server.url}sparql); Ctrl+C to stop", err=False)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


COMMANDS = [query, push, serve]
