"""Words that say nothing about which theory or method is meant stay out of its name.

The generic words are written out by hand, not read from name_shapes._GENERIC: a test iterating
over the module's own set would lose a word together with the set. Each word stands in front of
a name (and, in English and Russian, after "analysis of" / «метод» where a name would go on), in
a methods statement; the name found must not take the word in. Dropping any word from _GENERIC
fails its rows (checked with scripts/mutation.py).
"""
from __future__ import annotations

import pytest

from dissertation_kg.mappings import name_shapes
from dissertation_kg.mappings.linking import tokenize

GENERIC = {
    "en": """the a an this that these those its their our his her new proposed developed existing own
             author's authors general basic main following same such other various different modern
             improved given present current research which each any one two three first second final
             overall appropriate suitable effective key whole specific particular common standard
             traditional classical simple complex single used applied chosen selected suggested resulting
             obtained initial scientific theoretical methodological mathematical comprehensive combined
             mixed unified conceptual null alternative working competing of and or in on for with by to
             from as at is are was were be been using based no not it author we they thesis dissertation
             paper article how what why when where who whom whether if so then thus hence also can could
             may might will would should must do does did has have had he she""".split(),
    "ru": """данный этот тот новый предложенный предлагаемый разработанный существующий основной общий
             такой другой различный современный собственный следующий указанный авторский наш их её
             который весь каждый один научный теоретический методологический математический комплексный
             системный исследование работа диссертация решение задача проблема автор анализ оценка данные
             результат использование применение разработка построение классический традиционный единый
             сам свой обучение изучение эффективный соответствующий""".split(),
    "kk": """бұл осы сол ол жаңа негізгі түрлі әртүрлі барлық келесі жалпы ғылыми теориялық әдіснамалық
             математикалық кешенді жүйелі өз біз мына бір әрбір қандай тиімді дәстүрлі классикалық оның
             олардың біздің өзіндік""".split(),
}
# the nouns in the genitive, as they follow the head («метод решения», «анализ данных»)
RU_GENITIVE = {"исследование": "исследования", "работа": "работы", "диссертация": "диссертации",
               "решение": "решения", "задача": "задачи", "проблема": "проблемы", "автор": "автора",
               "анализ": "анализа", "оценка": "оценки", "данные": "данных", "результат": "результата",
               "использование": "использования", "применение": "применения", "разработка": "разработки",
               "построение": "построения", "обучение": "обучения", "изучение": "изучения"}

# (sentence, the one name it holds, the generic word left out; None: no name at all)
SENTENCES = {
    "en": [("In the methods section the authors apply the {w} gravity model to bilateral trade flows.",
            "gravity model"),
           ("The authors carried out an analysis of rural {w} indicators.", "analysis of rural")],
    "ru": [("В работе применяется {w} метод главных компонент для оценки рисков.", "метод главных компонент"),
           ("Для этого применяется метод {gen}.", None)],
    "kk": [("Жұмыста {w} энтропиялық модель қолданылды.", "энтропиялық модель"),
           ("{W} энтропиялық модель жұмыста қолданылды.", "энтропиялық модель")],
}


# Kazakh generic words are matched by their stem, so any ending of them stays out of a name
KK_GENERIC_FORMS = ["зерттеудің", "жұмыс", "диссертациялық", "мәселенің", "міндеттің", "нәтижелер", "деректердің",
                    "талдаудың"]


def names(text: str, lang: str) -> list[str]:
    return [text[s:e] for s, e, _cls in name_shapes.find(text, lang, "methods", tokenize(text))]


@pytest.mark.parametrize("lang, word", [(lang, w) for lang, words in GENERIC.items() for w in words])
def test_a_generic_word_is_not_part_of_a_name(lang, word):
    for sentence, name in SENTENCES[lang]:
        form = RU_GENITIVE.get(word, word) if "{gen}" in sentence else word
        text = sentence.format(w=form, W=form.capitalize(), gen=form)
        assert names(text, lang) == ([name] if name else []), text


@pytest.mark.parametrize("word", KK_GENERIC_FORMS)
def test_an_inflected_kazakh_generic_word_is_not_part_of_a_name(word):
    text = f"Жұмыста {word} энтропиялық модель қолданылды."
    assert names(text, "kk") == ["энтропиялық модель"], names(text, "kk")


@pytest.mark.parametrize("text, lang, name", [
    ("In the methods section the authors apply the sparse stochastic nonlinear dynamic spatial gravity model to "
     "trade flows.", "en", "nonlinear dynamic spatial gravity model"),
    ("Жұмыста сирек стохастикалық сызықтық емес динамикалық кеңістіктік энтропиялық модель қолданылды.", "kk",
     "динамикалық кеңістіктік энтропиялық модель"),
])
def test_a_name_holds_at_most_four_words_before_its_head(text, lang, name):
    # a longer run of adjectives is description, not the name: the last four words (the head's own
    # modifier among them) are kept
    assert names(text, lang) == [name]


@pytest.mark.parametrize("text, lang, name", [
    ("Inequality was measured by the Theil index.", "en", "Theil index"),
    ("Agreement was checked with the Cohen kappa coefficient.", "en", "Cohen kappa coefficient"),
    ("Positions were smoothed by an unscented Kalman filter.", "en", "Kalman filter"),
    ("Различия проверены по критерию Фишера.", "ru", "критерию Фишера"),
    ("Неравенство оценено индексом Тейла.", "ru", "индексом Тейла"),
    ("Согласованность оценена коэффициентом Кендалла.", "ru", "коэффициентом Кендалла"),
    ("Теңсіздік Тейл индексімен өлшенді.", "kk", "Тейл индексімен"),
    ("Келісім Коэн коэффициенті арқылы тексерілді.", "kk", "Коэн коэффициенті"),
])
def test_an_index_a_coefficient_a_filter_and_a_criterion_name_methods(text, lang, name):
    assert names(text, lang) == [name]


