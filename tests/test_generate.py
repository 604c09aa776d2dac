"""The synthetic corpus: deterministic, trilingual, and its ground truth matches the text."""
from __future__ import annotations

import collections
import json
import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from dissertation_kg.server.cli import main as cli
from dissertation_kg.server.generator.corpus import LIST_STYLES, NUMBERED_STYLES, generate_corpus

COUNT = 600
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
BOOKMARK = re.compile(r"\[bookmark: [^\]]*\]")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate_corpus(out, COUNT, seed=11)
    return out


@pytest.fixture(scope="module")
def truth(corpus) -> list[dict]:
    with (corpus / "expected.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _text(corpus: Path, name: str) -> str:
    return (corpus / name).read_text(encoding="utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


# --------------------------------------------------------------------------- determinism, counts


def test_same_seed_gives_byte_identical_output(tmp_path):
    generate_corpus(tmp_path / "a", 120, seed=5)
    generate_corpus(tmp_path / "b", 120, seed=5)
    assert _files(tmp_path / "a") == _files(tmp_path / "b")


def test_other_seed_gives_other_output(tmp_path):
    generate_corpus(tmp_path / "a", 40, seed=5)
    generate_corpus(tmp_path / "b", 40, seed=6)
    a, b = _files(tmp_path / "a"), _files(tmp_path / "b")
    assert a.keys() != b.keys() or any(a[k] != b[k] for k in a)


def test_a_work_does_not_depend_on_the_corpus_size(tmp_path):
    generate_corpus(tmp_path / "small", 10, seed=3)
    generate_corpus(tmp_path / "large", 60, seed=3)
    small = _files(tmp_path / "small")
    large = _files(tmp_path / "large")
    shared = [n for n in small if n.endswith(".txt")][:-3]  # the last work may be cut short
    assert shared and all(small[n] == large[n] for n in shared)


def test_writes_exactly_count_files_with_one_truth_line_each(corpus, truth):
    names = sorted(p.name for p in corpus.glob("*.txt"))
    assert len(names) == COUNT
    assert sorted(t["file"] for t in truth) == names
    for t in truth:
        assert t["kind"] in ("dissertation", "article")
        assert t["language"] in ("en", "ru", "kk")
        assert t["file"].endswith(f"_{t['language']}.txt")


def test_three_languages_are_present_and_look_like_their_language(corpus, truth):
    by_lang = collections.Counter(t["language"] for t in truth)
    assert set(by_lang) == {"en", "ru", "kk"} and min(by_lang.values()) > COUNT / 6
    for t in truth:
        text = _text(corpus, t["file"])
        if t["publications_listed"]:  # publication lists mix languages, as real ones do
            section = "publications" if "publications" in t["spans"] else "approbation"
            text = text[: t["spans"][section][0]]
        letters = [c for c in text if c.isalpha()]
        latin = sum(c.isascii() for c in letters) / len(letters)
        kazakh = sum(c in KAZAKH_LETTERS for c in letters) / len(letters)
        if t["language"] == "en":
            assert latin > 0.85, t["file"]
        elif t["language"] == "ru":
            assert latin < 0.1 and kazakh < 0.01, t["file"]
        else:
            assert latin < 0.1 and kazakh > 0.03, t["file"]


def test_no_template_residue(corpus, truth):
    for t in truth:
        text = _text(corpus, t["file"])
        assert not re.search(r"\{[A-Za-z_]+\}", text), t["file"]
        assert "None" not in text and "_cap" not in text, t["file"]


def test_a_few_percent_are_journal_articles_without_provisions(tmp_path):
    generate_corpus(tmp_path, 2000, seed=1)
    rows = [json.loads(line) for line in (tmp_path / "expected.jsonl").open(encoding="utf-8")]
    articles = [r for r in rows if r["kind"] == "article"]
    assert 0.005 < len(articles) / len(rows) < 0.08
    assert all(r["provisions"] == 0 and r["novelty"] == 0 and r["tasks"] > 0 for r in articles)
    text = (tmp_path / articles[0]["file"]).read_text(encoding="utf-8")
    assert re.search(r"(Keywords|Ключевые слова|Түйін сөздер):", text)


# --------------------------------------------------------------------------- translations


def test_manifest_lists_every_translated_work_and_only_existing_files(corpus, truth):
    manifest = tomllib.loads((corpus / "manifest.toml").read_text(encoding="utf-8"))
    by_file = {t["file"]: t for t in truth}
    listed = set()
    for work in manifest["work"]:
        assert set(work) == {"id", "files"}
        assert len(work["files"]) >= 2
        for name in work["files"]:
            assert (corpus / name).is_file()
            assert by_file[name]["work_id"] == work["id"]
            listed.add(name)
        assert len({by_file[n]["language"] for n in work["files"]}) == len(work["files"])
    works = collections.defaultdict(list)
    for t in truth:
        works[t["work_id"]].append(t["file"])
    multi = {w for w, files in works.items() if len(files) > 1}
    assert multi == {w["id"] for w in manifest["work"]}
    assert listed == {f for w in multi for f in works[w]}
    # most of the corpus comes as translations, as in Kazakhstan's real abstracts
    assert len(listed) / COUNT > 0.5
    assert any(len(w["files"]) == 3 for w in manifest["work"])
    assert any(len(w["files"]) == 2 for w in manifest["work"])


def test_unlisted_works_and_opaque_names(tmp_path):
    generate_corpus(tmp_path, 300, seed=4, unlisted=0.5, opaque_names=True)
    rows = [json.loads(line) for line in (tmp_path / "expected.jsonl").open(encoding="utf-8")]
    manifest = tomllib.loads((tmp_path / "manifest.toml").read_text(encoding="utf-8"))
    works = collections.Counter(r["work_id"] for r in rows)
    translated = {w for w, n in works.items() if n > 1}
    listed = {w["id"] for w in manifest["work"]}
    assert listed < translated and 0.3 < len(listed) / len(translated) < 0.7
    for row in rows:
        assert re.fullmatch(r"\d{3}_[0-9a-f]{16}\.txt", row["file"]), row["file"]
        assert (tmp_path / row["file"]).is_file()


def test_translations_agree_on_counts_specialty_and_author(corpus, truth):
    works = collections.defaultdict(list)
    for t in truth:
        works[t["work_id"]].append(t)
    for members in works.values():
        for key in ("provisions", "tasks", "novelty", "work_specialty", "work_author", "kind"):
            assert len({json.dumps(m[key]) for m in members}) == 1, (key, [m["file"] for m in members])


def test_translations_cite_the_same_publications(corpus, truth):
    works = collections.defaultdict(list)
    for t in truth:
        if t["publications_listed"]:
            works[t["work_id"]].append(t)
    compared = 0
    for members in works.values():
        lists = []
        for t in members:
            section = "publications" if "publications" in t["spans"] else "approbation"
            start, end = t["spans"][section]
            lines = [BOOKMARK.sub("", x) for x in _text(corpus, t["file"])[start:end].split("\n")]
            lists.append([re.sub(r"^\d+[.)]\s?", "", x).rstrip("\\ \t") for x in lines if re.match(r"\d+[.)]", x)])
        assert all(entries == lists[0] for entries in lists), [t["file"] for t in members]
        compared += len(members) > 1
    assert compared > 3


def test_author_is_cyrillic_in_kk_ru_and_transliterated_in_en(corpus, truth):
    seen = 0
    for t in truth:
        if t["author"] is None:
            continue
        seen += 1
        text = _text(corpus, t["file"])
        if t["language"] == "en":
            assert t["author"] == t["work_author"]["latin"] and t["author"].isascii()
            assert t["author"] in text
        else:
            assert t["author"] == t["work_author"]["cyrillic"]
            # the header may decline the name (genitive), but the first name's stem is there
            assert t["author"].split()[1][:3] in text
        assert t["specialty"] == t["work_specialty"] and t["specialty"] in text
    assert seen > COUNT / 5


def test_institution_and_department_are_in_the_text(corpus, truth):
    for t in truth:
        if t["kind"] != "dissertation":
            assert t["institution"] is None
            continue
        text = _text(corpus, t["file"])
        if t["language"] == "ru":  # declined in the text ("на кафедре … университета имени …")
            assert t["institution"].split()[-1] in text and t["department"].split(" ", 1)[1] in text
        else:  # en as is; kk genitive = nominative + ның/нің
            assert t["institution"] in text, t["file"]
            assert t["department"].lower()[:-1] in text.lower(), t["file"]


# --------------------------------------------------------------------------- ground truth vs text


def _items(block: str, style: str) -> list[str]:
    lines = [BOOKMARK.sub("", line) for line in block.split("\n")]
    if style in NUMBERED_STYLES:
        return [m.group(1) for line in lines if (m := re.match(r"(\d+)[.)]", line))]
    return [line for line in lines if line.startswith(style + " ")]


def test_expected_counts_match_the_visible_lists(corpus, truth):
    checked = collections.Counter()
    for t in truth:
        text = _text(corpus, t["file"])
        for key in ("tasks", "novelty", "provisions"):
            style = t["list_styles"].get(key)
            if style is None:
                assert t[key] == 0, (t["file"], key)
                continue
            start, end = t["spans"][key]
            block = text[start:end]
            if style == "inline":
                assert block.count(";") == t[key] - 1, (t["file"], key)
                continue
            items = _items(block, style)
            assert len(items) == t[key], (t["file"], key, style)
            if style in NUMBERED_STYLES:
                assert items == [str(n) for n in range(1, t[key] + 1)], (t["file"], key)
            checked[key] += 1
        listed = t["publications_listed"]
        if listed:
            section = "publications" if "publications" in t["headings"] else "approbation"
            start, end = t["spans"][section]
            assert len(_items(text[start:end], t["list_styles"]["publications"])) == listed
            checked["publications"] += 1
    assert min(checked.values()) > 50 and len(checked) == 4


def test_spans_start_with_their_heading(corpus, truth):
    for t in truth:
        text = _text(corpus, t["file"])
        for key, heading in t["headings"].items():
            if key not in t["spans"]:
                continue  # a second heading inside a merged section (practical significance)
            start, end = t["spans"][key]
            assert 0 <= start < end <= len(text)
            head = BOOKMARK.sub("", text[start:end]).replace("**", "").lstrip("# ")
            assert heading in head[: len(heading) + 40] or heading.upper() in head[: len(heading) + 40], (
                t["file"], key, heading)


def test_publication_counts_are_written_in_the_text(corpus, truth):
    words = {"en": ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
                    "eighteen", "nineteen", "twenty"],
             "kk": ["нөл", "бір", "екі", "үш", "төрт", "бес", "алты", "жеті", "сегіз", "тоғыз", "он",
                    "он бір", "он екі", "он үш", "он төрт", "он бес", "он алты", "он жеті", "он сегіз",
                    "он тоғыз", "жиырма"]}
    for t in truth:
        counts = t["publication_counts"]
        if not counts:
            continue
        text = _text(corpus, t["file"])
        total = counts["total"]
        forms = {str(total)} | ({words[t["language"]][total]} if t["language"] in words and total <= 20 else set())
        assert any(re.search(rf"(?<![\w-]){re.escape(f)} ", text) for f in forms), t["file"]
        assert set(counts) <= {"total", "scopus", "wos", "committee", "international", "conference", "monographs"}


# --------------------------------------------------------------------------- variety


def test_list_styles_and_headings_vary(corpus, truth):
    styles = collections.Counter(t["list_styles"].get("provisions") for t in truth)
    assert set(LIST_STYLES) <= set(styles)
    for lang in ("en", "ru", "kk"):
        heads = {t["headings"]["provisions"] for t in truth if t["language"] == lang and "provisions" in t["headings"]}
        assert len(heads) >= 5, (lang, heads)
        objects = {t["headings"]["object"] for t in truth if t["language"] == lang and "object" in t["headings"]}
        assert len(objects) >= 3, (lang, objects)


def test_typography_and_conversion_artefacts_occur(corpus, truth):
    texts = [_text(corpus, t["file"]) for t in truth]
    joined = "\n".join(texts)
    assert "[bookmark: _GoBack]" in joined
    assert re.search(r"\\\n", joined)                      # stray backslash at a line end
    assert re.search(r"^\*\*[^*\n]+\*\*", joined, re.M)    # bold headings
    assert re.search(r"^(Main provisions for defense|Основные положения, выносимые на защиту|"
                     r"Қорғауға ұсынылатын негізгі қағидалар)$", joined, re.M)  # plain, no colon
    assert re.search(r"^The object of this study is ", joined, re.M)
    assert re.search(r"^Зерттеу нысаны – ", joined, re.M)
    assert re.search(r"^Объект исследования – ", joined, re.M)
    assert re.search(r"^\d+\.\S", joined, re.M)            # "1.Text", no space
    markdown = sum("\n\n" in t for t in texts)
    assert 0.1 < markdown / len(texts) < 0.6
    assert len({len(t) // 2000 for t in texts}) >= 3        # lengths vary


def test_some_provisions_span_two_paragraphs(corpus, truth):
    spanning = 0
    for t in truth:
        style = t["list_styles"].get("provisions")
        if style not in NUMBERED_STYLES:
            continue
        start, end = t["spans"]["provisions"]
        lines = [BOOKMARK.sub("", x) for x in _text(corpus, t["file"])[start:end].split("\n")[1:] if x.strip()]
        spanning += any(not re.match(r"\d+[.)]", line) for line in lines)
    assert spanning > 5


# --------------------------------------------------------------------------- command line


def test_cli_writes_the_corpus_and_refuses_a_used_folder(tmp_path):
    runner = CliRunner()
    result = runner.invoke(cli, ["generate", "--count", "7", "--seed", "2", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert len(list((tmp_path / "out").glob("*.txt"))) == 7
    assert (tmp_path / "out" / "manifest.toml").is_file()
    again = runner.invoke(cli, ["generate", "--count", "7", str(tmp_path / "out")])
    assert again.exit_code != 0 and "empty or new folder" in again.output
