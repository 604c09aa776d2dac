"""The twenty-sixth held-out corpus (tests/fixtures/published-26/, issue #10): nine abstracts that
mix fields - three in agriculture, veterinary science and geography (sheep breeding, veterinary
sanitation, desertification), two in medicine and pharmacy (infectious diseases, pharmaceutical
technology), two in history and international relations (history of Kazakhstan, nuclear
non-proliferation), two in mathematics and chemistry (inverse problems, coordination chemistry) -
four Kazakh, three Russian and two English. Its answer keys say what the documents say, in the
first corpus's format, and the documents are the mix the issue asks for. The files are read with
pypdfium2, python-docx, zipfile, json and the text codec, never with the mappers: the corpus
measures them, so nothing here may depend on what they do. (The mappers' floors are added after
the corpus has been measured.)
"""
from __future__ import annotations

import json
import re
import zipfile
from collections import Counter

from published_keys import (ROOT, check_floors, check_full_length, check_key_format,
                            check_key_says_what_the_document_says, check_pdfs_are_paged, check_the_mix,
                            check_word_lists_keep_their_numbers, documents, key_of, only_one, pdf_pages, word_part)

import pytest

CORPUS = ROOT / "tests" / "fixtures" / "published-26"
EARLIER = [ROOT / "tests" / "fixtures" / name / "expected"
           for name in ("published", *(f"published-{n}" for n in range(2, 26)))]
DOCUMENTS = documents(CORPUS)
WORD = [p for p in DOCUMENTS if p.suffix == ".docx"]
PDF = [p for p in DOCUMENTS if p.suffix == ".pdf"]
TEXT = [p for p in DOCUMENTS if p.suffix in (".txt", ".md")]
KZ1048 = "kk-veterinary-sanitation-phd.txt"  # the one file not in UTF-8


def _text(path) -> str:
    return path.read_bytes().decode("kz1048" if path.name == KZ1048 else "utf-8")


def _key(path) -> dict:
    return key_of(CORPUS, path)


def test_the_corpus_is_the_mix_the_issue_asks_for():
    """check_the_mix with this corpus's counts: 2 PDF, 2 Word, 3 text and 2 Markdown files, kk/ru/en
    as 4/3/2, one English journal article by three authors, one Kazakh Doctor of Sciences
    autoreferat (an old specialty code), one master's thesis, six PhD abstracts, one dissertation
    without provisions, nine fields no earlier corpus (published ... published-25) has."""
    assert len(EARLIER) == 25 and all(folder.is_dir() for folder in EARLIER)
    keys = check_the_mix(CORPUS, DOCUMENTS, EARLIER, at_least=9, phd=6, new_fields=9, lang_spread=2,
                         formats=(2, 2, 3, 2), articles=1, candidate=0, doctor=1, incomplete=("provisions",))
    assert sorted(p.suffix for p in DOCUMENTS) == sorted([".pdf"] * 2 + [".docx"] * 2 + [".txt"] * 3 + [".md"] * 2)
    assert Counter(k["lang"] for k in keys.values()) == {"kk": 4, "ru": 3, "en": 2}
    assert Counter(k["kind"] for k in keys.values()) == {"dissertation": 7, "article": 1, "masters-thesis": 1}
    assert Counter(k["degree"] for k in keys.values()) == {"phd": 6, "doctor": 1, "master": 1, None: 1}
    # the article: English, three authors, keywords, Kazakh and Russian summaries at the end
    article = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "article")
    assert _key(article)["lang"] == "en" and len(_key(article)["authors"]) == 3 and _key(article)["keywords"]
    raw = _text(article)
    order = [re.search(rf"(?m)^{re.escape(s)}", raw).start()
             for s in ("Abstract.", "Keywords:", "Introduction", "Conclusion", "References",
                       "Түйін.", "Түйін сөздер:", "Аннотация.", "Ключевые слова:")]
    assert order == sorted(order)
    # the Doctor of Sciences autoreferat: Kazakh, an old specialty code, its title page
    doctor = only_one(DOCUMENTS, lambda p: _key(p)["degree"] == "doctor")
    assert _key(doctor)["lang"] == "kk" and re.fullmatch(r"\d\d\.\d\d\.\d\d", _key(doctor)["specialty_code"])
    first = " ".join(pdf_pages(doctor)[0].split())
    assert "Қолжазба құқығында" in first and "АВТОРЕФЕРАТЫ" in first
    assert "Тарих ғылымдарының докторы ғылыми дәрежесін алу үшін дайындалған диссертацияның" in first
    # the master's thesis
    master = only_one(DOCUMENTS, lambda p: _key(p)["kind"] == "masters-thesis")
    assert "магистерской диссертации" in _text(master) and _key(master)["degree"] == "master"
    # one dissertation without provisions, the others complete
    gapped = [k for k in keys.values() if k["kind"] == "dissertation" and k["gaps"]]
    assert [k["gaps"] for k in gapped] == [["provisions"]] and gapped[0]["counts"]["provisions"] == 0
    assert all(k["counts"]["provisions"] >= 3 and 4 <= k["counts"]["tasks"] <= 7 and 3 <= k["counts"]["novelty"] <= 5
               for k in keys.values() if k["kind"] in ("dissertation", "masters-thesis") and not k["gaps"])
    assert len({k["field"] for k in keys.values()}) == 9