@pytest.mark.parametrize("text, lang, name", [
    ("Heat transfer through the fabric follows Fourier's law at steady state.", "en", "Fourier's law"),
    ("The response surface was fitted with a Box–Behnken design of three factors.", "en", "Box–Behnken design"),
    # four scholars joined by dashes are one name, never cut to the last three
    ("Spin transfer was modelled with the Landau–Lifshitz–Gilbert–Slonczewski equation at room temperature.", "en",
     "Landau–Lifshitz–Gilbert–Slonczewski equation"),
    # a full name of three words (given name, patronymic, surname) in the possessive, the title before it left out
    ("Yields were estimated by Professor Aidar Serikuly Nurlanov's equation for saline soils.", "en",
     "Aidar Serikuly Nurlanov's equation"),
    ("The flow is described by the Euler equation in a rotating frame.", "en", "Euler equation"),
    ("A Hall effect sensor measured the current.", "en", "Hall effect"),
    ("Движение описано системой уравнений Эйлера в связанной системе координат.", "ru", "уравнений Эйлера"),
    ("Поле создавалось катушками Гельмгольца на стенде.", "ru", "катушками Гельмгольца"),
    ("Штейн получен в печи Ванюкова на заводе.", "ru", "печи Ванюкова"),
    ("Наблюдался эффект Доплера при движении источника.", "ru", "эффект Доплера"),
    ("Партиялық жүйе Дюверже заңына сәйкес қалыптасты.", "kk", "Дюверже заңына"),
    ("Балықтың өсуі Берталанфи өсу теңдеуімен сипатталды.", "kk", "Берталанфи өсу теңдеуімен"),
    ("Agreement between raters was measured by Holmgren's kappa.", "en", "Holmgren's kappa"),
    ("The scale's reliability was checked by Tarrow's alpha.", "en", "Tarrow's alpha"),
    ("Согласованность оценена по каппе Коэна.", "ru", "каппе Коэна"),
    # a statistical correction named after its author
    ("Средние сравнены попарно с поправкой Хольмберга.", "ru", "поправкой Хольмберга"),
    # a formula, a diagram, an experimental design or a numerical scheme after its author
    ("Биологическую эффективность определяли по формуле Аббота.", "ru", "формуле Аббота"),
    ("Для системы построены диаграммы Пурбе при 25 °C.", "ru", "диаграммы Пурбе"),
    ("Режимы оптимизированы по плану Бокса – Бенкена с тремя факторами.", "ru", "плану Бокса – Бенкена"),
    ("Уравнения движения интегрируются по схеме Ньюмарка с шагом 0,005 с.", "ru", "схеме Ньюмарка"),
    ("Efficacy was computed by Abbott's formula for each plot.", "en", "Abbott's formula"),
    ("Causes were grouped in an Ishikawa diagram before the audit.", "en", "Ishikawa diagram"),
    ("Тиімділік Аббот формуласы бойынша есептелді.", "kk", "Аббот формуласы"),
    ("Жүйе үшін Пурбе диаграммасы салынды.", "kk", "Пурбе диаграммасы"),
    # a lemma, a condition, a mesh and an extrapolation after their authors
    ("Существование доказано по лемме Лакса – Мильграма.", "ru", "лемме Лакса – Мильграма"),
    ("Схема устойчива при условии Куранта – Фридрихса – Леви.", "ru", "условии Куранта – Фридрихса – Леви"),
    ("Погранслой разрешён на сетках Шишкина.", "ru", "сетках Шишкина"),
    ("Порядок повышен экстраполяцией Ричардсона.", "ru", "экстраполяцией Ричардсона"),
    ("Existence follows from the Lax–Milgram lemma.", "en", "Lax–Milgram lemma"),
    ("The step obeys the Courant–Friedrichs–Lewy condition.", "en", "Courant–Friedrichs–Lewy condition"),
    ("Time is advanced by the Crank–Nicolson scheme.", "en", "Crank–Nicolson scheme"),
    ("The order was raised by Richardson extrapolation.", "en", "Richardson extrapolation"),
    ("Шешімнің бар болуы Лакс – Мильграм леммасы арқылы дәлелденді.", "kk", "Лакс – Мильграм леммасы"),
    ("Орнықтылық Курант – Фридрихс – Леви шарты арқылы тексерілді.", "kk", "Курант – Фридрихс – Леви шарты"),
    ("Шекаралық қабатта Шишкин торлары қолданылды.", "kk", "Шишкин торлары"),
    ("Дәлдік Ричардсон экстраполяциясы арқылы арттырылды.", "kk", "Ричардсон экстраполяциясы"),
    # in the plural, and after a hyphenated name
    ("Unsteady canal flow is described by the Saint-Venant equations.", "en", "Saint-Venant equations"),
    ("The circuit obeys Kirchhoff's laws at every node.", "en", "Kirchhoff's laws"),
    # a game's solution after its author
    ("Bidders play the Nash equilibrium of the auction.", "en", "Nash equilibrium"),
    ("Costs are shared by the Shapley value of the coalition game.", "en", "Shapley value"),
    ("Firms reach Cournot equilibria in both markets.", "en", "Cournot equilibria"),
    ("Найдено равновесие Нэша в смешанных стратегиях.", "ru", "равновесие Нэша"),
    ("Затраты распределены по вектору Шепли.", "ru", "вектору Шепли"),
    ("Ойын үшін Нэш тепе-теңдігі есептелді.", "kk", "Нэш тепе-теңдігі"),
    ("Шығындар Шепли векторы бойынша бөлінді.", "kk", "Шепли векторы"),
    # a signal's transform
    ("The envelope was obtained by the Hilbert transform of each window.", "en", "Hilbert transform"),
    ("Спектр найден быстрым преобразованием Фурье.", "ru", "быстрым преобразованием Фурье"),
    ("Сигнал конверті Гильберт түрлендіруі арқылы алынды.", "kk", "Гильберт түрлендіруі"),
    # topology's objects and tools after their author
    ("Its Khovanov homology categorifies the knot's invariant.", "en", "Khovanov homology"),
    ("The bound follows from the Rasmussen invariant of the knot.", "en", "Rasmussen invariant"),
    ("The knot's Seifert matrix was computed.", "en", "Seifert matrix"),
    # a scholar whose unit is a common noun to the dictionary («гильберт», «кулон», «ом»)
    ("Огибающая найдена преобразованием Гильберта.", "ru", "преобразованием Гильберта"),
    ("Сила взаимодействия описана законом Кулона.", "ru", "законом Кулона"),
])
def test_a_law_an_equation_an_effect_and_a_design_are_named_by_a_scholar(text, lang, name):
    assert names(text, lang) == [name]


def test_a_plural_eponymous_head_ends_no_theory_of_it():
    """Plural eponymous heads name things only as a name's head: inside "the theory of …" the name goes on;
    an equilibrium or a value before another head is its modifier; a percentile names no value."""
    text = "The proofs rest on the theory of Volterra integral equations."
    assert names(text, "en") == ["theory of Volterra integral equations"]
    assert names("The tails were studied with extreme value theory and the Donnan equilibrium theory.", "en") == [
        "extreme value theory", "Donnan equilibrium theory"]
    assert names("The P50 value of the reservoir was estimated.", "en") == []


@pytest.mark.parametrize("text, lang, name", [
    # a classification named after its author, by surname or by initials and surname
    ("Переломы оценивали по классификации Гарднера.", "ru", "классификации Гарднера"),
    ("Дисплазию распределяли по классификации K.L. Brandt в каждой группе.", "ru", "классификации K.L. Brandt"),
    ("Fractures were graded by the Gardner classification in each group.", "en", "Gardner classification"),
    ("Сынықтар Гарднер жіктемесі бойынша бағаланды.", "kk", "Гарднер жіктемесі"),
    # an instrument of measurement named by its code
    ("Качество жизни оценивали по опроснику QL-12 через год.", "ru", "опроснику QL-12"),
    ("Боль измеряли по шкале VAS-10 ежедневно.", "ru", "шкале VAS-10"),
])
def test_a_classification_or_an_instrument_is_named_by_its_author_or_code(text, lang, name):
    assert names(text, lang) == [name]


@pytest.mark.parametrize("text, lang", [
    ("Классификация отраслей по шкале рисков проведена.", "ru"),
    ("Рост индекса ВВП замедлился в регионах.", "ru"),
    ("The Kazakh classification of soils was used.", "en"),
])
def test_a_classification_without_an_author_or_code_is_no_name(text, lang):
    assert names(text, lang) == []


@pytest.mark.parametrize("text, lang, name", [
    ("Содержание 40K определяли жидкостно-сцинтилляционным методом.", "ru", "жидкостно-сцинтилляционным методом"),
    ("Жұмыста тарихи-ретроспективтік әдіс қолданылды.", "kk", "тарихи-ретроспективтік әдіс"),
])
def test_a_method_with_a_two_part_modifier_is_named_in_any_section(text, lang, name):
    assert names_in(text, lang, "task") == [(name, "Method")]


# An English model named by a tool's name (an acronym, a program's name) is a computation, a
# method, not a theory; a descriptive name's "Model" is not named by a tool (seed 131's
# `name_shapes.py:343`, the head read in Cyrillic only, called these theories).
@pytest.mark.parametrize("text, name", [
    ("Runoff was estimated with the SWAT model for the Ili basin.", "SWAT model"),
    ("Dust transport was traced with the HYSPLIT trajectory model over the city.", "HYSPLIT trajectory model"),
    ("Grain prices were forecast with an ARIMA model for 2015–2022.", "ARIMA model"),
])
def test_an_english_model_named_by_a_tool_is_a_method(text, name):
    assert names_in(text, "en", "aim") == [(name, "Method")]



@pytest.mark.parametrize("text, name", [
    # a Kazakh name keeps a modifier written in Latin letters: a scholar's name, an acronym, a code
    ("Деректер Kaplan – Meier әдісімен талданды.", "Kaplan – Meier әдісімен"),
    ("Бағалар Monte Carlo әдісімен есептелді.", "Monte Carlo әдісімен"),
    ("Ағын SWAT моделі арқылы бағаланды.", "SWAT моделі"),
    ("Кескіндер U-Net моделі арқылы сегменттелді.", "U-Net моделі"),
    # a Latin word in lower case is none, and the walk stops there («Суреттер» stays out)
    ("Суреттер random forest әдісімен жіктелді.", None),
])
def test_a_kazakh_name_takes_in_a_latin_proper_modifier_only(text, name):
    assert names(text, "kk") == ([name] if name else [])


