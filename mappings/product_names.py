"""Names of software, models and companies written in Latin letters that no vocabulary lists,
recognised by their spelling and the words beside them (issue #10's entity goal).

- A product's name is spelled as no word is: inner capitals ("AquaCrop", "ResNet-50",
  "EfficientNet-B4", "CollectiveAccess") or a word joined by a hyphen to a code in capitals
  ("Grad-CAM", "C-MAPSS", "WRF-Chem"). It names a tool or technique where the text speaks of
  methods (the statement of methods, a word of use before it: "with", «в среде», a word for a
  tool after it: "model", «жүйесінде», a data set before it: «набор данных C-MAPSS») or in a list
  of such names; before a word for a body ("… Council") it is part of that body's name, which the
  capitalised names find. Surnames with inner capitals (McLuhan, DeLillo) are no products.
- A program named after a verb of computing: "modelled in Simcenter Amesim" (one plain English
  word there, "in Excel", "in Python", is left to the vocabularies).
- Kazakhstan's companies build their names on "Kaz"/"Qaz" (Kazakhmys, Kazgeology, KazTransOil,
  QazaqGaz): such a word, unknown to the vocabularies and to English, names a company.
- A company named by one or two capitalised words after a word that says it is one: "a company
  of Glencore", "rigs made by Epiroc and Boart Longyear", "a subsidiary of Vale", "a survey
  conducted by Ipsos".
- A program named by one plain capitalised word after a word of use, where methods are stated:
  "assembled with Unicycler", "screened using Kleborate", «с помощью Fiji» (not a word of the
  language, a place or the first of a longer name: "with Gazebo", "using Almaty Region").
- Companies, services and brands written in Latin letters beside a word for their kind, before
  or after a list of them: «авиакомпаний – Air Astana, SCAT», «сервисы Uber и Bolt», «Uber және
  Bolt платформаларының», "the Uber and Bolt apps"; and a Latin-script name listed with a company
  already found ("Kaspi.kz и Wildberries"). Russian and Kazakh abstracts write foreign and local
  brands in Latin letters and name them so, with no cue word of their own.

The spans found are candidates for a curator (see linking.find_candidates), never entries.
"""
from __future__ import annotations

import re

# inner capitals, with a version or variant after a hyphen: ResNet-50, EfficientNet-B4, DepthmapX, AirQ+
_CAMEL = r"[A-Z][a-z]+[A-Z][A-Za-z0-9]*(?:-[A-Z0-9][A-Za-z0-9]*)?\+?"
# a word and a code in capitals: Grad-CAM; a letter or two and a code: C-MAPSS; a code and a word: WRF-Chem
_CODED = r"[A-Z][a-z]+-[A-Z]{2,}[A-Za-z0-9]*|[A-Z]{1,2}-[A-Z]{3,}[A-Za-z0-9]*|[A-Z]{2,}-[A-Z][a-z]+"
# (fifteenth corpus) letters and digits run together: SAP2000, Slide2, YOLOv5; a code in capitals
# and its number: MSK-64, SF-36; a letter code and a number after a publisher's acronym: FEMA P-58;
# a code and a capitalised word with its version: NGA-West2; a code and an inner-capital word:
# PS-InSAR; a lower-case prefix before capitals: antiSMASH, qPCR, mAP; a letter and a word: i-Tree
_DIGITED = r"[A-Z][A-Za-z]+\d+[A-Za-z0-9]*"
_NUMBERED = (r"[A-Z]{2,6}-\d{1,4}[A-Z]?|[A-Z]{2,6}\s[A-Z]{1,2}-\d{1,4}[A-Za-z]?|[A-Z]{2,}-[A-Z][a-z]+\d+"
             r"|[A-Z]{1,3}-[A-Z][a-z]?[A-Z]{2,}[A-Za-z0-9]*")
_LOWER_LED = r"[a-z]{1,5}[A-Z]{2,}[A-Za-z0-9]*|[a-z]-[A-Z][a-z]+"
PRODUCT = re.compile(rf"(?<![\w.@/-])(?:{_CAMEL}|{_NUMBERED}|{_CODED}|{_DIGITED}|{_LOWER_LED})(?![\w@/-]|\.\w)")
CODE_NUMBER = re.compile(r"[A-Z]{2,6}-\d{1,4}[A-Z]?")
# what names a gene, its carrier or its product after the code: "OXA-48 gene", "KPC-2 plasmids", «гена NDM-1»
GENE_AFTER = re.compile(r"\s+(?:genes?|plasmids?|alleles?|proteins?|variants?|carbapenemases?|enzymes?|"
                        r"ген\w*|плазмид\w*|бел(?:ок|ка|ки)|аллел\w*|фермент\w*)\b", re.I)
