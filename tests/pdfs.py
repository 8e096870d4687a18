"""Real PDFs with a text layer, written by hand for the tests (no network, no extra package)."""
from __future__ import annotations


def _pdf_string(line: str) -> bytes:
    """A PDF literal string in WinAnsiEncoding (cp1252), with the required escapes."""
    out = bytearray(b"(")
    for byte in line.encode("cp1252"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif byte < 32 or byte > 126:
            out += b"\\%03o" % byte
        else:
            out.append(byte)
    return bytes(out + b")")


def make_pdf(pages: list[list[str] | None], *, startxref_offset: int = 0) -> bytes:
    """A valid PDF 1.4 with one page per entry: a list of text lines set in Helvetica
    (a text layer, as a word processor makes), or None for a page that is only an image
    (as a scanner makes). ``startxref_offset`` breaks the startxref pointer on purpose."""
    objects: list[bytes] = []          # object n is objects[n - 1]

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    def stream(content: bytes, extra: bytes = b"") -> bytes:
        return b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(content), extra, content)

    catalog = add(b"")                 # filled in once the page tree exists
    tree = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    image = add(stream(bytes(range(0, 256, 16)) * 16,
                       b" /Type /XObject /Subtype /Image /Width 16 /Height 16"
                       b" /ColorSpace /DeviceGray /BitsPerComponent 8"))
    kids = []
    for lines in pages:
        if lines is None:
            content = b"q 500 0 0 700 50 50 cm /Im1 Do Q"
        else:
            content = b"BT /F1 11 Tf 14 TL 72 740 Td\n" + b"".join(
                _pdf_string(line) + b" Tj T*\n" for line in lines) + b"ET"
        contents = add(stream(content))
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792]"
                        b" /Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >>"
                        b" /Contents %d 0 R >>" % (tree, font, image, contents)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, xref + startxref_offset)
    return bytes(out)
