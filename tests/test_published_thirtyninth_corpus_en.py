"""The English third of the thirty-ninth held-out corpus (tests/fixtures/published-39/, issue #10):
a cosmetology PhD abstract (PDF), an actuarial science master's thesis abstract (a Wayback Machine
capture of the university's page saved as text) and a glass technology PhD abstract (Markdown
made from the PDF by the `marker` converter). Its answer keys say what the documents say, in the
first corpus's format. The files are read with pypdfium2 and plain text reading, never with the
mappers: the corpus measures them, so nothing here may depend on what they do. (The mix of the
whole corpus is checked when the three language parts are merged; the mappers' floors are added
after the corpus has been measured.)
"""
from __future__ import annotations

import re
from datetime import date

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, key_of, pdf_pages)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-39"
COSMETOLOGY = CORPUS / "en-cosmetology-phd.pdf"
WAYBACK = CORPUS / "en-actuarial-science-masters.txt"
MARKER = CORPUS / "en-glass-technology-phd.md"
DOCUMENTS = [WAYBACK, COSMETOLOGY, MARKER]
FLOOR = 1600


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").split())


def test_the_english_part_is_what_the_brief_asks_for():
    """Three English documents: a PhD abstract in PDF, a master's thesis abstract (7M code,
    scientific supervisor) in text, a PhD abstract in Markdown; fields cosmetology, actuarial
    science and glass technology; complete (tasks, novelty, provisions, publications)."""
    keys = {p: _key(p) for p in DOCUMENTS}
    assert all(p.exists() for p in DOCUMENTS)
    assert sorted(p.name for p in CORPUS.glob("en-*") if p.suffix in (".pdf", ".docx", ".txt", ".md")) == \
        sorted(p.name for p in DOCUMENTS)
    assert {k["field"] for k in keys.values()} == {"cosmetology", "actuarial science", "glass technology"}
    assert all(k["lang"] == "en" for k in keys.values())
    assert (keys[COSMETOLOGY]["kind"], keys[COSMETOLOGY]["degree"]) == ("dissertation", "phd")
    assert (keys[MARKER]["kind"], keys[MARKER]["degree"]) == ("dissertation", "phd")
    master = keys[WAYBACK]
    assert (master["kind"], master["degree"]) == ("masters-thesis", "master")
    assert master["specialty_code"].startswith("7M")
    text = _flat(WAYBACK.read_text(encoding="utf-8"))
    assert "ABSTRACT of the master's thesis" in text and "Scientific supervisor:" in text
    for k in keys.values():
        assert k["author"] and k["title"] and not k["gaps"] and k["publications_total"]
        assert k["counts"]["provisions"] >= 3 and 4 <= k["counts"]["tasks"] <= 7 and 3 <= k["counts"]["novelty"] <= 5
    # the PhD abstracts name a foreign consultant on their title pages
    assert "Scientific consultants:" in _flat(pdf_pages(COSMETOLOGY)[0]) and "Poland" in _flat(pdf_pages(COSMETOLOGY)[0])
    first_page = MARKER.read_text(encoding="utf-8").split("{1}" + "-" * 48)[0]
    assert "Scientific consultants:" in first_page and "Germany" in first_page


def test_the_documents_are_full_length():
    """Each holds at least 1,600 words, counted as published_keys.counted_text counts them."""
    check_full_length(CORPUS, DOCUMENTS, lambda key: FLOOR)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_the_pdf_has_a_text_layer_and_page_numbers():
    check_pdfs_are_paged([COSMETOLOGY], 3)
    body = _flat(" ".join(pdf_pages(COSMETOLOGY)[1:]))
    for part in ("SCIENTIFIC NOVELTY OF THE RESEARCH", "PROVISIONS SUBMITTED FOR DEFENCE", "MAIN CONTENT OF THE DISSERTATION",
                 "CONCLUSION"):
        assert part in body, part
    # novelty as bullets, provisions in upper-case Roman numbers, as printed
    provisions = re.findall(r"(?m)^\s*(I|II|III|IV|V)\.\s", "\n".join(pdf_pages(COSMETOLOGY)))
    assert provisions[:4] == ["I", "II", "III", "IV"]