# what a measurement measures: a code after "(ELISA) of", "levels of", «уровня», «концентрации»
# is the analyte ("ELISA of IL-4, IL-5 and IL-13", "expression of CD25"), not the tool
MEASURED_BEFORE = re.compile(r"(?:\)|\b(?:assays?|analys[ie]s|measurements?|determination|levels?|concentrations?|"
                             r"expression|content|titres?|titers?|production|secretion))\s+of\s+$|"
                             r"(?<![\w-])(?:уровн[яеюи]\w*|концентраци\w+|содержани[яеи]|экспресси[ия])\s+$", re.I)
# what those shapes also spell and is no product: molecules (mRNA, dsDNA), particulate matter
# (PM10), a standards body's code («ASTM D-1143», a standard), a power plant's number (CHP-2)
_NOT_PRODUCT = re.compile(r"[a-z]+(?:RNA|DNA)s?|PM\d+|(?:ISO|IEC|ASTM|EN|DIN|IEEE|API|ASME|AWS|ANSI|NACE|BS|DNV|GOST|SNiP)\s.*"
                          r"|(?:CHP|GRES|TPP|HPP|SDPP|NPP|TETs|TEC)-\d+.*")
# a capitalised word before a coded name is the name's first word: "Faster R-CNN", "Mask R-CNN"
_CODED_TAIL = re.compile(r"[A-Z]{1,2}-[A-Z]{3,}[A-Za-z0-9]*")
_WORD_BEFORE = re.compile(r"(?<=[\w,;:(«\"] )([A-Z][a-z]{2,})\s$")
# surnames and particles that take an inner capital: McLuhan, MacArthur, DeLillo, VanDyke, O'Neil
_SURNAME_PREFIX = re.compile(r"^(?:Mc|Mac|De|Di|Da|Le|La|Van|Von|Du|St)[A-Z]")
_KAZ_COMPANY = re.compile(r"(?<![\w.@/-])(?!(?:Kazakh|Qazaq)(?:s|stan|stani|i)?\b)(?:Kaz|Qaz)[a-z]{3,}[A-Za-z]*(?![\w@/-])")
# a word that says a tool is meant, after the name (besides linking's words after an acronym)
_TOOL_AFTER = re.compile(r"\s+(?:system|platform|tool\b|жүйес|систем)\w*"
                         # Kazakh says what a tool does after it: «CheckM арқылы», «… көмегімен», «… бағдарламасымен»
                         r"|\s+(?:арқылы|көмегімен|бағдарлама\w*)(?!\w)", re.I)

_COMPANY_CUE = re.compile(
    r"\b(?:(?:a|the)\s+(?:company|subsidiary|division|unit|member)\s+of|(?:companies|subsidiaries|firms)\s+(?:of|like|such\s+as)|"
    r"(?:made|manufactured|produced|supplied|operated|owned|conducted|commissioned)\s+by)\s+(?:the\s+)?$", re.I)
_COMPANY_NAME = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?![\w-])")
# "conducted by Bureau of National Statistics": a longer name goes on, the capitalised names take it
_NAME_GOES_ON = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?[A-Z]")
_LIST_NEXT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


# a program named after a verb of computing: "modelled in Simcenter Amesim", "simulated with
# Flow Studio", "processed using Seismo Toolkit"
_COMPUTED_IN = re.compile(r"\b(?:modell?ed|simulated|implemented|coded|programmed|computed|calculated|processed|"
                          r"drafted|rendered)\s+(?:in|with|using)\s+(?:the\s+)?"
                          r"([A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})(?![\w-])")


