"""The thirty-second held-out corpus (tests/fixtures/published-32/, issue #10): nine abstracts that
mix fields - two in the humanities (paremiology, book history), two in the natural sciences
(lichenology, speleology), two in engineering and agriculture (mine ventilation, cucurbit growing),
two in the social sciences and education (chemistry education, civil society studies) and one in
medicine (sleep medicine) - three Kazakh, three Russian and three English. Its answer keys say what
the documents say, in the first corpus's format, and the documents are the mix the issue asks for.
The files are read with pypdfium2, python-docx, zipfile and the text codecs, never with the
mappers: the corpus measures them, so nothing here may depend on what they do. (The mappers'
floors, the last test, were added after the corpus had been measured.)
"""
from __future__ import annotations

import html
import re
from collections import Counter

from published_keys import (ROOT, check_floors, check_full_length, check_key_format, check_key_says_what_the_document_says,
                            check_pdfs_are_paged, check_the_mix, check_word_lists_keep_their_numbers, documents,
                            key_of, only_one, pdf_pages, word_part)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-32"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", *(f"published-{n}" for n in range(2, 32)))]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
JUNK_PDF = CORPUS / "ru-chemistry-education-candidate.pdf"
ABBYY = CORPUS / "ru-lichenology-article.docx"
ISO = CORPUS / "ru-mine-ventilation-phd.txt"
UTF7 = CORPUS / "kk-cucurbit-growing-phd.txt"
CRCRLF = CORPUS / "en-book-history-phd.md"
NO_APPROBATION = CORPUS / "kk-sleep-medicine-phd-no-approbation.pdf"


def _decoded(path) -> str | None:
    """The text of a file that is not plain UTF-8 (ISO 8859-5, UTF-7), None for the others."""
    if path == ISO:
        return path.read_bytes().decode("iso8859_5")
    if path == UTF7:
        return path.read_bytes().decode("utf_7")
    return None


def _text(path) -> str:
    return _decoded(path) or path.read_text(encoding="utf-8")


def _key(path) -> dict:
    return key_of(CORPUS, path)