@pytest.mark.parametrize("text, lang, expected", [
    # a capitalised head inside a sentence is part of another capitalised name: no method
    ("The work was done at the Department of Data Analysis of the university.", "en", []),
    ("Работа выполнена в Лаборатории Спектрального Анализа института.", "ru", []),
    # opening a sentence, the head is capitalised as any first word is
    ("The data were cleaned. Analysis of regional incomes was carried out next.", "en",
     ["Analysis of regional incomes"]),
    ("Данные очищены. Метод главных компонент выделил три фактора.", "ru", ["Метод главных компонент"]),
])
def test_a_capitalised_head_names_a_method_only_opening_a_sentence(text, lang, expected):
    assert names(text, lang) == expected

@pytest.mark.parametrize("text, lang", [
    ("Проведен социально-экономический анализ регионов.", "ru"),
    ("Проведен научно-методический семинар.", "ru"),
    ("Assets were ranked with a risk-based scoring method.", "en"),
])
def test_a_two_part_modifier_of_another_head_names_nothing_outside_methods(text, lang):
    assert names_in(text, lang, "task") == []


@pytest.mark.parametrize("text, lang", [
    ("В закон внесена поправка о порядке выборов.", "ru"),
    ("The Kazakh law on customs regulates the transit.", "en"),
    ("Kazakhstan's law on education was amended.", "en"),
    ("The Kazakh laws on water, Kazakhstan's laws on land and the Russian equations of state were compared.", "en"),
    ("The market equilibrium moved; the value of the firm and the Kazakh value of exports rose.", "en"),
    ("Рыночное равновесие смещено, вектор скорости направлен вверх, преобразование данных выполнено.", "ru"),
    ("We transform the data before the test.", "en"),
    ("Нарықтық тепе-теңдігі бұзылды.", "kk"),
    ("The study follows a quasi-experimental research design.", "en"),
    ("Ornaments of the traditional Kazakh design were classified.", "en"),
    ("The Russian equation of state was not used.", "en"),
    ("The kappa was high; the alpha of the scale too.", "en"),
    ("Уравнения регрессии построены для каждого региона.", "ru"),
    ("Законы Республики Казахстан регулируют таможенное дело.", "ru"),
    ("Бұл мәселе Қазақстан Республикасының заңы бойынша реттеледі.", "kk"),
    ("Бұл мәселе ҚР заңы бойынша реттеледі.", "kk"),
    # a Kazakh theorem named by no scholar (seed 111, name_shapes.py:96)
    ("Дәлелдеу орта мән теоремасына сүйенеді.", "kk"),
    # a formula, a diagram, a plan or a scheme of no scholar, or of a state or a body
    ("The formula was checked; a Kazakh diagram of the flows was drawn.", "en"),
    ("Бұл формуласы бойынша есептелді, ал диаграммасы кейін салынды.", "kk"),
    ("The condition holds for a Kazakh scheme on a fine mesh.", "en"),
    # (a scheme by one capitalised word is a programme's: "the Equity scheme"; a code is no author)
    ("The state launched the Equity scheme for start-ups.", "en"),
    ("Печать выполнена по условию измерения M1 стандарта.", "ru"),
    ("Бұл шарты орындалды, оның леммасы дәлелденді.", "kk"),
    # … nor one that ends a compound word: a business plan is no author's plan
    ("Критериев оценки бизнес-планов участников конкурса нет.", "ru"),
])
def test_a_law_of_a_state_and_a_plain_design_are_no_names(text, lang):
    assert names(text, lang) == []


def names_in(text: str, lang: str, kind: str) -> list[tuple[str, str]]:
    return [(text[s:e], cls) for s, e, cls in name_shapes.find(text, lang, kind, tokenize(text))]


@pytest.mark.parametrize("text, kind, expected", [
    # a concept (тұжырымдамасы, концепциясы) names a theory in any section; a doctrine (ілімі)
    # in the statement of basis or with a scholar's name
    ("Жұмыс өзендік желілер тұжырымдамасына сүйенеді.", "provision", [("өзендік желілер тұжырымдамасына", "Theory")]),
    ("Талдау жайылымдық экожүйе концепциясы негізінде жүргізілді.", "task",
     [("жайылымдық экожүйе концепциясы", "Theory")]),
    ("Зерттеу топырақтану ілімі мен геохимиялық тәсілге негізделген.", "theoretical-basis",
     [("топырақтану ілімі", "Theory")]),
    ("Бұл туралы Ержанов ілімі айтады.", "provision", [("Ержанов ілімі", "Theory")]),
])
def test_a_kazakh_concept_or_doctrine_names_a_theory(text, kind, expected):
    assert names_in(text, "kk", kind) == expected


@pytest.mark.parametrize("text, kind, expected", [
    ("Бұл тұжырымдаманы кейін оның тұжырымдамасы толықтырды.", "provision", []),
    ("Оқушылардың ілімі артты.", "provision", []),
])
def test_a_kazakh_concept_without_a_name_is_none(text, kind, expected):
    assert names_in(text, "kk", kind) == expected


@pytest.mark.parametrize("text, expected", [
    ("Our results contradict the resource curse hypothesis for oil regions.", [("resource curse hypothesis", "Theory")]),
    ("The null hypothesis was rejected at the 5 % level.", []),
    ("This confirms the working hypothesis of the authors.", []),
])
def test_an_english_hypothesis_is_named_in_any_section(text, expected):
    assert names_in(text, "en", "provision") == expected


# The Russian heads that name one particular thing only with a scholar's name after them, written
# out by hand (not read from name_shapes._RU_EPONYMOUS), each followed by a common genitive in a
# theoretical-basis section: no name, where another head would give one.
RU_EPONYMOUS_GENERIC = ["закон сохранения энергии", "распределение доходов", "шкала тревожности",
                        "опросник удовлетворенности", "тест успеваемости", "принцип системности", "индекс цен",
                        "коэффициент корреляции", "фильтр нижних частот", "критерий оптимальности",
                        "уравнение регрессии", "эффект масштаба", "теорема сложения", "печь сопротивления",
                        "катушка индуктивности", "каппа согласия", "альфа надежности",
                        "классификация отраслей", "формула изобретения", "диаграмма рассеяния",
                        "план эксперимента", "схема замещения", "лемма сравнения", "условие устойчивости",
                        "сетка узлов", "экстраполяция тренда"]


@pytest.mark.parametrize("phrase", RU_EPONYMOUS_GENERIC)
def test_an_eponymous_head_without_a_scholars_name_names_nothing(phrase):
    text = f"Теоретической основой исследования является {phrase}."
    assert [text[s:e] for s, e, _c in name_shapes.find(text, "ru", "theoretical-basis", tokenize(text))] == []


def test_an_eponymous_head_with_a_scholars_name_is_a_name():
    text = "Теоретической основой исследования является принцип Парето."
    assert [text[s:e] for s, e, _c in name_shapes.find(text, "ru", "theoretical-basis", tokenize(text))] == [
        "принцип Парето"]


# --------------------------------------------------------------------------- tenth corpus's classes (issue #10)

def _found(text: str, lang: str, kind: str) -> set[tuple[str, str]]:
    return {(text[s:e], cls) for s, e, cls in name_shapes.find(text, lang, kind, tokenize(text))}


@pytest.mark.parametrize("text, lang, kind, expected", [
    # an imaging technique by the words before its head, in any part
    ("Оценить роль позитронно-эмиссионной томографии в диагностике.", "ru", "task",
     ("позитронно-эмиссионной томографии", "Method")),
    ("Lesions were imaged by swept-source optical tomography in all eyes.", "en", "novelty",
     ("swept-source optical tomography", "Method")),
    # an instrument's capitalised name after its kind
    ("Тревога оценена по шкале Социальной тревожности у подростков.", "ru", "task",
     ("шкале Социальной тревожности", "Method")),
    # a method named as what something is done by
    ("To estimate the mass balance by sediment budget analysis in two basins.", "en", "task",
     ("sediment budget analysis", "Method")),
    # a quoted term after the head of a method, and before it in Kazakh
    ("Проекты сопоставлены методом анализа «выгоды – издержки» в ценах 2020 года.", "ru", "task",
     ("анализа «выгоды – издержки»", "Method")),
    ("Шешімдер «ми шабуылы» әдісі арқылы іріктелді.", "kk", "task", ("«ми шабуылы» әдісі", "Method")),
    # Russian-school methods translated into English as two hyphened adjectives
    ("It relies on the historical-comparative, structural-functional and statistical methods.", "en", "task",
     ("historical-comparative", "Method")),
    ("It relies on the historical-comparative, structural-functional and statistical methods.", "en", "task",
     ("structural-functional", "Method")),
])
def test_the_tenth_corpus_shapes_of_methods(text, lang, kind, expected):
    assert expected in _found(text, lang, kind)


