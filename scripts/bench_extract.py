"""Which library reads our PDFs and Word files best: quality on Kazakh Cyrillic, and speed.

    python scripts/bench_extract.py [--repeat N]

Pages are separated by a form feed, as mappings/reflow.py expects. Inputs are tests/fixtures/formats/*.pdf and *.docx (made by scripts/make_format_fixtures.py
with LibreOffice and python-docx from the *.source.txt beside them). For each library:
- character error rate (CER): Levenshtein distance between the extracted text and the source,
  white space collapsed (line breaks are layout), divided by the source length; the PDF's
  running header, page numbers and hyphens count as errors for every library alike;
- Kazakh letters kept: of the source's ә ғ қ ң ө ұ ү һ і (either case), the share found;
- list markers kept: of the source's numbered-item lines ("1)", "2."), the share whose line
  starts with the same marker in the extraction;
- paragraphs recovered: after mappings/reflow.py, the share of the source's lines (paragraphs,
  headings, list items) found as whole lines in the result;
- time: seconds per run over all files, and as a ratio to the fastest library of its kind.
Needs the bench extra: pip install -e ".[bench]".
"""
from __future__ import annotations

import argparse
import io
import re
import time
from collections import Counter
from pathlib import Path

from rapidfuzz.distance import Levenshtein

FOLDER = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "formats"
KAZAKH = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
ITEM = re.compile(r"^\d{1,2}[.)](?=\s)")


def pypdf_text(data: bytes) -> str:
    import pypdf
    return "\f".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages)


def pdfplumber_text(data: bytes) -> str:
    import pdfplumber
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return "\f".join(p.extract_text() or "" for p in pdf.pages)


def pymupdf_text(data: bytes) -> str:
    import pymupdf
    with pymupdf.open(stream=data, filetype="pdf") as doc:
        return "\f".join(p.get_text() for p in doc)


def pypdfium2_text(data: bytes) -> str:
    import pypdfium2 as pdfium
    pdf = pdfium.PdfDocument(data)
    try:
        # PDFium writes a line-end hyphen as \x02.
        return "\f".join(page.get_textpage().get_text_range().replace("\x02", "-") for page in pdf)
    finally:
        pdf.close()


def project_pdf_text(data: bytes) -> str:
    from dissertation_kg.mappings.extract import pdf
    return pdf.extract(data, "bench.pdf").text


def python_docx_text(data: bytes) -> str:
    import docx
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def docx2python_text(data: bytes) -> str:
    from docx2python import docx2python
    from docx2python.iterators import iter_paragraphs
    with docx2python(io.BytesIO(data)) as result:
        return "\n".join(p.replace("\t", " ") for p in iter_paragraphs(result.body) if p.strip())


def project_docx_text(data: bytes) -> str:
    from dissertation_kg.mappings.extract import docx
    return docx.extract(data, "bench.docx").text


LIBRARIES = {
    "pdf": {"pypdf": pypdf_text, "pdfplumber": pdfplumber_text, "PyMuPDF": pymupdf_text,
            "pypdfium2": pypdfium2_text, "pypdfium2 + line geometry (ours)": project_pdf_text},
    "docx": {"python-docx (paragraphs)": python_docx_text, "docx2python": docx2python_text,
             "python-docx + numbering (ours)": project_docx_text},
}


def flat(s: str) -> str:
    return " ".join(s.split())


def recovered(source: str, got: str, laid_out: bool) -> float:
    from dissertation_kg.mappings import reflow, text
    lines = set(text.clean(reflow.reflow(got, laid_out=laid_out, breaks_known=laid_out and "\n\n" in got)).split("\n"))
    want = [line for line in source.split("\n") if line.strip()]
    return sum(line in lines for line in want) / len(want)


def scores(source: str, got: str) -> tuple[float, float, float]:
    cer = Levenshtein.distance(flat(source), flat(got)) / len(flat(source))
    want, have = Counter(c for c in source if c in KAZAKH), Counter(c for c in got if c in KAZAKH)
    kazakh = sum(min(n, have[c]) for c, n in want.items()) / sum(want.values()) if want else float("nan")
    markers = [m.group() for line in source.split("\n") if (m := ITEM.match(line))]
    got_markers = Counter(m.group() for line in got.split("\n") if (m := ITEM.match(line.strip())))
    kept = sum(min(n, got_markers[k]) for k, n in Counter(markers).items()) / max(1, len(markers))
    return cer, kazakh, kept


def _mean(values: list[float]) -> float:
    known = [v for v in values if v == v]      # files without Kazakh letters have no share
    return sum(known) / len(known)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    for kind, libraries in LIBRARIES.items():
        files = sorted(FOLDER.glob(f"*.{kind}"))
        files = [f for f in files if (FOLDER / f"{f.stem}.source.txt").exists()]
        rows = []
        for name, fn in libraries.items():
            quality = []
            for f in files:
                source, got = (FOLDER / f"{f.stem}.source.txt").read_text(encoding="utf-8"), fn(f.read_bytes())
                quality.append(scores(source, got) + (recovered(source, got, kind == "pdf"),))
            blobs = [f.read_bytes() for f in files]
            start = time.perf_counter()
            for _ in range(args.repeat):
                for b in blobs:
                    fn(b)
            seconds = (time.perf_counter() - start) / args.repeat
            rows.append((name, *(_mean([q[k] for q in quality]) for k in range(4)), seconds))
        fastest = min(r[5] for r in rows)
        print(f"\n{kind}: {len(files)} files ({', '.join(f.name for f in files)}), {args.repeat} runs")
        print("| library | CER | Kazakh letters kept | list markers kept | paragraphs recovered | s per run | time ÷ fastest |")
        print("|---|---:|---:|---:|---:|---:|---:|")
        for name, cer, kk, kept, para, s in rows:
            print(f"| {name} | {cer:.4f} | {kk:.4f} | {kept:.3f} | {para:.3f} | {s:.4f} | {s / fastest:.1f} |")


if __name__ == "__main__":
    main()
