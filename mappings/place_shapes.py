"""Places no gazetteer lists, recognised by the word for their kind that stands beside them: a
district, a village, a river («Бесқарағай ауданында», «Бостандыкском районе», "Baizak district",
«Жайық өзені»). Kazakhstan has about two hundred districts and thousands of villages and
rivers; GeoNames' alternate names for them are too noisy to list unfiltered, and an abstract
almost always says which kind of place it means.

A list closed by the plural names places all through it: «Алмалы және Наурызбай аудандарындағы»,
«в Бостандыкском и Ауэзовском районах», "the Baizak and Shu districts". The spans found are
candidates for a curator (see linking.find_candidates), never entries.
"""
from __future__ import annotations

import re

_KK_UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_KK_LOWER = "а-яёәғқңөұүһі"
_NAME = {
    # a capitalised word, or two joined by a hyphen (Кызыл-Орда, Ust-Kamenogorsk); a deposit or a
    # field numbered after a hyphen (Zhezkazgan-II, Tengiz-2) is one of a series of the same name
    "en": r"[A-Z][a-zà-ÿ'’]+(?:-(?:[A-Z]?[a-zà-ÿ'’]+|[IVX]{1,4}(?![\w-])|\d{1,2}(?![\w-])))?",
    "kk": rf"[{_KK_UPPER}][{_KK_LOWER}]+(?:-[{_KK_UPPER}]?[{_KK_LOWER}]+)?",
    # Russian districts take the adjective: «Бостандыкский», «Бостандыкском», «Ауэзовского»
    "ru": r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?:ск|цк)(?:ий|ого|ому|им|ом|ая|ой|ую|ие|их|ими)",
}
_KIND = {
    "en": r"(?:district|District|village|river|River|oblast|Oblast|province|Province|county|County|steppe|basin|Basin|"
          r"desert|Desert|sands|Sands|island|Island|deposit|oilfield|glacier|Glacier|valley|Valley|delta|Delta|plateau|"
          r"Plateau|peninsula|Peninsula|Mountains|Range|Depression|reservoir|Reservoir|"
          # landforms named only capitalised ("the Caspian Lowland", "the Dzungarian Gate"): in lower
          # case these are ordinary words
          r"Lowland|Upland|Plain|Gorge|Gate|"
          # a strait, a dam, and the Russian Empire's units a history names ("Akmola uyezd")
          r"strait|Strait|[Dd]am|uyezd|Uyezd|governorate|Governorate|"
          # a waterworks by the town it stands at ("the Kazaly hydroscheme", «Казалинский гидроузел»)
          r"hydroscheme|Hydroscheme|"
          # a region by the name it is known by ("Xinjiang region", "Uygur Autonomous Region"; the
          # Russian «регион» above): a common adjective before it is a kind ("the central region")
          r"region|(?:Autonomous\s+)?Region)s?|"
          # a historic state by its ruling house ("the Tang dynasty", "the Han and Tang dynasties")
          r"[Dd]ynast(?:y|ies)",
    # (a town by its possessive, «Есік қаласы маңында», never the verb «қалады», it remains)
    # (a lake, never «көлемі» "its volume", «көлік» "transport", «көлеңке» "shade"; an island, never
    # «аралас» "mixed")
    # (a village, and a rural district «… ауылдық округі»; the bare adjective «ауылдық» is "rural")
    "kk": rf"(?:қала(?=с[ыі]|лар)|аудан|облыс|өлке|ауылдық\s+округ|ауыл(?!дық)|өзен|көл(?!ем|ік|іг|еңк)|елді\s+мекен|мұздық|мұздығ|шөл|арал(?!ық|ығ|ас)|кен\s+орн|жазығ|алқаб|"
          # (an irrigated tract: «Шардара массиві», «Мақтаарал массивінде»)
          rf"алабы|түбег|жотас|су\s+қойма|массив|"
          # a site (of finds, of digs) in its possessive: «Михайловка орны», «… және … орындары»
          # (the bare «орын» is any place or rank: «бірінші орын»)
          rf"орн[ыа]|орындар|"
          # a quarry («Қоңырат карьері»), and the Empire's units («Ақмола уезі», «Торғай губерниясы»)
          rf"карьер|уез[ід]|губерния|гидроторап|"
          # a historic state by its ruling house («Таң әулетінің», «Хань, Суй және Таң әулеттерінің»)
          rf"әулет)[{_KK_LOWER}]*",
    # a basin, with the kind of basin between («Илийского артезианского бассейна»)
    # (a region by its adjective: «в Павлодарском регионе»)
    "ru": r"(?:(?:район|округ|регион|водохранилищ|гидроузл|гидроузел|(?:[а-яё]+(?:ый|ий|ого|ому|ым|ом)\s+)?бассейн)[а-яё]*|"
          # the Empire's units and a quarry, by their nouns' own endings: «уездного суда» is a court
          r"уезд(?:а|е|у|ом|ы|ов|ам|ах|ами)?|губерни(?:я|и|ю|ей|й|ям|ях|ями)|волост(?:ь|и|ью|ей|ям|ях|ями)|"
          r"карьер(?:а|е|у|ом|ы|ов)?|"
          # a deposit or an open-pit mine by its adjective («Жезказганского месторождения», «на
          # Шубаркольском и Экибастузском разрезах»; the kind before the name is _KIND_BEFORE's)
          r"месторождени(?:е|я|ю|ем|и|й|ям|ях|ями)|разрез(?:а|е|у|ом|ы|ов|ам|ах|ами)?|"
          # a range, a lowland, a depression or a valley by its adjective («Калбинский хребет»,
          # «Прикаспийская низменность», «Илийская долина»)
          r"хреб(?:ет|та|ту|том|те|ты|тов|там|тах|тами)|низменност(?:ь|и|ью|ей)|впадин(?:а|ы|е|у|ой)|"
          r"долин(?:а|ы|е|у|ой)|"
          # a region of another state by its adjective («Омской области», «Алтайского края»): the
          # vocabulary lists Kazakhstan's own, which are mentions before they are candidates
          r"област(?:ь|и|ью|ей|ям|ях|ями)|кра(?:й|я|ю|ем|е|ев|ям|ях)|"
          # a city with its suburbs («Алматинской агломерации», «Туркестанской и Шымкентской агломераций»)
          r"агломераци(?:я|и|ю|ей|й|ям|ях|ями))",
}
# kinds that stand before the name: "Lake Zaysan", «месторождение Кумколь», «ледник Туюксу»,
# «реки Шидерты» (a known name after the kind, «реки Казахстана», is a mention and not claimed)
_KIND_BEFORE = {
    "en": r"(?:Lake|Mount|Cape)",
    "ru": r"(?:месторождени[еяию]|ледник(?:а|е|у|ом)?|остров(?:а|е|у|ом)?|пустын(?:я|и|е|ю|ей)|"
          r"хреб(?:ет|та|те|том)|рек(?:а|и|е|у|ой)|озер(?:о|а|е|у|ом)|полуостров(?:а|е|у|ом)?|посёл(?:ок|ка|ке)|сел(?:о|а|е)|аул(?:а|е)?|"
          # a town or a village by the abbreviation of its kind, in lower case («г. Каскелен», «с. Узынагаш»,
          # «пос. Акший»): a capital «С.» is an initial; «г.» after a number is a year (checked below)
          r"(?-i:г|с|пос|пгт)\.|"
          # a historic state by its ruling house («династии Тан», «при династии Цин»)
          r"династи(?:я|и|ю|ей))",
}
_BEFORE_NAME = {"en": r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ'’]+)?",
                "ru": r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?"}
_PLURAL = {
    "en": re.compile(r"s$"),
    "kk": re.compile(r"(?:дар|дер|тар|тер|лар|лер)"),
    "ru": re.compile(r"(?:ы|ов|ам|ах|ами|иях|иям|иями|ях|ями|тей|ий)$"),   # (областях, областей, агломераций)
}
_AND = r"(?:\s*,\s*(?:and\s+|и\s+)?|\s+(?:and|и|және|мен|бен|пен)\s+)"
_DEMONYM = re.compile(r"(?:ian|ean|ese|ish)$|^(?:Asian|African|American|Kazakh|Uzbek|Kyrgyz|Turkic|Arctic)$")
_SENTENCE_END = re.compile(r"(^|[.!?:;•\n])\s*[\"«“„(]?\s*$")
# words that stand before a kind word without naming a place, mostly where they open a sentence
_NOT_NAMES = {"the", "a", "an", "this", "that", "each", "every", "our", "its", "their", "both", "all", "rural",
              "urban", "local", "central", "northern", "southern", "eastern", "western", "other", "these",
              "those", "same", "whole", "pilot", "study", "target", "selected", "neighbouring", "neighboring",
              "зерттеу", "бұл", "осы", "сол", "барлық", "әр", "әрбір", "қала", "ауыл", "шекара", "тау", "орталық",
              "солтүстік", "оңтүстік", "шығыс", "батыс", "көрші", "іргелес", "шалғай", "таулы", "тәжірибелік",
              # what opens a sentence about towns in general: «Жаңа қалалар», «Ірі қалаларда»
              "жаңа", "ірі", "үлкен", "шағын", "ежелгі", "көне", "басқа", "кейбір",
              # conjunctions and adverbs that open a Kazakh sentence: «Егер ауылдық округтердің …»
              "егер", "алайда", "бірақ", "дегенмен", "сондай-ақ", "сонымен", "сондықтан", "демек", "мысалы",
              "осылайша", "себебі", "өйткені", "яғни", "әсіресе", "сонда", "тіпті", "немесе", "ал", "және",
              "қазір", "бүгінде", "қазіргі", "көптеген", "біздің", "мұндай", "сондай", "кейін", "бұрын",
              # the last word of a longer name the gazetteer knows: "the Aral Sea region"
              "sea", "ocean"}
# the plural kind before a list of names: "the lakes Alakol, Sasykkol and Koshkarkol", "the rivers
# Tentek, Urzhar and Emel", «притоков Ульба, Глубочанка и Красноярка», «озёра Алаколь, Сасыкколь и Кошкарколь», «месторождения Бакенное, Белая
# Гора и Юбилейное»: every name of the list is a place of that kind
_PLURAL_KIND_BEFORE = {
    "en": r"(?<![\w-])(?:lakes|rivers|tributaries|glaciers|islands|deposits|villages|mountains|valleys)",
    "ru": r"(?<![\w-])(?:оз[её]р(?:а|ам|ах|ами)?|рек(?:и|ами|ах|ам)?|приток(?:и|ов|ам|ах|ами)|ледник(?:и|ов|ам|ах|ами)|остров(?:а|ов|ам|ах)|"
          r"месторождени(?:я|й|ям|ях|ями)|сёл|сел(?:а|ам|ах)|аул(?:ы|ов|ах)|династи(?:й|ям|ях|ями))",
}
_LISTED_NAME = {"en": r"[A-Z][a-zà-ÿ'’]+(?:[-–][A-Z][a-zà-ÿ'’]+)?(?:\s+[A-Z][a-zà-ÿ'’]+)?",
                "ru": r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?(?:\s+[А-ЯЁ][а-яё]+)?"}
_PLURAL_LISTS = {lang: re.compile(rf"{_PLURAL_KIND_BEFORE[lang]}\s+((?:{_LISTED_NAME[lang]}{_AND})+{_LISTED_NAME[lang]})")
                 for lang in _PLURAL_KIND_BEFORE}
_BEFORE_PATTERNS = {lang: re.compile(rf"(?<![\w-]){_KIND_BEFORE[lang]}\s+({_BEFORE_NAME[lang]})(?![\w-])")
                    for lang in _KIND_BEFORE}
_PATTERNS = {lang: re.compile(rf"(?<![\w-])((?:{_NAME[lang]}{_AND})*{_NAME[lang]})\s+({_KIND[lang]})(?!\w)")
             for lang in _NAME}


# a Kazakh word before a kind that is itself a kind of place, in any case, a number or the people's
# name: the phrase speaks of places of a kind («облыстың ауылдары», «үш губерния», «қазақ ауылы»)
_KK_KIND_OR_COUNT = re.compile(r"(?:облыс|аудан|қала|ауыл|өңір|губерни|уез|болыс|елді)\w*$|"
                               r"(?:бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз|он|қазақ|орыс)$")


# A place's name stands before its kind in the nominative: a word in the genitive there is the
# possessor of an area or a settlement («Олардың ауданы», «Киіктердің елді мекендерден»)
_KK_GENITIVE = re.compile(r"(?:ның|нің|дың|дің|тың|тің)$")
# «ауданы» is also "its area": then its size follows («ауданы шамамен 75 мың км²», «ауданы 210 га»)
_KK_AREA_AFTER = re.compile(r"\s+(?:шамамен\s+|жалпы\s+|~\s*)?\d[\d\s\u00a0,.–-]*(?:мың\s+|млн\s+)?(?:км²|км2|кв\.|шаршы|га\b|гектар)")


# a plural opening a sentence before «кен орны» is no field's name («Нәтижелер кен орнының …»,
# the results for the field; «Құмкөл кен орнының …» is one)
_KK_PLURAL_END = re.compile(r"(?:лар|лер|дар|дер|тар|тер)$")


# a ruling house's word names a historic state, not a region («Таң әулеті», "the Tang dynasty")
_RULING_HOUSE = re.compile(r"(?i)dynast|әулет|династи")


def find(text: str, lang: str) -> list[tuple[int, int, str]]:
    """(start, end, class) of every place named with its kind, the kind word closing the last one:
    a Region, or a State where the kind is a ruling house."""
    pattern = _PATTERNS.get(lang)
    if pattern is None:
        return []
    out = []
    for m in pattern.finditer(text):
        names = list(re.finditer(_NAME[lang], m.group(1)))
        if _PLURAL[lang].search(m.group(2)) is None:
            names = names[-1:]   # "Almaty and the Baizak district": only the last is named a district
        for n in names:
            s = m.start(1) + n.start()
            if n.group().lower() in _NOT_NAMES or (lang == "ru" and _SENTENCE_END.search(text[max(0, s - 12):s])
                                                   and _common_adjective(n.group())):
                continue
            if lang == "kk" and _KK_KIND_OR_COUNT.match(n.group().lower()):
                continue   # «Облыстың ауыл тұрғындары», «Үш губернияның», «Қазақ ауылының»: kinds, not names
            if lang == "kk" and _KK_GENITIVE.search(n.group().lower()):
                continue   # «Олардың ауданы», «Киіктердің елді мекендерден»: a possessor, never a place's name
            if lang == "kk" and m.group(2).startswith("аудан") and _KK_AREA_AFTER.match(text, m.end(2)):
                continue   # «Аумақ ауданы шамамен 75 мың км²»: the word for an area, with its size
            if lang == "kk" and (m.group(2).startswith(("орн", "орынд", "карьер", "облыс", "өлке")) or (
                    m.group(2).startswith("кен") and _KK_PLURAL_END.search(n.group().lower()))):
                if _SENTENCE_END.search(text[max(0, s - 12):s]):
                    continue   # «Екінші орында …», «Терең карьерлер …»: a sentence's first word is capitalised whatever it is
            if lang == "en" and m.group(2)[:1].islower() and (
                    _SENTENCE_END.search(text[max(0, s - 12):s]) or _DEMONYM.search(n.group())):
                continue   # "Delta values …" opens a sentence; "Asian glaciers", "Kazakh steppes" are kinds
            if lang == "en" and _INSTRUMENT_AFTER.match(text, m.end(2)):
                continue   # "Postnatal Depression Scale": a kind's word inside an instrument's name
            out.append((s, m.end(2) if n is names[-1] else m.start(1) + n.end(),
                        "State" if _RULING_HOUSE.match(m.group(2)) else "Region"))
    listed = _PLURAL_LISTS.get(lang)
    if listed is not None:
        for m in listed.finditer(text):
            for n in re.finditer(_LISTED_NAME[lang], m.group(1)):
                s, e = m.start(1) + n.start(), m.start(1) + n.end()
                if n.group().lower() not in _NOT_NAMES and not any(a < e and s < b for a, b, _cls in out):
                    out.append((s, e, "State" if _RULING_HOUSE.match(m.group()) else "Region"))
    before = _BEFORE_PATTERNS.get(lang)
    if before is not None:
        for m in before.finditer(text):
            if m.group(1).lower() in _NOT_NAMES or any(s <= m.start() < e for s, e, _cls in out):
                continue
            if text[m.start():m.start() + 2] in ("г.", "с.") and _AFTER_A_NUMBER.search(text, max(0, m.start() - 12), m.start()):
                continue   # «в 2020 г. Министерство …», «с. 45»: a year and a page, not a town
            out.append((m.start(), m.end(), "State" if _RULING_HOUSE.match(m.group()) else "Region"))
    return sorted(out)


_AFTER_A_NUMBER = re.compile(r"\d[\s\u00a0]*$")
# the head of an instrument's or an index's name after the words of a place's kind ("Edinburgh
# Postnatal Depression Scale", "Tengiz Basin Stress Index")
_INSTRUMENT_AFTER = re.compile(r"[ \t\u00a0]+(?:[A-Z][a-z]+[ \t\u00a0]+){0,2}(?:Scale|Index|Inventory|Questionnaire|Test|Score)\b")


def _common_adjective(word: str) -> bool:
    """A Russian adjective of the dictionary that is no place's («Сельский», «Городском»)."""
    from . import morphology

    parses = morphology._analyzer().parse(morphology.fold(word))[:2]
    return any(p.is_known and "Geox" not in p.tag for p in parses)
