"""The thirtieth held-out corpus (tests/fixtures/published-30/, issue #10): nine abstracts that mix
fields - two in the humanities (historiography, ethnolinguistics), two in the natural sciences
(hydrochemistry, biogeography), two in engineering and agriculture (mechatronics, land reclamation),
two in the social sciences and education (industrial economics, educational assessment) and one in
medicine (immunology) - three Kazakh, three Russian and three English. Its answer keys say what the
documents say, in the first corpus's format, and the documents are the mix the issue asks for. The
files are read with pypdfium2, python-docx, zipfile and the text codecs, never with the mappers: the
corpus measures them, so nothing here may depend on what they do. (The mappers' floors are added
after the corpus has been measured.)
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter

from published_keys import (ROOT, check_floors, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, check_the_mix, check_word_lists_keep_their_numbers, documents,
                            key_of, only_one, pdf_pages, word_part)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-30"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", *(f"published-{n}" for n in range(2, 30)))]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
CP866 = CORPUS / "ru-hydrochemistry-phd.txt"
LINESEP = CORPUS / "kk-historiography-phd.txt"


def _decoded(path) -> str | None:
    """The text of a file in a codec other than UTF-8 (the CP866 file), None for the others."""
    return path.read_bytes().decode("cp866") if path == CP866 else None


def _text(path) -> str:
    return _decoded(path) or path.read_text(encoding="utf-8")


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _paragraphs(path):
    import docx
    return docx.Document(path).paragraphs


def test_the_corpus_is_the_mix_the_issue_asks_for():
    """check_the_mix with this corpus's counts: 3 PDF, 2 Word, 2 text and 2 Markdown files, kk/ru/en
    as 3/3/3, one Kazakh journal article by three authors, one Russian Doctor of Sciences
    autoreferat (an old specialty code), one English master's thesis, six PhD abstracts, one
    dissertation without tasks, nine fields no earlier corpus (published ... published-29) has."""
    assert len(EARLIER) == 29 and all(folder.is_dir() for folder in EARLIER)
    keys = check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=9, phd=6, new_fields=9, lang_spread=0,
                         formats=(3, 2, 2, 2), articles=1, candidate=0, doctor=1, incomplete=("tasks",))
    assert sorted(p.suffix for p in DOCUMENTS) == sorted([".pdf"] * 3 + [".docx"] * 2 + [".txt"] * 2 + [".md"] * 2)
    assert Counter(k["lang"] for k in keys.values()) == {"kk": 3, "ru": 3, "en": 3}
    assert Counter(k["kind"] for k in keys.values()) == {"dissertation": 7, "article": 1, "masters-thesis": 1}
    assert Counter(k["degree"] for k in keys.values()) == {"phd": 6, "doctor": 1, "master": 1, None: 1}
    # the article: Kazakh, three authors with affiliations, ҒТАХР/ӘОЖ, Аңдатпа and Түйін сөздер,
    # IMRaD sections, references, then the Russian and English summaries
    article = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "article")
    assert _key(article)["lang"] == "kk" and len(_key(article)["authors"]) == 3 and _key(article)["keywords"]
    raw = _text(article)
    order = [re.search(rf"(?m)^{re.escape(s)}", raw).start()
             for s in ("ҒТАХР", "ӘОЖ", "**Аңдатпа.**", "**Түйін сөздер:**", "## Кіріспе", "## Материалдар мен әдістер",
                       "## Нәтижелер мен талқылау", "## Қорытынды", "## Әдебиеттер", "**Аннотация.**",
                       "**Ключевые слова:**", "**Abstract.**", "**Keywords:**")]
    assert order == sorted(order)
    assert "ҚазҰУ Хабаршысы. Филология сериясы" in raw
    assert all(re.search(rf"(?m)^{n}(?=[А-ЯӘ]).*[Уу]ниверситеті", raw) for n in ("1", "2"))
    # the Doctor of Sciences autoreferat: Russian, an old specialty code, its title and council pages
    doctor = only_one(DOCUMENTS, lambda p: _key(p)["degree"] == "doctor")
    assert _key(doctor)["lang"] == "ru" and _key(doctor)["specialty_code"] == "08.00.05"
    pages = [" ".join(t.split()) for t in pdf_pages(doctor)]
    assert "На правах рукописи" in pages[0] and "АВТОРЕФЕРАТ" in pages[0]
    assert "диссертации на соискание ученой степени доктора экономических наук" in pages[0]
    assert "Научный консультант:" in pages[1] and "Официальные оппоненты:" in pages[1]
    opponents = pages[1].split("Официальные оппоненты:")[1].split("Ведущая организация:")[0]
    assert opponents.count("доктор экономических наук") == 3
    assert "диссертационного совета Д 14.17.03" in pages[1] and "Автореферат разослан" in pages[1]
    body = " ".join(pages[2:])
    assert "ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ" in body and "Положения, выносимые на защиту" in body
    # the master's thesis: English, a 7M code, a supervisor
    master = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "masters-thesis")
    assert _key(master)["lang"] == "en" and _key(master)["specialty_code"].startswith("7M")
    text = _text(master)
    assert "**Master's thesis**" in text and "**Scientific supervisor:**" in text
    # one dissertation without tasks (an aim, no task list), the others complete
    gapped = [k for k in keys.values() if k["kind"] == "dissertation" and k["gaps"]]
    assert [k["gaps"] for k in gapped] == [["tasks"]] and gapped[0]["counts"]["tasks"] == 0
    assert gapped[0]["counts"]["provisions"] >= 3 and gapped[0]["counts"]["novelty"] >= 3
    assert all(k["counts"]["provisions"] >= 3 and 4 <= k["counts"]["tasks"] <= 7 and 3 <= k["counts"]["novelty"] <= 5
               for k in keys.values() if k["kind"] in ("dissertation", "masters-thesis") and not k["gaps"])


def test_the_documents_are_full_length():
    """Dissertations and the master's thesis at least 1,600 words and the article 1,000, counted as
    published_keys.counted_text counts them (the text files whole, markup and all; the CP866 file
    decoded)."""
    check_full_length(CORPUS, DOCUMENTS, lambda key: 1000 if key["kind"] == "article" else 1600, read_text=_text)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path, _decoded(path))


def test_the_word_lists_keep_their_numbers_in_numbering_xml():
    """The Russian educational assessment abstract numbers its lists in numbering.xml; the English
    mechatronics abstract types its numbers before alignment tabs (its trap, tested below)."""
    path = only_one(WORD, lambda p: "<w:numPr>" in word_part(p))
    assert path.name == "ru-educational-assessment-phd.docx"
    check_word_lists_keep_their_numbers(CORPUS, path)


def test_the_pdfs_have_a_text_layer_and_page_numbers():
    check_pdfs_are_paged(PDF, 4)


def test_a_word_file_numbers_its_items_before_alignment_tabs():
    """The English mechatronics abstract: every numbered item is a plain paragraph whose number is
    typed in a run of its own and followed by an absolute position tab (w:ptab, Word's alignment
    tab), not by a w:tab and not by numbering.xml; document.xml has no w:numPr, and each list
    starts again at 1."""
    path = only_one(WORD, lambda p: "<w:ptab " in word_part(p))
    assert path.name == "en-mechatronics-phd.docx"
    body = word_part(path)
    assert "<w:numPr>" not in body and "<w:tab/>" not in body
    typed = re.findall(r'<w:t xml:space="preserve">(\d+)\.</w:t></w:r><w:r><w:ptab w:relativeTo="indent" '
                       r'w:alignment="left" w:leader="none"/></w:r>', body)
    assert [int(n) for n in typed] == [1, 2, 3, 4, 5, 1, 2, 3, 4, 1, 2, 3, 4]
    assert body.count("<w:ptab ") == len(typed) == sum(_key(path)["counts"].values())
    items = [p.text for p in _paragraphs(path) if re.match(r"\d+\.\s", p.text)]
    assert len(items) == len(typed) and items[0].split(None, 1)[1].startswith("to build a mathematical model")


def test_a_text_file_breaks_its_lines_with_unicode_line_separators():
    """The Kazakh historiography abstract as a layout program exports text: the lines inside a
    paragraph end in U+2028 LINE SEPARATOR, each paragraph in CR LF; there is no LF but the one of a
    CR LF, so a reader that splits on newlines gets one line a paragraph, and only a reader that
    knows Unicode's separators (str.splitlines) gets the lines as they were laid out."""
    raw = LINESEP.read_bytes()
    text = raw.decode("utf-8")
    assert raw.count(b"\n") == raw.count(b"\r\n") and "\u2029" not in text
    assert text.count("\u2028") > 40
    paragraphs = text.split("\r\n")
    assert sum("\u2028" in p for p in paragraphs) > 15
    lines = text.splitlines()
    assert len(lines) > len(text.split("\n")) + 40 and max(len(line) for line in lines) <= 84
    assert any(p.startswith("Зерттеудің мақсаты") and "\u2028" in p for p in paragraphs)
    assert _key(LINESEP)["field"] == "historiography"


