"""The English third of the forty-fifth held-out corpus (tests/fixtures/published-45/, issue #10): a
master's thesis abstract in optics (Markdown, as MinerU writes it from the thesis's PDF), a PhD
abstract in game theory (text, translated from Russian with DeepL's free version chunk by chunk)
and a PhD abstract in water resources (PDF). Their answer keys say what the documents say, in the
first corpus's format. The files are read with pypdfium2 and plain text reading, never with the
mappers: the corpus measures them, so nothing here may depend on what they do. The mix of the
whole corpus (check_the_mix) and the mappers' floors are the lead's, added at the merge and after
the measurement.
"""
from __future__ import annotations

import re

import pytest

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, key_of, pdf_pages, reading)

CORPUS = ROOT / "tests" / "fixtures" / "published-45"
OPTICS = CORPUS / "en-optics-masters.md"
GAMES = CORPUS / "en-game-theory-phd.txt"
WATER = CORPUS / "en-water-resources-phd.pdf"
FILES = [OPTICS, GAMES, WATER]
FLOOR = 1600
DEEPL_OLD = "Translated with www.DeepL.com/Translator (free version)"
DEEPL_NEW = "Translated with DeepL.com (free version)"


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").replace("\xa0", " ").split())


def test_the_english_part_is_what_the_brief_asks_for():
    """Three English documents: a master's thesis abstract (Markdown) and two PhD abstracts (text,
    PDF); fields optics, game theory and water resources; every list of the key filled."""
    assert all(p.exists() for p in FILES)
    assert sorted(p.name for p in CORPUS.glob("en-*.*")) == sorted(p.name for p in FILES)
    keys = {p: _key(p) for p in FILES}
    assert {p.name: k["field"] for p, k in keys.items()} == {
        OPTICS.name: "optics", GAMES.name: "game theory", WATER.name: "water resources"}
    assert [(keys[p]["kind"], keys[p]["degree"]) for p in FILES] == [
        ("masters-thesis", "master"), ("dissertation", "phd"), ("dissertation", "phd")]
    assert keys[OPTICS]["specialty_code"].startswith("7M05")
    assert all(keys[p]["specialty_code"].startswith("8D") for p in (GAMES, WATER))
    for key in keys.values():
        assert key["lang"] == "en" and key["gaps"] == [] and key["publications_total"]
        assert key["counts"]["provisions"] >= 3 and 4 <= key["counts"]["tasks"] <= 7
        assert 3 <= key["counts"]["novelty"] <= 5
        assert len(key["entities"]) >= 60


def test_the_documents_are_full_length():
    """Each holds at least 1,600 words, counted as published_keys.counted_text counts them."""
    check_full_length(CORPUS, FILES, lambda key: FLOOR)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_the_pdf_is_paged_with_alternating_headers_and_its_lists_numbered():
    """The PDF has a text layer on every page and page numbers; odd and even pages carry different
    running headers; its tasks are «1)», novelty «i.», provisions «A.» (Word's numbering, rendered)."""
    check_pdfs_are_paged([WATER], 5)
    pages = pdf_pages(WATER)
    odd = "Abenova A.S. Water allocation and the water balance of the lower Syr Darya – 8D08701"
    even = "Kazakh National Agrarian Research University – Abstract of the PhD dissertation"
    assert odd in pages[2] and even in pages[1]
    text = "\n".join(pages)
    key = _key(WATER)
    assert len(re.findall(r"(?m)^\s*[1-5]\) to ", text)) == key["counts"]["tasks"]
    assert re.findall(r"(?m)^\s*(i|ii|iii|iv)\. ", text) == ["i", "ii", "iii", "iv"]
    assert re.findall(r"(?m)^\s*([A-D])\. ", text) == ["A", "B", "C", "D"]


# ---------------------------------------------------------------- DeepL, free version

def _games_lines() -> list[str]:
    return GAMES.read_text(encoding="utf-8").split("\n")


def test_the_translation_carries_deepls_attribution_after_every_chunk():
    """After every chunk the free version's clipboard line, on a line of its own: the older
    «Translated with www.DeepL.com/Translator (free version)» on the chunks of the first sitting,
    «Translated with DeepL.com (free version)» on the rest, and the file ends with one."""
    lines = _games_lines()
    marks = [i for i, line in enumerate(lines) if line.startswith("Translated with ")]
    assert len(marks) >= 10
    assert all(lines[i] in (DEEPL_OLD, DEEPL_NEW) for i in marks)
    kinds = [lines[i] for i in marks]
    first_new = kinds.index(DEEPL_NEW)
    assert first_new >= 2 and set(kinds[:first_new]) == {DEEPL_OLD} and set(kinds[first_new:]) == {DEEPL_NEW}
    assert [line for line in lines if line.strip()][-1] == DEEPL_NEW


