"""The forty-second held-out corpus, its Kazakh part (tests/fixtures/published-42/kk-*, issue #10): a
Doctor of Sciences autoreferat in the history of education (PDF, the print shop's proof with
printer's marks), a PhD abstract in sinology (text, `elinks -dump` of the university's page) and a
PhD abstract in organisational psychology (Markdown). The keys say what the documents say, in the
first corpus's format. The files are read with pypdfium2 and plain text reading, never with the
mappers: the corpus measures them, so nothing here may depend on what they do. The mix of the
whole corpus (check_the_mix) and the floors are the lead's, after the three parts are merged.
"""
from __future__ import annotations

import re

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            documents, key_of, pdf_pages)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-42"
DOCUMENTS = [p for p in documents(CORPUS) if p.name.startswith("kk-")]
PROOF = CORPUS / "kk-history-of-education-doctor.pdf"
MARKDOWN = CORPUS / "kk-organisational-psychology-phd.md"
ELINKS = CORPUS / "kk-sinology-phd.txt"
FLOOR = 1600
MM = 72 / 25.4


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").replace("\x02", "").split())


def test_the_kazakh_part_is_three_documents():
    """Three Kazakh files: the Doctor autoreferat as PDF, a PhD abstract as Markdown, a PhD abstract
    as text; fields history of education, organisational psychology and sinology; complete lists."""
    assert [p.name for p in DOCUMENTS] == ["kk-history-of-education-doctor.pdf",
                                           "kk-organisational-psychology-phd.md", "kk-sinology-phd.txt"]
    keys = {p.name: _key(p) for p in DOCUMENTS}
    assert [k["field"] for k in keys.values()] == ["history of education", "organisational psychology", "sinology"]
    assert all(k["lang"] == "kk" and k["kind"] == "dissertation" and not k["gaps"] for k in keys.values())
    assert [k["degree"] for k in keys.values()] == ["doctor", "phd", "phd"]
    for k in keys.values():
        assert k["counts"]["provisions"] >= 4 and 4 <= k["counts"]["tasks"] <= 7 and 4 <= k["counts"]["novelty"] <= 5
        assert k["author"] and k["title"] and k["publications_total"]
    # the PhD abstracts: the degree and the advisers (one from abroad) on the title part
    for path in (MARKDOWN, ELINKS):
        start = _flat(path.read_text(encoding="utf-8")[:3500])
        assert "философия докторы (PhD)" in start and _key(path)["specialty_code"] in start
        assert re.search(r"(Шетелдік ғылыми кеңесші|Ғылыми кеңесшілер):.*университет", start)


def test_the_doctor_autoreferat_has_its_title_and_council_pages():
    """«Қолжазба құқығында», the old specialty code 13.00.01, «педагогика ғылымдарының докторы
    ғылыми дәрежесін алу үшін дайындалған диссертацияның АВТОРЕФЕРАТЫ»; the council page with the
    scientific consultant, three official opponents, the leading organisation and the council's
    code; the body, the conclusion, the publications and the summaries."""
    key = _key(PROOF)
    assert key["specialty_code"] == "13.00.01"
    pages = [_flat(t) for t in pdf_pages(PROOF)]
    title = pages[0]
    for part in ("Қолжазба құқығында", "ӘОЖ", "13.00.01 – Жалпы педагогика, педагогика тарихы және білім беру",
                 "педагогика ғылымдарының докторы ғылыми дәрежесін алу үшін дайындалған диссертацияның АВТОРЕФЕРАТЫ"):
        assert part in title, part
    council = pages[1]
    assert "Ғылыми кеңесші:" in council and "Жетекші ұйым:" in council
    opponents = council.split("Ресми оппоненттер:")[1].split("Жетекші ұйым:")[0]
    assert opponents.count("ғылымдарының докторы") == 3
    assert re.search(r"Д \d\d\.\d\d\.\d\d диссертациялық кеңесінің", council)
    assert "Автореферат 2009 жылғы" in council and "ғалым хатшысы" in council
    body = " ".join(pages[2:])
    for part in ("ЖҰМЫСТЫҢ ЖАЛПЫ СИПАТТАМАСЫ", "Қорғауға ұсынылатын тұжырымдар", "ЖҰМЫСТЫҢ НЕГІЗГІ МАЗМҰНЫ",
                 "ҚОРЫТЫНДЫ", "ДИССЕРТАЦИЯ ТАҚЫРЫБЫ БОЙЫНША ЖАРИЯЛАНҒАН ЕҢБЕКТЕР ТІЗІМІ", "ТҮЙІН", "SUMMARY"):
        assert part in body, part


