"""Build a corpus: every file -> a document or an error, then one graph file.

>>> from pathlib import Path
>>> report = build_corpus(Path("corpus"), Path("/tmp/ungraph-doctest.ttl"), validate=False)  # doctest: +SKIP
"""
from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import rdf
from .extract import extract_file
from .gazetteer import load
from .model import Document, ReadError
from .read import MAX_BYTES, discover


@dataclass(frozen=True)
class FileError:
    file: str           # path relative to the corpus folder
    message: str        # one line, starts with the file name


@dataclass(frozen=True, slots=True)
class BuiltDocument:
    """What a build keeps of a document once its triples are written: the figures of the
    report and the document's share of the common triples. Workers send this back, not the
    document; :func:`extract_corpus` gives whole documents."""

    source_file: str
    kind: str                   # DocKind value
    paragraphs: int
    recalls: int
    cites: int
    actions: int
    addressees: int
    mentioned: frozenset[str]   # keys of the bodies its paragraphs name
    shared: rdf.SharedFacts
    warnings: tuple[str, ...] = ()   # what the reader doubted (Document.warnings)

    @property
    def symbol(self) -> str | None:
        return self.shared.symbol

    @classmethod
    def of(cls, doc: Document) -> BuiltDocument:
        actions = [a for p in doc.operative for a in p.actions]
        return cls(doc.source_file, doc.header.kind.value, len(doc.paragraphs),
                   len(doc.recalls()), len(doc.cites()), len(actions),
                   sum(len(a.addressees) for a in actions), frozenset(m.key for m in doc.mentions()),
                   rdf.shared_facts(doc), doc.warnings)


@dataclass
class BuildReport:
    """What a build read, wrote and could not read."""

    output: Path | None
    documents: list[BuiltDocument] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    triples: int = 0
    validation: object | None = None     # validate.ValidationReport when validated

    @property
    def files(self) -> int:
        return len(self.documents) + len(self.errors)

    @property
    def warnings(self) -> list[tuple[str, str]]:
        """(file, warning) for every doubt the reader noted on a document it did read."""
        return [(d.source_file, w) for d in self.documents for w in d.warnings]

    def counts(self) -> dict[str, int]:
        docs = self.documents
        return {
            "files": self.files,
            "documents": len(docs),
            "errors": len(self.errors),
            "resolutions": sum(d.kind == "resolution" for d in docs),
            "drafts": sum(d.kind == "draft_resolution" for d in docs),
            "decisions": sum(d.kind == "decision" for d in docs),
            "other": sum(d.kind not in ("resolution", "draft_resolution", "decision") for d in docs),
            "paragraphs": sum(d.paragraphs for d in docs),
            "recalls": sum(d.recalls for d in docs),
            "cites": sum(d.cites for d in docs),
            "bodies": len(set().union(*(d.mentioned for d in docs))),
            "actions": sum(d.actions for d in docs),
            "addressees": sum(d.addressees for d in docs),
            "triples": self.triples,
        }


@dataclass(frozen=True)
class _Result:
    file: str
    document: Document | BuiltDocument | None    # whole when extracting, summed up when building
    error: str | None
    chunk: bytes = b""       # the document's triples, serialized in the worker
    triples: int = 0


def _extract_one(args: tuple[str, str, int, str | None]) -> _Result:
    path, rel, max_bytes, suffix = args
    try:
        doc = extract_file(Path(path), max_bytes=max_bytes)
    except ReadError as exc:
        return _Result(rel, None, str(exc))
    except Exception as exc:  # a bug must not sink the rest of the corpus; report it per file
        return _Result(rel, None, f"{Path(path).name}: internal error while extracting "
                                  f"({type(exc).__name__}: {exc})")
    if suffix is None:
        return _Result(rel, doc, None)
    # sending whole documents to the main process (pickled, then unpickled) cost a tenth of the build's CPU
    chunk, count = rdf.document_chunk(doc, rdf.FORMATS[suffix])
    return _Result(rel, BuiltDocument.of(doc), None, chunk, count)


def _start_worker() -> None:
    load()
    gc.freeze()     # the gazetteer lives as long as the worker: keep the collector off it