def test_a_text_file_is_a_wayback_machine_capture_saved_as_text():
    """The master's thesis abstract as the university's page archived by the Wayback Machine and
    saved from the browser as text: the archive's toolbar (the captured URL, «Go», the number of captures, their date range, the calendar strip
    of month, day and year around the capture's timestamp, «success»/«fail», «About this capture»,
    the «COLLECTED BY» panel, «TIMESTAMPS»), its print line with the capture's address, then
    the university site's header and menu, the
    breadcrumbs, the abstract, and the site's footer; wrapped at 72 columns, no page numbers."""
    text = WAYBACK.read_text(encoding="utf-8")
    lines = text.split("\n")
    # the toolbar first, then the archive's print line with the capture's address
    toolbar = lines[:lines.index("TIMESTAMPS") + 2]
    printed = lines.index("The Wayback Machine -")
    assert printed == len(toolbar)
    m = re.fullmatch(r"https://web\.archive\.org/web/(\d{14})/(https://www\.kaznu\.kz/\S+)", lines[printed + 1])
    assert m, lines[printed + 1]
    stamp, url = m.group(1), m.group(2)
    captured = date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8]))
    order = ["Wayback Machine", url, "Go", "success", "fail", "About this capture", "COLLECTED BY",
             "Organization: Internet Archive", "TIMESTAMPS", "loading"]
    where = [toolbar.index(part) for part in order]
    assert where == sorted(where) and where[:3] == [0, 1, 2], where
    count = next(line for line in toolbar if re.fullmatch(r"[\d,]+ captures", line))
    assert int(count.split()[0].replace(",", "")) > 1
    span = next(line for line in toolbar if re.fullmatch(r"\d{1,2} \w{3} \d{4} - \d{1,2} \w{3} \d{4}", line))
    months = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
    first, last = [date(int(y), months.index(mo) + 1, int(d)) for d, mo, y in
                   (part.split() for part in span.split(" - "))]
    assert first <= captured <= last
    # the calendar strip: the months of the captures before and after round the capture's own,
    # the day between «Previous capture» and «Next capture», the years round the capture's year
    strip = [line.split("\t") for line in toolbar if "\t" in line]
    assert len(strip) == 3
    before, this, after = (months.index(mo) for mo in strip[0])
    assert this == captured.month - 1 and before < this < after
    assert strip[1] == ["Previous capture", f"{captured.day:02d}", "Next capture"]
    assert strip[2] == [str(captured.year - 1), str(captured.year), str(captured.year + 1)]
    assert any(line.startswith("Collection: ") for line in toolbar)
    # then the university's site: its menu and breadcrumbs before the abstract, its footer after
    rest = lines[lines.index("TIMESTAMPS"):]
    menu = rest.index("  * University")
    crumbs = next(i for i, line in enumerate(rest) if line.startswith("Home > "))
    abstract = rest.index("Abstract of the master's thesis")
    conclusion = rest.index("Conclusion")
    footer = rest.index("E-mail: info@kaznu.kz")
    assert menu < crumbs < abstract < conclusion < footer
    assert lines[-2].startswith("© 2024 Al-Farabi Kazakh National University") and lines[-1] == ""
    assert _key(WAYBACK)["title"] in _flat(" ".join(rest[abstract:conclusion]))
    # a browser's text: wrapped at 72 columns (a URL is not broken), lists indented, no pages
    assert all(len(line) <= 72 or " " not in line.strip() for line in lines)
    assert "\f" not in text and not any(re.fullmatch(r"\s*[–-]?\s*\d{1,3}\s*[–-]?\s*", line) for line in lines)
    tasks = [line for line in rest if re.match(r"  \d\. ", line)]
    assert len(tasks) == _key(WAYBACK)["counts"]["tasks"] + _key(WAYBACK)["counts"]["provisions"]
    assert len([line for line in rest if line.startswith("  * ") and line[4].islower()]) == _key(WAYBACK)["counts"]["novelty"]


def test_a_markdown_file_is_marker_output_of_a_pdf():
    """The glass technology abstract as `marker` converts its PDF with paginated output: each page
    opened by «{n}» and 48 hyphens (n from 0, in order), headings with marker's span anchors
    «<span id="page-n-k"></span>» naming the page they stand on, the logo as marker's extracted
    picture, list items as «- » bullets that keep the printed number, the table as a pipe table,
    the running header left once (on the first body page) and no page numbers, and paragraphs cut
    at page ends and continued after the separator."""
    text = MARKER.read_text(encoding="utf-8")
    key = _key(MARKER)
    parts = re.split(r"(?m)^\{(\d+)\}-{48}$", text)
    assert parts[0] == ""
    numbers = [int(n) for n in parts[1::2]]
    pages = [p.strip() for p in parts[2::2]]
    assert numbers == list(range(len(numbers))) and len(pages) >= 5
    assert pages[0].startswith("![](_page_0_Picture_0.jpeg)")
    # every heading carries marker's anchor for the page it is on
    headings = 0
    for n, page in enumerate(pages):
        for line in page.split("\n"):
            if line.startswith("#"):
                m = re.fullmatch(r'#{1,3} <span id="page-(\d+)-(\d+)"></span>(\S.*)', line)
                assert m and int(m.group(1)) == n, line
                headings += 1
    assert headings >= 7
    assert f'# <span id="page-0-' in pages[0] and key["title"] in pages[0]
    assert "**" + key["author"].upper() + "**" in pages[0]
    assert re.search(r'(?m)^## <span id="page-\d+-\d+"></span>SCIENTIFIC NOVELTY OF THE RESEARCH$', text)
    # list items: marker's bullet before the number the PDF printed
    assert len(re.findall(r"(?m)^- [a-e]\) ", text)) == key["counts"]["tasks"]
    assert len(re.findall(r"(?m)^- \d\. ", text)) == key["counts"]["novelty"]
    assert len(re.findall(r"(?m)^- • ", text)) == key["counts"]["provisions"]
    # the table as a pipe table with its separator row
    table = re.search(r"(?m)^\| Material +\| SiO2 \|.*\|\n\|-+\|(-+\|)+\n\| Quartz sand, washed +\|.*\n(\|.*\n)+", text).group(0)
    rows = table.rstrip("\n").split("\n")
    assert len(rows) == 6 and len({len(row) for row in rows}) == 1  # cells padded to the column's width
    # the running header kept once, on the first body page; no page numbers
    header = "Abstract of the PhD dissertation. Kaldybekov E.M."
    assert text.count(header) == 1 and pages[1].startswith(header)
    assert not re.search(r"(?m)^\s*\d{1,3}\s*$", text)
    # paragraphs cut at the page end: a page that opens in the middle of a sentence
    cut = [n for n in range(1, len(pages)) if re.match(r"[a-z]", pages[n]) and not re.search(r"[.:;]$", pages[n - 1])]
    assert len(cut) >= 3, cut
