"""Every kind of work and incomplete documents (issue #10): Candidate and Doctor of Sciences
autoreferats, master's abstracts and journal articles are typed as such with their degree,
keywords, authors and affiliations; a document that lacks parts loads, its gaps stated in the
graph (dkg:lacks), reported by SHACL as warnings or information, summed up by `dkg build`
(which still exits 0), shown on /status and on the work's page, and answered by
queries/27-works-lacking-parts.rq. The documents are in tests/fixtures/kinds/."""
from __future__ import annotations

import copy
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS

from dissertation_kg.mappings import abstract, degrees, rdf
from dissertation_kg.mappings.vocab import BIBO, DKG, FABIO
from dissertation_kg.server.build import shacl
from dissertation_kg.server.build.pipeline import ontology_version
from dissertation_kg.server.cli import main
from dissertation_kg.mappings.resources import queries_dir

FOLDER = Path(__file__).parent / "fixtures" / "kinds"
BIBO_DEGREES = "http://purl.org/ontology/bibo/degrees/"
W = "https://w3id.org/dissertation-kg/id/work/"

# file → what a reader takes from it
EXPECTED = {
    "ru-candidate-autoreferat.txt": dict(
        lang="ru", kind="dissertation", degree="candidate", author="Жакупова Сауле Амангельдиевна",
        title="Кочевое хозяйство Центрального Казахстана в 1920-е годы: политика оседания и её последствия",
        specialty_code="07.00.02", specialty_name="Отечественная история (история Республики Казахстан)",
        institution="Карагандинский государственный университет имени академика Е.А. Букетова",
        department="Кафедра истории Казахстана", counts={"Total": 7, "CommitteeJournal": 3},
        items={"tasks": 4, "novelty": 3, "provisions": 3}, gaps=[]),
    "kk-doctor-of-sciences.txt": dict(
        lang="kk", kind="dissertation", degree="doctor", author="Омарова Гүлнар Серікқызы",
        title="Жоғары оқу орнында болашақ мұғалімдердің кәсіби құзыреттілігін қалыптастырудың теориясы мен әдістемесі",
        specialty_code="13.00.01", specialty_name="Жалпы педагогика, педагогика және білім беру тарихы",
        institution="Абай атындағы Қазақ ұлттық педагогикалық университеті", department="Педагогика кафедрасы",
        counts={"Total": 32, "Monographs": 2, "CommitteeJournal": 12},
        items={"tasks": 4, "novelty": 3, "provisions": 3}, gaps=[]),
    "en-masters-abstract.txt": dict(
        lang="en", kind="masters-thesis", degree="master-science", author="Kalshabayeva Dana Muratovna",
        title="Green finance instruments in the banking sector of Kazakhstan: lessons from the Astana "
              "International Financial Centre",
        specialty_code="7M04106", specialty_name="Finance, banking and insurance",
        counts={"Total": 2, "CommitteeJournal": 1}, items={"tasks": 4, "novelty": 1}, gaps=[]),
    "kk-bachelors-diploma.txt": dict(
        lang="kk", kind="bachelors-thesis", degree="bachelor", author="Бекболатова Аружан Нұрланқызы",
        title="Түркістан облысындағы ауылдық туризмнің даму мүмкіндіктері", specialty_code="6B11101",
        specialty_name="Туризм", counts={}, items={"tasks": 3}, gaps=[]),
    "kk-article-keywords.txt": dict(
        lang="kk", kind="article", degree=None, author="Д.Қ. Серікова",
        title="ҚАЗАҚСТАНДАҒЫ ШАҒЫН КӘСІПКЕРЛІКТІ ЖАСАНДЫ ИНТЕЛЛЕКТ АРҚЫЛЫ ЦИФРЛАНДЫРУ",
        specialty_code=None, counts={}, gaps=[],
        authors=[("Д.Қ. Серікова", [1]), ("Б.А. Ахметов", [2])],
        affiliations={1: "Әл-Фараби атындағы Қазақ ұлттық университеті", 2: "Нархоз университеті"},
        keywords={"kk": ["жасанды интеллект", "шағын кәсіпкерлік", "цифрландыру", "сауалнама", "Қазақстан"],
                  "en": ["artificial intelligence", "small business", "digitalization", "survey", "Kazakhstan"]}),
    "en-article-keywords.txt": dict(
        lang="en", kind="article", degree=None, author="Serikova A.B.",
        title="Khanates of the Kazakh steppe in Russian imperial cartography of the eighteenth century",
        specialty_code=None, counts={}, gaps=[],
        authors=[("Serikova A.B.", [1, 2]), ("Kalshabayeva D.M.", [1]), ("Mukanov T.S.", [2])],
        affiliations={1: "Al-Farabi Kazakh National University",
                      2: "Institute of History and Ethnology named after Ch.Ch. Valikhanov"},
        keywords={"en": ["Kazakh khanates", "imperial cartography", "Orenburg expedition", "borders",
                         "eighteenth century"]}),
    "en-phd-no-provisions.txt": dict(
        lang="en", kind="dissertation", degree="phd", author="Nurlanova Asel Berikovna",
        title="Machine learning methods for the early detection of wheat diseases in Northern Kazakhstan",
        specialty_code="8D06101", specialty_name="Information systems",
        institution="Al-Farabi Kazakh National University", department="Department of Computer Science",
        counts={"Total": 9, "Scopus": 2, "CommitteeJournal": 4},
        items={"tasks": 4, "novelty": 3}, gaps=["provisions"]),
    "ru-no-title-page.txt": dict(
        lang="ru", kind="dissertation", degree=None, author=None, title=None, specialty_code=None,
        counts={"Total": 6, "Scopus": 2}, items={"tasks": 3, "novelty": 2, "provisions": 2},
        gaps=["title", "author", "specialty"]),
}
DEGREE_IRI = {"candidate": DKG.CandidateOfSciences, "doctor": DKG.DoctorOfSciences,
              "master-science": URIRef(BIBO_DEGREES + "ms"), "phd": URIRef(BIBO_DEGREES + "phd"),
              "bachelor": DKG.BachelorsDegree}
CLASS = {"dissertation": DKG.Dissertation, "masters-thesis": DKG.MastersThesis,
         "bachelors-thesis": DKG.BachelorsThesis, "article": DKG.JournalArticle}


@pytest.fixture(scope="module")
def parsed():
    return {name: abstract.parse_file(FOLDER / name) for name in EXPECTED}


def _mapped(doc, work_id="w-test"):
    ctx = rdf.work_context(work_id, [doc])
    return ctx, rdf.to_graph(doc, ctx, ontology_version=ontology_version(), link=False).graph


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_what_a_reader_takes_from_each_document(name, parsed):
    doc, want = parsed[name], EXPECTED[name]
    m = doc.meta
    got = dict(lang=doc.lang, kind=doc.kind, degree=m.degree, author=m.author, title=m.title,
               specialty_code=m.specialty_code, specialty_name=m.specialty_name, institution=m.institution,
               department=m.department, counts=m.publication_counts,
               items={k: len(v) for k, v in doc.items.items()},
               authors=[(a.name, a.affiliations) for a in m.authors], affiliations=m.affiliations,
               keywords=m.keywords, gaps=rdf.gaps.missing(doc.kind, [doc]))
    assert {k: got[k] for k in want} == want


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_kind_its_class_degree_keywords_and_gaps_in_the_graph(name, parsed):
    doc, want = parsed[name], EXPECTED[name]
    ctx, g = _mapped(doc)
    work = ctx.iri
    assert set(g.objects(work, RDF.type)) == {CLASS[want["kind"]]}
    degree = DEGREE_IRI.get(want["degree"])
    assert set(g.objects(work, BIBO.degree)) == ({degree} if degree else set())
    keywords = want.get("keywords", {}).get(doc.lang, [])
    assert set(g.objects(work, DCTERMS.subject)) == {Literal(k, lang=doc.lang) for k in keywords}
    assert set(g.objects(work, DKG.lacks)) == {DKG[rdf.gaps.PARTS[p]] for p in want["gaps"]}


def test_authors_in_print_order_with_their_affiliations(parsed):
    ctx, g = _mapped(parsed["en-article-keywords.txt"])
    work = ctx.iri
    by_ordinal = {int(g.value(a, DKG.ordinal)): a for a in g.objects(work, PROV.qualifiedAttribution)}
    assert sorted(by_ordinal) == [1, 2, 3]
    names = [str(g.value(g.value(by_ordinal[n], PROV.agent), URIRef("http://xmlns.com/foaf/0.1/name")))
             for n in (1, 2, 3)]
    assert names == ["Serikova A.B.", "Kalshabayeva D.M.", "Mukanov T.S."]
    assert len(set(g.objects(work, DCTERMS.creator))) == 3
    first = {str(g.value(o, URIRef("http://xmlns.com/foaf/0.1/name"))) for o in g.objects(by_ordinal[1], DKG.affiliation)}
    assert first == {"Al-Farabi Kazakh National University",
                     "Institute of History and Ethnology named after Ch.Ch. Valikhanov"}
    assert all((o, RDF.type, DKG.University) in g for o in g.objects(by_ordinal[1], DKG.affiliation))


