"""The English third of the forty-third held-out corpus (tests/fixtures/published-43/, issue #10): a
master's thesis abstract in signal processing (text, as pdfminer.six's pdf2txt.py drew it from the
thesis PDF, `(cid:NN)` where a glyph has no Unicode), a PhD abstract in medical genetics without the
aim and the tasks (PDF) and a PhD abstract in air law (Markdown). Their answer keys say what the
documents say, in the first corpus's format. The files are read with pypdfium2 and plain text
reading, never with the mappers: the corpus measures them, so nothing here may depend on what they
do. The mix of the whole corpus (check_the_mix) and the mappers' floors are the lead's, added at the
merge and after the measurement.
"""
from __future__ import annotations

import re

import pytest

from published_keys import (ROOT, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, key_of, pdf_pages)

CORPUS = ROOT / "tests" / "fixtures" / "published-43"
THESIS = CORPUS / "en-signal-processing-masters.txt"
GENETICS = CORPUS / "en-medical-genetics-phd-no-aim-tasks.pdf"
AIR_LAW = CORPUS / "en-air-law-phd.md"
FILES = [THESIS, GENETICS, AIR_LAW]
FLOOR = 1600
HEADER = "Seitkali N.B. Adaptive noise reduction of vibration signals – 7M07104"


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _flat(text: str) -> str:
    return " ".join(text.replace("\ufffe", "").replace("\u00ad", "").replace("\xa0", " ").split())


def test_the_english_part_is_what_the_brief_asks_for():
    """Three English documents: a master's thesis abstract (text) and two PhD abstracts (PDF,
    Markdown); fields signal processing, medical genetics and air law; the PDF without aim and tasks."""
    keys = {p.name: _key(p) for p in FILES}
    assert all(p.exists() for p in FILES)
    assert {k["lang"] for k in keys.values()} == {"en"}
    assert [k["field"] for k in keys.values()] == ["signal processing", "medical genetics", "air law"]
    assert [(k["kind"], k["degree"]) for k in keys.values()] == [
        ("masters-thesis", "master"), ("dissertation", "phd"), ("dissertation", "phd")]
    for k in keys.values():
        assert k["author"] and k["title"] and k["institution"] and k["publications_total"]
        assert k["counts"]["provisions"] >= 3 and k["counts"]["novelty"] >= 3
    assert keys[THESIS.name]["specialty_code"].startswith("7M07")
    assert keys[GENETICS.name]["specialty_code"].startswith("8D")
    assert keys[AIR_LAW.name]["specialty_code"].startswith("8D")
    assert keys[GENETICS.name]["gaps"] == ["aim", "tasks"] and keys[GENETICS.name]["counts"]["tasks"] == 0
    assert not keys[THESIS.name]["gaps"] and not keys[AIR_LAW.name]["gaps"]
    assert keys[THESIS.name]["counts"]["tasks"] == 4 and keys[AIR_LAW.name]["counts"]["tasks"] == 6
    quotes = {e["text"] for e in keys[THESIS.name]["entities"]}
    assert {"B. Widrow", "Kalman (cid:3)lter", "fast kurtogram", "MATLAB R2022b"} <= quotes
    quotes = {e["text"] for e in keys[GENETICS.name]["entities"]}
    assert {"I.A. Følling", "Sanger sequencing", "ACMG/AMP criteria", "National Center for Biotechnology"} <= quotes
    quotes = {e["text"] for e in keys[AIR_LAW.name]["entities"]}
    assert {"Chicago Convention", "ICAO", "EASA", "Montreal Convention", "B. Cheng"} <= quotes


def test_the_documents_are_full_length():
    check_full_length(CORPUS, FILES, lambda key: FLOOR)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path)


def test_the_pdf_is_paged_and_has_no_aim_and_no_tasks():
    check_pdfs_are_paged([GENETICS], 4)
    pages = [_flat(t) for t in pdf_pages(GENETICS)]
    assert "As a manuscript" in pages[0] and "8D10103 – Medicine" in pages[0]
    body = " ".join(pages[1:])
    for part in ("GENERAL CHARACTERISTICS OF THE WORK", "Object of the research:", "Subject of the research:",
                 "SCIENTIFIC NOVELTY", "PROVISIONS SUBMITTED FOR DEFENCE", "MAIN CONTENT OF THE DISSERTATION",
                 "CONCLUSION", "1. For the first time", "5. The true incidence", "I. The molecular basis",
                 "IV. The inclusion of"):
        assert part in body, part
    for absent in ("Aim of the", "aim of the research", "Objectives", "Tasks of the", "tasks of the research"):
        assert absent not in body, absent


