"""The entity linker: morphology per language, names in running text, NIF mention output,
the curation queue, the vocabularies, and the score on the gold set."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import rdflib
from rdflib import Literal, URIRef
from rdflib.namespace import OWL, RDF, SKOS

from dissertation_kg.mappings import linking_eval
from dissertation_kg.mappings.linking import (ComponentText, annotate, candidates_graph, find_mentions,
                                              lexicon)
from dissertation_kg.mappings.morphology import kazakh_stems, russian_nominative, text_keys
from dissertation_kg.mappings.vocab import DKG, ID, ITSRDF, NIF
from dissertation_kg.mappings.vocabulary import (INITIATIVE_KINDS, LANGS, VERIFIED_WIKIDATA, load_entries, load_graph,
                                                 vocabulary_dir)

GOLD = Path(__file__).parent / "gold"
WORK = URIRef(str(ID) + "work/test")
SOURCE = URIRef(str(ID) + "source/test")


def names(text: str, lang: str) -> list[str]:
    return [str(m.entity).split("/id/", 1)[1] for m in find_mentions(text, lang)]


# --------------------------------------------------------------------------- Kazakh suffix rules


@pytest.mark.parametrize("form, stem", [
    ("Қазақстанның", "қазақстан"),        # genitive -ның
    ("Германияның", "германия"),
    ("мемлекеттің", "мемлекет"),          # genitive -тің
    ("Қазақстанға", "қазақстан"),          # dative -ға
    ("мектепке", "мектеп"),                # dative -ке
    ("Республикасына", "республикасы"),    # dative -на after a possessive
    ("Қазақстанмен", "қазақстан"),         # instrumental -мен
    ("кітаппен", "кітап"),                 # instrumental -пен
    ("Азиядағы", "азия"),                  # locative + relational -дағы
    ("Германиядағы", "германия"),
    ("Қазақстанда", "қазақстан"),          # locative -да
    ("мектепте", "мектеп"),                # locative -те
    ("Қазақстаннан", "қазақстан"),         # ablative -нан
    ("мемлекеттен", "мемлекет"),           # ablative -тен
    ("университеттер", "университет"),     # plural -тер
    ("ұйымдар", "ұйым"),                   # plural -дар
    ("елдердің", "ел"),                    # plural + genitive
    ("дипломатиясы", "дипломатия"),        # possessive -сы
    ("университеті", "университет"),       # possessive -і
    ("дипломатиясының", "дипломатия"),     # possessive + genitive
    ("университеттерінде", "университет"), # plural + possessive + locative
    ("кітабы", "кітап"),                   # б → п before a vowel suffix
    ("ЮНЕСКО-ның", "юнеско"),              # suffix after a hyphen
    ("ҮЕҰ-ларды", "үеұ"),
    ("Қазақстаным", "қазақстан"),          # possessive, 1st person -ым ("Менің Қазақстаным")
    ("мектебім", "мектеп"),                # -ім, with б → п
    ("Отанымыз", "отан"),                  # -ымыз
    ("кітабың", "кітап"),                  # 2nd person -ың
    ("жерің", "жер"),                      # -ің
    ("еліңіз", "ел"),                      # polite -іңіз
])
def test_kazakh_suffixes_reduce_to_the_stem(form, stem):
    assert stem in kazakh_stems(form)


def test_kazakh_stripping_keeps_a_stem():
    # Endings are not stripped down to nothing, and the form itself is always a candidate.
    assert "ел" in kazakh_stems("ел")
    assert all(len(s) >= 2 for s in kazakh_stems("алда"))


@pytest.mark.parametrize("text, expected", [
    ("Қазақстанның сыртқы саясаты", "actor/kazakhstan"),
    ("Қазақстан Республикасының мүдделері", "actor/kazakhstan"),
    ("ЮНЕСКО-мен ынтымақтастық", "actor/unesco"),
    ("Орталық Азиядағы қауіпсіздік", "actor/central-asia"),
    ("жұмсақ күштің құралы", "theory/soft-power"),
    ("жұмсақ күшін өлшеу", "theory/soft-power"),
    ("халықтық дипломатияның тетіктері", "theory/public-diplomacy"),
    ("Шанхай ынтымақтастық ұйымының саммиті", "actor/sco"),
    ("ШЫҰ-ға мүше елдер", "actor/sco"),
    ("Семей ядролық сынақ полигонының топырағы", "actor/semipalatinsk-test-site"),
    # a foreign state by its Russian name, declined in Kazakh (Kazakh's own is «Мысыр»)
    ("Мақта Египетте және Үндістанда өсіріледі", "actor/egypt"),
])
def test_kazakh_inflected_names_are_linked(text, expected):
    assert expected in names(text, "kk")


@pytest.mark.parametrize("text, lang, expected", [
    # the three zhuzes, tribal unions (dkg:TribalUnion), by their own names and the Russian
    # sources' hordes, inflected
    ("Кіші жүзге қарасты рулар Ресеймен келісім жасады", "kk", "actor/junior-zhuz"),
    ("Ұлы жүздегі саяси жағдай", "kk", "actor/senior-zhuz"),
    ("правители Среднего жуза приняли подданство", "ru", "actor/middle-zhuz"),
    ("ханы Малой орды", "ru", "actor/junior-zhuz"),
    ("the khans of the Great Horde stayed in Zhetysu", "en", "actor/senior-zhuz"),
])
def test_the_zhuzes_are_linked(text, lang, expected):
    assert expected in names(text, lang)


# --------------------------------------------------------------------------- Russian, English


@pytest.mark.parametrize("text, lang, expected", [
    ("Regressions were run in Stata on the survey waves.", "en", "method/stata"),
    ("The scenes were classified in ArcGIS after cloud masking.", "en", "method/arcgis"),
    ("Карты построены в QGIS по данным полевых наблюдений.", "ru", "method/qgis"),
])
def test_a_capitalised_one_word_tool_is_linked_inside_a_sentence(text, lang, expected):
    assert expected in names(text, lang)


@pytest.mark.parametrize("text, expected", [
    ("сотрудничество с Казахстаном", "actor/kazakhstan"),
    ("политика Республики Казахстан", "actor/kazakhstan"),
    ("инструменты мягкой силы", "theory/soft-power"),
    ("в рамках Шанхайской организации сотрудничества", "actor/sco"),
    ("по линии Организации Объединённых Наций", "actor/united-nations"),
    ("методом сравнительного анализа", "method/comparative-analysis"),
    ("концепция Дж. Ная", "actor/joseph-nye"),
    ("в ЮНЕСКО и ООН", "actor/unesco"),
    # the longer name wins over the city inside it
    ("почвы Семипалатинского испытательного полигона", "actor/semipalatinsk-test-site"),
])
def test_russian_inflected_names_are_linked(text, expected):
    assert expected in names(text, "ru")


def test_russian_lemmas_include_every_parse():
    assert "сила" in text_keys("силы", "ru")
    assert "казахстан" in text_keys("Казахстаном", "ru")


@pytest.mark.parametrize("text, expected", [
    ("Kazakhstan's foreign policy", "actor/kazakhstan"),
    ("UNESCO’s programmes", "actor/unesco"),
    ("theories of neorealism", "theory/neorealism"),
    ("several case studies", "method/case-study"),
    ("the People's Republic of China", "actor/china"),
    ("expert interviews with diplomats", "method/expert-interview"),
])
def test_english_plurals_and_possessives(text, expected):
    assert expected in names(text, "en")


# --------------------------------------------------------------------------- quotes, acronyms, names


@pytest.mark.parametrize("text, lang, expected", [
    ("программа «Болашак» для студентов", "ru", "initiative/bolashak"),
    ("the concept of “soft power” in theory", "en", "theory/soft-power"),
    ('initiatives such as "G-Global" and others', "en", "initiative/g-global"),
    ("„Рухани жаңғыру“ бағдарламасы", "kk", "initiative/rukhani-zhangyru"),
    ("«Рухани жаңғыру» бағдарламасының рөлі", "kk", "initiative/rukhani-zhangyru"),
])
def test_quotation_styles(text, lang, expected):
    found = find_mentions(text, lang)
    assert expected in [str(m.entity).split("/id/", 1)[1] for m in found]
    # The quote marks are not part of the name.
    assert all(not re.search(r"[«»“”„\"]", m.exact) for m in found)


def test_short_acronyms_are_case_sensitive():
    assert "actor/united-nations" in names("as a UN agency", "en")
    assert names("un-ending debates", "en") == []
    assert "actor/who" in names("data of the WHO on health", "en")
    assert "actor/who" not in names("researchers who study health", "en")
    assert "actor/usa" in names("relations with the US and China", "en")
    assert "actor/usa" not in names("which all of us know", "en")
    assert "actor/sco" in names("ШОС и ОДКБ", "ru") and "actor/csto" in names("ШОС и ОДКБ", "ru")


def test_capitalised_names_need_a_capital_in_the_text():
    # Болашақ is the scholarship; болашақ is "future", the commonest of words.
    assert names("болашақ ұрпақ үшін", "kk") == []
    assert names("«Болашақ» бағдарламасы", "kk") == ["initiative/bolashak"]
    assert "initiative/sustainable-development-goals" not in names("цели устойчивого развития страны", "ru")
    assert "initiative/sustainable-development-goals" in names("Цели устойчивого развития ООН", "ru")


def test_a_one_word_programme_declined_at_a_sentences_start_is_the_ordinary_word():
    # «Болашақта …» opening a sentence is "in the future": the capital is the sentence's
    assert names("Әдіс тиімді. Болашаққа қатысты ұсыныстар берілді.", "kk") == []
    assert names("Нәтиже алынды. Болашақта модель кеңейтіледі.", "kk") == []
    # … or undeclined before the noun it qualifies: «Болашақ зерттеулерде» is "in future research"
    assert names("Нәтиже алынды. Болашақ зерттеулерде ауылдық отбасылар қамтылады.", "kk") == []
    assert names("Нәтиже алынды. Болашақ бағдарламасы 1993 жылы құрылды.", "kk") == ["initiative/bolashak"]
    # a quotation opens as a sentence does: a chapter's title «Болашақ мұғалімдердің …»
    assert names("Бірінші бөлімде «Болашақ мұғалімдердің құзыреттілігі» қарастырылады.", "kk") == []
    # quoted, or in its own form, or inside a sentence, it is still the programme
    assert names("Нәтиже алынды. «Болашақта» оқыған түлектер сұралды.", "kk") == ["initiative/bolashak"]
    assert names("Нәтиже алынды. Болашақ түлектері сұралды.", "kk") == ["initiative/bolashak"]
    assert names("Түлектер Болашақта оқыды.", "kk") == ["initiative/bolashak"]


def test_longest_name_wins_and_does_not_nest():
    found = names("the Foreign Policy Concept of the Republic of Kazakhstan for 2020–2030 says", "en")
    assert found == ["initiative/foreign-policy-concept-2020-2030"]
    # The hyphen spelling of the years is the same name.
    assert names("Foreign Policy Concept of the Republic of Kazakhstan for 2020-2030", "en") == \
        ["initiative/foreign-policy-concept-2020-2030"]


def test_word_order_variants_and_parentheses():
    assert "method/comparative-historical-method" in names("the historical-comparative method", "en")
    assert "method/comparative-historical-method" in names("the comparative historical method", "en")
    assert "theory/public-diplomacy" in names("public (civil) diplomacy is an institution", "en")
    assert "theory/public-diplomacy" in names("халықтық (азаматтық) дипломатия", "kk")


def test_english_word_order_and_school_adjectives():
    assert "theory/hegemonic-stability" in names("the theory of hegemonic stability is criticised", "en")
    assert "method/content-analysis" in names("an analysis of the content of speeches", "en")
    assert "theory/interdependence" in names("interdependence theory explains it", "en")
    assert "theory/realism" in names("the realist view of integration", "en")
    assert "theory/neofunctionalism" in names("neo-functionalist explanations", "en")
    assert "theory/constructivism" in names("конструктивистский анализ идентичности", "ru")


def test_coordinated_modifiers_share_the_head():
    en = names("methods of systemic and comparative analysis, causal, retrospective and content analysis", "en")
    assert {"method/systems-analysis", "method/comparative-analysis", "method/causal-analysis",
            "method/retrospective-analysis", "method/content-analysis"} <= set(en)
    ru = names("методы системного и сравнительного анализа", "ru")
    assert {"method/systems-analysis", "method/comparative-analysis"} <= set(ru)
    kk = names("жүйелік және салыстырмалы талдау әдістері", "kk")
    assert {"method/systems-analysis", "method/comparative-analysis"} <= set(kk)
    # «а также» ("as well as") coordinates as «и» does
    assert "method/systems-analysis" in names("использованы методы системного, а также сравнительного анализа", "ru")
    # A list that is not coordinated does not borrow a head.
    assert "method/systems-analysis" not in names("systemic reforms. Comparative analysis", "en")
    # Commas alone share a plural head only: before a singular one they separate two methods
    assert names("The research used Poisson regression, thematic analysis of the interviews.", "en") == [
        "method/thematic-analysis"]
    assert "method/historical-legal-analysis" in names("Использованы историко-правовой, сравнительно-правовой методы.",
                                                         "ru")


def test_modifiers_listed_after_their_plural_head_and_its_colon_name_its_methods():
    text = ("Использованы частнонаучные методы: формально-юридический, сравнительно-правовой, историко-правовой, "
            "анализ и синтез, экспертное интервью.")
    found = find_mentions(text, "ru")
    assert {(m.exact, str(m.entity).rsplit("/", 1)[-1]) for m in found if m.elliptic} == {
        ("формально-юридический", "formal-legal-method"), ("сравнительно-правовой", "comparative-legal-method"),
        ("историко-правовой", "historical-legal-analysis")}
    # a list of two that ends the text: its last item is the text's last word
    found = find_mentions("Использованы частнонаучные методы: формально-юридический, сравнительно-правовой.", "ru")
    assert [m.exact for m in found if m.elliptic] == ["формально-юридический", "сравнительно-правовой"]
    # a singular head, or no colon after it, lists nothing of its own
    assert not [m for m in find_mentions("Использован метод: сравнительно-правовой подход к анализу.", "ru") if m.elliptic]
    assert not [m for m in find_mentions("Эти методы сравнительно-правовой науки известны.", "ru") if m.elliptic]


def test_abbreviation_defined_in_the_text():
    found = find_mentions("trends in the Central Asian region (CA); CA states cooperate", "en")
    assert [m.exact for m in found] == ["Central Asian region", "CA", "CA"]
    assert {str(m.entity) for m in found} == {str(ID) + "actor/central-asia"}


def test_abbreviation_defined_in_one_part_names_the_entity_in_another():
    g = rdflib.Graph()
    cands = annotate(g, [
        ComponentText(URIRef(f"{WORK}/task/1"), "task", "en", "to study the Central Asian region (CA);"),
        ComponentText(URIRef(f"{WORK}/task/2"), "task", "en", "to rank CA universities;"),
    ], work=WORK, source=SOURCE)
    assert (URIRef(f"{WORK}/task/2"), DKG.mentions, URIRef(str(ID) + "actor/central-asia")) in g
    assert not cands


def test_an_acronym_listed_among_indices_in_one_part_is_a_method_where_it_stands_alone():
    # «индексов FIB-4, NFS и APRI» names them indices; «… превосходит NFS и APRI» alone would guess a body
    cands = annotate(rdflib.Graph(), [
        ComponentText(URIRef(f"{WORK}/task/1"), "task", "ru",
                      "оценить точность индексов FIB-4, NFS и APRI в сравнении с эластографией;"),
        ComponentText(URIRef(f"{WORK}/novelty/1"), "novelty", "ru", "FIB-4 превосходит NFS и APRI по точности."),
    ], work=WORK, source=SOURCE)
    assert {c.suggested_class for c in cands if c.name == "APRI"} == {"Method"}


def test_state_name_inside_the_name_of_its_ministry_is_not_a_separate_mention():
    found = names("Қазақстан Республикасы Ғылым және жоғары білім министрлігінің саясаты", "kk")
    assert found == ["actor/ministry-science-higher-education-kz"]


def test_the_quote_of_a_ministry_takes_in_the_state_that_opens_its_name():
    # Kazakh declines the body only: the quote is the whole name, as a reader cites it
    text = "Сынақтарды Қазақстан Республикасы Мәдениет және ақпарат министрлігінің тапсырысымен жүргіздік."
    found = find_mentions(text, "kk")
    assert [m.exact for m in found] == ["Қазақстан Республикасы Мәдениет және ақпарат министрлігінің"]
    assert all(text[m.start:m.end] == m.exact for m in found)


@pytest.mark.parametrize("text, lang", [
    ("Хроники прочитаны герменевтическим методом.", "ru"),
    ("Шежірелер герменевтикалық әдіспен оқылды.", "kk"),
])
def test_the_hermeneutic_method_is_a_method_not_the_theory(text, lang):
    assert names(text, lang) == ["method/hermeneutic-method"]


def test_an_institute_named_after_a_person_is_quoted_with_the_person():
    # «X атындағы …»: the name-giver opens the name, as «имени X» closes a Russian one
    g = rdflib.Graph()
    annotate(g, _seed_components({"kk": "Қолжазбалар Ж. Ақынов атындағы Тіл білімі институтының қорында."}),
             work=WORK, source=SOURCE)
    assert {str(o) for o in g.objects(None, NIF.anchorOf)} == {"Ж. Ақынов атындағы Тіл білімі институтының"}


# --------------------------------------------------------------------------- annotate(): RDF


def _seed_components(lang_text: dict[str, str], kind: str = "provision") -> list[ComponentText]:
    node = URIRef(f"{WORK}/{kind}/1")
    return [ComponentText(node, kind, lang, text) for lang, text in lang_text.items()]


def test_same_entity_in_kazakh_and_english_gets_one_iri():
    g = rdflib.Graph()
    annotate(g, _seed_components({
        "en": "Kazakhstan's public diplomacy relies on soft power and on UNESCO.",
        "kk": "Қазақстанның халықтық дипломатиясы жұмсақ күшке және ЮНЕСКО-ға сүйенеді.",
    }), work=WORK, source=SOURCE)
    by_lang: dict[str, set] = {}
    for mention in g.subjects(RDF.type, NIF.Phrase):
        context = g.value(mention, NIF.referenceContext)
        lang = str(g.value(context, rdflib.namespace.DCTERMS.language)).rsplit("/", 1)[1]
        by_lang.setdefault(lang, set()).add(g.value(mention, ITSRDF.taIdentRef))
    expected = {URIRef(str(ID) + p) for p in ("actor/kazakhstan", "theory/public-diplomacy", "theory/soft-power", "actor/unesco")}
    assert by_lang["en"] == expected == by_lang["kk"]


def test_mentions_point_at_the_exact_quote_in_their_context():
    texts = [json_component for json_component in linking_eval.load_gold(GOLD)]
    g = rdflib.Graph()
    comps = [ComponentText(c.node, c.kind, c.lang, c.text) for c in texts]
    annotate(g, comps, work=WORK, source=SOURCE)
    text_of = {(c.node, c.lang): c.text for c in comps}
    mentions = list(g.subjects(RDF.type, NIF.Phrase))
    assert len(mentions) > 300
    for mention in mentions:
        # one node per mention: its offsets, its words, its context and its entity
        assert {p for p in g.predicates(mention)} == {RDF.type, NIF.referenceContext, NIF.beginIndex,
                                                      NIF.endIndex, NIF.anchorOf, ITSRDF.taIdentRef}
        context = g.value(mention, NIF.referenceContext)
        assert (context, RDF.type, NIF.Context) in g
        source = g.value(context, NIF.sourceUrl)
        lang = str(g.value(context, rdflib.namespace.DCTERMS.language)).rsplit("/", 1)[1]
        text = text_of[(source, lang)]
        # the context's string is the part's text in that language, whole
        assert str(g.value(context, NIF.isString)) == text
        assert (g.value(context, NIF.beginIndex).toPython(), g.value(context, NIF.endIndex).toPython()) == (0, len(text))
        start, end = g.value(mention, NIF.beginIndex).toPython(), g.value(mention, NIF.endIndex).toPython()
        assert text[start:end] == str(g.value(mention, NIF.anchorOf))
        assert str(mention) == f"{source}/mention/{lang}/{start}-{end}"
        assert str(context) == f"{source}/text/{lang}"
        assert (source, DKG.mentions, g.value(mention, ITSRDF.taIdentRef)) in g


def test_work_links_depend_on_the_section():
    g = rdflib.Graph()
    comps = [
        ComponentText(URIRef(f"{WORK}/theoretical-basis"), "theoretical-basis", "en",
                      "The study draws on constructivism and uses content analysis."),
        ComponentText(URIRef(f"{WORK}/methods"), "methods", "en", "Methods: case study and survey."),
        ComponentText(URIRef(f"{WORK}/provision/1"), "provision", "en", "UNESCO supports Bolashak graduates; realism fails."),
        ComponentText(URIRef(f"{WORK}/relevance"), "relevance", "en", "Germany and neoliberalism are topical."),
    ]
    annotate(g, comps, work=WORK, source=SOURCE)
    iri = lambda p: URIRef(str(ID) + p)  # noqa: E731
    assert set(g.objects(WORK, DKG.buildsOnTheory)) == {iri("theory/constructivism")}
    assert set(g.objects(WORK, DKG.usesMethod)) == {iri("method/content-analysis"), iri("method/case-study"), iri("method/survey")}
    assert set(g.objects(WORK, DKG.discusses)) == {iri("actor/unesco"), iri("initiative/bolashak")}
    # Every part still records what it names.
    assert (comps[3].node, DKG.mentions, iri("actor/germany")) in g
    assert (comps[2].node, DKG.mentions, iri("theory/realism")) in g


def test_annotation_iris_are_stable_across_runs():
    comps = _seed_components({"en": "Kazakhstan and UNESCO cooperate on human security."})
    g1, g2 = rdflib.Graph(), rdflib.Graph()
    annotate(g1, comps, work=WORK, source=SOURCE)
    annotate(g2, comps, work=WORK, source=SOURCE)
    assert set(g1) == set(g2)


# --------------------------------------------------------------------------- candidates


def test_unknown_names_become_candidates_and_known_ones_do_not():
    text = ("Data come from the Russian Science Citation Index (RSCI) and from «Дүниежүзі қазақтарының "
            "қауымдастығы». The Ministry of Foreign Affairs and UNESCO are known. The Turkic Investment "
            "Fund was created. Google is a company.")
    g = rdflib.Graph()
    cands = annotate(g, _seed_components({"en": text}), work=WORK, source=SOURCE)
    found = {c.name: (c.suggested_class, c.reason) for c in cands}
    assert found["Russian Science Citation Index"] == ("Initiative", "capitalised")
    assert found["RSCI"][1] == "acronym"
    assert found["Дүниежүзі қазақтарының қауымдастығы"][1] == "quoted"
    assert found["Turkic Investment Fund"][1] == "capitalised"
    assert not {"Ministry of Foreign Affairs", "UNESCO", "The Ministry", "Google"} & set(found)
    assert all(c.work == WORK and c.source == SOURCE and c.name in c.context for c in cands)


def test_russian_and_kazakh_names_capitalised_on_the_first_word_only():
    text = "Введены материалы Астанинской декларации и данные Российского индекса научного цитирования."
    cands = annotate(rdflib.Graph(), _seed_components({"ru": text}), work=WORK, source=SOURCE)
    assert {c.name for c in cands} == {"Астанинской декларации", "Российского индекса научного цитирования"}
    kk = "Бұл жұмысқа Ұлттық спорт академиясы мен Дүниежүзі қазақтарының қауымдастығы қатысты."
    cands = annotate(rdflib.Graph(), _seed_components({"kk": kk}), work=WORK, source=SOURCE)
    assert {(c.name, c.suggested_class) for c in cands} == {
        ("Ұлттық спорт академиясы", "University"),
        ("Дүниежүзі қазақтарының қауымдастығы", "NonGovernmentalOrganization")}


def test_a_kazakh_fund_named_without_its_possessive_is_an_organisation():
    # «қор» inflected without the possessive «-ы»: «Жаһандық қордың», «Дала қорына»
    found = _candidates("Жоба Дала табиғаты қорының және Көкорай қордың қолдауымен жүзеге асты.", "kk", "relevance")
    assert found.get("Көкорай қордың") == "NonGovernmentalOrganization", found
    assert not _candidates("Зерттеуде Балқаш көлінің су қорлары бағаланды.", "kk", "relevance")


@pytest.mark.parametrize("text, lang, expected", [
    ("Жұмыста Жер кодексі мен Су кодексінің нормалары талданды.", "kk",
     {("Жер кодексі", "Law"), ("Су кодексінің", "Law")}),
    ("Изучены нормы Земельного кодекса и Водного кодекса.", "ru",
     {("Земельного кодекса", "Law"), ("Водного кодекса", "Law")}),
])
def test_a_candidate_takes_its_class_from_its_head_word_in_any_case(text, lang, expected):
    # the head word's inflected forms (кодексі, кодексінің, кодекса) are reduced to the keyword
    cands = annotate(rdflib.Graph(), _seed_components({lang: text}), work=WORK, source=SOURCE)
    assert {(c.name, c.suggested_class) for c in cands} == expected


# Every head word that gives a capitalised name its class, written out by hand (not read from
# linking._KEYWORDS, which would lose a word together with the test), each in a sentence of its
# language: an English name capitalised throughout, a Russian one on its first word with genitive
# modifiers, a Kazakh one closed by the head. Dropping any word from the table fails its row.
_KEYWORDS_BY_CLASS = {
    "University": {"en": ["university", "college", "academy"], "ru": ["университет", "академия"], "kk": ["академиясы"]},
    "GovernmentBody": {"en": ["ministry", "committee", "agency", "commission", "parliament"],
                       "ru": ["министерство", "комитет", "агентство", "комиссия", "администрация"],
                       "kk": ["министрлігі", "агенттігі", "комиссиясы", "әкімшілігі"]},
    "NonGovernmentalOrganization": {
        "en": ["foundation", "association", "society", "institute", "institut", "centre", "center", "service",
               "bureau", "inspection", "laboratory", "corporation"],
        "ru": ["фонд", "служба", "бюро", "инспекция", "лаборатория", "корпорация", "ассоциация", "общество",
               "институт", "центр", "федерация"],
        "kk": ["корпорациясы", "зертханасы", "қоры", "қауымдастығы", "қоғамы", "орталығы", "федерациясы"]},
    "InternationalOrganization": {"en": ["organization", "organisation", "union", "council", "bank", "fund", "alliance"],
                                  "ru": ["организация", "союз", "совет", "банк"],
                                  "kk": ["ұйымы", "одағы", "кеңесі"]},
    "Initiative": {"en": ["initiative", "forum", "congress", "process", "project", "agenda", "declaration", "convention",
                          "treaty", "charter", "platform"],
                   "ru": ["декларация", "конвенция", "договор", "хартия", "процесс", "платформа",
                          "инициатива", "форум", "съезд", "проект"],
                   "kk": ["декларациясы", "конвенциясы", "процесі", "платформасы", "бастамасы", "съезі", "жобасы"]},
    "Programme": {"en": ["program", "programme"], "ru": ["программа"], "kk": ["бағдарламасы"]},
    "Strategy": {"en": ["strategy", "doctrine"], "ru": ["стратегия", "доктрина"], "kk": ["стратегиясы", "доктринасы"]},
    "PolicyConcept": {"en": ["concept"], "ru": ["концепция"], "kk": ["тұжырымдамасы"]},
    "ActionPlan": {"en": ["plan"], "ru": ["план"], "kk": ["жоспары"]},
    "Law": {"en": ["law", "code"], "ru": ["закон", "кодекс"], "kk": ["заңы"]},
    "Address": {"en": ["address"], "ru": ["послание"], "kk": ["жолдауы"]},
    # (a state's department: a university's chair or faculty is no candidate, see below)
    "Department": {"en": ["department"], "ru": ["департамент"], "kk": ["департаменті"]},
    "Diaspora": {"en": ["diaspora"], "ru": ["диаспора"], "kk": ["диаспорасы"]},
    # a database, a registry or an atlas is a source of data, as the corpora's keys class them
    "Method": {"en": ["index", "database", "registry", "atlas"], "ru": ["индекс", "регистр", "атлас"],
               "kk": ["индексі", "тіркелімі", "атласы"]},
    "Organization": {"en": ["party", "chamber", "company", "holding", "plant", "factory", "works", "museum", "theatre",
                            "theater", "gallery", "exchange", "hospital"],
                     "ru": ["партия", "палата", "компания", "холдинг", "завод", "фабрика", "комбинат", "музей", "театр",
                            "галерея", "биржа", "больница", "госпиталь"],
                     "kk": ["партиясы", "палатасы", "компаниясы", "холдингі", "зауыты", "фабрикасы", "комбинаты",
                            "мұражайы", "театры", "галереясы", "биржасы", "ауруханасы"]},
}
_KEYWORD_SENTENCE = {"en": "Data for 2015–2020 were provided by the Northern Steppe {W} and checked by the author.",
            "ru": "Данные за 2015–2020 годы предоставила {W} развития сельских территорий по запросу автора.",
            "kk": "Деректерді Дала өңірлерін дамыту {w} ұсынды, автор оларды тексерді."}


@pytest.mark.parametrize("cls, lang, word", [(cls, lang, w) for cls, by_lang in _KEYWORDS_BY_CLASS.items()
                                             for lang, words in by_lang.items() for w in words])
def test_every_keyword_gives_a_candidate_its_class(cls, lang, word):
    text = _KEYWORD_SENTENCE[lang].format(W=word.capitalize(), w=word)
    cands = annotate(rdflib.Graph(), _seed_components({lang: text}), work=WORK, source=SOURCE)
    assert {c.suggested_class for c in cands} == {cls}, [(c.name, c.suggested_class) for c in cands]


@pytest.mark.parametrize("text, lang, kind", [
    ("The results were discussed at a seminar of the Department of Cosmetology and Aesthetic Dermatology of the "
     "Medical University of Lodz.", "en", "approbation"),
    ("The work was done at the Department of Mathematical and Computer Modelling.", "en", "relevance"),
    ("Работа выполнена на кафедре «Строительные конструкции».", "ru", "relevance"),
    ("Жұмыс Дала университетінің анестезиология және реаниматология кафедрасында орындалды.", "kk", "relevance"),
    ("Данные предоставил Северный степной факультет по запросу автора.", "ru", "relevance"),
])
def test_a_universitys_chair_or_faculty_is_no_candidate(text, lang, kind):
    # KEYS.md lists universities and the state's bodies; no key lists a chair or a faculty
    cands = annotate(rdflib.Graph(), _seed_components({lang: text}, kind), work=WORK, source=SOURCE)
    assert not [c for c in cands if c.suggested_class == "Department"], [(c.name, c.suggested_class) for c in cands]


def test_a_states_department_stays_a_candidate():
    cands = annotate(rdflib.Graph(), _seed_components(
        {"en": "Data were provided by the Department of Emergency Situations of Almaty."}, "relevance"),
        work=WORK, source=SOURCE)
    assert [c.name for c in cands if c.suggested_class == "Department"] == ["Department of Emergency Situations"]


# A congress, a forum or a summit where results were presented is a venue, as a conference is
# (KEYS.md lists neither): no candidate, in the approbation part or after a word of presenting.
# One the text speaks of otherwise may be a state event, and stays a candidate.
@pytest.mark.parametrize("lang, kind, text", [
    ("en", "approbation", "The results were discussed at the Northern Steppe Soil Congress (Kostanay, 2023)."),
    ("en", "provision", "The model was presented at the Steppe Hydrology Standards Summit in 2024."),
    ("en", "provision", "The findings were reported at the Annual Congress of the Steppe Agronomists."),
    ("ru", "provision", "Основные положения доложены на Всероссийском съезде почвоведов-агрохимиков в 2022 году."),
    ("ru", "approbation", "Результаты обсуждались на Евразийском агропромышленном форуме молодых учёных."),
    ("kk", "approbation", "Нәтижелер Астанада өткен Далалық агрономдар форумында талқыланды."),
])
def test_a_congress_or_forum_where_results_were_presented_is_no_candidate(lang, kind, text):
    cands = annotate(rdflib.Graph(), _seed_components({lang: text}, kind), work=WORK, source=SOURCE)
    assert not [c for c in cands if c.suggested_class == "Initiative"], [(c.name, c.suggested_class) for c in cands]


@pytest.mark.parametrize("lang, text, name", [
    ("en", "Cross-border trade grew after the Northern Steppe Cooperation Forum set common tariffs.",
     "Northern Steppe Cooperation Forum"),
    ("ru", "Трансграничная торговля выросла после того, как Форум межрегионального сотрудничества утвердил тарифы.",
     "Форум межрегионального сотрудничества"),
])
def test_a_forum_the_text_speaks_of_otherwise_stays_a_candidate(lang, text, name):
    cands = annotate(rdflib.Graph(), _seed_components({lang: text}, "relevance"), work=WORK, source=SOURCE)
    assert (name, "Initiative") in {(c.name, c.suggested_class) for c in cands}


@pytest.mark.parametrize("reach, venue", [(300, True), (301, False)])
def test_the_word_of_presenting_is_read_at_most_300_characters_before_the_forum(reach, venue):
    # the presenting word's sentence is read back 300 characters at most (a bound on the search;
    # a sentence that long between the verb and the name is an enumeration of other things)
    filler = ", then to the experts and the officials of the regions" * 10
    text = "The results were presented"
    text += filler[:reach - len("presented") - len(" at the ")] + " at the Green Finance Forum in 2023."
    assert text.index("Green Finance Forum") - text.index("presented") == reach
    cands = annotate(rdflib.Graph(), _seed_components({"en": text}, "relevance"), work=WORK, source=SOURCE)
    found = ("Green Finance Forum", "Initiative") in {(c.name, c.suggested_class) for c in cands}
    assert found is not venue


# A quoted name that says nothing of what it names is an initiative's only where a word of a
# programme, a law, a project, a standard or an article stands beside it in its sentence; a
# kindergarten's, a conference's, a chapter's or a drug's quoted name is no initiative.
@pytest.mark.parametrize("lang, text, initiatives", [
    ("ru", "Льготы предоставлялись в рамках программ «Дала үйі» и «Жас отбасы-2030».", {"Дала үйі", "Жас отбасы-2030"}),
    ("ru", "Её идеи изложены в статье Т.С. Ахметова «Степь как пространство будущего».",
     {"Степь как пространство будущего"}),
    ("kk", "«Таза дала» жобасы ауыл шаруашылығы министрлігінің қолдауымен жүзеге асты.", {"Таза дала"}),
    ("en", 'The regional programme "Green Steppe" funded the survey.', {"Green Steppe"}),
    ("ru", "Эксперимент проведён в детских садах «Шұғылажан» и «Айсәуле» Талгарского района.", set()),
    ("kk", "«Жаңа әдістер» бөлімінде сынама алу тәртібі сипатталған.", set()),
    ("ru", "Препарат «Фитосанум» вводили овцам в дозе 150 мг/кг.", set()),
])
def test_a_quoted_name_is_an_initiative_only_beside_a_word_of_one(lang, text, initiatives):
    cands = annotate(rdflib.Graph(), _seed_components({lang: text}, "relevance"), work=WORK, source=SOURCE)
    named = [c.name for c in cands if c.suggested_class in {*INITIATIVE_KINDS, "Initiative"}]
    # («программ «Дала үйі»» is named with its kind, a Programme)
    assert all(any(i in n for n in named) for i in initiatives) and (initiatives or not named), \
        [(c.name, c.suggested_class) for c in cands]


# A Kazakh head after adjectives alone takes no possessive ending («Ұлттық инновациялық агенттік»,
# not «…агенттігі»), in the nominative or in a case: still a government body (seed 131's
# `linking.py:731`, the list without «агенттік», found no class for these).
@pytest.mark.parametrize("text, name", [
    ("Деректерді Ұлттық инновациялық агенттік ұсынды, автор оларды тексерді.", "Ұлттық инновациялық агенттік"),
    ("Сауалнама нәтижелері Аймақтық инвестициялық агенттікке жіберілді.", "Аймақтық инвестициялық агенттікке"),
    ("Зерттеу Ұлттық ғарыштық агенттіктің деректеріне сүйенеді.", "Ұлттық ғарыштық агенттіктің"),
])
def test_a_kazakh_agency_named_by_adjectives_is_a_government_body(text, name):
    cands = annotate(rdflib.Graph(), _seed_components({"kk": text}), work=WORK, source=SOURCE)
    assert {(c.name, c.suggested_class) for c in cands} == {(name, "GovernmentBody")}


def test_a_name_of_two_capitalised_words_is_a_candidate():
    text = "Experts of the Eurasian Academy took part in the survey."
    cands = annotate(rdflib.Graph(), _seed_components({"en": text}), work=WORK, source=SOURCE)
    assert {(c.name, c.suggested_class, c.reason) for c in cands} == {("Eurasian Academy", "University", "capitalised")}


# Every word that joins the parts of a capitalised name, written out by hand (not read from
# linking._CONNECTORS), each in a name it holds together: without it the name is lost or cut.
_JOINED_NAMES = [
    ("en", "Experts of the Agency of Digital Development took part in the survey.", "Agency of Digital Development"),
    ("en", "Experts of the Science and Technology Agency took part in the survey.", "Science and Technology Agency"),
    ("en", "Experts of the Agency for Strategic Planning took part in the survey.", "Agency for Strategic Planning"),
    ("en", "Experts of the Association of the Deaf took part in the survey.", "Association of the Deaf"),
    ("en", "Experts of the Women in Science Foundation took part in the survey.", "Women in Science Foundation"),
    ("en", "Experts of the Committee on Foreign Affairs took part in the survey.", "Committee on Foreign Affairs"),
    ("en", "Experts of the Institut de Recherche Sociale took part in the survey.", "Institut de Recherche Sociale"),
    ("en", "Experts of the Institut Kultur und Gesellschaft took part in the survey.", "Institut Kultur und Gesellschaft"),
    ("en", "Experts of the Fundación Ciencia y Sociedad Foundation took part in the survey.",
     "Fundación Ciencia y Sociedad Foundation"),
    ("ru", "В опросе участвовали эксперты Фонда Науки и Образования Казахстана.", "Фонда Науки и Образования"),
    ("ru", "Данные предоставил Комитет по Статистике Казахстана.", "Комитет по Статистике"),
    ("ru", "В опросе участвовали эксперты Фонда для Развития Науки.", "Фонда для Развития Науки"),
    ("kk", "Сауалнамаға Ғылым және Білім Қоры сарапшылары қатысты.", "Ғылым және Білім Қоры"),
    ("kk", "Сауалнамаға Ғылым мен Білім Қоры сарапшылары қатысты.", "Ғылым мен Білім Қоры"),
]


@pytest.mark.parametrize("lang, text, name", _JOINED_NAMES, ids=[n.split()[1] for _, _, n in _JOINED_NAMES])
def test_a_connecting_word_holds_a_capitalised_name_together(lang, text, name):
    cands = annotate(rdflib.Graph(), _seed_components({lang: text}), work=WORK, source=SOURCE)
    assert [c.name for c in cands] == [name]


@pytest.mark.parametrize("text, name", [
    ("Данные предоставил Фонд имени Абая Кунанбаева.", "Фонд имени Абая Кунанбаева"),
    ("Данные предоставила Лаборатория при Институте Истории.", "Лаборатория при Институте Истории"),
])
def test_a_russian_name_runs_across_imeni_and_pri_to_its_last_capitalised_word(text, name):
    # (a shorter name inside it is found too, by the Russian genitive reading: left as it is)
    cands = annotate(rdflib.Graph(), _seed_components({"ru": text}), work=WORK, source=SOURCE)
    assert name in {c.name for c in cands}


# Every coordinating word, written out by hand (not read from linking._COORDINATORS): after a head
# word of a name it starts the next name instead of continuing this one.
@pytest.mark.parametrize("lang, text, first, second", [
    ("en", "Experts of the Northern Development Bank and Steppe Research Institute took part in the survey.",
     "Northern Development Bank", "Steppe Research Institute"),
    ("en", "Experts of the Northern Development Bank und Steppe Research Institute took part in the survey.",
     "Northern Development Bank", "Steppe Research Institute"),
    ("en", "Experts of the Northern Development Bank y Steppe Research Institute took part in the survey.",
     "Northern Development Bank", "Steppe Research Institute"),
    ("ru", "В опросе участвовали эксперты Северного Банка и Степного Исследовательского Института.",
     "Северного Банка", "Степного Исследовательского Института"),
    ("kk", "Сауалнамаға Солтүстік Даму Банкі және Дала Зерттеу Институты сарапшылары қатысты.",
     "Солтүстік Даму Банкі", "Дала Зерттеу Институты"),
    ("kk", "Сауалнамаға Солтүстік Даму Банкі мен Дала Зерттеу Институты сарапшылары қатысты.",
     "Солтүстік Даму Банкі", "Дала Зерттеу Институты"),
], ids=["and", "und", "y", "и", "және", "мен"])
def test_a_coordinating_word_after_a_head_word_starts_another_name(lang, text, first, second):
    got = {c.name for c in annotate(rdflib.Graph(), _seed_components({lang: text}), work=WORK, source=SOURCE)}
    assert {first, second} <= got
    assert not [n for n in got if first in n and second in n], got


@pytest.mark.parametrize("text, name, cls", [
    # a body's kind before "of" or "for" is its head, and "and" inside its field goes on naming it
    ("The candidates were selected by the National Institute of Standards and Technology in 2022.",
     "National Institute of Standards and Technology", "NonGovernmentalOrganization"),
    ("Members of the Association for Law and Energy met in Almaty.", "Association for Law and Energy",
     "NonGovernmentalOrganization"),
])
def test_a_bodys_field_after_of_holds_and(text, name, cls):
    assert _candidates(text, "en", "relevance").get(name) == cls


def test_and_before_another_body_starts_a_name_of_its_own():
    got = _candidates("The Institute of Law and the Ministry of Finance agreed on it.", "en", "relevance")
    assert "Institute of Law" in got and not [n for n in got if "Law and" in n]


@pytest.mark.parametrize("text, lang, name", [
    # no year and no quoted title: the head words alone name the document
    ("The Strategic Development Plan of the Republic of Kazakhstan was adopted.", "en",
     "Strategic Development Plan of the Republic of Kazakhstan"),
    ("The Comprehensive Plan of Action on Migration was adopted.", "en", "Comprehensive Plan of Action on Migration"),
    ("The National Action Plan of Kazakhstan was adopted.", "en", "National Action Plan of Kazakhstan"),
    ("The State Programme of Education was adopted.", "en", "State Programme of Education"),
])
def test_a_self_named_document_without_year_or_title_is_found(text, lang, name):
    from dissertation_kg.mappings import self_named
    assert [text[d.start:d.end] for d in self_named.find(text, lang)] == [name]


@pytest.mark.parametrize("text, name", [
    # a body's rules by what they govern: genitives, prepositional phrases, an acronym, a bracketed
    # synonym, a participle with its object and a comma before another genitive …
    ("Однако Правила организации и проведения курсов повышения квалификации педагогов допускают зачёт.",
     "Правила организации и проведения курсов повышения квалификации педагогов"),
    ("Предложения по изменению Правил планирования и реализации проектов ГЧП направлены в министерство.",
     "Правил планирования и реализации проектов ГЧП"),
    ("Нормативной базой служили Правила проведения текущего контроля успеваемости, промежуточной и итоговой "
     "аттестации обучающихся, утвержденные приказом министра.",
     "Правила проведения текущего контроля успеваемости, промежуточной и итоговой аттестации обучающихся"),
    ("Работа опирается на Правила предоставления права временного землепользования (аренды) для ведения "
     "фермерского хозяйства и на практику судов.",
     "Правила предоставления права временного землепользования (аренды) для ведения фермерского хозяйства"),
    ("Требования задают Правила обеспечения безопасности для опасных объектов, ведущих горные работы, "
     "и нормы санитарии.", "Правила обеспечения безопасности для опасных объектов, ведущих горные работы"),
    # … up to its number
    ("Учтены положения Правил ЕЭК ООН № 110 о газовых системах автомобилей.", "Правил ЕЭК ООН № 110"),
])
def test_russian_rules_named_by_what_they_govern_are_a_document(text, name):
    from dissertation_kg.mappings import self_named
    assert [(text[d.start:d.end], d.cls) for d in self_named.find(text, "ru")] == [(name, "Law")]


@pytest.mark.parametrize("text", [
    "Правила игры изменились после реформы.",        # opening a sentence: a rule of thumb
    "Он действовал согласно Правилам.",               # rules of nothing named
    "Студенты нарушили Правила, и их отчислили.",
])
def test_rules_without_what_they_govern_are_no_document(text):
    from dissertation_kg.mappings import self_named
    assert self_named.find(text, "ru") == []


# Every Kazakh head word of a self-named document, written out by hand (not read from
# self_named._KK_HEADS), each closing a quoted title as Kazakh puts it: without the head's
# alternative the document is lost.
@pytest.mark.parametrize("text, name, cls", [
    ("Зерттеу «Жергілікті мемлекеттік басқару туралы» Қазақстан Республикасының Заңына сүйенеді.",
     "«Жергілікті мемлекеттік басқару туралы» Қазақстан Республикасының Заңына", "Law"),
    ("Зерттеу «Неке (ерлі-зайыптылық) және отбасы туралы» Қазақстан Республикасының Кодексіне сүйенеді.",
     "«Неке (ерлі-зайыптылық) және отбасы туралы» Қазақстан Республикасының Кодексіне", "Law"),
    ("Зерттеу «Мәдени саясат» тұжырымдамасына сүйенеді.", "«Мәдени саясат» тұжырымдамасына", "PolicyConcept"),
    ("Зерттеу «Рухани жаңғыру» бағдарламасына сүйенеді.", "«Рухани жаңғыру» бағдарламасына", "Programme"),
    ("Зерттеу «Жасыл экономика» стратегиясына сүйенеді.", "«Жасыл экономика» стратегиясына", "Strategy"),
    ("Зерттеу «Әскери қауіпсіздік» доктринасына сүйенеді.", "«Әскери қауіпсіздік» доктринасына", "Strategy"),
    ("Зерттеу «Туризмді дамыту» жоспарына сүйенеді.", "«Туризмді дамыту» жоспарына", "ActionPlan"),
    ("Зерттеу «Жаңа Қазақстан» Жолдауына сүйенеді.", "«Жаңа Қазақстан» Жолдауына", "Address"),
])
def test_every_kazakh_head_names_a_self_named_document(text, name, cls):
    from dissertation_kg.mappings import self_named
    assert [(text[d.start:d.end], d.cls) for d in self_named.find(text, "kk")] == [(name, cls)]


def test_a_span_of_years_written_with_a_double_hyphen():
    # LaTeX and pandoc sources write the dash as "--"
    from dissertation_kg.mappings import self_named
    text = "Жұмыс су ресурстарын басқарудың 2031--2035 жылдарға арналған тұжырымдамасына сүйенеді."
    assert [text[d.start:d.end] for d in self_named.find(text, "kk")] == [
        "су ресурстарын басқарудың 2031--2035 жылдарға арналған тұжырымдамасына"]


def test_a_coded_latin_label_names_its_entry_in_russian_and_kazakh_texts():
    from dissertation_kg.mappings.linking import _coded_latin_label
    assert _coded_latin_label("YOLOv5") and _coded_latin_label("PS-InSAR") and _coded_latin_label("Landsat 8")
    assert not _coded_latin_label("Google Earth Engine") and not _coded_latin_label("random forest")
    found = [m.exact for m in find_mentions("Нысандар YOLOv5 моделімен анықталды.", "kk")]
    assert found == ["YOLOv5"]
    assert [m.exact for m in find_mentions("Объекты найдены моделью YOLOv5.", "ru")] == ["YOLOv5"]


def test_a_treaty_whose_about_phrase_breaks_off_is_named_to_its_head():
    # «о гражданских, …»: the phrase after «о» breaks at a comma before any noun; the name is the
    # treaty's head with its adjective, not nothing
    text = "В работе анализируется Международная конвенция о гражданских, политических и социальных правах."
    cands = annotate(rdflib.Graph(), _seed_components({"ru": text}), work=WORK, source=SOURCE)
    assert {(c.name, c.suggested_class) for c in cands} == {("Международная конвенция", "Initiative")}


def test_a_name_right_after_a_self_named_document_is_kept():
    # PDF extraction loses the space after a closing quote now and then: the law and the name
    # that touches its end are still two mentions
    text = "Закон Республики Казахстан «О науке»ЮНЕСКО поддерживает."
    assert names(text, "ru") == ["initiative/law-science-kz", "actor/unesco"]


@pytest.mark.parametrize("phrase, nominative", [
    ("Астанинской декларации", "Астанинская декларация"),
    ("Высшей аттестационной комиссии", "Высшая аттестационная комиссия"),
    ("Комитета науки", "Комитет науки"),
    ("Единого центральноазиатского пространства высшего образования",
     "Единое центральноазиатское пространство высшего образования"),
    ("Исторические и социально-политические науки", "Исторические и социально-политические науки"),
])
def test_russian_candidates_are_listed_in_the_nominative(phrase, nominative):
    assert russian_nominative(phrase) == nominative


def test_an_acronym_defined_by_its_head_keeps_that_class_in_the_other_parts():
    comps = [ComponentText(URIRef(f"{WORK}/task/1"), "task", "ru",
                           "Сравнить пробу Грейса и тест скрытой крови (ТСКР) в скрининге."),
             ComponentText(URIRef(f"{WORK}/novelty/1"), "novelty", "ru",
                           "Впервые показано, что ТСКР в два раза чувствительнее.")]
    cands = annotate(rdflib.Graph(), comps, work=WORK, source=SOURCE)
    assert {c.suggested_class for c in cands if c.name == "ТСКР"} == {"Method"}, cands


@pytest.mark.parametrize("text, acronym", [
    ("Разработать индекс экологической устойчивости сельскохозяйственных землепользователей-арендаторов "
     "предгорий (ИЭУЗ) и апробировать его.", "ИЭУЗ"),
    ("Адаптировать опросник профессионально-личностного самоопределения старшеклассников общеобразовательных "
     "учреждений (ОПЛСС) для сельских школ.", "ОПЛСС"),
])
def test_an_acronym_defined_by_a_head_five_long_words_away_keeps_its_class(text, acronym):
    # The head stands five words before the bracket, over 90 characters away: long Russian words
    # still leave it the phrase's head, and the acronym is a method, not a body (the fallback).
    comps = [ComponentText(URIRef(f"{WORK}/task/1"), "task", "ru", text)]
    cands = annotate(rdflib.Graph(), comps, work=WORK, source=SOURCE)
    assert {c.suggested_class for c in cands if c.name == acronym} == {"Method"}, cands


def test_inflected_occurrences_count_towards_one_candidate():
    cands = []
    for n, text in enumerate(["Роль Астанинской декларации велика.", "Мы изучили Астанинскую декларацию."]):
        cands += annotate(rdflib.Graph(), [ComponentText(URIRef(f"{WORK}/task/{n + 1}"), "task", "ru", text)],
                          work=WORK, source=SOURCE)
    q = candidates_graph(cands)
    subjects = set(q.subjects(RDF.type, DKG.Candidate))
    assert len(subjects) == 1
    (c,) = subjects
    assert str(q.value(c, rdflib.RDFS.label)) == "Астанинская декларация"
    assert q.value(c, DKG.occurrenceCount).toPython() == 2


def test_candidates_graph_counts_and_places():
    g = rdflib.Graph()
    w2 = URIRef(str(ID) + "work/other")
    c1 = annotate(g, [ComponentText(URIRef(f"{WORK}/task/1"), "task", "en", "to study the Turkic Investment Fund;")],
                  work=WORK, source=SOURCE)
    c2 = annotate(g, [ComponentText(URIRef(f"{w2}/task/2"), "task", "en", "the role of the Turkic Investment Fund and the RSCI.")],
                  work=w2, source=SOURCE)
    q = candidates_graph(c1 + c2)
    fund = next(s for s in q.subjects(RDF.type, DKG.Candidate)
                if str(q.value(s, rdflib.RDFS.label)) == "Turkic Investment Fund")
    assert q.value(fund, DKG.occurrenceCount) == Literal(2, datatype=rdflib.XSD.integer)
    assert set(q.objects(fund, DKG.occursIn)) == {WORK, w2}
    assert q.value(fund, DKG.suggestedClass) == DKG.InternationalOrganization
    assert str(fund) == str(ID) + "candidate/en/turkic-investment-fund"
    assert len(set(q.subjects(RDF.type, DKG.Candidate))) == 2


def test_a_tie_between_suggested_classes_goes_to_the_first_whatever_the_hash_seed():
    # The same input gives the same graph in every process: run in children with different
    # hash seeds, the candidate suggested as a method first and as an organisation second is a
    # method each time.
    import os
    import subprocess
    import sys

    script = (
        "from rdflib import URIRef\n"
        "from dissertation_kg.mappings.linking import Candidate, candidates_graph\n"
        "from dissertation_kg.mappings.vocab import DKG\n"
        "w = URIRef('https://w3id.org/dissertation-kg/id/work/x')\n"
        "cs = [Candidate('QXZ', 'en', 'the QXZ', cls, 'acronym', URIRef(f'{w}/part/{n}'), 'methods', w, w, 4, 7)\n"
        "      for n, cls in enumerate(['Method', 'Organization'])]\n"
        "print(next(candidates_graph(cs).objects(None, DKG.suggestedClass)))\n")
    seen = set()
    for seed in ("1", "2", "3", "4", "5", "6"):
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        seen.add(done.stdout.strip())
    assert seen == {str(DKG.Method)}, seen


# --------------------------------------------------------------------------- vocabularies


@pytest.fixture(scope="module")
def vocab() -> rdflib.Graph:
    return load_graph()


def test_vocabularies_are_broad_and_typed(vocab):
    entries = load_entries()
    assert len(entries) >= 150
    files = {p.name for p in vocabulary_dir().glob("*.ttl")}
    assert {"theories.ttl", "methods.ttl", "actors.ttl", "initiatives.ttl"} <= files
    segment = {"Theory": "theory", "Method": "method", "Initiative": "initiative"}
    segment.update({kind: "initiative" for kind in INITIATIVE_KINDS})
    for e in entries:
        if e.cls in INITIATIVE_KINDS:   # a law is an initiative too, for queries without inference
            assert (e.iri, RDF.type, DKG.Initiative) in vocab, e.iri
        assert (e.iri, RDF.type, OWL.NamedIndividual) in vocab, e.iri
        assert (e.iri, RDF.type, SKOS.Concept) in vocab, e.iri
        scheme = vocab.value(e.iri, SKOS.inScheme)
        assert scheme is not None and (scheme, RDF.type, SKOS.ConceptScheme) in vocab, e.iri
        assert re.fullmatch(rf"{ID}{segment.get(e.cls, 'actor')}/[a-z0-9-]+", str(e.iri)), e.iri


def test_every_entry_has_one_preflabel_per_language_and_a_definition(vocab):
    problems = []
    for s in set(vocab.subjects(RDF.type, SKOS.Concept)):
        labels = [o for o in vocab.objects(s, SKOS.prefLabel)]
        for lang in LANGS:
            n = sum(1 for o in labels if isinstance(o, Literal) and o.language == lang)
            if n != 1:
                problems.append(f"{s} has {n} prefLabel@{lang}")
        if not any(o.language == "en" for o in vocab.objects(s, SKOS.definition)):
            problems.append(f"{s} has no English definition")
        alts = {(str(o), o.language) for o in vocab.objects(s, SKOS.altLabel)}
        if alts & {(str(o), o.language) for o in labels}:
            problems.append(f"{s} repeats a prefLabel as an altLabel")
    assert not problems, "\n".join(problems)


def test_kazakh_labels_are_kazakh(vocab):
    from dissertation_kg.mappings.resources import ontology_dir

    # Kazakh labels use the Kazakh alphabet (or Latin for brand names such as G-Global and G*Power,
    # and a convention's years, МАРПОЛ 73/78), and most differ from the Russian ones: a vocabulary
    # that copied Russian labels would fail here.
    kazakh = re.compile(r"^[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі0-9A-Za-z .,()«»\"'’+–—*/\-]+$")
    for e in load_entries():
        assert kazakh.match(e.pref["kk"]), e.pref["kk"]
    # States come from CLDR and cities from GeoNames (places.ttl), where most names are the same
    # in Russian and Kazakh (Албания, Вена); the counts below judge the hand-written entries.
    places = set(rdflib.Graph().parse(ontology_dir() / "vocabularies" / "places.ttl").subjects())
    entries = [e for e in load_entries() if not e.iso3166 and e.iri not in places]
    differs = sum(e.pref["kk"] != e.pref["ru"] for e in entries)
    assert differs >= 0.7 * len(entries)
    # Kazakh-only letters appear throughout, as they must in real Kazakh.
    assert sum(bool(re.search("[ӘәҒғҚқҢңӨөҰұҮүҺһІі]", e.pref["kk"])) for e in entries) >= 0.5 * len(entries)


def test_wikidata_links_only_to_verified_items(vocab):
    links = {str(o) for p in (OWL.sameAs, SKOS.exactMatch, SKOS.closeMatch) for o in vocab.objects(None, p)}
    wikidata = {l for l in links if "wikidata.org" in l}
    assert wikidata <= VERIFIED_WIKIDATA
    assert wikidata == VERIFIED_WIKIDATA   # all four are used


def test_vocabularies_conform_to_the_shapes(vocab):
    import pyshacl

    from dissertation_kg.mappings.resources import ontology_dir

    shapes = rdflib.Graph().parse(ontology_dir() / "shapes.ttl")
    conforms, _, report = pyshacl.validate(vocab, shacl_graph=shapes, inference="none")
    assert conforms, report


@pytest.mark.slow
def test_ontology_with_vocabularies_is_consistent_under_hermit(vocab):
    # Entries are individuals of the ontology's classes (a state is an Actor and a skos:Concept):
    # HermiT checks that no axiom (disjointness, domains) makes that contradictory.
    import os
    import shutil
    import tempfile

    if shutil.which("java") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("java is required for the HermiT consistency test (CI=true)")
        pytest.skip("java not found: install a JRE 17 to run HermiT")
    from owlready2 import OwlReadyInconsistentOntologyError, World, sync_reasoner

    from dissertation_kg.mappings.resources import ontology_dir

    graph = rdflib.Graph()
    for t in vocab:
        graph.add(t)
    graph.parse(ontology_dir() / "dkg.ttl")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "all.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        world = World()
        world.get_ontology(path.as_uri()).load()
        try:
            sync_reasoner(world, infer_property_values=False, debug=0)
        except OwlReadyInconsistentOntologyError as exc:
            pytest.fail(f"ontology + vocabularies are inconsistent: {exc}")
        assert list(world.inconsistent_classes()) == []


def test_no_label_names_two_entries():
    assert lexicon().ambiguous == {"en": [], "ru": [], "kk": []}


# --------------------------------------------------------------------------- the gold set


@pytest.fixture(scope="module")
def gold():
    return linking_eval.load_gold(GOLD)


def test_gold_set_is_well_formed(gold):
    known = {str(e.iri) for e in load_entries()}
    docs = {g.document for g in gold}
    langs = {}
    for g in gold:
        langs.setdefault(g.lang, set()).add(g.document)
        assert g.entities <= known, (g.document, g.id, g.entities - known)
        for iri, quote in g.quotes.items():
            assert quote in g.text, (g.document, g.id, quote)
    assert len(docs) >= 11
    assert all(len([d for d in v if d.startswith("synthetic")]) >= 2 for v in langs.values())
    assert set(langs) == {"en", "ru", "kk"}


def test_linker_f1_on_gold_set_is_at_least_0_9(gold):
    table = linking_eval.score(gold, linking_eval.predict_linker(gold))
    micro = table["all"]["micro"]
    assert micro.f1 >= 0.9, linking_eval.errors(gold, linking_eval.predict_linker(gold))
    for lang, s in table["lang"].items():
        assert s.f1 >= 0.85, (lang, s)


def test_linker_f1_on_held_out_abstracts_is_at_least_0_9():
    # Written and annotated after the linker was frozen (tests/gold/heldout): the closest this
    # suite has to unseen abstracts.
    held = linking_eval.load_gold(GOLD / "heldout")
    assert len({g.document for g in held}) >= 3 and {g.lang for g in held} == {"en", "ru", "kk"}
    table = linking_eval.score(held, linking_eval.predict_linker(held))
    micro = table["all"]["micro"]
    assert micro.f1 >= 0.9, linking_eval.errors(held, linking_eval.predict_linker(held))
    # One figure over all languages hid a broken Kazakh morphology (the other two carried it):
    # each language, and each class with enough gold pairs to measure, holds on its own.
    for lang, s in table["lang"].items():
        assert s.f1 >= 0.93, (lang, s)
    for cls, s in table["class"].items():
        if s.tp + s.fn >= 8:
            assert s.f1 >= 0.9, (cls, s)


def test_linker_beats_the_exact_match_baseline(gold):
    linker = linking_eval.score(gold, linking_eval.predict_linker(gold))["all"]["micro"]
    baseline = linking_eval.score(gold, linking_eval.predict_baseline(gold))["all"]["micro"]
    assert baseline.f1 < linker.f1
    assert baseline.recall < 0.8   # inflection defeats exact matching: the gold set is not trivial


def test_a_context_is_marked_cut_only_where_text_was_left_out():
    from dissertation_kg.mappings.linking import _CONTEXT, _context

    before, name, after = "a" * _CONTEXT, "NAME", "b" * _CONTEXT
    text = before + name + after
    whole = _context(text, _CONTEXT, _CONTEXT + len(name))
    assert whole == text                                        # everything fits: no ellipsis
    cut = _context("x" + text + "y", _CONTEXT + 1, _CONTEXT + 1 + len(name))
    assert cut == "…" + text + "…"                              # one character left out on each side


def _places(text: str, lang: str) -> list[str]:
    return [str(m.entity).rsplit("/", 1)[-1] for m in find_mentions(text, lang)]


@pytest.mark.parametrize("text, lang, places", [
    # a route through one of Kazakhstan's own places goes on with places
    ("Модель Достық – Ақтау – Баку бағытында жеткізу уақытын қысқартады.", "kk", ["aktau", "baku"]),
    ("маршрут Алматы – Ташкент – Самарканд", "ru", ["almaty", "tashkent", "samarkand"]),
    # a world city after "via", «через», «арқылы» or before/after a port is a place
    ("Containers are shipped via Baku to Europe.", "en", ["baku"]),
    ("Грузы идут через Баку в Европу.", "ru", ["baku"]),
    ("Жүктер Баку арқылы Еуропаға жеткізіледі.", "kk", ["baku"]),
    ("the port of Baku handles ferries", "en", ["baku"]),
    # an enumeration a region of Kazakhstan opens goes on with places (its towns in k spelling too)
    ("Dust storms reach Kyzylorda, Aralsk and Kazaly several times a year.", "en", ["kyzylorda", "aral", "kazalinsk"]),
    # ... and so does one whose firms or people a noun means («предприятий Усть-Каменогорска и Риддера»)
    ("Сбросы предприятий Усть-Каменогорска и Риддера поступают в реку.", "ru", ["oskemen", "ridder"]),
])
def test_world_cities_on_routes_and_after_transit_words(text, lang, places):
    assert [p for p in _places(text, lang) if p in places] == places


@pytest.mark.parametrize("text, lang", [
    ("relations between Astana and Beijing improved", "en"),   # Beijing stands for China
    ("Алматы мен Мәскеу арасындағы келісім", "kk"),
])
def test_a_capital_beside_a_city_of_kazakhstan_in_a_plain_list_stays_unlinked(text, lang):
    assert not {"beijing", "moscow"} & set(_places(text, lang))


def _candidates(text: str, lang: str, kind: str) -> dict[str, str]:
    from dissertation_kg.mappings.linking import find_candidates, tokenize
    lex = lexicon()
    tokens = tokenize(text)
    mentions = find_mentions(text, lang, lex, tokens)
    return {text[s:e]: cls for s, e, cls, _ in find_candidates(text, lang, kind, mentions, tokens, lex)}


@pytest.mark.parametrize("text, lang, kind, name, cls", [
    # the word beside an unknown acronym tells a tool from a body, in any part
    ("прогноз стока по сценариям CMIP6 и данным реанализа", "ru", "relevance", "CMIP6", "Method"),
    ("Өнім DSSAT моделі арқылы бағаланды.", "kk", "aim", "DSSAT моделі", "Method"),
    ("predictions were explained using SHAP values", "en", "novelty", "SHAP", "Method"),
    ("сети LSTM обнаруживают аномалии трафика", "ru", "novelty", "LSTM", "Method"),
    # a survey or a study by its acronym, whose data a work draws on
    ("Изучены материалы международного исследования ICILS о практике учителей.", "ru", "content", "ICILS", "Method"),
    ("Answers to the international survey ICILS were analysed.", "en", "content", "ICILS", "Method"),
    # ... a Cyrillic acronym there is the body whose survey it is (genitive)
    ("Использованы микроданные обследования ДСУ о доходах семей.", "ru", "content", "ДСУ", "Organization"),
    ("рекомендации комиссии МЭК комитета учтены", "ru", "relevance", "МЭК", "Organization"),
    ("the decisions of the IFLA Council on cataloguing", "en", "relevance", "IFLA", "Organization"),
    # a guideline, a statement or recommendations: an initiative, in a methods section too
    ("reporting follows the REPLIC and TRAVEX 2021 guidelines", "en", "methods", "REPLIC", "Initiative"),
    ("reporting follows the REPLIC and TRAVEX 2021 guidelines", "en", "methods", "TRAVEX", "Initiative"),
    ("disclosure is scored against the ISSB recommendations", "en", "methods", "ISSB", "Initiative"),
    # an acronym with nothing beside it outside the methods is a body, as before
    ("Письмо ДКСО разослано в вузы.", "ru", "relevance", "ДКСО", "Organization"),
    # and in the statement of methods a tool
    ("Использованы ИФА и КЛБТ.", "ru", "methods", "КЛБТ", "Method"),
])
def test_an_unknown_acronym_is_classed_by_the_words_beside_it(text, lang, kind, name, cls):
    assert _candidates(text, lang, kind).get(name) == cls


@pytest.mark.parametrize("text, lang, kind, name, cls", [
    # an acronym in brackets takes the class of the phrase it abbreviates, by that phrase's head
    ("Сон оценён тестом непрерывного внимания (ТНВ) в начале смены.", "ru", "relevance", "ТНВ", "Method"),
    ("Sleepiness was scored with the reaction lapse task (RLT) twice.", "en", "relevance", "RLT", "Method"),
    ("Сопоставлены нормы Регламента ЕС об облачных сервисах (CSR) и национальное право.", "ru",
     "relevance", "CSR", "Initiative"),
    ("Данные предоставлены Союзом фермеров степной зоны (СФСЗ) в методах.", "ru", "methods", "СФСЗ",
     "Organization"),
    # an acronym joined to another after the word that names them shares it
    ("Активность измерена тестами QRST и BLMX.", "ru", "tasks", "BLMX", "Method"),
])
def test_an_acronym_takes_the_class_of_what_it_abbreviates(text, lang, kind, name, cls):
    found = _candidates(text, lang, kind)
    assert found.get(name) == cls, found


@pytest.mark.parametrize("text, lang, name", [
    ("Responses were analysed in WarpPLS 8.0 and coded in MAXQDA 2022.", "en", "WarpPLS 8.0"),
    ("Responses were analysed in JASP 0.18 and coded in Quirkos 2.", "en", "Quirkos 2"),
    ("Kinetics were fitted in PeakFit 4 and plotted with Gnuplot 5.4.", "en", "PeakFit 4"),
    ("Kinetics were fitted in PeakFit 4 and plotted with Gnuplot 5.4.", "en", "Gnuplot 5.4"),
    ("Сауалнама нәтижелері WarpPLS 8.0 бағдарламасында өңделді.", "kk", "WarpPLS 8.0"),
    ("Расчёты выполнены в программе Lira 10.12.", "ru", "Lira 10.12"),
    # a program by its dimension ("3D"), and after the interface it is run through
    ("Slopes were modelled with the finite element method in GEOSTAB 3D.", "en", "GEOSTAB 3D"),
    ("Сетка построена в программе FEFLOW с интерфейсом Aquifer Studio.", "ru", "Aquifer Studio"),
])
def test_a_tool_named_with_its_version_is_a_method(text, lang, name):
    assert _candidates(text, lang, "relevance").get(name) == "Method"



# A tool after another in a list is one too, whatever joins them (a comma, a conjunction, both);
# «Quirkos 2» has neither two capitals nor a dotted version, and no "in"/"using" stands before it.
@pytest.mark.parametrize("text, lang", [
    ("Interviews were coded in NVivo 12 and Quirkos 2 by two readers.", "en"),
    ("Interviews were coded in NVivo 12 or Quirkos 2 by two readers.", "en"),
    ("Interviews were coded in NVivo 12 and/or Quirkos 2 by two readers.", "en"),
    ("Interviews were coded in NVivo 12, Quirkos 2 and paper cards.", "en"),
    ("Interviews were coded in NVivo 12, and Quirkos 2 was used for memos.", "en"),
    ("Interviews were coded by hand (then NVivo 12), or Quirkos 2 for memos.", "en"),
    ("Интервью закодированы в NVivo 12 и Quirkos 2 двумя читателями.", "ru"),
    ("Интервью закодированы в NVivo 12 или Quirkos 2 двумя читателями.", "ru"),
    ("Интервью закодированы в NVivo 12 и/или Quirkos 2 двумя читателями.", "ru"),
    ("Сұхбаттар NVivo 12 және Quirkos 2 көмегімен кодталды.", "kk"),
    ("Сұхбаттар NVivo 12 мен Quirkos 2 көмегімен кодталды.", "kk"),
    ("Сұхбаттар NVivo 12 немесе Quirkos 2 көмегімен кодталды.", "kk"),
])
def test_the_next_tool_of_a_list_is_a_method(text, lang):
    assert _candidates(text, lang, "methods").get("Quirkos 2") == "Method"


def test_a_versioned_name_words_away_from_a_tool_is_no_list_item():
    assert "Quirkos 2" not in _candidates(
        "Interviews were coded in NVivo 12 over two months and Quirkos 2 was tried too.", "en", "methods")

@pytest.mark.parametrize("text, lang", [
    ("Table 3 and Figure 5 show that Phase 2 gave 12 mm more than Stage 1.", "en"),
    ("The effect held (95 % CI 1.3-4.1) in Group 2.", "en"),
    ("In 2019 Industry 4.0 and Web 2.0 reached the schools.", "en"),
])
def test_numbered_parts_measures_and_eras_are_no_tools(text, lang):
    assert "Method" not in _candidates(text, lang, "relevance").values()


# A capitalised word with a version after a word of use is a tool ("in Stata 17"), unless the word
# numbers a part of a text, a stage, a group, a sample or a measure, or names an era or a
# standard. One row for every such word (linking._NOT_TOOLS, written out by hand here): without
# its word, each row's "X 2" is a Method (seed 121 found "in Test 2" untested).
@pytest.mark.parametrize("text", [
    "The yields are given in Table 4 for each farm.",
    "The trend is plotted in Figure 3 for each district.",
    "The trend is plotted in Fig 3 for each district.",
    "The model is set out in Chapter 2 of the thesis.",
    "The data are described in Section 3 below.",
    "The right is stated in Article 5 of the Constitution.",
    "The rule is stated in Paragraph 4 of the order.",
    "The questionnaire is given in Appendix 2 of the thesis.",
    "The maps are given in Annex 1 of the report.",
    "The cases are analysed in Part 2 of the work.",
    "The pupils wrote essays in Phase 2 of the study.",
    "The pupils wrote essays in Stage 3 of the study.",
    "The weights are normalised in Step 4 of the procedure.",
    "The pupils in Group 2 read more.",
    "Patients with Type 2 diabetes were older.",
    "The pupils in Level 3 read more.",
    "The pupils in Grade 9 read more.",
    "The pupils in Class 7 read more.",
    "The answers given in Wave 2 were shorter.",
    "The experts agreed in Round 2 of the poll.",
    "The coefficient is larger in Model 3 than before.",
    "The runoff falls in Scenario 2 by midcentury.",
    "The letters are printed in Volume 2 of the edition.",
    "The letters are printed in Vol 2 of the edition.",
    "The decree was published in No 4 of the gazette.",
    "The review appeared in Issue 2 of the journal.",
    "The poem is quoted in Page 12 of the almanac.",
    "The wells drilled in Block 3 were dry.",
    "The pastures in Zone 2 were grazed less.",
    "The topic is taught in Unit 4 of the course.",
    "The passengers of Line 2 waited longer.",
    "The mice in Experiment 2 gained weight.",
    "The pupils scored higher in Test 2 than in the pretest.",
    "The grains in Sample 3 were finer.",
    "The soils in Site 2 were saline.",
    "The wheat in Plot 5 ripened earlier.",
    "The seeds in Lot 3 germinated later.",
    "The cracks in Series 2 were wider.",
    "The errors in Version 2 of the text were corrected.",
    "The transition to Industry 4.0 reached the plants.",
    "Schools moved to Web 2.0 tools.",
    "Schools closed in the COVID 19 period.",
    "The pupils studied online in Covid 19 times.",
    "The clinics saw SARS 2 cases.",
    "The pupils failed in Task 3 most often.",
    "The survey serves in Objective 2 of the plan.",
    "The answers in Item 7 were mixed.",
    "The odds rose (OR 2.1) in rural areas.",
    "The risk rose (HR 1.8) among smokers.",
    "The risk rose (RR 1.4) among smokers.",
    "The effect held (CI 1.3) in all regions.",
    "The classifier reached AUC 0.91 on the test set.",
    "The data are shared under CC BY-NC 4.0 on the portal.",
    "The data are shared under CC BY-SA 4.0 on the portal.",
    "The data are shared under CC BY-ND 4.0 on the portal.",
    "The plants follow ISO 9 rules.",
    "The plants follow IEC 6 rules.",
    "The plants follow EN 2 rules.",
    "The plants follow DIN 5 rules.",
    "The plants follow ASTM 7 rules.",
    "The plants follow GOST 8 rules.",
])
def test_a_numbered_part_stage_or_measure_after_a_word_of_use_is_no_tool(text):
    assert "Method" not in _candidates(text, "en", "relevance").values()


# Only an English abstract reads its Cyrillic quotes again with the Russian and Kazakh vocabularies
# (publication lists, approbation); a Russian or a Kazakh abstract is read with its own alone, so a
# quote in the other Cyrillic language links nothing (a limit of recall, pinned here: seed 121's
# `linking.py:300` and → or would read them too).
@pytest.mark.parametrize("text, lang, found", [
    ("The study draws on the programme «Білімді Қазақстан» of 2019–2021.", "en", ["actor/kazakhstan"]),
    ("Исследование опирается на данные программы «Білімді Қазақстан» за 2019–2021 годы.", "ru", []),
    ("Зерттеу «Образование в Казахстане» жинағының деректеріне сүйенеді.", "kk", []),
])
def test_only_an_english_abstract_reads_its_quotes_in_another_language(text, lang, found):
    assert [str(m.entity).split("/id/", 1)[1] for m in find_mentions(text, lang, kind="relevance")] == found


# An English abstract with Kazakh letters in it reads its Cyrillic words with the Russian
# vocabulary, then with the Kazakh one; a name both of them know (a city, a programme) is found
# once, by the first (seed 131's `linking.py:308`, the span's mark read as 2, found each twice).
@pytest.mark.parametrize("text, found", [
    ("Teachers from Алматы and Шымкент answered the questionnaire «Мұғалімнің кәсіби өсуі» in 2022.",
     [("Алматы", "actor/almaty"), ("Шымкент", "actor/shymkent")]),
    ("The programme «Рухани жаңғыру» was read against the survey of Қарағанды schools.",
     [("Рухани жаңғыру", "initiative/rukhani-zhangyru"), ("Қарағанды", "actor/karaganda")]),
    ("Field notes were taken in Түркістан and Тараз during 2021–2022.",
     [("Түркістан", "actor/turkistan"), ("Тараз", "actor/taraz")]),
])
def test_a_cyrillic_name_in_an_english_abstract_is_found_once(text, found):
    assert [(m.exact, str(m.entity).split("/id/", 1)[1]) for m in find_mentions(text, "en", kind="relevance")] == found


# A label whose word before a dot is two letters long ("St. Louis", "Kh. Dosmukhamedov", "M.Kh.
# Dulaty") is found whole: the dot after an initial or an abbreviation joins its words.
@pytest.mark.parametrize("text, exact, entity", [
    ("The fieldwork was carried out in St. Louis in 2019.", "St. Louis", "actor/st-louis"),
    ("Teachers of Kh. Dosmukhamedov Atyrau University took part.", "Kh. Dosmukhamedov Atyrau University",
     "actor/dosmukhamedov-university"),
    ("The data came from M.Kh. Dulaty Taraz Regional University.", "M.Kh. Dulaty Taraz Regional University",
     "actor/dulaty-university"),
])
def test_a_label_with_a_two_letter_abbreviation_is_found_whole(text, exact, entity):
    assert [(m.exact, str(m.entity).split("/id/", 1)[1]) for m in find_mentions(text, "en", kind="relevance")] \
        == [(exact, entity)]


@pytest.mark.parametrize("text, lang, names", [
    ("Нормы согласованы с КазГАСА и КарГТУ.", "ru", ["КазГАСА", "КарГТУ"]),
    ("Сынақтар ҚазҰТЗУ-дың зертханасында жүргізілді.", "kk", ["ҚазҰТЗУ"]),
    ("Tests were run at KazATU; McKinsey and LaTeX are no acronyms of this kind.", "en", ["KazATU"]),
])
def test_an_acronym_with_a_syllable_in_lower_case_is_a_candidate(text, lang, names):
    found = _candidates(text, lang, "significance")
    # (a university's acronym, «…ТУ», is suggested as one)
    assert sorted(n for n, c in found.items() if c in ("Organization", "University")) == sorted(names), found


@pytest.mark.parametrize("text, lang, names", [
    ("Orders placed through Arbuz.kz and Chocofamily.kz were compared.", "en", ["Arbuz.kz", "Chocofamily.kz"]),
    ("Тапсырыстар Arbuz.kz қызметі арқылы берілді.", "kk", ["Arbuz.kz"]),
    ("Data: https://arbuz.kz/catalog, www.arbuz.kz and orders@arbuz.kz.", "en", []),
])
def test_a_service_named_by_its_web_address_is_an_organisation(text, lang, names):
    found = _candidates(text, lang, "relevance")
    assert sorted(n for n, c in found.items() if c == "Organization") == names, found


def test_standards_a_test_follows_are_methods_with_the_ones_listed_beside_them():
    # KEYS.md: a standard used as a method is a method ("tested according to …"); the standards
    # listed with it share its class
    found = _candidates("Samples were tested according to ISO 9237 and ASTM D737.", "en", "methods")
    assert found.get("ISO 9237") == found.get("ASTM D737") == "Method"


@pytest.mark.parametrize("text, lang, name", [
    ("Грунты испытаны по ГОСТ 12248-2010 и СП РК 5.01-102-2013.", "ru", "ГОСТ 12248-2010"),
    ("Грунты испытаны по ГОСТ 12248-2010 и СП РК 5.01-102-2013.", "ru", "СП РК 5.01-102-2013"),
    # Kazakhstan's codes transliterated, and a Eurocode by its part number, even after "in"
    ("Loads follow SN RK 2.04-01-2011 and the design checks in Eurocode 2.", "en", "SN RK 2.04-01-2011"),
    ("Loads follow SN RK 2.04-01-2011 and the design checks in Eurocode 2.", "en", "Eurocode 2"),
    # the engineering societies' codes, series letters before or after the number
    ("Welds were checked to API 1104 and ASME B31G, inspection planning as in API RP 580.", "en", "API 1104"),
    ("Welds were checked to API 1104 and ASME B31G, inspection planning as in API RP 580.", "en", "ASME B31G"),
    ("Welds were checked to API 1104 and ASME B31G, inspection planning as in API RP 580.", "en", "API RP 580"),
    ("Катодная защита выполнена по NACE SP0502.", "ru", "NACE SP0502"),
    # a European Union act by its number
    ("Отчет следует Директиве 2012/19/EU об отходах электрооборудования.", "ru", "2012/19/EU"),
    ("Еуропалық Одақтың 2016/679 (ЕО) регламенті мен 2012/19/ЕО директивасы салыстырылды.", "kk", "2012/19/ЕО"),
])
def test_a_standard_by_its_number_is_an_initiative(text, lang, name):
    assert _candidates(text, lang, "relevance").get(name) == "Initiative"


@pytest.mark.parametrize("text, lang, name, cls", [
    # where the work states its methods, a standard named is one it applies (KEYS.md) ...
    ("Грунты испытаны по ГОСТ 12248-2010 и СП РК 5.01-102-2013.", "ru", "ГОСТ 12248-2010", "Method"),
    # ... but a building code is the norm a design meets
    ("Грунты испытаны по ГОСТ 12248-2010 и СП РК 5.01-102-2013.", "ru", "СП РК 5.01-102-2013", "Initiative"),
    ("Тәуекел ISO 45001 және ISO 31000 негізінде бағаланды.", "kk", "ISO 31000", "Method"),
])
def test_a_standard_named_among_the_methods_is_applied(text, lang, name, cls):
    assert _candidates(text, lang, "methods").get(name) == cls


@pytest.mark.parametrize("text, lang, name", [
    # a standard done by, or a measurement done according to one whose verb closes the clause
    ("Hydrolytic resistance was determined by ISO 719 and strength using ASTM C1499.", "en", "ISO 719"),
    ("Hydrolytic resistance was determined by ISO 719 and strength using ASTM C1499.", "en", "ASTM C1499"),
    ("Жалпы дене дірілі ISO 2631-1 стандарты бойынша үш осьті діріл өлшегішімен өлшенді.", "kk", "ISO 2631-1"),
])
def test_a_standard_a_measurement_is_done_by_is_a_method_anywhere(text, lang, name):
    assert _candidates(text, lang, "relevance").get(name) == "Method"


@pytest.mark.parametrize("text, lang, name", [
    ("Disproportionality was measured by the Loosemore–Hanby index.", "en", "Loosemore–Hanby index"),
    ("Тіс жегісі Ортиз индексімен бағаланды.", "kk", "Ортиз индексімен"),
    # a citation index is a bibliographic database
    ("Journals were drawn from the Emerging Sources Citation Index.", "en", None),
])
def test_a_named_index_is_a_method(text, lang, name):
    found = _candidates(text, lang, "methods")
    if name is None:
        assert found.get("Emerging Sources Citation Index") == "Initiative", found
    else:
        assert found.get(name) == "Method", found


@pytest.mark.parametrize("text, lang, kind", [
    ("С отказом связаны недоверие (ОШ 3,1; 95 % ДИ 1,8–5,2).", "ru", "research"),
    ("mortality was higher (OR = 2.4; 95 % CI 1.3-4.1)", "en", "research"),
])
def test_an_abbreviation_before_a_figure_is_a_measure_not_a_body(text, lang, kind):
    assert not _candidates(text, lang, kind)


def test_an_abbreviation_before_a_year_is_still_a_candidate():
    assert _candidates("Решения саммита ДКСО 2019 года выполнены.", "ru", "relevance").get("ДКСО") == "Organization"


@pytest.mark.parametrize("text, lang", [
    ("В первой главе «Историография и источники» дан анализ литературы.", "ru"),
    ("Chapter 2, “Cinema and the City”, reads the films of the 1990s.", "en"),
    ("«Қазақ әдебиетінің тарихы» атты бірінші тарауда әдебиет тарихы қарастырылды.", "kk"),
])
def test_a_chapters_title_in_quotes_is_no_initiative(text, lang):
    assert not _candidates(text, lang, "content")


def test_a_quoted_programme_is_still_a_candidate():
    assert _candidates("Принята программа «Культурное наследие народов Евразии».", "ru", "relevance")


@pytest.mark.parametrize("text, lang, entity", [
    ("споры о водах Сырдарьи и Амударьи", "ru", "syr-darya"),
    ("споры о водах Сырдарьи и Амударьи", "ru", "amu-darya"),
    ("усыхание Аральского моря", "ru", "aral-sea"),
    ("месторождения Рудного Алтая", "ru", "rudny-altai"),
    ("Ертіс өзенінің бассейні", "kk", "irtysh"),
    ("Ертістегі су тасқыны", "kk", "irtysh"),
    ("wells of the Pre-Caspian Basin", "en", "caspian-depression"),
    ("the Kashagan and Tengiz fields", "en", "tengiz-field"),
    ("курганы Семиречья", "ru", "semirechye"),
])
def test_rivers_seas_mountains_and_fields_are_places(text, lang, entity):
    assert entity in _places(text, lang)


@pytest.mark.parametrize("text, name", [
    ("The study draws on Henri Lefebvre's theory of the production of space.", "Henri Lefebvre"),
    ("It reads Rashid Nugmanov's films of the late 1980s.", "Rashid Nugmanov"),
    ("The analysis follows Bourdieu's concept of capital.", "Bourdieu"),
    ("The rites are read through Arnold van Gennep's theory of passage.", "Arnold van Gennep"),
])
def test_a_scholar_named_by_the_possessive_of_a_theory_is_a_person(text, name):
    assert _candidates(text, "en", "theoretical-basis").get(name) == "Person"


@pytest.mark.parametrize("text, lang, name, cls", [
    # Russian and Kazakh keep the scholar inside the theory's name, in the genitive
    ("Опорой служит теория устойчивых коалиций В. Дробышева.", "ru",
     "теория устойчивых коалиций В. Дробышева", "Theory"),
    ("Опорой служит «теория мягкого торга» Р. Ансельма.", "ru", "«теория мягкого торга» Р. Ансельма", "Theory"),
    ("Применена теория распределённого доверия К. Лоренца и П. Мейера.", "ru",
     "теория распределённого доверия К. Лоренца и П. Мейера", "Theory"),
    ("Жұмыс Т. Бергманның шекаралық сәйкестік теориясы негізінде жазылды.", "kk",
     "Т. Бергманның шекаралық сәйкестік теориясы", "Theory"),
    # a Kazakh theory named in quotes before its head
    ("Зерттеу Т. Бергманның «шекаралық мәдениет» тұжырымдамасына сүйенеді.", "kk",
     "Т. Бергманның «шекаралық мәдениет» тұжырымдамасына", "Theory"),
])
def test_a_scholar_inside_a_russian_or_kazakh_theory_name_is_part_of_it(text, lang, name, cls):
    found = _candidates(text, lang, "theoretical-basis")
    assert found.get(name) == cls, found
    assert "Person" in found.values(), found   # the scholar stays a person too (published-2/-3 keys)


def test_a_scholar_after_a_theory_but_in_the_nominative_stays_a_person():
    found = _candidates("В рамках этой теории К. Лоренц описал три типа доверия.", "ru", "theoretical-basis")
    assert found.get("К. Лоренц") == "Person", found


# A phrase in lower case in quotes is a theory in a theoretical section when a word of one is in it:
# «күш» (power), «қауіпсіздік» (security) in Kazakh as "power" in English (seed 141, linking.py:854).
@pytest.mark.parametrize("text, lang, name", [
    ("Жұмыс «нормативтік күш» идеясына сүйенеді.", "kk", "нормативтік күш"),
    ("Жұмыс «аймақтық күштер теңгерімі» ұғымына сүйенеді.", "kk", "аймақтық күштер теңгерімі"),
    ("Жұмыс «экологиялық қауіпсіздік» идеясына сүйенеді.", "kk", "экологиялық қауіпсіздік"),
    ("The work draws on the idea of \"normative power\".", "en", "normative power"),
])
def test_a_quoted_phrase_with_a_theorys_word_is_a_theory(text, lang, name):
    assert _candidates(text, lang, "theoretical-basis").get(name) == "Theory"


def test_a_quoted_phrase_without_a_theorys_word_names_nothing():
    assert _candidates("Жұмыс «экономикалық ықпал» идеясына сүйенеді.", "kk", "theoretical-basis") == {}


@pytest.mark.parametrize("text, names", [
    ("The montage theory of Sergei Eisenstein and the realism of Andre Bazin frame the reading.",
     ["Sergei Eisenstein", "Andre Bazin"]),
    ("Interviews with Aigerim Sultanbekova and with the poet Olzhas Suleimenov were recorded.",
     ["Aigerim Sultanbekova", "Olzhas Suleimenov"]),
    ("In his novels Ilyas Yesenberlin describes the steppe.", ["Ilyas Yesenberlin"]),
    ("From Sergei Eisenstein's \"Strike\" onwards the crowd became a hero.", ["Sergei Eisenstein"]),
    # the letters of other Latin alphabets; a Polish surname's ending
    ("The fieldwork follows Bronisław Malinowski and Søren Kierkegaard wrote on it.", ["Bronisław Malinowski",
                                                                                       "Søren Kierkegaard"]),
])
def test_a_person_named_without_initials_is_a_person(text, names):
    found = _candidates(text, "en", "theoretical-basis")
    assert [n for n in names if found.get(n) == "Person"] == names, found


@pytest.mark.parametrize("text, lang, names", [
    ("Исследование опирается на труды Михаила Бахтина и Юрия Лотмана.", "ru", ["Михаила Бахтина", "Юрия Лотмана"]),
    ("Поэзия Олжаса Сулейменова и проза Ильяса Есенберлина сопоставлены.", "ru",
     ["Олжаса Сулейменова", "Ильяса Есенберлина"]),
    ("Жұмыс Сәкен Сейфуллиннің және Бауыржан Момышұлының еңбектеріне сүйенеді.", "kk",
     ["Сәкен Сейфуллиннің", "Бауыржан Момышұлының"]),
    ("Шәкәрім Құдайбердіұлы мен Мағжан Жұмабаевтың поэзиясы қарастырылды.", "kk", ["Мағжан Жұмабаевтың"]),
    # a surname in -ский that is also an adjective and a place's name in the dictionary
    ("Архивные материалы предоставил Иван Каспийский из Актау.", "ru", ["Иван Каспийский"]),
    # a surname the dictionary does not know, by its ending, from five letters
    ("Архивные материалы предоставили Ерлан Нуров и Марат Абаев из Актау.", "ru", ["Ерлан Нуров", "Марат Абаев"]),
])
def test_a_cyrillic_name_without_initials_is_a_person(text, lang, names):
    found = _candidates(text, lang, "theoretical-basis")
    assert [n for n in names if found.get(n) == "Person"] == names, found


@pytest.mark.parametrize("text, lang", [
    ("Работа выполнена в Западно-Казахстанской области и Северо-Казахстанском университете.", "ru"),
    ("Зерттеу Абай облысы мен Жетісу облысында жүргізілді.", "kk"),
    ("Данные Агентства Республики Казахстан по статистике обработаны.", "ru"),
])
def test_place_and_body_names_are_no_cyrillic_persons(text, lang):
    assert "Person" not in _candidates(text, lang, "theoretical-basis").values()


@pytest.mark.parametrize("text", [
    "The Paris Agreement binds Kazakhstan to lower its emissions.",
    "Losses were estimated by Monte Carlo simulation over ten thousand runs.",
    "Water of the Aral Sea and the Chad Basin was compared.",
    "Students of Nazarbayev University and Victoria University were surveyed.",
    # a season is a given name too, and the event's name is no English word
    "Volunteers of the 2017 Summer Universiade and of the Winter Olympiad were interviewed.",
])
def test_a_given_name_inside_another_name_names_no_person(text):
    assert "Person" not in _candidates(text, "en", "theoretical-basis").values()


@pytest.mark.parametrize("text", [
    "Kazakhstan's model of development was studied.",
    "Students' views were collected in three regions.",
    "Nazarbayev University's approach to admissions changed.",
])
def test_a_possessive_of_a_state_or_body_names_no_person(text):
    assert "Person" not in _candidates(text, "en", "theoretical-basis").values()


def test_a_possessive_before_a_theory_is_its_author_not_part_of_its_name():
    found = _candidates("The study draws on Henri Lefebvre's theory of the production of space. "
                        "We use Bourdieu's theory.", "en", "theoretical-basis")
    assert not [n for n, c in found.items() if c == "Theory" and ("'s" in n or "We" in n)], found
    assert any(n.startswith("theory of the production") for n, c in found.items() if c == "Theory"), found


def test_the_lexicon_cache_key_follows_the_vocabularies_and_the_code_as_imported(tmp_path, monkeypatch):
    import shutil

    from dissertation_kg.mappings import lexicon_store
    from dissertation_kg.mappings.resources import ontology_dir

    vocabularies = tmp_path / "vocabularies"
    shutil.copytree(ontology_dir() / "vocabularies", vocabularies)
    before = lexicon_store.key(vocabularies)
    theories = vocabularies / "theories.ttl"
    theories.write_text(theories.read_text(encoding="utf-8").replace('"realism"@en', '"political realism"@en'),
                        encoding="utf-8")
    assert lexicon_store.key(vocabularies) != before
    # The code's part was read when the mappers were imported: a source file edited on disk
    # while a process runs must not give that process's old code the new code's key.
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda self: (_ for _ in ()).throw(AssertionError(self))
                        if self.suffix == ".py" else real(self))
    lexicon_store.key(vocabularies)


def test_the_vocabularies_read_by_oxigraph_are_the_entries_rdflib_reads(tmp_path):
    import shutil

    from dissertation_kg.mappings import vocabulary
    from dissertation_kg.mappings.resources import ontology_dir

    folder = tmp_path / "vocabularies"
    shutil.copytree(ontology_dir() / "vocabularies", folder)
    # one statement in two files is one statement of the merged graph; an entry may be described
    # in two files (its label added by a curator in another)
    (folder / "extra.ttl").write_text(
        '@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n'
        '<https://w3id.org/dissertation-kg/id/theory/realism> skos:altLabel "realism"@en , '
        '"realist school"@en .\n', encoding="utf-8")
    (folder / "dismissed.ttl").write_text(
        (folder / "dismissed.ttl").read_text(encoding="utf-8")
        + '\n[] a dkg:DismissedName ; rdfs:label "Erasmus Programme"@en .\n'
        + '<https://w3id.org/dissertation-kg/id/dismissed/x> a dkg:DismissedName ; rdfs:label "Astana Hub"@ru .\n',
        encoding="utf-8")
    fast, dismissed = vocabulary._load_cached(str(folder))
    graph = vocabulary.load_graph(folder)
    slow = vocabulary._entries(graph)
    assert [(e.iri, e.cls, e.pref, {k: sorted(v) for k, v in e.alt.items()}, e.definition, e.same_as, e.iso3166)
            for e in fast] == [(e.iri, e.cls, e.pref, {k: sorted(v) for k, v in e.alt.items()}, e.definition,
                                e.same_as, e.iso3166) for e in slow]
    realism = next(e for e in fast if str(e.iri).endswith("/theory/realism"))
    assert realism.alt["en"].count("realism") <= 1 and "realist school" in realism.alt["en"]
    assert dismissed == frozenset((str(l), l.language or "") for s in graph.subjects(RDF.type, DKG.DismissedName)
                                  for l in graph.objects(s, rdflib.RDFS.label))
    assert {("Erasmus Programme", "en"), ("Astana Hub", "ru")} <= dismissed
    (folder / "extra.ttl").write_text("<a> <b> \"unclosed .\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"extra\.ttl is not valid Turtle"):
        vocabulary._load_cached.__wrapped__(str(folder))


def test_a_vocabulary_edit_compiles_with_the_earlier_words_keys_to_the_same_lexicon(tmp_path, monkeypatch):
    from dissertation_kg.mappings import lexicon_store, linking, vocabulary
    from dissertation_kg.mappings.vocabulary import Entry

    monkeypatch.setenv("DKG_LEXICON_CACHE", str(tmp_path / "cache"))
    entries = vocabulary.load_entries()
    assert lexicon_store.label_keys() == {}
    keys = lexicon_store.label_keys()
    linking.compile_lexicon(entries, keys=keys)
    lexicon_store.keep_label_keys(keys)
    remembered = lexicon_store.label_keys()
    assert remembered == keys and len(keys) > 10_000
    # an alias added by a curator: new words beside the remembered ones
    edited = entries + (Entry(URIRef(ID + "theory/test-soil-memory"), "Theory",
                              {"en": "soil memory theory", "ru": "теория почвенной памяти"}),)
    fresh = linking.compile_lexicon(edited)
    again = linking.compile_lexicon(edited, keys=remembered)
    assert again.tries == fresh.tries and again.pairs == fresh.pairs and again.titles == fresh.titles
    assert remembered[("почвенной", "ru")] == "почвенный"
    # a key remembered under other code is never read: the file is named by the code's digest
    monkeypatch.setattr(lexicon_store, "_CODE_DIGEST", b"other code")
    assert lexicon_store.label_keys() == {}


@pytest.mark.parametrize("text, lang", [
    ("Files: summary_kk.pdf  Format: PDF  View/Open. Collection: Theses (PhD). EPrints software © 2010.", "en"),
    ("Аннотацию можно скачать (DOCX), отзыв оппонента (PDF); вкладки «Қазақша» и «English».", "ru"),
    ('Tabs: "Русский" | "Қазақша" | "English"', "en"),
    # a switcher's tabs by the languages' codes, each an acronym otherwise (seed 141, page_chrome.py:26)
    ("Language: KAZ | RUS | ENG. The abstract is given in three languages.", "en"),
    ("Тіл: KAZ | RUS | ENG. Аннотация үш тілде берілген.", "kk"),
    # the journal software in quotes, spelled out (a capitalised run with a programme's word)
    ("Выпуски журнала размещены на платформе «Open Journal Systems».", "ru"),
])
def test_the_words_of_the_page_around_an_abstract_are_no_candidates(text, lang):
    assert _candidates(text, lang, "relevance") == {}


@pytest.mark.parametrize("text, lang, name, cls", [
    # a market or a site named in quotes after its kind, the kind ending the line before
    ("Интервью собраны на рынке\n«Толкучка» в течение года.", "ru", "рынке\n«Толкучка»", "Organization"),
    ("Пробы отобраны на площадке «Балапан» в 2020 году.", "ru", "площадке «Балапан»", "Region"),
    ("Сынақтар «Балапан» алаңы маңында өткізілді.", "kk", "«Балапан» алаңы", "Region"),
    # a second quoted name joined to the first is of its kind
    ("Интервью собраны на рынках «Толкучка» и «Жибек Жолы».", "ru", "«Жибек Жолы»", "Organization"),
])
def test_a_quoted_market_or_site_is_named_by_its_kind(text, lang, name, cls):
    assert _candidates(text, lang, "task").get(name) == cls


# --------------------------------------------------------------------------- two-script words


@pytest.mark.parametrize("text, lang, entity, quote", [
    # a Latin K for Қ before a back vowel, a Latin A for А: linked, quoted as typed
    ("Бұл жұмыс Kазақстанның оңтүстігіндегі фермаларда жүргізілді.", "kk", "actor/kazakhstan", "Kазақстанның"),
    ("Исследование проведено в Kазахстане в 2021 году.", "ru", "actor/kazakhstan", "Kазахстане"),
])
def test_a_word_typed_with_latin_look_alikes_is_linked_and_quoted_as_written(text, lang, entity, quote):
    g = rdflib.Graph()
    annotate(g, _seed_components({lang: text}), work=WORK, source=SOURCE)
    assert URIRef(str(ID) + entity) in set(g.objects(None, ITSRDF.taIdentRef))
    assert quote in {str(o) for o in g.objects(None, NIF.anchorOf)}


def test_a_latin_k_is_the_kazakh_hard_k_only_in_a_word_with_kazakh_letters():
    from dissertation_kg.mappings.script_folding import fold
    # (a font that maps Қ to K leaves Kazakh letters beside it; «Kарта» is the loan word «карта»)
    assert fold("Kарта мен Kазақ", "kk") == "Карта мен Қазақ"


def test_folding_keeps_offsets_and_leaves_words_in_two_scripts_on_purpose():
    from dissertation_kg.mappings.script_folding import fold
    text = "Kазақ тілі, Кeрек, iPhone-ы, Windows"
    folded = fold(text, "kk")
    assert len(folded) == len(text)
    assert folded == "Қазақ тілі, Керек, iPhone-ы, Windows"


@pytest.mark.parametrize("text, lang, acronym", [
    ("The plant would cost EUR 2.3 billion and raise regional GDP by a tenth.", "en", "GDP"),
    ("The plant would cost EUR 2.3 billion and raise regional GDP by a tenth.", "en", "EUR"),
    ("Most SMEs in the sector lack export credit.", "en", "SMEs"),
    ("Доля МСП в структуре ВВП региона растёт.", "ru", "МСП"),
    ("Доля МСП в структуре ВВП региона растёт.", "ru", "ВВП"),
    # a kind of school, a category of young people, a kind of message
    ("Әдістеме педагогикалық ЖОО студенттеріне арналған.", "kk", "ЖОО"),
    ("Выпускники ВУЗ и ССУЗ чаще попадают в категорию NEET.", "ru", "ССУЗ"),
    ("Выпускники ВУЗ и ССУЗ чаще попадают в категорию NEET.", "ru", "NEET"),
    ("Clients got an SMS reminder from partner HEIs.", "en", "SMS"),
    ("Clients got an SMS reminder from partner HEIs.", "en", "HEIs"),
])
def test_an_acronym_of_a_currency_a_measure_or_a_kind_of_firm_is_no_candidate(text, lang, acronym):
    assert acronym not in _candidates(text, lang, "relevance")


@pytest.mark.parametrize("text, lang, names", [
    # a list that opens with a company found by its shape goes on with companies, name by name
    ("Отзывы покупателей Technodom.kz, Sulpak, Mechta и Alser сопоставлены.", "ru", ["Sulpak", "Mechta", "Alser"]),
    ("Shoppers of Technodom.kz, Sulpak, Mechta and Alser were compared.", "en", ["Sulpak", "Mechta", "Alser"]),
])
def test_a_list_opened_by_a_company_goes_on_with_companies(text, lang, names):
    found = _candidates(text, lang, "aim")
    assert [found.get(n) for n in names] == ["Organization"] * len(names)


@pytest.mark.parametrize("text, lang, name", [
    # a registry, a database or an atlas named in capitals is a source of data: a method
    ("Cases were drawn from the National Registry of Congenital Anomalies in 2019.", "en",
     "National Registry of Congenital Anomalies"),
    ("Yields were checked against the Global Soil Atlas and local records.", "en", "Global Soil Atlas"),
])
def test_a_named_registry_database_or_atlas_is_a_method(text, lang, name):
    assert _candidates(text, lang, "provision").get(name) == "Method"


@pytest.mark.parametrize("text, lang, entity", [
    ("Вероятность занятости оценена методом логит-регрессии.", "ru", "method/logistic-regression"),
    ("Экспозиция детей к свинцу оценена с помощью биомониторинга.", "ru", "method/biomonitoring"),
    ("Балалардың қорғасынмен әсерленуі биомониторинг арқылы бағаланды.", "kk", "method/biomonitoring"),
])
def test_logit_regression_and_biomonitoring_are_named_in_russian_and_kazakh(text, lang, entity):
    assert entity in names(text, lang)


# --------------------------------------------------------------------------- tenth corpus's classes (issue #10)

def test_the_letter_o_inside_a_number_is_read_as_a_zero():
    from dissertation_kg.mappings.script_folding import fold
    text = "коды МКБ-1О, пакет Stata 1О.О, план на 2О2О-2О25 годы, 1OO8 г.; ООН, O2, CO2, H2O"
    folded = fold(text, "ru")
    assert len(folded) == len(text)
    assert folded == "коды МКБ-10, пакет Stata 10.0, план на 2020-2025 годы, 1008 г.; ООН, O2, CO2, H2O"


@pytest.mark.parametrize("text, lang, quote", [
    ("Данные обработаны в пакете SPSS 21.0, а затем сверены.", "ru", "SPSS 21.0"),
    ("Data were analysed in SPSS 25 and checked twice.", "en", "SPSS 25"),
    # a scanned text's O for zero in the version
    ("статистический (пакет SPSS 11.О).", "ru", "SPSS 11.О"),
])
def test_a_programs_version_is_part_of_its_mention(text, lang, quote):
    g = rdflib.Graph()
    annotate(g, _seed_components({lang: text}), work=WORK, source=SOURCE)
    assert any(quote in str(o) for o in g.objects(None, NIF.anchorOf))


@pytest.mark.parametrize("text, lang, name, cls", [
    # a Russian body's field after «по» or «против» is part of its name
    ("Мы изучили доклады Совета по морским биологическим ресурсам и их выводы.", "ru",
     "Совета по морским биологическим ресурсам", "InternationalOrganization"),
    ("Обобщён опыт Группы стран против торговли людьми в регионе.", "ru",
     "Группы стран против торговли людьми", "Organization"),
    ("Решения Комитета по делам ветеранов, принятые позже, учтены.", "ru",
     "Комитета по делам ветеранов", "GovernmentBody"),
    # a Kazakh research institute opens a sentence with what it studies
    ("Бау шаруашылығы ғылыми-зерттеу институтының тәжірибе алқабында өлшенді.", "kk",
     "Бау шаруашылығы ғылыми-зерттеу институтының", "NonGovernmentalOrganization"),
    # a board is a body, a guide and a directive are what bodies publish
    ("The rules of the Global Audit Oversight Board (GAOB) were compared.", "en",
     "Global Audit Oversight Board", "GovernmentBody"),
    ("Reports follow the Green Bond Reference Guide of the regulator.", "en", "Green Bond Reference Guide", "Initiative"),
    ("The Packaging Waste Framework Directive was transposed late.", "en", "Packaging Waste Framework Directive", "Law"),
    # an instrument of measurement and a classification are methods
    ("Recovery was scored with the Stroke Mobility Measure and the International Classification of Injuries.", "en",
     "Stroke Mobility Measure", "Method"),
    ("Recovery was scored with the Stroke Mobility Measure and the International Classification of Injuries.", "en",
     "International Classification of Injuries", "Method"),
    # an acronym after the word for a scale is a scale; after the word for a standard, a standard
    ("Впервые оценена тяжесть инсульта по шкале NIHSS у пожилых.", "ru", "NIHSS", "Method"),
    ("Чувствительность определена по стандарту EUCAST в 2022 году.", "ru", "EUCAST", "Initiative"),
])
def test_the_tenth_corpus_classes_of_names(text, lang, name, cls):
    assert _candidates(text, lang, "relevance").get(name) == cls


@pytest.mark.parametrize("text, lang, name", [
    # a body's field stops before a preposition or a verb
    ("Обобщён опыт Группы стран против торговли с соседями.", "ru", "Группы стран против торговли"),
])
def test_a_bodys_field_stops_at_a_preposition(text, lang, name):
    assert name in _candidates(text, lang, "relevance")


@pytest.mark.parametrize("text, lang, acronym", [
    ("Listed firms publish ESG reports and run PPP projects with PET packaging.", "en", "ESG"),
    ("Listed firms publish ESG reports and run PPP projects with PET packaging.", "en", "PPP"),
    ("Listed firms publish ESG reports and run PPP projects with PET packaging.", "en", "PET"),
    ("Нагрузка на врачей ПМСП в районе растёт.", "ru", "ПМСП"),
])
def test_an_acronym_of_a_practice_a_contract_or_a_material_is_no_candidate(text, lang, acronym):
    assert acronym not in _candidates(text, lang, "relevance")


@pytest.mark.parametrize("text, lang, name, cls", [
    # a road map and a national project name themselves as a plan and a programme do
    ("Цены растут. Дорожная карта развития водного транспорта до 2030 года ставит цели.", "ru",
     "Дорожная карта развития водного транспорта до 2030 года", "ActionPlan"),
    ("The Road Map for Digital Health until 2027 was adopted.", "en", "Road Map for Digital Health until 2027", "ActionPlan"),
    ("Шығын «Сумен жабдықтау жөніндегі 2023–2027 жылдарға арналған ұлттық жоба» бойынша есептелді.", "kk",
     "Сумен жабдықтау жөніндегі 2023–2027 жылдарға арналған ұлттық жоба", "Programme"),
])
def test_a_road_map_and_a_national_project_name_themselves(text, lang, name, cls):
    from dissertation_kg.mappings import self_named
    found = {text[d.start:d.end]: d.cls for d in self_named.find(text, lang)}
    assert any(name in span and c == cls for span, c in found.items()), found


@pytest.mark.parametrize("text, name", [
    # a code or a law named by what it is about, up to the next document
    ("обоснован принцип Кодекса о лесах и лесопользовании в работе.", "Кодекса о лесах и лесопользовании"),
    ("сопоставлены нормы Кодекса о лесах и Закона о связи; предложена схема.", "Кодекса о лесах"),
    ("сопоставлены нормы Кодекса о лесах и Закона о связи; предложена схема.", "Закона о связи"),
])
def test_a_code_or_law_is_named_by_what_it_is_about(text, name):
    assert _candidates(text, "ru", "novelty").get(name) == "Law"


@pytest.mark.parametrize("text, lang, name, cls", [
    # a power plant is an organisation, a company by its legal form after a Latin name
    ("«Қарабас-Күн-3» станциясында панельдер тазаланды.", "kk", "«Қарабас-Күн-3» станциясында", "Organization"),
    ("Өлшеулер Steppe-Wind Power серіктестігімен бірлесіп жүргізілді.", "kk", "Steppe-Wind Power", "Organization"),
    # an acronym before the word for a database is a source of data
    ("Желдің жылдамдығы MERRA дерекқоры бойынша бағаланды.", "kk", "MERRA", "Method"),
])
def test_a_plant_a_company_and_a_database_by_the_word_beside_them(text, lang, name, cls):
    assert _candidates(text, lang, "relevance").get(name) == cls


@pytest.mark.parametrize("text, lang, name", [
    # a statistic's value and a licence's version are no tools
    ("Early mobilisation lowered mortality (OR 0.71; HR 1.8) in the cohort.", "en", "OR 0.71"),
    ("Early mobilisation lowered mortality (OR 0.71; HR 1.8) in the cohort.", "en", "HR 1.8"),
    ("The article is published under CC BY-SA 4.0 terms.", "en", "BY-SA 4.0"),
    # a count before a Kazakh kind names nothing
    ("Талдау Шымкент және Тараз қалаларының 45 жобасы бойынша жүргізілді.", "kk", "Тараз қалаларының 45 жобасы"),
])
def test_a_statistic_a_licence_and_a_count_are_no_names(text, lang, name):
    assert not any(name in found or found in name and len(found) > 4 for found in _candidates(text, lang, "methods"))


@pytest.mark.parametrize("text, lang, name, cls", [
    # a Kazakh name's acronym in Latin letters keeps the h of its digraphs
    ("Grid companies such as Shygys Zharyk Company (ShZhK) lag; ShZhK has no tariff.", "en", "ShZhK", "Organization"),
    # an acronym a report follows or complies with is a guideline or a standard
    ("Reporting follows SQUIRE and testing was done in accordance with EUCAST.", "en", "SQUIRE", "Initiative"),
    ("Reporting follows SQUIRE and testing was done in accordance with EUCAST.", "en", "EUCAST", "Initiative"),
])
def test_a_transliterated_acronym_and_a_followed_guideline(text, lang, name, cls):
    assert _candidates(text, lang, "relevance").get(name) == cls


def test_a_word_with_a_digraph_is_no_acronym():
    assert "ChK" not in _candidates("Check the Shah and ChK values.", "en", "relevance")


# --------------------------------------------------------------------------- Kazakh in Latin letters

# invented parts of one abstract, in the 2018 (acute accents) and the 2021 (diacritics) alphabet:
# the texts, then the quotes expected of the ministry, the city, the method and the programme
_LATIN_KK = {
    "2018": (["Qazaqstan Respýblıkasy Bilim jáne ǵylym mınıstrligi zertteýdi Almaty qalasynda qoldady.",
              "Bilim berýdi damytýdyń 2020–2025 jyldarǵa arnalǵan memlekettik baǵdarlamasy talqylandy.",
              "Derekter faktorlyq taldaý jáne SPSS 26 baǵdarlamasy arqyly óńdeldi."],
             ["Qazaqstan Respýblıkasy Bilim jáne ǵylym mınıstrligi", "Almaty", "faktorlyq taldaý",
              "Bilim berýdi damytýdyń 2020–2025 jyldarǵa arnalǵan memlekettik baǵdarlamasy"]),
    "2021": (["Qazaqstan Respublikası Bilim jäne ğılım ministrligi zertteudi Almatı qalasında qoldadı.",
              "Bilim berudi damıtudıñ 2020–2025 jıldarğa arnalğan memlekettik bağdarlaması talqılandı.",
              "Derekter faktorlıq taldau jäne SPSS 26 bağdarlaması arqılı öñdeldi."],
             ["Qazaqstan Respublikası Bilim jäne ğılım ministrligi", "Almatı", "faktorlıq taldau",
              "Bilim berudi damıtudıñ 2020–2025 jıldarğa arnalğan memlekettik bağdarlaması"]),
}


@pytest.mark.parametrize("version", ["2018", "2021"])
def test_latin_kazakh_is_linked_on_its_cyrillic_fold_and_quoted_as_printed(version):
    # the vocabularies, the Kazakh endings and the shape rules apply as to Cyrillic; a program's
    # name («SPSS») stays in its letters, and every quote and offset is the document's
    texts, (ministry, city, method, programme) = _LATIN_KK[version]
    comps = [ComponentText(URIRef(f"{WORK}/{kind}/1"), kind, "kk", text)
             for kind, text in zip(("relevance", "task", "methods"), texts)]
    g = rdflib.Graph()
    cands = annotate(g, comps, work=WORK, source=SOURCE)
    found = {}
    for mention in g.subjects(RDF.type, NIF.Phrase):
        quote = str(g.value(mention, NIF.anchorOf))
        text = next(c.text for c in comps if c.node == g.value(g.value(mention, NIF.referenceContext), NIF.sourceUrl))
        assert text[g.value(mention, NIF.beginIndex).toPython():g.value(mention, NIF.endIndex).toPython()] == quote
        found[quote] = str(g.value(mention, ITSRDF.taIdentRef)).split("/id/", 1)[1]
    assert found == {ministry: "actor/ministry-education-science-kz", city: "actor/almaty",
                     method: "method/factor-analysis", "SPSS 26": "method/spss"}
    assert [(c.name, c.suggested_class, c.lang) for c in cands] == [(programme, "Programme", "kk")]


def test_a_kazakh_acronym_in_latin_letters_is_read_by_its_fold():
    # «QR» is no vocabulary's name, «ҚР» is: the acronym is Kazakh and opens the ministry's quote
    # (seed 251, linking.py:2706)
    text = "Zertteýdi QR Bilim jáne ǵylym mınıstrligi qoldady."
    g = rdflib.Graph()
    annotate(g, [ComponentText(URIRef(f"{WORK}/relevance/1"), "relevance", "kk", text)], work=WORK, source=SOURCE)
    assert {str(q) for q in g.objects(None, NIF.anchorOf)} == {"QR Bilim jáne ǵylym mınıstrligi"}


@pytest.mark.parametrize("text", [
    # 2021 and its «y» variant: a word taken from Russian opens on э, which Latin writes «e»
    "Zertteu ädısterı: saualnama jäne pedagogikalyq eksperiment. Nätijelerı tekserıldı, qorytyndy jasaldy.",
    "Zertteu ädisteri: saualnama jäne pedagogikalıq eksperiment. Nätijeleri tekserildi, qorıtındı jasaldı.",
])
def test_a_latin_kazakh_loanword_on_e_is_read_with_its_cyrillic_e(text):
    g = rdflib.Graph()
    annotate(g, [ComponentText(URIRef(f"{WORK}/methods/1"), "methods", "kk", text)], work=WORK, source=SOURCE)
    assert URIRef(str(ID) + "method/experiment") in set(g.objects(None, DKG.mentions))


@pytest.mark.parametrize("text", [
    # «орталық» declined without a possessive closes a centre's name; before a noun it is "central"
    "Науқастар Облыстық кардиологиялық орталықта емделді.",
    "Облыстық кардиологиялық орталықта 200 науқас тексерілді.",
])
def test_a_kazakh_centre_declined_without_a_possessive_closes_its_name(text):
    assert _candidates(text, "kk", "task") == {"Облыстық кардиологиялық орталықта": "NonGovernmentalOrganization"}


def test_central_before_a_noun_opens_no_centre():
    assert _candidates("Облыстық орталық аурухананың деректері талданды.", "kk", "task") == {}


@pytest.mark.parametrize("text, name, cls", [
    # a scholar in the genitive before the head alone, in its possessive, names the scholar's method or
    # theory in any part of the work (a task here, not the methods statement)
    ("Егістер Н.К. Сарсенбаевтың әдістемесі бойынша салынды.", "Н.К. Сарсенбаевтың әдістемесі", "Method"),
    ("Мәтіндер Р. Дауылбаеваның теориясына сүйеніп талданды.", "Р. Дауылбаеваның теориясына", "Theory"),
])
def test_a_kazakh_scholars_method_by_the_head_alone(text, name, cls):
    assert _candidates(text, "kk", "task").get(name) == cls


def test_a_scholars_work_is_no_method():
    assert set(_candidates("Бұл Н.К. Сарсенбаевтың еңбегі.", "kk", "methods").values()) == {"Person"}


@pytest.mark.parametrize("text", [
    # a kind in the plural after a capitalised word names no one body
    "Аймақта қуаты 20 МВт-тан асатын станциялар салынды.",
    "Маңғыстаудың шөлейт жағдайында жел электр станцияларының қуаты бағаланды.",
])
def test_a_kazakh_kind_in_the_plural_names_no_body(text):
    assert not [cls for cls in _candidates(text, "kk", "task").values() if cls != "Region"]


def test_a_kazakh_kind_in_the_singular_still_names_its_body():
    assert _candidates("Жобаны Шахмат федерациясының кеңесі қолдады.", "kk", "task") == {
        "Шахмат федерациясының": "NonGovernmentalOrganization"}


def test_a_journal_pages_citation_formats_and_licence_name_nothing():
    # the styles and the licence are written like acronyms of bodies and versioned tools
    text = ("Cite this paper in: ACM · APA · IEEE · MLA · Harvard\n"
            "Export citation formats: EndNote (RIS) · BibTeX\n"
            "The paper is licensed under a Creative Commons Attribution 4.0 International License.\n"
            "© 2023 Steppe Agrarian University, Kostanay\n"
            "Sensors were calibrated to the IEEE standard.")
    found = find_mentions(text, "en")
    assert [m.exact for m in found] == ["IEEE"] and found[0].start > text.index("Sensors")
    assert _candidates(text, "en", "other") == {}


@pytest.mark.parametrize("text, name", [
    ("The unit is licensed under the Oleflex technology of Honeywell UOP and fed from the Tengiz field.",
     "Tengiz field"),
    ("Copyright infringement online was studied with the Ministry of Justice of the Republic of Kazakhstan.",
     "Ministry of Justice of the Republic of Kazakhstan"),
])
def test_a_licence_or_copyright_word_in_prose_leaves_the_line_its_names(text, name):
    # only a page's licence or copyright line is the page's own: these are sentences of the abstract
    assert name in [m.exact for m in find_mentions(text, "en")] + list(_candidates(text, "en", "relevance"))


def test_a_quote_may_close_inside_a_listed_name():
    # the body's own name is quoted before its kind; the vocabulary lists it whole
    text = "Жобаны «Самұрық-Қазына» ұлттық әл-ауқат қоры қаржыландырды."
    assert [m.exact for m in find_mentions(text, "kk")] == ["«Самұрық-Қазына» ұлттық әл-ауқат қоры"]


def test_a_closing_quote_with_no_opening_quote_before_it_is_no_part_of_a_name():
    # the quotation opened in an earlier line or part, or its mark was lost: crossing the stray
    # mark would guess a name; the name before it is found on its own
    text = "Самұрық-Қазына» ұлттық әл-ауқат қоры туралы баяндамадан алынған үзінді келтірілді."
    assert [m.exact for m in find_mentions(text, "kk")] == ["Самұрық-Қазына"]


@pytest.mark.parametrize("text, name, cls", [
    ("The study compares the Artificial Intelligence Act of the European Union with local rules.",
     "Artificial Intelligence Act", "Law"),
    ("Waders stop in the delta on the East Atlantic Flyway every spring.", "East Atlantic Flyway", "Initiative"),
])
def test_an_act_and_a_flyway_are_initiatives(text, name, cls):
    assert _candidates(text, "en", "task").get(name) == cls


@pytest.mark.parametrize("text, lang", [
    ("«Ақ Жібек» және «Күнсұлу» сорттарының өнімділігі салыстырылды.", "kk"),
    ("Урожайность сортов «Синап Алматы» и «Розмарин» сравнивалась; статья опубликована в журнале «Наука и жизнь».", "ru"),
    ("Two papers appeared in the «Vestnik Nauki» journal.", "en"),
    ("Бір мақала «Ғылыми жаршы – Научный вестник» журналында жарияланды.", "kk"),
])
def test_a_quoted_cultivar_or_journal_is_no_initiative(text, lang):
    assert "Initiative" not in _candidates(text, lang, "task").values()


@pytest.mark.parametrize("text, lang", [
    ("Материалы включены в курс «Почвоведение и агрохимия» и дисциплины «Гидрология суши», «Мелиорация».", "ru"),
    ("Итоги доложены на Международной научно-практической конференции «Наука и производство XXI века».", "ru"),
    ("Нәтижелер «Жас ғалым – 2023» халықаралық ғылыми-практикалық конференциясында баяндалды.", "kk"),
    ("Әдістеме «Топырақ физикасы» пәнінің оқу бағдарламасына енгізілді.", "kk"),
    ('The results are taught in the courses "Soil Physics" and "Crop Modelling".', "en"),
    ('The work was reported at the conference "Green Fields and Rivers" in spring.', "en"),
])
def test_a_quoted_course_or_conference_is_no_initiative(text, lang):
    assert "Initiative" not in _candidates(text, lang, "task").values()


@pytest.mark.parametrize("text, lang", [
    # a special course, a programme's modules, a research topic, a congress
    ("Выводы вошли в спецкурсы «Налоговое право зарубежных стран» и «Финансовый контроль».", "ru"),
    ("Курс «Өнер әлемі», «Өнерді сүйемін» және «Өнерді жалғастырамын» деген үш модульге бөлінген.", "kk"),
    ("Жұмыс кафедраның «Жасыл энергетика құқығы» ғылыми тақырыбы аясында орындалды.", "kk"),
    ("Работа выполнена по теме «Правовые основы водопользования».", "ru"),
    ('Findings were presented at the World Congress "Water, Land and People" in Baku.', "en"),
    # journals listed in a parenthesis after the word journals
    ('Two papers appeared in journals indexed in Scopus ("Arid Land Review", "Journal of Steppe Ecology").', "en"),
    ("Две статьи опубликованы в журналах базы Scopus («Eurasian Rivers», «Steppe Studies»).", "ru"),
    # customs, values and a notion defined in the text
    ("Бала тәрбиесіндегі салт-дәстүрлер («Тұсау кесу», «Сүйінші», «Ат тергеу») сабақтарға енгізілді.", "kk"),
    ("Тәрбие жұмысы «Әділ азамат», «Еңбекшіл» сияқты құндылықтар төңірегінде құрылады.", "kk"),
    ("«Мектептің ашық ортасы» ұғымы мектептің кеңістігі мен қарым-қатынасын қамтиды.", "kk"),
    ("В Кодексе нет понятия «Креативный кластер», поэтому поддержка не оказывается.", "ru"),
    # a priority area of the state's science funding, even in a sentence about the grant's project
    ("Диссертация выполнена в рамках проекта по грантовому финансированию и соответствует приоритетному "
     "направлению развития науки «Энергетика и машиностроение».", "ru"),
    ("Жоба ғылымды дамытудың басым бағыты «Энергетика және машина жасау» бойынша орындалды.", "kk"),
    ('The project was funded under the priority area "Energy and Mechanical Engineering".', "en"),
])
def test_a_quoted_special_course_topic_journal_custom_or_notion_is_no_initiative(text, lang):
    quoted = re.findall(r'[«"]([^«»"]+)[»"]', text)
    assert not [n for n, c in _candidates(text, lang, "task").items() if n in quoted and c == "Initiative"]


def test_names_quoted_as_the_documents_write_them_are_no_initiatives():
    # «құжаттарда» ("in the documents") says where the names are written, not what they are
    text = ("Мұрағат құжаттарда «Жумагали», «Джумагали» болып жазылған есімдердің бәрі «Жұмағали» есімінің "
            "нұсқалары.")
    assert "Initiative" not in _candidates(text, "kk", "novelty").values()
    # a programme's own kind before the quote still names it
    assert "Initiative" in _candidates("Мемлекеттік бағдарлама бойынша «Жасыл Ел» атқарылды.", "kk",
                                       "novelty").values()


def test_a_quoted_conference_in_the_2021_latin_alphabet_is_no_initiative():
    # 2021 writes ц as ts: the fold the linker reads has «конферентсиясында»
    from dissertation_kg.mappings import kazakh_latin
    text = kazakh_latin.to_cyrillic("Nätijeler «Jas ğalym – 2023» halyqaralyq ğylymi konferentsiiasynda "
                                    "baiandaldy.", "2021")
    assert "Initiative" not in _candidates(text, "kk", "task").values()


def test_a_quoted_programme_before_its_kind_and_a_value_word_stays_an_initiative():
    # a programme's own kind comes between its name and the values it serves
    text = "«Жаңа ұрпақ» бағдарламасы ұлттық құндылықтарды дамытуды көздейді."
    assert "Initiative" in _candidates(text, "kk", "task").values() or \
        "Programme" in _candidates(text, "kk", "task").values()


def test_a_quoted_programme_beside_a_course_stays_an_initiative():
    text = 'The course "Soil Physics" is taught within the "Green Fields" programme.'
    assert _candidates(text, "en", "task").get("Green Fields") == "Programme"   # (an initiative of that kind)


def test_an_address_of_the_head_of_state_holds_its_people_and_names_its_head():
    g = rdflib.Graph()
    cands = annotate(g, [ComponentText(URIRef(f"{WORK}/task/1"), "task", "ru",
                                       "учесть положения Послания Главы государства народу Казахстана от 2 сентября "
                                       "2019 года «Конструктивный общественный диалог – основа стабильности»;")],
                     work=WORK, source=SOURCE)
    assert [(c.name[:20], c.suggested_class) for c in cands] == [("Послания Главы госуд", "Address")]
    # the head of state who gives it is named too: KEYS.md lists «Глава государства» and the address
    # both (the keys of published-11 to -18 do), where the state inside a document's name is not
    assert [str(o).rsplit("/", 1)[1] for o in g.objects(None, DKG.mentions)] == ["president-kz"]


def test_a_label_opening_on_the_article_yields_to_the_full_name_after_it():
    # "the Caspian" is the sea's short name; "the Caspian Sea" quotes its full one
    text = "Seals breed on the ice of the Caspian Sea each winter."
    assert [m.exact for m in find_mentions(text, "en")] == ["Caspian Sea"]


@pytest.mark.parametrize("text, lang, expected", [
    # a formula named by its authors' acronyms, two joined by a hyphen, before or after its word
    ("Функцию почек оценивали по формулам ABCD и KLM-XYZ.", "ru", {"ABCD": "Method", "KLM-XYZ": "Method"}),
    ("Clearance was estimated with the QRST equation in every patient.", "en", {"QRST": "Method"}),
])
def test_a_formula_named_by_acronyms_is_a_method(text, lang, expected):
    assert _candidates(text, lang, "task") == expected


def test_an_acronym_defined_for_a_programme_is_an_initiative():
    text = "Больные получают лечение в рамках Национальной программы поддержки доноров (НППД) с 2015 года."
    assert _candidates(text, "ru", "task").get("НППД") == "Initiative"


def test_an_acronym_in_a_list_of_methods_is_a_technique_in_any_part():
    text = "Во второй главе описаны материалы и методы: проточная цитометрия, КФМ, статистическая обработка."
    assert _candidates(text, "ru", "other") == {"КФМ": "Method"}


def test_an_acronym_of_a_term_after_a_sentences_opening_word_is_no_body():
    g = rdflib.Graph()
    cands = annotate(g, [
        ComponentText(URIRef(f"{WORK}/task/1"), "task", "en", "To compare subword tokenisation (SWUT) with whole words."),
        ComponentText(URIRef(f"{WORK}/provision/1"), "provision", "en", "Whole words beat SWUT by two points.")],
        work=WORK, source=SOURCE)
    assert not [c for c in cands if c.name == "SWUT"]


def test_a_law_found_across_its_titles_quote_takes_in_the_state_before_it():
    text = "Мектептер Қазақстан Республикасының «Білім туралы» Заңына сәйкес жұмыс істейді."
    assert [m.exact for m in find_mentions(text, "kk")] == ["Қазақстан Республикасының «Білім туралы» Заңына"]


def test_two_overlapping_labels_of_one_entry_are_one_mention():
    text = "Транскрипт определяли методом количественной ПЦР в реальном времени у всех больных."
    assert [m.exact for m in find_mentions(text, "ru")] == ["количественной ПЦР в реальном времени"]


@pytest.mark.parametrize("text, lang, expected", [
    ("Taggers were tested on the Uzbek Legal Texts Corpus of 2022.", "en", {"Uzbek Legal Texts Corpus": "Method"}),
    # a database where a paper is indexed is no fund
    ("Екі мақала Web of Science деректер қорындағы журналдарда жарияланды.", "kk", {}),
])
def test_a_corpus_is_a_data_set_and_a_database_no_fund(text, lang, expected):
    assert _candidates(text, lang, "other") == expected


def test_a_method_in_brackets_after_a_chapter_is_the_chapters_kind():
    text = "Во второй главе (обзор литературы) описаны подходы, затем выполнен обзор литературы по теме."
    found = find_mentions(text, "ru")
    assert [m.start for m in found] == [text.rindex("обзор литературы")]


@pytest.mark.parametrize("text, lang", [
    ("Диссертация изложена на 131 странице и состоит из введения, обзора литературы, главы материалов и методов.",
     "ru"),
    ("В первой главе дан обзор литературы о патогенезе полипозного риносинусита.", "ru"),
    ("The dissertation consists of an introduction, a literature review, a chapter on materials and methods.", "en"),
    ("Жұмыс кіріспеден, әдебиеттерге шолудан, материалдар мен әдістер бөлімінен тұрады.", "kk"),
    ("Бірінші бөлімде аралас типті теңдеулер бойынша әдебиеттерге шолу жасалды.", "kk"),
])
def test_the_literature_review_as_a_part_of_the_work_is_no_method(text, lang):
    assert not [m for m in find_mentions(text, lang) if str(m.entity).endswith("/literature-review")]


@pytest.mark.parametrize("text, lang", [
    ("В работе использованы обзор литературы, анкетирование и статистический анализ.", "ru"),
    ("The study used a literature review, a survey of teachers and interviews.", "en"),
    ("Зерттеуде әдебиеттерге шолу, сауалнама және сұхбат әдістері қолданылды.", "kk"),
])
def test_the_literature_review_among_the_methods_is_one(text, lang):
    assert [m for m in find_mentions(text, lang) if str(m.entity).endswith("/literature-review")]


def test_guidelines_agreed_at_a_place_are_an_initiative():
    text = "Therapy followed the Baveno VII consensus and the Rome IV/Lyon consensus; a Delphi consensus was then reached."
    assert _candidates(text, "en", "task") == {"Baveno VII consensus": "Initiative", "Rome IV/Lyon consensus": "Initiative"}


# An article before the place opens no name and hides none: the guidelines after it are named
# (seed 141, linking.py:933: the article was listed as no consensus, which lost the whole match).
@pytest.mark.parametrize("text", [
    "The Baveno VII consensus recommends a beta-blocker for portal hypertension.",
    "Therapy followed the guideline known as The Baveno VII consensus on portal hypertension.",
])
def test_an_article_before_guidelines_agreed_at_a_place_is_no_part_of_their_name(text):
    assert _candidates(text, "en", "task") == {"Baveno VII consensus": "Initiative"}


# Each word of _NOT_CONSENSUS, written out by hand: a kind or a scope of agreement, no place it
# was reached at (seed 181 dropped "National" and no test failed).
@pytest.mark.parametrize("word", ["Delphi", "Expert", "International", "European", "National", "Global"])
def test_a_kind_or_scope_of_agreement_before_consensus_names_none(word):
    assert _candidates(f"Therapy followed the {word} consensus on portal hypertension.", "en", "task") == {}


def test_an_article_or_a_pronoun_before_consensus_names_none():
    assert _candidates("A Delphi consensus was reached. This consensus held. The Expert consensus was cited.",
                       "en", "task") == {}


@pytest.mark.parametrize("text, name", [
    ("We compare the Quantum Approximate Optimization Algorithm with classical heuristics.",
     "Quantum Approximate Optimization Algorithm"),
    ("Ground states were found with the Variational Quantum Eigensolver on a noisy device.",
     "Variational Quantum Eigensolver"),
    # an article that opens the sentence is no part of the name
    ("The Hungarian Algorithm assigns the workers to the shifts.", "Hungarian Algorithm"),
])
def test_an_algorithm_named_in_capitals_is_a_method(text, name):
    assert _candidates(text, "en", "summary") == {name: "Method"}


def test_a_solver_written_small_after_an_acronym_is_no_named_algorithm():
    # "LES" is the method the solver implements; the solver is the author's program
    assert "LES solver" not in _candidates("We developed a parallel LES solver for urban flows.", "en", "summary")


def test_an_index_named_after_a_concept_is_a_method_and_holds_the_concept():
    g = rdflib.Graph()
    cands = annotate(g, [ComponentText(URIRef(f"{WORK}/methods/1"), "methods", "en",
                                       "Rankings of the Meridian-Lowy Soft Power Index were compared for ten states.")],
                     work=WORK, source=SOURCE)
    assert [(c.name, c.suggested_class) for c in cands] == [("Meridian-Lowy Soft Power Index", "Method")]
    assert not list(g.objects(None, DKG.mentions))


@pytest.mark.parametrize("text, lang, name, cls", [
    # a name that opens a sentence is told by the acronym after it, which spells it a letter a word
    ("Мемлекеттік тұрғын үй қорында (МТҮҚ) 40 мың пәтер бар.", "kk", "Мемлекеттік тұрғын үй қорында",
     "NonGovernmentalOrganization"),
    ("Smart Grid Institute (SGI) was founded in 2019.", "en", "Smart Grid Institute", "NonGovernmentalOrganization"),
])
def test_a_name_opening_a_sentence_is_found_by_the_acronym_that_spells_it(text, lang, name, cls):
    assert _candidates(text, lang, "task").get(name) == cls


def test_an_acronym_spelling_a_name_written_elsewhere_is_that_names():
    g = rdflib.Graph()
    cands = annotate(g, [
        ComponentText(URIRef(f"{WORK}/other/1"), "other", "en", "The work was done at the Institute of Coastal Water Studies."),
        ComponentText(URIRef(f"{WORK}/methods/1"), "methods", "en", "Samples were analysed in the laboratories of ICWS.")],
        work=WORK, source=SOURCE)
    assert {c.name: c.suggested_class for c in cands}["ICWS"] == "NonGovernmentalOrganization"


@pytest.mark.parametrize("text, lang", [
    # Kazakhstan's local representative bodies, named as a kind in the plural
    ("Candidates ran for the district maslikhats in 2021.", "en"),
    ("Аудандық мәслихаттарға үміткерлер тіркелді.", "kk"),
])
def test_local_representative_bodies_in_the_plural(text, lang):
    assert names(text, lang) == ["actor/maslikhat"]


def test_a_dotted_initialism_keeps_its_dot_and_ends_no_sentence():
    text = "Reorganisation under the U.S. Bankruptcy Code was compared with the German model."
    assert [m.exact for m in find_mentions(text, "en") if m.cls == "State"][:1] == ["U.S."]
    assert _candidates(text, "en", "novelty").get("Bankruptcy Code") == "Law"


def test_a_kazakh_kind_in_the_plural_may_modify_the_kind_that_closes_the_name():
    assert _candidates("Жұмыс Халықаралық кітапханалар федерациясының ұсынымдарына сүйенеді.", "kk", "task") == {
        "Халықаралық кітапханалар федерациясының": "NonGovernmentalOrganization"}


def test_a_measure_of_a_bodys_is_two_names():
    text = "Trust rose in the Civic Trust Index of the Northern Policy Institute after 2015."
    assert _candidates(text, "en", "relevance") == {"Civic Trust Index": "Method",
                                                     "Northern Policy Institute": "NonGovernmentalOrganization"}


def test_measures_named_without_a_concept_inside_are_methods_each():
    # no concept of ours inside the names: they are still measures, each its own, not one body
    # reaching over "and the"; an acronym in brackets after one names the same measure
    text = ("The study compares the Edelman Trust Barometer and the QS World University Ranking for ten "
            "states, using the Food Insecurity Experience Scale (FIES) as well.")
    assert _candidates(text, "en", "methods") == {
        "Edelman Trust Barometer": "Method", "QS World University Ranking": "Method",
        "Food Insecurity Experience Scale": "Method", "FIES": "Method"}


def test_a_body_of_a_body_stays_one_name():
    text = "Grants came from the Research Committee of the Ministry of Rural Affairs in 2019."
    assert list(_candidates(text, "en", "relevance")) == ["Research Committee of the Ministry of Rural Affairs"]


def test_the_world_economic_forum_is_a_body():
    assert names("The Global Competitiveness Report of the World Economic Forum (WEF) ranks it 57th.", "en")[-1:] == [
        "actor/world-economic-forum"]


@pytest.mark.parametrize("text, lang, expected", [
    ("Survey answers were summarised with descriptive statistics.", "en", "method/descriptive-statistics"),
    ("Жауаптар сипаттамалық статистика арқылы жинақталды.", "kk", "method/descriptive-statistics"),
    ("Комбинационная способность линий оценена диаллельным анализом.", "ru", "method/diallel-analysis"),
    ("Линиялардың комбинациялық қабілеті диаллельдік талдау арқылы бағаланды.", "kk", "method/diallel-analysis"),
    ("Жобаның құны ақша ағындарын дисконттау әдісімен есептелді.", "kk", "method/discounted-cash-flow"),
    ("Стоимость проекта рассчитана методом дисконтированных денежных потоков.", "ru", "method/discounted-cash-flow"),
    # a screening scale, by its name and by its acronym
    ("Когнитивный статус оценен по Монреальской шкале оценки когнитивных функций.", "ru", "method/moca"),
    ("Науқастар Монреаль когнитивті бағалау шкаласымен тексерілді.", "kk", "method/moca"),
    ("Patients scored below 26 on the MoCA at discharge.", "en", "method/moca"),
    # the chi-square test written with its letter and a superscript, as statistics sections write it
    ("Различия в долях оценивали по критерию χ².", "ru", "method/chi-square-test"),
])
def test_methods_named_by_a_common_noun_phrase(text, lang, expected):
    assert names(text, lang) == [expected]


@pytest.mark.parametrize("text, lang", [
    ("Supervisors: Doctor of Economics, Professor Omarova L.K.;\nPhD, Professor John Roe (Emory University, USA).\n"
     "The work compares Kazakhstan with the USA.", "en"),
    ("Ғылыми кеңесшілер: э.ғ.д., профессор Б.Қ. Серікова; PhD М. Лоран (Лион университеті, Франция)\n"
     "Жұмыс Қазақстан мен Францияны салыстырады.", "kk"),
])
def test_the_supervisors_affiliations_name_nothing_the_work_is_about(text, lang):
    body = text.rindex("\n")
    found = find_mentions(text, lang)
    assert found and all(m.start > body for m in found)
    assert not [n for n in _candidates(text, lang, "other") if text.index(n) < body]


def test_a_blank_line_ends_the_supervisors_paragraph_though_its_last_line_ends_on_a_comma():
    from dissertation_kg.mappings.page_chrome import tool_lines
    text = ("Supervisors: Professor Omarova L.K. (Emory University, USA),\n\n"
            "The work compares Kazakhstan with the USA.")
    assert tool_lines(text) == [(0, text.index("\n"))]


def test_a_syllable_acronym_naming_a_term_in_brackets_is_a_method():
    text = "The taggers were tested on part-of-speech tagging (KazPOST) and trained at KazNU."
    assert _candidates(text, "en", "task") == {"KazPOST": "Method"}


def test_a_code_by_its_abbreviation_holds_the_state():
    g = rdflib.Graph()
    cands = annotate(g, [ComponentText(URIRef(f"{WORK}/task/1"), "task", "ru",
                                       "Предложить изменения в статью 190 НК РК и в ГПК РФ.")], work=WORK, source=SOURCE)
    assert sorted((c.name, c.suggested_class) for c in cands) == [("ГПК РФ", "Law"), ("НК РК", "Law")]
    assert not list(g.objects(None, DKG.mentions))


@pytest.mark.parametrize("text, lang, acronym, cls", [
    ("Energies were found with the Adaptive Phase Eigensolver (APEX) on a small chip.", "en", "APEX", "Method"),
    ("Adoption was read through the resource–capability–context framework (RCCF) in twelve firms.", "en",
     "RCCF", "Theory"),
    ("Поведение объяснено в рамках теории ожидаемой полезности выбора (ТОПВ) на выборке студентов.", "ru",
     "ТОПВ", "Theory"),
    ("Circuits were compared against the QRMX router on three lattices.", "en", "QRMX", "Method"),
])
def test_an_acronym_of_a_solver_a_theory_or_a_router_is_no_body(text, lang, acronym, cls):
    # the words that define or follow an unknown acronym say it names a computation or a theory:
    # without them the acronym falls back to a body
    assert _candidates(text, lang, "other").get(acronym) == cls


@pytest.mark.parametrize("text, lang, acronym", [
    ("Samples were examined by polymerase chain reaction, QXLR and microscopy.", "en", "QXLR"),
    ("Образцы исследованы методом полимеразной цепной реакции и КЛБМ в двух лабораториях.", "ru", "КЛБМ"),
])
def test_an_acronym_listed_with_a_method_is_a_method(text, lang, acronym):
    # nothing beside the acronym names its kind but the list it stands in: a body was the fallback
    assert _candidates(text, lang, "other").get(acronym) == "Method"


def test_an_acronym_called_a_body_stays_one_in_a_list_with_a_method():
    text = "Samples were examined by polymerase chain reaction and the QXLA council approved it."
    assert _candidates(text, "en", "other").get("QXLA") == "Organization"


@pytest.mark.parametrize("text, lang, names", [
    ("Пробы измеряли на спектрометрах Horiba LabRAM Evolution и Thermo Nicolet iS50, затем на центрифуге Sigma 3-16KL.",
     "ru", {"Horiba LabRAM Evolution", "Thermo Nicolet iS50", "Sigma 3-16KL"}),
    ("Үлгілер Zeiss Axio Imager микроскопында қаралды.", "kk", {"Zeiss Axio Imager"}),
    ("Grains were imaged on a Hitachi TM4000Plus and weighed with a Leco TGA701 analyser.", "en",
     {"Hitachi TM4000Plus", "Leco TGA701"}),
])
def test_an_instrument_named_by_maker_and_model_is_a_method(text, lang, names):
    found = _candidates(text, lang, "task")
    assert {n: found.get(n) for n in names} == {n: "Method" for n in names}


@pytest.mark.parametrize("text, lang", [
    ("The survey ran on a Monday in May, with a Tier 2 approach on a COVID-19 ward.", "en"),
    ("Аппарат акимата Алматы и прибор учёта проверены.", "ru"),
])
def test_no_instrument_without_a_maker_and_a_model(text, lang):
    assert "Method" not in _candidates(text, lang, "task").values()


def test_a_capitalised_group_of_companies_is_an_organisation():
    text = "Concentrate is shipped by Altyn Copper Group and by Kazakh Steppe Energy Group to the smelters."
    found = _candidates(text, "en", "task")
    assert found.get("Altyn Copper Group") == "Organization"
    assert found.get("Kazakh Steppe Energy Group") == "Organization"


def test_a_capitalised_study_arm_is_no_organisation():
    assert "Organization" not in _candidates("Patients of the Control Group and the Placebo Group were older.",
                                             "en", "task").values()


# Written out by hand, one row a word of linking._STUDY_GROUPS (seed 251, linking.py:1559)
@pytest.mark.parametrize("word", ["Control", "Experimental", "Treatment", "Placebo", "Study", "Comparison",
                                  "Intervention", "Reference", "Test", "Main", "Focus", "Age", "Risk", "Blood",
                                  "First", "Second", "Third"])
def test_every_word_of_a_study_arm_before_group_names_no_body(word):
    assert "Organization" not in _candidates(f"Patients of the {word} Group were older.", "en", "task").values()


def test_a_scholar_opening_a_theory_after_with_is_no_program():
    text = "Loads were checked with Brinell indentation theory, and the reads were assembled with Trimmomatic."
    found = _candidates(text, "en", "methods")
    assert found.get("Brinell indentation theory") == "Theory"
    assert "Brinell" not in found
    assert found.get("Trimmomatic") == "Method"


@pytest.mark.parametrize("text, lang", [
    ("Emissions of N2O and 0.8 kg NH3 per tonne were lower after liming with CaCO3.", "en"),
    ("Выбросы SO2 и H2S снизились на 12 %, а содержание Fe2O3 выросло.", "ru"),
])
def test_a_chemical_formula_is_no_acronym_candidate(text, lang):
    assert _candidates(text, lang, "task") == {}


@pytest.mark.parametrize("text, lang, kind, tools", [
    # what a measurement measures is no tool beside it: elements, immunology's markers
    ("впервые получены данные о распределении Zn, Cu, Pb и Cd между взвешенной формой и донными "
     "отложениями, обработанные в MINITAB и Statistica", "ru", "novelty", {"MINITAB"}),
    ("The work used enzyme-linked immunosorbent assay (ELISA) of IL-4, IL-5, IL-10, IL-13 and IL-17A, "
     "flow cytometry of CD4+CD25+FOXP3+ cells in FlowJo 10, Stata 17 and Prism 9.", "en", "methods",
     {"FlowJo 10", "Prism 9"}),
    ("Уровни IL-4 и IgE определяли методом ИФА, данные обрабатывали в SPSS 26 и Statgraphics.", "ru", "methods",
     {"Statgraphics"}),
    # a code after what measures it is the analyte: "expression of OXA-48", "(ELISA) of MMP-9"
    ("Expression of OXA-48 and KPC-2 was assessed; the enzyme-linked immunosorbent assay (ELISA) of "
     "MMP-9 was done with Prism 9.", "en", "methods", {"Prism 9"}),
    # a brand's camel case is no acronym of its capitals ("FACSC" of "FACSCanto")
    ("Cells were counted on a BD FACSCanto II cytometer and analysed in FlowJo 10.", "en", "methods",
     {"FlowJo 10"}),
])
def test_what_is_measured_is_no_tool(text, lang, kind, tools):
    # (the tools the vocabulary knows, Statistica and Stata, are mentions, not candidates)
    found = _candidates(text, lang, kind)
    assert {name for name, cls in found.items() if cls == "Method"} == tools, found


@pytest.mark.parametrize("text, lang", [
    ("Much of this variation is explained by polymorphisms in the genes CYP2C9, VKORC1 and CYP4F2.", "en"),
    ("Изучены полиморфизмы генов CYP2C9, VKORC1 и CYP4F2 у пациентов.", "ru"),
    ("Впервые определена генетическая структура популяций ящурок по гену COI.", "ru"),
    ("Популяциялардың генетикалық құрылымы гені COI бойынша анықталды.", "kk"),
])
def test_genes_listed_after_the_word_for_them_are_no_tools(text, lang):
    assert _candidates(text, lang, "relevance") == {}


@pytest.mark.parametrize("text, lang", [
    ("The LCORL gene and the MSTN and HMGA2 genes were genotyped in 214 horses.", "en"),
    ("LCORL генінің T аллелінің жиілігі 0,38; LCORL және HMGA2 гендері дене мөлшерімен, MSTN гені жүгіру "
     "қабілетімен байланысты.", "kk"),
    ("Частота аллеля T гена LCORL составила 0,38; полиморфизм MSTN гена связан с резвостью.", "ru"),
])
def test_genes_named_before_the_word_for_them_are_no_bodies_or_tools(text, lang):
    assert _candidates(text, lang, "relevance") == {}


def test_elements_and_markers_are_no_names():
    from dissertation_kg.mappings.generic_acronyms import is_common_noun, is_substance
    assert [w for w in ("Pb", "Cd", "Zn", "Fe2O3", "Go", "SPSS", "ERA5") if is_substance(w)] == ["Pb", "Cd", "Zn", "Fe2O3"]
    assert [w for w in ("IL-4", "IL17A", "CD25", "CD4+", "Th17", "Treg", "IgE", "TNF-α", "IFN-γ", "FOXP3", "HLA-DR",
                        "ILO", "CDC", "THz", "IGES", "TNFR") if is_common_noun(w)] == \
        ["IL-4", "IL17A", "CD25", "CD4+", "Th17", "Treg", "IgE", "TNF-α", "IFN-γ", "FOXP3", "HLA-DR"]
    # a tumour's receptors, ligands, repair proteins, oncogenes and markers; not a body's acronym
    markers = ["HER2", "PD-L1", "PD-1", "Ki-67", "MLH1", "MSH2", "MSH6", "PMS2", "EGFR", "KRAS", "BRAF", "BRCA1",
               "TP53", "CA 19-9"]
    assert [w for w in markers + ["HERA", "PDA", "KIMEP", "EGU", "CAREC"] if is_common_noun(w)] == markers


def test_a_tumours_markers_are_no_methods():
    assert _candidates("Установлены частоты HER2-позитивности, экспрессии PD-L1 и дефицита MLH1, MSH2, MSH6 и PMS2.",
                       "ru", "novelty") == {}
    assert _candidates("Expression of HER2, PD-L1 and Ki-67 was assessed; EGFR and KRAS mutations were found.",
                       "en", "methods") == {}


def test_a_code_of_a_model_is_no_formula():
    from dissertation_kg.mappings.generic_acronyms import is_chemical_formula
    assert [w for w in ("CH4", "SF6", "H2SO4", "ERA5", "CMIP6", "CO", "InSAR", "B2B", "SNP50") if is_chemical_formula(w)] == \
        ["CH4", "SF6", "H2SO4"]


@pytest.mark.parametrize("text, lang, expected", [
    # an edition of a conference is no name to review (nor is the congress where findings were
    # presented: a venue)
    ("Findings were presented at the Global Soil Congress (GSCX 2022, Lima; GSCX 2024, Oslo).", "en", {}),
    ("Результаты обсуждались на международных конференциях AGROTEK-2023 и MINEX-2024.", "ru", {}),
    # a dated survey round or data set is a method; a body cited with its year stays a body
    ("Pupils' scores come from the PIRLSA 2021 round and the ZENDAT 2019 images.", "en",
     {"PIRLSA": "Method", "ZENDAT": "Method"}),
    ("Demand for grain will grow (KZGA 2021).", "en", {"KZGA": "Organization"}),
])
def test_an_acronym_dated_by_a_year_is_an_edition_not_a_body(text, lang, expected):
    assert _candidates(text, lang, "task") == expected


@pytest.mark.parametrize("text, lang, name", [
    ("Түрлердің әртүрлілігі R ортасындағы phyloseq пакетімен есептелді.", "kk", "phyloseq"),
    ("Смешанные модели оценены с помощью пакета glmmtmb2 в среде R.", "ru", "glmmtmb2"),
])
def test_a_package_in_lower_case_beside_the_word_for_a_package_is_a_method(text, lang, name):
    assert _candidates(text, lang, "task").get(name) == "Method"


def test_an_english_word_before_package_is_no_program():
    assert _candidates("Data were analysed with a statistical package and the stimulus package.", "en", "task") == {}


def test_a_journal_title_is_no_programme():
    text = "Two papers appeared in Scopus journals (Journal of Food Process Engineering, Q2; Annals of Agrarian Science, Q3)."
    assert _candidates(text, "en", "task") == {}


def linked_names(text: str, lang: str) -> list[tuple[str, str]]:
    return [(m.exact, str(m.entity).rsplit("/", 1)[1]) for m in find_mentions(text, lang)]


def test_a_list_closed_by_a_conjunction_shares_its_head():
    found = linked_names("We applied cluster, regression and factor analysis to the data.", "en")
    assert ("cluster, regression and factor analysis", "cluster-analysis") in found


def test_a_kazakh_word_in_a_case_shares_no_head_across_a_comma():
    # «бақ-қала» (garden city) is a label; «бағында, … қаласы» is a garden and then a town
    found = linked_names("Тәжірибе бағында, Ақсу қаласы маңында жүргізілді.", "kk")
    assert "garden-city" not in [iri for _, iri in found]


def test_a_university_closed_by_its_head_does_not_run_across_a_comma_into_the_next():
    text = "Partners were Karatau Pedagogical University, B. Sarybayev Karatau Technical University and others."
    assert not [name for name in _candidates(text, "en", "relevance") if "," in name]


@pytest.mark.parametrize("text, lang", [
    ("Оқушыларға «Неліктен бұрыштар тең болады?» деген сұрақ қойылды.", "kk"),
    ("Ученикам задавали вопрос «Почему Земля круглая?» на уроке.", "ru"),
    ("Pupils were asked “Why Do Shadows Move?” in class.", "en"),
])
def test_a_quoted_question_is_asked_not_named(text, lang):
    assert not [name for name in _candidates(text, lang, "relevance") if name.endswith("?")]


@pytest.mark.parametrize("text, name, body", [
    ("Страна присоединилась к Конвенции ООН о борьбе с опустыниванием в 1997 году.",
     "Конвенции ООН о борьбе", "actor/united-nations"),
    ("Нормы приведены в соответствие с Хартией Совета Европы о местном самоуправлении.",
     "Хартией Совета Европы о местном самоуправлении", "actor/council-of-europe"),
])
def test_a_treaty_named_by_its_body_is_one_initiative_and_holds_the_body(text, name, body):
    # the body is known, the treaty is not: the treaty is named, the body inside it is no mention
    g = rdflib.Graph()
    cands = annotate(g, [ComponentText(URIRef(f"{WORK}/task/1"), "task", "ru", text)], work=WORK, source=SOURCE)
    assert [(c.name, c.suggested_class) for c in cands] == [(name, "Initiative")]
    assert URIRef(str(ID) + body) not in set(g.objects(None, DKG.mentions))


def test_a_body_beside_no_treaty_stays_a_mention():
    g = rdflib.Graph()
    annotate(g, [ComponentText(URIRef(f"{WORK}/task/1"), "task", "ru",
                               "Доклад Совета Европы о местном самоуправлении вышел в 2020 году.")],
             work=WORK, source=SOURCE)
    assert URIRef(str(ID) + "actor/council-of-europe") in set(g.objects(None, DKG.mentions))


@pytest.mark.parametrize("text, lang", [
    ("Итоги опроса изложены в третьей главе.\n\u200bПоделиться:\u2060 VK\u2060 · Telegram\u2060 · WhatsApp\n", "ru"),
    ("The survey results are in chapter three.\nShare: Facebook · LinkedIn · X\n", "en"),
    ("Нәтижелер үшінші тарауда берілген.\nБөлісу:   Facebook   Telegram   WhatsApp\n", "kk"),
])
def test_a_pages_share_buttons_name_no_network(text, lang):
    # the networks on a share line are the page's links, not what the abstract studies
    assert not [m for m in find_mentions(text, lang) if m.exact in ("Telegram", "Facebook")]


@pytest.mark.parametrize("text, lang", [
    ("Итоги опроса изложены в третьей главе.\n    Смотреть на YouTube · Отзывы рецензентов (PDF)\n", "ru"),
    ("The survey results are in chapter three.\nWatch on YouTube | Reviews (PDF)\n", "en"),
    ("Нәтижелер үшінші тарауда берілген.\nYouTube-та көру · Пікірлер (PDF)\n", "kk"),
])
def test_a_pages_video_button_names_no_platform(text, lang):
    assert not [m for m in find_mentions(text, lang) if m.exact == "YouTube"]
    # the same platform in prose is named
    prose = {"ru": "Записи исполнений опубликованы на YouTube.", "en": "Performances were posted on YouTube.",
             "kk": "Орындаулар YouTube желісінде жарияланды."}[lang]
    assert [m.exact for m in find_mentions(prose, lang)] == ["YouTube"]


@pytest.mark.parametrize("text, lang", [
    ("Нәтижелер үшінші тарауда берілген.\n   [25]Facebook [26]Instagram [27]YouTube [28]Сайт картасы\n", "kk"),
    ("The results are in chapter three.\n\nFollow us\n  * Facebook\n  * Instagram\n  * YouTube\n", "en"),
    ("Итоги изложены в третьей главе.\nVK | Telegram | YouTube\n", "ru"),
    # (the footer's lines joined into one paragraph, as a section's lines are)
    ("Анықтама қызметі: +7 727 377 33 33 [25]Facebook [26]Instagram [27]YouTube [28]Сайт картасы", "kk"),
    ("Contact us * Facebook * Instagram * YouTube © 2024 Satbayev University", "en"),
])
def test_a_sites_links_to_its_networks_name_no_network(text, lang):
    # a header's or footer's links to the site's accounts, on a line or a line each (a text
    # browser's dump, a page saved as text)
    assert not [m for m in find_mentions(text, lang) if m.exact in ("Facebook", "Instagram", "YouTube", "Telegram")]


def test_a_social_network_named_in_prose_is_an_actor():
    text = "Изучены официальные каналы министерств в Telegram и страницы в Facebook."
    assert {m.exact for m in find_mentions(text, "ru")} >= {"Telegram", "Facebook"}


@pytest.mark.parametrize("text, lang, name, cls", [
    # a sports league is a body; a sports event held once is an initiative
    ("Players of the Caspian Basketball League were surveyed in 2022.", "en", "Caspian Basketball League",
     "NonGovernmentalOrganization"),
    ("Spending rose before the 2029 Eurasian Winter Games in the north.", "en", "Eurasian Winter Games", "Initiative"),
    ("Volunteers of the Winter Universiade 2031 in Erzurum were interviewed.", "en", "Winter Universiade", "Initiative"),
])
def test_a_sports_league_is_a_body_and_a_sports_event_an_initiative(text, lang, name, cls):
    assert _candidates(text, lang, "task").get(name) == cls


@pytest.mark.parametrize("text, lang, clubs, place", [
    ("Budgets of FC Taraz and FC Zhetysu Stars were compared.", "en", ["FC Taraz", "FC Zhetysu Stars"], None),
    ("Сравнивались бюджеты ФК «Тобол» и ХК «Сарыарка» в Костанае.", "ru", ["ФК «Тобол»", "ХК «Сарыарка»"], None),
    # the city that names the club is no mention of its own
    ("Budgets of FC Aktobe were compared with those of other clubs.", "en", ["FC Aktobe"], "actor/aktobe"),
])
def test_a_sports_club_named_by_its_abbreviation_is_a_body(text, lang, clubs, place):
    g = rdflib.Graph()
    cands = annotate(g, [ComponentText(URIRef(f"{WORK}/task/1"), "task", lang, text)], work=WORK, source=SOURCE)
    assert [(c.name, c.suggested_class) for c in cands if c.name in clubs] == \
        [(c, "NonGovernmentalOrganization") for c in clubs]
    if place:
        assert URIRef(str(ID) + place) not in set(g.objects(None, DKG.mentions))


def test_no_name_is_taken_from_inside_a_journals_title():
    text = 'Two papers appeared in journals indexed in Scopus ("Review of Mining & Land Reclamation Law").'
    assert _candidates(text, "en", "task") == {}


# --------------------------------------------------------------------------- every word of page_chrome
# Written out by hand, one row a word of page_chrome's lists (never read from the module: a test
# looping over the list would lose a word together with the list). Each word stands quoted in a
# sentence where nothing else is a candidate, so that word alone keeps the sentence empty.
_FILE_FORMAT = "Полный текст диссертации размещён в репозитории в формате «{}»."
_DEGREE = 'The author holds the degree "{}" from the university.'
_PLATFORM = 'The journal is published on the "{}" platform.'
_TAB = "Сайттағы қойындылар: «{}»."


@pytest.mark.parametrize("text, lang", [
    *[(_FILE_FORMAT.format(w), "ru") for w in (
        "PDF", "DOC", "DOCX", "RTF", "ODT", "TXT", "HTML", "HTM", "XML", "CSV", "XLS", "XLSX", "PPT", "PPTX",
        "JPG", "JPEG", "PNG", "ZIP", "RAR", "DJVU", "EPUB", "MP4", "DOI", "ISBN", "ISSN", "ORCID", "URL", "URI",
        "UDC", "УДК", "ББК", "ӘОЖ", "МРНТИ", "ҒТАМР")],
    *[(_DEGREE.format(w), "en") for w in ("PhD", "MSc", "MBA", "MA", "BA", "MD", "LLM", "LLB", "DBA")],
    *[(_PLATFORM.format(w), "en") for w in ("DSpace", "EPrints", "OJS", "Open Journal Systems")],
    *[(_TAB.format(w), "kk") for w in (
        "English", "Русский", "Қазақша", "Қазақ тілі", "Kazakh", "Russian", "Қазақ", "Рус",
        "Каз", "ENG", "KAZ", "RUS", "English version", "English version of the abstract")],
])
def test_every_word_of_the_page_around_an_abstract_is_no_candidate(text, lang):
    assert _candidates(text, lang, "relevance") == {}


def test_the_degrees_the_vocabulary_also_knows_are_the_pages_words():
    # "DSc" and "BSc" are also known names of the vocabulary (differential scanning calorimetry,
    # the balanced scorecard), so no sentence reaches page_chrome with them; the function's own
    # answer is what tells the degree list apart
    from dissertation_kg.mappings.page_chrome import is_chrome
    assert is_chrome("DSc") and is_chrome("«BSc»") and not is_chrome("DSC-analysis")


# --------------------------------------------------------------------------- every word of generic_acronyms
# Written out by hand, one row a common-noun acronym of generic_acronyms (currencies, measures,
# kinds of firms, schools and devices): in a sentence where nothing else is a candidate, the
# acronym alone would be an unknown body if the list lost it.
_FIGURES_IN = "Figures in {} were compared across the regions."
_SHARE_RU = "Доля {} в экономике региона выросла."
_SHARE_KK = "Өңір экономикасындағы {} үлесі өсті."


@pytest.mark.parametrize("text, lang", [
    *[(_FIGURES_IN.format(w), "en") for w in (
        "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "RUB", "KZT", "UZS", "KGS", "TRY", "AED",
        "GDP", "GNP", "GNI", "GVA", "CPI", "FDI", "SME", "MSME", "NGO", "PPP", "PHC", "HEI", "NEET",
        "ICT", "LED", "PEM", "PET", "PVC", "HDPE", "LDPE", "SMS", "MMS", "ESG",
        "DNA", "RNA", "SNP", "CNV", "ROH", "COPD", "CKD")],
    *[(_SHARE_RU.format(w), "ru") for w in (
        "ЕВРО", "ВВП", "ВНП", "ВРП", "ИПЦ", "ПИИ", "МСП", "МСБ", "НПО", "ГЧП", "ПМСП", "МСАК", "ВУЗ", "ССУЗ", "ИКТ",
        "ДНК", "РНК", "ХОБЛ", "ИБС", "ХБП", "ОКС", "ОРВИ", "ПДК", "КПД", "СМИ", "ЭВМ")],
    *[(_SHARE_KK.format(w), "kk") for w in ("ЖІӨ", "ЖҰӨ", "ТШИ", "ШОБ", "ШОК", "ҮЕҰ", "МЖӘ", "ЖОО", "АКТ",
                                            "ДНҚ", "РНҚ", "ПӘК", "БАҚ")],
])
def test_every_common_noun_acronym_is_no_candidate(text, lang):
    assert _candidates(text, lang, "relevance") == {}


# --------------------------------------------------------------------------- every head and cue of self_named
# Written out by hand (never read from self_named): a document for every head word of the three
# languages, every anchor of a Kazakh address, every cue of the cheap pre-filter (each row holds
# only that one) and every word that ends a Kazakh name going back ("мен", "бен", "пен", "және",
# "немесе": the capitalised word before it is another name's). Without its alternative or word a
# row loses its document or gets another span.
@pytest.mark.parametrize("text, lang, expected", [
    ('The Comprehensive Green Growth Action Plan for 2021–2025 was adopted.', 'en',
     [('Comprehensive Green Growth Action Plan for 2021–2025', 'ActionPlan')]),
    ('The Comprehensive Plan for the Development of Almaty until 2030 was adopted.', 'en',
     [('Comprehensive Plan for the Development of Almaty until 2030', 'ActionPlan')]),
    ('The Roadmap of Employment for 2020–2021 was adopted.', 'en',
     [('Roadmap of Employment for 2020–2021', 'ActionPlan')]),
    ('The State Programme of Education was adopted.', 'en',
     [('State Programme of Education', 'Programme')]),
    ('The National Action Plan of Kazakhstan was adopted.', 'en',
     [('National Action Plan of Kazakhstan', 'ActionPlan')]),
    ('The study follows the Strategic Development Plan of Kazakhstan closely.', 'en',
     [('Strategic Development Plan of Kazakhstan', 'ActionPlan')]),
    ('The study follows the Comprehensive Plan of Action on Migration closely.', 'en',
     [('Comprehensive Plan of Action on Migration', 'ActionPlan')]),
    ("The study follows the President's Address closely.", 'en',
     [("President's Address", 'Address')]),
    ('The study follows the Address to the People of Kazakhstan closely.', 'en',
     [('Address to the People of Kazakhstan', 'Address')]),
    ('Исследование опирается на Закон Республики Казахстан «О науке».', 'ru',
     [('Закон Республики Казахстан «О науке»', 'Law')]),
    # a law of the state before independence, or of another, by its state's name
    ('Отношения регулировал Закон Казахской ССР «О банках и банковской деятельности» 1991 года.', 'ru',
     [('Закон Казахской ССР «О банках и банковской деятельности»', 'Law')]),
    ('The study follows the Law of the USSR «On Cooperation» closely.', 'en',
     [('Law of the USSR «On Cooperation»', 'Law')]),
    ('Исследование опирается на Кодекс Республики Казахстан «О здоровье народа и системе здравоохранения».', 'ru',
     [('Кодекс Республики Казахстан «О здоровье народа и системе здравоохранения»', 'Law')]),
    ('Исследование опирается на Государственную программу «Цифровой Казахстан».', 'ru',
     [('Государственную программу «Цифровой Казахстан»', 'Programme')]),
    ('Исследование опирается на Национальный проект «Сильные регионы».', 'ru',
     [('Национальный проект «Сильные регионы»', 'Programme')]),
    ('Исследование опирается на Стратегию «Казахстан-2050».', 'ru',
     [('Стратегию «Казахстан-2050»', 'Strategy')]),
    ('Исследование опирается на Доктрину национального единства на 2022–2027 годы.', 'ru',
     [('Доктрину национального единства на 2022–2027 годы', 'Strategy')]),
    ('Исследование опирается на План мероприятий на 2021–2025 годы.', 'ru',
     [('План мероприятий на 2021–2025 годы', 'ActionPlan')]),
    ('Исследование опирается на Дорожную карту занятости на 2020–2021 годы.', 'ru',
     [('Дорожную карту занятости на 2020–2021 годы', 'ActionPlan')]),
    ('Исследование опирается на Генеральную схему газификации на 2015–2030 годы.', 'ru',
     [('Генеральную схему газификации на 2015–2030 годы', 'ActionPlan')]),
    ('Исследование опирается на послание Главы государства.', 'ru',
     [('послание Главы государства', 'Address')]),
    ('Исследование опирается на Концепцию развития конкурентной политики Республики Казахстан.', 'ru',
     [('Концепцию развития конкурентной политики Республики Казахстан', 'PolicyConcept')]),
    ('Исследование опирается на нормы Водного кодекса.', 'ru',
     [('Водного кодекса', 'Law')]),
    ('Исследование опирается на нормы Гражданского уложения Германии.', 'ru',
     [('Гражданского уложения Германии', 'Law')]),
    ('Исследование опирается на статью 190 УК РК.', 'ru',
     [('УК РК', 'Law')]),
    ('Исследование опирается на статью 73 КоАП РК.', 'ru',
     [('КоАП РК', 'Law')]),
    ('Зерттеу «Білім туралы» Заңына сүйенеді.', 'kk',
     [('«Білім туралы» Заңына', 'Law')]),
    ('Зерттеу «Салық және бюджетке төленетін басқа да міндетті төлемдер туралы» Кодексіне сүйенеді.', 'kk',
     [('«Салық және бюджетке төленетін басқа да міндетті төлемдер туралы» Кодексіне', 'Law')]),
    ('Зерттеу «Қазақстан-2050» Стратегиясына сүйенеді.', 'kk',
     [('«Қазақстан-2050» Стратегиясына', 'Strategy')]),
    ('Зерттеу «Ұлттық бірлік» доктринасына сүйенеді.', 'kk',
     [('«Ұлттық бірлік» доктринасына', 'Strategy')]),
    ('Зерттеу «Күшті өңірлер» ұлттық жобасына сүйенеді.', 'kk',
     [('«Күшті өңірлер» ұлттық жобасына', 'Programme')]),
    ('Жұмыс еңбек нарығында жұмыспен қамтуды дамытудың 2020–2021 жылдарға арналған жол картасына сүйенеді.', 'kk',
     [('жұмыспен қамтуды дамытудың 2020–2021 жылдарға арналған жол картасына', 'ActionPlan')]),
    ('Жұмыс еңбек нарығында жұмыспен қамтуды дамытудың 2021–2025 жылдарға арналған іс-қимыл жоспарына сүйенеді.', 'kk',
     [('жұмыспен қамтуды дамытудың 2021–2025 жылдарға арналған іс-қимыл жоспарына', 'ActionPlan')]),
    ('Жұмыс ауыл шаруашылығын цифрландыруды дамытудың 2024–2029 жылдарға арналған тұжырымдамасына сүйенеді.', 'kk',
     [('шаруашылығын цифрландыруды дамытудың 2024–2029 жылдарға арналған тұжырымдамасына', 'PolicyConcept')]),
    ('Жұмыстың әдіснамалық негізін құқықтық нормалар және Білім туралы Заң құрайды.', 'kk',
     [('Білім туралы Заң', 'Law')]),
    ('Зерттеу Президентінің 2023 жылғы 1 қыркүйектегі Қазақстан халқына Жолдауына сүйенеді.', 'kk',
     [('Президентінің 2023 жылғы 1 қыркүйектегі Қазақстан халқына Жолдауына', 'Address')]),
    ('Зерттеу Мемлекет басшысының жолдауына сүйенеді.', 'kk',
     [('Мемлекет басшысының жолдауына', 'Address')]),
    ('Зерттеу Елбасының жолдауына сүйенеді.', 'kk',
     [('Елбасының жолдауына', 'Address')]),
    ('Зерттеу барысында Жолдауында айтылған міндеттер талданды.', 'kk',
     [('Жолдауында', 'Address')]),
    ('Зерттеу Қазақстан Республикасында инклюзивті саясатты дамыту тұжырымдамасына сүйенеді.', 'kk',
     [('Қазақстан Республикасында инклюзивті саясатты дамыту тұжырымдамасына', 'PolicyConcept')]),
    ('Зерттеу Салық кодексі мен цифрландыруды дамытудың 2024–2029 жылдарға арналған тұжырымдамасына сүйенеді.', 'kk',
     [('цифрландыруды дамытудың 2024–2029 жылдарға арналған тұжырымдамасына', 'PolicyConcept')]),
    ('Зерттеу Астананы газ бен жылумен дамытудың 2024–2029 жылдарға арналған бағдарламасына сүйенеді.', 'kk',
     [('жылумен дамытудың 2024–2029 жылдарға арналған бағдарламасына', 'Programme')]),
    ('Зерттеу Мемлекеттік стандарт пен дамытудың 2024–2029 жылдарға арналған бағдарламасына сүйенеді.', 'kk',
     [('дамытудың 2024–2029 жылдарға арналған бағдарламасына', 'Programme')]),
    ('Зерттеу Еңбек кодексі және дамытудың 2024–2029 жылдарға арналған бағдарламасына сүйенеді.', 'kk',
     [('дамытудың 2024–2029 жылдарға арналған бағдарламасына', 'Programme')]),
    ('Зерттеу Салық кодексі немесе дамытудың 2024–2029 жылдарға арналған бағдарламасына сүйенеді.', 'kk',
     [('дамытудың 2024–2029 жылдарға арналған бағдарламасына', 'Programme')]),
    # an amending law's title is longer than most (here 185 characters)
    ('Принятие Закона Республики Казахстан от 4 июля 2018 года «О внесении изменений и дополнений в некоторые '
     'законодательные акты Республики Казахстан по вопросам расширения академической и управленческой '
     'самостоятельности высших учебных заведений» расширило автономию.', 'ru',
     [('Закона Республики Казахстан от 4 июля 2018 года «О внесении изменений и дополнений в некоторые '
       'законодательные акты Республики Казахстан по вопросам расширения академической и управленческой '
       'самостоятельности высших учебных заведений»', 'Law')]),
    # a decade the United Nations proclaimed, by its theme and years; a plain decade is none
    ('The work follows the UN Decade of Healthy Ageing 2021–2030 and national plans.', 'en',
     [('UN Decade of Healthy Ageing 2021–2030', 'Programme')]),
    ('It supports the Decade of Action for Road Safety (2021–2030).', 'en',
     [('Decade of Action for Road Safety (2021–2030)', 'Programme')]),
    ('In the last decade of 2010–2020 prices rose.', 'en', []),
    ('Программа соответствует целям десятилетия здорового старения ООН (2021–2030).', 'ru',
     [('десятилетия здорового старения ООН (2021–2030)', 'Programme')]),
    ('Цели Второго десятилетия действий по обеспечению безопасности дорожного движения 2021–2030 годов '
     'достигнуты.', 'ru',
     [('Второго десятилетия действий по обеспечению безопасности дорожного движения 2021–2030 годов', 'Programme')]),
    ('За последнее десятилетие развития экономики 2010–2020 годов цены выросли.', 'ru', []),
    # a technical regulation of the Customs Union, its number between head and title or not
    ('Молоко соответствует Техническому регламенту Таможенного союза ТР ТС 033/2013 «О безопасности молока '
     'и молочной продукции».', 'ru',
     [('Техническому регламенту Таможенного союза ТР ТС 033/2013 «О безопасности молока и молочной продукции»',
       'Law')]),
    ('Испытания проведены по Техническому регламенту «О безопасности колесных транспортных средств».', 'ru',
     [('Техническому регламенту «О безопасности колесных транспортных средств»', 'Law')]),
    ('The fuel meets the Technical Regulation of the Customs Union "On Requirements for Automobile and Aviation '
     'Gasoline" in full.', 'en',
     [('Technical Regulation of the Customs Union "On Requirements for Automobile and Aviation Gasoline"', 'Law')]),
    # (Kazakh names the union in the genitive before the title: the union's own mention, as a state's)
    ('Сүт Кеден одағының «Сүт және сүт өнімдерінің қауіпсіздігі туралы» техникалық регламентіне сәйкес келеді.', 'kk',
     [('«Сүт және сүт өнімдерінің қауіпсіздігі туралы» техникалық регламентіне', 'Law')]),
])
def test_every_head_and_cue_of_a_self_named_document(text, lang, expected):
    from dissertation_kg.mappings import self_named
    assert [(text[d.start:d.end], d.cls) for d in self_named.find(text, lang)] == expected


# --------------------------------------------------------------------------- every shape and word of product_names
# Written out by hand (never read from product_names): a name of each spelling of a coded
# product, and each capitalised function word before a coded tail that is no part of the name
# (a title in title case: "Crack Detection Using R-CNN"), beside a word that is ("Faster R-CNN").
@pytest.mark.parametrize("text, names", [
    ("Heat maps were drawn with Grad-CAM overlays.", ["Grad-CAM"]),
    ("Aerosols were simulated in WRF-Chem runs.", ["WRF-Chem"]),
    ("Genes were screened with antiSMASH in 2021.", ["antiSMASH"]),
    ("Canopy benefits were estimated in i-Tree models.", ["i-Tree"]),
    ("Detection with Faster R-CNN", ["Faster R-CNN"]),
    ("Crack Detection With The R-CNN Model", ["R-CNN"]), ("Improving This R-CNN for Cracks", ["R-CNN"]),
    ("Training These R-CNN Models on Cracks", ["R-CNN"]), ("Training That R-CNN Model on Cracks", ["R-CNN"]),
    ("Crack Detection With R-CNN", ["R-CNN"]), ("Crack Detection Using R-CNN", ["R-CNN"]),
    ("Features From R-CNN Layers", ["R-CNN"]), ("YOLO And R-CNN Compared", ["R-CNN"]),
    ("Data Augmentation For R-CNN Training", ["R-CNN"]), ("Crack Detection Via R-CNN", ["R-CNN"]),
    ("Fast Detection Unlike R-CNN", ["R-CNN"]), ("Detectors Like R-CNN Compared", ["R-CNN"]),
])
def test_every_spelling_of_a_product_and_every_function_word_before_one(text, names):
    from dissertation_kg.mappings import product_names
    assert [text[s:e] for s, e in product_names.products(text)] == names


# --------------------------------------------------------------------------- the twenty-second corpus's names


def _anchors(text: str, lang: str, kind: str = "methods") -> tuple[set[str], dict[str, str]]:
    """The words each linked mention quotes, and the candidates with their classes, as annotate gives them."""
    g = rdflib.Graph()
    cands = annotate(g, _seed_components({lang: text}, kind), work=WORK, source=SOURCE)
    return {str(o) for o in g.objects(None, NIF.anchorOf)}, {c.name: c.suggested_class for c in cands}


def test_a_series_of_codes_names_no_product_and_a_range_no_tool():
    # a classification's types and a setting's values are no products; the questionnaire named
    # alone in the same text is still linked
    quotes, cands = _anchors("Кисты типов CE1, CE2, CE3a, CE3b, CE4 и CE5 по классификации ВОЗ. Узлы работали "
                             "при SF7–SF12, качество жизни оценивали по опроснику SF12.", "ru")
    assert not {"CE1", "CE2", "CE3a", "CE3b", "CE4", "CE5", "SF7"} & set(cands)
    assert "SF12" in quotes   # the questionnaire, named alone


def test_a_range_of_codes_is_not_the_like_named_tool():
    quotes, _ = _anchors("Коэффициенты расширения спектра SF7–SF12 сравнивали в теплицах.", "ru")
    assert "SF12" not in quotes


def test_a_program_named_by_one_capital_takes_its_version():
    quotes, _ = _anchors("Статистическая обработка проведена с помощью программы Statistica 6.0.", "ru")
    assert any(q.endswith("Statistica 6.0") for q in quotes)


@pytest.mark.parametrize("text, lang, found, not_found", [
    # Kazakh: a conjunction opening the sentence is no place's name, the adjective «ауылдық» no kind
    ("Алайда ауылдық округтер бюджеттері трансферттерге тәуелді. Егер ауылдық округтердің дербестігі артса, "
     "Алатау ауылдық округінде тәжірибе жүргізіледі.", "kk", ["Алатау ауылдық округінде"], ["Алайда ауылдық", "Егер ауылдық"]),
    # Russian: a sentence's object in the accusative is no body («Основную группу составили …»)
    ("Основную группу составили 48 больных. Национальный центр гигиены труда провёл обследование.", "ru",
     ["Национальный центр гигиены труда"], ["Основную группу"]),
    # nor is a study's arm in the nominative: a group names a body by what it is for
    ("Экспериментальная группа (n=48) занималась по программе. Контрольная группа занималась по обычной. "
     "В отчете Евразийская группа по противодействию легализации преступных доходов отмечает риски.", "ru",
     ["Евразийская группа по противодействию легализации преступных доходов"],
     ["Экспериментальная группа", "Контрольная группа"]),
    # surnames with a prefix that keeps its own capital
    ("The process was described by T. DebRoy; T. McKenzie and D. MacLeod studied lessons.", "en",
     ["T. DebRoy", "T. McKenzie", "D. MacLeod"], []),
    # a programme's modules listed after a colon are course titles, not initiatives
    ("Содержание построено из трёх модулей: «Кюй и его исполнитель», «Домбра в школьном классе».", "ru",
     [], ["Кюй и его исполнитель", "Домбра в школьном классе"]),
    # the label of an article's JEL codes names no body
    ("Keywords: wheat; export. JEL Q12 · Q18 · H25", "en", [], ["JEL"]),
    # a court in English is a body; a Russian «суд» opens too many other names to be one
    ("A case study of the British Columbia Civil Resolution Tribunal and the Almaty City Court.", "en",
     ["British Columbia Civil Resolution Tribunal", "Almaty City Court"], []),
    ("Государственный суд рассматривает спор.", "ru", [], ["Государственный суд"]),
    # a town or a village by its abbreviated kind; «г.» after a year and a capital «С.» are no kind
    ("Сеть работает в г. Каскелен и в с. Узынагаш. В 2020 г. Министерство приняло план; С. Иванов писал.", "ru",
     ["г. Каскелен", "с. Узынагаш"], ["г. Министерство"]),
])
def test_names_of_the_twenty_second_corpus(text, lang, found, not_found):
    cands = _candidates(text, lang, "relevance")
    for name in found:
        assert name in cands, (name, cands)
    for name in not_found:
        assert not any(c.startswith(name) for c in cands), (name, cands)


@pytest.mark.parametrize("text, lang, name, cls", [
    # an observation instrument named by its acronym
    ("T. McKenzie created the SOFIT lesson observation system.", "en", "SOFIT", "Method"),
    # a standard a measurement follows is a method; one a work reviews, an initiative
    ("Compression and fatigue testing to ISO 13314 were carried out.", "en", "ISO 13314", "Method"),
    ("The review covers the ISO 10993 series on biological evaluation.", "en", "ISO 10993", "Initiative"),
    ("Өлшеулер IEC 61000-4-7 стандартына сәйкес жүргізілді.", "kk", "IEC 61000-4-7", "Method"),
    # (the word for a standard between: «в соответствии со стандартом …»)
    ("Пробы отбирались в соответствии со стандартом EN 16868:2019.", "ru", "EN 16868:2019", "Method"),
    ("Samples were taken according to standard ISO 16000-6.", "en", "ISO 16000-6", "Method"),
    # a national adoption of an international standard is one name with its prefix
    ("Нормативная база опирается на стандарт СТ РК ISO 17640.", "ru", "СТ РК ISO 17640", "Initiative"),
    # an instrument by its maker and model before a Kazakh word for its kind
    ("Өлшеулер Fluke 435-II талдағышымен жүргізілді.", "kk", "Fluke 435-II", "Method"),
])
def test_classes_of_the_twenty_second_corpus(text, lang, name, cls):
    assert _candidates(text, lang, "relevance").get(name) == cls


def test_a_program_a_russian_methods_statement_did_the_work_in():
    cands = _candidates("Сервер сети, визуализация в Grafana и хранение в InfluxDB.", "ru", "methods")
    assert cands.get("Grafana") == cands.get("InfluxDB") == "Method"


@pytest.mark.parametrize("text, lang, found, not_found", [
    ("Применяли допплерометрию маточных артерий, колоноскопию и остеосцинтиграфию; изучали географию региона "
     "и геометрию пор; выявляли дисграфию.", "ru", ["допплерометрию", "колоноскопию", "остеосцинтиграфию"],
     ["географию", "геометрию", "дисграфию"]),
    ("We used accelerometry, colonoscopy and spectrophotometry; the bibliography and the geometry of the pores "
     "were described.", "en", ["accelerometry", "colonoscopy", "spectrophotometry"], ["bibliography", "geometry"]),
    ("Гельминтоовоскопия және спектрофотометрия әдістері қолданылды; монографияда сипатталды.", "kk",
     ["спектрофотометрия"], ["монографияда"]),
])
def test_a_procedure_by_its_ending_is_a_method_where_the_methods_are_listed(text, lang, found, not_found):
    cands = _candidates(text, lang, "methods")
    for name in found:
        assert cands.get(name) == "Method", (name, cands)
    for name in not_found:
        assert name not in cands, (name, cands)
    # elsewhere the same words are left to the vocabularies
    assert not {n for n, c in _candidates(text, lang, "relevance").items() if n in found}


def test_a_technology_s_acronym_is_no_product():
    # generic_acronyms lists "IoT" as a technology; the product rule had never asked it
    cands = _candidates("The IoT sensors were installed in greenhouses and read with MATLAB.", "en", "methods")
    assert "IoT" not in cands


# every word self_named._SENTENCE_SUBJECTS lists, written out here (a list read from the module
# would lose a word with it)
@pytest.mark.parametrize("subject", ["Зерттеу", "Жұмыс", "Мақала", "Диссертация", "Автор", "Авторлар", "Бұл", "Ол",
                                     "Осы", "Біз", "Талдау", "Зерттеуде", "Жұмыста", "Мақалада"])
def test_a_kazakh_document_named_by_its_years_starts_after_the_sentence_s_subject(subject):
    cands = _candidates(f"{subject} цифрландыруды дамытудың 2024–2029 жылдарға арналған тұжырымдамасына сүйенеді.",
                        "kk", "relevance")
    assert "цифрландыруды дамытудың 2024–2029 жылдарға арналған тұжырымдамасына" in cands
    assert not any(name.startswith(subject) for name in cands)


def test_a_grant_s_number_and_particulate_matter_are_no_tools():
    cands = _candidates("Работа выполнена по гранту AP14871236 и программе BR24992785; концентрации PM2.5 и PM10 "
                        "измеряли анализатором DustTrak 8530.", "ru", "methods")
    assert not {"AP14871236", "BR24992785", "PM2", "PM2.5", "PM10"} & set(cands)


def test_a_regulation_by_its_name_and_its_acronym_defined_after_hereinafter_are_laws():
    g = rdflib.Graph()
    cands = annotate(g, _seed_components({"en": "The General Data Protection Regulation (hereinafter – GDPR) limits "
                                                "transfers. GDPR applies to partners. The Committee for the Regulation "
                                                "of Natural Monopolies sets tariffs."}, "relevance"), work=WORK, source=SOURCE)
    classes = {c.name: c.suggested_class for c in cands}
    assert classes["General Data Protection Regulation"] == "Law"
    assert classes["GDPR"] == "Law"   # defined in the bracket after "hereinafter –", as «(далее – …)»
    assert classes["Committee for the Regulation of Natural Monopolies"] == "GovernmentBody"


@pytest.mark.parametrize("text, name", [
    # a surname in Russian letters that the Russian dictionary reads as a participle (корён)
    ("Ұсынымдық жүйелердің іргелі әдістерін Й. Корен әзірледі.", "Й. Корен"),
    # a Kazakh surname with Kazakh letters and no surname ending, which the guesser reads as a name
    ("Фразеологизмдердің табиғатын Ә. Қайдар зерттеді.", "Ә. Қайдар"),
])
def test_a_single_initial_and_a_surname_in_a_kazakh_text(text, name):
    assert _candidates(text, "kk", "relevance").get(name) == "Person"


def test_a_title_s_first_word_after_an_initial_in_a_kazakh_text_is_no_surname():
    assert "Программа" not in " ".join(_candidates("Бұл С. Программа туралы.", "kk", "relevance"))


@pytest.mark.parametrize("text, lang, entries", [
    ("История Дешт-и-Кыпчака и Мавераннахра в XV веке; степи Сарыарки.", "ru",
     {"actor/dasht-i-kipchak", "actor/transoxiana", "actor/saryarka"}),
    ("Дешті Қыпшақ пен Моғолстан тарихы; Сарыарқада жүргізілген зерттеулер.", "kk",
     {"actor/dasht-i-kipchak", "actor/moghulistan", "actor/saryarka"}),
    ("The cities of Transoxiana, Khwarazm and the Kipchak Steppe.", "en",
     {"actor/transoxiana", "actor/khwarazm", "actor/dasht-i-kipchak"}),
])
def test_historical_regions_a_history_names_are_linked(text, lang, entries):
    assert entries <= set(names(text, lang))


def test_an_article_before_software_names_no_program():
    cands = _candidates("The software was written in Python. This package is free; the Stata software was used.",
                        "en", "methods")
    assert not {"The", "This"} & set(cands)


def test_a_temperature_s_unit_is_no_initial():
    cands = _candidates("Calorimetry in the range 30–200 °C. Fibre length was then measured; T. McKenzie agreed.",
                        "en", "methods")
    assert "C. Fibre" not in cands and cands.get("T. McKenzie") == "Person"


def test_a_foreign_town_the_vocabulary_spells_as_russian_is_found_in_its_kazakh_spelling():
    # GeoNames gives Kazakh labels in Russian spelling (Бишкек); a Kazakh text writes «і»
    assert names("Конференция Бішкекте өтті.", "kk") == ["actor/bishkek"]
    # a short word opening a sentence is not read so («Ішек» "intestine")
    assert names("Ішектегі микробиота зерттелді.", "kk") == []


def test_a_kazakh_place_is_found_in_its_k_spelling_as_in_its_q_spelling():
    # GeoNames writes Qarqaraly, Qaraghandy; most English texts write Karkaraly, Karagandy
    assert names("Wormwood was collected near Karkaraly and near Qarqaraly.", "en") == ["actor/qarqaraly"] * 2
    # and an edit of such a place's labels links again the documents that write it so
    from dissertation_kg.mappings import relink
    bits = relink.word_filter(relink.text_keys([("Wormwood was collected near Karkaraly.", "en")]))
    assert relink.may_change(bits, relink.requirements([("Qarqaraly", "en")]))


# A Russian preposition between a quoted name and a word of a kind says the kind is another's:
# the course «…» на факультете … names no faculty; Kazakh puts the kind right after the name.
@pytest.mark.parametrize("text, lang, expected", [
    ("Результаты используются в курсе «Степная агрохимия» на факультете биологии университета.", "ru", {}),
    ("Материалы используются в дисциплине «Зоонозы степи» на кафедре инфекционных болезней.", "ru", {}),
    ("Деректер «Дала агро» корпорациясы арқылы жиналды.", "kk", {"«Дала агро» корпорациясы": "NonGovernmentalOrganization"}),
])
def test_a_preposition_between_a_quoted_name_and_a_kind_names_another_s(text, lang, expected):
    assert {n: c for n, c in _candidates(text, lang, "significance").items() if "«" in n} == expected


def test_a_kazakh_programme_named_by_its_years_opens_at_them_after_the_sentence_s_subject():
    found = _candidates("ICAR ұсынымдары алынды.\nЗерттеу 2021–2023 жылдарға арналған ғылыми-техникалық "
                        "бағдарлама аясында жүргізілді.", "kk", "relevance")
    assert "2021–2023 жылдарға арналған ғылыми-техникалық бағдарлама" in found, found


# A state's pharmacopoeia is a body of norms, as a standard is; a technical regulation of the
# Customs (Eurasian Economic) Union is named by its number, as a standard is.
@pytest.mark.parametrize("text, lang, name", [
    ("Контроль качества проводили по требованиям Государственной фармакопеи Республики Казахстан.", "ru",
     "Государственной фармакопеи"),
    ("Quality was tested as the European Pharmacopoeia requires.", "en", "European Pharmacopoeia"),
    ("Сапасы Қазақстан Республикасының Мемлекеттік фармакопеясы бойынша бақыланды.", "kk", "Мемлекеттік фармакопеясы"),
    ("Маркировка отвечает требованиям ТР ТС 022/2011 к пищевой продукции.", "ru", "ТР ТС 022/2011"),
    ("Өнім ТР ЕАЭО 033/2013 талаптарына сәйкес келеді.", "kk", "ТР ЕАЭО 033/2013"),
])
def test_a_pharmacopoeia_and_a_customs_union_regulation_are_initiatives(text, lang, name):
    assert _candidates(text, lang, "relevance").get(name) == "Initiative", _candidates(text, lang, "relevance")


# Methods listed as adjectives sharing one head: each adjective is a method of its own, the last
# one with the head (mappings/shared_heads.py); only where the methods are stated, and only a list.
@pytest.mark.parametrize("text, lang, kind, expected", [
    ("Organoleptic, bacteriological and serological methods were used.", "en", "methods",
     {"Organoleptic", "bacteriological", "serological methods"}),
    ("В работе использованы макроскопический и микроскопический анализ сырья.", "ru", "methods",
     {"макроскопический", "микроскопический анализ"}),
    ("Жұмыста органолептикалық, гельминтологиялық және серологиялық әдістер қолданылды.", "kk", "methods",
     {"органолептикалық", "гельминтологиялық", "серологиялық әдістер"}),
    ("Statistical methods were used.", "en", "methods", set()),
    ("Organoleptic, bacteriological and serological methods are common in such studies.", "en", "relevance", set()),
])
def test_adjectives_sharing_a_method_head_are_methods_each(text, lang, kind, expected):
    from dissertation_kg.mappings import shared_heads
    found = {text[s:e] for s, e in shared_heads.find(text, lang)} if kind == "methods" else set()
    assert found >= expected and (expected or not found)
    named = {n for n, c in _candidates(text, lang, kind).items() if c == "Method"}
    assert expected <= named and not (named & ({"Organoleptic", "bacteriological"} - expected))


def test_a_label_never_holds_a_comma_right_after_an_acronym():
    # «ЭПР-спектроскопия» is a label; «спектроскопия ЭПР, спектроскопия ЯМР» is a list of two
    found = {m.exact for m in find_mentions("В работе использованы спектроскопия ЭПР, спектроскопия ЯМР.", "ru")}
    assert "ЭПР, спектроскопия" not in found and "ЭПР" in found


def test_a_compass_word_alone_names_no_state():
    # CLDR's «Корея (Солтүстік)» gave North Korea the labels «Корея» and «Солтүстік» ("North")
    assert not find_mentions("Солтүстік аудандарда антропогендік фактордың рөлі жоғары.", "kk")


# Names the vocabulary gained from the twenty-sixth corpus's fields (nuclear disarmament, ecology,
# the history of the Kazakh ASSR), in the inflections the texts use.
@pytest.mark.parametrize("text, lang, entry", [
    ("Kazakhstan is a party to the Treaty on the Non-Proliferation of Nuclear Weapons (NPT).", "en", "initiative/npt"),
    ("Мәлімдемелер Ядролық қаруды таратпау туралы шартқа шолу конференцияларында жасалды.", "kk", "initiative/npt"),
    ("Казахстан ратифицировал Договор о запрещении ядерного оружия в 2019 году.", "ru", "initiative/tpnw"),
    ("The Treaty on a Nuclear-Weapon-Free Zone in Central Asia was signed at Semey.", "en", "initiative/canwfz"),
    ("Жайылымдарды қорғау Экология кодексінде көзделген.", "kk", "initiative/environmental-code-kz"),
    ("Ауылдың жағдайы жаңа экономикалық саясат жылдарында өзгерді.", "kk", "initiative/new-economic-policy"),
    ("«Кіші Қазан» бағыты байлардың шаруашылықтарын күйретті.", "kk", "initiative/little-october"),
    ("Деректер Ұлттық гидрометеорологиялық қызметтің станцияларынан алынды.", "kk", "actor/kazhydromet"),
    ("Станции Организации по Договору о всеобъемлющем запрещении ядерных испытаний работают в Казахстане.", "ru",
     "actor/ctbto"),
    # the law of carriage by sea and of the sea itself, as a maritime law abstract cites it
    ("Нормы сопоставлены с Гаагско-Висбийскими правилами и Роттердамскими правилами.", "ru",
     "initiative/hague-visby-rules"),
    ("Ships in the port of Aktau must meet MARPOL 73/78 and UNCLOS.", "en", "initiative/marpol"),
    # operations research's own methods, none a kind of linear programming's name
    ("Задача решена симплекс-методом, а целочисленная – методом ветвей и границ.", "ru", "method/simplex-method"),
    ("Маршруттар табу іздеу және Лагранж релаксациясы арқылы табылды.", "kk", "method/tabu-search"),
    # research reactors measured with, as instruments are
    ("Fuel assemblies were tested in the IVG.1M and IGR reactors at Kurchatov.", "en", "method/ivg-1m-reactor"),
    ("Мультфильмдер «Қазақфильм» студиясында түсірілді.", "kk", "actor/kazakhfilm"),
])
def test_the_vocabulary_names_the_treaties_codes_and_policies_these_fields_cite(text, lang, entry):
    assert entry in names(text, lang), names(text, lang)


# A theory named in quotes after its head holds five words at most in its quotes (seed 181,
# linking.py: the bound 5 → 6 survived): a longer quotation is a text, not a notion's name.
@pytest.mark.parametrize("quoted, named", [
    ("обучения на протяжении всей жизни", True),
    ("обучения на протяжении всей жизни человека", False),
])
def test_a_quoted_theory_after_its_head_holds_five_words_at_most(quoted, named):
    found = _candidates(f"Работа опирается на концепцию «{quoted}» и на опыт школ.", "ru", "relevance")
    assert (f"концепцию «{quoted}»" in found) == named, found


# A model named in quotes is a scholar's, as a theory is, in any section: «модель «требования –
# контроль»», Kazakh's quote before «моделі» in any case (front-vowel endings too), and English's.
@pytest.mark.parametrize("text, lang, name", [
    ("Стресс оценивали в рамках модели «требования – контроль» и по опросникам.", "ru", "модели «требования – контроль»"),
    ("Зерттеу «талаптар – бақылау» моделін және «жұмыс талаптары – ресурстар» моделіне сүйенді.", "kk",
     "«талаптар – бақылау» моделін"),
    ("Зерттеу «талаптар – бақылау» моделін және «жұмыс талаптары – ресурстар» моделіне сүйенді.", "kk",
     "«жұмыс талаптары – ресурстар» моделіне"),
    ("Burnout was read through the \"job demands–resources\" model of Bakker.", "en", "\"job demands–resources\" model"),
])
def test_a_quoted_model_is_a_theory(text, lang, name):
    assert _candidates(text, lang, "relevance").get(name) == "Theory", _candidates(text, lang, "relevance")


def test_a_body_s_treaty_is_not_widened_over_a_name_of_another_kind():
    # (seed 181, body_conventions.py: only bodies may stand inside the treaty's name; a known place
    # inside it keeps the body and the place as they are)
    text = "Стороны ссылаются на Конвенцию ООН о статусе Каспийского моря и на практику соседей."
    cands = annotate(rdflib.Graph(), _seed_components({"ru": text}), work=WORK, source=SOURCE)
    assert not [c for c in cands if c.reason == "body's treaty"], [(c.name, c.reason) for c in cands]
    assert {"actor/united-nations", "actor/caspian-sea"} <= set(names(text, "ru")), names(text, "ru")


def test_a_treaty_about_two_things_joined_by_and_is_named_by_both():
    # «и» between two nouns of what the treaty is about is skipped over; no other word is (seed 281,
    # linking.py: the skip taken for any word before a small word cut the name to its head)
    text = "Казахстан подписал Договор о добрососедстве и сотрудничестве в Центральной Азии."
    assert _candidates(text, "ru", "relevance") == {"Договор о добрососедстве и сотрудничестве": "Initiative"}


def test_two_capitals_are_an_abbreviation_not_a_name_in_capitals():
    # «ОШ 2,9» (an odds ratio) is no Osh, whose label «Ош» a base form of «ОШ» matched
    assert "actor/osh" not in names("Поздняя диагностика связана с жалобами (ОШ 2,9).", "ru")
    assert "actor/osh" in names("Исследование проведено в Оше и в Бишкеке.", "ru")


def test_two_capitals_before_a_word_for_a_body_are_its_acronym():
    # (seed 221, linking.py: two capitals are a candidate only with such a word after them)
    assert _candidates("Данные предоставил ФЦ фонд развития.", "ru", "relevance") == {"ФЦ": "Organization"}
    assert _candidates("Мощность станции 40 МВ по проекту.", "ru", "relevance") == {}


@pytest.mark.parametrize("text, lang, body", [
    # a body's own quoted name inside the quote that opens its descriptive name, or before its kind
    ("Материалы включены в программы АО «Национальный центр повышения квалификации «Өрлеу».", "ru",
     "Национальный центр повышения квалификации «Өрлеу»"),
    ('The programme is used in the courses of the "Orleu" National Centre for Professional Development.', "en",
     '"Orleu" National Centre for Professional Development'),
])
def test_a_quoted_name_inside_a_bodys_name_is_the_bodys(text, lang, body):
    found = _candidates(text, lang, "significance")
    assert found.get(body) == "NonGovernmentalOrganization", found
    assert "Initiative" not in found.values(), found


@pytest.mark.parametrize("text, lang, expected", [
    # an enterprise named after its kind: a mine, a publisher, a farm, a nursery; a quoted name
    # inside a quoted name whose closing marks are one («Агрофирма «Акжар Өндіріс»); a national
    # chamber or research enterprise by its initials (НПП)
    ("Работа выполнена на шахте «Абайская» и в ТОО «Агрофирма «Акжар Өндіріс».", "ru",
     {"шахте «Абайская»": "Organization", "ТОО «Агрофирма «Акжар Өндіріс»": "Organization"}),
    ("Учебник выпущен издательством «Мектеп», данные дала НПП «Атамекен».", "ru",
     {"издательством «Мектеп»": "Organization", "НПП «Атамекен»": "Organization"}),
    ("Дети из «Ақтөбе-Агро» шаруа қожалығы және «Балапан» бөбекжайында зерттелді.", "kk",
     {"«Ақтөбе-Агро» шаруа қожалығы": "Organization", "«Балапан» бөбекжайында": "Organization"}),
    ("Samples were taken at the Kostenko Mine in Karaganda.", "en", {"Kostenko Mine": "Organization"}),
])
def test_an_enterprise_is_named_by_its_kind(text, lang, expected):
    assert _candidates(text, lang, "methods") == expected


def test_a_farms_kind_after_capitalised_words_names_no_farm():
    # «шаруа қожалығы» after a sentence's first words is a common noun (the calculations of a
    # peasant farm); a publisher's name inside a sentence is a name
    text = "Экономикалық есептеулер шаруа қожалығының нақты шығындары бойынша жүргізілді."
    assert _candidates(text, "kk", "methods") == {}
    text = "Кітап Чжунхуа шуцзюй баспасында шықты."
    assert _candidates(text, "kk", "methods") == {"Чжунхуа шуцзюй баспасында": "Organization"}


@pytest.mark.parametrize("text, lang, expected", [
    # what states sign is a kind of its own: two agreements joined by "and the" are two, a kind
    # used as a modifier before "and" is one name ("Partnership and Cooperation Agreement")
    ("Relations rest on the Framework Agreement and the Partnership Agreement.", "en",
     {"Framework Agreement": "Initiative", "Partnership Agreement": "Initiative"}),
    ("The Enhanced Partnership and Cooperation Agreement entered into force in 2020.", "en",
     {"Enhanced Partnership and Cooperation Agreement": "Initiative"}),
    ("Подписаны Меморандум о взаимопонимании и Протокол о сотрудничестве; составлен протокол о нарушении.", "ru",
     {"Меморандум о взаимопонимании": "Initiative", "Протокол о сотрудничестве": "Initiative"}),
])
def test_what_states_sign_is_named_by_its_kind(text, lang, expected):
    assert _candidates(text, lang, "relevance") == expected


def test_a_latin_acronym_names_its_entry_in_russian_and_kazakh_texts():
    # an acronym of three capitals or more is written in Latin letters there too, unless it opens
    # a longer Latin name («FAO Penman-Monteith әдісі» is the method's)
    assert "actor/fao" in names("FAO деректері бойынша әлемде 35 млн түйе бар.", "kk")
    assert "method/swat-model" in names("Сток оценён по модели SWAT.", "ru")
    assert "actor/fao" not in names("Булану FAO Penman-Monteith әдісімен есептелді.", "kk")
    assert "method/spss" in names("Деректер SPSS Statistics бағдарламасында өңделді.", "kk")
    assert _candidates("Булану FAO Penman-Monteith әдісімен есептелді.", "kk", "methods") == {
        "FAO Penman-Monteith әдісімен": "Method"}


def test_the_principles_of_historical_research_are_theories():
    # the principle of historicism and of objectivity: a research's principles, as the keys class
    # them (the historical method stays a method)
    found = names("Работа основана на принципе историзма и принципе объективности; применён исторический метод.", "ru")
    assert {"theory/principle-of-historicism", "theory/principle-of-objectivity", "method/historical-method"} <= set(found)
    assert "theory/principle-of-historicism" in names("Зерттеу тарихилық принципіне негізделді.", "kk")


def test_signal_processings_methods_are_linked():
    text = ("The vibration signal was decomposed by empirical mode decomposition, its transients found by "
            "spectral kurtosis; the noise was removed by adaptive filtering with recursive least squares.")
    assert {"method/empirical-mode-decomposition", "method/spectral-kurtosis", "method/adaptive-filtering",
            "method/recursive-least-squares"} <= set(names(text, "en"))
    assert "method/hilbert-transform" in names("Огибающая найдена преобразованием Гильберта.", "ru")


def test_a_law_named_after_a_units_scientist_is_no_city():
    # «закон Ома» is Ohm's law, not the law of Ome (a city whose Russian name declines alike);
    # the genitive after a noun that names no law stays a place («рынки Риддера»)
    text = "Цепь рассчитана по закону Ома, изучены рынки Риддера."
    assert "actor/ome" not in names(text, "ru")
    assert _candidates(text, "ru", "methods") == {"закону Ома": "Theory"}
    assert "actor/ridder" in names(text, "ru")


def test_a_known_bodys_name_that_quotes_its_own_name_is_a_mention_of_it():
    # the vocabulary's «Фонд развития предпринимательства Даму», written with the name quoted
    text = "Изучено влияние программ АО «Фонд развития предпринимательства «Даму» на цифровизацию."
    found = [(m.exact, str(m.entity).split("/id/", 1)[1]) for m in find_mentions(text, "ru")]
    assert ("Фонд развития предпринимательства «Даму»", "actor/damu-fund") in found
    assert "Initiative" not in _candidates(text, "ru", "significance").values()


def test_a_quoted_title_after_a_bodys_genitive_is_its_document():
    # no quote stands open before the body: the quoted name is the union's regulation, not its name
    text = ("Еуразиялық экономикалық одақтың «Ет және ет өнімдерінің қауіпсіздігі туралы» техникалық регламенті "
            "қолданылады.")
    assert "Ет және ет өнімдерінің қауіпсіздігі туралы" in "".join(_candidates(text, "kk", "relevance"))
    found = _candidates("Программа Фонда развития туризма «Жаңа маршрут» поддержала гидов.", "ru", "relevance")
    assert found.get("Жаңа маршрут") == "Initiative", found


def test_a_latin_letter_and_a_stop_before_a_cyrillic_word_are_no_initials():
    # the program R ends a sentence; the next one opens with a capital
    found = _candidates("Статистический анализ выполнен в ioGAS и R. Аналитические работы выполнены в срок.",
                        "ru", "methods")
    assert "Person" not in found.values(), found


@pytest.mark.parametrize("text, lang, name", [
    ("Аналитические работы выполнены в лабораториях КазНИТУ и партнёров.", "ru", "КазНИТУ"),
    ("Талдаулар ҚарМТУ зертханаларында жүргізілді.", "kk", "ҚарМТУ"),
])
def test_a_universitys_acronym_is_a_university_even_where_methods_are_stated(text, lang, name):
    assert _candidates(text, lang, "methods").get(name) == "University"


def test_short_common_surnames_and_a_hyphenated_particle_follow_initials():
    text = ("Explanations go back to the law-and-finance studies of R. La Porta, F. Lopez-de-Silanes, A. Shleifer "
            "and R. Vishny. Ageing models were developed by J. Schmalstieg and B. Xu, and for isolated systems by "
            "Y. Wang.")
    found = _candidates(text, "en", "state-of-research")
    assert [n for n in ("F. Lopez-de-Silanes", "A. Shleifer", "B. Xu", "Y. Wang") if found.get(n) == "Person"] == [
        "F. Lopez-de-Silanes", "A. Shleifer", "B. Xu", "Y. Wang"], found
    # a longer word after a citation's initials opens the title
    cited = "2. Zhakupova A., Salmela L. Autonomy and well-being of rural teachers // Teaching. – 2021. – P. 5–9."
    assert "L. Autonomy" not in _candidates(cited, "en", "approbation")


@pytest.mark.parametrize("text, lang, entry", [
    # Kazakhstan's state compulsory standards of education, one a level, in any of their word orders
    ("Разработка опирается на Государственный общеобязательный стандарт среднего образования.", "ru",
     "initiative/state-standard-secondary-education"),
    ("Бағдарлама Орта білім берудің мемлекеттік жалпыға міндетті стандартына сәйкес жасалды.", "kk",
     "initiative/state-standard-secondary-education"),
    ("Мектепке дейінгі тәрбие мен оқытудың мемлекеттік жалпыға міндетті стандартында көрсетілген.", "kk",
     "initiative/state-standard-preschool-education"),
    ("Outcomes follow the State Compulsory Standard of Higher Education of 2022.", "en",
     "initiative/state-standard-higher-education"),
])
def test_the_state_standards_of_education_are_linked(text, lang, entry):
    assert names(text, lang) == [entry]


@pytest.mark.parametrize("text, lang, exact", [
    # the label quotes its last words, as the act's title does; the text wraps the quote too
    ("Экологический кодекс и Концепция по переходу Республики Казахстан к «зеленой экономике» требуют "
     "мониторинга.", "ru", "Концепция по переходу Республики Казахстан к «зеленой экономике»"),
    ("Согласно Концепции по переходу Республики Казахстан к «зелёной экономике», к 2050 году половина "
     "энергии должна быть возобновляемой.", "ru", "Концепции по переходу Республики Казахстан к «зелёной экономике»"),
    ("Концепция по переходу к «зеленой экономике» принята в 2013 году.", "ru",
     "Концепция по переходу к «зеленой экономике»"),
])
def test_a_label_that_quotes_its_own_words_is_found_with_both_quotes(text, lang, exact):
    found = [m for m in find_mentions(text, lang) if m.entity.endswith("/green-economy-concept")]
    assert [m.exact for m in found] == [exact]


def test_a_quote_opened_before_the_name_closes_inside_it_and_is_not_taken_twice():
    # «"Даму" … қоры»: the quote that opened before the name is the name's; nothing after it
    found = find_mentions("Жоба «Даму» кәсіпкерлікті дамыту қоры арқылы қаржыландырылды.", "kk")
    assert all(m.exact.count("«") == m.exact.count("»") for m in found)


@pytest.mark.parametrize("text, lang, entry", [
    # a resonance method named by its physics alone, without "spectroscopy"
    ("Radicals were identified by electron paramagnetic resonance with spin traps.", "en",
     "method/electron-paramagnetic-resonance"),
    ("The structure was confirmed by nuclear magnetic resonance.", "en", "method/nmr-spectroscopy"),
    ("Структура подтверждена методом ядерного магнитного резонанса.", "ru", "method/nmr-spectroscopy"),
    ("Құрылымы ядролық магниттік резонанс арқылы дәлелденді.", "kk", "method/nmr-spectroscopy"),
])
def test_a_resonance_method_named_without_its_spectroscopy(text, lang, entry):
    assert entry in names(text, lang)


@pytest.mark.parametrize("name, cls", [
    # a Kazakh body's name quoted as written in a Russian text: its Kazakh kind word says what it is
    # (the Russian dictionary does not reduce «галереясы» to «галерея»)
    ("Дала Өңірлік Галереясы", "Organization"),
    ("Дала Өңірлік Кітапханасы", "NonGovernmentalOrganization"),
])
def test_a_kazakh_kind_word_in_a_russian_text_names_the_body(name, cls):
    found = _candidates(f"Данные предоставила {name} по запросу автора.", "ru", "relevance")
    assert found.get(name) == cls, found


@pytest.mark.parametrize("text, lang", [
    ("Результаты доложены на международной конференции «Географические науки в обеспечении устойчивого развития» "
     "(Астана, 2023).", "ru"),
    ('The results were reported at the conference "Sustainable Development and Green Chemistry" in 2022.', "en"),
    ("Нәтижелер «Тұрақты даму және жасыл экономика» атты халықаралық конференцияда баяндалды.", "kk"),
])
def test_a_theory_inside_a_conferences_title_is_the_conferences_words(text, lang):
    assert not [m for m in find_mentions(text, lang) if m.cls in ("Theory", "Method")]


def test_a_theory_the_work_names_outside_a_title_is_one():
    assert [m for m in find_mentions("Концепция устойчивого развития лежит в основе работы.", "ru") if m.cls == "Theory"]


@pytest.mark.parametrize("text, lang, name, cls", [
    # a document's kind after a quote names what the quote is, whatever its own last word
    ("Біз «Мектеп – музей» интеграциялық бағдарламасын жасадық.", "kk", "Мектеп – музей", "Programme"),
    ("Мы внедрили «Школа – музей» интеграционную программу.", "ru", "Школа – музей", "Programme"),
    # a quote naming its own kind of document is that document; the word after it is no body's kind
    ("Министрлік ұсынған «Тәрбие мен білім берудің бірыңғай бағдарламасы» музей сабақтарын қарастырады.", "kk",
     "Тәрбие мен білім берудің бірыңғай бағдарламасы", "Programme"),
    # a body's kind after a quote still makes a body
    ("«Атамекен» музейі ашылды.", "kk", "«Атамекен» музейі", "Organization"),
])
def test_the_kind_after_a_quoted_name_says_what_it_names(text, lang, name, cls):
    cands = _candidates(text, lang, "relevance")
    assert cands.get(name) == cls, cands
    assert not any(n != name and name in n for n in cands), cands


@pytest.mark.parametrize("text, lang", [
    ("The literature review describes the pathophysiology of the syndrome.", "en"),
    ("В обзоре литературы рассмотрены эпидемиология и патогенез заболевания.", "ru"),
])
def test_the_literature_review_in_the_chapters_summary_is_a_chapter(text, lang):
    assert not [m for m in find_mentions(text, lang, kind="content") if str(m.entity).endswith("/literature-review")]
    # (where the work says how it found things out, it is a method)
    assert [m for m in find_mentions(text, lang, kind="methods") if str(m.entity).endswith("/literature-review")]


# Field methods and statistics of ecology and health economics (twenty-ninth session's vocabulary),
# each in a sentence of its own language
@pytest.mark.parametrize("text, lang, slug", [
    ("Spiders were collected by pitfall traps and sweep-netting.", "en", "pitfall-trapping"),
    ("Spiders were collected by pitfall traps and sweep-netting.", "en", "sweep-netting"),
    ("Specimens were checked by DNA barcoding of the COI gene.", "en", "dna-barcoding"),
    ("Richness was estimated by rarefaction.", "en", "rarefaction"),
    ("Assemblages were ordinated by non-metric multidimensional scaling.", "en", "non-metric-multidimensional-scaling"),
    ("Groups were compared by PERMANOVA.", "en", "permanova"),
    ("Richness was modelled with generalized additive models.", "en", "generalized-additive-model"),
    ("Costs were estimated with a Markov model.", "en", "markov-model"),
    ("Использованы фотоловушки и маршрутный учёт.", "ru", "camera-trapping"),
    ("Использованы фотоловушки и маршрутный учёт.", "ru", "line-transect-survey"),
    ("Численность оценена методом мечения и повторного отлова.", "ru", "mark-recapture"),
    ("Аэроесеп және GPS-телеметрия жүргізілді.", "kk", "aerial-survey"),
    ("Аэроесеп және GPS-телеметрия жүргізілді.", "kk", "gps-telemetry"),
])
def test_field_methods_and_statistics_are_known(text, lang, slug):
    # (in a methods statement, where a common word such as "rarefaction" names the method)
    assert any(str(m.entity).endswith(f"/method/{slug}") for m in find_mentions(text, lang, kind="methods"))


def test_a_kazakh_place_word_after_a_list_of_cities_makes_them_places():
    # «Орынбор, Омбы және Алтай өңірлерін» (the Orenburg, Omsk and Altai regions): the word for
    # region after the last name says the list names places; without it the names could be people's
    found = linked_names("Зерттеу Орынбор, Омбы және Алтай өңірлерін қамтиды.", "kk")
    assert {iri for _, iri in found} >= {"orenburg", "omsk"}
    assert ("Алтай", "jinshanlu") in found
    assert linked_names("Зерттеу Алтай өңірін қамтиды.", "kk") == [("Алтай", "jinshanlu")]
    assert linked_names("Материал Орынбор өлкесінен жиналды.", "kk") == [("Орынбор", "orenburg")]
    assert not linked_names("Зерттеу Алтай еңбектерін қамтиды.", "kk")
    # a word that only begins like one («маңызды», important) is no place word
    assert not linked_names("Алтай маңызды мәселені көтерді.", "kk")
    assert ("Ақсу", "aqsu") in linked_names("Тәжірибе Ақсу маңында жүргізілді.", "kk")


def test_kazakh_names_of_cities_and_the_syr_darya_lands():
    found = linked_names("Бұйымдар Хиуа қаласында жасалған; Сыр бойында, Орынбор қаласында сақталған.", "kk")
    assert {iri for _, iri in found} == {"xiva", "syr-boyi", "orenburg"}


def test_international_assessment_surveys_are_methods():
    # PISA, TIMSS, PIRLS, TALIS are survey programmes whose tests and data a work uses (KEYS.md)
    for text, lang in (("Анализ данных PISA, TIMSS, PIRLS и TALIS.", "ru"),
                       ("We used PISA, TIMSS, PIRLS and TALIS data.", "en"),
                       ("PISA, TIMSS, PIRLS және TALIS зерттеулерінің деректері.", "kk")):
        found = find_mentions(text, lang)
        assert sorted(str(m.entity).rsplit("/", 1)[1] for m in found) == ["pirls", "pisa", "talis", "timss"], text
        assert {m.cls for m in found} == {"Method"} and all("/method/" in str(m.entity) for m in found)


@pytest.mark.parametrize("seed", ["0", "1", "2", "3", "4"])
def test_of_two_names_as_long_the_same_wins_whatever_the_hash_seed(seed):
    # "PISA" is the survey's acronym and, folded, the city of Pisa's name: which one a process
    # linked hung on the order of a set of strings, so on PYTHONHASHSEED (in one of three, neither)
    import subprocess
    import sys
    code = ("from dissertation_kg.mappings.linking import find_mentions\n"
            "print([str(m.entity) for m in find_mentions('We used PISA data; the study was done in Pisa, Italy.', 'en')])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONHASHSEED": seed, "DKG_LEXICON_CACHE": "off"}).stdout
    assert out.split("'")[1::2] == [f"{ID}method/pisa", f"{ID}actor/pisa", f"{ID}actor/italy"]


def test_a_deprecated_vocabulary_entry_links_nothing(tmp_path):
    # a retired entry stays for whoever dereferences its IRI; its replacement carries the name
    from dissertation_kg.mappings import vocabulary
    (tmp_path / "methods.ttl").write_text("""
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix dkg: <https://w3id.org/dissertation-kg/ontology#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
<https://w3id.org/dissertation-kg/id/initiative/pisa> a skos:Concept, dkg:Initiative ;
    owl:deprecated true ; dcterms:isReplacedBy <https://w3id.org/dissertation-kg/id/method/pisa> ;
    skos:prefLabel "PISA"@en .