@pytest.mark.parametrize("text, lang, kind", [
    ("A risk-based and data-driven approach was proposed.", "en", "task"),
    ("Прочие методы «на глаз» не применялись.", "ru", "task"),
    ("The project is funded with research analysis grants.", "en", "task"),
])
def test_the_tenth_corpus_shapes_stop_where_nothing_is_named(text, lang, kind):
    found = _found(text, lang, kind)
    assert not any(cls == "Method" and ("-" in name or "«" in name) for name, cls in found), found


@pytest.mark.parametrize("text, expected", [
    ("Режим недропользования по канадской модели должен быть дополнен.", ("канадской модели", "Theory")),
    ("Предложено перейти на финскую модель управления.", ("финскую модель управления", "Theory")),
])
def test_a_countrys_model_is_named_anywhere(text, expected):
    assert expected in _found(text, "ru", "provision")


def test_a_model_of_a_quality_is_no_countrys():
    assert not _found("Построена экономическую модель рынка и статистическую модель.", "ru", "provision")


@pytest.mark.parametrize("text, name", [
    # a test after its author, in a task (no methods statement)
    ("Су деңгейінің бұзылу нүктелері Бьорнсон сынағымен анықталды.", "Бьорнсон сынағымен"),
    # two authors joined by a dash name the test at a list item's start too
    ("Ларсен–Торвальд сынағы бойынша маусымдық үрдістерді бағалау;", "Ларсен–Торвальд сынағы"),
    ("Ларсен – Торвальд әдісі бойынша аман қалу ұзақтығын бағалау;", "Ларсен – Торвальд әдісі"),
])
def test_a_kazakh_test_or_method_after_its_authors_is_named_in_any_section(text, name):
    assert [text[s:e] for s, e, _ in name_shapes.find(text, "kk", "task", tokenize(text))] == [name]


def test_a_common_word_opening_a_sentence_names_no_test():
    text = "Зертханалық сынағы екі кезеңде жүргізілді."
    assert name_shapes.find(text, "kk", "task", tokenize(text)) == []


def test_a_bare_kazakh_trial_names_no_method():
    # «сынақ» without the possessive is a trial of anything, not an author's test
    text = "Орманда уақытша сынақ алаңдары салынды."
    assert name_shapes.find(text, "kk", "methods", tokenize(text)) == []


@pytest.mark.parametrize("text, expected", [
    # «с помощью метода …» says a method is used: what follows names it, in a task too
    ("Оценить вклад факторов с помощью метода взвешенных рангов.", [("метода взвешенных рангов", "Method")]),
    ("Сравнить группы посредством метода парных сравнений.", [("метода парных сравнений", "Method")]),
    # without the words that say so, an ordinary head outside the methods statement names nothing
    ("Изучить метод взвешенных рангов в истории статистики.", []),
])
def test_a_russian_method_used_by_means_of_is_named_in_any_section(text, expected):
    assert names_in(text, "ru", "task") == expected


def _found_names(text: str, lang: str, kind: str) -> list[str]:
    return [text[s:e] for s, e, _ in name_shapes.find(text, lang, kind, tokenize(text))]


@pytest.mark.parametrize("text, lang, name", [
    # what a thing is done by is named in any part of the work ("with" a method is any sentence)
    ("to count hares on fixed routes by the strip transect method in spring;", "en", "strip transect method"),
    # a method named by a code, at a list item's start too
    ("2. ABC-12 әдісі бойынша шығынды есептеу;", "kk", "ABC-12 әдісі"),
])
def test_a_method_done_by_or_named_by_a_code_in_any_part(text, lang, name):
    assert name in _found_names(text, lang, "task")


def test_a_method_with_which_a_thing_is_done_names_nothing_outside_the_methods():
    assert _found_names("we then did it with the new counting method;", "en", "task") == []


@pytest.mark.parametrize("text, lang, name", [
    # imaging named by its kind is a technique wherever it is named, as tomography is
    ("Всем больным выполнена ультразвуковая допплерография сонных артерий.", "ru",
     "ультразвуковая допплерография сонных артерий"),
])
def test_imaging_by_its_kind_is_a_method_in_any_part(text, lang, name):
    assert name in _found_names(text, lang, "task")


@pytest.mark.parametrize("text, lang, name", [
    # the scholar who proposed it opens a Kazakh name, in any section: a law, a method, a doctrine
    ("Ағынның таралуы Дарбаев ұсынған сүзілу жылдамдығы заңы арқылы түсіндірілді.", "kk",
     "Дарбаев ұсынған сүзілу жылдамдығы заңы"),
    ("Сауалнама Кэмпбелл ұсынған мәдени бейімдеу әдістемесі бойынша аударылды.", "kk",
     "Кэмпбелл ұсынған мәдени бейімдеу әдістемесі"),
    ("Зерттеу А.Б. Сейітов енгізген топырақ түзілу ілімі негізінде жүргізілді.", "kk",
     "А.Б. Сейітов енгізген топырақ түзілу ілімі"),
])
def test_a_kazakh_name_opens_on_the_scholar_who_proposed_it(text, lang, name):
    assert name in names(text, lang)


def test_a_pronoun_before_the_participle_opens_no_name():
    assert names("Біз ұсынған жылу заңы тексерілді.", "kk") == []


@pytest.mark.parametrize("text, name", [
    ("Работа опирается на учение о естественном праве и его критику.", "учение о естественном праве"),
    ("Основы заложены учением К.М. Баранова о строении речных террас; роль уточнена.",
     "учением К.М. Баранова о строении речных террас"),
    ("Методологией стало учение Н.Н. Орлова об иммунитете растений, а также опыт.",
     "учение Н.Н. Орлова об иммунитете растений"),
    # (a preposition after it is the sentence's: «в» also reads as a noun)
    ("Основой послужили учение о химии актинидов в водных растворах и представления.",
     "учение о химии актинидов"),
])
def test_a_russian_doctrine_is_named_by_what_it_is_about(text, name):
    assert (name, "Theory") in names_in(text, "ru", "relevance")


def test_a_teaching_about_nothing_named_is_no_doctrine():
    assert names_in("Мы говорили об учении о нём и о том.", "ru", "relevance") == []


@pytest.mark.parametrize("text, name", [
    ("Әдіснамалық негізі: тау жыныстарының жылжу процестері туралы ілім және кеңістіктік талдау.",
     "тау жыныстарының жылжу процестері туралы ілім"),
    ("Гумбольдт негізін қалаған тіл мен ойлау бірлігі туралы ілім басшылыққа алынды.",
     "тіл мен ойлау бірлігі туралы ілім"),
    ("Зерттеуде мал шаруашылығы өнімділігінің генотип пен орта әсерлесуі туралы ілімге сүйендік.",
     "мал шаруашылығы өнімділігінің генотип пен орта әсерлесуі туралы ілімге"),
    ("Негізге Р. Якобсонның тілдің поэтикалық функциясы туралы ілімі алынды.",
     "тілдің поэтикалық функциясы туралы ілімі"),
    ("Геохимиялық аймақтылық туралы ілім қолданылды.", "Геохимиялық аймақтылық туралы ілім"),
])
def test_a_kazakh_doctrine_is_named_by_what_it_is_about(text, name):
    # («ілім» after «туралы», as «учение о …»: seven words of what it is about, the scholar in
    # the genitive before it a person of its own)
    assert (name, "Theory") in names_in(text, "kk", "relevance")


