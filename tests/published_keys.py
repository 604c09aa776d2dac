"""What the tests of the held-out corpora of published abstracts share (tests/fixtures/published-2/,
-3/, -4/, -5/): their documents and answer keys, the text a reader reads in each file (read with the
project's own libraries, pypdfium2 and python-docx, never with the mappers, which the corpora
measure), and the checks every corpus's keys must pass. Each test module binds them to its folder."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pypdfium2

ROOT = Path(__file__).resolve().parent.parent
FIRST = ROOT / "tests" / "fixtures" / "published" / "expected"
FORMATS = {".pdf", ".docx", ".txt", ".md"}
CLASSES = {"Theory", "Method", "Actor", "Initiative"}
KINDS = {"dissertation", "article", "masters-thesis", "bachelors-thesis"}
DEGREES = {"phd", "candidate", "doctor", "master", "bachelor", None}
GAPS = {"provisions", "tasks", "novelty", "title-page", "publications", "approbation", "relevance", "object",
        "subject", "aim", "methods", "structure"}


def documents(corpus: Path) -> list[Path]:
    # measurement records (*_MEASUREMENT.txt) and the README sit beside the documents; they are none
    return sorted(p for p in corpus.iterdir() if p.suffix in FORMATS and p.name != "README.md"
                  and not p.name.endswith("_MEASUREMENT.txt"))


def key_of(corpus: Path, path: Path) -> dict:
    return json.loads((corpus / "expected" / f"{path.name}.json").read_text(encoding="utf-8"))


def word_part(path: Path, name: str = "word/document.xml") -> str:
    """One XML part of a Word file as text ("" when the file has no such part)."""
    with zipfile.ZipFile(path) as z:
        return z.read(name).decode("utf-8") if name in z.namelist() else ""


def pdf_pages(path: Path) -> list[str]:
    """A PDF's text layer as pdfium gives it, a string per page."""
    pdf = pypdfium2.PdfDocument(path)
    try:
        return [page.get_textpage().get_text_range() for page in pdf]
    finally:
        pdf.close()


def pdf_text(path: Path) -> str:
    """A PDF's text layer as pdfium gives it, page by page."""
    return "\n".join(pdf_pages(path))


def only_one(paths: list[Path], test) -> Path:
    """The one document of a corpus that passes `test` (a trap is in exactly one file)."""
    found = [p for p in paths if test(p)]
    assert len(found) == 1, [p.name for p in found]
    return found[0]


def counted_text(path: Path, read_text=None) -> str:
    """The text whose words the full-length checks count: a PDF's text layer, a Word file's runs
    (tables, headers and all), a text file as `read_text` reads it (UTF-8 unless told)."""
    if path.suffix == ".pdf":
        return pdf_text(path)
    if path.suffix == ".docx":
        return " ".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", word_part(path)))
    return read_text(path) if read_text else path.read_text(encoding="utf-8")


def check_full_length(corpus: Path, docs: list[Path], floor, read_text=None) -> None:
    """Every document holds at least `floor(key)` words, counted as counted_text counts them."""
    short = []
    for path in docs:
        least = floor(key_of(corpus, path))
        n = len(counted_text(path, read_text).split())
        if n < least:
            short.append((path.name, n, least))
    assert not short, short


def check_pdfs_are_paged(pdfs: list[Path], pages_at_least: int) -> None:
    """Each PDF has a text layer on every page and its pages numbered (the title page aside, a
    page or two may go without)."""
    for path in pdfs:
        pages = pdf_pages(path)
        assert len(pages) >= pages_at_least and all(len(t.split()) > 20 for t in pages), path.name
        numbered = [re.search(rf"(?m)^\s*{i}\s*$", t) for i, t in enumerate(pages[1:], 2)]
        assert sum(bool(m) for m in numbered) >= len(pages) - 2, path.name


def raw_text(path: Path) -> str:
    if path.suffix == ".pdf":
        # pdfium marks a hyphen at a line end with U+FFFE and drops the line break
        return pdf_text(path).replace("\ufffe", "")
    if path.suffix == ".docx":
        document = docx.Document(path)
        parts = [p.text for p in document.paragraphs]
        parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join(parts)
    return path.read_text(encoding="utf-8")


