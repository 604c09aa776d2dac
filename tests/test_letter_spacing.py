"""Headings with their letters spaced out (expanded character spacing in a PDF, or typed):
the letters are joined back into the heading's words, and nothing else is joined."""
from __future__ import annotations

from dissertation_kg.mappings import abstract, letter_spacing


def test_single_spaced_letters_are_cut_into_heading_words():
    # one space between letters and none between words, as both PDF readers give expanded spacing
    assert letter_spacing.rejoin("Ж о б а н ы ң м а қ с а т ы") == "Жобаның мақсаты"
    assert letter_spacing.rejoin("Н А У Ч Н А Я Н О В И З Н А Р А Б О Т Ы") == "НАУЧНАЯ НОВИЗНА РАБОТЫ"
    assert letter_spacing.rejoin("O b j e c t i v e s o f t h e s t u d y") == "Objectives of the study"
    # a one-letter word only where nothing else reads: «задачи работы», not «задач и работы»
    assert letter_spacing.rejoin("З А Д А Ч И Р А Б О Т Ы") == "ЗАДАЧИ РАБОТЫ"


def test_typed_spacing_keeps_its_word_breaks():
    assert letter_spacing.rejoin("М Е Т О Д Ы   Р А Б О Т Ы") == "МЕТОДЫ РАБОТЫ"
    assert letter_spacing.rejoin("П О Л О Ж Е Н И Я,   В Ы Н О С И М Ы Е   Н А   З А Щ И Т У") == \
        "ПОЛОЖЕНИЯ, ВЫНОСИМЫЕ НА ЗАЩИТУ"


def test_other_spaced_letters_stay():
    for line in ("Пусть x y z w — координаты точки", "Научный руководитель: А. Б. Сергеев",
                 "а) б) в) г) варианты ответа", "К О С Т А Н А Й 2 0 2 1", "q r s t u v"):
        assert letter_spacing.rejoin(line) == line


def test_a_document_with_letter_spaced_headings_is_read():
    text = ("Сейтқазы Нұрлан Ерікұлы\nДала экожүйелерінің картасы\n\n"
            "Т а қ ы р ы п т ы ң ө з е к т і л і г і\n"
            "Дала экожүйелері соңғы онжылдықта едәуір өзгерді.\n\n"
            "Ж ұ м ы с т ы ң м а қ с а т ы\nДала экожүйелерінің цифрлық картасын жасау.\n\n"
            "Ж ұ м ы с т ы ң м і н д е т т е р і\n1) спутниктік деректерді жинау;\n"
            "2) карта жасау әдісін таңдау;\n3) картаны далада тексеру.\n")
    doc = abstract.parse_bytes(text.encode(), "spaced.txt")
    assert {"relevance", "aim", "tasks"} <= set(doc.sections)
    assert [it.text.split()[0] for it in doc.items["tasks"]] == ["спутниктік", "карта", "картаны"]
