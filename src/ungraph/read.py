"""Stage 1 of the pipeline: one input file -> its raw text.

:func:`read_text` turns a ``.txt``/``.md`` file or a PDF into a string, or raises
:class:`~ungraph.model.ReadError` with a one-line message that starts with the file
name and says what is wrong. Nothing is cleaned here beyond decoding and newline
normalisation (``\\r\\n`` and ``\\r`` become ``\\n``); later stages do the rest.
Each PDF page ends with a form feed (``\\f``), as in pdftotext's output.

:func:`discover` lists every file of a corpus folder, also those that cannot be read,
so that the build can report each of them instead of silently skipping it.
"""
from __future__ import annotations

import io
import logging
import os
import re
import stat
from pathlib import Path

from .model import ReadError

__all__ = ["SUFFIXES", "TEXT_SUFFIXES", "MAX_BYTES", "read_text", "discover"]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
SUFFIXES = TEXT_SUFFIXES + (".pdf",)
MAX_BYTES = 5_000_000   # resolutions are under 1 MB; a larger file is refused, not half-read

log = logging.getLogger(__name__)

# Control characters (Unicode category Cc) except \t \n \v \f \r, which text legitimately contains.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
_BOMS_UTF32 = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
_BOMS_UTF16 = (b"\xff\xfe", b"\xfe\xff")


# ---------------------------------------------------------------------------- public

def read_text(path: Path, *, max_bytes: int = MAX_BYTES) -> str:
    """Raw text of a .txt/.md file or of a PDF (each page ended by "\\f"). Raises ReadError."""
    path = Path(path)
    name = path.name or str(path)
    st = _stat_regular_file(path, name)

    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        what = f"unsupported file type {suffix!r}" if suffix else "file has no suffix"
        raise ReadError(f"{name}: {what}; supported: {', '.join(SUFFIXES)}")

    if st.st_size > max_bytes:
        raise ReadError(_too_large(name, st.st_size, max_bytes))
    data = _read_bytes(path, name, max_bytes)
    if not data.strip():
        raise ReadError(f"{name}: empty file")

    if suffix == ".pdf":
        text = _pdf_text(data, name)
    else:
        text = _decode_text(data, name)
        if not text.strip():
            raise ReadError(f"{name}: empty file")
    return _normalise_newlines(text)


def discover(corpus: Path) -> list[Path]:
    """Every regular file under `corpus` (recursively, sorted, hidden files and folders skipped).

    All of them are returned — also files with unknown suffixes — so that the build can
    report each one it cannot read instead of silently skipping it. Symbolic links to files
    (and broken ones, which :func:`read_text` then reports) are listed too; symbolic links
    to folders are not followed, so a link loop cannot make the walk endless. A path that
    names a single file is returned as the only entry.
    """
    corpus = Path(corpus)
    if corpus.is_file():
        return [corpus]
    if not corpus.is_dir():
        what = "not a folder" if corpus.exists() else "no such folder"
        raise ReadError(f"{corpus}: {what}")

    def fail(err: OSError) -> None:
        raise ReadError(f"{err.filename}: cannot list folder ({err.strerror or err})")

    found: list[Path] = []
    for folder, dirs, files in os.walk(corpus, onerror=fail, followlinks=False):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        base = Path(folder)
        for f in files:
            if not f.startswith("."):
                found.append(base / f)
    # Sort by path components so that "a/b.txt" < "a-b.txt" is decided part by part.
    return sorted(found, key=lambda p: p.relative_to(corpus).parts)


# ---------------------------------------------------------------------------- files

def _stat_regular_file(path: Path, name: str) -> os.stat_result:
    try:
        st = path.stat()            # follows symlinks
    except FileNotFoundError:
        if path.is_symlink():
            raise ReadError(f"{name}: broken symbolic link (points to {os.readlink(path)!r})") from None
        raise ReadError(f"{name}: no such file") from None
    except PermissionError:
        raise ReadError(f"{name}: cannot read file (permission denied)") from None
    except OSError as err:
        raise ReadError(f"{name}: cannot read file ({err.strerror or err})") from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(f"{name}: is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        # FIFOs, sockets, devices: reading them could block or never end.
        raise ReadError(f"{name}: not a regular file")
    return st


def _read_bytes(path: Path, name: str, max_bytes: int) -> bytes:
    try:
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)   # never more than the limit, even if the file grew
    except PermissionError:
        raise ReadError(f"{name}: cannot read file (permission denied)") from None
    except OSError as err:
        raise ReadError(f"{name}: cannot read file ({err.strerror or err})") from None
    if len(data) > max_bytes:       # the file grew after it was measured
        raise ReadError(_too_large(name, len(data), max_bytes))
    return data


def _too_large(name: str, size: int, limit: int) -> str:
    return (f"{name}: {_size(size)} is larger than the {_size(limit)} limit for one document "
            f"(use --max-bytes to raise it)")


def _size(n: int) -> str:
    if n >= 100_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.1f} kB"
    return f"{n} bytes"


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# ---------------------------------------------------------------------------- text

def _decode_text(data: bytes, name: str) -> str:
    """UTF-8 (BOM stripped), else UTF-16/32 when its BOM is present, else cp1252; binary is refused."""
    if data.startswith(_BOMS_UTF32):
        text = _decode_bom(data, "utf-32", name)
    elif data.startswith(_BOMS_UTF16):
        text = _decode_bom(data, "utf-16", name)
    else:
        if data.lstrip()[:5] == b"%PDF-":
            raise ReadError(f"{name}: this is a PDF file, not text; give it the suffix .pdf")
        if b"\x00" in data:
            raise ReadError(f"{name}: binary file, not text (found NUL bytes)")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("cp1252")
            except UnicodeDecodeError as err:
                raise ReadError(
                    f"{name}: binary file, not text (neither UTF-8 nor cp1252: "
                    f"byte 0x{data[err.start]:02x} at offset {err.start})") from None
            log.debug("%s: not valid UTF-8, decoded as cp1252", name)
    _refuse_binary(text, name)
    return text