def reading(path: Path, decoded: str | None = None) -> str:
    """The text a reader reads: page furniture, soft hyphens, ligatures and line-end hyphens gone.
    `decoded`: the file's text, for a file in a codec other than UTF-8 (the corpus test decodes it)."""
    text = unicodedata.normalize("NFC", raw_text(path) if decoded is None else decoded)
    text = text.replace("\ufeff", "").replace("\f", "\n").replace("\r", "")
    if path.suffix == ".md":
        # Markdown's inline HTML: a line break inside a paragraph, a superscript affiliation number
        text = re.sub(r"<br\s*/?>", " ", re.sub(r"</?sup>", "", text))
    lines = [line.strip() for line in text.split("\n")]
    if path.suffix in (".pdf", ".txt"):
        # running headers and page numbers; a Word file keeps them apart, and its table cells
        # may hold bare numbers
        repeated = {line for line, n in Counter(lines).items() if n > 1 and len(line) > 8}
        lines = [line for line in lines if line not in repeated
                 and not re.fullmatch(r"[–-]?\s*\d{1,3}\s*[–-]?", line)]
    text = "\n".join(lines).replace("\u00ad", "").replace("ﬁ", "fi").replace("ﬂ", "fl")
    text = re.sub(r"(?<=\w)-\n(?=\w)", "", text)
    return " ".join(text.split()).casefold()


def occurs(quote: str, text: str) -> bool:
    quote = " ".join(unicodedata.normalize("NFC", quote).split()).casefold()
    # a compound broken at its own hyphen (уран-/қорғасын) loses the hyphen when lines are joined
    return quote in text or quote.replace("-", "") in text.replace("-", "")


def words(text: str) -> str:
    return " ".join(re.findall(r"\w+(?:[-‐]\w+)*", text.casefold()))


def check_key_format(corpus: Path, path: Path) -> None:
    key = key_of(corpus, path)
    first = json.loads(next(FIRST.glob("*.json")).read_text(encoding="utf-8"))
    assert set(key) == set(first)
    assert key["file"] == path.name and key["format"] == path.suffix[1:]
    assert key["lang"] == path.name.split("-")[0]
    assert key["kind"] in KINDS and key["degree"] in DEGREES and set(key["gaps"]) <= GAPS
    assert key["loads"] is True and key["work"] is None
    assert set(key["counts"]) == set(key["first_words"]) == {"provisions", "tasks", "novelty"}
    for part, items in key["first_words"].items():
        assert key["counts"][part] == len(items)
        assert all(len(item.split()) == 3 for item in items), items
    if key["kind"] == "article":
        assert key["authors"] and key["author"] == key["authors"][0] and key["keywords"]
    pairs = [(e["text"], e["class"]) for e in key["entities"]]
    assert len(pairs) == len(set(pairs)), "one entry per distinct (quote, class)"
    assert all(e["class"] in CLASSES and e["label_en"].strip() for e in key["entities"])


def check_key_says_what_the_document_says(corpus: Path, path: Path, decoded: str | None = None) -> None:
    key, text = key_of(corpus, path), reading(path, decoded)
    missing = [e["text"] for e in key["entities"] if not occurs(e["text"], text)]
    missing += [key[f] for f in ("title", "specialty_code", "specialty_name")
                if key[f] and not occurs(key[f], text)]
    missing += [part for name in [key["author"] or "", *key["authors"]]
                for part in re.findall(r"\w{2,}", name.casefold()) if part not in text]
    assert not missing, f"{path.name}: not in the document: {missing}"
    for part, items in key["first_words"].items():
        for item in items:
            assert words(item) in words(text), f"{path.name}: {part} item '{item}' is not in it"
    for keyword in key["keywords"]:
        assert occurs(keyword, text), keyword
    if key["publications_total"] is not None:
        assert re.search(rf"\b{key['publications_total']}\b", text) or \
            {7: "seven", 8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve"}.get(
                key["publications_total"], "\0") in text


def check_word_lists_keep_their_numbers(corpus: Path, path: Path) -> None:
    with zipfile.ZipFile(path) as z:
        body = z.read("word/document.xml").decode("utf-8")
        numbering = z.read("word/numbering.xml").decode("utf-8")
    items = re.findall(r"<w:p>(?:(?!</w:p>).)*?<w:numPr>.*?</w:p>", body, flags=re.S)
    # some items are introduced by ordinal words in plain paragraphs, so not every item is one
    listed = sum(key_of(corpus, path)["counts"].values())
    assert items or not listed
    for item in items:
        text = "".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>", item))
        assert not re.match(r"\s*(\d+|[ivx]+|[a-zа-я])[.)]\s", text, flags=re.I), text
    if listed:
        assert len(set(re.findall(r'<w:numFmt w:val="(\w+)"', numbering))) >= 2


