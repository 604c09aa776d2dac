"""The words of headings in kk, ru and en: the keyword of each section kind (stems, so that
inflected forms match) and the words around keywords that tell a heading from a sentence or a
title. Data only; `headings` reads it."""
from __future__ import annotations

import re

_I = re.IGNORECASE | re.UNICODE

# Keywords per language and kind. Stems, so that inflected forms match.
KEYWORDS: dict[str, dict[str, str]] = {
    "en": {
        "relevance": r"relevance|topicality|actuality|urgency|why\s+(?:this|the)\s+(?:topic|study|research)\s+matters|"
                     r"problem\s+statement|statement\s+of\s+the\s+problem|rationale\s+for\s+(?:the\s+)?(?:choice\s+of\s+(?:the\s+)?)?(?:topic|research|study)|"
                     r"justification\s+(?:of|for)\s+(?:the\s+)?choice\s+of\s+(?:the\s+)?topic|"
                     # the heading asked as a question, as the rest of such an abstract's are
                     r"why\s+(?:does\s+)?(?:it|(?:this|the)(?:\s+(?:topic|study|research|work|problem))?)\s+matters?(?=[\s?:.]*$)",
        "development": r"degree of (?:the )?(?:scientific )?(?:development|elaboration|study|knowledge)|state of (?:the )?(?:art|research)|literature review|"
                       r"what\s+(?:has|had)\s+(?:already\s+)?been\s+(?:done|studied|written)(?:\s+already)?(?=[\s?:.]*$)",
        "object": r"object(?!ive)s?",
        "subject": r"subject(?:\s+matter)?(?!\s+to\b)",
        "aim": r"aims?|purposes?|goals?",
        "tasks": r"tasks?|objectives",
        # (a pedagogy abstract's "leading idea" is its hypothesis)
        "hypothesis": r"hypothes[ie]s|leading\s+idea",
        "theoretical-basis": r"theoretical(?:\s+and\s+|\s*-\s*)methodolog\w*|theoretical\s+(?:basis|bases|framework|foundations?)|methodological\s+(?:basis|bases|framework|foundations?)|methodology|theory\s+and\s+methods",
        "methods": r"methods?|research\s+techniques|"
                   r"how\s+(?:was|is|were)\s+(?:it|this|the\s+(?:research|study|work))\s+(?:done|carried\s+out|conducted)(?=[\s?:.]*$)",
        "novelty": r"novelty|originality|what\s+is\s+new|contribution\s+to\s+(?:knowledge|science)",
        "provisions": r"provisions|propositions|statements\s+(?:to\s+be\s+defended|for\s+(?:the\s+)?defen[cs]e|submitted)|(?:submitted|put\s+forward|presented|brought)\s+(?:for|to)\s+(?:the\s+)?defen[cs]e|to\s+be\s+defended|theses\s+for\s+(?:the\s+)?defen[cs]e|"
                      # the heading asked as a question: "What does the author defend?", "What is defended?"
                      r"(?:author|candidate|applicant|researcher|doctoral\s+(?:student|candidate)|we)\s+defends?(?=[\s?:.]*$)|what\s+is\s+(?:being\s+)?defended(?=[\s?:.]*$)",
        "significance": r"significance|importance|value\s+of\s+the\s+(?:research|study|work)|(?:practical|theoretical)\s+value",
        "approbation": r"approbation|approval|implementation(?:\s+of\s+(?:the\s+)?results)?|testing\s+of\s+(?:the\s+)?results|validation\s+of\s+(?:the\s+)?results|dissemination|"
                       r"(?:where|how)\s+(?:were|have)\s+(?:the\s+)?results\s+(?:been\s+)?(?:presented|tested|discussed|reported)(?=[\s?:.]*$)",
        "publications": r"publications?|published\s+works",
        "structure": r"structure|scope\s+and\s+volume|volume\s+of\s+the|"
                     r"how\s+is\s+(?:the|this)\s+(?:dissertation|thesis|work)\s+(?:organi[sz]ed|structured|built)(?=[\s?:.]*$)",
        "general": r"general\s+(?:information|description|characteristics?)|"
                   r"what\s+is\s+(?:the|this)\s+(?:dissertation|thesis|work|study)\s+about(?=[\s?:.]*$)",
        "priority": r"(?:priority|(?:compliance|correspondence|conformity)\s+(?:with|to)\s+(?:the\s+)?(?:main\s+|priority\s+)?)"
                    r"\s*(?:areas?|directions?)(?:\s+of\s+(?:the\s+)?(?:development\s+of\s+)?science(?:\s+development)?)?"
                    r"(?:\s+(?:or|and)\s+(?:the\s+)?state\s+program(?:me)?s)?",
        "sources": r"(?:information|source|empirical|documentary)\s+bas(?:e|is)|sources\s+of\s+(?:the\s+)?(?:research|study)",
        "chronology": r"(?:chronological|territorial|geographical)\s+(?:framework|scope|boundaries|limits|frames?)",
        "contribution": r"(?:(?:personal\s+)?contribution\s+of\s+the\s+(?:author|applicant|candidate|doctoral\s+student|doctoral\s+candidate)|(?:author(?:'s|’s)|personal|doctoral\s+student(?:'s|’s)?)\s+contribution)"
                        r"(?:\s+to\s+(?:the\s+)?preparation\s+of\s+(?:each\s+)?(?:publication|article|paper)s?)?",
        "completeness": r"(?:assessment|evaluation)\s+of\s+(?:the\s+)?completeness(?:\s+of\s+(?:the\s+)?(?:solutions?|solving)(?:\s+(?:to|of)\s+(?:the\s+)?(?:assigned\s+|set\s+)?tasks)?)?|completeness\s+of\s+(?:the\s+)?solutions?",
        "justification": r"justification\s+of\s+(?:the\s+)?novelty(?:\s+and\s+(?:the\s+)?importance)?",
        "findings": r"description\s+of\s+(?:the\s+)?main\s+results",
        "reliability": r"reliability|validity",
        "content": r"(?:main|brief)\s+content(?:\s+of\s+the\s+(?:main\s+part|chapters|sections))?"
                   r"|summary\s+of\s+the\s+(?:work|dissertation|chapters|main\s+part)",
        "keywords": r"key\s*-?\s*words",
        "abstract": r"abstract|annotation",
        "introduction": r"introduction",
        "conclusion": r"conclusions?|practical\s+recommendations",
        "research": r"research|discussion|results",
        "references": r"references|bibliography|list\s+of\s+(?:references|literature|sources)",
    },
    "ru": {
        "relevance": r"актуальност\w*|тем[аы]\s+и\s+е[её]\s+значени\w*|(?:значени|важност)\w*\s+темы|"
                     r"обосновани\w*\s+(?:выбора\s+)?темы|постановк\w*\s+проблемы",
        "development": r"степен\w*\s+(?:научной\s+)?(?:разработанност|изученност)\w*|изученност\w*\s+(?:темы|проблемы)",
        "object": r"объект\w*",
        "subject": r"предмет\w*",
        "aim": r"цел[ьиюяей]\w*",
        "tasks": r"задач\w*",
        "hypothesis": r"гипотез\w*|ведущ\w*\s+иде\w*",
        "theoretical-basis": r"теоретико\s*-\s*методологическ\w*|(?:теоретическ|методологическ)\w*\s+(?:основ|баз)\w*|методологи[яи]",
        "methods": r"метод(?:ы|ов|ами|ах)\b",
        "novelty": r"новизн\w*",
        "provisions": r"положени\w*[^.:]{0,40}?защит\w*|на\s+защиту|выносим\w*\s+на|защищаем\w*\s+положени\w*",
        "significance": r"значимост\w*|ценност\w*|(?:практическ|прикладн)\w*\s+значени\w*|значени\w*\s+(?:работы|исследования|диссертации|полученных\s+результатов|результатов)",
        "approbation": r"апробаци\w*|внедрени\w*\s+результат\w*",
        "publications": r"публикаци\w*|(?:список|перечень)\s+(?:опубликованных\s+)?(?:научных\s+)?(?:работ|трудов)",
        "structure": r"структур\w*|объ[её]м\w*\s+(?:и\s+структур\w*|диссертац\w*|работы)",
        "general": r"общ\w+\s+характеристик\w*",
        "priority": r"приоритетн\w+\s+направлени\w*|соответстви\w*\s+(?:основным\s+)?направлени\w*|"
                    r"связь\s+(?:работы|темы|диссертации|исследования)\s+с\s+(?:[\w-]+\s+){0,3}(?:программ|план|тем)\w*",
        "sources": r"(?:источников|информационн|эмпирическ|документальн)\w*\s+(?:баз|основ)\w*|источники\s+исследования",
        "chronology": r"(?:хронологическ|территориальн|географическ)\w*\s+(?:рамк|границ)\w*",
        "contribution": r"личн\w*\s+вклад\w*|вклад\w*\s+(?:автора|докторанта|соискателя)",
        "completeness": r"оценк\w*\s+полноты(?:\s+решени\w*)?",
        "justification": r"обосновани\w*\s+новизны(?:\s+и\s+важности)?",
        "findings": r"описани\w*\s+основных\s+результатов",
        "reliability": r"достоверност\w*|обоснованност\w*",
        "content": r"(?:основное|краткое)\s+содержание(?:\s+(?:основной\s+части|глав|разделов))?"
                   r"|содержание\s+(?:работы|диссертации)",
        "keywords": r"ключевые\s+слова",
        "abstract": r"аннотаци\w*|реферат|резюме",
        "introduction": r"введение",
        "conclusion": r"заключение|выводы|практические\s+(?:рекомендации|предложения)",
        "research": r"результаты|обсуждение",
        "references": r"список\s+(?:использованн\w*\s+)?(?:литературы|источников)|литература",
    },
    "kk": {
        "relevance": r"өзектілі\w*|көкей(?:тесті|кесті)\w*|тақырып\w*\s+(?:таңдау\w*\s+)?негізде\w*|мәселені?ң\s+қойылу\w*",
        "development": r"(?:зерттел|зерделен)\w*\s+(?:дәрежесі|деңгейі)",
        "object": r"нысан\w*|объекті\w*",
        "subject": r"пән[іи]",   # и for і: Kazakh typed on a Russian keyboard
        "aim": r"мақсат\w*",
        "tasks": r"міндет\w*",
        "hypothesis": r"болжам\w*|гипотеза\w*|жетекші\s+идея\w*",
        "theoretical-basis": r"(?:теориялық|әдіснамалық)\s+негіз\w*|әдіснама\w*",   # теориялық-әдіснамалық too
        "methods": r"әдіс(?:тері|тер|і)\w*",
        "novelty": r"жаңалы\w*|жаңашыл\w*",
        "provisions": r"қорғау\w*\s+(?:ұсыны|шығары)\w*|қорғауға|негізгі\s+(?:қағидалар|тұжырымдар)",
        "significance": r"маңыз\w*|құндылығ\w*",
        "approbation": r"апробаци\w*|(?:сынақтан|сыннан)\s+өт\w*|сараптал\w*|талқылан\w*",
        "publications": r"жарияланым\w*|жариялану\w*|басылым\w*",
        "structure": r"құрылым\w*|көлем\w*",
        "general": r"жалпы\s+сипаттама\w*",
        "priority": r"басым\s+бағыт\w*|(?:ғылым\w*\s+)?(?:даму\s+)?(?:бағыт\w*\s+(?:немесе|және)\s+)?(?:мемлекеттік\s+)?"
                    r"(?:бағыт|бағдарлама)\w*\s+сәйкест\w*|(?:бағдарлама|жоспар)\w*\s+байланыс\w*",
        "sources": r"(?:дерек\w*|ақпараттық|эмпирикалық)\s+(?:базасы|негізі|көздері)\w*",
        "chronology": r"(?:хронологиялық|аумақтық|географиялық)\s+(?:шеңбер|шег|аяс|ауқым)\w*",
        "contribution": r"(?:автордың\s+)?жеке\s+үлес\w*|докторанттың\s+(?:[\w-]+\s+){0,4}үлесі",
        "completeness": r"толық\s+шешіл\w*|толықтығ\w*\s+бағала\w*",
        "justification": r"жаңалығ\w*\s+(?:мен|және)\s+маңыздылығ\w*\s+негіздеме\w*|жаңалығ\w*\s+негіздеме\w*",
        "findings": r"негізгі\s+нәтижелерді?ң?\s+сипаттама\w*",
        "reliability": r"негізділіг\w*|дұрыстығ\w*|сенімділіг\w*",
        # (and the main part's or the chapters' brief content: «негізгі бөлімнің қысқаша мазмұны»)
        "content": r"(?:(?:негізгі\s+)?(?:бөлім|тарау)\w*\s+)?(?:негізгі|қысқаша)\s+мазмұн\w*",
        "keywords": r"(?:түйін|кілт|түйінді)\s+сөздер",
        "abstract": r"аңдатпа\w*|аннотация\w*|түйіндеме\w*",
        "introduction": r"кіріспе",
        "conclusion": r"қорытынды\w*|практикалық\s+ұсыныстар\w*",
        "research": r"нәтижелер\w*|талқылау",
        # (a journal prints the word alone over an article's references: «Әдебиеттер»)
        "references": r"(?:пайдаланылған\s+)?(?:әдебиеттер|дереккөздер)(?:\s+тізімі)?",
    },
}

