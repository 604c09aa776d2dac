"""Entities beyond international relations (issue #10): every state with its ISO 3166 code in
three languages, Kazakhstan's regions, cities, universities and state bodies, documents that name
themselves (laws, concepts, programmes) and method names that are also ordinary words."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
import rdflib
from rdflib import URIRef
from rdflib.namespace import OWL, RDF, RDFS

from dissertation_kg.mappings.linking import ComponentText, annotate, candidates_graph, find_mentions
from dissertation_kg.mappings.vocab import DKG, ID
from dissertation_kg.mappings.vocabulary import INITIATIVE_KINDS, load_entries
from dissertation_kg.mappings.resources import ontology_dir, queries_dir

ROOT = Path(__file__).resolve().parent.parent
WORK = URIRef(str(ID) + "work/entities-test")
SOURCE = URIRef(str(ID) + "source/entities-test")


def linked(text: str, lang: str, kind: str | None = None) -> list[str]:
    return [str(m.entity).split("/id/", 1)[1] for m in find_mentions(text, lang, kind=kind)]


def candidates(text: str, lang: str, kind: str = "provision"):
    comp = ComponentText(URIRef(f"{WORK}/{kind}/1"), kind, lang, text)
    return annotate(rdflib.Graph(), [comp], work=WORK, source=SOURCE)


# --------------------------------------------------------------------------- states


def test_every_sovereign_state_has_one_entry_with_its_code():
    states = [e for e in load_entries() if e.cls == "State" and e.iso3166]
    codes = Counter(e.iso3166 for e in states)
    assert len(codes) >= 193 and max(codes.values()) == 1
    assert {"KZ", "CN", "RU", "US", "VN", "BR", "NG"} <= set(codes)
    # dependent territories are not states
    assert not {"HK", "PR", "GL", "AQ"} & set(codes)
    # no state twice: the hand-made entries kept their IRIs and gained the code
    by_code = {e.iso3166: str(e.iri).rsplit("/", 1)[1] for e in states}
    assert by_code["KZ"] == "kazakhstan" and by_code["CN"] == "china" and by_code["RU"] == "russia"
    english = Counter(e.pref["en"].casefold() for e in load_entries() if e.cls == "State")
    assert max(english.values()) == 1


def test_the_code_is_a_plain_string_declared_in_the_ontology():
    onto = rdflib.Graph().parse(ontology_dir() / "dkg.ttl")
    assert (DKG.iso3166Code, RDF.type, OWL.DatatypeProperty) in onto
    assert (DKG.iso3166Code, RDFS.range, rdflib.XSD.string) in onto
    assert {l.language for l in onto.objects(DKG.iso3166Code, RDFS.label)} == {"en", "ru", "kk"}
    states = rdflib.Graph().parse(ontology_dir() / "vocabularies" / "states.ttl")
    codes = list(states.objects(None, DKG.iso3166Code))
    # Wikidata's P297 holds plain strings: a typed or tagged literal would not join
    assert codes and all(c.datatype is None and c.language is None and len(str(c)) == 2 for c in codes)


@pytest.mark.parametrize("text, lang, expected", [
    ("Vietnam and Brazil signed an agreement.", "en", {"actor/vietnam", "actor/brazil"}),
    ("Сотрудничество Вьетнама и Бразилии с Нигерией", "ru", {"actor/vietnam", "actor/brazil", "actor/nigeria"}),
    ("Вьетнамның және Бразилиямен ынтымақтастық", "kk", {"actor/vietnam", "actor/brazil"}),
    ("Қытайдың саясаты және Қытаймен ынтымақтастық", "kk", {"actor/china"}),
    ("Socialist Republic of Vietnam", "en", {"actor/vietnam"}),
    ("Федеративная Республика Бразилия", "ru", {"actor/brazil"}),
])
def test_states_from_cldr_in_three_languages(text, lang, expected):
    assert set(linked(text, lang)) == expected


def test_a_state_whose_name_is_also_a_pronoun_is_not_every_form_of_it():
    # Того (Togo) reads as a form of тот to a dictionary; Тем, Та, Те are no country
    assert linked("Тем не менее, Та же проблема. Те же данные. Сотрудничество Того и Чада.", "ru") == [
        "actor/togo", "actor/chad"]


def test_a_bare_office_beside_another_states_name_is_that_states():
    assert linked("President of the United States and the President of Kazakhstan", "en") == [
        "actor/usa", "actor/president-kz"]
    assert linked("Президент Франции и Правительство Китая", "ru") == ["actor/france", "actor/china"]
    assert linked("Қытай Үкіметі мен Қазақстан Үкіметі", "kk") == ["actor/china", "actor/government-kz"]


def test_generated_states_are_up_to_date_with_the_script():
    if importlib.util.find_spec("babel") is None or importlib.util.find_spec("pycountry") is None:
        pytest.skip('Babel and pycountry are not installed: pip install -e ".[vocabularies]"')
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "make_vocabularies.py"), "--check"],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr


# --------------------------------------------------------------------------- Kazakhstan's actors


@pytest.mark.parametrize("text, lang, expected", [
    ("She studied at IITU and Narxoz University.", "en", ["actor/iitu", "actor/narxoz"]),
    ("International Information Technology University, Almaty", "en", ["actor/iitu", "actor/almaty"]),
    ("обучалась в МУИТ и в Университете Нархоз", "ru", ["actor/iitu", "actor/narxoz"]),
    ("Turar Ryskulov Kazakh Economic University", "en", ["actor/narxoz"]),        # a former name
    ("КазНУ имени аль-Фараби и ЕНУ", "ru", ["actor/kaznu", "actor/enu"]),
    ("ҚазҰУ мен Сүлейман Демирел атындағы университет", "kk", ["actor/kaznu", "actor/sdu"]),
    ("Satbayev University and KBTU", "en", ["actor/satbayev-university", "actor/kbtu"]),
    ("The Government and the President of Kazakhstan", "en", ["actor/government-kz", "actor/president-kz"]),
    ("Правительство Республики Казахстан и Глава государства", "ru", ["actor/government-kz", "actor/president-kz"]),
    ("Қазақстан Республикасының Үкіметі мен Мемлекет басшысы", "kk", ["actor/government-kz", "actor/president-kz"]),
    ("Мәжіліс пен Сенат", "kk", ["actor/mazhilis"]),
    ("Қарағанды облысындағы мектептер", "kk", ["actor/karaganda-region"]),
    ("в Карагандинской области и в Алма-Ате", "ru", ["actor/karaganda-region", "actor/almaty"]),
    ("Қазақ хандығы мен Қоқан хандығы", "kk", ["actor/kazakh-khanate", "actor/kokand-khanate"]),
    ("the Golden Horde and the Russian Empire", "en", ["actor/golden-horde", "actor/russian-empire"]),
    ("human capital theory and the technology acceptance model", "en",
     ["theory/human-capital-theory", "theory/technology-acceptance-model"]),
    ("компетентностный подход", "ru", ["theory/competence-based-approach"]),
])
def test_kazakhstans_actors_polities_and_theories(text, lang, expected):
    assert linked(text, lang) == expected


# --------------------------------------------------------------------------- self-named documents


@pytest.mark.parametrize("text, lang, name, cls", [
    ("The Law of the Republic of Kazakhstan «On Digital Assets» regulates tokens.", "en",
     "Law of the Republic of Kazakhstan «On Digital Assets»", "Law"),
    ("Закон Республики Казахстан «О цифровых активах» принят в 2023 году.", "ru",
     "Закон Республики Казахстан «О цифровых активах»", "Law"),
    ("Қазақстан Республикасының «Цифрлық активтер туралы» Заңы қабылданды.", "kk",
     "Қазақстан Республикасының «Цифрлық активтер туралы» Заңы", "Law"),
    ("The Concept for the Development of Tourism for 2023–2029 sets targets.", "en",
     "Concept for the Development of Tourism for 2023–2029", "PolicyConcept"),
    ("Принята Концепция развития туризма на 2023–2029 годы.", "ru",
     "Концепция развития туризма на 2023–2029 годы", "PolicyConcept"),
    ("Туризм саласын дамытудың 2023–2029 жылдарға арналған тұжырымдамасы қабылданды.", "kk",
     "Туризм саласын дамытудың 2023–2029 жылдарға арналған тұжырымдамасы", "PolicyConcept"),
    ("The State Programme for the Development of Tourism was adopted.", "en",
     "State Programme for the Development of Tourism", "Programme"),
    ("Утверждена Государственная программа развития туризма.", "ru",
     "Государственная программа развития туризма", "Programme"),
    ("The National Action Plan was adopted in 2021.", "en", "National Action Plan", "ActionPlan"),
])
def test_a_self_named_document_becomes_a_candidate_of_its_kind(text, lang, name, cls):
    found = {c.name: c for c in candidates(text, lang)}
    assert name in found, sorted(found)
    assert found[name].suggested_class == cls and found[name].reason in ("self-named", "capitalised")
    # nothing inside it is listed separately
    assert not [n for n in found if n != name and n in name]
    graph = candidates_graph(list(found.values()))
    assert (None, DKG.suggestedClass, DKG[cls]) in graph


@pytest.mark.parametrize("text, lang", [
    ("Закон РК «Об образовании» и Закон Республики Казахстан «Об образовании»", "ru"),
    ('the Law "On Education" of 2007', "en"),
    ("«Білім туралы» Заңына сәйкес", "kk"),
])
def test_a_known_law_is_found_by_kind_and_title_whatever_precedes_it(text, lang):
    assert set(linked(text, lang)) == {"initiative/law-education-kz"}
    assert not candidates(text, lang)


def test_known_documents_are_linked_not_listed():
    text = "Концепция развития искусственного интеллекта на 2024–2029 годы и Закон «Об искусственном интеллекте»"
    assert linked(text, "ru") == ["initiative/ai-concept-2024-2029", "initiative/law-artificial-intelligence-kz"]
    assert not candidates(text, "ru")


def test_the_issues_examples_in_english():
    # the names a real abstract in IT used (issue #10)
    text = ("The AI Concept for 2024–2029 and the Law «On Artificial Intelligence» were adopted by the "
            "Government; the President signed a National Action Plan.")
    assert linked(text, "en", "provision") == ["initiative/ai-concept-2024-2029", "initiative/law-artificial-intelligence-kz",
                                               "actor/government-kz", "actor/president-kz"]
    assert [(c.name, c.suggested_class) for c in candidates(text, "en")] == [("National Action Plan", "ActionPlan")]


def test_documents_of_a_kind_are_initiatives_too():
    kinds = {e.cls for e in load_entries()} & set(INITIATIVE_KINDS)
    assert {"Law", "PolicyConcept", "Programme", "Strategy"} <= kinds
    onto = rdflib.Graph().parse(ontology_dir() / "dkg.ttl")
    for kind in INITIATIVE_KINDS:
        assert (DKG[kind], RDFS.subClassOf, DKG.Initiative) in onto, kind


# --------------------------------------------------------------------------- common words as methods


@pytest.mark.parametrize("text, lang, kind", [
    ("A survey of 300 respondents was conducted in 2022.", "en", "novelty"),
    ("Был проведен опрос 250 студентов.", "ru", "provision"),
    ("300 мұғалім арасында сауалнама жүргізілді.", "kk", "novelty"),
    ("Methods: modelling, survey and interview.", "en", "methods"),
    ("Применены методы математического моделирования.", "ru", "novelty"),
    # a body's head after a Russian common word, or before a Kazakh one, is what it acts on: the
    # survey of a ministry's staff is still the survey
    ("Проведено анкетирование 286 сотрудников Министерства внутренних дел.", "ru", "methods"),
    ("Министрлік қызметкерлеріне сауалнама жүргізілді.", "kk", "methods"),
])
def test_a_common_word_names_the_method_where_the_text_says_so(text, lang, kind):
    assert {m for m in linked(text, lang, kind) if m.startswith("method/")}


@pytest.mark.parametrize("text, lang, kind", [
    ("Recent surveys of the field describe the state of the art.", "en", "relevance"),
    ("«Deep Learning for Text Classification: A Survey», Journal of AI, 2021.", "en", "approbation"),
    ("The work was done at the Department of Mathematical Modelling of KazNU.", "en", "methods"),
    ("The work was done at the Department of Modelling and Simulation.", "en", "methods"),
    ("The work was funded by the Erasmus modelling programme.", "en", "methods"),   # a name right before it
    ("Работа выполнена на кафедре математического моделирования КазНУ.", "ru", "methods"),
    ("Жұмыс модельдеу кафедрасында орындалды.", "kk", "methods"),
    ("Работа выполнена в Академии математического моделирования.", "ru", "methods"),   # the head, two words off
    ("Experiment and tradition meet in the novels of the 1960s.", "en", "provision"),
])
def test_a_common_word_inside_another_name_or_plain_prose_is_not_a_method(text, lang, kind):
    assert not [m for m in linked(text, lang, kind) if m.startswith("method/")]


# Every head of a name a common word can sit inside, written out by hand (not read from
# method_context._NAME_HEADS): "the modelling conference" is an event, not the method.
_NAME_HEADS = {
    "en": ["department", "faculty", "chair", "laboratory", "lab", "institute", "centre", "center", "school",
           "university", "college", "academy", "journal", "bulletin", "proceedings", "conference", "society",
           "association", "committee", "agency", "ministry", "division", "unit", "group"],
    "ru": ["кафедра", "факультет", "лаборатория", "институт", "центр", "школа", "университет", "академия",
           "журнал", "вестник", "известие", "конференция", "общество", "ассоциация", "комитет", "агентство",
           "министерство", "отдел", "сектор"],
    "kk": ["кафедра", "факультет", "зертхана", "институт", "орталық", "мектеп", "университет", "академия",
           "журнал", "хабаршы", "конференция", "қоғам", "қауымдастық", "комитет", "агенттік", "министрлік", "бөлім"],
}
_HEAD_SENTENCE = {"en": "The work was presented at the modelling {h} last year.",
                  "ru": "Работа представлена: {h} моделирования.",
                  "kk": "Жұмыс модельдеу {h} талқыланды."}


@pytest.mark.parametrize("lang, head", [(lang, h) for lang, heads in _NAME_HEADS.items() for h in heads])
def test_a_common_word_beside_the_head_of_a_name_is_not_a_method(lang, head):
    text = _HEAD_SENTENCE[lang].format(h=head)
    assert not [m for m in linked(text, lang, "methods") if m.startswith("method/")]
    # the same word with no head beside it names the method in a statement of methods
    bare = {"en": "The work used modelling last year.", "ru": "Работа: моделирования.",
            "kk": "Жұмыс модельдеу талқыланды."}[lang]
    assert [m for m in linked(bare, lang, "methods") if m.startswith("method/")]


# Outside a statement of methods, a cue or a count makes a common word a method only within eight
# words of it, in the same clause (method_context._WINDOW): one word further, it is plain prose.
@pytest.mark.parametrize("text, lang, found", [
    ("In spring 400 teachers of northern rural districts joined the survey.", "en", True),
    ("In the spring 400 teachers of the northern rural districts joined the survey.", "en", False),
    ("The survey was answered by teachers of districts from 400 villages.", "en", True),
    ("The survey was answered by teachers of rural districts from 400 villages.", "en", False),
    ("Весной 2023 года 250 учителей сельских школ северных районов области прошли опрос.", "ru", True),
    ("Весной 250 учителей сельских школ северных районов нашей области прошли опрос.", "ru", False),
    ("Көктемде 250 мұғалім облыстың солтүстік ауылдарынан келіп сауалнама толтырды.", "kk", True),
    ("Көктемде 250 мұғалім облыстың солтүстік шалғай ауылдарынан қалаға жаяу келіп сауалнама толтырды.", "kk", False),
])
def test_a_count_names_the_method_within_eight_words_of_it(text, lang, found):
    assert bool([m for m in linked(text, lang, "relevance") if m.startswith("method/")]) is found


def test_specific_method_names_need_no_context():
    # compounds and multi-word names are names wherever they stand
    assert "method/content-analysis" in linked("The provisions rest on content analysis.", "en", "provision")
    assert "method/regression-analysis" in linked("regression analysis shows a link", "en", "provision")


# --------------------------------------------------------------------------- questions


def test_entity_questions_open_with_their_question():
    for name in ("29-states-by-iso-code.rq", "28-documents-by-kind.rq"):
        first = (queries_dir() / name).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("# Question: ") and first.endswith("?")


def _rows(store, name):
    res = store.query((queries_dir() / name).read_text(encoding="utf-8"))
    names = [v.value for v in res.variables]
    return [{n: (row[n].value if row[n] is not None else None) for n in names} for row in res]


def test_states_by_iso_code_on_the_seeds(seed_store):
    rows = _rows(seed_store, "29-states-by-iso-code.rq")
    codes = {r["code"]: int(r["works"]) for r in rows}
    assert codes.get("KZ", 0) >= 3 and "DE" in codes
    assert all(len(c) == 2 and c.isupper() for c in codes)


def test_documents_by_kind_in_works_that_discuss_them():
    import pyoxigraph as ox

    graph = rdflib.Graph()
    comps = [ComponentText(URIRef(f"{WORK}/provision/1"), "provision", "ru",
                           "Закон РК «Об образовании» и Концепция развития искусственного интеллекта "
                           "на 2024–2029 годы определяют цифровизацию школ.")]
    annotate(graph, comps, work=WORK, source=SOURCE)
    store = ox.Store()
    store.load(graph.serialize(format="nt").encode(), ox.RdfFormat.N_TRIPLES)
    for path in [ontology_dir() / "dkg.ttl", *sorted((ontology_dir() / "vocabularies").glob("*.ttl"))]:
        store.load(path.read_bytes(), ox.RdfFormat.TURTLE)
    rows = _rows(store, "28-documents-by-kind.rq")
    assert {(r["kindLabel"], r["document"].rsplit("/", 1)[1]) for r in rows} == {
        ("law", "law-education-kz"), ("policy concept", "ai-concept-2024-2029")}


def test_dkg_map_prints_the_names_no_vocabulary_knows(tmp_path):
    """`dkg map` shows what `dkg build` would store, the curation queue included: a self-named
    law nobody listed is a candidate of the law kind, in the candidates graph."""
    from click.testing import CliRunner

    from dissertation_kg.mappings.vocab import CANDIDATES_GRAPH
    from dissertation_kg.server.cli import main

    text = ("The object of the research is the regulation of drones in Kazakhstan.\n"
            "The aim of the research is to assess the Law of the Republic of Kazakhstan «On Unmanned "
            "Aerial Vehicles and Their Registration» adopted in 2031.\n")
    doc = tmp_path / "en-drones.txt"
    doc.write_text(text, encoding="utf-8")
    out = CliRunner().invoke(main, ["map", str(doc), "--format", "nquads"])
    assert out.exit_code == 0, out.output
    queue = [line for line in out.stdout.splitlines() if line.rstrip(" .").endswith(f"<{CANDIDATES_GRAPH}>")]
    assert any("Unmanned Aerial Vehicles" in line for line in queue), queue[:5]
    assert any("suggestedClass" in line and "#Law>" in line for line in queue), queue[:5]


# A common word of method in the plural counts the studies done ("experiments were run",
# «серия опросов»), it does not name the method, even in the statement of methods.
@pytest.mark.parametrize("text, lang", [
    ("Three experiments were run on the pilot plant with 40 samples.", "en"),
    ("Проведена серия опросов среди 300 фермеров.", "ru"),
    ("Зертханада 12 эксперименттер жүргізілді.", "kk"),
])
def test_a_common_word_of_method_in_the_plural_names_no_method(text, lang):
    assert not [m for m in linked(text, lang, "methods") if m.startswith("method/")]


# A common word that says what a period or a place is for names the period or the place:
# a follow-up's months, an observation post, even in the statement of methods.
@pytest.mark.parametrize("text, lang", [
    ("Оценить динамику прогрессирования в течение 24 месяцев наблюдения.", "ru"),
    ("Короткий период наблюдения ограничивает выводы.", "ru"),
    ("Концентрации диоксида серы на постах наблюдения взяты из бюллетеней.", "ru"),
    ("A six-month observation period followed the surgery.", "en"),
    ("The period of observation was two years.", "en"),
    ("Эксперимент кезеңі екі жылға созылды.", "kk"),
])
def test_a_common_word_naming_what_a_period_or_a_place_is_for_names_no_method(text, lang):
    assert not [m for m in linked(text, lang, "methods") if m.startswith("method/")]


@pytest.mark.parametrize("text, lang", [
    ("Применены методы наблюдения и анкетирования.", "ru"),
    ("Participant observation was used over the period.", "en"),
])
def test_a_common_word_beside_no_period_or_place_still_names_the_method(text, lang):
    assert [m for m in linked(text, lang, "methods") if m.startswith("method/")]


@pytest.mark.parametrize("text, lang", [
    ("An experiment was run on the pilot plant with 40 samples.", "en"),
    ("Проведён опрос 300 фермеров.", "ru"),
])
def test_a_common_word_of_method_in_the_singular_still_names_it(text, lang):
    assert [m for m in linked(text, lang, "methods") if m.startswith("method/")]
