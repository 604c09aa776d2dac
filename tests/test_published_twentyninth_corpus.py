"""The twenty-ninth held-out corpus (tests/fixtures/published-29/, issue #10): nine abstracts that
mix fields - two in economics and law (corporate finance, banking law), two in philology (textology,
cognitive linguistics), two in chemistry and geology (organic chemistry, petrology), two in pedagogy
and psychology (STEM education, cognitive psychology) and one in energy (geothermal energy) - three
Kazakh, three Russian and three English. Its answer keys say what the documents say, in the first
corpus's format, and the documents are the mix the issue asks for. The files are read with
pypdfium2, python-docx, zipfile and the text codec, never with the mappers: the corpus measures
them, so nothing here may depend on what they do. (The mappers' floors were added after the corpus
had been measured.)
"""
from __future__ import annotations

import re
import zipfile
from collections import Counter

from published_keys import (ROOT, check_floors, check_full_length, check_key_format,
                            check_key_says_what_the_document_says, check_pdfs_are_paged, check_the_mix,
                            check_word_lists_keep_their_numbers, documents, key_of, only_one, pdf_pages, word_part)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-29"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", *(f"published-{n}" for n in range(2, 29)))]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
KOI8 = CORPUS / "ru-cognitive-psychology-phd.txt"


def _decoded(path) -> str | None:
    """The text of a file in a codec other than UTF-8 (the KOI8-R file), None for the others."""
    return path.read_bytes().decode("koi8_r") if path == KOI8 else None


def _text(path) -> str:
    return _decoded(path) or path.read_text(encoding="utf-8")


def _key(path) -> dict:
    return key_of(CORPUS, path)


def _paragraphs(path):
    import docx
    return docx.Document(path).paragraphs


def test_the_corpus_is_the_mix_the_issue_asks_for():
    """check_the_mix with this corpus's counts: 3 PDF, 2 Word, 2 text and 2 Markdown files, kk/ru/en
    as 3/3/3, one Russian journal article by three authors, one Kazakh Candidate of Sciences
    autoreferat (an old specialty code), one English master's thesis, six PhD abstracts, one
    dissertation without provisions, nine fields no earlier corpus (published ... published-28) has."""
    assert len(EARLIER) == 28 and all(folder.is_dir() for folder in EARLIER)
    keys = check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=9, phd=6, new_fields=9, lang_spread=0,
                         formats=(3, 2, 2, 2), articles=1, candidate=1, doctor=0, incomplete=("provisions",))
    assert sorted(p.suffix for p in DOCUMENTS) == sorted([".pdf"] * 3 + [".docx"] * 2 + [".txt"] * 2 + [".md"] * 2)
    assert Counter(k["lang"] for k in keys.values()) == {"kk": 3, "ru": 3, "en": 3}
    assert Counter(k["kind"] for k in keys.values()) == {"dissertation": 7, "article": 1, "masters-thesis": 1}
    assert Counter(k["degree"] for k in keys.values()) == {"phd": 6, "candidate": 1, "master": 1, None: 1}
    # the article: Russian, three authors with affiliations and ORCID, МРНТИ/УДК, Аннотация and
    # Ключевые слова, IMRaD sections, references, then the Kazakh and English summaries
    article = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "article")
    assert _key(article)["lang"] == "ru" and len(_key(article)["authors"]) == 3 and _key(article)["keywords"]
    raw = _text(article)
    order = [re.search(rf"(?m)^{re.escape(s)}", raw).start()
             for s in ("МРНТИ", "УДК", "**Аннотация.**", "**Ключевые слова:**", "## Введение", "## Материалы и методы",
                       "## Результаты и обсуждение", "## Заключение", "## Литература", "**Аңдатпа.**",
                       "**Түйін сөздер:**", "**Abstract.**", "**Keywords:**")]
    assert order == sorted(order)
    assert raw.count("0000-") == 3 and re.search(r"(?m)^ORCID: 0000-\d{4}-\d{4}-\d{4} ", raw)
    assert "Вестник КазНУ. Серия экономическая" in raw
    assert all(re.search(rf"(?m)^{n}(?=[А-Я]).*[Уу]ниверситет", raw) for n in ("1", "2"))
    # the Candidate of Sciences autoreferat: Kazakh, an old specialty code, its title and council pages
    candidate = only_one(DOCUMENTS, lambda p: _key(p)["degree"] == "candidate")
    assert _key(candidate)["lang"] == "kk" and _key(candidate)["specialty_code"] == "10.01.02"
    pages = [" ".join(t.split()) for t in pdf_pages(candidate)]
    assert "Қолжазба құқығында" in pages[0] and "АВТОРЕФЕРАТЫ" in pages[0]
    assert "ғылымдарының кандидаты ғылыми дәрежесін алу үшін дайындалған диссертацияның" in pages[0]
    assert "Ғылыми жетекші:" in pages[1] and "Ресми оппоненттер:" in pages[1]
    assert pages[1].split("Ресми оппоненттер:")[1].split("Жетекші ұйым:")[0].count("профессор") + \
        pages[1].split("Ресми оппоненттер:")[1].split("Жетекші ұйым:")[0].count("доцент") == 2
    assert "Жетекші ұйым:" in pages[1] and "Д 53.18.01 диссертациялық кеңесінің" in pages[1]
    assert "Автореферат 2009 жылғы" in pages[1]
    # the master's thesis: English, a 7M code, a supervisor
    master = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "masters-thesis")
    assert _key(master)["lang"] == "en" and _key(master)["specialty_code"].startswith("7M")
    text = _text(master)
    assert "**Master's thesis**" in text and "**Scientific supervisor:**" in text
    # one dissertation without provisions, the others complete
    gapped = [k for k in keys.values() if k["kind"] == "dissertation" and k["gaps"]]
    assert [k["gaps"] for k in gapped] == [["provisions"]] and gapped[0]["counts"]["provisions"] == 0
    assert all(k["counts"]["provisions"] >= 3 and 4 <= k["counts"]["tasks"] <= 7 and 3 <= k["counts"]["novelty"] <= 5
               for k in keys.values() if k["kind"] in ("dissertation", "masters-thesis") and not k["gaps"])
    assert len({k["field"] for k in keys.values()} - {"finance", "chemistry"}) == 9