@pytest.mark.parametrize("text", ["Бұл туралы ілім жоқ.", "Осы мәселе туралы білім берілді.",
                                  "Зерттеу туралы ілімді, туралы ілім."])
def test_a_kazakh_teaching_about_nothing_named_is_no_doctrine(text):
    assert not [n for n in names_in(text, "kk", "relevance") if "ілім" in n[0]]


@pytest.mark.parametrize("text, lang, name", [
    ("Ауырсыну PEC-блок пен QL-блокты салыстыру арқылы бағаланды.", "kk", "QL-блокты"),
    ("Штаммы подтверждены ПЦР-диагностикой и MLST-типированием в лаборатории.", "ru", "MLST-типированием"),
    ("Посевы обследованы с помощью БПЛА-съёмки в июне.", "ru", "БПЛА-съёмки"),
])
def test_an_acronym_joined_to_a_technique_is_a_method(text, lang, name):
    assert (name, "Method") in names_in(text, lang, "relevance")


@pytest.mark.parametrize("text, lang", [
    ("IT-компании и HR-менеджеры города выросли вдвое.", "ru"),
    ("ЮНЕСКО-ның баяндамасы мен ТМД-дағы тәжірибе қаралды.", "kk"),
])
def test_an_acronym_joined_to_another_word_is_no_method(text, lang):
    assert names_in(text, lang, "relevance") == []


# One word holding its own modifier before a hyphen names a method ("X-ray-spectroscopy",
# «экспресс-методом»), unless the modifier is a generic word («новым-методом», "new-method"); a
# theory's head so joined names nothing ("game-theory", «мета-концепцию») (seed 131's
# `name_shapes.py:200` or → and found both).
@pytest.mark.parametrize("text, lang, expected", [
    ("We used a new-method of sampling and X-ray-spectroscopy of the cores.", "en",
     [("X-ray-spectroscopy", "Method")]),
    ("The data were read through a game-theory lens.", "en", []),
    ("Данные получены новым-методом и экспресс-методом в 2021 году.", "ru", [("экспресс-методом", "Method")]),
    ("Анализ опирался на гейм-теорию и ИК-спектроскопию образцов.", "ru", [("ИК-спектроскопию", "Method")]),
    ("Работа опирается на мета-концепцию устойчивого развития.", "ru", []),
])
def test_a_hyphenated_word_names_a_method_by_a_proper_modifier_and_never_a_theory(text, lang, expected):
    for kind in ("methods", "relevance"):
        assert names_in(text, lang, kind) == expected


@pytest.mark.parametrize("text, name", [
    # a one-word synonym in brackets between the modifier and the head is part of the name
    ("Рассмотрена публичная (административная) концепция налога.", "публичная (административная) концепция налога"),
    ("Применён сравнительный (компаративный) метод.", "сравнительный (компаративный) метод"),
])
def test_a_russian_modifier_with_its_bracketed_synonym_names_with_its_head(text, name):
    assert names(text, "ru") == [name]


def test_a_bracketed_word_alone_opens_no_russian_name():
    assert not [n for n in names("Мы предложили (новую) теорию налога.", "ru") if "(" in n or ")" in n]


# A sentence that says which methods were used is a statement of methods in any part (fifteenth
# corpus: a methods paragraph filed under the object); the verb of use must be there, in the past.
@pytest.mark.parametrize("text, lang, expected", [
    ("Жұмыста классикалық әдістер (тамшы тамызу әдісі, сүзгі қағаз әдісі) қолданылды.", "kk",
     ("сүзгі қағаз әдісі", "Method")),
    ("Зерттеуде энтропиялық талдау мен басқа әдістер пайдаланылды.", "kk", ("энтропиялық талдау", "Method")),
])
def test_a_sentence_naming_the_methods_used_is_a_statement_of_methods(text, lang, expected):
    assert expected in _found(text, lang, "object")


@pytest.mark.parametrize("text, lang", [
    ("Жұмыста сүзгі қағаз әдісі ұсынылды.", "kk"),          # proposed, not used
    ("Тамшы тамызу әдісі кеңінен қолданылады.", "kk"),       # no word for the methods used, and not past
])
def test_a_method_proposed_or_used_in_general_is_no_statement_of_methods(text, lang):
    assert not [f for f in _found(text, lang, "object") if f[1] == "Method"]


@pytest.mark.parametrize("text, name", [
    ("The court relied on the doctrine of proportionality in reviewing the tariff decision.",
     "doctrine of proportionality"),
    ("Investors invoked the doctrine of separation of powers and the stability clause.",
     "doctrine of separation of powers"),
    # a clause's word ends the name (seed 141, name_shapes.py:349 "as", :348 "are")
    ("The tribunal treated the doctrine of precedent as a source of investment law.", "doctrine of precedent"),
    ("In arbitration the doctrines of estoppel are applied by analogy.", "doctrines of estoppel"),
])
def test_an_english_doctrine_is_named_by_what_it_is_about(text, name):
    assert (name, "Theory") in [(text[s:e], cls) for s, e, cls in name_shapes.find(text, "en", "task", tokenize(text))]


@pytest.mark.parametrize("text, lang, kind, name", [
    # an analysis of a named kind is a technique where the words beside it say it is done
    ("Екінші кезеңде филогенетикалық талдау жүргізу;", "kk", "task", "филогенетикалық талдау"),
    ("в главе описаны методики, включая калориметрический анализ образцов", "ru", "structure", "калориметрический анализ"),
    ("The authors used archival analysis of court files.", "en", "summary", "archival analysis"),
    # (a postposition closes a Kazakh name: what stands before it is its object)
    ("Карта моделі бойынша гипсометриялық талдау жүргізілді.", "kk", "methods", "гипсометриялық талдау"),
])
def test_an_analysis_of_a_named_kind_is_done_in_any_part(text, lang, kind, name):
    assert name in _found_names(text, lang, kind)


@pytest.mark.parametrize("text, lang", [
    ("Филогенетикалық талдау бұл салада сирек кездеседі.", "kk"),
    ("Калориметрический анализ сложен и дорог.", "ru"),
    ("Archival analysis remains rare in the region.", "en"),
    # what is analysed is no kind of analysis: «150 шешімді талдау» analysing 150 decisions
    ("Бұзылған 150 шешімді талдау негізінде ұсыныс жасалды.", "kk"),
])
def test_an_analysis_nobody_does_here_names_nothing_outside_methods(text, lang):
    assert _found_names(text, lang, "relevance") == []


@pytest.mark.parametrize("text, lang, kind, name", [
    # a research activity of a named kind is a technique, in the plural too, where methods are stated
    ("Методы: механические испытания образцов и спектральный анализ.", "ru", "methods", "механические испытания"),
    ("Проведены натурные обследования 40 дворов.", "ru", "content", "натурные обследования"),
    # where or how a test is run, by an adjective of another form
    ("Проведены стендовые испытания узла и дорожные испытания автомобиля.", "ru", "methods", "стендовые испытания"),
    ("Проведены стендовые испытания узла и дорожные испытания автомобиля.", "ru", "methods", "дорожные испытания"),
    ("Несущая способность определена по результатам штамповых испытаний.", "ru", "methods", "штамповых испытаний"),
    ("Жұмыста далалық зерттеулер мен сауалнама қолданылды.", "kk", "methods", "далалық зерттеулер"),
    ("Баланың сөйлеуі логопедиялық тексеру арқылы бағаланды.", "kk", "content", "логопедиялық тексеру"),
    ("Wear was studied by tribological tests and hardness maps.", "en", "methods", "tribological tests"),
    # English names where a test is run by a noun
    ("The prototype passed bench tests and field trials; field surveys followed.", "en", "methods", "bench tests"),
    ("The prototype passed bench tests and field trials; field surveys followed.", "en", "methods", "field trials"),
    ("The prototype passed bench tests and field trials; field surveys followed.", "en", "methods", "field surveys"),
])
def test_a_research_activity_of_a_named_kind_is_a_method(text, lang, kind, name):
    assert name in _found_names(text, lang, kind)


