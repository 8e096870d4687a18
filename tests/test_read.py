"""Tests of stage 1, ``ungraph.read``: real files on disk, real PDFs, no mocks."""
from __future__ import annotations

import io
import logging
import os
import random
import time
from pathlib import Path

import pytest

from ungraph.model import ReadError
from ungraph.read import MAX_BYTES, SUFFIXES, discover, read_text

from pdfs import make_pdf

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

# Real paragraphs of A/RES/75/12 (the curly quotes and the en dash exercise WinAnsiEncoding).
UN_PARAGRAPHS = [
    "The General Assembly,",
    "Recalling its resolution 54/5 of 8 October 1999, by which it granted observer",
    "status to the Black Sea Economic Cooperation Organization, as well as its previous",
    "resolutions on cooperation between the United Nations and the Black Sea Economic",
    "Cooperation Organization, including resolution 73/13 of 26 November 2018,",
]
UN_PAGE_2 = [
    "Reaffirming its resolution 70/1 of 25 September 2015, entitled \u201cTransforming",
    "our world: the 2030 Agenda for Sustainable Development\u201d, and its resolution 69/313",
    "of 27 July 2015 on the Addis Ababa Action Agenda (pages 1\u20132) (sic),",
]
UN_PAGE_3 = [
    "1. Welcomes the activities of the Black Sea Economic Cooperation Organization",
    "aimed at strengthening regional cooperation in various fields;",
]


# ----------------------------------------------------------------------------- PDF helper

def encrypt(pdf: bytes, user_password: str, owner_password: str = "owner") -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    # RC4 works with pypdf alone (AES would need the optional 'cryptography' package).
    writer.encrypt(user_password=user_password, owner_password=owner_password, algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


@pytest.fixture()
def un_pdf() -> bytes:
    return make_pdf([UN_PARAGRAPHS, UN_PAGE_2, UN_PAGE_3])


def write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8", newline="")
    else:
        path.write_bytes(data)
    return path


def read_error(path: Path, **kw) -> str:
    with pytest.raises(ReadError) as info:
        read_text(path, **kw)
    message = str(info.value)
    assert message.startswith(path.name + ":"), message
    assert "\n" not in message, message
    return message


# ----------------------------------------------------------------------------- corpus

CORPUS_FILES = sorted(p for p in CORPUS.iterdir() if p.is_file() and not p.name.startswith("."))


def test_corpus_is_there():
    assert len(CORPUS_FILES) >= 20


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_file_reads_and_keeps_its_content(path: Path):
    text = read_text(path)
    raw = path.read_bytes().decode("utf-8-sig")
    assert text == raw.replace("\r\n", "\n").replace("\r", "\n")
    assert "\r" not in text
    organ = "Security Council" if path.name.startswith("S_") else "The General Assembly"
    assert organ in text


def test_discover_corpus_lists_all_of_it():
    assert discover(CORPUS) == CORPUS_FILES


# ----------------------------------------------------------------------------- text files

def test_utf8_text_with_crlf_and_cr_newlines(tmp_path: Path):
    path = write(tmp_path, "a.txt", "The General Assembly,\r\n\r\nRecalling\rits resolution 54/5\n")
    assert read_text(path) == "The General Assembly,\n\nRecalling\nits resolution 54/5\n"


def test_text_is_not_cleaned(tmp_path: Path):
    raw = "  75/12.\tCooperation \u00a0 \n\n\fpage 2 \u2013 \u201cquoted\u201d  \n"
    assert read_text(write(tmp_path, "a.md", raw)) == raw


@pytest.mark.parametrize("suffix", SUFFIXES[:-1])
def test_every_text_suffix_is_read(tmp_path: Path, suffix: str):
    assert read_text(write(tmp_path, "doc" + suffix, "Decides to remain seized of the matter.")) \
        == "Decides to remain seized of the matter."


def test_suffix_is_case_insensitive(tmp_path: Path):
    assert read_text(write(tmp_path, "A_RES_75_12.TXT", "The General Assembly,")) == "The General Assembly,"


def test_utf8_bom_is_stripped(tmp_path: Path):
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + "The General Assembly, \u201cRecalling\u201d".encode())
    assert read_text(path) == "The General Assembly, \u201cRecalling\u201d"


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, codec: str):
    text = "The General Assembly,\r\n\r\nRecalling its resolution 70/1, entitled \u201cTransforming our world\u201d"
    data = text.encode(codec)
    if codec != "utf-16":          # the plain codec writes its own BOM
        data = "\ufeff".encode(codec) + data
    assert read_text(write(tmp_path, "u16.txt", data)) == text.replace("\r\n", "\n")


def test_utf32_with_bom(tmp_path: Path):
    assert read_text(write(tmp_path, "u32.txt", "Notes \u00e9t\u00e9".encode("utf-32"))) == "Notes \u00e9t\u00e9"


def test_cp1252_smart_quotes(tmp_path: Path):
    text = "Reaffirming its resolution 70/1, entitled \u201cTransforming our world\u201d \u2013 the State\u2019s r\u00f4le\r\n"
    path = write(tmp_path, "cp.txt", text.encode("cp1252"))
    with pytest.raises(UnicodeDecodeError):
        path.read_bytes().decode("utf-8")      # really not UTF-8
    assert read_text(path) == text.replace("\r\n", "\n")