def test_the_documents_are_full_length():
    """Dissertations and the master's thesis at least 1,600 words and the article 1,000, counted as
    published_keys.counted_text counts them (the text files whole, markup and all; the KOI8-R file
    decoded)."""
    check_full_length(CORPUS, DOCUMENTS, lambda key: 1000 if key["kind"] == "article" else 1600, read_text=_text)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path, _decoded(path))


def test_the_word_lists_keep_their_numbers_in_numbering_xml():
    """The Kazakh STEM education abstract numbers its lists in numbering.xml; the English organic
    chemistry abstract types its numbers by hand (its trap, tested below)."""
    path = only_one(WORD, lambda p: "numbering" in "".join(zipfile.ZipFile(p).namelist())
                    and "<w:numPr>" in word_part(p))
    assert path.name == "kk-stem-education-phd.docx"
    check_word_lists_keep_their_numbers(CORPUS, path)


def test_the_pdfs_have_a_text_layer_and_page_numbers():
    check_pdfs_are_paged(PDF, 4)


def test_a_pdf_opens_as_facing_pages_with_viewer_preferences_from_an_incremental_update():
    """The English geothermal abstract as a print office leaves it for duplex printing: an
    incremental update (a second xref section with /Prev, a second %%EOF) rewrites the catalog with
    /PageLayout /TwoPageRight (facing pages, odd pages on the right), /PageMode /UseThumbs and
    /ViewerPreferences (DisplayDocTitle, Duplex, PrintScaling None, NumCopies 2); the catalog
    LibreOffice wrote has no page layout and no duplex setting, and the text layer is unchanged."""
    path = only_one(PDF, lambda p: b"/TwoPageRight" in p.read_bytes())
    raw = path.read_bytes()
    assert raw.count(b"%%EOF") == 2 and re.search(rb"/Prev \d+>>\nstartxref", raw)
    first, update = raw.split(b"%%EOF")[0], raw.split(b"%%EOF")[1]
    assert b"/TwoPageRight" not in first and b"/Duplex" not in first and b"/PageLayout" not in first
    catalog = re.search(rb"\d+ 0 obj\n(<</Type/Catalog.*?)\nendobj", update, flags=re.S).group(1)
    assert b"/PageLayout/TwoPageRight" in catalog and b"/PageMode/UseThumbs" in catalog
    assert re.search(rb"/ViewerPreferences<<[^>]*/Duplex/DuplexFlipLongEdge[^>]*/NumCopies 2", catalog)
    assert b"/Pages " in catalog and b"/Outlines " in catalog
    import pypdfium2
    pdf = pypdfium2.PdfDocument(str(path))
    assert len(pdf) == len(pdf_pages(path)) >= 4
    assert "Research tasks" in pdf_pages(path)[1] + pdf_pages(path)[0]
    assert _key(path)["field"] == "geothermal energy" and _key(path)["gaps"] == ["provisions"]


def test_a_word_file_has_headings_and_numbers_made_by_hand():
    """The English organic chemistry abstract as a typist who never met Word's styles writes it:
    every paragraph is Normal (no heading style, no outline level), the headings are bold by direct
    formatting of their runs, and every numbered item has its number typed by hand followed by a
    tab ("1.⇥to develop…"); document.xml has no w:numPr, and each list starts again at 1."""
    path = only_one(WORD, lambda p: "<w:numPr>" not in word_part(p))
    body = word_part(path)
    assert "<w:outlineLvl" not in body and "Heading" not in body and "<w:pStyle" not in body
    paragraphs = _paragraphs(path)
    assert {p.style.name for p in paragraphs} == {"Normal"}
    headings = [p for p in paragraphs if p.text in ("Relevance of the research", "Tasks of the research",
                                                    "Scientific novelty", "Provisions submitted for defence")]
    assert len(headings) == 4 and all(r.bold for p in headings for r in p.runs if r.text.strip())
    typed = [p.text for p in paragraphs if re.match(r"\d+\.\t", p.text)]
    numbers = [int(t.split(".")[0]) for t in typed]
    assert numbers == [1, 2, 3, 4, 5, 1, 2, 3, 4, 1, 2, 3]
    assert typed[0].startswith("1.\tto develop conditions")
    assert sum(_key(path)["counts"].values()) == len(typed)