@pytest.mark.parametrize("text, lang, kind", [
    # studies counted or placed are other people's works, not a technique of this one
    ("Многочисленные исследования и зарубежные исследования используют данные.", "ru", "relevance"),
    ("Отандық зерттеулер бұл мәселені аз қарастырған.", "kk", "relevance"),
    ("Previous tests and many surveys used data from the region.", "en", "relevance"),
    ("In this field, tests of the kind are rare.", "en", "methods"),
    # a plural activity without its kind names nothing, even where methods are stated
    ("Испытания проводились в три этапа; измерения повторялись.", "ru", "methods"),
    # an adjective of how often names no kind
    ("Проводились систематические испытания и периодические измерения.", "ru", "methods"),
    # nor one of how wide: a region's monitoring is no technique of its own
    ("Использованы данные регионального мониторинга занятости.", "ru", "content"),
    # nor a student's "own" research carried out
    ("оқушылардың өзіндік зерттеу жұмысын жүргізу арқылы дамыту;", "kk", "task"),
    ("Халықаралық зерттеулер бұл тәсілді жиі қолданады.", "kk", "methods"),
    # activities a text is placed in are a field's work: «в механических испытаниях»
    ("В механических испытаниях применялись тензодатчики.", "ru", "methods"),
])
def test_an_activity_without_its_kind_names_nothing(text, lang, kind):
    assert _found_names(text, lang, kind) == []


# Brackets join a modifier to a name only round a one-word synonym of it («процессуальная
# (юрисдикционная) теория»); a bracket holding more, the head too, is an aside that the word
# before it stays out of (seed 141, name_shapes.py:594).
@pytest.mark.parametrize("text, expected", [
    ("В работе проанализированы процессуальная (юрисдикционная) теория и смешанная теория.",
     ["процессуальная (юрисдикционная) теория", "смешанная теория"]),
    ("Рассмотрены договорная (арбитражная процессуальная теория) и смешанная теория арбитража.",
     ["процессуальная теория", "смешанная теория арбитража"]),
    ("Проанализирована договорная (частноправовая публичная концепция) природа арбитража.",
     ["публичная концепция"]),
    # the head in brackets closing the text: no word after it to close them on
    ("В работе проанализирована процессуальная (теория)", []),
])
def test_a_modifier_joins_a_name_across_brackets_only_round_a_one_word_synonym(text, expected):
    assert names(text, "ru") == expected


# A head inside a quoted title names no method of the work: the title is a paper's, in straight
# quotes as in guillemets (seed 141, name_shapes.py:149).
@pytest.mark.parametrize("text, lang", [
    ('The first paper, "A gravity model of regional trade", appeared in 2020.', "en"),
    ('Жұмыстың "энтропиялық модель және су ресурстары" атты мақаласы 2020 жылы жарияланды.', "kk"),
    ('Жұмыстың «энтропиялық модель және су ресурстары» атты мақаласы 2020 жылы жарияланды.', "kk"),
])
def test_a_head_inside_a_quoted_title_names_nothing(text, lang):
    assert names(text, lang) == []


@pytest.mark.parametrize("text, expected", [
    # the bare head in the instrumental or locative names the method by its adjectives
    ("Қант мөлшері рефрактометриялық әдіспен анықталды.", [("рефрактометриялық әдіспен", "Method")]),
    ("Ағаштардың биіктігі таксациялық әдіспен өлшенді.", [("таксациялық әдіспен", "Method")]),
    ("Мәселе құрылымдық-функционалдық тәсілмен қаралды.", [("құрылымдық-функционалдық тәсілмен", "Theory")]),
    ("Топырақ гравиметриялық әдісте талданды.", [("гравиметриялық әдісте", "Method")]),
])
def test_a_kazakh_bare_head_in_a_case_names_its_method(text, expected):
    assert names_in(text, "kk", "methods") == expected


@pytest.mark.parametrize("text", [
    "Бұл әдіспен жұмыс жасалды.",          # a demonstrative, no name
    "Мектеп мұғалімі әдіспен таныс.",      # the noun before is the sentence's subject
])
def test_a_kazakh_bare_head_after_no_adjective_names_nothing(text):
    assert names_in(text, "kk", "methods") == []


@pytest.mark.parametrize("text, expected", [
    # a compound modifier ends as it is spelt, not in a case, and names the method whole
    ("Цирконның жасы уран-қорғасын әдісімен анықталды.", [("уран-қорғасын әдісімен", "Method")]),
    ("Кластерлер k-орта әдісімен бөлінді.", [("k-орта әдісімен", "Method")]),
])
def test_a_kazakh_compound_modifier_names_its_method_whole(text, expected):
    assert names_in(text, "kk", "methods") == expected


# --------------------------------------------------------------------------- every word of the other head lists
# Written out by hand (never read from name_shapes): each row decided by one word of
# _EN_EPONYMOUS, _EN_MODIFIER_HEADS, _RU_EPONYMOUS, _RU_INSTRUMENTS, _KK_EPONYMOUS,
# _KK_CASE_AFTER_POSSESSIVE or _RU_ACTIVITY. An eponymous head with no scholar before it names
# nothing; a modifier head goes into the name of the head after it; an instrument is named by its
# own capitalised title; a Kazakh head is found in the possessive with each case ending after it;
# a Russian verbal noun does not take the genitive after it into its name.
@pytest.mark.parametrize("text, lang, name", [
    ("The model relies on the central limit theorem.", "en", None),
    ("Emissions strengthen the greenhouse effect in cities.", "en", None),
    ("Scores were combined by the composite index method.", "en", "composite index method"),
    ("Returns were tested by the correlation coefficient method.", "en", "correlation coefficient method"),
    ("Noise was removed by the adaptive filter method.", "en", "adaptive filter method"),
    ("Sites were ranked by the single criterion method.", "en", "criterion method"),
    ("Scales were checked by the reliability alpha method.", "en", "reliability alpha method"),
    ("Agreement was checked by the weighted kappa method.", "en", "kappa method"),
    ("Agreement was checked with the Cohen kappa coefficient.", "en", "Cohen kappa coefficient"),
    ("Reliability was checked with the Cronbach alpha coefficient.", "en", "Cronbach alpha coefficient"),
    ("Тревожность оценивали по тесту Личностной тревожности.", "ru", "тесту Личностной тревожности"),
    ("Массу оценивали по индексу Массы тела.", "ru", "индексу Массы тела"),
    ("Почвы описаны по классификации Мировой реферативной базы.", "ru", "классификации Мировой реферативной базы"),
    ("Ряды сглажены с поправкой сезонных колебаний.", "ru", None),
    ("Использовано компьютерное моделирование технологических процессов.", "ru", "компьютерное моделирование"),
    ("Процесс жылу өткізгіштік теңдеуімен сипатталды.", "kk", None),
    ("Қалада жылыжай эффектісі күшейді.", "kk", None),
    ("Топырақ түрлері халықаралық жіктемесі бойынша анықталды.", "kk", None),
    ("Сынықтар халықаралық классификациясы бойынша бағаланды.", "kk", None),
    ("Талдау Солоу өсу моделіндегі болжамдарға сүйенді.", "kk", "Солоу өсу моделіндегі"),
    ("Талдау Солоу өсу моделінің болжамдарына сүйенді.", "kk", "Солоу өсу моделінің"),
    ("Талдау Солоу өсу моделінде жүргізілді.", "kk", "Солоу өсу моделінде"),
    ("Талдау Солоу өсу моделінен басталды.", "kk", "Солоу өсу моделінен"),
    ("Талдау Солоу өсу моделімен жүргізілді.", "kk", "Солоу өсу моделімен"),
    ("Талдау Солоу өсу моделіне сүйенді.", "kk", "Солоу өсу моделіне"),
    ("Авторлар Солоу өсу моделін қолданды.", "kk", "Солоу өсу моделін"),
    ("Талдау Фишер тиімді нарық теориясындағы болжамдарға сүйенді.", "kk", "теориясындағы"),
    ("Талдау Фишер тиімді нарық теориясының болжамдарына сүйенді.", "kk", "теориясының"),
    ("Талдау Фишер тиімді нарық теориясында жүргізілді.", "kk", "теориясында"),
    ("Талдау Фишер тиімді нарық теориясынан басталды.", "kk", "теориясынан"),
    ("Талдау Фишер тиімді нарық теориясына сүйенді.", "kk", "теориясына"),
    ("Авторлар Фишер тиімді нарық теориясын қолданды.", "kk", "теориясын"),
])
def test_every_word_of_the_eponymous_instrument_and_case_lists(text, lang, name):
    found = names(text, lang)
    if name is None:
        assert found == []
    else:   # (the words the walk takes before a Kazakh theory are another table's)
        assert any(n == name or (n.endswith(" " + name) and lang == "kk") for n in found), found