def figures(corpus: Path) -> dict:
    """The evaluation's figures on a corpus, as a user gets them (scripts/eval_published.py --json)."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "eval_published.py"), "--json",
                           "--corpus", str(corpus)], capture_output=True, text=True, timeout=1800, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def check_floors(corpus: Path, documents: int, *, loaded: int, fields: float, first_words: float,
                 precision: float, recall: float, f1: float) -> None:
    """The mappers' figures on the whole corpus hold the floors its FINAL_MEASUREMENT.txt set."""
    every = figures(corpus)["by_format"]["all"]
    assert every["documents"] == documents and every["loaded"] >= loaded, every
    assert every["fields_right"] >= fields and every["first_words_right"] >= first_words, every
    assert every["entity_precision"] >= precision and every["entity_recall"] >= recall, every
    assert every["entity_f1"] >= f1, every


def check_the_mix(corpus: Path, docs: list[Path], earlier: list[Path], *, at_least: int, phd: int, new_fields: int,
                  lang_spread: int = 1, every_article_by_three: bool = True, formats: tuple = (5, 5, 5, 2),
                  articles: int = 3, candidate: int = 1, doctor: int = 1,
                  incomplete: tuple = ("provisions", "front", "tasks")) -> dict[str, dict]:
    """What every held-out corpus must be (#10): one key per document, at least five PDF, Word and
    text files and two Markdown ones, kk/ru/en in near-equal shares, articles, a master's thesis,
    a Candidate and a Doctor of Sciences autoreferat, PhD abstracts, three incomplete works (without
    provisions, without novelty and provisions, without tasks), and fields the earlier corpora
    (`earlier`, folders of keys) do not have. A corpus of fewer, full-length documents asks for less
    of each (`formats` as PDF, Word, text, Markdown; `articles`, `candidate`, `doctor`; which of the
    three incomplete works it has). Returns the keys for the corpus's own checks."""
    keys = {p.name: key_of(corpus, p) for p in docs}
    assert len(docs) >= at_least
    expected = sorted(p.name[: -len(".json")] for p in (corpus / "expected").glob("*.json"))
    assert expected == [p.name for p in docs], "every document has one key and every key a document"
    counts = Counter(p.suffix for p in docs)
    assert all(counts[x] >= n for x, n in zip((".pdf", ".docx", ".txt", ".md"), formats)), counts
    langs = Counter(k["lang"] for k in keys.values())
    assert set(langs) == {"kk", "ru", "en"} and max(langs.values()) - min(langs.values()) <= lang_spread
    kinds = Counter(k["kind"] for k in keys.values())
    degrees = Counter(k["degree"] for k in keys.values())
    assert kinds["article"] >= articles and kinds["masters-thesis"] >= 1
    assert degrees["candidate"] >= candidate and degrees["doctor"] >= doctor and degrees["phd"] >= phd
    by_three = [len(k["authors"]) >= 3 for k in keys.values() if k["kind"] == "article"]
    assert all(by_three) if every_article_by_three else any(by_three)  # the fourth corpus has one by two
    # incomplete works: one without provisions, one with only its front part, one without tasks
    gapped = [k for k in keys.values() if k["kind"] == "dissertation" and k["gaps"]]
    assert len(gapped) >= len(incomplete)
    if "provisions" in incomplete:
        assert any("provisions" in k["gaps"] and "tasks" not in k["gaps"] for k in gapped)
    if "front" in incomplete:
        assert any({"novelty", "provisions"} <= set(k["gaps"]) for k in gapped)
    if "tasks" in incomplete:
        assert any("tasks" in k["gaps"] and "provisions" not in k["gaps"] for k in gapped)
    fields = {json.loads(p.read_text(encoding="utf-8"))["field"] for folder in earlier for p in folder.glob("*.json")}
    assert len({k["field"] for k in keys.values()} - fields) >= new_fields, "fields none of the earlier corpora has"
    return keys