def test_the_corpus_is_the_mix_the_issue_asks_for():
    """check_the_mix with this corpus's counts: 3 PDF, 2 Word, 2 text and 2 Markdown files, kk/ru/en
    as 3/3/3, one Russian journal article by three authors, one Russian Candidate of Sciences
    autoreferat (an old specialty code), one Kazakh master's thesis, six PhD abstracts, one
    dissertation without approbation and publications, nine fields no earlier corpus (published ...
    published-31) has."""
    assert len(EARLIER) == 31 and all(folder.is_dir() for folder in EARLIER)
    # check_the_mix knows three kinds of gap (provisions, front, tasks); this corpus's gap is none
    # of them, so it only counts the incomplete work there and the gap is checked below
    keys = check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=9, phd=6, new_fields=9, lang_spread=0,
                         formats=(3, 2, 2, 2), articles=1, candidate=1, doctor=0, incomplete=("approbation",))
    assert sorted(p.suffix for p in DOCUMENTS) == sorted([".pdf"] * 3 + [".docx"] * 2 + [".txt"] * 2 + [".md"] * 2)
    assert Counter(k["lang"] for k in keys.values()) == {"kk": 3, "ru": 3, "en": 3}
    assert Counter(k["kind"] for k in keys.values()) == {"dissertation": 7, "article": 1, "masters-thesis": 1}
    assert Counter(k["degree"] for k in keys.values()) == {"phd": 6, "candidate": 1, "master": 1, None: 1}
    for lang in ("kk", "ru", "en"):
        assert len({p.suffix for p in DOCUMENTS if _key(p)["lang"] == lang}) >= 2, lang
    # the article: Russian, three authors with affiliations, МРНТИ/УДК/DOI, Аннотация and Ключевые
    # слова, IMRaD sections, Литература, then the Kazakh and English summaries
    import docx
    article = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "article")
    assert article == ABBYY and _key(article)["lang"] == "ru" and len(_key(article)["authors"]) == 3
    raw = "\n".join(p.text for p in docx.Document(article).paragraphs)
    order = [re.search(rf"(?m)^{re.escape(s)}", raw).start()
             for s in ("МРНТИ", "УДК", "https://doi.org/", "Аннотация.", "Ключевые слова:", "Введение",
                       "Материалы и методы", "Результаты", "Обсуждение", "Заключение", "Литература",
                       "Аңдатпа.", "Түйін сөздер:", "Abstract.", "Key words:")]
    assert order == sorted(order)
    assert "Казахский национальный университет имени аль-Фараби" in raw and "Восточно-Казахстанский университет" in raw
    # the Candidate of Sciences autoreferat: Russian, an old specialty code, title and council pages
    candidate = only_one(DOCUMENTS, lambda p: _key(p)["degree"] == "candidate")
    assert candidate == JUNK_PDF and _key(candidate)["specialty_code"] == "13.00.02"
    pages = [" ".join(t.replace("\ufffe", "").split()) for t in pdf_pages(candidate)]
    assert "На правах рукописи" in pages[0] and "кандидата педагогических наук" in pages[0]
    assert "Официальные оппоненты:" in pages[1] and "Ведущая организация:" in pages[1]
    assert "Автореферат разослан" in pages[1]
    body = " ".join(pages[2:])
    assert "ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ" in body and "Основные положения, выносимые на защиту" in body
    assert "ОСНОВНОЕ СОДЕРЖАНИЕ РАБОТЫ" in body and "Список опубликованных работ" in body
    # the master's thesis: Kazakh, a 7M code, a supervisor
    master = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "masters-thesis")
    assert _key(master)["lang"] == "kk" and _key(master)["specialty_code"].startswith("7M")
    text = _text(master)
    assert "магистрі академиялық дәрежесін алу үшін" in text and "**Ғылыми жетекші:**" in text
    # one dissertation without approbation and publications, the others complete
    gapped = [k for k in keys.values() if k["kind"] == "dissertation" and k["gaps"]]
    assert [k["gaps"] for k in gapped] == [["approbation", "publications"]]
    assert gapped[0]["publications_total"] is None
    assert all(gapped[0]["counts"][part] >= 4 for part in ("tasks", "novelty", "provisions"))
    assert all(k["counts"]["provisions"] >= 3 and 4 <= k["counts"]["tasks"] <= 7 and 3 <= k["counts"]["novelty"] <= 5
               for k in keys.values() if k["kind"] in ("dissertation", "masters-thesis"))
    assert all(k["publications_total"] for k in keys.values() if k["kind"] != "article" and not k["gaps"])


def test_a_dissertation_has_no_approbation_and_no_publications():
    """The Kazakh sleep medicine abstract: relevance, aim, tasks, object and subject, methods,
    novelty, provisions, significance, structure and content - but no approbation section and no
    word of publications (no count, no list)."""
    text = " ".join("\n".join(pdf_pages(NO_APPROBATION)).replace("\ufffe", "").replace("\u00ad", "").split()).casefold()
    for there in ("өзектілігі", "міндеттері", "зерттеу нысаны", "ғылыми жаңалығы", "қорғауға шығарылатын",
                  "практикалық маңыздылығы", "құрылымы мен көлемі"):
        assert there in text, there
    for missing in ("апробац", "жарияланды", "жарияланым", "баяндалды", "мақала"):
        assert missing not in text, missing


def test_the_documents_are_full_length():
    """Every document holds at least the words it was written with (see the README: the corpus was
    written under time pressure and is shorter than corpus 31's), counted as
    published_keys.counted_text counts them (the text files decoded)."""
    check_full_length(CORPUS, DOCUMENTS, lambda key: 1000 if key["kind"] == "article" else FLOOR, read_text=_text)


FLOOR = 850  # the shortest, the Kazakh master's thesis, has 861 words; corpus 31 had 1,600


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path, _decoded(path))


@pytest.mark.parametrize("path", WORD, ids=lambda p: p.name)
def test_the_word_lists_keep_their_numbers_in_numbering_xml(path):
    check_word_lists_keep_their_numbers(CORPUS, path)


