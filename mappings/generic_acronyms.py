"""Acronyms that abbreviate a common noun, not a name.

An unknown acronym is a candidate body or tool (linking.find_candidates), but some acronyms
stand in every field for a unit of money, an economy's measure or a kind of firm or device:
"USD 4 billion", "GDP growth", "SMEs", "PEM electrolysers", «доля ВВП», «ШОБ субъектілері». They
name no one thing a vocabulary could list, so they are never candidates. The list holds only
such common nouns, in the three languages; a measure that a study builds or estimates (LCOH,
NPV of a project) is a method and is not here.
"""
from __future__ import annotations

import re

# currencies (ISO 4217 codes written in abstracts; Russian and Kazakh abbreviations)
_CURRENCIES = {"USD", "EUR", "GBP", "JPY", "CNY", "RMB", "CHF", "RUB", "KZT", "UZS", "KGS", "TRY", "AED",
               "ЕВРО"}
# an economy's aggregate measures
_MEASURES = {"GDP", "GNP", "GNI", "GVA", "CPI", "FDI", "ВВП", "ВНП", "ВРП", "ИПЦ", "ПИИ", "ЖІӨ", "ЖҰӨ", "ТШИ"}
# kinds of firms and bodies, of contracts and of care
_KINDS = {"SME", "MSME", "NGO", "МСП", "МСБ", "НПО", "ШОБ", "ШОК", "ҮЕҰ",
          # public-private partnership, primary health care
          "PPP", "ГЧП", "МЖӘ", "PHC", "ПМСП", "МСАК",
          # a higher or a vocational school as a kind («в ВУЗе», «педагогикалық ЖОО», "HEIs")
          "ВУЗ", "ССУЗ", "ЖОО", "HEI",
          # young people not in employment, education or training, a statistical category
          "NEET"}
# kinds of message and service ("an SMS reminder", «SMS-рассылка»)
_SERVICES = {"SMS", "MMS"}
# kinds of devices and technologies, and materials
_TECHNOLOGIES = {"ICT", "IoT", "LED", "PEM", "ИКТ", "АКТ", "PET", "PVC", "HDPE", "LDPE"}
# a field of corporate practice and reporting ("ESG disclosure", «ESG-отчетность»)
_PRACTICES = {"ESG"}
# molecules and the genome's features a biologist counts ("11 SNPs", «ДНҚ бөліп алу», «мРНК»)
_MOLECULES = {"DNA", "RNA", "SNP", "CNV", "ROH", "ДНК", "РНК", "ДНҚ", "РНҚ"}
# diseases ("patients with COPD", «больные ХОБЛ», «ИБС»), and measures («ПДК», «ПӘК», «КПД»; two
# capitals, «ОШ 2,4», are a candidate only beside a word that names a body, so need no entry)
_DISEASES = {"COPD", "CKD", "ХОБЛ", "ИБС", "ХБП", "ОКС", "ОРВИ"}
_STATISTICS = {"ПДК", "ПӘК", "КПД"}
# the mass media as a kind, and a computer («СМИ», «БАҚ», «программа для ЭВМ»)
_MEDIA = {"СМИ", "БАҚ", "ЭВМ"}

NAMES = frozenset(_CURRENCIES | _MEASURES | _KINDS | _TECHNOLOGIES | _PRACTICES | _SERVICES | _MOLECULES
                  | _DISEASES | _STATISTICS | _MEDIA)


# What immunology measures, in its own notation: interleukins, clusters of differentiation, helper
# cell types, immunoglobulins, cytokines and the transcription factor of regulatory cells ("ELISA
# of IL-4, IL-5 and IL-13", "CD4+CD25+FOXP3+ cells", "Th2/Th17 balance", «уровень IgE»); and what
# a pathologist stains or a laboratory sequences in a tumour: receptors, checkpoint ligands,
# mismatch-repair proteins, the proliferation antigen, oncogenes and tumour markers («экспрессия
# PD-L1», "HER2-positive", "loss of MLH1 and PMS2", "KRAS mutations"). Each names a molecule or a
# cell a study counts, as a formula names a substance: no body, no tool.
_IMMUNE_MARKER = re.compile(r"(?:IL-?\d{1,2}[A-F]?|CD\d{1,3}[a-z]?\+?|Th\d{1,2}|Treg|Ig[AGEMD]\d?|"
                            r"(?:TNF|IFN|TGF)-?[αβγ]?\d?|FOXP3|HLA(?:-[A-Z]{1,3}\d?)?|"
                            r"HER-?[1-4]|ERBB[1-4]|PD-?L?[12]|Ki-?67|MLH1|MSH[26]|PMS2|EGFR|[KNH]RAS|BRAF|BRCA[12]|"
                            r"TP53|p53|ALK|ROS1|PIK3CA|VEGF(?:-?[A-D])?|CEA|AFP|CA[ -]?(?:125|15-3|19-9))")


def is_common_noun(acronym: str) -> bool:
    """True for an acronym that abbreviates a common noun ("SMEs" and «ВВП» alike), or names one
    of immunology's markers ("IL-4", "CD25", "Th17", «IgE»)."""
    return acronym in NAMES or (acronym.endswith("s") and acronym[:-1] in NAMES) or bool(_IMMUNE_MARKER.fullmatch(acronym))


# A chemical formula is written in capitals and digits as an acronym is ("CH4", "SF6", "N2O",
# "CaCO3", "H2SO4") and names a substance, not a body or a tool. Every part must be an element's
# symbol and a count must be there (plain capitals, "CO", "NO", "InSAR", stay acronyms), so codes
# of data sets and models (ERA5, CMIP6, ASM2) are not formulas: E, M, A are no elements. Markets
# between parties (B2B, P2P) read as formulas and are none; a count runs to twelve at most, so a
# chip's or a gene's code is none either (SNP70, P53).
_ELEMENTS = set("""H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se
Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf
Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po Rn U Th""".split())
_BETWEEN_PARTIES = re.compile(r"[BCPG]2[BCPG]")
_FORMULA_PART = re.compile(r"([A-Z][a-z]?)(1[0-2]|[2-9]|)(?!\d)")


def is_substance(token: str) -> bool:
    """A chemical element's symbol ("Pb", "Cd" in «содержание Zn, Cu, Pb и Cd») or a formula."""
    return token in _ELEMENTS or is_chemical_formula(token)


def is_chemical_formula(token: str) -> bool:
    """True for a token that reads as a chemical formula: "CH4", "SF6", "Fe2O3" (not "ERA5", "CO")."""
    parts, pos = [], 0
    while pos < len(token):
        m = _FORMULA_PART.match(token, pos)
        if m is None or m.group(1) not in _ELEMENTS:
            return False
        parts.append(m)
        pos = m.end()
    return len(parts) >= 2 and any(p.group(2) for p in parts) and not _BETWEEN_PARTIES.fullmatch(token)