def test_the_documents_are_full_length():
    """Dissertations and the master's thesis at least 1,600 words and the article 1,000, counted
    as published_keys.counted_text counts them (for the text files: the whole file, markup and all;
    the KZ-1048 file decoded first)."""
    check_full_length(CORPUS, [p for p in DOCUMENTS if p.name != KZ1048],
                      lambda key: 1000 if key["kind"] == "article" else 1600)
    check_full_length(CORPUS, [p for p in DOCUMENTS if p.name == KZ1048],
                      lambda key: 1000 if key["kind"] == "article" else 1600, _text)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_has_the_first_corpus_format(path):
    check_key_format(CORPUS, path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_the_key_says_what_the_document_says(path):
    check_key_says_what_the_document_says(CORPUS, path, _text(path) if path.name == KZ1048 else None)


@pytest.mark.parametrize("path", WORD, ids=lambda p: p.name)
def test_the_word_lists_keep_their_numbers_in_numbering_xml(path):
    check_word_lists_keep_their_numbers(CORPUS, path)


def test_the_pdfs_have_a_text_layer_and_page_numbers():
    check_pdfs_are_paged(PDF, 4)


def test_a_pdf_is_a_print_shops_press_file_with_crop_marks():
    """The Doctor of Sciences autoreferat as the print shop's press file: every page's MediaBox 28 pt
    larger than its TrimBox on each side, a BleedBox between them, eight stroked crop-mark paths
    outside the trim and a slug line (file name, format 60x84 1/16) in the text layer; the last
    page carries the imprint («Басуға … қол қойылды. Пішімі 60×84 1/16 … Таралымы 100 дана»)."""
    import pypdfium2
    import pypdfium2.raw as raw
    path = only_one(PDF, lambda p: b"/TrimBox" in p.read_bytes())
    pdf = pypdfium2.PdfDocument(path)
    try:
        for page in pdf:
            media, trim, bleed = page.get_mediabox(), page.get_trimbox(), page.get_bleedbox()
            assert [round(t - m) for m, t in zip(media[:2], trim[:2])] == [28, 28]
            assert [round(m - t) for m, t in zip(media[2:], trim[2:])] == [28, 28]
            assert media[0] < bleed[0] < trim[0] and trim[2] < bleed[2] < media[2]
            paths = [o for o in page.get_objects() if o.type == raw.FPDF_PAGEOBJ_PATH]
            outside = [o for o in paths if (lambda b: b[2] <= trim[0] + 0.5 or b[0] >= trim[2] - 0.5
                                            or b[3] <= trim[1] + 0.5 or b[1] >= trim[3] - 0.5)(o.get_bounds())]
            assert len(outside) >= 8
            page.close()
    finally:
        pdf.close()
    pages = pdf_pages(path)
    assert all("avtoreferat_Seitkaliyeva_2009.pdf 60x84 1/16" in t for t in pages)
    imprint = " ".join(pages[-1].split())
    assert "Басуға 2009 жылғы 20 қазанда қол қойылды" in imprint and "Таралымы 100 дана" in imprint
    assert _key(path)["degree"] == "doctor"


def test_a_pdf_has_page_labels_from_an_incremental_update():
    """The coordination chemistry abstract: an incremental update (a second xref section whose
    trailer has /Prev) rewrites the catalogue with /PageLabels, so its title page is labelled i and
    the abstract starts at page label 1 on the second page, which prints the number 2."""
    import pypdfium2
    path = only_one(PDF, lambda p: b"/PageLabels" in p.read_bytes())
    raw = path.read_bytes()
    assert raw.count(b"startxref") == 2 and re.search(rb"/Prev \d+>>\s*startxref", raw)
    pdf = pypdfium2.PdfDocument(path)
    try:
        labels = [pdf.get_page_label(i) for i in range(len(pdf))]
    finally:
        pdf.close()
    assert labels[:2] == ["i", "1"] and labels[-1] == str(len(labels) - 1)
    assert re.search(r"(?m)^\s*2\s*$", pdf_pages(path)[1])
    assert _key(path)["field"] == "coordination chemistry"


def test_a_word_file_has_a_drawing_group_of_text_boxes():
    """The Kazakh sheep breeding abstract opens with the ministry's and university's names in a
    drawing group (wpg:wgp) of three text-box shapes (wps:wsp, w:txbxContent), anchored at the top;
    python-docx's paragraphs do not see those lines."""
    import docx
    path = only_one(WORD, lambda p: "<wpg:wgp>" in word_part(p, "word/document.xml"))
    body = word_part(path, "word/document.xml")
    group = re.search(r"<wpg:wgp>(.*?)</wpg:wgp>", body, flags=re.S).group(1)
    assert 'Requires="wpg"' in body and "<wp:anchor " in body
    boxes = re.findall(r"<wps:wsp>.*?<w:txbxContent>(.*?)</w:txbxContent>", group, flags=re.S)
    lines = ["".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", b)) for b in boxes]
    assert len(lines) == 3 and "«Қазақ ұлттық аграрлық зерттеу университеті» КЕАҚ" in lines
    text = "\n".join(p.text for p in docx.Document(path).paragraphs)
    assert not any(line in text for line in lines)
    assert _key(path)["field"] == "sheep breeding"


def test_a_word_file_has_picture_bullets():
    """The Russian pharmaceutical technology abstract's novelty list has picture bullets: a
    w:numPicBullet in numbering.xml whose VML image is a PNG related from numbering.xml.rels, and
    the list's levels point to it with w:lvlPicBulletId; the items are still numbered paragraphs."""
    path = only_one(WORD, lambda p: "<w:numPicBullet " in word_part(p, "word/numbering.xml"))
    numbering = word_part(path, "word/numbering.xml")
    rid = re.search(r'<w:numPicBullet w:numPicBulletId="0">.*?<v:imagedata r:id="(\w+)"', numbering, flags=re.S).group(1)
    rels = word_part(path, "word/_rels/numbering.xml.rels")
    target = re.search(rf'Id="{rid}"[^>]*Target="([^"]+)"', rels).group(1)
    with zipfile.ZipFile(path) as z:
        assert z.read(f"word/{target}").startswith(b"\x89PNG")
    assert numbering.count('<w:lvlPicBulletId w:val="0"/>') >= 1
    assert 'Extension="png"' in word_part(path, "[Content_Types].xml")
    assert _key(path)["gaps"] == ["provisions"] and _key(path)["counts"]["novelty"] == 5


def test_a_text_file_is_a_microsoft_teams_export():
    """The Russian master's thesis as a Microsoft Teams (Skype-format) data export, messages.json:
    one conversation whose MessageList has the abstract pasted in several RichText/Html messages,
    listed newest first, the text as HTML (<p>, <b>, <ol><li>) inside JSON strings, and the
    supervisor's reply on top."""
    path = only_one(TEXT, lambda p: '"MessageList"' in _text(p))
    export = json.loads(_text(path))
    assert set(export) == {"userId", "exportDate", "conversations"}
    messages = export["conversations"][0]["MessageList"]
    assert all(m["messagetype"] == "RichText/Html" and m["from"].startswith("8:orgid:") for m in messages)
    times = [m["originalarrivaltime"] for m in messages]
    assert times == sorted(times, reverse=True), "newest first"
    student = [m for m in messages if m["displayName"] == _key(path)["author"]]
    assert len(student) >= 3 and messages[0]["displayName"] != _key(path)["author"]
    joined = "".join(m["content"] for m in reversed(student))
    assert "<ol><li>" in joined and "<b>Актуальность темы исследования</b>" in joined
    assert "p &lt; 0,05" in joined
    assert _key(path)["kind"] == "masters-thesis"


def test_a_text_file_is_in_the_kazakh_code_page_kz1048():
    """The Kazakh veterinary sanitation abstract saved in Windows' Kazakh code page KZ-1048 with CR
    LF line ends: not UTF-8, and read as windows-1251 its «ә», «ұ», «қ» come out as other letters."""
    path = CORPUS / KZ1048
    data = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert b"\r\n" in data and data.count(b"\r\n") == data.count(b"\n")
    text = data.decode("kz1048")
    assert "Ветеринариялық санитария" in text and "ә" in text and "ұ" in text
    wrong = data.decode("cp1251", errors="replace")
    assert "Ветеринариялық" not in wrong and "Ветеринариялыќ" in wrong
    assert _key(path)["lang"] == "kk" and _key(path)["field"] == "veterinary sanitation"


def test_a_markdown_file_is_an_obsidian_note_with_wiki_links():
    """The Kazakh desertification abstract as an Obsidian note: YAML properties (aliases, tags,
    created), [[wiki-links]] on places, tools and the university (some with an alias,
    «[[Арал теңізі|Арал теңізінің]]»), an embedded image «![[…]]» and inline #tags at the end."""
    path = only_one(TEXT, lambda p: "[[" in _text(p) and p.suffix == ".md")
    raw = _text(path)
    front = re.match(r"---\n(.*?)\n---\n", raw, flags=re.S).group(1)
    assert "aliases:" in front and "tags:" in front and "created:" in front
    links = re.findall(r"(?<!!)\[\[([^\]|]+)(?:\|([^\]]+))?\]\]", raw)
    assert len(links) >= 8 and sum(bool(alias) for _, alias in links) >= 3
    assert ("Арал теңізі", "Арал теңізінің") in links
    assert re.search(r"!\[\[[^\]]+\.png\|\d+\]\]", raw)
    assert re.search(r"(?m)^#PhD/аңдатпа #шөлейттену", raw.rstrip().splitlines()[-1])
    assert _key(path)["field"] == "desertification"


def test_a_markdown_file_has_tex_math_and_a_mermaid_diagram():
    """The English inverse problems abstract as GitHub/GitLab Markdown: inline TeX math in $…$,
    display math in $$…$$ and the research design as a ```mermaid flowchart."""
    path = only_one(TEXT, lambda p: "```mermaid" in _text(p))
    raw = _text(path)
    assert len(re.findall(r"(?m)^\$\$.+\$\$$", raw)) >= 2
    assert len(re.findall(r"(?<!\$)\$[^$\n]+\$(?!\$)", raw)) >= 8
    block = re.search(r"```mermaid\n(.*?)\n```", raw, flags=re.S).group(1)
    assert block.startswith("flowchart LR") and block.count("-->") >= 5
    assert _key(path)["field"] == "inverse problems"


LOADED, FIELDS, FIRST_WORDS, PRECISION, RECALL, F1 = 9, 0.99, 0.99, 0.87, 0.91, 0.89


def test_the_mappers_hold_what_they_reached_on_it():
    # Unseen, mappers as on 30dd99d (FIRST_MEASUREMENT.txt): 8/9 loaded (the KZ-1048 file refused),
    # fields 0.789, first words 0.757, entities P 0.857, R 0.751, F1 0.801. After the fixes made
    # against it (FINAL_MEASUREMENT.txt): 9/9, 1.000, 1.000, 0.878 / 0.915 / 0.896.
    check_floors(CORPUS, 9, loaded=LOADED, fields=FIELDS, first_words=FIRST_WORDS, precision=PRECISION,
                 recall=RECALL, f1=F1)