def test_a_text_file_is_in_cp866():
    """The Russian hydrochemistry abstract saved in code page 866 (DOS Cyrillic): not UTF-8, no BOM,
    CR LF line ends; decoded as CP866 it is Russian, and neither the Windows (cp1251) nor the Unix
    (KOI8-R) code page reads it; it writes straight quotes and hyphens for « » and –."""
    raw = CP866.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert not raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\n") == raw.count(b"\r\n") > 50
    text = raw.decode("cp866")
    assert "АННОТАЦИЯ" in text and "Гидрохимический режим и загрязнение тяжелыми металлами" in text
    assert "«" not in text and "–" not in text and '"Казгидромет" (далее - Казгидромет)' in text
    assert text.encode("cp866") == raw
    assert "АННОТАЦИЯ" not in raw.decode("cp1251", errors="replace") and "АННОТАЦИЯ" not in raw.decode("koi8_r")


def test_a_markdown_file_is_multimarkdown_with_a_metadata_block():
    """The Kazakh ethnolinguistics article as Scrivener or MultiMarkdown Composer compiles it: a
    metadata block of "Key: value" lines with no YAML fences (Title, Author and its continuation
    lines, Affiliation, Base Header Level, Language, CSS), a {{TOC}} placeholder and headings with
    MultiMarkdown's explicit labels in brackets."""
    path = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "article")
    text = _text(path)
    assert text.startswith("Title:    ") and not text.startswith("---") and "\n---\n" not in text
    block = text.split("\n\n")[0].split("\n")
    assert re.match(r"Author: +Г\.Қ\. Сейітова$", block[1])
    assert block[2].strip() == "Б.Т. Оспанов" and block[3].strip() == "А.М. Нұрғалиева" and block[2].startswith(" ")
    assert "Base Header Level: 2" in block and "Language: kk" in block and any(b.startswith("CSS:") for b in block)
    assert "\n{{TOC}}\n" in text
    labelled = re.findall(r"(?m)^## .+ \[([a-z]+)\]$", text)
    assert labelled == ["kirispe", "adister", "natizheler", "qorytyndy", "adebietter"]


