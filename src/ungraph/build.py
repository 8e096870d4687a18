"""Build a corpus: every file -> a document or an error, then one graph file.

>>> from pathlib import Path
>>> report = build_corpus(Path("corpus"), Path("/tmp/ungraph-doctest.ttl"), validate=False)  # doctest: +SKIP
"""
from __future__ import annotations

import os
from collections.abc import Callable
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


@dataclass
class BuildReport:
    """What a build read, wrote and could not read."""

    output: Path | None
    documents: list[Document] = field(default_factory=list)
    errors: list[FileError] = field(default_factory=list)
    triples: int = 0
    validation: object | None = None     # validate.ValidationSummary when validated

    @property
    def files(self) -> int:
        return len(self.documents) + len(self.errors)

    def counts(self) -> dict[str, int]:
        docs = self.documents
        return {
            "files": self.files,
            "documents": len(docs),
            "errors": len(self.errors),
            "resolutions": sum(d.header.kind.value == "resolution" for d in docs),
            "drafts": sum(d.header.kind.value == "draft_resolution" for d in docs),
            "paragraphs": sum(len(d.paragraphs) for d in docs),
            "recalls": sum(len(d.recalls()) for d in docs),
            "cites": sum(len(d.cites()) for d in docs),
            "bodies": len({m.key for d in docs for m in d.mentions()}),
            "actions": sum(len(p.actions) for d in docs for p in d.operative),
            "addressees": sum(len(a.addressees) for d in docs for p in d.operative for a in p.actions),
            "triples": self.triples,
        }


def _extract_one(args: tuple[str, str, int]) -> tuple[str, Document | None, str | None]:
    path, rel, max_bytes = args
    try:
        return rel, extract_file(Path(path), max_bytes=max_bytes), None
    except ReadError as exc:
        return rel, None, str(exc)
    except Exception as exc:  # a bug must not sink the rest of the corpus; report it per file
        return rel, None, f"{Path(path).name}: internal error while extracting ({type(exc).__name__}: {exc})"


def extract_corpus(corpus: Path, *, max_bytes: int = MAX_BYTES, jobs: int | None = None,
                   progress: Callable[[str], None] | None = None) -> tuple[list[Document], list[FileError]]:
    """Extract every file of a corpus folder (or one file). Each file ends up a document or an error."""
    corpus = Path(corpus)
    files = discover(corpus)
    base = corpus if corpus.is_dir() else corpus.parent
    tasks = [(str(f), str(f.relative_to(base)), max_bytes) for f in files]
    jobs = jobs if jobs is not None else (min(os.cpu_count() or 1, 8) if len(tasks) >= 64 else 1)
    docs: list[Document] = []
    errors: list[FileError] = []

    def collect(result):
        rel, doc, err = result
        if doc is not None:
            docs.append(doc)
        else:
            errors.append(FileError(rel, err or f"{Path(rel).name}: unknown error"))
        if progress:
            progress(rel)

    if jobs > 1:
        with ProcessPoolExecutor(max_workers=jobs, initializer=load) as pool:
            for result in pool.map(_extract_one, tasks, chunksize=16):
                collect(result)
    else:
        for task in tasks:
            collect(_extract_one(task))
    _disambiguate_symbols(docs, errors)
    return docs, errors


def _disambiguate_symbols(docs: list[Document], errors: list[FileError]) -> None:
    """Two files with the same symbol would be one node: keep the first, report the other."""
    seen: dict[str, str] = {}
    keep = []
    for d in sorted(docs, key=lambda d: d.source_file):
        sym = d.header.symbol
        if sym and sym in seen:
            errors.append(FileError(d.source_file, f"{d.source_file}: same symbol {sym} as {seen[sym]}; "
                                    "only the first file is in the graph"))
            continue
        if sym:
            seen[sym] = d.source_file
        keep.append(d)
    docs[:] = keep


def build_corpus(corpus: Path, output: Path, *, validate: bool = True, max_bytes: int = MAX_BYTES,
                 jobs: int | None = None, progress: Callable[[str], None] | None = None) -> BuildReport:
    """Extract a corpus, write its graph to ``output`` (format from the extension), validate it."""
    rdf.rdf_format(output)  # fail before the work if the extension is unknown
    docs, errors = extract_corpus(corpus, max_bytes=max_bytes, jobs=jobs, progress=progress)
    docs.sort(key=lambda d: d.source_file)
    report = BuildReport(output, docs, sorted(errors, key=lambda e: e.file))
    report.triples = rdf.write_chunks(rdf.corpus_chunks(docs, load()), output)
    if validate:
        from .validate import validate_triples

        report.validation = validate_triples(rdf.read(output))
    return report