# A program named after the software house that makes it: "Microsoft Power BI", "Adobe Premiere
# Pro", "Esri ArcGIS Pro", "Google Earth Engine". The house's name alone, or before a word for a
# body ("Microsoft Research", "Google Quantum AI"), is the company, not a program.
_VENDOR = re.compile(r"(?<![\w.-])(?:Microsoft|Adobe|Autodesk|Esri|ESRI|Wolfram|MathWorks|Google|JetBrains)"
                     r"((?:\s+(?:[A-Z][\w+]*(?:-[A-Za-z0-9]+)?|365)){1,3}(?:\s+(?:19|20)\d\d(?![\d.,]\d))?)(?![\w-])")
_VENDOR_BODY = re.compile(r"\b(?:Corporation|Corp|Inc|Research|Labs?|AI|LLC|Ltd|Foundation|Academy|Institute|"
                          r"Company|Group|Quantum)\b")


def vendor_programs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _VENDOR.finditer(text) if not _VENDOR_BODY.search(m.group(1))]


def computed_in(text: str) -> list[tuple[int, int]]:
    """(start, end) of a program's name after a verb of computing and "in"/"with"/"using"."""
    return [m.span(1) for m in _COMPUTED_IN.finditer(text)]


def products(text: str) -> list[tuple[int, int]]:
    """(start, end) of every word spelled as a product's name."""
    out = []
    for m in PRODUCT.finditer(text):
        if _SURNAME_PREFIX.match(m.group()) or _NOT_PRODUCT.fullmatch(m.group()):
            continue
        start = m.start()
        if _CODED_TAIL.fullmatch(m.group()):
            before = _WORD_BEFORE.search(text, max(0, start - 20), start)
            if before is not None and before.group(1) not in _FUNCTION_WORDS:
                start = before.start(1)
        out.append((start, m.end()))
    return out


# (a capitalised word that says how a tool is used is no part of its name: "Using R-CNN")
_FUNCTION_WORDS = {"The", "This", "These", "That", "With", "Using", "From", "And", "For", "Via", "Unlike", "Like"}


# a data set named before it: "the C-MAPSS dataset" is named after, «на наборе данных C-MAPSS» before
_TOOL_BEFORE = re.compile(r"(?:\bdata\s*set|\bbenchmark|набор[аеу]?\s+данных|деректер\w*)\s+$", re.I)


def tool_after(text: str, end: int) -> bool:
    return _TOOL_AFTER.match(text, end) is not None


def tool_before(text: str, start: int) -> bool:
    return _TOOL_BEFORE.search(text[max(0, start - 30):start]) is not None


def kaz_companies(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _KAZ_COMPANY.finditer(text)]


def companies(text: str) -> list[tuple[int, int]]:
    """(start, end) of each company named after a word that says it is one, through a list."""
    out = []
    for cue in re.finditer(r"\b(?:of|by|like|as)\s+(?:the\s+)?", text):
        if not _COMPANY_CUE.search(text[max(0, cue.end() - 60):cue.end()]):
            continue
        pos = cue.end()
        while True:
            m = _COMPANY_NAME.match(text, pos)
            if m is None or _NAME_GOES_ON.match(text, m.end()):
                break
            out.append(m.span())
            nxt = _LIST_NEXT.match(text, m.end())
            if nxt is None:
                break
            pos = nxt.end()
    return out


# A word for a company, service or brand, in the plural or any case: «авиакомпаний», «сервисы»,
# «платформаларының», «маркетплейсов», "airlines", "apps"
# (and the legal form of a company after its name: "Samruk-Green Energy серіктестігімен", «… товарищества»)
_BRAND_KIND = (r"(?:авиакомпани|компани|маркетплейс|платформ|сервис|агрегатор|ритейлер|бренд|серіктест|товариществ|"
               r"airlines?\b|carriers\b|compan(?:y|ies)\b|platforms?\b|marketplaces?\b|apps?\b|services\b|brands\b|retailers\b)")
# one Latin-script name of one to three capitalised words or codes ("Air Astana", "Yandex Go", "SCAT",
# "Tele2", "H&M"); never a sentence's word, which is Cyrillic here or lower case
_LATIN_NAME = r"[A-Z][A-Za-z0-9&'’+.-]*[A-Za-z0-9+](?:\s[A-Z][A-Za-z0-9&'’+-]*)?(?:\s[A-Z][A-Za-z0-9&'’+-]*)?"
_LIST_JOIN = r"\s*(?:,\s*(?:and\s+|и\s+|және\s+)?|\s+(?:and|и|және|мен|or|или)\s+)"
# (the kind in lower case: "Financial Services Authority" is one name, not services and a brand)
_BRANDS_AFTER_KIND = re.compile(rf"(?<![\w-]){_BRAND_KIND}[а-яёәғқңөұүһіa-z]*[ \t:–—-]+({_LATIN_NAME}(?:{_LIST_JOIN}{_LATIN_NAME})*)")
_BRANDS_BEFORE_KIND = re.compile(rf"({_LATIN_NAME}(?:{_LIST_JOIN}{_LATIN_NAME})*)[ \t]+{_BRAND_KIND}")
_ONE_NAME = re.compile(_LATIN_NAME)