def _decode_bom(data: bytes, codec: str, name: str) -> str:
    try:
        return data.decode(codec)   # the codec reads and drops the BOM
    except UnicodeDecodeError as err:
        raise ReadError(f"{name}: has a {codec.upper()} byte-order mark but is not valid "
                        f"{codec.upper()} ({err.reason} at offset {err.start})") from None


def _refuse_binary(text: str, name: str) -> None:
    if "\x00" in text:
        raise ReadError(f"{name}: binary file, not text (found NUL characters)")
    controls = len(_CONTROLS.findall(text))
    # A stray control character or two happens in real text (copied from a PDF, a ^Z at
    # the end); a few percent of them only happens in binary data read as text.
    if controls > max(4, len(text) // 100):
        raise ReadError(f"{name}: binary file, not text "
                        f"({controls} control characters in {len(text)} characters)")


# ---------------------------------------------------------------------------- PDF

class _PypdfToDebug(logging.Handler):
    """pypdf reports every robustness fix it applies as a WARNING on its own loggers, which
    would spam the terminal (through logging's last-resort handler when nothing is set up).
    They are re-logged here at DEBUG on this module's logger: visible with ``-v``/debug
    logging, silent otherwise. Problems that matter become a ReadError instead."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            log.debug("pypdf (%s): %s", record.name, record.getMessage())
        except Exception:   # pragma: no cover - a bad pypdf message must not break reading
            self.handleError(record)


def _route_pypdf_logging() -> None:
    pypdf_log = logging.getLogger("pypdf")
    if not any(isinstance(h, _PypdfToDebug) for h in pypdf_log.handlers):
        pypdf_log.addHandler(_PypdfToDebug())
    pypdf_log.propagate = False


_route_pypdf_logging()


def _pdf_text(data: bytes, name: str) -> str:
    try:
        import pypdf
        from pypdf.errors import DependencyError, FileNotDecryptedError
    except ImportError:  # pragma: no cover - pypdf is a declared dependency
        raise ReadError(f"{name}: reading PDF needs the 'pypdf' package (pip install pypdf)") from None

    head = data[:1024]
    if b"%PDF-" not in head:
        start = head.lstrip()[:20].decode("latin-1")
        raise ReadError(f"{name}: not a PDF file (no %PDF- header; it starts with {start!r})")
    # A PDF ends with %%EOF (maybe followed by a little padding). Without it the file was cut
    # short, and pypdf's lenient mode would quietly return the pages it could still find.
    eof = data.rfind(b"%%EOF")
    if eof < 0 or len(data[eof + 5:].strip(b" \t\r\n\x00")) > 1024:
        raise ReadError(f"{name}: truncated or corrupt PDF: no %%EOF marker at the end "
                        f"(was the download cut short?)")

    # pypdf raises many kinds of exceptions on malformed input (PdfReadError, but also
    # KeyError, ValueError, RecursionError, ...), so anything it raises while parsing is
    # reported as a corrupt file rather than crashing the build.
    try:
        reader = pypdf.PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _decrypt(reader, name)
        pages = list(reader.pages)
    except ReadError:
        raise
    except (FileNotDecryptedError, DependencyError) as err:
        raise ReadError(f"{name}: encrypted PDF cannot be opened ({_one_line(err)})") from None
    except Exception as err:
        raise ReadError(f"{name}: truncated or corrupt PDF: {_one_line(err)}") from None
    if not pages:
        raise ReadError(f"{name}: PDF has no pages")

    texts = []
    for number, page in enumerate(pages, 1):
        try:
            # Plain mode, not extraction_mode="layout". Compared on a UN-style resolution
            # (A/RES/75/12 typeset like the originals: symbol and date flush right, justified
            # paragraphs, italic opening words, footnotes), both modes gave the same words in
            # the same order; layout mode only added padding (runs of up to 129 spaces to
            # push the header items right, widened justified lines, ~10% more characters)
            # and took twice as long. Plain mode gives running text like the corpus .txt.
            texts.append(page.extract_text() or "")
        except Exception as err:
            raise ReadError(f"{name}: truncated or corrupt PDF: page {number}: {_one_line(err)}") from None
    if not any(t.strip() for t in texts):
        raise ReadError(f"{name}: PDF has no text layer (scanned?); run OCR first")
    empty = [str(i) for i, t in enumerate(texts, 1) if not t.strip()]
    if empty:
        log.info("%s: no text on page(s) %s of %d", name, ", ".join(empty), len(texts))
    return "".join(t + "\f" for t in texts)     # each page ends with a form feed, as pdftotext writes


def _decrypt(reader, name: str) -> None:
    """Open a PDF that is encrypted with an empty user password (owner-only protection,
    common on published documents); one that needs a password is refused."""
    from pypdf import PasswordType

    if reader.decrypt("") == PasswordType.NOT_DECRYPTED:
        raise ReadError(f"{name}: encrypted PDF needs a password to open; "
                        f"save an unprotected copy first")


def _one_line(err: BaseException) -> str:
    msg = " ".join(str(err).split()) or type(err).__name__
    return msg if len(msg) <= 200 else msg[:197] + "..."