def test_the_documents_are_full_length():
    """Each holds at least 1,600 words, counted as published_keys.counted_text counts them; the
    text file holds them without the site's menu, footer and link list too."""
    check_full_length(CORPUS, DOCUMENTS, lambda key: FLOOR)
    text = ELINKS.read_text(encoding="utf-8")
    page = text.split("\nReferences\n")[0].split("Файлдар:")[0]
    assert len(page.split()) >= FLOOR


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_the_autoreferat_is_paged():
    """Every page has a text layer and, the title page aside, its number on a line of its own
    (the slug line repeats the number, but never alone on a line)."""
    pages = pdf_pages(PROOF)
    assert len(pages) >= 5 and all(len(t.split()) > 20 for t in pages)
    numbered = [re.search(rf"(?m)^\s*{i}\s*$", t) for i, t in enumerate(pages[1:], 2)]
    assert all(numbered)
    assert not re.search(r"(?m)^\s*1\s*$", pages[0])


def test_a_pdf_is_the_print_shops_proof_with_printers_marks():
    """The autoreferat as the press returns it: each A4 page (the TrimBox, 595 x 842 pt) on a sheet
    whose MediaBox reaches 15 mm beyond the trim on every side (origin left in place, so the box
    starts at a negative corner), a BleedBox 3 mm outside the trim; crop marks, registration
    targets and a colour bar drawn as path objects outside the trim; the layout program's slug
    line («….indd  <page>  <date>  <time>») with the page's own number on every page, in the
    margin, in the text layer."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as raw
    pdf = pdfium.PdfDocument(PROOF)
    try:
        assert len(pdf) >= 5
        for i in range(len(pdf)):
            page = pdf[i]
            trim = page.get_trimbox()
            media = page.get_mediabox()
            bleed = page.get_bleedbox()
            assert [round(v) for v in trim] == [0, 0, 595, 842]
            assert all(abs(m - t - d) < 0.1 for m, t, d in zip(media, trim, (-15 * MM, -15 * MM, 15 * MM, 15 * MM)))
            assert all(abs(b - t - d) < 0.1 for b, t, d in zip(bleed, trim, (-3 * MM, -3 * MM, 3 * MM, 3 * MM)))
            w, h = page.get_size()
            assert (round(w), round(h)) == (680, 927)
            outside = 0
            for obj in page.get_objects():
                if obj.type != raw.FPDF_PAGEOBJ_PATH:
                    continue
                left, bottom, right, top = obj.get_bounds()
                if right <= 0.5 or left >= trim[2] - 0.5 or top <= 0.5 or bottom >= trim[3] - 0.5:
                    outside += 1
            # 8 crop marks, 4 targets of 4 paths, 7 colour squares and a 10-step grey ramp
            assert outside >= 8 + 16 + 17, (i, outside)
    finally:
        pdf.close()
    for number, text in enumerate(pdf_pages(PROOF), 1):
        slug = re.findall(r"Autoref_kk_\w+\.indd\s+(\d+)\s+\d\d\.\d\d\.\d{4}\s+\d\d:\d\d:\d\d", text)
        assert slug == [str(number)], (number, slug)
        assert "Cyan Magenta Yellow Black" in text


def test_a_text_file_is_an_elinks_dump_of_the_universitys_page():
    """The sinology abstract as `elinks -dump` prints the university's page: the menu and the
    language switch as numbered links, the search form, the breadcrumbs, the text with a 3-space
    margin in lines of at most 80 columns (no word broken), the text's own links numbered where
    they stand, <ul> items «     * » and <ol> items «    1. », the files and the footer, then the
    «References» list: «   Visible links» numbered 1 … n with right-aligned numbers, and
    «   Hidden links:» going on from n + 1. Every [n] in the page has its URL in the list."""
    text = ELINKS.read_text(encoding="utf-8")
    assert "\f" not in text and "\r" not in text and "\u00ad" not in text
    page, _, refs = text.partition("\nReferences\n")
    lines = page.split("\n")
    assert lines[0].startswith("   [1]Басты бет [2]Университет")
    assert re.search(r"\[\d+\]Қаз \[\d+\]Рус \[\d+\]Eng$", lines[2])
    assert "[____________________] [ Іздеу ]" in lines[3]
    assert re.match(r"   \[\d+\]Басты бет > \[\d+\]Ғылым > \[\d+\]Диссертациялық кеңестер", lines[5])
    assert all(len(line) <= 80 for line in lines)
    assert all(line.startswith("   ") for line in lines if line)
    assert not re.search(r"\w-$", page, flags=re.M)
    # the text's own links, among the words
    assert re.search(r"«Тан шу» \(«Таң әулетінің жаңа тарихы»\) \[\d+\]Жетісу,", _flat(page))
    assert re.search(r"\[\d+\]Chinese Text Project", _flat(page))
    # HTML lists: novelty as <ul>, provisions as <ol>; the tasks' numbers typed into paragraphs
    key = _key(ELINKS)
    assert sum(line.startswith("     * ") for line in lines) == key["counts"]["novelty"] + 5  # and the 5 files
    ol = [line for line in lines if re.match(r"    \d\. ", line)]
    assert [line.split()[0] for line in ol] == [f"{n}." for n in range(1, key["counts"]["provisions"] + 1)]
    assert sum(bool(re.match(r"   \d\) ", line)) for line in lines) == key["counts"]["tasks"]
    # the reference list
    ref_lines = refs.split("\n")
    assert ref_lines[1] == "   Visible links"
    visible = re.findall(r"(?m)^\s*(\d+)\. (https?://\S+)$", refs.split("Hidden links:")[0])
    hidden = re.findall(r"(?m)^\s*(\d+)\. (https?://\S+)$", refs.split("Hidden links:")[1])
    assert [int(n) for n, _ in visible] == list(range(1, len(visible) + 1)) and len(visible) >= 25
    assert [int(n) for n, _ in hidden] == list(range(len(visible) + 1, len(visible) + len(hidden) + 1))
    assert re.search(r"(?m)^   1\. https://", refs) and re.search(r"(?m)^  10\. https://", refs)
    marks = [int(n) for n in re.findall(r"\[(\d+)\]", page)]
    assert marks == list(range(1, len(visible) + 1))
    assert "   Hidden links:" in ref_lines


def test_a_markdown_file_has_setext_headings_and_a_title_part():
    """The organisational psychology abstract as Markdown: the title part in bold lines, a rule,
    then headings underlined with «-» (setext), no «#» heading."""
    text = MARKDOWN.read_text(encoding="utf-8")
    lines = text.split("\n")
    underlined = [lines[i - 1] for i, line in enumerate(lines) if i and re.fullmatch(r"-{3,}", line) and lines[i - 1]]
    assert "Зерттеу тақырыбының өзектілігі" in underlined and "Қорытынды" in underlined
    assert len(underlined) >= 15 and not re.search(r"(?m)^#", text)
    assert text.startswith("**Л.Н. Гумилев атындағы Еуразия ұлттық университеті**")