@contextmanager
def _collector_paused() -> Iterator[None]:
    """What was read piles up while a corpus is read, and Python's cyclic collector walks all
    of it again and again (when whole documents were kept: 20 of the 28 s the main process
    spent on 18,000 of them, and 5 s for each full pass after). It holds no reference
    cycles: collection waits until the corpus is read, and what was read is then frozen
    out of the collector's sight (refcounting still frees it when it is dropped)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _results(corpus: Path, max_bytes: int, jobs: int | None, suffix: str | None) -> Iterator[_Result]:
    """Results in file order (the pool keeps the order of its input)."""
    corpus = Path(corpus)
    files = discover(corpus)
    base = corpus if corpus.is_dir() else corpus.parent
    tasks = [(str(f), str(f.relative_to(base)), max_bytes, suffix) for f in files]
    jobs = jobs if jobs is not None else (min(os.cpu_count() or 1, 8) if len(tasks) >= 64 else 1)
    with _collector_paused():
        if jobs > 1:
            with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker) as pool:
                yield from pool.map(_extract_one, tasks, chunksize=8)
        else:
            for task in tasks:
                yield _extract_one(task)


def extract_corpus(corpus: Path, *, max_bytes: int = MAX_BYTES, jobs: int | None = None,
                   progress: Callable[[str], None] | None = None) -> tuple[list[Document], list[FileError]]:
    """Extract every file of a corpus folder (or one file). Each file ends up a document or an error."""
    docs: list[Document] = []
    errors: list[FileError] = []
    seen: dict[str, str] = {}
    for result in _results(corpus, max_bytes, jobs, None):
        _collect(result, docs, errors, seen)
        if progress:
            progress(result.file)
    return docs, errors


def _collect(result: _Result, docs: list[Document] | list[BuiltDocument], errors: list[FileError],
             seen: dict[str, str]) -> bool:
    """Keep a result as a document or an error; True when it is kept as a document.

    Two files with the same symbol would be one node: the first is kept, the other reported."""
    if result.document is None:
        errors.append(FileError(result.file, result.error or f"{Path(result.file).name}: unknown error"))
        return False
    doc = result.document
    sym = doc.symbol
    if sym and sym in seen:
        errors.append(FileError(result.file, f"{doc.source_file}: same symbol {sym} as {seen[sym]}; "
                                             "only the first file is in the graph"))
        return False
    if sym:
        seen[sym] = doc.source_file
    docs.append(doc)
    return True


def build_corpus(corpus: Path, output: Path, *, validate: bool = True, max_bytes: int = MAX_BYTES,
                 jobs: int | None = None, progress: Callable[[str], None] | None = None) -> BuildReport:
    """Extract a corpus, write its graph to ``output`` (format from the extension), validate it.

    Documents are extracted and serialized in worker processes and written in file order as
    they come, so the graph never has to be held whole in memory."""
    output = Path(output)
    fmt = rdf.rdf_format(output)  # fail before the work if the extension is unknown
    docs: list[BuiltDocument] = []
    errors: list[FileError] = []
    seen: dict[str, str] = {}
    report = BuildReport(output, docs, errors)
    output.parent.mkdir(parents=True, exist_ok=True)
    if rdf.streams(fmt):
        with output.open("wb") as out:
            out.write(rdf.header(fmt))
            for result in _results(corpus, max_bytes, jobs, output.suffix.lower()):
                if _collect(result, docs, errors, seen):
                    out.write(result.chunk)
                    report.triples += result.triples
                if progress:
                    progress(result.file)
            shared = rdf.shared_triples((d.shared for d in docs), load())
            out.write(rdf.chunk_bytes(shared, fmt))
            report.triples += len(shared)
    else:
        whole: list[Document] = []
        for result in _results(corpus, max_bytes, jobs, None):
            _collect(result, whole, errors, seen)
            if progress:
                progress(result.file)
        docs += map(BuiltDocument.of, whole)
        report.triples = rdf.write_chunks(rdf.corpus_chunks(whole, load(), (d.shared for d in docs)), output)
    errors.sort(key=lambda e: e.file)
    if validate:   # the file just written, loaded straight into the embedded store
        from .validate import validate_graph

        report.validation = validate_graph(output)
    return report
