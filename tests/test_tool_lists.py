"""Programs named in a list with a program already found (mappings/tool_lists.py)."""
from __future__ import annotations

import pytest
import rdflib
from rdflib import URIRef

from dissertation_kg.mappings import tool_lists
from dissertation_kg.mappings.linking import ComponentText, annotate
from dissertation_kg.mappings.vocab import ID

WORK = URIRef(str(ID) + "work/tool-lists-test")
SOURCE = URIRef(str(ID) + "source/tool-lists-test")


def found(text: str, lang: str, kind: str = "methods") -> set[tuple[str, str]]:
    comp = ComponentText(URIRef(f"{WORK}/{kind}/1"), kind, lang, text)
    return {(c.name, c.suggested_class) for c in annotate(rdflib.Graph(), [comp], work=WORK, source=SOURCE)}


@pytest.mark.parametrize("text, lang, kind, expected", [
    # along the list after a program the words of use found
    ("Расчёты выполнены в программах Quarrix, Velomet и Trondal 20.", "ru", "methods",
     {("Velomet", "Method"), ("Trondal 20", "Method")}),
    # after a program the vocabulary knows, in any part
    ("Шов моделировали в пакете ANSYS и KROVWELD, затем сравнили с опытом.", "ru", "structure",
     {("KROVWELD", "Method")}),
    ("SPSS 26, Zeltrix және Morvane нәтижелері салыстырылды.", "kk", "task", {("Zeltrix", "Method"), ("Morvane", "Method")}),
    ("Models were fitted in SPSS 26, Quorvex and Plindo 3.2.", "en", "results",
     {("Quorvex", "Method"), ("Plindo 3.2", "Method")}),
    # a program's code glued by a slash is part of its name, on both sides of the comma
    ("to model seepage by the finite element method in GeoQuant (FLOWQ/W, STABQ/W)", "en", "task", {("STABQ/W", "Method")}),
])
def test_a_program_listed_with_a_program(text, lang, kind, expected):
    assert expected <= found(text, lang, kind)


@pytest.mark.parametrize("text, lang, name", [
    # a method of ordinary words opens no list of programs
    ("We used thematic analysis and Quorvex's framework.", "en", "Quorvex"),
    # a table's number, and the second name of an eponym, are no programs
    ("Data were analysed in SPSS 26 and Table 2 shows the results.", "en", "Table 2"),
    ("The Mann–Whitney U and Kruskal–Wallis tests were applied in SPSS 26.", "en", "Kruskal"),
    # a plain capitalised word follows only a program the vocabulary knows, not a shape's guess
    ("More than 1 GW is planned, including projects of VentaPower and Orlek.", "en", "Orlek"),
    # a single letter is no program's name to go by
    ("Расчёты выполнены в SPSS и группе B.", "ru", "B"),
])
def test_what_a_list_of_programs_does_not_take(text, lang, name):
    assert (name, "Method") not in found(text, lang)


def test_the_shape_of_a_program():
    assert tool_lists.is_program("Minitab 20") and tool_lists.is_program("eViews")
    assert not tool_lists.is_program("pandas") and not tool_lists.is_program("R")
    # two letters are enough for a program's name (a single letter is a variable's or a language's)
    assert tool_lists.is_program("Qt 5.15") and tool_lists.is_program("QC")
