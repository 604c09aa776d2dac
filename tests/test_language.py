"""Language detection on short texts, where a single function word decides."""
from __future__ import annotations

import pytest

from dissertation_kg.mappings.errors import MappingError
from dissertation_kg.mappings.language import detect

# An approbation paragraph: places and dates, few function words, most of them "at".
APPROBATION = ("Approbation. Main results reported at international conferences at Almaty (2021), at Astana "
               "(2022) and at Kazan (2023); discussed at seminars at KazNU named after al-Farabi.")


def test_english_told_by_at_in_a_list_of_places():
    assert detect(APPROBATION) == "en"


def test_the_same_list_without_english_function_words_is_refused():
    # the function words carry the decision: with them gone, the Latin letters alone say nothing
    text = APPROBATION.replace(" at ", " ").replace(" and ", " ")
    with pytest.raises(MappingError, match="Latin-script language other than English"):
        detect(text)
