"""An old binary Word document (.doc, Word 97–2003): read by `antiword`, the Debian tool made
for it (`apt-get install antiword`), in UTF-8 and without its line wrapping, then through the
same reader as a printout antiword made (mappings/extract/antiword.py: picture marks, table
borders, footnote marks).

Why a program and not a Python library: no well-kept Python package reads the Word 97 binary
format (python-docx and docx2python read only .docx; the ones that read .doc call antiword or
catdoc themselves). Without antiword the file is refused with what to install, or how to
convert it to .docx.

Automatic list numbers are Word's numbering, not the text, and antiword does not print them:
a list arrives as unmarked lines after its introduction ("… the following tasks were set:"),
which the list reader takes as items in order.
"""
from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile

from ..errors import MappingError
from . import Extracted, antiword

MEDIA_TYPE = "application/msword"
_TIMEOUT = 60   # seconds: antiword reads a 100-page .doc in well under one


def extract(data: bytes, source: str) -> Extracted:
    program = shutil.which("antiword")
    if program is None:
        raise MappingError(source, "this is an old binary Word .doc, and antiword, which reads it, is not installed",
                           f"install antiword (apt-get install antiword), or convert the file: "
                           f"soffice --headless --convert-to docx {source}")
    with tempfile.TemporaryDirectory(prefix="dkg-doc-") as tmp:
        path = os.path.join(tmp, "document.doc")
        with open(path, "wb") as f:
            f.write(data)
        try:
            run = subprocess.run([program, "-m", "UTF-8.txt", "-w", "0", path], capture_output=True,
                                 timeout=_TIMEOUT, env={**os.environ, "LC_ALL": "C.UTF-8"})
        except subprocess.TimeoutExpired as exc:
            raise MappingError(source, f"antiword did not finish reading this .doc in {_TIMEOUT} s",
                               f"convert it: soffice --headless --convert-to docx {source}") from exc
    if run.returncode != 0 or not run.stdout.strip():
        said = " ".join(run.stderr.decode("utf-8", "replace").replace(path, source).split())[:200]
        raise MappingError(source, f"antiword could not read this OLE file as a Word document ({said or 'no text'})",
                           f"if it is a Word file, convert it: soffice --headless --convert-to docx {source}")
    text = antiword.text(run.stdout.decode("utf-8", "replace"))
    return Extracted(text, MEDIA_TYPE, "antiword", _version(program))


@functools.lru_cache(maxsize=4)
def _version(program: str) -> str:
    # antiword prints its version only in its usage text, on stderr, with exit status 1 (asked
    # once a process: a corpus of .doc files would otherwise run it twice a file)
    usage = subprocess.run([program, "-h"], capture_output=True, timeout=10).stderr.decode("utf-8", "replace")
    for line in usage.splitlines():
        if line.strip().startswith("Version:"):
            return line.split(":", 1)[1].split()[0]
    return "unknown"