def test_the_pdfs_have_a_text_layer_and_page_numbers():
    check_pdfs_are_paged(PDF, 3)


def test_a_pdf_has_a_php_notice_before_its_header():
    """The Russian Candidate autoreferat as a university site's download script serves it: a UTF-8
    byte-order mark and a PHP notice come before "%PDF-"; the PDF itself is whole after them, and
    pdfium (which looks for the header in the first 1,024 bytes) reads it."""
    raw = JUNK_PDF.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf<br />\n<b>Notice</b>:") and not raw.startswith(b"%PDF-")
    start = raw.index(b"%PDF-")
    assert 0 < start < 1024 and raw.rstrip().endswith(b"%%EOF")
    assert b"download.php" in raw[:start]
    assert "Формирование исследовательских умений" in pdf_pages(JUNK_PDF)[0]


def test_a_word_file_has_its_text_in_abbyy_style_runs():
    """The Russian article as ABBYY FineReader leaves an OCR'd scan saved as Word: the text in runs
    of two to five characters cut inside words, each with its own w:spacing; python-docx joins the
    runs back into words, a space between runs breaks them."""
    import docx
    body = word_part(ABBYY)
    texts = re.findall(r"<w:t[^>]*>([^<]*)</w:t>", body)
    assert len(texts) > 2000 and max(len(html.unescape(t)) for t in texts) <= 5
    assert body.count("<w:spacing w:val=") > 2000
    assert "Лишайники давно используются" in "\n".join(p.text for p in docx.Document(ABBYY).paragraphs)
    assert "Лишайники давно используются" not in " ".join(texts)


def test_a_text_file_is_in_iso_8859_5():
    """The Russian mine ventilation abstract in ISO 8859-5: not UTF-8; cp1251, KOI8-R, CP866 and Mac
    Cyrillic do not read it as Russian; the code page has no « » or dashes, so the text has "..."
    and "-"."""
    raw = ISO.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("iso8859_5")
    assert "Актуальность темы исследования" in text and "рециркуляционного проветривания" in text
    assert "«" not in text and "–" not in text and '"Казцинк"' in text and text.encode("iso8859_5") == raw
    for codec in ("cp1251", "koi8_r", "cp866", "mac_cyrillic"):
        assert "Актуальность" not in raw.decode(codec, errors="replace"), codec


def test_a_text_file_is_in_utf7():
    """The Kazakh cucurbit growing abstract in UTF-7: every byte ASCII, the Kazakh letters in
    "+...-" blocks of modified base64; decoded as UTF-7 it is Kazakh."""
    raw = UTF7.read_bytes()
    assert all(b < 128 for b in raw) and raw.count(b"+") > 500
    shown = raw.decode("ascii")
    assert "Тақырып" not in shown and re.search(r"\+[A-Za-z0-9+/]{8,}-?", shown)
    text = raw.decode("utf_7")
    assert "Тақырыптың өзектілігі" in text and "тамшылатып суару" in text and "ә" in text and "ұ" in text


def test_a_markdown_file_ends_its_lines_in_cr_cr_lf():
    """The English book history abstract with CR CR LF line ends (text-mode writing of text that
    already held CR LF): every line feed follows two carriage returns, none stands alone."""
    raw = CRCRLF.read_bytes()
    assert raw.count(b"\r\r\n") > 50 and raw.count(b"\n") == raw.count(b"\r\r\n")
    assert raw.count(b"\r") == 2 * raw.count(b"\n")
    text = raw.decode("utf-8").replace("\r", "")
    assert "## Relevance of the research topic" in text and "## Provisions submitted for defence" in text


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.99, 0.99, 0.86, 0.88, 0.87


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on 339c0e7 (FIRST_MEASUREMENT.txt): 7/9 loaded, fields 0.778, first words
    # 0.743, entities P 0.853, R 0.655, F1 0.741 (the seven documents read had every field right).
    # After the fixes made against it (FINAL_MEASUREMENT.txt): 9/9, 1.000, 1.000, 0.873 / 0.892 / 0.883.
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
