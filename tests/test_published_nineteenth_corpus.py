"""The nineteenth held-out corpus (tests/fixtures/published-19/, issue #10): nine full-length
abstracts from the natural and technical sciences (mycology, corrosion science, photonics),
medicine and agriculture (rheumatology, neonatology, viticulture) and the humanities, law and
social sciences (toponymy, penitentiary law, social anthropology). Its answer keys say what the
documents say, in the first corpus's format, and the documents are the mix the issue asks for.
The files are read with pypdfium2, python-docx, zipfile and Python's own codecs, never with the
mappers: the corpus measures them, so nothing here may depend on what they do. Two text files
are not what published_keys.py reads as plain UTF-8 text (an RTF file saved under .txt, a file
with classic Mac OS CR line ends): their key checks run on a UTF-8 copy of the text a reader
gets from them, decoded here. (The mappers' floors are added after the corpus has been measured.)
"""
from __future__ import annotations

import json
import re
import zipfile

from published_keys import (ROOT, check_floors, check_key_format, check_key_says_what_the_document_says, check_the_mix,
                            check_word_lists_keep_their_numbers, documents)
from published_keys import counted_text, pdf_text

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-19"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ["published"] + [f"published-{n}" for n in range(2, 19)]]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
TEXT = [p for p in DOCUMENTS if p.suffix in (".txt", ".md")]
SKIPPED_GROUPS = ("fonttbl", "colortbl", "stylesheet", "info", "*")


def _rtf_plain(rtf: str) -> str:
    """The text of an RTF file as a reader that knows RTF shows it: header groups skipped,
    \\par a new paragraph, \\'xx a windows-1251 byte, \\uN a Unicode letter (its "?"
    substitute, one character or one \\'xx, skipped), other control words dropped."""
    out: list[str] = []
    skip_depth = None
    depth = 0
    i = 0
    while i < len(rtf):
        ch = rtf[i]
        if ch == "{":
            depth += 1
            word = re.match(r"\{\\(\*|[a-z]+)", rtf[i:])
            if skip_depth is None and word and word.group(1) in SKIPPED_GROUPS:
                skip_depth = depth
            i += 1
        elif ch == "}":
            if skip_depth == depth:
                skip_depth = None
            depth -= 1
            i += 1
        elif ch == "\\":
            if rtf[i + 1] in "\\{}":
                text, i = rtf[i + 1], i + 2
            elif rtf[i + 1] == "'":
                text, i = bytes([int(rtf[i + 2:i + 4], 16)]).decode("cp1251"), i + 4
            elif rtf[i + 1] == "~":
                text, i = "\u00a0", i + 2
            elif rtf[i + 1] == "*":
                text, i = "", i + 2
            else:
                m = re.match(r"\\([a-z]+)(-?\d+)? ?", rtf[i:])
                word, number = m.group(1), m.group(2)
                i += m.end()
                text = {"par": "\n", "page": "\n", "tab": "\t", "line": "\n"}.get(word, "")
                if word == "u":
                    code = int(number)
                    text = chr(code + 65536 if code < 0 else code)
                    # \uc1: the substitute that follows is one character or one \'xx
                    i += 4 if rtf[i] == "\\" and rtf[i + 1] == "'" else 1
            if skip_depth is None:
                out.append(text)
        else:
            if skip_depth is None and ch not in "\r\n":
                out.append(ch)
            i += 1
    return "".join(out)


def _text(path) -> str:
    """A text file's text as a reader gets it: RTF decoded, CR-only line ends made line ends."""
    data = path.read_bytes()
    if data.startswith(b"{\\rtf"):
        return _rtf_plain(data.decode("ascii"))
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def _is_plain_utf8(path) -> bool:
    data = path.read_bytes()
    return not data.startswith(b"{\\rtf") and not (b"\r" in data and b"\n" not in data)


def test_the_corpus_is_the_mix_the_issue_asks_for():
    keys = check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=9, phd=5, new_fields=9, formats=(2, 3, 2, 2),
                         articles=1, candidate=1, doctor=0, incomplete=("provisions",))
    # three fields from each of the three domains the issue's brief for this corpus names
    assert {k["field"] for k in keys.values()} == {
        "mycology", "corrosion science", "photonics", "rheumatology", "neonatology", "viticulture",
        "toponymy", "penitentiary law", "social anthropology"}


def test_the_documents_are_full_length():
    """Real abstracts, not sketches (Kazakh words are long: its abstracts have fewer of them for
    the same content)."""
    for path in DOCUMENTS:
        key = json.loads((CORPUS / "expected" / f"{path.name}.json").read_text(encoding="utf-8"))
        text = counted_text(path, _text)
        floor = {"article": 300, "masters-thesis": 900}.get(key["kind"], 1350 if key["lang"] == "kk" else 1500)
        assert len(text.split()) >= floor, (path.name, len(text.split()))


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    # (a file the shared reader cannot decode is checked in the text this test decodes)
    decoded = _text(path) if path.suffix in (".txt", ".md") and not _is_plain_utf8(path) else None
    check_key_says_what_the_document_says(CORPUS, path, decoded)


@pytest.mark.parametrize("path", WORD, ids=lambda p: p.name)
def test_the_word_lists_keep_their_numbers_in_numbering_xml(path):
    check_word_lists_keep_their_numbers(CORPUS, path)