# Each word that ends the name of an English doctrine (name_shapes._EN_NOT_IN_NAME; "a" is listed
# too, but a one-letter word is never read as one of the name's words), each form of the Russian
# «учение о …», each procedure named outside the methods by what a thing is done with
# (_DONE_BY), and the Kazakh conjunctions no ending stops the walk at (written out by hand).
@pytest.mark.parametrize("text, lang, kind, expected", [
    *[(text, "en", "relevance", ["doctrine of precedent"]) for text in (
        "Courts apply the doctrine of precedent and the rule of law.", "Courts apply the doctrine of precedent or custom.",
        "Courts apply the doctrine of precedent in civil cases.", "Courts apply the doctrine of precedent for lower courts.",
        "Courts apply the doctrine of precedent by analogy.", "Courts apply the doctrine of precedent to new cases.",
        "Courts apply the doctrine of precedent that judges made.", "Courts apply the doctrine of precedent which judges made.",
        "In practice the doctrine of precedent is applied.", "In practice the doctrine of precedent was applied.",
        "Courts apply the doctrine of precedent with exceptions.", "Courts apply the doctrine of precedent on appeal.",
        "Courts apply the doctrine of precedent as a source of law.", "Courts apply the doctrine of precedent at common law.",
        "Courts apply the doctrine of precedent from English law.", "Judges call the doctrine of precedent an essential rule.",
        "Scholars study the doctrine of precedent its critics reject.",
        "Scholars study the doctrine of precedent their courts follow.",
        "Scholars study the doctrine of precedent this court follows.",
        "Scholars study the doctrine of precedent these courts follow.",
        "Should the doctrine of precedent be applied here?", "Has the doctrine of precedent been applied here?",
        "In practice the doctrine of precedent has changed.")],
    *[(text, "en", "relevance", ["doctrines of precedent"]) for text in (
        "In practice the doctrines of precedent are applied.", "In practice the doctrines of precedent were applied.",
        "In practice the doctrines of precedent have changed.")],
    ("Scholars discuss the doctrine of the state.", "en", "relevance", []),
    ("В работе развито учение о государстве.", "ru", "relevance", ["учение о государстве"]),
    ("Работа опирается на учения о государстве.", "ru", "relevance", ["учения о государстве"]),
    ("Работа следует учению о государстве.", "ru", "relevance", ["учению о государстве"]),
    ("В учении о государстве выделены этапы.", "ru", "relevance", ["учении о государстве"]),
    # the object in the prepositional, then its genitive complement (KEYS.md's own example)
    ("Автор развивает учение об объекте преступления.", "ru", "relevance", ["учение об объекте преступления"]),
    ("Автор опирается на учение о составе преступления.", "ru", "relevance", ["учение о составе преступления"]),
    ("Plots were chosen by random sampling.", "en", "novelty", ["random sampling"]),
    ("Stocks were estimated by dynamic stock modelling.", "en", "novelty", ["dynamic stock modelling"]),
    ("Stocks were estimated by dynamic stock modeling.", "en", "novelty", ["dynamic stock modeling"]),
    ("Flows were estimated by material flow analysis.", "en", "novelty", ["material flow analysis"]),
    ("Ideas were ranked using the nominal group technique.", "en", "novelty", ["nominal group technique"]),
    ("Films were examined by vibrational spectroscopy.", "en", "novelty", ["vibrational spectroscopy"]),
    ("Grains were examined by scanning electron microscopy.", "en", "novelty", ["scanning electron microscopy"]),
    ("Жұмыста энтропиялық әрі кеңістіктік модель қолданылды.", "kk", "methods", ["кеңістіктік модель"]),
    ("Жұмыста энтропиялық немесе кеңістіктік модель қолданылды.", "kk", "methods", ["кеңістіктік модель"]),
])
def test_every_word_that_ends_or_opens_a_doctrine_or_a_procedure(text, lang, kind, expected):
    assert [text[s:e] for s, e, _cls in name_shapes.find(text, lang, kind, tokenize(text))] == expected


# An activity named by an adjective of its kind (name_shapes._RU_ACTIVITY_HEADS) is a technique
# outside the methods; an adjective of how often, how or how wide (_RU_MANNER, _KK_SCOPE) makes
# none; a Kazakh postposition ends the words before a head (_KK_POSTPOSITIONS: those without an
# oblique ending, which stops the walk by itself); the scholar who proposed it opens a Kazakh
# name (_KK_PROPOSED). Written out by hand; «регулярный», «жергілікті», «қосымша», «алдын-ала»,
# «тұрақты» are listed too, but no relational ending is theirs, so no input needs them.
@pytest.mark.parametrize("text, lang, kind, expected", [
    ('В работе проведены практические измерения уровня шума.', 'ru', 'novelty', []),
    ('В работе проведены окончательные измерения уровня шума.', 'ru', 'novelty', []),
    ('В работе проведены дополнительные измерения уровня шума.', 'ru', 'novelty', []),
    ('В работе проведены предварительные измерения уровня шума.', 'ru', 'novelty', []),
    ('В работе проведены специальные измерения уровня шума.', 'ru', 'novelty', []),
    ('В работе проведены минимальные измерения уровня шума.', 'ru', 'novelty', []),
    ('В работе проведены максимальные измерения уровня шума.', 'ru', 'novelty', []),
    ('В работе проведены оптимальные измерения уровня шума.', 'ru', 'novelty', []),
    ('В работе проведены национальные измерения уровня шума.', 'ru', 'novelty', []),
    ('В работе проведены муниципальные измерения уровня шума.', 'ru', 'novelty', []),
    ('В работе проведены глобальные измерения уровня шума.', 'ru', 'novelty', []),
    ('В работе проведены локальные измерения уровня шума.', 'ru', 'novelty', []),
    ('В работе проведены федеральные измерения уровня шума.', 'ru', 'novelty', []),
    ('В работе проведены официальные измерения уровня шума.', 'ru', 'novelty', []),
    ('В работе проведены формальные измерения уровня шума.', 'ru', 'novelty', []),
    ('В работе проведены реальные измерения уровня шума.', 'ru', 'novelty', []),
    ('В работе проведены актуальные измерения уровня шума.', 'ru', 'novelty', []),
    ('В работе проведены реологические измерения образцов.', 'ru', 'novelty', ['реологические измерения']),
    ('В работе проведены натурные эксперименты на стенде.', 'ru', 'novelty', ['натурные эксперименты']),
    ('В работе проведены лабораторные опыты на стенде.', 'ru', 'novelty', ['лабораторные опыты']),
    ('В работе проведены технические замеры на стенде.', 'ru', 'novelty', ['технические замеры']),
    ('В работе проведён экологический мониторинг водоёмов.', 'ru', 'novelty', ['экологический мониторинг']),
    ('В работе проведено социологическое исследование студентов.', 'ru', 'novelty', ['социологическое исследование']),
    ('В работе проведено клиническое обследование пациентов.', 'ru', 'novelty', ['клиническое обследование']),
    ('В работе проведены механические испытания образцов.', 'ru', 'novelty', ['механические испытания']),
    ('Жұмыста халықаралық өлшеулер жүргізілді.', 'kk', 'novelty', []),
    ('Жұмыста отандық өлшеулер жүргізілді.', 'kk', 'novelty', []),
    ('Жұмыста шетелдік өлшеулер жүргізілді.', 'kk', 'novelty', []),
    ('Жұмыста ұлттық өлшеулер жүргізілді.', 'kk', 'novelty', []),
    ('Жұмыста өңірлік өлшеулер жүргізілді.', 'kk', 'novelty', []),
    ('Жұмыста аймақтық өлшеулер жүргізілді.', 'kk', 'novelty', []),
    ('Жұмыста әлемдік өлшеулер жүргізілді.', 'kk', 'novelty', []),
    ('Жұмыста республикалық өлшеулер жүргізілді.', 'kk', 'novelty', []),
    ('Жұмыста мемлекеттік өлшеулер жүргізілді.', 'kk', 'novelty', []),
    ('Жұмыста жүйелік өлшеулер жүргізілді.', 'kk', 'novelty', []),
    ('Жұмыста суреттер арқылы морфометриялық талдау жүргізілді.', 'kk', 'methods', ['морфометриялық талдау']),
    ('Жұмыста суреттер туралы морфометриялық талдау жүргізілді.', 'kk', 'methods', ['морфометриялық талдау']),
    ('Жұмыста суреттер сияқты морфометриялық талдау жүргізілді.', 'kk', 'methods', ['морфометриялық талдау']),
    ('Жұмыста суреттер бері морфометриялық талдау жүргізілді.', 'kk', 'methods', ['морфометриялық талдау']),
    ('Жұмыста суреттер қарай морфометриялық талдау жүргізілді.', 'kk', 'methods', ['морфометриялық талдау']),
    ('Жұмыста суреттер қатар морфометриялық талдау жүргізілді.', 'kk', 'methods', ['морфометриялық талдау']),
    ('Жұмыста суреттер қарсы морфометриялық талдау жүргізілді.', 'kk', 'methods', ['морфометриялық талдау']),
    ('Жұмыста Бітон жасаған бейімдеу әдістемесі қолданылды.', 'kk', 'methods', ['Бітон жасаған бейімдеу әдістемесі']),
    ('Жұмыста Бітон әзірлеген бейімдеу әдістемесі қолданылды.', 'kk', 'methods', ['Бітон әзірлеген бейімдеу әдістемесі']),
    ('Жұмыста Бітон тұжырымдаған бейімдеу әдістемесі қолданылды.', 'kk', 'methods', ['Бітон тұжырымдаған бейімдеу әдістемесі']),
    ('Жұмыста Бітон негіздеген бейімдеу әдістемесі қолданылды.', 'kk', 'methods', ['Бітон негіздеген бейімдеу әдістемесі']),
    ('Жұмыста Бітон ашқан бейімдеу әдістемесі қолданылды.', 'kk', 'methods', ['Бітон ашқан бейімдеу әдістемесі']),
])
def test_every_activity_manner_scope_postposition_and_proposer_word(text, lang, kind, expected):
    assert [text[s:e] for s, e, _cls in name_shapes.find(text, lang, kind, tokenize(text))] == expected


