"""Sports clubs named by their kind's abbreviation: "FC Kairat", "HC Barys", «ФК «Астана»».

The name after the abbreviation is often a city's or a region's ("FC Astana", «ФК «Актобе»»), so
the vocabularies find a place there; the club is the thing named (a body, an Actor), and the place
inside its name is no mention of its own, as a state that opens a ministry's name is none.
"""
from __future__ import annotations

import re

# football, hockey, basketball, volleyball and sports clubs; the name in quotes or capitalised,
# one or two words
_CLUB = re.compile(r"(?<![\w-])(?:FC|HC|BC|VC|SC|ФК|ХК|БК|ВК|СК)\s+"
                   r"(?:«[^«»\n]{2,40}»|\"[^\"\n]{2,40}\"|[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+(?:\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+)?)")
_PLACES = {"Region", "State"}


def clubs(text: str, named: list, mentions: list) -> tuple[list, list]:
    """Add each club the text names as a candidate body, and drop the places inside its name."""
    spans = [m.span() for m in _CLUB.finditer(text)]
    # (a name found inside the club's, its quoted title «Барыс», is the club's; one that runs
    # past it, or a body the vocabularies know there, leaves it alone)
    spans = [(s, e) for s, e in spans if not any(a < e and s < b and not (s <= a and b <= e) for a, b, _, _ in named)
             and not any(s <= m.start < e and m.cls not in _PLACES for m in mentions)]
    if not spans:
        return named, mentions

    def inside(a: int, b: int) -> bool:
        return any(s <= a and b <= e for s, e in spans)

    kept = [m for m in mentions if not inside(m.start, m.end)]
    named = [c for c in named if not inside(c[0], c[1])]
    return named + [(s, e, "NonGovernmentalOrganization", "club") for s, e in spans], kept
