"""A web page flattened by a scraper: headings glued to the sentence before them and to their own
text are put back on lines of their own; camel-cased names in an ordinary text are left alone."""
from __future__ import annotations

from dissertation_kg.mappings import abstract, glued_headings

PAGE = ("News › Defences › AnnouncementsIbrayeva Saule KairatkyzyWind erosion of sandy soils in the "
        "Kyzylkum foothills6D08104 – Soil scienceAstana, 2023Download (PDF)\n"
        "Relevance of the studyWind erosion removes the topsoil of the foothill pastures every spring.Aim of "
        "the studyTo estimate wind erosion losses on the foothill pastures.Objectives of the study1. To "
        "measure dust flux on ten plots;2. To calibrate an erosion model;3. To map the eroded area."
        "Scientific novelty1. Dust flux was measured on sandy pastures for the first time;2. the model was "
        "calibrated for the foothills.Publications5 papers were published.")


def test_glued_headings_stand_on_their_own_lines():
    lines = glued_headings.split(PAGE, "en").split("\n")
    for heading in ("Relevance of the study", "Aim of the study", "Objectives of the study",
                    "Scientific novelty", "Publications"):
        assert heading in lines
    assert "Ibrayeva Saule Kairatkyzy" in lines
    assert "Wind erosion of sandy soils in the Kyzylkum foothills" in lines
    assert "2. To calibrate an erosion model;" in lines


def test_the_flattened_page_is_read_as_an_abstract():
    doc = abstract.parse_bytes(PAGE.encode(), "page.txt")
    assert doc.meta.author == "Ibrayeva Saule Kairatkyzy"
    assert doc.meta.specialty_code == "6D08104"
    assert [it.text.split()[1] for it in doc.items["tasks"]] == ["measure", "calibrate", "map"]
    assert len(doc.items["novelty"]) == 2


def test_an_ordinary_text_with_camel_cased_names_is_left_alone():
    text = ("Aim of the study. To compare DeepMind and OpenAI models.\nMethods. Data were shared over "
            "WhatsApp and GitHub.\nScientific novelty. A new benchmark for KazLLM is proposed.")
    assert glued_headings.split(text, "en") == text


def test_a_long_heading_is_put_on_its_own_line_too():
    # English headings run to ten words and more, glued inside the page or opening its line
    page = ("Theoretical and methodological basis of the dissertation research workThe study relies on "
            "Bagnold's physics of blown sand.Aim of the studyTo estimate losses.Objectives of the study1. To "
            "measure dust flux;2. To map the eroded area.The main provisions of the dissertation submitted for "
            "the defense1. Dust flux doubles;2. The model holds.")
    lines = glued_headings.split(page, "en").split("\n")
    assert lines[:2] == ["Theoretical and methodological basis of the dissertation research work",
                         "The study relies on Bagnold's physics of blown sand."]
    assert "The main provisions of the dissertation submitted for the defense" in lines
    assert "1. Dust flux doubles;" in lines