def _names_in(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _ONE_NAME.finditer(text, start, end)]


def listed_brands(text: str) -> list[tuple[int, int]]:
    """(start, end) of each Latin-script name listed beside a word for a company, service or brand."""
    if not re.search(r"[A-Z]", text):
        return []
    out = []
    for m in _BRANDS_AFTER_KIND.finditer(text):
        out += _names_in(text, m.start(1), m.end(1))
    for m in _BRANDS_BEFORE_KIND.finditer(text):
        # the list opens the match: what stands before it must not run on into the name
        if m.start(1) and (text[m.start(1) - 1].isalnum() or text[m.start(1) - 1] in "-."):
            continue
        out += _names_in(text, m.start(1), m.end(1))
    return sorted(set(out))


# Platforms listed with an instrument's model among them are instruments, not services: «Illumina
# MiSeq және Ion Torrent платформаларында» (a maker's name and its model say so); «Wolt және Glovo
# платформалары», «TripAdvisor және Booking платформалары» stay companies.
_PLATFORM = re.compile(r"платформ|platform", re.I)
# a maker's name and its model spelled as a product (Illumina NovaSeq, Oxford MinION, a digit):
# one word alone (TripAdvisor, Booking) is a service's brand
_MODEL_OF_MAKER = re.compile(r"[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\s(?:[A-Z][a-z]+[A-Z][A-Za-z0-9]*|[A-Za-z]*[A-Z][A-Za-z]*\d[A-Za-z0-9]*)")


def listed_instruments(text: str) -> list[tuple[int, int]]:
    if not re.search(r"[A-Z]", text) or not _PLATFORM.search(text):
        return []
    out = []
    for m in [*_BRANDS_AFTER_KIND.finditer(text), *_BRANDS_BEFORE_KIND.finditer(text)]:
        kind = text[m.start():m.start(1)] + text[m.end(1):m.end()]
        names = _names_in(text, m.start(1), m.end(1))
        if _PLATFORM.search(kind) and any(_MODEL_OF_MAKER.fullmatch(text[a:b]) for a, b in names):
            out += names
    return sorted(set(out))


_LISTED_AFTER = re.compile(rf"{_LIST_JOIN}({_LATIN_NAME})(?![\w-])")


def listed_after(text: str, end: int) -> tuple[int, int] | None:
    """The Latin-script name joined by a comma or "and" to a company that ends at `end`."""
    m = _LISTED_AFTER.match(text, end)
    return m.span(1) if m else None


# a tool by one capitalised word after a word of use (the statement of methods only): "with Unicycler"
# (and a Russian methods statement's «визуализация в Grafana», «хранение в InfluxDB»: a program
# in Latin letters after «в» is what the work was done in)
_USED_WITH = re.compile(r"(?<![\w-])(?:with|using|via|с\s+помощью|с\s+использованием|в|во)\s+([A-Z][a-z]{2,}[A-Za-z0-9+]*)"
                        r"(?![\w'’-]|\s+[A-Z0-9]|\s+(?:region|district|province|oblast|village|city|area|basin|river|"
                        r"lake|mountains?|et\s+al|облас|район|город|сел|аудан)\w*)")


# a scholar's name opening a theory or a law after "with": "with Hertz contact theory", "using
# Weibull distribution", "with Darcy flow law" (the shapes of names take it whole)
_SCHOLARS_HEAD_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){0,2}\s+(?:theory|law|model|method|equation|approach|principle|"
                                  r"criterion|distribution|effect|kinetics|correction|hypothesis|test|index)\b")


def used_with(text: str) -> list[tuple[int, int]]:
    """(start, end) of each one-word program named after "with", "using", «с помощью»."""
    return [m.span(1) for m in _USED_WITH.finditer(text) if not _SCHOLARS_HEAD_AFTER.match(text, m.end(1))]