def test_a_text_file_is_rtf_saved_under_txt():
    """Word's "Rich Text Format" under a .txt name: {\\rtf1 with \\ansicpg1251, a font table and
    a style sheet, every byte ASCII, Russian letters as \\'xx escapes of windows-1251, Kazakh ones
    (ә ғ қ ң ө ұ ү һ) as \\uN\\'3f, paragraphs ended by \\par and list numbers in \\listtext groups."""
    found = [p for p in TEXT if p.read_bytes().startswith(b"{\\rtf1")]
    assert found and all(p.suffix == ".txt" and p.name.startswith("kk-") for p in found)
    data = found[0].read_bytes()
    assert all(b < 128 for b in data)
    raw = data.decode("ascii")
    assert "\\ansicpg1251" in raw and "{\\fonttbl" in raw and "{\\stylesheet" in raw and "{\\info" in raw
    assert "\\u1241\\'3f" in raw and "\\u1179\\'3f" in raw and re.search(r"\\'[c-f][0-9a-f]", raw)
    assert raw.count("\\par") > 40 and "{\\listtext" in raw
    plain = _rtf_plain(raw)
    assert "Зерттеудің өзектілігі." in plain and "Аркадия" in plain and "\\" not in plain


def test_a_text_file_has_classic_mac_line_ends():
    """Saved with "CR only" line ends, as classic Mac OS and some old converters write: carriage
    returns and not one line feed, so a reader splitting on LF sees a single line."""
    found = [p for p in TEXT if b"\r" in p.read_bytes() and b"\n" not in p.read_bytes()]
    assert found and all(p.suffix == ".txt" for p in found)
    data = found[0].read_bytes()
    assert data.count(b"\r") > 100
    assert len(data.decode("utf-8").split("\n")) == 1 and "Актуальность темы исследования" in _text(found[0])


def test_a_pdf_has_document_properties_that_name_a_word_file():
    """The PDF's /Title is "Microsoft Word - <file name>.docx" and its /Author the council's
    secretary: neither is the work's title or author."""
    import pypdfium2
    for path in PDF:
        pdf = pypdfium2.PdfDocument(path)
        try:
            meta = pdf.get_metadata_dict()
        finally:
            pdf.close()
        if meta.get("Title", "").startswith("Microsoft Word - "):
            key = json.loads((CORPUS / "expected" / f"{path.name}.json").read_text(encoding="utf-8"))
            assert meta["Title"].endswith(".docx") and key["title"] not in meta["Title"]
            assert meta["Author"] and key["author"].split()[0] not in meta["Author"]
            assert key["title"].split()[0] in pdf_text(path)
            return
    raise AssertionError("no PDF whose /Title names a Word file")


def test_a_pdf_has_a_page_stored_turned():
    """One page carries /Rotate 90 (a table page inserted turned) among upright pages; its text
    layer is the same text as on any other page."""
    import pypdfium2
    for path in PDF:
        pdf = pypdfium2.PdfDocument(path)
        try:
            turned = [(page.get_rotation(), page.get_textpage().get_text_range()) for page in pdf]
        finally:
            pdf.close()
        rotated = [text for angle, text in turned if angle == 90]
        if rotated:
            assert len(rotated) == 1 and sum(1 for angle, _ in turned if angle == 0) >= 4
            assert "Структура и объем" in rotated[0] and "Таблица 1" in rotated[0]
            return
    raise AssertionError("no PDF with a page stored with /Rotate 90")


def test_a_markdown_file_is_a_jekyll_post():
    """A university site's Jekyll post: front matter with layout and categories, Liquid tags
    ({% include %}, {% link %}), kramdown attribute lists ({: .notice--info}) under paragraphs,
    the excerpt separator <!--more-->."""
    assert any(re.match(r"---\nlayout: post\n", t) and "{% include toc" in t and "{% link " in t
               and re.search(r"(?m)^\{: \.notice--info\}$", t) and "<!--more-->" in t and "categories: [" in t
               for t in (_text(p) for p in TEXT if p.suffix == ".md"))


def test_a_markdown_file_is_a_hackmd_note():
    """A HackMD note: [TOC], :::info and :::warning containers, a ###### tags: line, comments
    signed [name=…] [time=…] [color=…], a {%hackmd … %} embed."""
    assert any("[TOC]" in t and re.search(r"(?m)^:::info$", t) and re.search(r"(?m)^:::warning$", t)
               and re.search(r"(?m)^###### tags: `", t) and "[name=" in t and "[time=" in t and "[color=#" in t
               and "{%hackmd " in t for t in (_text(p) for p in TEXT if p.suffix == ".md"))


def test_a_word_file_is_protected_read_only():
    """Word's "Restrict editing": word/settings.xml holds w:documentProtection with
    w:edit="readOnly", w:enforcement="1" and a password hash and salt."""
    found = []
    for path in WORD:
        with zipfile.ZipFile(path) as z:
            settings = z.read("word/settings.xml").decode("utf-8")
        m = re.search(r"<w:documentProtection [^>]*/>", settings)
        if m:
            found.append(path)
            assert 'w:edit="readOnly"' in m.group(0) and 'w:enforcement="1"' in m.group(0)
            assert "w:hash=" in m.group(0) and "w:salt=" in m.group(0) and "w:cryptSpinCount=" in m.group(0)
    assert found and found[0].name.startswith("kk-")


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.99, 0.99, 0.84, 0.88, 0.86


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on 6f482f5 (FIRST_MEASUREMENT.txt): 8/9 loaded (an RTF file saved as .txt
    # refused), fields 0.878, first words 0.891, entities P 0.845, R 0.809, F1 0.827. After the
    # fixes made against it and the twentieth (FINAL_MEASUREMENT.txt): 9/9, 1.000, 1.000,
    # 0.850 / 0.893 / 0.871.
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
