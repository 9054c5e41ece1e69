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


def pdf(name, content_dict, chunks):
    """A one-page PDF whose content stream is the concatenation of `chunks`, Flate."""
    c = zlib.compressobj(9)
    stream = b"".join(c.compress(chunk) for chunk in chunks) + c.flush()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< " + content_dict + b" /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream)
        + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
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
# 150,000 nested elements.
with open(path("deep.html"), "w") as f:
    f.write("<!DOCTYPE html><html><body>" + "<div>" * 150000 + "<p>The Mayor said no.</p></body></html>")
with open(path("article.txt"), "w") as f:
    f.write("The Mayor said \u201cno\u201d on Monday, officials said.\n")
