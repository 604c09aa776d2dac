"""Documents that name themselves: laws, concepts, programmes, strategies, plans and addresses.

A law, a state programme or a policy concept announces what it is in its own name, whether or
not a vocabulary lists it: "Law of the Republic of Kazakhstan «On Artificial Intelligence»",
"the Concept for the Development of AI for 2024–2029", "Закон Республики Казахстан «О науке»",
"Концепция развития … на 2023–2029 годы", "Қазақстан Республикасының «Білім туралы» Заңы",
"… дамытудың 2024–2029 жылдарға арналған тұжырымдамасы". `find` returns each such name with
the kind of document (a dkg: subclass of dkg:Initiative) its head word gives, and the quoted
title when it has one, so the linker can resolve it against the vocabularies by kind and title
("Закон РК «Об образовании»" and "Law «On Education»" are the same law) and list the rest as
candidates with the right suggested class.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from . import morphology

# Head words by kind, as stems; the patterns below add the endings each language attaches.
# A road map and a national project announce themselves as a plan and a programme do ("Road Map
# … until 2025", «Дорожная карта … до 2025 года», «… 2021–2025 жылдарға арналған ұлттық жоба»).
_EN_HEADS = {
    "Law": r"Law|Code", "PolicyConcept": r"Concept", "Programme": r"Programme|Program",
    "Strategy": r"Strategy|Doctrine", "ActionPlan": r"Action\s+Plan|Plan|Road\s?[Mm]ap", "Address": r"Address",
}
_RU_HEADS = {
    "Law": r"[Зз]акон|[Кк]одекс", "PolicyConcept": r"[Кк]онцепци", "Programme": r"[Пп]рограмм|[Нн]ациональн[а-яё]{2,3}\s+проект",
    # (a general scheme is a plan: «Генеральной схемы газификации … на 2015–2030 годы»)
    "Strategy": r"[Сс]тратеги|[Дд]октрин", "ActionPlan": r"[Пп]лан|[Дд]орожн[а-яё]{2,3}\s+карт|[Гг]енеральн[а-яё]{2,3}\s+схем",
    "Address": r"[Пп]ослани",
}
# (not заңнама "legislation", жоспарлау "planning", бағдарламалық "software")
_KK_HEADS = {
    "Law": r"[Зз]аң(?!нама)|[Кк]одекс|[Тт]ехникалық\s+регламент", "PolicyConcept": r"[Тт]ұжырымдама(?!лық)",
    "Programme": r"[Бб]ағдарлама(?!лық)|[Ұұ]лттық\s+жоба", "Strategy": r"[Сс]тратегия(?!лық)|[Дд]октрина",
    "ActionPlan": r"[Жж]оспар(?!ла)|[Жж]ол\s+карта", "Address": r"[Жж]олдау",
}
_OPEN, _CLOSE = "«“\"„", "»”\""
# (an amending law's title runs past 200 characters: «О внесении изменений и дополнений в некоторые
# законодательные акты Республики Казахстан по вопросам …»)
_TITLE = r"[«“\"„](?P<title>[^«»“”\"\n]{2,320})[»”\"“]"
# (LaTeX and pandoc sources write the dash as "--": «2023--2027 жылдарға арналған»)
_YEARS = r"\d{4}\s*(?:--|[-–—])\s*\d{4}"
_BREAK = r"[^.;:!?()«»“”\"\n]"      # characters a name runs over


def _alt(heads: dict[str, str], suffix: str) -> str:
    return "|".join(f"(?P<{kind}>(?:{stem}){suffix})" for kind, stem in heads.items())


_STATE_EN = r"(?:\s+of\s+(?:the\s+)?(?:Republic\s+of\s+Kazakhstan|RK|Kazakhstan|Kazakh\s+SSR|USSR|Russian\s+Federation))?"
_STATE_RU = r"(?:\s+(?:Республики\s+Казахстан|РК|Казахстана|Казахской\s+ССР|КазССР|СССР|Российской\s+Федерации|РФ))?"
_DATED_EN = r"(?:\s+(?:No\.?|№)\s*[\w-]+)?(?:\s+(?:of|dated)\s+[\w\s,.]{0,30}?\d{4}(?:\s+year)?)?(?:\s+(?:No\.?|№)\s*[\w-]+)?"
_KK_DATED = r"(?:\d{4}\s+жылғы\s+(?:\d{1,2}\s+[а-яәғқңөұүһі]+(?:дағы|дегі|тағы|тегі)\s+)?(?:№\s*[\w-]+\s+)?)?"
_DATED_RU = r"(?:\s+от\s+[\w\s.,]{0,30}?\d{4}\s*(?:года|г\.)?)?(?:\s+№\s*[\w-]+)?"

# Each pattern is tried only where its anchor, a plain alternation of rare words, occurs: a
# pattern that may start with an optional word would otherwise be tried at every position of a
# 25 KB text. The words a name may have before its anchor ("State", "Государственная",
# "Қазақстан Республикасының") are added afterwards from the text just before it.
# (a leading character class lets the regular-expression engine skip to candidate positions)
_EN_ANCHOR = re.compile(r"[LCPSDAR](?:aw|ode|oncept|rogram|trategy|octrine|ction|lan|ddress|oad)")
_RU_ANCHOR = re.compile(r"[ЗзКкПпСсДдНнГг](?:акон|одекс|онцепци|рограмм|тратеги|октрин|лан|ослани|орожн|ациональн|енеральн)")
# capitalised words before the head ("State Programme", "AI Concept", "Foreign Policy Concept"),
# not a sentence's article or preposition
_EN_BEFORE = re.compile(r"(?:(?!(?:The|A|An|This|That|These|Its|Our|In|On|Of|For|By|To|And)\s)[A-Z][\w-]*\s+){1,3}$")
_RU_BEFORE = re.compile(r"(?:(?:Государственн|Национальн|Комплексн)\w+\s+)$")


class _Pattern(NamedTuple):
    anchor: re.Pattern
    full: re.Pattern            # matched at the anchor
    before: re.Pattern | None   # words the name may have before the anchor
    needs_before: bool = False  # the name is one only with those words


# A Russian code is named by its capitalised adjective («Водного кодекса Республики Казахстан»,
# «Предпринимательский кодекс РК», «Налогового кодекса»); «кодекса» alone is any code.
# (a second adjective in lower case may follow it: «Гражданского процессуального уложения»)
_RU_ADJ = r"(?:ый|ий|ой|ое|ая|ого|его|ому|ему|ым|им|ом|ем)"
# (a compound one too: «Уголовно-исполнительный кодекс», «Административно-процессуального кодекса»)
_RU_CODE_ADJECTIVE = re.compile(rf"[А-ЯЁ][а-яё]+(?:-[а-яё]+)*{_RU_ADJ}\s+(?:[а-яё]+{_RU_ADJ}\s+)?$")
# Another state's law is named by the state in the genitive, its subject and its year: «Закон
# Англии об арбитраже 1996 года», «Закон Швеции о банкротстве 1987 г.»; an old German or Russian
# code is an «уложение» («Гражданского процессуального уложения Германии»).
_RU_FOREIGN_STATE = r"(?:\s+(?!Республики|РК)[А-ЯЁ][а-яё]+(?:ии|ии|ы|а|и))"
_RU_FOREIGN_LAW = re.compile(rf"(?P<Law>Закон[а-яё]{{0,2}}){_RU_FOREIGN_STATE}\s+об?\s+(?:[а-яё-]+\s+){{1,6}}?\d{{4}}\s*(?:года|г\.)")
_RU_CODE_ABBREVIATION = re.compile(r"(?:УПК|ГПК|АПК|УИК|КоАП|УК|ГК|НК|ТК|ЗК|ЭК|БК|ЖК|ВК|ЛК)(?![\w-])")
# A name does not run over "and" into a second document: «… кодекса РК и Концепции развития … на 2024–2030 годы»
_RU_NEXT_DOCUMENT = r"(?!\s+и\s+(?:[А-ЯЁ][а-яё]+\s+)?(?:Концепци|Программ|Стратеги|План|Закон|Кодекс|Доктрин|Послани))"


_RU_DECADE = rf"[Дд]есятилети[еяюи][а-яё]{{0,2}}\s+(?:[а-яё-]+\s+){{1,8}}?(?:ООН\s+)?\(?{_YEARS}(?:\s*(?:годов|гг\.))?\)?"
_RU_DECADE_BEFORE = re.compile(r"(?:[Вв]тор[а-яё]{2,3}|[Мм]еждународн[а-яё]{2,3})\s+$")
_UNION_RU = r"(?:Таможенного\s+союза|Евразийского\s+экономического\s+союза|ЕАЭС)"
_UNION_NUMBER = r"\(?(?:ТР|TR)\s+(?:ТС|ЕАЭС|CU|EAEU)\s+\d{3}/\d{4}\)?"
_RU_STATE_DOCUMENTS = {"PolicyConcept": r"[Кк]онцепци", "Programme": r"[Пп]рограмм", "Strategy": r"[Сс]тратеги"}
_RU_STATE_DOCUMENTS_CAPITALISED = {"PolicyConcept": r"Концепци", "Programme": r"Программ", "Strategy": r"Стратеги"}
# (a quoted goal, not the document's title: «к «зеленой экономике»» is in lower case)
_GOAL = r"[«“\"„][^«»“”\"\n]{2,80}[»”\"“]"
_RU_AIM = r"(?:развития|по\s+переходу|перехода|реформирования|модернизации|реализации)"
_RU_FOR_STATE = r"\s+(?:в\s+Республике\s+Казахстан|Республики\s+Казахстан)(?![а-яё])"
# Kazakh names an undated state concept, programme or strategy by the state, what it develops or
# moves to and its head: «Қазақстан Республикасында инклюзивті саясатты дамыту тұжырымдамасы»
# (the verbal noun before the head is what makes it a document, not «… білім беру бағдарламасы»)
_KK_STATE_DOCUMENTS = {"PolicyConcept": _KK_HEADS["PolicyConcept"], "Programme": r"[Бб]ағдарлама(?!лық)",
                       "Strategy": _KK_HEADS["Strategy"]}
_KK_AIM = r"(?:дамыту|дамытудың|көшу|көшудің|жаңғырту|жаңғыртудың|реформалау|реформалаудың|іске\s+асыру)"


_PATTERNS: dict[str, list[_Pattern]] = {
    "en": [
        # Law of the Republic of Kazakhstan «On …», the Concept «…», the President's Address «…»
        _Pattern(_EN_ANCHOR, re.compile(rf"(?:{_alt(_EN_HEADS, '')})\b{_STATE_EN}{_DATED_EN}\s*{_TITLE}"), None),
        # State Programme for the Development of …, National Action Plan, Concept … for 2024–2029
        _Pattern(_EN_ANCHOR, re.compile(rf"(?:{_alt(_EN_HEADS, '')})\b(?P<body>{_BREAK}{{0,160}}?)\s+(?:for|until|to|up\s+to)\s+"
                                        rf"(?:the\s+(?:period|years)\s+)?(?:{_YEARS}|\d{{4}})\b(?:\s+years)?"), _EN_BEFORE),
        # the head of state's address by its author or by those it is addressed to: "the President's
        # Address", "Address of the President of Kazakhstan", "Address to the People of Kazakhstan"
        _Pattern(re.compile(r"President|Address"), re.compile(
            r"(?:President['’]s\s+(?:[Aa]nnual\s+)?(?P<Address>Address)|(?P<Address_>Address)(?=\s+(?:of|to)\s+the\s+(?:Head|President|People|Nation|Citizens))"
            r"(?:\s+of\s+the\s+(?:Head\s+of\s+State|President)"
            r"(?:\s+of\s+(?:the\s+Republic\s+of\s+)?Kazakhstan)?)?(?:\s+to\s+the\s+(?:People|Nation|Citizens)\s+of\s+Kazakhstan)?)"), None),
        _Pattern(re.compile(r"[SNC](?:tate|ational|omprehensive|trategic)"),
                 re.compile(rf"(?:State|National|Comprehensive|Strategic)\s+(?:[A-Z][\w-]*\s+){{0,2}}(?:{_alt(_EN_HEADS, '')})\b"
                            rf"(?P<body>(?:\s+(?:of|for|on|in|to|the|and)(?:\s+the)?\s+[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)*)"), None),
        # a decade the United Nations proclaimed, by its theme and years: "UN Decade of Healthy Ageing
        # 2021–2030", "Decade of Action for Road Safety (2021–2030)" (a plain decade has no theme in capitals)
        _Pattern(re.compile(r"Decade"), re.compile(
            rf"(?P<Programme>Decade)\s+(?:of|on|for)\s+[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|and|for|of|on|the)){{0,7}}?"
            rf"\s*\(?{_YEARS}\)?"), re.compile(r"(?:(?:UN|United\s+Nations)\s+)?(?:(?:First|Second|Third|International)\s+)?$")),
        # "Technical Regulation of the Customs Union "On …"" (see the Russian one)
        _Pattern(re.compile(r"Technical"), re.compile(
            rf"(?P<Law>Technical\s+Regulation)(?:\s+of\s+the\s+(?:Customs\s+Union|Eurasian\s+Economic\s+Union|EAEU))?"
            rf"(?:\s+{_UNION_NUMBER})?\s*{_TITLE}"), None),
    ],
    "ru": [
        _Pattern(_RU_ANCHOR, re.compile(rf"(?:{_alt(_RU_HEADS, r'[а-яё]{0,2}')})(?![а-яё]){_STATE_RU}"
                                        rf"(?:\s+(?:Президента|Главы\s+государства){_STATE_RU}(?:\s+народу\s+Казахстана)?)?{_DATED_RU}\s*{_TITLE}"), _RU_BEFORE),
        # the head of state's address is named by those it is addressed to, its date and title
        # optional: «в Послании народу Казахстана от 2 сентября 2019 года», «… народу Казахстана 1997 года»
        _Pattern(_RU_ANCHOR, re.compile(rf"(?P<Address>[Пп]ослани[а-яё]{{0,2}})(?![а-яё])(?:\s+(?:Президента|Главы\s+государства)"
                                        rf"{_STATE_RU})?\s+народу\s+Казахстана(?:\s+\d{{4}}\s*(?:года|г\.))?{_DATED_RU}(?:\s*{_TITLE})?"), None),
        # the head of state's address by its author alone: «послания Президента», «Послание Главы государства»
        _Pattern(_RU_ANCHOR, re.compile(rf"(?P<Address>[Пп]ослани[а-яё]{{0,2}})(?![а-яё])\s+(?:Президента|Главы\s+государства)"
                                        rf"{_STATE_RU}{_DATED_RU}"), None),
        _Pattern(_RU_ANCHOR, re.compile(rf"(?:{_alt(_RU_HEADS, r'[а-яё]{0,2}')})(?![а-яё])"
                                        rf"(?P<body>(?:{_RU_NEXT_DOCUMENT}{_BREAK}){{0,160}}?)\s+(?:на|до)\s+(?:период\s+)?(?:{_YEARS}\s+год\w*|\d{{4}}\s+год\w*)"),
                 _RU_BEFORE),
        # a state programme or concept undated, named by the state it is for: «Государственной программы
        # правовой реформы в Республике Казахстан», «Концепция по переходу Республики Казахстан к
        # «зеленой экономике»» (an adjective of the state's, or a quoted goal, makes it a document,
        # not «программы обучения в Республике Казахстан»)
        _Pattern(_RU_ANCHOR, re.compile(rf"(?:{_alt(_RU_STATE_DOCUMENTS, r'[а-яё]{0,2}')})(?![а-яё])(?:\s+[а-яё-]+){{1,6}}?"
                                        rf"{_RU_FOR_STATE}(?:\s+к\s+{_GOAL})?"), _RU_BEFORE, True),
        _Pattern(_RU_ANCHOR, re.compile(rf"(?:{_alt(_RU_STATE_DOCUMENTS_CAPITALISED, r'[а-яё]{0,2}')})(?![а-яё])(?:\s+[а-яё-]+){{1,6}}?"
                                        rf"{_RU_FOR_STATE}\s+к\s+{_GOAL}"), None),
        # … or by what it develops or reforms, for the state: «Концепция развития конкурентной
        # политики Республики Казахстан», «Программы модернизации здравоохранения Республики Казахстан»
        # (the verbal noun and the capital make it a document; «программы обучения …» is none)
        _Pattern(_RU_ANCHOR, re.compile(rf"(?:{_alt(_RU_STATE_DOCUMENTS_CAPITALISED, r'[а-яё]{0,2}')})(?![а-яё])\s+{_RU_AIM}"
                                        rf"(?:\s+[а-яё-]+){{0,6}}?{_RU_FOR_STATE}"), None),
        _Pattern(_RU_ANCHOR, re.compile(rf"(?P<Law>[Кк]одекс[а-яё]{{0,2}})(?![а-яё]){_STATE_RU}"), _RU_CODE_ADJECTIVE, True),
        _Pattern(re.compile(r"уложени"), re.compile(rf"(?P<Law>уложени[а-яё]{{1,2}})(?![а-яё])(?:{_RU_FOREIGN_STATE}|{_STATE_RU})"),
                 _RU_CODE_ADJECTIVE, True),
        _Pattern(re.compile(r"Закон"), _RU_FOREIGN_LAW, None),
        # a decree by its issuer and date: «Указом Президента Республики Казахстан от 24 августа 2009 года № 858»
        _Pattern(re.compile(r"Указ"), re.compile(
            r"(?P<Law>Указ[а-яё]{0,2})\s+Президента(?:\s+Республики\s+Казахстан|\s+РК)?\s+от\s+\d{1,2}\s+[а-яё]+\s+"
            r"\d{4}\s*(?:года|г\.)(?:\s*№\s*\d[\w-]*)?"), None),
        # a code by its abbreviation and the state's: «статьи 218 УК РК», «УПК РФ», «КоАП РК» (the state
        # is part of the code's name, not a mention of its own)
        _Pattern(_RU_CODE_ABBREVIATION, re.compile(rf"(?P<Law>{_RU_CODE_ABBREVIATION.pattern})\s+(?:РК|РФ|Республики\s+Казахстан)(?![\w-])"),
                 None),
        # a technical regulation of the Customs Union or the Eurasian Economic Union, binding on its
        # states, by its quoted title: «Технический регламент Таможенного союза «О безопасности
        # молока и молочной продукции»» (its number may stand between: «ТР ТС 033/2013»)
        _Pattern(re.compile(r"[Тт]ехническ"), re.compile(
            rf"(?P<Law>[Тт]ехническ[а-яё]{{2,3}}\s+регламент[а-яё]{{0,2}})(?:\s+{_UNION_RU})?"
            rf"(?:\s+{_UNION_NUMBER})?\s*{_TITLE}"), None),
        # a decade the United Nations proclaimed: «Десятилетия здорового старения ООН (2021–2030)»,
        # «Второе десятилетие действий по обеспечению безопасности дорожного движения 2021–2030 годов»
        # (in lower case it is one only with its ordinal or the United Nations' name: «за последнее
        # десятилетие развития экономики 2010–2020 годов» names none)
        _Pattern(re.compile(r"Десятилети"), re.compile(rf"(?P<Programme>{_RU_DECADE})"), _RU_DECADE_BEFORE),
        _Pattern(re.compile(r"десятилети"), re.compile(rf"(?P<Programme>{_RU_DECADE})"), _RU_DECADE_BEFORE, True),
        _Pattern(re.compile(r"десятилети"), re.compile(
            rf"(?P<Programme>десятилети[еяюи][а-яё]{{0,2}}\s+(?:[а-яё-]+\s+){{1,8}}?ООН\s+\(?{_YEARS}(?:\s*(?:годов|гг\.))?\)?)"), None),
        # a constitution by the year it was adopted: «по Конституции 1993 года»
        _Pattern(re.compile(r"Конституци"), re.compile(r"(?P<Law>Конституци[а-яё]{1,3})(?:\s+Республики\s+Казахстан)?"
                                                        r"\s+\d{4}\s*(?:года|г\.)"), None),
    ],
    # Kazakh names put the head word last: the anchors are a quoted title, "туралы" and a span
    # of years, and the words before them are added by `_kazakh_start`.
    "kk": [
        # Қазақстан Республикасының «Білім туралы» Заңы, «Цифрлық Қазақстан» мемлекеттік бағдарламасы
        # («… туралы» Қазақстан Республикасының Заңы: the state may stand between title and head)
        # (and the date it was passed between the title and the head: «… туралы» 1997 жылғы 11
        # шілдедегі № 151 Заңы)
        # («…» атты Жолдауында, «…» атты Қазақстан халқына Жолдауы: "called", and those addressed)
        _Pattern(re.compile(r"[«“\"„]"), re.compile(rf"{_TITLE}\s+(?:{_KK_AIM}\s+)?(?:атты\s+(?:Қазақстан\s+халқына\s+)?)?{_KK_DATED}(?:(?:Қазақстан\s+Республикасының|ҚР)\s+)?(?:(?:[Мм]емлекеттік|[Ұұ]лттық)\s+)?"
                                                     rf"(?:{_alt(_KK_HEADS, r'[а-яәғқңөұүһі]*')})(?![\w])"), None),
        # Білім туралы Заңы; a decree or a resolution by its issuer: «Қазақ тілі әліпбиін кирилл
        # жазуынан латын графикасына көшіру туралы Қазақстан Республикасы Президентінің Жарлығы»
        _Pattern(re.compile(r"туралы"), re.compile(
            rf"туралы\s+(?:{_alt({'Law': _KK_HEADS['Law']}, r'[а-яәғқңөұүһі]*')}|(?:(?:Қазақстан\s+Республикасы(?:ның)?|ҚР)\s+)?"
            rf"(?:Президентінің|Үкіметінің)\s+{_KK_DATED}(?P<Law_>[Жж]арлығ[а-яәғқңөұүһі]*|[Ққ]аулы[а-яәғқңөұүһі]*))(?![\w])"), None),
        # … дамытудың 2024–2029 жылдарға арналған тұжырымдамасы, 2025 жылға дейінгі стратегиялық даму жоспары
        # (and «2060 жылға дейін көміртегі бейтараптығына қол жеткізу стратегиясы»: the goal's words
        # between the year and the head)
        _Pattern(re.compile(r"\d{4}"), re.compile(rf"(?:{_YEARS}\s+жылдар\w*\s+арналған|\d{{4}}\s+жылға\s+дейін(?:гі)?)"
                                                  rf"\s+(?:[\w-]+\s+){{0,5}}?(?:{_alt(_KK_HEADS, r'[а-яәғқңөұүһі]*')})(?![\w])"), None),
        # a decree by its issuer and date: «Қазақстан Республикасы Президентінің 2009 жылғы 24 тамыздағы № 858 Жарлығы»
        _Pattern(re.compile(r"Президентінің"), re.compile(
            r"Президентінің\s+\d{4}\s+жылғы\s+\d{1,2}\s+[а-яәғқңөұүһі]+(?:дағы|дегі|тағы|тегі)\s+(?:№\s*\d[\w-]*\s+)?"
            r"(?P<Law>[Жж]арлығ[а-яәғқңөұүһі]*)"), None),
        # the head of state's address: «Жолдауында» capitalised, which only the President's is, or after
        # its author («Мемлекет басшысының жолдауы»), with its date and those it is addressed to
        _Pattern(re.compile(r"Жолдау|[Пп]резидентінің|[Мм]емлекет\s+басшысының|Елбасының"), re.compile(
            rf"(?:(?:[Пп]резидентінің|[Мм]емлекет\s+басшысының|Елбасының)\s+{_KK_DATED}(?:Қазақстан\s+халқына\s+)?(?P<Address_>[Жж]олдау[а-яәғқңөұүһі]*)"
            rf"|(?P<Address>Жолдау[а-яәғқңөұүһі]*))(?![\w])"), None),
        # (last: `_find` tells the patterns above apart by their place in this list)
        _Pattern(re.compile(r"Қазақстан\s+Республикасы"), re.compile(
            rf"Қазақстан\s+Республикасы(?:ның|нда)\s+(?:[а-яәғқңөұүһі][\w-]*\s+){{1,6}}?{_KK_AIM}\s+"
            rf"(?:{_alt(_KK_STATE_DOCUMENTS, r'[а-яәғқңөұүһі]*')})(?![\w])"), None),
    ],
}
_KK_STATE = re.compile(r"(?:(?:Қазақстан\s+Республикасының|ҚР)\s+)?(?:\d{4}\s+жылғы\s+\d{1,2}\s+\w+\s+)?$")
_KK_WORDS_BEFORE = re.compile(r"(?:[\w-]+\s+){0,5}$")
# (an unquoted title before «туралы» runs longer: «Қазақ тілі әліпбиін кирилл жазуынан латын
# графикасына көшіру туралы …», eight words)
_KK_TITLE_WORDS_BEFORE = re.compile(r"(?:[\w-]+\s+){0,10}$")
KINDS = tuple(_EN_HEADS)


class SelfNamed(NamedTuple):
    start: int
    end: int
    cls: str                    # Law, PolicyConcept, Programme, Strategy, ActionPlan, Address
    title: tuple[int, int] | None   # the quoted title's span, when there is one


# What every pattern's match holds: a year or a quoted title (every Kazakh pattern, the Russian
# ones but the codes', and the English ones but the last), "туралы", the state an undated state
# document is for, «кодекс», a code's
# abbreviation before the state's («УК РК»), or the first word of the last English pattern.
_TRIGGER = re.compile(r"Правил|\d{4}|[«“\"„]|туралы|Жолдау|[Пп]ослани[а-яё]{0,2}\s+(?:Президента|Главы)|President['’]s\s+(?:[Aa]nnual\s+)?Address|Address\s+(?:of|to)\s+the|Республик[еиа]\s+Казахстан|Қазақстан\s+Республикасы|кодекс|уложени|State|National|Comprehensive|Strategic|(?-i:К\s+Р[КФ]|КоАП)", re.I)


def find(text: str, lang: str) -> list[SelfNamed]:
    """Every self-named document in `text`, longest first where two overlap."""
    if not _TRIGGER.search(text):      # most parts name no document: one cheap scan
        return []
    return list(_find(text, lang))


@lru_cache(maxsize=64)
def _find(text: str, lang: str) -> tuple[SelfNamed, ...]:
    # (the linker asks twice per part: once for mentions, once for candidates)
    found: list[SelfNamed] = []
    patterns = _PATTERNS.get(lang, [])
    if lang != "ru" and re.search("[А-Яа-я]", text):
        patterns = patterns + _PATTERNS["ru"]   # Russian titles quoted in English and Kazakh texts
    kazakh = _PATTERNS["kk"]
    anchors: dict = {}
    for pattern in patterns:
        for m in _matches(text, pattern, anchors):
            cls = next(k for k in KINDS if m.groupdict().get(k) or m.groupdict().get(k + "_"))
            start, end = m.start(), m.end()
            title = (m.start("title"), m.end("title")) if m.groupdict().get("title") else None
            if title and not (text[title[0]].isupper() or text[title[0]].isdigit()):
                continue   # «жұмсақ күш» тұжырымдамасы is the concept of soft power, not a document
            if pattern is kazakh[1]:       # «… туралы» without quotes: its words come before
                start = _kazakh_start(text, start, capitalised_only=True, words_before=_KK_TITLE_WORDS_BEFORE)
                if start is None:
                    continue
            elif pattern is kazakh[2]:
                start = _kazakh_start(text, start, capitalised_only=False)
            if pattern in kazakh:
                start = _KK_STATE.search(text, max(0, start - 60), start).start()
            elif pattern.before is not None:
                before = pattern.before.search(text, max(0, start - 60), start)
                if before:
                    start = before.start()
                elif pattern.needs_before:
                    continue
            found.append(SelfNamed(start, end, cls, title))
    if lang == "ru" or "Правил" in text:
        found.extend(_ru_rules(text))
    found.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out: list[SelfNamed] = []
    for s in found:
        if out and s.start < out[-1].end:
            continue
        out.append(s)
    return tuple(out)


# A body's rules named by what they govern: «Правила проведения текущего контроля успеваемости,
# промежуточной и итоговой аттестации обучающихся», «Правил планирования и реализации проектов
# ГЧП», «Правил ЕЭК ООН № 110». The capital inside a sentence says it is a title (a rule of thumb
# opening a sentence, «Правила игры изменились», is not). The title runs over words in the
# genitive, prepositional phrases, acronyms, a bracketed synonym, a participle with its object and a
# comma before another genitive; it ends where the sentence around it goes on (a verb, «утвержденные
# …», «(далее – …)») or at its number. (A law by a ministry's order, like a decree, is a Law.)
_RU_RULES = re.compile(r"(?<![\w-])Правил(?:а|ам|ами|ах)?(?![\w-])")
_RU_RULES_PREPOSITIONS = {"для", "по", "в", "на", "о", "об", "при", "с", "к"}
_RU_RULES_STOP = re.compile(r"(?:утвержд|принят|действу|установлен)", re.I)
_RU_RULES_WORD = re.compile(r"[ \u00a0]*(\([ \u00a0]*[а-яё-]+(?:[ \u00a0]+[а-яё-]+)?[ \u00a0]*\)|№[ \u00a0]*\d[\w.-]*|"
                            r",[ \u00a0]*[а-яё-]+|[A-ZА-ЯЁ]{2,}[\w-]*|[а-яё-]+)")


def _ru_rules(text: str) -> list[SelfNamed]:
    out = []
    for m in _RU_RULES.finditer(text):
        before = text[:m.start()].rstrip()
        if not before or before[-1] in ".!?:;\n":
            continue
        pos = end = m.end()
        words, free_case, joined = 0, False, False   # a preposition's or a participle's complement takes any case
        while (w := _RU_RULES_WORD.match(text, pos)) is not None:
            token = w.group(1)
            if token.startswith("№"):
                end = w.end()
                break
            if token.startswith("(") or morphology.is_acronym(token):
                if token.startswith("(") and not words:
                    break
                words += 1
                pos = end = w.end()
                continue
            comma = token.startswith(",")
            word = token.lstrip(", \u00a0")
            if _RU_RULES_STOP.match(word):
                break
            if not comma and word in ("и", "или"):
                pos, joined = w.end(), True
                continue
            if joined and word in _RU_RULES_PREPOSITIONS:
                break       # «… хозяйства и на практику судов»: the sentence's second object
            joined = False
            if not comma and word in _RU_RULES_PREPOSITIONS and words:
                pos, free_case = w.end(), True
                continue
            parses = morphology._analyzer().parse(word)[:2]
            if not any(p.tag.POS in ("NOUN", "ADJF", "PRTF") for p in parses):
                break
            if not (free_case and not comma) and not any(p.tag.case == "gent" for p in parses):
                break
            words += 1
            pos = end = w.end()
            # (an adjective keeps its noun's freedom; a participle gives its object one)
            free_case = any(p.tag.POS == "PRTF" for p in morphology._analyzer().parse(word)) or (
                free_case and not comma and any(p.tag.POS == "ADJF" for p in parses))
        if words:
            out.append(SelfNamed(m.start(), end, "Law", None))
    return out


def _matches(text: str, pattern: _Pattern, anchors: dict | None = None):
    if anchors is None:
        anchors = {}
    if pattern.anchor not in anchors:   # two patterns often share an anchor: scan once
        anchors[pattern.anchor] = list(pattern.anchor.finditer(text))
    last = -1
    for a in anchors[pattern.anchor]:
        if a.start() < last or (a.start() and text[a.start() - 1].isalnum() and pattern.anchor.pattern[0] != "\\"):
            continue    # inside the last match, or not at a word's start
        m = pattern.full.match(text, a.start())
        if m:
            last = m.end()
            yield m


# What opens a sentence about a document as its subject (and names none: «Білім беруді дамытудың
# … бағдарламасы» opens with the programme's own first word)
_SENTENCE_SUBJECTS = {"зерттеу", "жұмыс", "мақала", "диссертация", "автор", "авторлар", "бұл", "ол", "осы", "біз",
                      "талдау", "зерттеуде", "жұмыста", "мақалада"}


def _kazakh_start(text: str, end: int, capitalised_only: bool, words_before: re.Pattern = _KK_WORDS_BEFORE) -> int | None:
    """Where a Kazakh name opens before `end` (its title words or its years): at the first
    capitalised word of the up to five words before that is a name's ("Қазақстан Республикасында
    …", not a sentence's first word "Бұл"), or else three words before ("жасанды интеллектті
    дамытудың 2024–2029 жылдарға арналған …"); None when a capital is needed and absent."""
    before = words_before.search(text, max(0, end - 200), end)
    words = list(re.finditer(r"[\w-]+", text[before.start():end]))
    base = before.start()
    # a name does not run back over "and" («… Заңы мен Қазақстан Республикасының 2060 жылға …»)
    joins = [k for k, w in enumerate(words) if w.group() in ("мен", "бен", "пен", "және", "немесе")]
    if joins:
        words = words[joins[-1] + 1:]

    def names(k: int) -> bool:
        w = words[k]
        if not w.group()[0].isupper():
            return False
        preceding = text[:base + w.start()].rstrip()
        initial = not preceding or preceding[-1] in ".!?:;\n"
        # a title before "туралы" may open the sentence ("Білім туралы Заңына сәйкес …")
        return capitalised_only or not initial or (k + 1 < len(words) and words[k + 1].group()[0].isupper())

    caps = [k for k in range(len(words)) if names(k)]
    # a state's formal name in the nominative is the sentence's subject, not the document's owner
    # (Kazakh names the owner in the genitive: «Қазақстан Республикасының … стратегиясы»):
    # «Қазақстан Республикасы 2060 жылға дейін … стратегиясында» opens after it
    if caps and caps[0] + 1 < len(words) and words[caps[0] + 1].group() == "Республикасы":
        if caps[0] + 2 == len(words):
            return end
        caps = [caps[0] + 2]
    if caps:
        return base + words[caps[0]].start()
    if capitalised_only:
        return None
    last = words[-3:]
    # the sentence's first word is its subject, not the document's first («Зерттеу цифрландыруды
    # дамытудың 2024–2029 жылдарға арналған тұжырымдамасына сүйенеді»)
    # (when it is the only word before them, the name opens at the years: «Зерттеу 2021–2023
    # жылдарға арналған … бағдарлама аясында жүргізілді»)
    while last and last[0].group().lower() in _SENTENCE_SUBJECTS and (
            not text[:base + last[0].start()].rstrip() or text[:base + last[0].start()].rstrip()[-1] in ".!?:;\n"):
        last = last[1:]
    return base + last[0].start() if last else end