def test_empty_file(tmp_path: Path):
    assert read_error(write(tmp_path, "empty.txt", b"")) == "empty.txt: empty file"


def test_whitespace_only_file(tmp_path: Path):
    assert read_error(write(tmp_path, "blank.md", " \n\t\r\n  \f\n")) == "blank.md: empty file"


def test_whitespace_only_utf16_file(tmp_path: Path):
    assert read_error(write(tmp_path, "blank.txt", " \n \n".encode("utf-16"))) == "blank.txt: empty file"


def test_binary_file_with_nul_bytes(tmp_path: Path):
    data = bytes(random.Random(7).randrange(256) for _ in range(4096)) + b"\x00"
    message = read_error(write(tmp_path, "random.txt", data))
    assert "binary file, not text" in message and "NUL" in message


def test_binary_file_without_nul_bytes(tmp_path: Path):
    rng = random.Random(11)
    data = bytes(rng.choice([b for b in range(1, 256) if b not in b"\x81\x8d\x8f\x90\x9d"])
                 for _ in range(4096))
    message = read_error(write(tmp_path, "random.md", data))
    assert "binary file, not text" in message and "control characters" in message


def test_pdf_named_as_text(tmp_path: Path, un_pdf: bytes):
    assert "this is a PDF file" in read_error(write(tmp_path, "A_RES_75_12.txt", un_pdf))


def test_a_few_stray_control_characters_are_kept(tmp_path: Path):
    text = "The General Assembly,\x07\n" + "Recalling its resolution 54/5. " * 20 + "\x1a"
    assert read_text(write(tmp_path, "stray.txt", text)) == text


def test_invalid_utf16_after_bom(tmp_path: Path):
    data = b"\xff\xfe" + "abc".encode("utf-16-le") + b"\x00\xd8"   # lone high surrogate
    assert "UTF-16" in read_error(write(tmp_path, "bad16.txt", data))