@pytest.mark.parametrize("affiliation, typed", [
    ("Academy of Public Administration under the President of the Republic of Kazakhstan", True),
    ("Академия гражданской авиации", True),
    ("Қазақстан Республикасы Ұлттық ғылым академиясы", True),
    ("Kazakh-British Technical University", True),
    ("Каспийский университет технологий и инжиниринга", True),
    ("Institute of Zoology", True),
    ("Институт философии, политологии и религиоведения", True),
    ("Agricultural College of Almaty", True),
    ("Алматинский государственный гуманитарно-педагогический колледж", True),
    # a ministry or a company keeps its name in the text, under no class it may not have
    ("Ministry of Science and Higher Education of the Republic of Kazakhstan", False),
    ("АО «Казахтелеком»", False),
])
def test_an_affiliation_is_typed_a_university_only_when_it_names_a_school_or_an_academy(parsed, affiliation, typed):
    doc = copy.deepcopy(parsed["en-article-keywords.txt"])
    doc.meta.affiliations = {mark: affiliation for mark in doc.meta.affiliations}
    _ctx, g = _mapped(doc)
    orgs = set(g.objects(None, DKG.affiliation))
    assert bool(orgs) == typed
    assert all((o, RDF.type, DKG.University) in g for o in orgs)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_document_breaks_the_shapes_and_each_gap_is_a_warning_or_information(name, parsed):
    _ctx, g = _mapped(parsed[name])
    problems = shacl.validate_graph(g, name)
    assert shacl.violations(problems) == []
    notices = {(p.path, p.severity) for p in shacl.notices(problems)}
    gaps = EXPECTED[name]["gaps"]
    assert (("dkg:hasProvision", "Warning") in notices) == ("provisions" in gaps)
    assert (("dcterms:title", "Warning") in notices) == ("title" in gaps)
    assert (("dcterms:creator", "Warning") in notices) == ("author" in gaps)
    assert all(str(p).startswith(f"{name}: {p.severity.lower()}: node ") for p in shacl.notices(problems))


_RESULTS_ARTICLES = {
    "en": ("Regional wage dynamics in Kazakhstan\nA.B. Nurlanova\nThe aim of the study is to compare regional wages.\n"
           "Results and discussion\n",
           "Measurement {n} of the regional wage series agrees with the panel model.",
           "1. Ivanov I.I. Regional labour markets: dissertation for the degree of candidate of sciences. Almaty, 2019.\n"),
    "ru": ("Динамика региональной заработной платы в Казахстане\nА.Б. Нурланова\n"
           "Цель исследования – сравнить региональную заработную плату.\nРезультаты и обсуждение\n",
           "Измерение {n} региональных рядов заработной платы согласуется с панельной моделью.",
           "1. Иванов И.И. Региональные рынки труда: диссертация на соискание ученой степени кандидата наук. Алматы, 2019.\n"),
}


@pytest.mark.parametrize("lang", sorted(_RESULTS_ARTICLES))
def test_an_article_known_by_its_results_section_stays_one_whatever_its_references_cite(lang):
    """A text with a results section, no provisions and no word of a dissertation on its first
    pages is an article, though its references, further on, cite a dissertation."""
    head, sentence, reference = _RESULTS_ARTICLES[lang]
    text = head + " ".join(sentence.format(n=n) for n in range(60)) + "\n" + reference
    assert len(text) > 3000 and text.lower().index("диссертац" if lang == "ru" else "dissertation") > 3000
    doc = abstract.parse_bytes(text.encode(), f"wages-{lang}.txt")
    assert doc.lang == lang and "research" in doc.sections and doc.kind == "article"


def test_hypothesis_is_not_thesis():
    """An article abstract that states a hypothesis and has keywords is no dissertation."""
    text = ("Abstract. The article studies wage growth in Kazakhstan's regions.\n"
            "The aim of the study is to compare regional wage dynamics.\n"
            "Our hypothesis is that migration explains the gap.\n"
            "Research methods. Panel regression on regional data for 2010–2022.\n"
            "Keywords: wages; regions; migration\n")
    doc = abstract.parse_bytes(text.encode(), "wages.txt")
    assert doc.kind == "article"
    assert doc.meta.keywords == {"en": ["wages", "regions", "migration"]}


@pytest.mark.parametrize("text, degree", [
    ("АВТОРЕФЕРАТ диссертации на соискание ученой степени доктора экономических наук", "doctor"),
    ("тарих ғылымдарының кандидаты ғылыми дәрежесін алу үшін дайындалған диссертацияның", "candidate"),
    ("Dissertation for the degree of Candidate of Sciences in Philology", "candidate"),
    ("Abstract of the dissertation for the degree of Doctor of Sciences in Economics", "doctor"),
    ("философия докторы (PhD) дәрежесін алу үшін дайындалған диссертацияға АҢДАТПА", "phd"),
    ("магистр академиялық дәрежесін алу үшін магистрлік диссертация", "master"),
    ("Master's thesis for the degree of Master of Arts in International Relations", "master-arts"),
    ("Дипломная работа на соискание академической степени бакалавра", "bachelor"),
    # a person's degree is not the work's
    ("K.M. Akhmetov¹, PhD, associate professor\nAbstract. The article …", None),
    ("Научный руководитель: доктор исторических наук, профессор Иванов И.И.", None),
    ("PhD student of the Department of History", None),
])
def test_the_degree_the_title_page_names(text, degree):
    assert degrees.degree(text) == degree


def test_the_specialty_code_gives_the_level_when_no_degree_is_named():
    assert [degrees.degree("", c) for c in ("8D02101", "7M04106", "6B01101", "07.00.02")] == \
        ["phd", "master", "bachelor", None]


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("kinds") / "corpus"
    corpus.mkdir()
    for name in EXPECTED:
        shutil.copy(FOLDER / name, corpus)
    (corpus / "manifest.toml").write_text("".join(
        f'[[work]]\nid = "{Path(name).stem}"\nfiles = ["{name}"]\n\n' for name in EXPECTED), encoding="utf-8")
    store = corpus.parent / "store"
    result = CliRunner().invoke(main, ["build", "--seeds", str(corpus), "--store", str(store), "-q"])
    return result, store


def test_build_loads_every_document_and_reports_the_gaps_without_failing(built):
    result, _store = built
    out = result.stdout + result.stderr
    assert result.exit_code == 0, out
    assert f"documents: {len(EXPECTED)} loaded" in out and "0 rejected" in out
    assert f"works: {len(EXPECTED)}" in out
    assert "incomplete en-phd-no-provisions (en-phd-no-provisions.txt): loaded without provisions for defense" in out
    assert "incomplete ru-no-title-page (ru-no-title-page.txt): loaded without title, author, specialty" in out
    assert "gaps: 2 work(s) loaded with parts missing — title 1, author 1, specialty 1, provisions for defense 1" in out
    # SHACL warnings in plain words, naming the files
    assert "warning (1 document(s): en-phd-no-provisions.txt): This document gives no provision for defense" in out


def _rows(store_dir: Path, query: str) -> list[dict]:
    store = ox.Store.read_only(str(store_dir / "current"))
    res = store.query(query)
    names = [v.value for v in res.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in res]


def test_which_works_lack_provisions(built):
    _result, store = built
    rows = _rows(store, (queries_dir() / "27-works-lacking-parts.rq").read_text(encoding="utf-8"))
    assert [(r["work"], r["kind"], r["label"], r["files"]) for r in rows] == [
        (W + "en-phd-no-provisions", str(DKG.Dissertation), "part: provisions for defense", "en-phd-no-provisions.txt")]


def test_which_articles_and_what_their_abstracts_say(built):
    _result, store = built
    rows = _rows(store, (queries_dir() / "31-article-summaries.rq").read_text(encoding="utf-8"))
    assert rows, "an article with an 'Abstract.' paragraph has a summary the question finds"
    works = {r["work"].rsplit("/", 1)[-1] for r in rows}
    assert works <= {"en-article-keywords", "kk-article-keywords"}, "only articles have summaries"
    en = next(r for r in rows if r["work"] == W + "en-article-keywords")
    assert en["lang"] == "en" and en["summary"].startswith("The article examines")
    assert {"borders", "imperial cartography"} <= set(en["keywords"].split("; "))
    assert "Kazakh Khanate" in en["entities"].split("; ")