def test_the_markdown_has_setext_headings_and_typed_lists():
    text = AIR_LAW.read_text(encoding="utf-8")
    assert re.search(r"(?m)^GENERAL DESCRIPTION OF THE WORK\n-{10,}$", text)
    assert re.search(r"(?m)^MAIN CONTENT OF THE DISSERTATION\n-{10,}$", text)
    for part in ("1) to define the", "6) to formulate proposals", "a) the author's definition",
                 "d) a model of", "1. The Standards of", "4. The courts of"):
        assert part in _flat(text), part


# ---------------------------------------------------------------- the pdfminer text

CIDS = {"(cid:3)": "fi", "(cid:4)": "fl", "(cid:7)": "ff", "(cid:9)": "ffi", "(cid:45)": "−",
        "(cid:108)": "λ", "(cid:109)": "μ", "(cid:115)": "σ", "(cid:68)": "Δ", "(cid:180)": "×"}


def test_the_text_is_pdfminer_output_with_cid_glyphs():
    """Every ligature, Greek letter, minus and times sign is a `(cid:NN)`; none is left as a letter
    pair or a character; the same codes in the key's quotes, the labels clean."""
    text = THESIS.read_text(encoding="utf-8")
    assert not re.search(r"ff|fi|fl|[μλσΔ−×ﬁﬂﬀﬃ]", text)
    found = re.findall(r"\(cid:\d+\)", text)
    assert set(found) == set(CIDS)
    assert found.count("(cid:3)") >= 10 and found.count("(cid:45)") >= 4
    for part in ("Scienti(cid:3)c supervisor", "adaptive (cid:3)ltering", "the (cid:4)ow noise",
                 "e(cid:9)ciency", "e(cid:7)ective",
                 "below (cid:45)10 dB", "step size (cid:109)", "(cid:108) = 0.995", "by (cid:68) samples",
                 "with (cid:115) = 0.5", "4 (cid:180) 6 mm"):
        assert part in _flat(text), part
    key = _key(THESIS)
    cid_quotes = [e for e in key["entities"] if "(cid:" in e["text"]]
    assert len(cid_quotes) >= 3
    for e in cid_quotes:
        plain = e["text"]
        for code, glyphs in CIDS.items():
            plain = plain.replace(code, glyphs)
        assert plain.casefold() in e["label_en"].casefold(), e
        assert "(cid:" not in e["label_en"]


def test_the_text_has_pdfminer_boxes_and_form_feeds():
    """A box's lines, then a blank line; a form feed after each page, the last too; the header and
    the page number boxes of their own; list labels on lines of their own."""
    text = THESIS.read_text(encoding="utf-8")
    pages = text.split("\f")
    assert pages[-1] == "" and len(pages) - 1 >= 4
    for n, page in enumerate(pages[:-1], 1):
        assert page.endswith("\n\n") and "\n\n\n" not in page, n
        if n > 1:
            assert page.startswith(HEADER + "\n\n"), n
            assert page.endswith(f"\n\n{n}\n\n"), n
    for label, words in (("1)", "to  analyse"), ("4)", "to verify"), ("i)", "an  algorithm"),
                         ("iii)", "the informative"), ("1.", "The preliminary"), ("3.", "The proposed")):
        pattern = r"\n\n" + re.escape(label) + r"\n" + r"\s+".join(words.split())
        assert re.search(pattern, text), label


def test_the_table_comes_out_column_by_column_and_the_captions_out_of_order():
    text = THESIS.read_text(encoding="utf-8")
    assert "\n\nAlgorithm\nLMS\nNLMS\nRLS\n\nKurtosis before\n3.4\n3.4\n3.4\n\nKurtosis after\n7.9\n11.6\n12.1\n\n" \
           "Time, ms\n12\n14\n230\n\n" in text
    assert "LMS 3.4" not in _flat(text)
    page = next(p for p in text.split("\f") if "Figure 3.5" in p)
    # the caption stood under the figure, before the conclusion; pdfminer gives it last
    assert page.index("CONCLUSION") < page.index("Figure 3.5") < page.rindex("\n\n", 0, len(page) - 2)
    boxes = [b for b in page.split("\n\n") if b.strip()]
    assert boxes[-2].startswith("Figure 3.5") and re.fullmatch(r"\d+", boxes[-1].strip())
    page = next(p for p in text.split("\f") if "Figure  2.3" in p)
    assert page.index("The  comparison  of the wavelet") < page.index("Figure  2.3")