<https://w3id.org/dissertation-kg/id/method/pisa> a skos:Concept, dkg:Method ; skos:prefLabel "PISA"@en .
<https://w3id.org/dissertation-kg/id/method/wvs> a skos:Concept, dkg:Method ; owl:deprecated false ;
    skos:prefLabel "World Values Survey"@en .
""", encoding="utf-8")
    for entries in (vocabulary.load_entries(tmp_path), vocabulary._entries(vocabulary.load_graph(tmp_path))):
        assert sorted(str(e.iri).rsplit("/id/", 1)[1] for e in entries) == ["method/pisa", "method/wvs"]
    found = find_mentions("PISA data", "en", lexicon(tmp_path))
    assert [str(m.entity).rsplit("/id/", 1)[1] for m in found] == ["method/pisa"]


def test_kazakh_historys_rivers_crimea_and_mononymous_figures():
    # the names Kazakh texts give the Volga, the Ural and Crimea, and people cited by one name
    found = linked_names("Алтын Орда қалалары Еділ мен Жайық бойында, Қырымда орналасты; оларды Ибн Баттута сипаттады.", "kk")
    assert {iri for _, iri in found} >= {"volga", "ural-river", "crimea", "ibn-battuta"}
    found = linked_names("Аристотельдің «Риторикасы», Цицерон мен Төле бидің шешендік сөздері салыстырылды.", "kk")
    assert {iri for _, iri in found} >= {"aristotle", "cicero", "tole-bi"}
    assert {iri for _, iri in linked_names("Риторика Аристотеля и Цицерона, города Поволжья и Крыма.", "ru")} >= {
        "aristotle", "cicero", "crimea"}


def test_biodiversity_treaties_the_middle_corridor_and_private_law_bodies():
    found = linked_names("Нагоя хаттамасы мен Биологиялық әртүрлілік туралы конвенция, CITES талаптары ескерілді.", "kk")
    assert {iri for _, iri in found} >= {"nagoya-protocol", "convention-on-biological-diversity", "cites"}
    found = linked_names("Cargo on the Middle Corridor (the Trans-Caspian International Transport Route) grew.", "en")
    assert {iri for _, iri in found} == {"trans-caspian-international-transport-route"}
    found = linked_names("Принципы УНИДРУА и Гаагская конференция по международному частному праву.", "ru")
    assert {iri for _, iri in found} >= {"unidroit", "hcch"}
    # the city stays the city where the protocol is not named
    assert ("Нагоя", "nagoya") in linked_names("Конференция прошла в г. Нагоя.", "ru")


def test_regions_beyond_kazakhstan_in_three_languages():
    # the macro-regions and other countries' subdivisions abstracts name (Siberia, the Middle East,
    # California …): each by its own name in each language, declined
    found = linked_names("Trade with the Middle East and Western Siberia, and with Eastern and Western Siberia; "
                         "farms in California, Scotland and the Volga region.", "en")
    assert [iri for _, iri in found] == ["middle-east", "western-siberia", "eastern-siberia", "western-siberia",
                                          "california", "scotland", "volga-region"]
    found = linked_names("Опыт Западной Сибири, Кавказа, Татарстана и Каракалпакстана; угли Кузбасса и Донбасса.", "ru")
    assert {iri for _, iri in found} == {"western-siberia", "caucasus", "tatarstan", "karakalpakstan", "kuzbass", "donbas"}
    found = linked_names("Батыс Сібірде, Таяу Шығыста, Қарақалпақстанда және Жоңғар Алатауында зерттелді.", "kk")
    assert {iri for _, iri in found} == {"western-siberia", "middle-east", "karakalpakstan", "zhetysu-alatau"}


def test_medieval_cities_of_the_steppe_and_the_silk_road_in_three_languages():
    # history and archaeology abstracts name the sites by their medieval names, declined
    found = linked_names("Отырар, Сауран, Сығанақ қалаларында, Сайрамда және Баласағұнда жүргізілген қазбалар "
                         "Сарай әл-Жадидпен, Үргенішпен және Кафамен сауда байланысын көрсетті.", "kk")
    assert [iri for _, iri in found] == ["otrar", "sauran", "syganak", "sairam", "balasagun", "sarai-al-jadid",
                                         "gurganj", "kaffa"]
    found = linked_names("Раскопки в Отраре, Сыгнаке, Сарайчике и Джанкенте, связи с Сараем ал-Джедид и Каффой.", "ru")
    assert [iri for _, iri in found] == ["otrar", "syganak", "saraishyk", "zhankent", "sarai-al-jadid", "kaffa"]
    found = linked_names("Coins from Otrar, Sygnak, Koylyk and Suyab reached Merv and Kaffa.", "en")
    assert [iri for _, iri in found] == ["otrar", "syganak", "koylyk", "suyab", "merv", "kaffa"]


def test_platforms_companies_and_their_products():
    # the platforms and companies that media, computing and industry abstracts name as actors
    found = linked_names("Аудитория переходит на видеоплатформы YouTube, TikTok и ВКонтакте, а также в WhatsApp.", "ru")
    assert [iri for _, iri in found] == ["youtube", "tiktok", "vkontakte", "whatsapp"]
    found = linked_names("Испытания проведены на АО «АрселорМиттал Темиртау» (ныне Qarmet).", "ru")
    assert [iri for _, iri in found] == ["qarmet", "qarmet"]
    found = linked_names("Federated learning was proposed at Google in 2017 and runs on Google Cloud and "
                         "Amazon Web Services.", "en")
    assert [(q, iri) for q, iri in found if iri != "federated-learning"] == [
        ("Google", "google"), ("Google Cloud", "google"), ("Amazon Web Services", "amazon-web-services")]
    # a company's name before a capitalised word is its product's: the company is not named
    found = linked_names("Sources were searched in Google Scholar and Google Trends, and run on Amazon Braket.", "en")
    assert found == []
    found = linked_names("Жауаптар Google Forms арқылы жиналды; Google компаниясының деректері.", "kk")
    assert [iri for _, iri in found] == ["google-forms", "google"]


def test_a_program_named_by_a_word_no_dictionary_knows_is_a_name_wherever_it_stands():
    # "statsmodels" ends as an English plural does, yet names one program, not studies done
    found = linked_names("The forecasts were computed with statsmodels, and the sample size with G*Power 3.1.", "en")
    assert found == [("statsmodels", "statsmodels"), ("G*Power 3.1", "g-power")]
    # a label a curator wrote in the plural is that name, not a plural of instances
    assert linked_names("Tables were merged with pandas.", "en") == [("pandas", "pandas")]
    # (while the plural of an ordinary method word still names the studies: test_method_context)
    assert linked_names("Earlier surveys of the region were few.", "en") == []


def test_a_label_with_a_possessive_is_found_as_printed():
    # the vocabulary's own label, "Spearman's rank correlation", with either apostrophe
    found = linked_names("The rankings agreed in both settings (Spearman's rank correlation 0.81; "
                         "Spearman’s rank correlation 0.77 in the second year).", "en")
    assert [iri for _, iri in found] == ["spearman-rank-correlation"] * 2


@pytest.mark.parametrize("text, lang, quote, iri", [
    # a dot or a star glued inside a program's name, an ampersand for "and"
    ("Interviews were coded in ATLAS.ti 9 and MAXQDA.", "en", "ATLAS.ti 9", "atlas-ti"),
    ("Данные обработаны в программе ATLAS.ti.", "ru", "программе ATLAS.ti", "atlas-ti"),
    ("Trade with Trinidad & Tobago grew.", "en", "Trinidad & Tobago", "trinidad-and-tobago"),
    # a plural's possessive
    ("Settling velocities follow Stokes' law in the laminar range.", "en", "Stokes' law", "stokes-law"),
    # a label that holds a kind and a quoted name that is no label alone is found whole
    ("Использован метод «затраты – выпуск» В. Леонтьева.", "ru", "метод «затраты – выпуск»", "input-output-analysis"),
    # a state programme's full title, twenty words
    ("The State Program for the Development of Education and Science of the Republic of Kazakhstan "
     "for 2016–2019 set the targets.", "en",
     "State Program for the Development of Education and Science of the Republic of Kazakhstan for 2016–2019",
     "state-program-education-2016-2019"),
])
def test_every_label_is_found_as_the_vocabulary_writes_it(text, lang, quote, iri):
    assert (quote, iri) in linked_names(text, lang)


# Labels a sentence that uses them does not find, each for a reason of its own; every other label
# of the hand-written vocabularies must be found where a text writes it as the vocabulary does.
_UNREACHABLE = {
    # a code with its activator in brackets: the brackets end the name ("NaI(Tl)")
    ("en", "NaI(Tl) scintillation detector"), ("en", "NaI(Tl) scintillator"), ("kk", "NaI(Tl) детекторы"),
    ("kk", "NaI(Tl) сцинтилляциялық детекторы"), ("kk", "NaI(Tl)"), ("ru", "NaI(Tl)"),
    ("ru", "детектор NaI(Tl)"), ("ru", "сцинтилляционный детектор NaI(Tl)"),
    # a registered sign inside a name
    ("en", "PSS®E"), ("ru", "PSS®E"),
    # a plural beside its singular label: the singular's rule for plurals (instances) decides
    ("en", "interviews"), ("kk", "фотоқақпандар"),
    # a dotted capital İ (Turkish) folds to two characters
    ("en", "TİKA"),
    # Kazakh case endings read the name as another's: «Руанда» as "in Rouen", «Бенин» as «Бени»'s
    ("kk", "Руанда"), ("kk", "Бенин"),
    # a forum named after the city: the city inside the quotes is the name found
    ("ru", "Международный форум «Астана»"),
}


def test_every_label_of_the_vocabularies_is_found_where_a_text_writes_it():
    from dissertation_kg.mappings.linking import lexicon

    cities = lexicon().cities
    opening = {"en": "The study used ", "ru": "В работе использованы ", "kk": "Жұмыста қолданылды "}
    lost = set()
    for e in load_entries():
        if e.iri in cities:
            continue   # a city is linked only where the text names it as a place (_cities_as_places)
        for lang, text in opening.items():
            alts = e.alt.get(lang, ())
            for label in [e.pref.get(lang), *([alts] if isinstance(alts, str) else alts)]:
                if label and not any(m.entity == e.iri for m in find_mentions(text + label + ".", lang, kind="methods")):
                    lost.add((lang, label))
    assert lost <= _UNREACHABLE, sorted(lost - _UNREACHABLE)
    assert not _UNREACHABLE - lost, f"found now, take them off the list: {sorted(_UNREACHABLE - lost)}"


def test_a_kind_before_a_quoted_label_leaves_the_name_to_the_quotes():
    # «программа «Болашак»»: the programme's own name is the mention, as before
    assert linked_names("Стипендиаты программы «Болашак» опрошены.", "ru") == [("Болашак", "bolashak")]


def test_the_silk_road_the_steppe_and_the_orkhon_are_places():
    found = linked_names("Ұлы Жібек жолы бойындағы қалалар, Орхон жазбалары және Тамғалы петроглифтері.", "kk")
    assert [iri for _, iri in found] == ["silk-road", "orkhon", "tamgaly"]
    found = linked_names("Торговля на Великом Шелковом пути, в Казахской степи и в Степном генерал-губернаторстве.", "ru")
    assert [iri for _, iri in found] == ["silk-road", "kazakh-steppe", "steppe-governorate-general"]
    # (and a place of two words still opens a company's name:
    # test_a_capitalised_group_of_companies_is_an_organisation)


def test_the_codes_of_research_ethics_and_their_instruments():
    found = linked_names("Consent forms followed the Declaration of Helsinki, the Nuremberg Code and ICH Good Clinical "
                         "Practice; their readability was scored by Flesch Reading Ease.", "en")
    assert [iri for _, iri in found] == ["declaration-of-helsinki", "nuremberg-code", "ich-good-clinical-practice",
                                         "flesch-reading-ease"]
    found = linked_names("Хельсинкская декларация, Принципы корпоративного управления G20/ОЭСР и Международный пакт "
                         "об экономических, социальных и культурных правах.", "ru")
    assert [iri for _, iri in found] == ["declaration-of-helsinki", "g20-oecd-principles-of-corporate-governance",
                                         "icescr"]


def test_classics_cited_by_one_name_or_with_initials_are_their_person():
    # writers, poets and the authors of the Old Turkic inscriptions, as humanities abstracts cite
    # them: by one name, by full name, or by initials and surname (the quote keeps the initials)
    found = linked_names("Абайдың қара сөздері, Пушкин мен Гёте аудармалары, Күлтегін, Білге қаған және Тоныкөк "
                         "жазбалары, Қорқыт атаның күйлері зерттелді.", "kk")
    assert [iri for _, iri in found] == ["abai-kunanbayev", "alexander-pushkin", "goethe", "kul-tigin", "bilge-kagan",
                                         "tonyukuk", "korkyt-ata"]
    found = linked_names("Как писал А.С. Пушкин, а вслед за ним Ф. М. Достоевский и Лев Толстой; Чокан Валиханов.", "ru")
    assert found == [("А.С. Пушкин", "alexander-pushkin"), ("Ф. М. Достоевский", "fyodor-dostoevsky"),
                     ("Лев Толстой", "leo-tolstoy"), ("Чокан Валиханов", "shokan-valikhanov")]
    assert linked_names("In his novels Mukhtar Auezov describes the steppe.", "en") == [("Mukhtar Auezov", "mukhtar-auezov")]


def test_a_person_an_organisation_is_named_after_is_its_word():
    # the foundation or university is the name (a candidate), not the poet inside it
    assert not any(iri == "abai-kunanbayev" for _, iri in linked_names("Данные предоставил Фонд имени Абая Кунанбаева.", "ru"))
    assert not any(iri == "abai-kunanbayev" for _, iri in linked_names("Деректер Абай Құнанбайұлы атындағы қордан алынды.", "kk"))
    # a surname like another name's plural is no form of that name («Абаев», not «Абай»)
    assert linked_names("Материалы предоставил Марат Абаев из Актау.", "ru") == [("Актау", "aktau")]
    # no bare «Толстой» in Russian: it is the adjective of «толстой кишки»
    assert linked_names("Рак толстой кишки изучен в 40 клиниках.", "ru") == []


def test_a_region_inside_a_conferences_quoted_title_is_the_titles_word():
    # «Аналитика Сибири и Дальнего Востока» names a conference; the city it met in is a place
    text = ("Результаты доложены на Международной конференции «Аналитика Сибири и Дальнего Востока» "
            "(Новосибирск, 2008) и на семинаре в Западной Сибири.")
    found = linked_names(text, "ru")
    assert [iri for _, iri in found] == ["novosibirsk", "western-siberia"]


@pytest.mark.parametrize("text, lang, expected", [
    # Soviet-era history compares the republics by name, in the cases each language puts them in
    ("Салыстыру үшін Өзбек КСР-інде, Қырғыз КСР-інде және Түрікмен КСР-інде жасақталған құрамалар "
     "туралы деректер пайдаланылды.", "kk", {"uzbek-ssr", "kirghiz-ssr", "turkmen-ssr"}),
    ("Сопоставлены уголовные кодексы Казахской ССР, Узбекской ССР и РСФСР.", "ru",
     {"kazakh-ssr", "uzbek-ssr", "russian-sfsr"}),
    ("The archives of the Kazakh ASSR and the Turkestan ASSR were compared with those of the "
     "Tajik SSR.", "en", {"kazakh-assr", "turkestan-assr", "tajik-ssr"}),
])
def test_the_republics_of_the_soviet_union_are_states_of_the_vocabulary(text, lang, expected):
    assert expected <= {iri for _, iri in linked_names(text, lang)}


@pytest.mark.parametrize("text, lang, expected", [
    # the sea by its short name in a case, and its northern part, a region of its own
    ("Ледовый режим Северного Каспия и обмеление Каспия изучены у Форт-Шевченко.", "ru",
     [("Северного Каспия", "north-caspian"), ("Каспия", "caspian-sea"), ("Форт-Шевченко", "fort-shevchenko")]),
    ("Солтүстік Каспийдің мұз режимі және Каспий теңізінің деңгейі зерттелді.", "kk",
     [("Солтүстік Каспийдің", "north-caspian"), ("Каспий теңізінің", "caspian-sea")]),
    ("The ice of the North Caspian was mapped.", "en", [("North Caspian", "north-caspian")]),
])
def test_the_caspian_and_its_northern_part(text, lang, expected):
    assert linked_names(text, lang) == expected


@pytest.mark.parametrize("text, lang, expected", [
    # instruments and analyses of clinical, psycholinguistic, ergonomic and actuarial work
    ("Data were analysed with generalised estimating equations and the log-rank test; the Fitzpatrick scale, "
     "WOMAC and the Timed Up and Go test were used; glosses follow the Leipzig Glossing Rules in ELAN.", "en",
     {"generalized-estimating-equations", "log-rank-test", "fitzpatrick-scale", "womac", "timed-up-and-go-test",
      "leipzig-glossing-rules", "elan-annotator"}),
    ("Выживаемость сравнивали лог-ранговым критерием; проведено гистологическое исследование.", "ru",
     {"log-rank-test", "histological-examination"}),
    ("Жүктеме NASA-TLX және Скандинавиялық сауалнама арқылы бағаланды; Мак моделі мен тізбекті баспалдақ "
     "әдісі қолданылды.", "kk", {"nasa-tlx", "nordic-musculoskeletal-questionnaire", "mack-model", "chain-ladder-method"}),
])
def test_methods_of_the_clinic_the_laboratory_and_the_actuary(text, lang, expected):
    assert {iri for _, iri in linked_names(text, lang)} == expected