# An instrument by its maker's and model's name in Latin letters beside a word for its kind:
# «на томографах Siemens Biograph Horizon и GE Discovery MI», «на хроматографе Agilent 1260
# Infinity II», «на анализаторе Stat Fax 1904», «Hitachi TM4000 микроскопында», "a Bruker D8
# Advance diffractometer", "on a JEOL JSM-6390LV". A Russian or Kazakh text writes a device's
# brand in Latin letters and nothing else beside such a word; an English one names its maker
# before the kind, or after "on a", then only with a model code (letters and digits).
_DEVICE_KIND_RU = (r"(?:томограф|хроматограф|спектрометр|спектрофотометр|фотометр|флуориметр|микроскоп|анализатор|"
                   r"сканер|аппарат|прибор|модул|дифрактометр|секвенатор|амплификатор|термоциклер|центрифуг|"
                   r"трибометр|рефрактометр|калориметр|потенциостат|тепловизор|ридер|қондырғ|құрылғ|"
                   # (Kazakh words of their own: an analyser «талдағыш», a meter «өлшегіш», an instrument «аспап»)
                   r"талдағыш|өлшегіш|аспап|осциллограф|мультиметр|логгер)"
                   r"[а-яёәғқңөұүһі]*")
_DEVICE_KIND_EN = (r"(?:microscope|analy[sz]er|scanner|tomograph|chromatograph|spectrometer|spectrophotometer|"
                   r"photometer|fluorometer|sequencer|diffractometer|thermocycler|centrifuge|tribometer|"
                   r"refractometer|calorimeter|potentiostat|reader|camera|imager)s?\b")
# (a model may open in lower case before a capital or a digit: "Nicolet iS50", "iCycler")
_DEVICE_WORD = r"(?:[A-Z][A-Za-z0-9.+/-]*[A-Za-z0-9+]|[A-Z]|[a-z][A-Z0-9][A-Za-z0-9.+/-]*[A-Za-z0-9+]|\d[\w.-]*[\w]|\d)"
_DEVICE_NAME = rf"{_DEVICE_WORD}(?:[ \t](?:&[ \t])?{_DEVICE_WORD}){{0,3}}"
_DEVICE_JOIN = r"(?:\s*,\s*|\s+(?:и|және|мен|and)\s+)"
_DEVICES_AFTER_KIND = re.compile(rf"(?<![\w-]){_DEVICE_KIND_RU}\s+(?:типа\s+|марки\s+)?"
                                 rf"((?<![\w-]){_DEVICE_NAME}(?:{_DEVICE_JOIN}{_DEVICE_NAME})*)(?![\w-])")
_DEVICES_BEFORE_KIND_KK = re.compile(rf"(?<![\w.-])({_DEVICE_NAME})\s+{_DEVICE_KIND_RU}")
_DEVICES_BEFORE_KIND_EN = re.compile(rf"(?<![\w.-])({_DEVICE_NAME})\s+(?:[a-z][\w-]*\s+){{0,2}}{_DEVICE_KIND_EN}")
_DEVICE_ON_A = re.compile(rf"\b(?:on|using|with)\s+an?\s+({_DEVICE_NAME})(?![\w-])")
_MODEL_CODE = re.compile(r"(?=[\w-]*\d)(?=[\w-]*[A-Za-z])[\w-]+")


def instruments(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) of each instrument named by its maker and model beside a word for its kind."""
    if not re.search(r"[A-Z]", text):
        return []
    out = []
    if lang in ("ru", "kk"):
        for m in _DEVICES_AFTER_KIND.finditer(text):
            out += [n.span() for n in re.finditer(_DEVICE_NAME, text[:m.end(1)]) if n.start() >= m.start(1)]
    if lang == "kk":
        out += [m.span(1) for m in _DEVICES_BEFORE_KIND_KK.finditer(text)]
    if lang == "en":
        for rx in (_DEVICES_BEFORE_KIND_EN, _DEVICE_ON_A):
            for m in rx.finditer(text):
                words = m.group(1).split()
                # a maker and a model: two words at least, one a code of letters and digits
                if len(words) >= 2 and any(_MODEL_CODE.fullmatch(w) for w in words[1:]):
                    out.append(m.span(1))
    return sorted(set(out))