QUALIFIERS = {
    "en": r"theoretical|practical|scientific|applied|social",
    "ru": r"теоретическ\w*|практическ\w*|научн\w*|прикладн\w*",
    "kk": r"теориялық|практикалық|тәжірибелік|ғылыми|қолданбалы",
}

# Verbs that turn a heading into the subject of a sentence: "The object … is X".
COPULA = {
    "en": r"\s+(?:is|are|was|were|lies|lie|consists?|includes?|comprises?|became|has\s+been|have\s+been|covers?|included)\s+",
    "ru": r"\s+(?:является|являются|выступает|выступают|состоит|состоят|заключается|заключаются|определяется|определяются|обусловлен[аоы]?|была|было|были|стал[аио]?|"
          r"охватыва(?:ет|ют)|включа(?:ет|ют)|составля(?:ет|ют)|ограничен[аоы]?|ограничива(?:ется|ются)|"
          r"опира(?:ется|ются)|основыва(?:ется|ются)|основан[аоы]?|базиру(?:ется|ются)|обеспечен[аоы]?|обеспечива(?:ется|ются))\s+",
    "kk": r"\s+(?:болып\s+табылады|болып\s+саналады)\s*",
}
# Connective words allowed before the keyword in a sentence-shaped heading.
LEAD = {
    "en": r"(?:(?:the|a|an|this|our|main|key|basic|general|principal|chief|primary|scientific|"
          r"theoretical|practical|research(?:'s|’s)?|study(?:'s|’s)?|dissertation(?:'s|’s)?|thesis|work(?:'s|’s)?|overall|specific)\s+){0,3}",
    "ru": r"(?:(?:основн\w+|главн\w+|научн\w+|теоретическ\w+|практическ\w+|общ\w+|данн\w+|наш\w+)\s+){0,2}",
    "kk": r"(?:[\w-]+\s+){0,3}",
}
# Heading text must not carry a finite verb if it ends with punctuation (then it is a sentence).
SENTENCE_VERB = {
    "en": re.compile(r"\b(?:is|are|was|were|has|have|had|will|can|could|lies|consists|determined|carried|made|used)\b", _I),
    "ru": re.compile(r"\b(?:является|являются|был[аио]?|будет|может|состоит|определяется|позволяет|позволил\w*)\b", _I),
    "kk": re.compile(r"(?:табылады|болады|береді|етеді|алады|жатыр)\b", _I),
}
LIST_INTRO_WORD = {
    "en": re.compile(r"\bfollowing\b", _I),
    "ru": re.compile(r"\bследующ\w+", _I),
    "kk": re.compile(r"\b(?:төмендегідей|келесі|мынадай)\b", _I),
}
# Words a heading is made of besides its keyword: what it qualifies ("scientific", "practical")
# and whose it is ("of the research", "исследования", "зерттеудің"). A phrase made only of these
# and keywords is a heading; one with other words ("Text Classification Tasks", "задачи
# классификации текстов", "Во второй главе рассматриваются методы") is a title or a sentence.
HEADING_WORDS = {
    "en": r"the|a|an|of|for|to|and|in|on|by|this|its|our|main|key|basic|general|brief|scientific|theoretical|"
          r"practical|applied|methodological|research(?:'s|’s)?|study(?:'s|’s)?|dissertation(?:'s|’s)?|thesis|"
          r"work(?:'s|’s)?|project|topic|problem|doctoral|phd|submitted|put|forward|presented|brought|be|"
          r"defended|defen[cs]e|results?|information|about|author(?:'s|’s)?|personal|list|present|overall|"
          r"description|scope|volume|their|principal|chief|primary|specific|basis|bases|framework|foundations?|"
          r"materials?|tools|techniques|instruments",
    "ru": r"и|в|на|по|для|о|об|с|со|к|исследовани\w*|работ\w*|диссертаци\w*|диссертационн\w*|тем\w*|"
          r"научн\w*|научно|теоретическ\w*|практическ\w*|прикладн\w*|методологическ\w*|основн\w*|"
          r"главн\w*|общ\w*|данн\w*|настоящ\w*|проблем\w*|результат\w*|автор\w*|соискател\w*|"
          r"выносим\w*|защит\w*|рабоч\w*|кратк\w*|полученн\w*|список|перечень|опубликованн\w*|её|ее|их|"
          r"основ\w*|баз\w*|материал\w*|источник\w*|проект\w*|тезис\w*|средств\w*|инструмент\w*",
    "kk": r"зерттеу\w*|жұмыс\w*|диссертаци\w*|тақырыб\w*|тақырып\w*|ғылыми|теориялық|практикалық|тәжірибелік|"
          r"қолданбалы|әдіснамалық|негізгі|және|мен|пен|бен|мәселе\w*|нәтиже\w*|автор\w*|жеке|қорғау\w*|"
          r"ұсынылатын|ұсынылған|шығарылатын|алдына|жалпы|мынадай|келесі|тізімі|алынған|докторант\w*|тұжырым\w*|қағида\w*|"
          r"ереже\w*|тезис\w*|негіз\w*|материал\w*|қойылған|шешілетін|шешілген|қолданылған|жоба\w*|құрал\w*",
}
# A heading run into lower-case content ("Object of the study Kazakh proverbs …", "Цель
# исследования выявить …", "Ғылыми жаңалығы алғаш рет …") ends in its keyword or the research
# noun; the word after it must not go on with a sentence whose subject the phrase is (a verb,
# a preposition, a conjunction: "Research methods used in …", "Цель исследования достигнута").
CLOSING = {
    "en": re.compile(r"(?:study|research|work|dissertation|thesis|topic|project)$", _I),
    "ru": re.compile(r"(?:исследования|работы|диссертации|темы|проекта)$", _I),
    "kk": re.compile(r"$^"),
}
GOES_ON = {
    "en": re.compile(r"^(?:is|are|was|were|be|been|has|have|had|lies?|consists?|includes?|including|comprises?|"
                     r"covers?|will|can|may|must|should|could|would|allows?|makes?|seems?|remains?|becomes?|"
                     r"became|does|do|did|and|or|but|of|for|in|on|at|with|by|as|from|that|which|who|whose|"
                     r"than|to|it|its|this|these|there|here|also|not|\w+ed|\w+ing)$", _I),
    "ru": re.compile(r"^(?:и|или|а|но|в|во|на|по|для|о|об|с|со|к|из|от|до|при|как|что|котор\w*|также|не|"
                     r"\w+(?:ет|ют|ит|ят|ут|ется|ются|ится|ятся|ал|ала|ало|али|ил|ила|ило|или|ен|ена|ено|ены|"
                     r"ан|ана|ано|аны|ся|сь|нута|нуто|нуты|ыта|ыто|ыты|ята|ято|яты))$", _I),
    # Kazakh case endings of nouns and tense endings of verbs coincide (-ды, -ған): only words.
    "kk": re.compile(r"^(?:ретінде|болып|болды|болады|табылады|және|мен|пен|бен|да|де|та|те|деп|туралы)$", _I),
}
# The words that make a heading a question ("Қандай міндеттер шешілді?", "Какова цель работы?",
# "What is new in this work?"): interrogatives, the Kazakh particle and the English auxiliary
# that opens a question. With them taken off, a question heading is a heading's words.
QUESTION_WORDS = {
    "en": re.compile(r"what|why|where|how|which|who|whom|when|is|are|was|were|do|does|did|has|have|can", _I),
    "ru": re.compile(r"что|ч[её]м|каков[аоы]?|как(?:ой|ая|ое|ие|их|им|ую)|почему|зачем|где|как|когда|кто|"
                     r"сколько|ли", _I),
    "kk": re.compile(r"қандай|неліктен|неге|не|неде|нені|несі|неден|нелер|қайда|қалай|қай|қанша|кім|кімдер|"
                     r"қашан|ма|ме|ба|бе|па|пе", _I),
}