def test_a_text_file_is_in_koi8_r():
    """The Russian cognitive psychology abstract saved in KOI8-R, the Cyrillic code page of Unix mail
    and old Linux systems: not UTF-8, no BOM, LF line ends; decoded as KOI8-R it is Russian, and it
    writes straight quotes and hyphens, which KOI8-R has, for « » and –."""
    raw = KOI8.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw
    text = raw.decode("koi8_r")
    assert "АННОТАЦИЯ" in text and "Рабочая память и когнитивный контроль" in text
    assert "«" not in text and "–" not in text and '"билингвального преимущества"' in text
    assert text.encode("koi8_r") == raw
    # the cp1251 reading of the same bytes is not Russian: the codec matters
    assert "АННОТАЦИЯ" not in raw.decode("cp1251")


def test_a_text_file_is_word_plain_text_with_character_substitution():
    """The Kazakh cognitive linguistics abstract as Word's "Save as Plain Text" leaves it with
    "Insert line breaks" and "Allow character substitution" on: CR LF at the end of every line,
    lines no longer than the wrap width, « » and “ ” as straight quotes, – and — as hyphens; the
    key's quotes are the text as printed, so they have straight quotes and hyphens too."""
    path = CORPUS / "kk-cognitive-linguistics-phd.txt"
    raw = path.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") > 150
    text = raw.decode("utf-8")
    assert not set("«»“”–—…\u00a0") & set(text)
    assert '"жоғары - төмен", "алды - арты"' in text and "8D02301 - Филология" in text
    assert max(len(line) for line in text.split("\r\n")) <= 80
    key = _key(path)
    assert any('2023-2029' in e["text"] for e in key["entities"])
    assert not any(set("«»–—") & set(e["text"]) for e in key["entities"])


def test_a_markdown_file_is_a_quarto_source():
    """The English petrology master's thesis as a Quarto (.qmd) source saved as .md: YAML front matter
    with Quarto's keys (format: docx with a reference document, lang, bibliography, execute), an R
    code chunk with "#|" chunk options (label, tbl-cap) before the methods, and a cross-reference
    @tbl-samples to the chunk's table in the text."""
    path = CORPUS / "en-petrology-masters.md"
    text = _text(path)
    front = text.split("\n---\n")[0]
    assert text.startswith("---\n") and "format:\n  docx:\n    reference-doc:" in front
    assert "execute:\n  echo: false" in front and "bibliography: references.bib" in front
    chunk = re.search(r"```\{r\}\n(.*?)\n```", text, flags=re.S).group(1)
    assert chunk.startswith("#| label: tbl-samples\n#| tbl-cap:") and "knitr::kable" in chunk
    assert "in @tbl-samples." in text
    assert text.index("```{r}") < text.index("## Methods and materials") < text.index("## Scientific novelty")


def test_a_markdown_file_has_hard_line_breaks_of_two_trailing_spaces():
    """The Russian corporate finance article as a text pasted from a PDF viewer into a Markdown
    editor: every paragraph line longer than 88 characters is wrapped at a space, and each wrapped
    line ends in two spaces (Markdown's hard line break); a paragraph is several lines, not one, and
    headings and numbered references are left whole."""
    path = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "article")
    lines = _text(path).split("\n")
    broken = [line for line in lines if line.endswith("  ") and not line.endswith("   ")]
    assert len(broken) > 60 and all(len(line) <= 90 for line in broken)
    assert all(not line.startswith("#") for line in broken)
    assert max(len(line) for line in lines if not re.match(r"\d+\. ", line)) <= 90
    # the abstract is one paragraph over several lines, each but the last with its two spaces
    start = next(i for i, line in enumerate(lines) if line.startswith("**Аннотация.**"))
    end = next(i for i in range(start, len(lines)) if not lines[i].strip())
    assert end - start >= 8 and all(line.endswith("  ") for line in lines[start:end - 1])
    assert not lines[end - 1].endswith(" ")


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.99, 0.99, 0.86, 0.90, 0.88


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on 190de52 (FIRST_MEASUREMENT.txt): 8/9 loaded, fields 0.833, first words
    # 0.695, entities P 0.870, R 0.792, F1 0.829. After the fixes made against it
    # (FINAL_MEASUREMENT.txt): 9/9, 1.000, 1.000, 0.876 / 0.922 / 0.899.
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