def test_file_over_the_limit_fails_fast(tmp_path: Path):
    path = write(tmp_path, "big.txt", b"The General Assembly,\n" * (10 * 1024 * 1024 // 22 + 1))
    assert path.stat().st_size > 10 * 1024 * 1024
    start = time.perf_counter()
    message = read_error(path)
    assert time.perf_counter() - start < 0.5
    assert message == ("big.txt: 10.5 MB is larger than the 5.0 MB limit for one document "
                       "(use --max-bytes to raise it)")
    assert MAX_BYTES == 5_000_000


def test_max_bytes_can_be_raised_and_lowered(tmp_path: Path):
    path = write(tmp_path, "doc.txt", "x" * 2000)
    assert read_text(path, max_bytes=2000) == "x" * 2000
    message = read_error(path, max_bytes=1999)
    assert "2.0 kB is larger than the 2.0 kB limit" in message


def test_pdf_over_the_limit(tmp_path: Path, un_pdf: bytes):
    message = read_error(write(tmp_path, "doc.pdf", un_pdf), max_bytes=100)
    assert "is larger than the 100 bytes limit" in message


# ----------------------------------------------------------------------------- not readable

@pytest.mark.parametrize("name", ["A_RES_75_12.docx", "data.json", "page.html", "scan.png", "README"])
def test_unknown_suffix(tmp_path: Path, name: str):
    message = read_error(write(tmp_path, name, "The General Assembly,"))
    for suffix in SUFFIXES:
        assert suffix in message
    assert ("unsupported file type" in message) or ("no suffix" in message)


def test_directory(tmp_path: Path):
    (tmp_path / "folder.txt").mkdir()
    assert read_error(tmp_path / "folder.txt") == "folder.txt: is a folder, not a file"


def test_missing_file(tmp_path: Path):
    assert read_error(tmp_path / "gone.txt") == "gone.txt: no such file"


def test_broken_symlink(tmp_path: Path):
    link = tmp_path / "link.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    assert "broken symbolic link" in read_error(link)


def test_symlink_to_a_file_is_read(tmp_path: Path):
    target = write(tmp_path, "target.txt", "The General Assembly,")
    (tmp_path / "link.txt").symlink_to(target)
    assert read_text(tmp_path / "link.txt") == "The General Assembly,"


def test_fifo_is_refused_without_blocking(tmp_path: Path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert read_error(fifo) == "pipe.txt: not a regular file"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path: Path):
    path = write(tmp_path, "secret.txt", "The General Assembly,")
    path.chmod(0)
    try:
        assert "permission denied" in read_error(path)
    finally:
        path.chmod(0o644)


# ----------------------------------------------------------------------------- PDF

def test_pdf_helper_makes_a_valid_pdf(un_pdf: bytes):
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(un_pdf), strict=True)
    assert len(reader.pages) == 3


def test_pdf_pages_in_order_each_ended_by_a_form_feed(tmp_path: Path, un_pdf: bytes):
    text = read_text(write(tmp_path, "A_RES_75_12.pdf", un_pdf))
    *pages, end = text.split("\f")
    assert len(pages) == 3 and end == ""
    for page, lines in zip(pages, [UN_PARAGRAPHS, UN_PAGE_2, UN_PAGE_3]):
        assert [line.strip() for line in page.strip().split("\n")] == lines
    assert "\u201cTransforming" in pages[1] and "Development\u201d" in pages[1]
    assert text.index("The General Assembly") < text.index("Reaffirming") < text.index("1. Welcomes")
    assert "\r" not in text


def test_pdf_suffix_is_case_insensitive(tmp_path: Path, un_pdf: bytes):
    assert "The General Assembly" in read_text(write(tmp_path, "SCAN.PDF", un_pdf))


def test_truncated_pdf(tmp_path: Path, un_pdf: bytes):
    message = read_error(write(tmp_path, "cut.pdf", un_pdf[: len(un_pdf) // 2]))
    assert "truncated or corrupt PDF" in message


def test_corrupt_pdf(tmp_path: Path):
    data = b"%PDF-1.7\n" + bytes(random.Random(3).randrange(256) for _ in range(2000)) + b"\n%%EOF\n"
    message = read_error(write(tmp_path, "garbage.pdf", data))
    assert "truncated or corrupt PDF" in message


def test_pdf_with_wrong_xref_pointer_is_repaired_quietly(tmp_path: Path, capfd, caplog):
    path = write(tmp_path, "sloppy.pdf", make_pdf([UN_PARAGRAPHS, UN_PAGE_2], startxref_offset=7))
    with caplog.at_level(logging.DEBUG, logger="ungraph.read"):
        text = read_text(path)
    assert text.split("\f")[0].startswith("The General Assembly,")
    out, err = capfd.readouterr()
    assert out == "" and err == ""                      # no pypdf warning on the terminal
    assert any("pypdf" in r.getMessage() for r in caplog.records if r.name == "ungraph.read")


def test_html_saved_as_pdf(tmp_path: Path):
    message = read_error(write(tmp_path, "download.pdf", "<!DOCTYPE html><html><body>Not found</body></html>"))
    assert "not a PDF file" in message and "<!DOCTYPE html>" in message


def test_scanned_pdf_without_text_layer(tmp_path: Path):
    message = read_error(write(tmp_path, "scan.pdf", make_pdf([None, None])))
    assert message == "scan.pdf: PDF has no text layer (scanned?); run OCR first"


def test_pdf_with_one_scanned_page_keeps_the_others(tmp_path: Path):
    text = read_text(write(tmp_path, "mixed.pdf", make_pdf([UN_PARAGRAPHS, None, UN_PAGE_3])))
    first, scanned, last, end = text.split("\f")
    assert end == ""
    assert first.startswith("The General Assembly,") and scanned.strip() == ""
    assert last.startswith("1. Welcomes")


def test_encrypted_pdf_needing_a_password(tmp_path: Path, un_pdf: bytes):
    message = read_error(write(tmp_path, "locked.pdf", encrypt(un_pdf, "secret")))
    assert "encrypted PDF" in message and "password" in message


def test_pdf_encrypted_with_empty_user_password_is_read(tmp_path: Path, un_pdf: bytes):
    path = write(tmp_path, "owner_only.pdf", encrypt(un_pdf, ""))
    assert read_text(path) == read_text(write(tmp_path, "plain.pdf", un_pdf))


def test_empty_pdf(tmp_path: Path):
    assert read_error(write(tmp_path, "empty.pdf", b"")) == "empty.pdf: empty file"


# ----------------------------------------------------------------------------- discover

def test_discover_returns_every_file_sorted_and_skips_hidden(tmp_path: Path):
    files = ["b.txt", "a.md", "notes.docx", "data.json", "README",
             "sub/z.pdf", "sub/deeper/x.TXT", "sub-2/y.txt"]
    hidden = [".DS_Store", ".hidden.txt", ".git/config", "sub/.cache/c.txt", "sub/.secret.md"]
    for rel in files + hidden:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("The General Assembly,")
    (tmp_path / "empty-folder").mkdir()
    found = discover(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in found] == [
        "README", "a.md", "b.txt", "data.json", "notes.docx",
        "sub/deeper/x.TXT", "sub/z.pdf", "sub-2/y.txt"]
    assert all(p.is_absolute() == tmp_path.is_absolute() for p in found)


def test_discover_lists_broken_symlinks_so_they_get_reported(tmp_path: Path):
    (tmp_path / "dead.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)   # not followed
    found = discover(tmp_path)
    assert found == [tmp_path / "dead.txt"]
    with pytest.raises(ReadError, match="broken symbolic link"):
        read_text(found[0])


def test_discover_single_file(tmp_path: Path):
    path = write(tmp_path, "one.txt", "x")
    assert discover(path) == [path]


def test_discover_missing_folder(tmp_path: Path):
    with pytest.raises(ReadError, match="no such folder"):
        discover(tmp_path / "nope")


def test_discover_empty_folder(tmp_path: Path):
    assert discover(tmp_path) == []