def test_each_chunk_is_within_the_free_versions_limit():
    """Between two attributions no more than the free version's 1,500 characters of Russian went
    in: the English of a chunk (about a fifth shorter) is at most 1,250 characters."""
    text = GAMES.read_text(encoding="utf-8")
    chunks = re.split(r"\n(?:Translated with www\.DeepL\.com/Translator \(free version\)|"
                      r"Translated with DeepL\.com \(free version\))\n", text)
    body = [chunk.strip() for chunk in chunks if chunk.strip()]
    assert len(body) >= 10
    assert all(len(chunk) <= 1250 for chunk in body), max(len(c) for c in body)


def test_an_attribution_stands_inside_a_paragraph_and_inside_sections():
    """The degree-of-study paragraph was longer than a chunk: its first part ends before an
    attribution and its rest («The application of the game theory …») begins the next chunk;
    other attributions stand between a section's heading or list items and the rest of it."""
    lines = [line for line in _games_lines() if line.strip()]
    i = lines.index(next(line for line in lines if line.startswith("The application of the game theory")))
    assert lines[i - 1] in (DEEPL_OLD, DEEPL_NEW)
    assert lines[i - 2].startswith("The degree of scientific elaboration of the problem.")
    assert lines[i - 2].endswith("R. Wilson.")
    # a chunk ends inside a numbered list
    after = [lines[j + 1] for j, line in enumerate(lines[:-1]) if line in (DEEPL_OLD, DEEPL_NEW)]
    assert any(re.match(r"[2-9][.)] ", line) for line in after)


def test_the_translation_is_pasted_text_one_paragraph_a_line():
    """Notepad, not a PDF's text: no running header, no page numbers, no form feeds, no hard wraps
    (the long paragraphs are single lines), no bold marks; Word's list numbers kept as text."""
    raw = GAMES.read_text(encoding="utf-8")
    assert "\f" not in raw and "**" not in raw and "\r" not in raw
    lines = raw.split("\n")
    assert not [line for line in lines if re.fullmatch(r"\s*[–-]?\s*\d{1,3}\s*[–-]?\s*", line)]
    assert sum(len(line) > 600 for line in lines) >= 8 and max(len(line) for line in lines) > 1000
    assert re.search(r"(?m)^1\) to analyse the structure", raw)
    assert re.search(r"(?m)^4\. A rule of the distribution", raw)


def test_the_translation_keeps_deepls_slips():
    """What DeepL left of the Russian: a law's title and a term in «», РФЦ and ЕЭС РК untranslated,
    «applications» for the appendices, «178 names», one centre under two English names."""
    raw = GAMES.read_text(encoding="utf-8")
    for slip in ("Law of the Republic of Kazakhstan «Об электроэнергетике»", "«предельные тарифы»",
                 "(the РФЦ)", "the zones of the ЕЭС РК", "three applications", "from 178 names",
                 "Settlement and Financial Centre for Support of Renewable Energy Sources",
                 "Financial Settlement Centre"):
        assert slip in raw, slip
    told = {e["text"] for e in _key(GAMES)["entities"]}
    assert {"РФЦ", "ЕЭС РК", "Financial Settlement Centre"} <= told
    # the attribution is furniture: a reader's text has none of it, and no key entry names DeepL
    assert "deepl" not in reading(GAMES) and not [t for t in told if "DeepL" in t]


# ---------------------------------------------------------------- MinerU Markdown

def _md_blocks() -> list[str]:
    return [block for block in OPTICS.read_text(encoding="utf-8").split("\n\n") if block.strip()]


def test_mineru_writes_every_heading_at_the_first_level_and_no_emphasis():
    """Every heading, the chapters' subsections and the title page's bold lines too, is «# »;
    no «##», no «**», no setext underlines, no page furniture (page numbers, «---»)."""
    raw = OPTICS.read_text(encoding="utf-8")
    heads = re.findall(r"(?m)^(#+) ", raw)
    assert len(heads) >= 15 and set(heads) == {"#"}
    for heading in ("# Relevance of the topic", "# MAIN CONTENT OF THE THESIS",
                    "# Chapter 2. Inscription of the gratings", "# KASSYMOVA ARUZHAN NURLANOVNA"):
        assert re.search(rf"(?m)^{re.escape(heading)}$", raw), heading
    assert "**" not in raw and not re.search(r"(?m)^(---|===|\d{1,3})\s*$", raw)


