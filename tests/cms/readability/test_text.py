"""Cutting text into sentences and words: abbreviations, line breaks, HTML and template tags."""

from cms.readability.text import plain_text, sentences, words


def texts(text, language="nl"):
    return [span.text for span in sentences(plain_text(text), language)]


def test_a_full_stop_after_an_abbreviation_does_not_end_the_sentence():
    assert texts("Bel t.a.v. de dienst o.a. op maandag. Kom bv. langs.") == [
        "Bel t.a.v. de dienst o.a. op maandag.",
        "Kom bv. langs.",
    ]


def test_an_article_number_and_a_decimal_stay_in_their_sentence():
    assert texts("Zie art. 5 van de wet. Dat is 3,5 keer meer.") == ["Zie art. 5 van de wet.", "Dat is 3,5 keer meer."]


def test_enz_can_end_a_sentence():
    assert texts("Papier, glas, enz. De rest gaat mee.") == ["Papier, glas, enz.", "De rest gaat mee."]


def test_question_and_exclamation_marks_end_sentences():
    assert texts("Hebt u vragen? Bel ons! Wij helpen.") == ["Hebt u vragen?", "Bel ons!", "Wij helpen."]


def test_a_line_break_ends_a_heading_or_list_item_without_a_full_stop():
    assert texts("<h3>Ophaling</h3><ul><li>restafval</li><li>papier</li></ul><p>Zet uw zak buiten.</p>") == [
        "Ophaling", "restafval", "papier", "Zet uw zak buiten.",
    ]  # fmt: skip


def test_offsets_point_at_the_sentence_in_the_cleaned_text():
    cleaned = plain_text("<p>Eerste zin. Tweede zin.</p><p>Derde.</p>")
    for span in sentences(cleaned):
        assert cleaned[span.start : span.end] == span.text


def test_template_tags_in_message_texts_are_not_read():
    assert plain_text("Beste {{ citizen.name }}, {% if x %}uw aanvraag{% endif %} is klaar.") == "Beste , uw aanvraag is klaar."


def test_words_keep_hyphenated_words_and_numbers_whole():
    assert words("Uw e-mail van 3.500 euro, d'r bij.") == ["Uw", "e-mail", "van", "3.500", "euro", "d'r", "bij"]
