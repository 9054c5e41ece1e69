#!/usr/bin/env python3
"""Writes the hostile inputs measured in docs/hostile-input.md into the directory given
(default: the current one). Standard library only; about 2.5 GB is compressed on the way, so
it takes a minute. Usage: python3 fuzz/bombs.py /tmp/bombs"""
import os
import sys
import zipfile
import zlib

out = sys.argv[1] if len(sys.argv) > 1 else "."
os.makedirs(out, exist_ok=True)
path = lambda name: os.path.join(out, name)


def docx(name, chunk, times):
    """A Word file whose word/document.xml is `chunk` written `times` times."""
    head = (b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
            b'openxmlformats.org/wordprocessingml/2006/main"><w:body>')
    with zipfile.ZipFile(path(name), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(head)
            for _ in range(times):
                f.write(chunk)
            f.write(b"</w:body></w:document>")


def pdf_file(name, objs):
    """A PDF of the object bodies `objs`, numbered from 1 (the catalog first)."""
    body, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, o in enumerate(objs):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offsets:
        body += b"%010d 00000 n \n" % o
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with open(path(name), "wb") as f:
        f.write(body)


def stream(dict_, data):
    return b"<< " + dict_ + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


def flate(chunks):
    c = zlib.compressobj(9)
    return b"".join(c.compress(chunk) for chunk in chunks) + c.flush()


def pdf(name, content_dict, chunks, forms=(), contents=b"4 0 R", content_filter=b"/FlateDecode"):
    """A one-page PDF whose content stream is the concatenation of `chunks` (Flate unless
    told), whose page names the form XObjects `forms` (their contents) X1, X2, ..."""
    data = flate(chunks) if content_filter == b"/FlateDecode" else b"".join(chunks)
    xobjects = b"".join(b"/X%d %d 0 R " % (i + 1, i + 6) for i in range(len(forms)))
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents " + contents
        + b" /Resources << /Font << /F1 5 0 R >> /XObject << " + xobjects + b">> >> >>",
        stream(content_dict + b" /Filter " + content_filter, data),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ] + [stream(b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Filter /FlateDecode",
                flate([f])) for f in forms]
    pdf_file(name, objs)


TEXT = b"BT /F1 12 Tf 72 712 Td (The Mayor said no.) Tj ET\n"
PARAGRAPH = b"<w:p><w:r><w:t>The Mayor said no.</w:t></w:r></w:p>" * 20000
OPS = b"0 0 m\n"
# 250 MB of valid XML in about 760 KB.
docx("bomb.docx", PARAGRAPH, 250 * 1024 * 1024 // len(PARAGRAPH))
# 2 GB of zeros in about 2 MB.
docx("zeros.docx", b"\0" * (1 << 20), 2048)
# A 2.1 GB Flate stream of spaces in about 2 MB.
pdf("bomb.pdf", b"", (b" " * (1 << 20) for _ in range(2100)))
# 2 MB of path operators in about 4 KB.
pdf("ops.pdf", b"", [TEXT, OPS * ((2 << 20) // len(OPS) - 20)])
# 60 MB of path operators in a content stream whose dictionary says it is an image.
pdf("image-ops.pdf", b"/Subtype /Image", [TEXT, OPS * ((60 << 20) // len(OPS))])
# 500 KB of path operators in about 1.4 KB: under the raw scan's floor.
pdf("small-ops.pdf", b"", [TEXT, OPS * (500000 // len(OPS))])
# A 20 KB form drawn 50,000 times by a page.
pdf("forms.pdf", b"", [b"/X1 Do\n" * 50000], forms=[TEXT + b" " * 20000])
# Ten forms, each drawing the next ten times.
pdf("laughs.pdf", b"", [b"/X1 Do"],
    forms=[b"/X%d Do\n" % (i + 2) * 10 for i in range(9)] + [TEXT])
# A form that draws itself.
pdf("loop.pdf", b"", [b"/X1 Do"], forms=[b"/X1 Do\n" + TEXT])
# One 100 KB content stream named 20,000 times in the page's /Contents.
pdf("contents.pdf", b"", [TEXT + b" " * 100000], contents=b"[" + b"4 0 R " * 20000 + b"]")
# 20 MB of spaces as run-length pairs inside a Flate stream.
pdf("runlength.pdf", b"", [flate([b"\x81 " * ((20 << 20) // 128)])],
    content_filter=b"[/FlateDecode /RunLengthDecode]")
# A 20 MB Flate bomb in hexadecimal digits.
pdf("hex.pdf", b"", [flate([b" " * (20 << 20)]).hex().encode()],
    content_filter=b"[/ASCIIHexDecode /FlateDecode]")
# 20,000 pages sharing one short content stream.
kids = b"".join(b"%d 0 R " % (i + 5) for i in range(20000))
pdf_file("pages.pdf", [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [" + kids + b"] /Count 20000 >>",
    stream(b"/Filter /FlateDecode", flate([TEXT])),
    b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
] + [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R"
     b" /Resources << /Font << /F1 4 0 R >> >> >>"] * 20000)
# A page that is its own parent, with neither resources nor a size of its own.
pdf_file("parent-loop.pdf", [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 3 0 R /Contents 4 0 R >>",
    stream(b"/Filter /FlateDecode", flate([TEXT])),
])
# A page tree 100,000 levels deep: each /Pages node the only kid of the one before.
deep = [b"<< /Type /Catalog /Pages 2 0 R >>"] + [
    b"<< /Type /Pages /Kids [%d 0 R] /Count 1 /Parent %d 0 R >>" % (i + 3, i + 1)
    for i in range(100000)]
pdf_file("deep-tree.pdf", deep + [
    b"<< /Type /Page /Parent 100001 0 R /MediaBox [0 0 612 792] /Contents 100003 0 R >>",
    stream(b"/Filter /FlateDecode", flate([TEXT]))])
# 150,000 nested elements.
with open(path("deep.html"), "w") as f:
    f.write("<!DOCTYPE html><html><body>" + "<div>" * 150000 + "<p>The Mayor said no.</p></body></html>")
with open(path("article.txt"), "w") as f:
    f.write("The Mayor said \u201cno\u201d on Monday, officials said.\n")