def test_every_gap_is_in_the_graph(built):
    _result, store = built
    rows = _rows(store, "PREFIX dkg: <https://w3id.org/dissertation-kg/ontology#> "
                        "SELECT ?work ?part { ?work dkg:lacks ?part }")
    assert {(r["work"].rsplit("/", 1)[-1], r["part"].rsplit("#", 1)[-1]) for r in rows} == {
        ("en-phd-no-provisions", "ProvisionsPart"), ("ru-no-title-page", "TitlePart"),
        ("ru-no-title-page", "AuthorPart"), ("ru-no-title-page", "SpecialtyPart")}


def test_status_and_the_work_page_show_the_gaps(built):
    from publishing_fixtures import publishing_app

    _result, store = built
    app = publishing_app(store)
    app.testing = True
    client = app.test_client()
    status = client.get("/status", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "Incomplete works (2)" in status and "en-phd-no-provisions.txt" in status
    data = client.get("/status", headers={"Accept": "application/json"}).get_json()
    assert data["generation"]["gap_counts"] == {"title": 1, "author": 1, "specialty": 1, "provisions": 1}
    page = client.get("/id/work/en-phd-no-provisions", headers={"Accept": "text/html"}).get_data(as_text=True)
    assert "Incomplete:" in page and "part: provisions for defense" in page


@pytest.mark.parametrize("lang, page", [
    ("en", "Nurlanova Asel Berikovna\nABSTRACT\nof the dissertation for the degree of Doctor of Philosophy (PhD)\n"
           "The Law of the Republic of Kazakhstan «On Artificial Intelligence» changed how public data are used.\n"),
    ("ru", "Нурланова Асель Бериковна\nАННОТАЦИЯ\nдиссертации на соискание степени доктора философии (PhD)\n"
           "Закон Республики Казахстан «О науке и технологической политике» изменил порядок финансирования.\n"),
    ("kk", "Нұрланова Әсел Берікқызы\nАҢДАТПА\nфилософия докторы (PhD) дәрежесін алу үшін дайындалған диссертацияға\n"
           "Қазақстан Республикасының «Жасанды интеллект туралы» Заңы деректерді пайдалану тәртібін өзгертті.\n"),
])
def test_a_quoted_law_is_no_title(lang, page):
    from dissertation_kg.mappings import metadata

    meta = metadata.extract({"preamble": page}, page, lang, [])
    assert meta.title is None or "«" not in page.split(meta.title)[0][-3:]
    assert meta.title not in ("On Artificial Intelligence", "О науке и технологической политике", "Жасанды интеллект туралы")


# A specialty's name in quotes runs to the closing quote, whatever it holds: a full stop, a
# bracket, «бойынша» end an unquoted name but not a quoted one (seed 141, metadata.py:379).
@pytest.mark.parametrize("lang, line, name", [
    ("kk", "6D010300 – «Педагогика және психология (бейіндер бойынша)» мамандығы бойынша философия докторы (PhD) "
           "дәрежесін алу үшін дайындалған диссертацияға", "Педагогика және психология (бейіндер бойынша)"),
    ("ru", "по специальности 6D020200 – «Международные отношения. Регионоведение» на соискание степени доктора "
           "философии (PhD)", "Международные отношения. Регионоведение"),
    ("en", '8D02301 – "Philology. Kazakh Literature" for the degree of Doctor of Philosophy (PhD)',
     "Philology. Kazakh Literature"),
])
def test_a_quoted_specialty_name_runs_to_its_closing_quote(lang, line, name):
    from dissertation_kg.mappings import metadata

    page = f"Нұрланова Әсел Берікқызы\n{line}\n"
    assert metadata.extract({"preamble": page}, page, lang, []).specialty_name == name


@pytest.mark.parametrize("lang, text, counts", [
    ("en", "Nine papers were published. The dissertation consists of an introduction, three chapters and a "
           "conclusion; two experiments were carried out.", {"Total": 9}),
    ("ru", "По теме диссертации опубликовано 7 работ. Диссертация состоит из введения, трех глав и заключения; "
           "проведено 4 эксперимента.", {"Total": 7}),
    ("kk", "Диссертация тақырыбы бойынша 12 ғылыми еңбек жарияланды. Диссертация кіріспеден, үш тараудан, "
           "қорытындыдан тұрады.", {"Total": 12}),
    ("ru", "Основные результаты изложены в 27 научных трудах, в том числе в 3 монографиях.",
     {"Total": 27, "Monographs": 3}),
])
def test_chapters_and_experiments_are_no_publications(lang, text, counts):
    from dissertation_kg.mappings import metadata

    assert metadata.publication_counts(text, lang) == counts


def test_validate_reports_gaps_in_plain_words_and_does_not_fail():
    result = CliRunner().invoke(main, ["validate", str(FOLDER / "en-phd-no-provisions.txt")])
    assert result.exit_code == 0, result.output
    assert "en-phd-no-provisions.txt: warning: node <https://w3id.org/dissertation-kg/id/work/" in result.stdout
    assert "property dkg:hasProvision: This document gives no provision for defense" in result.stdout


def test_a_supervisor_on_the_line_after_the_label_is_no_author():
    from dissertation_kg.mappings import front_matter

    lines = ["Научный руководитель:", "Абдрахманов Т.К.", "А.Б. Серікова¹, Н.Қ. Омарова²"]
    assert front_matter.authors(lines) == [("А.Б. Серікова", [1]), ("Н.Қ. Омарова", [2])]
    assert front_matter.authors(lines[:2]) == []


@pytest.mark.parametrize("line, authors", [
    ("А.Б. Серікова¹, Н.Қ. Омарова²", [("А.Б. Серікова", [1]), ("Н.Қ. Омарова", [2])]),
    ("K.M. Akhmetov¹*, A.B. KAlshabayeva²", [("K.M. Akhmetov", [1]), ("A.B. Kalshabayeva", [2])]),
    ("Serikova A.B.1,2, Akhmetov K.M.1", [("Serikova A.B.", [1, 2]), ("Akhmetov K.M.", [1])]),
    ("Иванов И.И. и Петрова А.С.", [("Иванов И.И.", []), ("Петрова А.С.", [])]),
    # the affiliation's number before the name, flattened from a superscript
    ("1А.Т. Касымова*, 2В.Г. Пак, 1Н.М. Сейткали", [("А.Т. Касымова", [1]), ("В.Г. Пак", [2]), ("Н.М. Сейткали", [1])]),
    # surnames in capitals, the superscripts flattened, run on after the codes and the DOI
    ("Д.Е. СЕРІКОВА*1, Т.А. ҚАЙРАТОВ2", [("Д.Е. Серікова", [1]), ("Т.А. Қайратов", [2])]),
    ("МРНТИ 11.25.40 УДК 327(574) https://doi.org/10.1234/x.2022.3 Н.К. ОМАРОВА*1, Б.С. ЖАКЕНОВ2",
     [("Н.К. Омарова", [1]), ("Б.С. Жакенов", [2])]),
    ("МРНТИ 11.25.40 УДК 327(574) https://doi.org/10.1234/x.2022.3", []),
    ("ВЛИЯНИЕ ЦИФРОВИЗАЦИИ НА ТОРГОВЛЮ", []),
    ("1 Алматинский университет энергетики и связи", []),
    ("Международные отношения и внешняя политика", []),
    ("Әл-Фараби атындағы Қазақ ұлттық университеті", []),
    # full names without initials under an authors' label, as a catalogue's record prints them
    ("Authors: Омарова Айгерім Болатқызы, Lund Erik", [("Омарова Айгерім Болатқызы", []), ("Lund Erik", [])]),
    # without the label capitalised words are no authors
    ("Омарова Айгерім Болатқызы, Lund Erik", []),
    ("Authors: Ministry of Health", []),
    # given name, patronymic and surname in the English order, each numbered to its affiliation
    ("Dana Bolatovna Seitkali1, Erik Lund2", [("Dana Bolatovna Seitkali", [1]), ("Erik Lund", [2])]),
    ("Seitkali Dana Bolatovna¹, Omarov Arman Serikuly²", [("Seitkali Dana Bolatovna", [1]), ("Omarov Arman Serikuly", [2])]),
])
def test_authors_with_initials(line, authors):
    from dissertation_kg.mappings import front_matter

    assert front_matter.authors([line]) == authors


def test_keywords_of_every_language_by_their_label():
    from dissertation_kg.mappings import front_matter

    text = ("Аңдатпа. …\nТірек сөздер: тарихнама, хандық, шекара.\n"
            "Аннотация. …\n**Ключевые слова:** историография; ханство; граница\n"
            "Abstract. …\nKey words – historiography, khanate, border\n")
    assert front_matter.keywords(text) == {"kk": ["тарихнама", "хандық", "шекара"],
                                           "ru": ["историография", "ханство", "граница"],
                                           "en": ["historiography", "khanate", "border"]}


@pytest.mark.parametrize("label, lang", [
    ("Keywords", "en"), ("Key words", "en"), ("Key-words", "en"), ("Index terms", "en"), ("Index Terms", "en"),
    ("Ключевые слова", "ru"), ("Түйін сөздер", "kk"), ("Түйінді сөздер", "kk"), ("Тірек сөздер", "kk"),
    ("Кілт сөздер", "kk"), ("Кілттік сөздер", "kk"),
])
def test_every_keyword_label_introduces_keywords(label, lang):
    # every label, written out by hand (not read from front_matter.KEYWORD_LABELS)
    from dissertation_kg.mappings import front_matter

    words = ["alpha", "beta", "gamma"] if lang == "en" else ["альфа", "бета", "гамма"]
    assert front_matter.keywords(f"Abstract. …\n{label}: {', '.join(words)}\n") == {lang: words}


def test_keyword_label_paragraph_ending_in_its_colon_with_the_list_below():
    # a structured abstract's bold label as a paragraph of its own, the list in the next one
    from dissertation_kg.mappings import front_matter

    text = "Қорытынды:\nАвторлар жаңа тәсілді ұсынады.\nТүйін сөздер:\nсалық, өңір, дотация\nҚаржыландыру:\n…"
    assert front_matter.keywords(text) == {"kk": ["салық", "өңір", "дотация"]}


def test_keywords_wrapped_onto_the_next_line():
    from dissertation_kg.mappings import front_matter

    text = "Түйін сөздер: микродірілдер, резонанстық жиілік, сейсмикалық\nмикроаудандастыру, қала.\nКіріспе\n"
    assert front_matter.keywords(text) == {"kk": ["микродірілдер", "резонанстық жиілік",
                                                  "сейсмикалық микроаудандастыру", "қала"]}
    # a list without a full stop takes nothing from a next line in capitals (the next block)
    assert front_matter.keywords("Ключевые слова: грунт; сейсмика\nAbstract. The soil …") == {
        "ru": ["грунт", "сейсмика"]}
    # a list ended by its full stop takes nothing from the next line
    assert front_matter.keywords("Keywords: soil, resonance.\nthe introduction starts here") == {
        "en": ["soil", "resonance"]}
    # after a comma the list goes on whatever the case of the next line (a capitalised keyword
    # wrapped, Markdown's hard break leaving two spaces before the line end)
    assert front_matter.keywords("Ключевые слова: дивиденды, публичные компании,  \nКазахстанская фондовая биржа.\n"
                                 "Введение") == {"ru": ["дивиденды", "публичные компании", "Казахстанская фондовая биржа"]}


# Title pages as published (#10, second corpus): each convention on a page written for the test.
_TITLE_PAGES = {
    'runon': 'Спорт академиясы Қолжазба құқығында САПАРОВ ДӘУРЕН НҰРЛАНҰЛЫ Жас балуандардың жылдамдық дайындығын жетілдіру әдістемесі\n8D01401 – Дене шынықтыру және спорт философия докторы (PhD) дәрежесін алу үшін дайындалған диссертацияға АҢДАТПА\nАлматы, 2024\nЗЕРТТЕУДІҢ МАҚСАТЫ жаттығу әдістемесін әзірлеу және тексеру.\n',
    'runon-neg': 'Бұл диссертация балуандардың жылдамдық дайындығын жетілдіру әдістемесіне арналған жұмыс\n8D01401 – Дене шынықтыру және спорт\nЗерттеудің мақсаты – әдістеме әзірлеу.\n',
    'caps2': 'Сәулет академиясы\nҚолжазба құқығында\nСЕРІКБАЕВА\nДИНАРА АСҚАРҚЫЗЫ\nҚаланың тарихи орталығындағы тұрғын үй мұрасын\nсақтау әдістері\n8D07301 – Сәулет\nФилософия докторы (PhD) дәрежесін алу үшін дайындалған диссертацияның\nАҢДАТПАСЫ\nАлматы, 2025\nТақырыптың өзектілігі. Мұра сақталуы тиіс.\nЗерттеу нысаны – тұрғын үйлер.\n',
    'article': 'А.Б. Нұрланова¹, К.С. Ержанов²\n¹Сейсмология институты, Алматы, Қазақстан\n²Қазақ ұлттық университеті, Алматы, Қазақстан\nТАУ БӨКТЕРІНДЕГІ ГРУНТТАРДЫҢ\nСЕЙСМИКАЛЫҚ ҚАСИЕТТЕРІН БАҒАЛАУ\nАҢДАТПА\nМақалада тау бөктеріндегі грунттардың қасиеттері қарастырылады.\nТүйін сөздер: грунт, сейсмика.\n',
    'label': 'Магистрант\nПетрова Анна Игоревна\nТема магистерской диссертации\nЦифровой маркетинг в гостиничном бизнесе Алматы\nОбразовательная программа\n7M04101 – Маркетинг\n\nАктуальность темы\nГостиницы переходят в цифровую среду.\nЦель – разработать рекомендации.\n',
    'resume-ru': 'Казахский национальный университет\nКРАТКОЕ РЕЗЮМЕ\nдиссертации на соискание степени доктора философии (PhD)\nИВАНОВА МАРИЯ ПЕТРОВНА\nЦифровой маркетинг в гостиничном бизнесе\n6D050700 – Менеджмент\nАктуальность темы. Гостиницы переходят в цифровую среду.\nЦель – разработать рекомендации.\n',
    'resume-kk': 'Әл-Фараби атындағы Қазақ ұлттық университеті\nҚЫСҚАША РЕЗЮМЕ\nСЕЙДАХМЕТОВА ЖАНАР АЙДАРҚЫЗЫ\nЖоғары мектепте цифрлық сауаттылықты дамыту\n8D01101 – Педагогика және психология\nТақырыптың өзектілігі. Цифрлық трансформация жаңа талаптар қояды.\nЗерттеудің мақсаты – әдістеме әзірлеу.\n',
    'above': 'ISSN 1234-5678 · Journal of Regional Studies · No. 2 (2023)\nIRSTI 06.52.41\nHOUSEHOLD SAVINGS AND\nDEPOSIT INSURANCE IN CENTRAL ASIA\nA. Temirova1*, B. Lee2\n1Narxoz University, Almaty, Kazakhstan; 2Yonsei University, Seoul, Korea *Corresponding author: a.temirova@narxoz.kz\nAbstract. Savings of 900 households were surveyed in three cities.\nKeywords: savings, deposits.\n',
    'academy': 'КАЗАХСКАЯ ГОСУДАРСТВЕННАЯ ЛЕСОТЕХНИЧЕСКАЯ АКАДЕМИЯ\nУДК 630*2 На правах рукописи\nОРАЗБАЕВ НУРЛАН САПАРОВИЧ\nВосстановление сосновых насаждений на гарях ленточных боров\n06.03.02 – Лесоустройство и лесная таксация\nАлматы 2011\nЗащита состоится 5 мая 2011 г. на заседании совета при академии.\nОразбаев Н.С.\nАктуальность темы. Пожары уничтожают леса.\nЦель работы – разработать способ восстановления.\n',
    'caps-code': 'EURASIAN TECHNICAL UNIVERSITY\nFaculty of Energy\nUDC 621.3 As a manuscript\nZHUNUSOVA MADINA ASKAROVNA\nAdaptive Control of Irrigation Pumps under Variable Tariffs 8D07105 – Automation and Control\nAbstract of the dissertation for the degree of Doctor of Philosophy (PhD)\nAstana, 2024\nRelevance of the topic. Pumps use much energy.\nThe aim of the study is to design a controller.\n',
    'legal-caps': 'НЕКОММЕРЧЕСКОЕ АКЦИОНЕРНОЕ ОБЩЕСТВО «ВОСТОЧНЫЙ УНИВЕРСИТЕТ ТРАНСПОРТА И ЛОГИСТИКИ ИМЕНИ ИВАНА ПЕТРОВА»\nСейткали Арман Бекович\nМониторинг линий электропередачи с помощью беспилотных аппаратов\nАннотация диссертации на соискание степени доктора философии (PhD) по образовательной программе 8D07101 – Энергетика\nАктуальность темы. Линии стареют.\nЦель – разработать метод мониторинга.\n',
    'full-names': 'Вестник медицины, 2022, Т. 4, №2 Оригинальная статья\nУДК 616.1 МРНТИ 76.29.29 DOI 10.12345/\nVM.2022.4.2.007 ФАКТОРЫ РИСКА ИНСУЛЬТА У ЖИТЕЛЕЙ СЕЛЬСКИХ РАЙОНОВ\nАсель Б. Нурланова1, https://orcid.org/0000-0001-2345-6789; Ержан К. Садыков1; Ли Вэй2 1Медицинский университет Караганды, г. Караганда, Казахстан;2Пекинский университет, г. Пекин, Китай\nРезюме. Введение. Инсульт остаётся частой причиной инвалидности. Цель: оценить факторы риска у 300 жителей.\nКлючевые слова: инсульт, факторы риска.\n',
    'manuscripts': 'ӘОЖ 821.512.122.0\nҚолжазба құқығында\nЖҰМАБЕКОВА АЙЖАН ТАЛҒАТҚЫЗЫ\nШәкәрім өлеңдерінің қолжазба нұсқалары: текстологиялық талдау\n10.01.02 – Қазақ әдебиеті\nФилология ғылымдарының кандидаты ғылыми дәрежесін алу үшін дайындалған диссертацияның\nАВТОРЕФЕРАТЫ\nТақырыптың өзектілігі. Қолжазбалар зерттелмеген.\nЗерттеудің мақсаты – нұсқаларды салыстыру.\n',
    'llp': '«Халықаралық білім беру корпорациясы» ЖШС\nҚолжазба құқығында\nЕРМЕКОВ АЛИБЕК САҒЫНТАЙҰЛЫ\nҚаланың тарихи орталығындағы тұрғын үй мұрасын сақтау\n8D07301 – Сәулет\nАҢДАТПАСЫ\nТақырыптың өзектілігі. Мұра сақталуы тиіс.\n',
}


@pytest.mark.parametrize("page, author, title", [
    # a run-on title page that stops before the specialty line
    ("runon", "Сапаров Дәурен Нұрланұлы", "Жас балуандардың жылдамдық дайындығын жетілдіру әдістемесі"),
    # a run-on first line with no name in capitals gives neither
    ("runon-neg", None, None),
    # the name in capitals over two lines, the title over two lines
    ("caps2", "Серікбаева Динара Асқарқызы", "Қаланың тарихи орталығындағы тұрғын үй мұрасын сақтау әдістері"),
    # an article's title in capitals over two lines, up to the ABSTRACT heading in capitals
    ("article", "А.Б. Нұрланова", "ТАУ БӨКТЕРІНДЕГІ ГРУНТТАРДЫҢ СЕЙСМИКАЛЫҚ ҚАСИЕТТЕРІН БАҒАЛАУ"),
    # a title page typed as a table: the label alone on its line, the title on the next
    ("label", "Петрова Анна Игоревна", "Цифровой маркетинг в гостиничном бизнесе Алматы"),
    # a company's name in quotes before its legal form (ЖШС) is no title
    ("llp", "Ермеков Алибек Сағынтайұлы", "Қаланың тарихи орталығындағы тұрғын үй мұрасын сақтау"),
    # the document's own name in capitals ("КРАТКОЕ РЕЗЮМЕ") is no author, the name under it is
    ("resume-ru", "Иванова Мария Петровна", "Цифровой маркетинг в гостиничном бизнесе"),
    ("resume-kk", "Сейдахметова Жанар Айдарқызы", "Жоғары мектепте цифрлық сауаттылықты дамыту"),
    # an article's title in capitals above its authors, whose affiliations end the title page
    ("above", "A. Temirova", "HOUSEHOLD SAVINGS AND DEPOSIT INSURANCE IN CENTRAL ASIA"),
    # an academy's name in capitals is no author; the name in capitals under it is, in full,
    # whatever its initials on a running header
    ("academy", "Оразбаев Нурлан Сапарович", "Восстановление сосновых насаждений на гарях ленточных боров"),
    # the name in capitals above the code's line is no title; the title is run on into that line
    ("caps-code", "Zhunusova Madina Askarovna", "Adaptive Control of Irrigation Pumps under Variable Tariffs"),
    # a university in quotes after its legal form spelled out in capitals is no title
    ("legal-caps", "Сейткали Арман Бекович", "Мониторинг линий электропередачи с помощью беспилотных аппаратов"),
    # authors with given names in full and an ORCID iD, their affiliations run on; the title
    # after a DOI broken at its slash, and the abstract's opening under the authors
    ("full-names", "Асель Б. Нурланова", "ФАКТОРЫ РИСКА ИНСУЛЬТА У ЖИТЕЛЕЙ СЕЛЬСКИХ РАЙОНОВ"),
    # «Қолжазба құқығында» is no title; a title about manuscripts («қолжазба нұсқалары») is one
    ("manuscripts", "Жұмабекова Айжан Талғатқызы", "Шәкәрім өлеңдерінің қолжазба нұсқалары: текстологиялық талдау"),
])
def test_title_page_conventions(page, author, title):
    doc = abstract.parse_bytes(_TITLE_PAGES[page].encode(), f"{page}.txt")
    assert (doc.meta.author, doc.meta.title) == (author, title)


_ARTICLE = """\
А.Б. Нұрланова¹, К.С. Ержанов²
¹Сейсмология институты, Алматы, Қазақстан
ТАУ БӨКТЕРІНДЕГІ ГРУНТТАРДЫҢ СЕЙСМИКАЛЫҚ ҚАСИЕТТЕРІН БАҒАЛАУ
Аңдатпа. Мақалада Алматы қаласы мен Қытай аумағындағы грунттардың қасиеттері салыстырылады.
Түйін сөздер: грунт, сейсмика.
"""


def test_an_articles_abstract_is_its_summary_and_is_linked():
    doc = abstract.parse_bytes(_ARTICLE.encode(), "kk-article.txt")
    ctx = rdf.work_context("kk-article", [doc])
    g = rdf.to_graph(doc, ctx, ontology_version=ontology_version()).graph
    summaries = list(g.objects(ctx.iri, DKG.hasSummary))
    assert len(summaries) == 1 and (summaries[0], RDF.type, DKG.Summary) in g
    assert str(g.value(summaries[0], DKG.text)).startswith("Мақалада Алматы қаласы")
    mentioned = {str(o) for o in g.objects(summaries[0], DKG.mentions)}
    assert mentioned, "the summary's entities (Алматы, Қытай) are linked like a dissertation part's"
    assert shacl.violations(shacl.validate_graph(g, "kk-article.txt")) == []


_EN_ARTICLE = """\
IRSTI 06.61.33
A.B. Seitkali1, D.M. Ospanova2
1Al-Farabi Kazakh National University, Almaty, Kazakhstan
2Abai Kazakh National Pedagogical University, Almaty, Kazakhstan
GRAIN EXPORT ROUTES OF THE NORTHERN REGIONS
Abstract. The article examines the grain export routes of the northern regions of Kazakhstan through the
Caspian ports and compares their costs with the routes through China in 2015-2023.
Keywords: grain export, transport corridor, logistics.
Introduction
Grain exports of Kazakhstan grew steadily over the last decade.
Conclusion
The Caspian routes are cheaper for the western regions.
References
1 Smith J. Grain corridors // Journal of Transport Geography. – 2020. – Vol. 8. – P. 1–9.
СОЛТҮСТІК ӨҢІРЛЕРДІҢ АСТЫҚ ЭКСПОРТЫ
Түйін. Мақалада Қазақстанның солтүстік өңірлерінің астық экспорты жолдары Каспий порттары арқылы
қарастырылып, олардың құны Қытай арқылы өтетін жолдармен салыстырылады.
Түйін сөздер: астық экспорты, көлік дәлізі, логистика.
ЭКСПОРТ ЗЕРНА СЕВЕРНЫХ РЕГИОНОВ
Аннотация. В статье рассматриваются пути экспорта зерна северных регионов Казахстана через порты
Каспия и сравнивается их стоимость с маршрутами через Китай в 2015–2023 годах.
Ключевые слова: экспорт зерна, транспортный коридор, логистика.
"""


def test_an_articles_summaries_in_its_other_languages_are_its_summary_in_them():
    # printed after the references, the Kazakh and Russian fronts are the article's summary in
    # those languages, linked as the English one is; a document of the work in one of them gives
    # its own summary there instead
    doc = abstract.parse_bytes(_EN_ARTICLE.encode(), "en-grain.txt")
    assert doc.kind == "article" and sorted(doc.translations) == ["kk", "ru"]
    assert doc.translations["kk"].startswith("Мақалада Қазақстанның солтүстік")
    ctx = rdf.work_context("en-grain", [doc])
    g = rdf.to_graph(doc, ctx, ontology_version=ontology_version()).graph
    summary = g.value(ctx.iri, DKG.hasSummary)
    assert {t.language for t in g.objects(summary, DKG.text)} == {"en", "kk", "ru"}
    quoted = {str(q) for q in g.objects(None, URIRef("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf"))}
    assert {"Қазақстанның", "Казахстана", "Қытай", "Китай"} <= quoted, quoted
    assert shacl.violations(shacl.validate_graph(g, "en-grain.txt")) == []
    kazakh = copy.copy(doc)
    kazakh.lang = "kk"
    ctx = rdf.work_context("en-grain", [doc, kazakh])
    g = rdf.to_graph(doc, ctx, ontology_version=ontology_version(), link=False).graph
    assert {t.language for t in g.objects(g.value(ctx.iri, DKG.hasSummary), DKG.text)} == {"en", "ru"}


def test_a_dissertations_abstract_heading_makes_no_summary(parsed):
    # Under a dissertation's АҢДАТПА heading stands its title page, not content.
    assert any(doc.kind != "article" and "abstract" in doc.sections for doc in parsed.values())
    for name, doc in parsed.items():
        if doc.kind != "article":
            ctx, g = _mapped(doc, name.split(".")[0])
            assert not list(g.objects(ctx.iri, DKG.hasSummary)), name


def test_every_kind_of_work_has_its_class_and_its_degrees():
    assert list(abstract.KINDS) == list(rdf.WORK_CLASS) == list(rdf.KIND_DEGREES)  # most weighty first
    assert len(set(rdf.WORK_CLASS.values())) == len(abstract.KINDS)


def test_authors_listed_one_a_list_item_with_their_affiliations():
    from dissertation_kg.mappings import front_matter

    lines = ["Home › Archive", "- Dana R. Utebayeva, Steppe University, Astana", "- Marcus J. Hollow, University of Nowhere, UK",
             "DOI: 10.0000/x"]
    assert front_matter.authors(lines) == [("Dana R. Utebayeva", []), ("Marcus J. Hollow", [])]
    # items that are no names (a task list, a university alone) list no authors
    assert front_matter.authors(["- to survey the farms, in two regions", "- Steppe University, Astana"]) == []


def test_a_publication_count_after_a_conference_in_another_clause_is_the_total():
    from dissertation_kg.mappings import metadata

    text = "The work was presented at the regional conference «Young Engineers – 2024» and published in 2 papers."
    assert metadata.publication_counts(text, "en") == {"Total": 2}
    assert metadata.publication_counts("Результаты доложены на конференции и изложены в 3 статьях.", "ru") == {"Total": 3}

    # a number of years is no count: an anniversary, a span
    assert metadata.publication_counts("Абайдың 150 жылдық мерейтойы қарсаңында жаңа басылымдар шықты.", "kk") == {}
    assert metadata.publication_counts("За 5 лет опубликовано 12 статей.", "ru") == {"Total": 12}
    assert metadata.publication_counts("Over 3 years, 9 papers were published.", "en") == {"Total": 9}


def test_authors_printed_with_surname_given_name_and_patronymic():
    from dissertation_kg.mappings import front_matter

    line = "Оспанов Берик Талгатович1, Сейткали Дина Маратовна1, Чжан Мин2"
    assert front_matter.authors([line]) == [("Оспанов Берик Талгатович", [1]), ("Сейткали Дина Маратовна", [1]),
                                            ("Чжан Мин", [2])]


def test_keywords_under_a_label_alone_on_its_line():
    from dissertation_kg.mappings import front_matter

    text = "Түйін сөздер\n\nдала өзендері, ағынды, болжам.\n\nЖұмыс қордың гранты бойынша орындалды."
    assert front_matter.keywords(text) == {"kk": ["дала өзендері", "ағынды", "болжам"]}


def test_a_quoted_name_after_what_the_organisation_is_is_no_title():
    from dissertation_kg.mappings import metadata

    page = ("STEPPE AGRARIAN UNIVERSITY «SCHOOL OF RURAL ECONOMICS»\nOmarova Dana Seitovna\n"
            "Water pricing for irrigated farms in the Syr Darya basin\n"
            "ABSTRACT of the dissertation for the degree of Doctor of Philosophy (PhD)\n")
    meta = metadata.extract({"preamble": page}, page, "en", [])
    assert meta.title != "SCHOOL OF RURAL ECONOMICS"


@pytest.mark.parametrize("lang, page, unit", [
    ("ru", "ОМАРОВА ДАНА СЕЙТОВНА\nВодные тарифы для орошаемых хозяйств бассейна Сырдарьи\n"
           "05.23.11 – Мелиорация\nАВТОРЕФЕРАТ\nдиссертации на соискание ученой степени кандидата наук\n"
           "Работа выполнена на кафедре «Гидромелиорация и водное хозяйство» Степного аграрного института.\n",
     "Гидромелиорация и водное хозяйство"),
    ("kk", "ОМАРОВА ДАНА СЕЙТҚЫЗЫ\nСырдария алабындағы суармалы шаруашылықтардың су тарифтері\n"
           "АҢДАТПА\nфилософия докторы (PhD) дәрежесін алу үшін дайындалған диссертацияның\n"
           "Жұмыс «Гидромелиорация және су шаруашылығы» кафедрасында орындалды.\n",
     "Гидромелиорация және су шаруашылығы"),
])
def test_a_quoted_name_of_a_department_is_no_title(lang, page, unit):
    from dissertation_kg.mappings import metadata

    meta = metadata.extract({"preamble": page}, page, lang, [])
    assert meta.title != unit


def test_a_manuscripts_submission_record_after_the_authors_leaves_the_title_above_them():
    from dissertation_kg.mappings import metadata

    page = ("Grazing pressure and soil carbon in the semi-arid steppe of Central Kazakhstan\n"
            "Aidos M. Serikbayev1, Dana T. Omarova2 1Steppe Institute, Astana, Kazakhstan; 2Soil Institute, Almaty, Kazakhstan\n"
            "Corresponding author: a.serikbayev@steppe.kz\n"
            "Manuscript type: Original article. Word count: 5,120. Figures: 4. Tables: 2.\n")
    meta = metadata.extract({"preamble": page}, page, "en", [])
    assert meta.title == "Grazing pressure and soil carbon in the semi-arid steppe of Central Kazakhstan"


def test_the_specialty_is_labelled_by_the_name_beside_its_own_code(parsed):
    # The work's specialty takes the name the document prints beside the code; a document whose
    # code is another (a misprint, or a second member with another code) lends it no name.
    doc = parsed["en-phd-no-provisions.txt"]
    ctx, g = _mapped(doc)
    (sp,) = g.objects(ctx.iri, FABIO.hasDiscipline)
    assert set(g.objects(sp, SKOS.notation)) == {Literal("8D06101")}
    assert set(g.objects(sp, SKOS.prefLabel)) | set(g.objects(sp, SKOS.altLabel)) == {
        Literal("Information systems", lang="en")}
    other = copy.deepcopy(doc)
    other.meta.specialty_code, other.meta.specialty_name = "8D06102", "Computer engineering and software"
    g2 = rdf.to_graph(other, ctx, ontology_version=ontology_version(), link=False).graph
    assert set(g2.objects(sp, SKOS.notation)) == {Literal("8D06101")}
    assert set(g2.objects(sp, SKOS.prefLabel)) | set(g2.objects(sp, SKOS.altLabel)) == set()


def test_a_translation_names_its_authors_by_the_first_translations_iris(parsed):
    # One person, one IRI in every translation: the authors a translation lists in its own script
    # ("Омарова Д.С.") are the ones the first translation listing them named (seed 131's
    # `rdf.py:265`, == → !=, minted one from each script's spelling).
    from dissertation_kg.mappings.metadata import Author

    en = copy.deepcopy(parsed["en-phd-no-provisions.txt"])
    en.meta.authors = [Author("Omarova D.S.", [1]), Author("Hale T.", [2])]
    ru = copy.deepcopy(en)
    ru.lang, ru.meta.authors = "ru", [Author("Омарова Д.С.", [1]), Author("Хейл Т.", [2])]
    ctx = rdf.work_context("w-two-scripts", [en, ru])
    assert len(set(ctx.author_iris)) == 2
    for doc in (en, ru):
        g = rdf.to_graph(doc, ctx, ontology_version=ontology_version(), link=False).graph
        assert set(g.objects(ctx.iri, DCTERMS.creator)) == set(ctx.author_iris)
        agents = {int(o): a for node in g.objects(ctx.iri, PROV.qualifiedAttribution)
                  for o in g.objects(node, DKG.ordinal) for a in g.objects(node, PROV.agent)}
        assert [agents[1], agents[2]] == list(ctx.author_iris)


# --------------------------------------------------------------------------- every part of every kind
# Written out by hand (never read from gaps.EXPECTED): what each kind of work must give, in order;
# a work with nothing lacks all of it, and a work with one part lacks all but that one.
_EXPECTED_PARTS = {
    "dissertation": ["title", "author", "specialty", "relevance", "object", "subject", "aim", "tasks",
                     "novelty", "provisions"],
    "masters-thesis": ["title", "author", "relevance", "object", "subject", "aim", "tasks"],
    "bachelors-thesis": ["title", "author", "aim", "tasks"],
    "article": ["title", "author", "keywords"],
}


class _Meta:
    def __init__(self, **given):
        self.title = given.get("title")
        self.author = given.get("author")
        self.specialty_code = given.get("specialty_code")
        self.keywords = given.get("keywords")


class _Doc:
    """A parsed document with only the parts named (a section's text or a list's items)."""

    def __init__(self, sections=(), items=(), **meta):
        self.meta, self._sections = _Meta(**meta), set(sections)
        self.items = {k: ["item"] for k in items}

    def section_text(self, kind):
        return "some text" if kind in self._sections else ""


@pytest.mark.parametrize("kind", sorted(_EXPECTED_PARTS))
def test_a_work_with_nothing_lacks_every_part_its_kind_expects(kind):
    assert rdf.gaps.missing(kind, [_Doc()]) == _EXPECTED_PARTS[kind]
    assert rdf.gaps.missing(kind, []) == _EXPECTED_PARTS[kind]


@pytest.mark.parametrize("doc, part", [
    (_Doc(title="A title"), "title"), (_Doc(author="A. Author"), "author"),
    (_Doc(specialty_code="6D020300"), "specialty"), (_Doc(keywords=["soil"]), "keywords"),
    (_Doc(sections=["relevance"]), "relevance"), (_Doc(sections=["object"]), "object"),
    (_Doc(sections=["subject"]), "subject"), (_Doc(sections=["aim"]), "aim"),
    (_Doc(items=["tasks"]), "tasks"), (_Doc(items=["novelty"]), "novelty"),
    (_Doc(items=["provisions"]), "provisions"),
])
def test_each_part_a_document_gives_is_no_gap(doc, part):
    assert rdf.gaps.present(doc) == {part}
    kinds = [k for k, parts in _EXPECTED_PARTS.items() if part in parts]
    for kind in kinds:
        assert rdf.gaps.missing(kind, [doc]) == [p for p in _EXPECTED_PARTS[kind] if p != part]


# --------------------------------------------------------------------------- what makes a text an abstract
# Written out by hand (never read from abstract.CORE_KINDS): one heading of every kind that makes
# a text an abstract of research, each alone in a two-line document; without its kind in the
# list the document is no abstract (MappingError).
_GRAIN = "В работе рассматривается рынок зерна северных областей и его связь с ценами на топливо."


@pytest.mark.parametrize("heading, kind", [
    ("Актуальность темы исследования.", "relevance"), ("Объект исследования –", "object"),
    ("Предмет исследования –", "subject"), ("Цель исследования –", "aim"), ("Задачи исследования:", "tasks"),
    ("Теоретико-методологическая основа исследования.", "theoretical-basis"), ("Методы исследования:", "methods"),
    ("Научная новизна исследования:", "novelty"), ("Основные положения, выносимые на защиту:", "provisions"),
    ("Практическая значимость работы.", "significance"), ("Гипотеза исследования:", "hypothesis"),
    ("Апробация результатов исследования.", "approbation"), ("Структура диссертации.", "structure"),
    ("Степень разработанности темы.", "development"), ("Общая характеристика работы.", "general"),
    ("Источниковая база исследования.", "sources"), ("Хронологические рамки исследования.", "chronology"),
    ("Личный вклад автора.", "contribution"), ("Достоверность результатов.", "reliability"),
    ("Основное содержание работы.", "content"), ("Оценка полноты решения задач.", "completeness"),
    ("Обоснование новизны и важности.", "justification"), ("Описание основных результатов.", "findings"),
    ("Соответствие основным направлениям развития науки.", "priority"),
])
def test_every_kind_of_section_alone_makes_an_abstract(heading, kind):
    parsed = abstract.parse_bytes(f"{heading}\n{_GRAIN}\n".encode(), "one-section.txt")
    assert list(parsed.sections) == [kind]


@pytest.mark.parametrize("text, kinds", [
    ("Abstract\nThe paper studies grain markets of the northern regions.\nKeywords: grain, fuel, prices\n",
     ["abstract", "keywords"]),
    ("Introduction\nThe paper studies grain markets of the northern regions.\nConclusion\nPrices follow fuel costs.\n",
     ["conclusion", "introduction"]),
])
def test_two_blocks_of_an_article_make_an_abstract(text, kinds):
    assert sorted(abstract.parse_bytes(text.encode(), "article.txt").sections) == kinds


# An article is told by its own blocks while no word in its first 3,000 characters calls it a
# dissertation; each block alone decides it here, the word standing only further on.
_FILL = " ".join(["Grain prices in the northern regions follow the cost of fuel and of rail freight."] * 40)


@pytest.mark.parametrize("heading", ["Introduction", "Abstract", "Results", "Conclusion", "Keywords"])
def test_each_block_of_an_article_makes_it_one(heading):
    text = f"Relevance of the topic.\n{_FILL}\n\n{heading}\n{_FILL}\n\nThis dissertation was defended in 2021.\n"
    assert abstract.parse_bytes(text.encode(), "article.txt").kind == "article"


@pytest.mark.parametrize("text", [
    "Relevance of the topic.\nGrain prices follow fuel costs.\nIntroduction\nThis dissertation studies grain prices.\n",
    "Актуальность темы.\nЦены на зерно следуют за ценами на топливо.\nВведение\nВ диссертации изучены цены на зерно.\n",
    "Актуальность темы.\nЦены на зерно следуют за ценами на топливо.\nВведение\nВ автореферате изложены цены на зерно.\n",
])
def test_a_text_that_calls_itself_a_dissertation_is_one(text):
    assert abstract.parse_bytes(text.encode(), "work.txt").kind == "dissertation"


def test_a_title_in_capitals_goes_on_after_its_comma_to_the_years():
    # pdftotext's lines of a journal's title: the years after the comma stand alone on the last
    text = ("IRSTI 11.25.40\nA.S. Seitkali1*, D.M. Ospanova2\n1Al-Farabi Kazakh National University, Almaty\n"
            "2Abai Kazakh National Pedagogical University, Almaty\n"
            "STEPPE GRAIN EXPORT ROUTES AFTER THE OPENING OF THE CASPIAN CORRIDOR: CUSTOMS\nDATA OF THE NORTHERN REGIONS,\n"
            "2015–2023\nAbstract. The article examines grain export routes. The study draws on customs data.\n\n"
            "Keywords: grain, export, Caspian corridor.\n")
    doc = abstract.parse_bytes(text.encode(), "en-grain.txt")
    assert doc.kind == "article"
    assert doc.meta.title == ("STEPPE GRAIN EXPORT ROUTES AFTER THE OPENING OF THE CASPIAN CORRIDOR: CUSTOMS DATA OF "
                              "THE NORTHERN REGIONS, 2015–2023")


def test_a_kazakh_author_in_the_genitive_before_the_programme_s_code():
    text = ("С. Сейфуллин атындағы Қазақ агротехникалық зерттеу университеті\nАҢДАТПА\n"
            "Жанұзақов Ерлан Серікұлының 8D09102 – Ветеринариялық санитария білім беру бағдарламасы бойынша "
            "философия докторы (PhD) дәрежесін алу үшін ұсынылған «Сою пункттерінде бақылауды жетілдіру» "
            "тақырыбындағы диссертациялық жұмысына\n"
            "Зерттеудің мақсаты – сою пункттеріндегі ветеринариялық бақылауды жетілдіру.\n"
            "Зерттеудің міндеттері:\n1) пункттердің жағдайын бағалау;\n2) бақылау әдістемесін ұсыну.\n")
    doc = abstract.parse_bytes(text.encode(), "kk-vet.txt")
    assert doc.meta.author == "Жанұзақов Ерлан Серікұлы"


def test_a_kazakh_journal_article_s_title_in_capitals_under_its_affiliations():
    # KazNU's journals: codes, the authors, their numbered affiliations (the first one «әл-Фараби
    # атындағы …», an article in lower case), then the title in capitals hyphenated at a line end
    text = ("ҒТАМР 16.21.27\nhttps://doi.org/10.26577/EJPh.2025.v1.i2.09\n"
            "А.Б. Сейткали1*, Д.М. Оспанова2\n"
            "1әл-Фараби атындағы Қазақ ұлттық университеті, Алматы, Қазақстан\n"
            "2Абай атындағы Қазақ ұлттық педагогикалық университеті, Алматы, Қазақстан *e-mail: a@kaznu.kz\n"
            "ҚАЛАЛЫҚ ОТБАСЫЛАРДАҒЫ ТІЛ ТАҢДАУЫ: АЛМАТЫ ҚАЛАСЫНЫҢ МЕКТЕП-\nТЕРІНДЕГІ ДЕРЕКТЕР БОЙЫНША\n\n"
            "Аңдатпа. Мақалада қалалық отбасылардың тіл таңдауы қарастырылады. Зерттеу 200 отбасына "
            "жүргізілген сауалнамаға сүйенеді.\n\nТүйін сөздер: тіл таңдауы, отбасы, көптілділік.\n")
    doc = abstract.parse_bytes(text.encode(), "kk-language-choice.txt")
    assert doc.kind == "article"
    assert doc.meta.title == "ҚАЛАЛЫҚ ОТБАСЫЛАРДАҒЫ ТІЛ ТАҢДАУЫ: АЛМАТЫ ҚАЛАСЫНЫҢ МЕКТЕПТЕРІНДЕГІ ДЕРЕКТЕР БОЙЫНША"


def test_an_articles_title_wrapped_over_four_lines_before_lower_case_words_is_whole():
    # a journal's narrow column wraps a long title three times, each time before a word in lower
    # case: every line is the title's, back to its capitalised first
    text = ("IRSTI 68.05.31\nUDC 631.4\nEffect of grazing pressure on soil\norganic carbon and nitrogen stocks\n"
            "of the dry steppes and semi-deserts\nin central Kazakhstan\n"
            "A.B. Omarova1*, K.L. Sadykov2, D.M. Ermekova1\n1Al-Farabi Kazakh National University, Almaty, Kazakhstan\n"
            "2Kazakh National Agrarian Research University, Almaty, Kazakhstan\n*e-mail: omarova.ab@kaznu.kz\n"
            "Abstract. The article studies how grazing pressure changes the stocks of soil organic carbon and "
            "nitrogen in the dry steppes and semi-deserts of central Kazakhstan. Soils were sampled at 48 sites "
            "along grazing gradients around wells and villages in 2022 and 2023. Carbon stocks fell by a third "
            "near the wells, and nitrogen stocks by a quarter. The results help to plan the rotation of pastures.\n"
            "Keywords: grazing, soil organic carbon, nitrogen, steppe, Kazakhstan.\n")
    doc = abstract.parse_bytes(text.encode(), "article.txt")
    assert doc.kind == "article"
    assert doc.meta.title == ("Effect of grazing pressure on soil organic carbon and nitrogen stocks of the dry "
                              "steppes and semi-deserts in central Kazakhstan")


_SCANNED_FRONT = """Работа выполнена в Казахской головной архитектурно-строительной академии.
Научный руководитель: доктор технических наук, профессор Абдрахманов Нурлан Кенжебекович
Официальные оппоненты: доктор технических наук, профессор Мусабаев Талгат Оразович
Ведущая организация: АО «Казахский научно-исследовательский и проектный институт строительства» (г. Алматы)
Защита состоится 27 ноября 2009 года на заседании диссертационного совета Д 14.15.01 при академии.
ОБЩАЯ ХАРАКТЕРИСТИКА РАБОТЫ
Актуальность темы. Территория Казахстана в значительной части относится к сейсмически опасным районам.
Цель работы – разработка методики расчета каркасных зданий с сейсмоизоляцией.
Задачи исследования:
1) разработать модель опоры;
2) выполнить расчет здания.
Научная новизна: предложена билинейная модель резинометаллической опоры.
РЕЗЮМЕ
Жакупов Ерлан Сабитович. Расчет многоэтажных каркасных зданий с сейсмоизоляцией. Автореферат диссертации на соискание ученой степени кандидата технических наук по специальности 05.23.17 – Строительная механика.
Предложена билинейная модель опоры.
ТҮЙІН
Жақыпов Ерлан Сәбитұлы. Сейсмооқшаулағышы бар көпқабатты қаңқалы ғимараттарды есептеу. Техника ғылымдарының кандидаты ғылыми дәрежесін алуға арналған диссертацияның авторефераты.
SUMMARY
Zhakupov Yerlan Sabitovich. Analysis of base-isolated multi-storey frame buildings. Abstract of the dissertation for the degree of Candidate of Technical Sciences.
"""


def test_a_scanned_title_page_leaves_the_resume_to_name_the_author_and_title():
    """The title page an image without text: the council page's labels are no title, the
    council's code («совета Д 14.15.01») no specialty, and the résumé in the document's language
    names the author, the title and the specialty."""
    doc = abstract.parse_bytes(_SCANNED_FRONT.encode(), "autoreferat.txt")
    assert doc.meta.author == "Жакупов Ерлан Сабитович"
    assert doc.meta.title == "Расчет многоэтажных каркасных зданий с сейсмоизоляцией"
    assert doc.meta.specialty_code == "05.23.17"
    # without the résumé, nothing stands in for what the page does not say
    bare = abstract.parse_bytes(_SCANNED_FRONT[:_SCANNED_FRONT.index("РЕЗЮМЕ")].encode(), "autoreferat.txt")
    assert bare.meta.author is None and bare.meta.title is None and bare.meta.specialty_code is None
    for label in ("Научный руководитель", "Официальные оппоненты", "Ведущая организация"):
        page = _SCANNED_FRONT[_SCANNED_FRONT.index(label):_SCANNED_FRONT.index("РЕЗЮМЕ")]
        assert abstract.parse_bytes(page.encode(), "autoreferat.txt").meta.title is None, page[:40]
    # the Kazakh and the English résumé name them in their languages
    from dissertation_kg.mappings import metadata
    assert metadata._from_resume(_SCANNED_FRONT, "kk") == (
        "Жақыпов Ерлан Сәбитұлы", "Сейсмооқшаулағышы бар көпқабатты қаңқалы ғимараттарды есептеу")
    assert metadata._from_resume(_SCANNED_FRONT, "en")[0] == "Zhakupov Yerlan Sabitovich"


def test_an_article_card_names_its_title_above_the_authors_and_its_english_keywords():
    """A citation index's article card saved as text (eLIBRARY): the title in capitals, the byline
    and affiliations, then the card's properties («Тип: …», «Номер: …»), which are no title; the
    site labels the keywords in Russian over an English article's list."""
    card = ("eLIBRARY.RU - НАУЧНАЯ ЭЛЕКТРОННАЯ БИБЛИОТЕКА\nПоиск по сайту\n"
            "IODINE STATUS OF SCHOOLCHILDREN IN THREE REGIONS OF KAZAKHSTAN\n"
            "SADYKOVA A.T.1, ZHUNUSSOV M.K.2, BIANCHI L.3\n1 Asfendiyarov Kazakh National Medical University, Almaty\n"
            "2 Kazakh Academy of Nutrition, Almaty\n3 ETH Zurich, Zurich, Switzerland\n"
            "Тип: статья в журнале - научная статья\tЯзык: английский\nНомер: 3\tГод: 2025\tСтраницы: 58-67\n"
            "КЛЮЧЕВЫЕ СЛОВА:\nIODINE DEFICIENCY, IODIZED SALT, SCHOOLCHILDREN\nАННОТАЦИЯ:\n"
            "Background. Salt iodization has been mandatory in Kazakhstan for two decades. Aim. To assess the "
            "iodine status of schoolchildren. Methods. A cross-sectional survey was carried out.\n"
            "INTRODUCTION\nIodine deficiency is a preventable cause of impaired development.\n"
            "CONCLUSION\nIodine nutrition is adequate overall.\n")
    doc = abstract.parse_bytes(card.encode(), "card.txt")
    assert doc.kind == "article" and doc.lang == "en"
    assert doc.meta.title == "IODINE STATUS OF SCHOOLCHILDREN IN THREE REGIONS OF KAZAKHSTAN"
    from dissertation_kg.mappings import front_matter
    assert front_matter.keywords(card) == {"en": ["IODINE DEFICIENCY", "IODIZED SALT", "SCHOOLCHILDREN"]}
    assert front_matter.keywords("Keywords: білім, ғылым, жаңалық\n") == {"kk": ["білім", "ғылым", "жаңалық"]}
    assert front_matter.keywords("Ключевые слова: наука, образование\n") == {"ru": ["наука", "образование"]}