def test_a_markdown_file_has_headings_in_unicode_mathematical_bold():
    """The English biogeography master's thesis as copied from a LinkedIn or Telegram post: its
    section headings are lines of Unicode mathematical bold letters (U+1D400...) with no "#", which
    NFKC folds to plain Latin; the title stays a "#" heading."""
    path = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "masters-thesis")
    lines = _text(path).split("\n")
    assert not any(line.startswith("## ") for line in lines)
    assert lines[0] == "# " + _key(path)["title"]
    bold = [line for line in lines if line and all(ord(c) >= 0x1D400 or c in " -,()" for c in line)]
    assert len(bold) >= 12
    plain = [unicodedata.normalize("NFKC", line) for line in bold]
    assert "Relevance" in plain and "Aim and tasks" in plain and "Provisions for defence" in plain
    assert "𝐑𝐞𝐥𝐞𝐯𝐚𝐧𝐜𝐞" in bold and "Relevance" not in lines


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.99, 0.99, 0.84, 0.88, 0.86


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on 0e3859a (FIRST_MEASUREMENT.txt): 8/9 loaded, fields 0.833, first words
    # 0.760, entities P 0.824, R 0.688, F1 0.750. After the fixes made against it
    # (FINAL_MEASUREMENT.txt): 9/9, 1.000, 1.000, 0.849 / 0.885 / 0.867.
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
