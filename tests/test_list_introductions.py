"""What a list's section says before its first item is kept, typed and linked
(mappings/abstract.py, mappings/rdf.py): «Научная новизна состоит в том, что …: 1) …» loses
nothing, while "The following tasks were set:" is only the list's announcement."""
from __future__ import annotations

from rdflib import URIRef
from rdflib.namespace import RDF

from dissertation_kg.mappings import abstract, rdf
from dissertation_kg.mappings.vocab import DKG
from dissertation_kg.server.build import shacl
from dissertation_kg.server.build.pipeline import ontology_version

RU = """Министерство науки и высшего образования Республики Казахстан
АННОТАЦИЯ
диссертации на соискание степени доктора философии (PhD) по специальности 6D030300
Актуальность темы исследования. Пробация в Казахстане развивается с 2016 года.
Цель исследования – разработать предложения по совершенствованию пробации.
Задачи исследования:
1) изучить историю пробации;
2) оценить практику служб пробации.
Научная новизна состоит в том, что работа является первым в Казахстане исследованием пробации после принятия Закона «О пробации», а её выводы опираются на практику Министерства внутренних дел Республики Казахстан. В работе:
1) предложено определение пробации;
2) выявлены барьеры ресоциализации.
Положения, выносимые на защиту:
1. Пробация есть самостоятельный институт уголовно-исполнительного права.
2. Службы пробации нуждаются в единых стандартах.
"""


def _mapped(text: str):
    doc = abstract.parse_bytes(text.encode("utf-8"), "ru-probation.txt")
    ctx = rdf.work_context("w-intro", [doc])
    return doc, ctx.iri, rdf.to_graph(doc, ctx, ontology_version=ontology_version()).graph


def test_the_novelty_statement_before_its_points_is_kept_and_linked():
    doc, work, g = _mapped(RU)
    assert [i.text.split()[0] for i in doc.items["novelty"]] == ["предложено", "выявлены"]
    intro = URIRef(f"{work}/novelty-introduction")
    assert (work, DKG.hasListIntroduction, intro) in g
    assert {DKG.NoveltyIntroduction, DKG.ListIntroduction} <= set(g.objects(intro, RDF.type))
    text = str(g.value(intro, DKG.text))
    assert text.startswith("работа является первым в Казахстане") and "«О пробации»" in text
    # the Ministry named only there is linked from it
    assert any("ministry-internal-affairs" in str(e) for e in g.objects(intro, DKG.mentions)), \
        list(g.objects(intro, DKG.mentions))
    assert shacl.violations(shacl.validate_graph(g, "ru-probation.txt")) == []


def test_a_lists_announcement_alone_is_no_introduction():
    doc, work, g = _mapped(RU)
    assert set(doc.intros) == {"novelty"}     # «Задачи исследования:», «Положения, …:» announce only
    assert not (URIRef(f"{work}/task-introduction"), None, None) in g
    assert len(list(g.objects(work, DKG.hasListIntroduction))) == 1


def test_a_short_announcement_ending_in_a_colon_is_not_kept_but_a_sentence_is():
    assert not abstract._says_more_than_its_list_is_coming("Для достижения цели поставлены следующие задачи:")
    assert not abstract._says_more_than_its_list_is_coming("В работе:")
    assert abstract._says_more_than_its_list_is_coming(
        "Целью работы явилось изучение распространения эндометрита у коров в Алматинской области.")
