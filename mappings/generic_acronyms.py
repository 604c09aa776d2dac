"""Acronyms that abbreviate a common noun, not a name.

An unknown acronym is a candidate body or tool (linking.find_candidates), but some acronyms
stand in every field for a unit of money, an economy's measure or a kind of firm or device:
"USD 4 billion", "GDP growth", "SMEs", "PEM electrolysers", «доля ВВП», «ШОБ субъектілері». They
name no one thing a vocabulary could list, so they are never candidates. The list holds only
such common nouns, in the three languages; a measure that a study builds or estimates (LCOH,
NPV of a project) is a method and is not here.
"""
from __future__ import annotations

# currencies (ISO 4217 codes written in abstracts; Russian and Kazakh abbreviations)
_CURRENCIES = {"USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "RUB", "KZT", "UZS", "KGS", "TRY", "AED",
               "ЕВРО"}
# an economy's aggregate measures
_MEASURES = {"GDP", "GNP", "GNI", "GVA", "CPI", "FDI", "ВВП", "ВНП", "ВРП", "ИПЦ", "ПИИ", "ЖІӨ", "ЖҰӨ", "ТШИ"}
# kinds of firms and bodies, of contracts and of care
_KINDS = {"SME", "MSME", "NGO", "МСП", "МСБ", "НПО", "ШОБ", "ШОК", "ҮЕҰ",
          # public-private partnership, primary health care
          "PPP", "ГЧП", "МЖӘ", "PHC", "ПМСП", "МСАК"}
# kinds of devices and technologies, and materials
_TECHNOLOGIES = {"ICT", "IoT", "LED", "PEM", "ИКТ", "АКТ", "PET", "PVC", "HDPE", "LDPE"}
# a field of corporate practice and reporting ("ESG disclosure", «ESG-отчетность»)
_PRACTICES = {"ESG"}

NAMES = frozenset(_CURRENCIES | _MEASURES | _KINDS | _TECHNOLOGIES | _PRACTICES)


def is_common_noun(acronym: str) -> bool:
    """True for an acronym that abbreviates a common noun ("SMEs" and «ВВП» alike)."""
    return acronym in NAMES or (acronym.endswith("s") and acronym[:-1] in NAMES)