def test_mineru_writes_quantities_and_symbols_as_inline_latex():
    """Numbers with units and Greek symbols as the formula recogniser gives them: the digits spaced,
    the unit in \\mathrm, the degree as { } ^ { \\circ }."""
    raw = OPTICS.read_text(encoding="utf-8")
    for formula in (r"$\lambda = 1 0 3 0 \mathrm { n m }$", r"$2 3 0 \mathrm { f s }$",
                    r"$\lambda _ { B } = 2 n _ { e f f } \Lambda$", r"$2 5 0 { } ^ { \circ } \mathrm { C }$",
                    r"$\pm 0 . 6 { } ^ { \circ } \mathrm { C }$", r"$- 1 5 \mathrm { d B }$",
                    r"$1 0 ^ { - 3 }$", r"$1 0 . 2 \mathrm { p m } / { } ^ { \circ } \mathrm { C }$"):
        assert formula in raw, formula
    assert len(re.findall(r"\$[^$\n]+\$", raw)) >= 40
    # the source's plain forms are gone
    assert "1030 nm" not in raw and "250 °C" not in raw and "λ" not in raw


def test_mineru_writes_figures_as_hashed_images_and_tables_as_html():
    """Each figure an image line ``![](images/<64 hex>.jpg)`` right above its caption; the table
    one line of HTML under its caption, its cells in <td>."""
    blocks = _md_blocks()
    images = [i for i, b in enumerate(blocks) if b.startswith("![](")]
    assert len(images) == 2
    for n, i in enumerate(images, 1):
        assert re.fullmatch(r"!\[\]\(images/[0-9a-f]{64}\.jpg\)", blocks[i])
        assert blocks[i + 1].startswith(f"Figure {n} – ")
    tables = [i for i, b in enumerate(blocks) if b.startswith("<table>")]
    assert len(tables) == 1
    table = blocks[tables[0]]
    assert "\n" not in table and table.endswith("</table>") and table.count("<tr>") == 5
    assert "<td>Pulse energy, nJ</td>" in table and "|" not in table
    assert blocks[tables[0] - 1].startswith("Table 1 – ")


def test_mineru_keeps_the_footnote_marker_and_moves_the_note():
    """No Markdown footnote ([^1]); the marker is $^ { 1 }$ glued to its word, the note a
    paragraph of its own right after the paragraph that refers to it."""
    raw = OPTICS.read_text(encoding="utf-8")
    assert "[^" not in raw
    blocks = _md_blocks()
    i = next(i for i, b in enumerate(blocks) if "oil; fibre optic sensors meet all these requirements$^ { 1 }$." in b)
    assert blocks[i + 1].startswith("$^ { 1 }$ The first fibre optic hot-spot sensors")


def test_mineru_flattens_the_numbered_lists():
    """No Markdown list at all: the tasks, with their lead-in, are one paragraph «Objectives of the
    research: 1) … 2) …», the provisions one paragraph «1. … 2. …», the novelty items paragraphs
    opening «i)», «ii)», «iii)»."""
    raw = OPTICS.read_text(encoding="utf-8")
    key = _key(OPTICS)
    blocks = _md_blocks()
    tasks = next(b for b in blocks if b.startswith("Objectives of the research:"))
    assert re.findall(r"(?:^|; |: )(\d)\) to ", tasks) == [str(n) for n in range(1, key["counts"]["tasks"] + 1)]
    provisions = next(b for b in blocks if b.startswith("1. Point-by-point inscription"))
    assert re.findall(r"(?:^|\. )(\d)\. [A-Z]", provisions) == ["1", "2", "3"]
    # the provisions' block is the only one opening with a number, and it is one paragraph
    assert [b[:2] for b in blocks if re.match(r"\d+[.)] ", b)] == ["1."]
    novelty = [b for b in blocks if re.match(r"(i|ii|iii)\) ", b)]
    assert [b.split(")")[0] for b in novelty] == ["i", "ii", "iii"][:key["counts"]["novelty"]]
    assert not re.search(r"(?m)^[-*+] ", raw)
