"""The held-out published corpus (issue #10) is well formed, and scripts/eval_published.py reads
kind, degree and entity mentions from the RDF the way the data model states them."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from rdflib import Dataset

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "published"
KEYS = ["file", "format", "lang", "kind", "degree", "field", "author", "authors", "title",
        "specialty_code", "specialty_name", "institution", "counts", "publications_total",
        "keywords", "first_words", "gaps", "entities", "loads", "work"]

spec = importlib.util.spec_from_file_location("eval_published", ROOT / "scripts" / "eval_published.py")
ev = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ev)


@pytest.fixture(scope="module")
def onto():
    return ev.Ontology(ROOT)


EXPECTED = sorted((CORPUS / "expected").glob("*.json"))


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.name)
def test_expected_file_follows_the_schema(path):
    exp = json.loads(path.read_text(encoding="utf-8"))
    assert list(exp) == KEYS or set(exp) == set(KEYS)
    assert path.name == exp["file"] + ".json"
    assert (CORPUS / exp["file"]).is_file()
    assert exp["format"] == exp["file"].rsplit(".", 1)[1]
    assert exp["lang"] in {"kk", "ru", "en"}
    assert exp["kind"] in {"dissertation", "article", "masters-thesis", "bachelors-thesis"}
    for key in ("provisions", "tasks", "novelty"):
        assert exp["counts"][key] == len(exp["first_words"][key])
    for entity in exp["entities"]:
        assert entity["class"] in {"Theory", "Method", "Actor", "Initiative"}
    assert (exp["work"] is not None) == exp["file"].startswith("tri-")


def test_the_translations_of_one_work_are_three_languages_and_agree():
    tri = [json.loads(p.read_text(encoding="utf-8")) for p in EXPECTED if p.name.startswith("tri-")]
    works: dict[str, list[dict]] = {}
    for exp in tri:
        works.setdefault(exp["work"], []).append(exp)
    for members in works.values():
        assert sorted(m["lang"] for m in members) == ["en", "kk", "ru"]
        assert len({json.dumps(m["counts"]) for m in members}) == 1
        assert len({m["specialty_code"] for m in members}) == 1


NQ = """
<https://w3id.org/dissertation-kg/id/work/w1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{cls}> <g:1> .
<https://w3id.org/dissertation-kg/id/work/w1> <https://w3id.org/dissertation-kg/ontology#hasAbstract> <https://w3id.org/dissertation-kg/id/work/w1/abstract/en> <g:1> .
<https://w3id.org/dissertation-kg/id/work/w1/abstract/en> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/dissertation-kg/ontology#Abstract> <g:1> .
<https://w3id.org/dissertation-kg/id/work/w1/abstract/en> <http://purl.org/dc/terms/language> <http://id.loc.gov/vocabulary/iso639-1/en> <g:1> .
<https://w3id.org/dissertation-kg/id/work/w1/methods/mention/en/0-7> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Phrase> <g:1> .
<https://w3id.org/dissertation-kg/id/work/w1/methods/mention/en/0-7> <http://www.w3.org/2005/11/its/rdf#taIdentRef> <https://w3id.org/dissertation-kg/id/method/survey> <g:1> .
<https://w3id.org/dissertation-kg/id/work/w1/methods/mention/en/0-7> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#referenceContext> <https://w3id.org/dissertation-kg/id/work/w1/methods/text/en> <g:1> .
<https://w3id.org/dissertation-kg/id/work/w1/methods/mention/en/0-7> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> "Surveys" <g:1> .
"""


def _mapped(onto, cls: str, extra: str = "") -> "ev.Mapped":
    data = Dataset()
    data.parse(data=NQ.format(cls=cls) + extra, format="nquads")
    return ev.Mapped(data, "x.txt", onto)


def test_kind_and_degree_come_from_the_rdf_types_and_bibo_degree(onto):
    phd = _mapped(onto, "https://w3id.org/dissertation-kg/ontology#Dissertation",
                  "<https://w3id.org/dissertation-kg/id/work/w1> <http://purl.org/ontology/bibo/degree> "
                  "<http://purl.org/ontology/bibo/degrees/phd> <g:1> .\n")
    assert (phd.kind, phd.degree, phd.lang) == ("dissertation", "phd", "en")
    assert phd.publications_total is None
    masters = _mapped(onto, "http://purl.org/spar/fabio/MastersThesis")
    assert (masters.kind, masters.degree) == ("masters-thesis", None)
    article = _mapped(onto, "https://w3id.org/dissertation-kg/ontology#JournalArticle")
    assert article.kind == "article"


def test_a_method_word_inside_a_name_counts_against_precision(onto):
    m = _mapped(onto, "https://w3id.org/dissertation-kg/ontology#Dissertation")
    assert m.entities == {("Surveys", "Method")}
    exp = {"entities": [{"text": "Household Budget Surveys", "class": "Initiative", "label_en": "x"},
                        {"text": "questionnaire survey", "class": "Method", "label_en": "survey"}]}
    tp_pred, pred, found, gold, false_pos, missed = ev.score_entities(m, exp)
    assert (tp_pred, pred, found, gold) == (0, 1, 0, 2)
    # the same quote under the right class overlaps the longer expected name
    exp["entities"][0]["class"] = "Method"
    assert ev.score_entities(m, exp)[:4] == (1, 1, 1, 2)


def test_names_agree_in_any_order_and_case():
    assert ev._name_tokens("KAlshabayeva Aigerim Serikovna") == ev._name_tokens("Kalshabayeva Aigerim Serikovna")
    assert ev._name_tokens("Temirkhanova A.B.") == ev._name_tokens("A. B. Temirkhanova")
    assert ev._words("1970s the annual, flow") == ["1970s", "the", "annual"]


def test_a_given_name_in_full_agrees_with_its_initial():
    """An SSRN cover prints "Aizhan B. Seitkali", the article's byline "A.B. Seitkali": one person.
    Another given name, or another surname, is another person."""
    assert ev._same_name("Aizhan B. Seitkali", "Seitkali A.B.")
    assert ev._same_name("Zhanna K. Omarova", "Omarova Zh.K.")
    assert not ev._same_name("Aigerim B. Seitkali", "Seitkali Aizhan B.")
    assert not ev._same_name("Aizhan B. Seitkali", "Seitkaliyeva A.B.")
    assert not ev._same_name("Aizhan Seitkali", "Seitkali A.B.")


def test_a_missing_file_is_not_loaded_and_named():
    data, message = ev.map_file(CORPUS / "no-such-file.txt")
    assert data is None and "no-such-file.txt" in message


def test_the_total_publication_count_is_read(onto):
    w = "<https://w3id.org/dissertation-kg/id/work/w1>"
    c = "<https://w3id.org/dissertation-kg/id/work/w1/publication-count/total>"
    dkg = "https://w3id.org/dissertation-kg/ontology#"
    m = _mapped(onto, dkg + "Dissertation",
                f"{w} <{dkg}hasPublicationCount> {c} <g:1> .\n"
                f"{c} <{dkg}publicationKind> <{dkg}TotalPublications> <g:1> .\n"
                f'{c} <{dkg}count> "9"^^<http://www.w3.org/2001/XMLSchema#integer> <g:1> .\n')
    assert m.publications_total == 9


def test_a_markdown_escape_is_the_character_it_escapes():
    # a converter's Markdown («Г\\. Керцнер», «2020\\-2025») says what its rendering shows
    assert ev._norm("Г\\. Керцнер") == ev._norm("Г. Керцнер")
    assert ev._norm("2020\\-2025") == ev._norm("2020-2025")


def test_pdfminers_stand_in_for_a_ligature_is_its_letters():
    # a key quotes "(cid:3)" as pdfminer printed it; the mappers give the letters back
    assert ev._overlaps("Kalman (cid:3)lter", "Kalman filter")
    assert ev._overlaps("adaptive filtering", "adaptive (cid:3)ltering of the signal")
    assert not ev._overlaps("Kalman (cid:3)lter", "Wiener filter")
    assert not ev._overlaps("Kalman (cid:3)lter", "Kalman 2 lter")


def test_rewrap_makes_a_text_read_as_a_pdf_viewers_copy():
    paragraph = "Relevance of the research. " + "The digital competence of teachers grows slowly. " * 12
    text = "\n".join(["Kazakh National University", "ASEL KASYMOVA", *[paragraph] * 6])
    wrapped = ev.rewrap(text, 68, "Asel Kasymova", "a.txt")
    lines = wrapped.split("\n")
    assert max(len(line) for line in lines) <= 68 + 12    # a hyphenated word's head may overhang
    assert any(line.endswith("-") for line in lines)
    # every 44 lines a page number and the header, between blank lines
    assert lines[44:49] == ["", "2", "", "ASEL KASYMOVA", ""]
    assert ev.rewrap(text, 68, "Asel Kasymova", "a.txt") == wrapped     # the same every run
    # a CSV record or markup source is no prose a viewer shows
    assert ev.rewrap("id,a,b,c,d,e,f\n1,2,3,4,5,6,7\n", 68, "X", "r.txt") is None
    assert ev.rewrap("<html><body>" + paragraph + "</body></html>", 68, "X", "p.txt") is None


def test_a_missing_aim_is_respected_only_where_the_graph_states_it(onto):
    w = "<https://w3id.org/dissertation-kg/id/work/w1>"
    dkg = "https://w3id.org/dissertation-kg/ontology#"
    stated = _mapped(onto, dkg + "Dissertation", f"{w} <{dkg}lacks> <{dkg}AimPart> <g:1> .\n")
    silent = _mapped(onto, dkg + "Dissertation")
    exp = {"gaps": ["aim", "object"]}
    assert ev.score_gaps(stated, exp) == [(True, "aim"), (False, "object")]
    assert ev.score_gaps(silent, exp) == [(False, "aim"), (False, "object")]


def test_a_missing_methods_or_structure_statement_is_respected_where_the_work_has_none(onto):
    w = "<https://w3id.org/dissertation-kg/id/work/w1>"
    dkg = "https://w3id.org/dissertation-kg/ontology#"
    stated = _mapped(onto, dkg + "Dissertation", f"{w} <{dkg}hasMethodsStatement> <{w[1:-1]}/methods> <g:1> .\n")
    silent = _mapped(onto, dkg + "Dissertation")
    exp = {"gaps": ["methods", "structure"]}
    assert ev.score_gaps(stated, exp) == [(False, "methods"), (True, "structure")]
    assert ev.score_gaps(silent, exp) == [(True, "methods"), (True, "structure")]


def test_a_missing_title_page_is_respected_where_no_title_or_author_is_invented(onto):
    # the document's heading may state its programme code without a title page: the key records
    # the code, and reading it invents nothing; a code the key does not have is invented
    mapped = _mapped(onto, "https://w3id.org/dissertation-kg/ontology#Dissertation")
    mapped.titles, mapped.creators = [], []
    for code, key_code, ok in (("8D08101", "8D08101", True), (None, "8D08101", True), (None, None, True),
                               ("8D08101", None, False), ("8D08102", "8D08101", False)):
        mapped.specialty_code = code
        assert ev.score_gaps(mapped, {"gaps": ["title-page"], "specialty_code": key_code}) == [(ok, "title-page")]
    mapped.titles = ["A title"]
    assert ev.score_gaps(mapped, {"gaps": ["title-page"]}) == [(False, "title-page")]