# An imaging method by its kind is named outside the methods (name_shapes._IMAGING), so is a
# model named by a tool and a method with a two-part modifier; a sentence that says its methods
# were used names them in any part (_USED, both word orders); a head inside quotation marks of
# any of the four kinds names nothing (_QUOTED). Written out by hand.
@pytest.mark.parametrize("text, lang, kind, expected", [
    ('Пациентам выполнена трансторакальная эхокардиография в покое.', 'ru', 'novelty', ['трансторакальная эхокардиография']),
    ('Пациентам выполнена цветовая допплерография сосудов.', 'ru', 'novelty', ['цветовая допплерография сосудов']),
    ('Пациентам выполнена коронарная ангиография сосудов.', 'ru', 'novelty', ['коронарная ангиография сосудов']),
    ('Пациентам выполнена абдоминальная сонография органов.', 'ru', 'novelty', ['абдоминальная сонография органов']),
    ('Пациентам выполнена компьютерная томография в клинике.', 'ru', 'novelty', ['компьютерная томография']),
    ('Teeth were scanned by cone beam tomography.', 'en', 'novelty', ['cone beam tomography']),
    ('Сток оценён по модели SWAT в бассейне реки.', 'ru', 'novelty', ['модели SWAT']),
    ('Ағын SWAT моделімен бағаланды.', 'kk', 'novelty', ['SWAT моделімен']),
    ('Runoff was estimated with the SWAT model in the basin.', 'en', 'novelty', ['SWAT model']),
    ('Жұмыста формальды-заңдық әдіс қолданылды.', 'kk', 'novelty', ['формальды-заңдық әдіс']),
    # a two-part modifier names a technique wherever the text names it, with no cue beside it
    ('Кейінгі жылдары рентген-флуоресценттік әдіс кеңінен таралды.', 'kk', 'relevance',
     ['рентген-флуоресценттік әдіс']),
    ('В последние годы распространился рентген-флуоресцентный метод.', 'ru', 'relevance',
     ['рентген-флуоресцентный метод']),
    ('В работе применён формально-юридический метод.', 'ru', 'novelty', ['формально-юридический метод']),
    ('The following methods were used: the gravity model of trade.', 'en', 'relevance', ['gravity model']),
    ('Among the methods used were the gravity model and panel data.', 'en', 'relevance', ['gravity model']),
    ('The programme “Smart growth model” was funded by the city.', 'en', 'methods', []),
    ('The programme „Smart growth model“ was funded by the city.', 'en', 'methods', []),
    ('The programme «Smart growth model» was funded by the city.', 'en', 'methods', []),
    ('The programme "Smart growth model" was funded by the city.', 'en', 'methods', []),
])
def test_every_imaging_kind_use_statement_and_quotation_mark(text, lang, kind, expected):
    assert [text[s:e] for s, e, _cls in name_shapes.find(text, lang, kind, tokenize(text))] == expected


# A count before the head names no method («екі әдіс», «6-уы бақылау»), though one
# inside a theory's name stays («әл-ауқат мемлекетінің үш режимі теориясы»); a Kazakh head in
# capitals after words in lower case opens the next sentence or heading («… кезеңдері Зерттеу …»).
@pytest.mark.parametrize("text, lang, absent, present", [
    ("Зерттеуде екі әдіс салыстырылды, олардың нәтижелері сәйкес келді.", "kk", "екі әдіс", None),
    ("Теориялық негізде мектептердің 6-уы бақылау тобына алынды.", "kk", "6-уы бақылау", None),
    ("Теориялық негізде әл-ауқат мемлекетінің үш режимі теориясы алынды.", "kk", None,
     "мемлекетінің үш режимі теориясы"),
    ("Теориялық негізі Блум таксономиясы және оқыту кезеңдері Зерттеу үш кезеңде жүргізілді.", "kk",
     "кезеңдері Зерттеу", None),
])
def test_a_count_or_a_capitalised_kazakh_head_makes_no_name(text, lang, absent, present):
    found = names(text, lang)
    assert absent is None or absent not in found, found
    assert present is None or present in found, found


@pytest.mark.parametrize("text, lang, name", [
    # a scholar's own approach after the pronoun that names them, in any section
    ("Теория М. Портера и его кластерный подход использованы для анализа цепочек.", "ru", "кластерный подход"),
    ("Porter's theory and his cluster approach were used to study value chains.", "en", "cluster approach"),
])
def test_a_scholars_own_approach_after_his_or_her_is_named_anywhere(text, lang, name):
    assert (name, "Theory") in names_in(text, lang, "development")


@pytest.mark.parametrize("text, lang", [
    ("Для кернов построены их возрастные модели по радиоуглероду.", "ru"),   # anybody's models
    ("Эксперты описали свой подход к анализу рынка.", "ru"),                 # no modifier: no name
])
def test_a_possessive_before_a_model_or_a_bare_head_names_nothing(text, lang):
    assert [n for n, cls in names_in(text, lang, "development") if cls == "Theory"] == []


@pytest.mark.parametrize("text, name", [
    # a verb in -s after the sentence's subject is no word of the name after it
    ("The study extends technology adoption theory to a new market.", "technology adoption theory"),
    ("Chapter two, which applies social exchange theory, follows.", "social exchange theory"),
    ("Kazakhstan uses resource dependence theory here.", "resource dependence theory"),
    # a plural modifier after an article, a preposition or a conjunction is the name's first word
    ("The analysis relies on the rational expectations theory.", "rational expectations theory"),
    ("It combines findings of games theory.", "games theory"),
    ("The model follows human relations theory.", "human relations theory"),
])
def test_a_verb_before_a_name_is_no_word_of_it(text, name):
    assert name in names(text, "en"), names(text, "en")
    assert not any(n != name and n.endswith(name) for n in names(text, "en"))
