from search.snippets import TermMatcher, build_snippet
from search.text import analyze_query


def snippet(passages, query, fuzzy=True, preferred=None):
    groups = analyze_query(query, "nl", ("nl",))
    return build_snippet(passages, "nl", TermMatcher(groups, fuzzy), preferred)


def test_marks_the_words_as_written_not_their_stems():
    html = snippet(["Wie hier woont, kan een bewonerskaart aanvragen om te parkeren."], "parkeer bewonerskaarten")
    assert "<mark>bewonerskaart</mark>" in html and "<mark>parkeren</mark>." in html


def test_picks_the_passage_with_most_query_words():
    passages = ["Over de ophaling van afval.", "Grof vuil breng je naar het recyclagepark, afval ook."]
    assert snippet(passages, "grof afval").startswith("<mark>Grof</mark> vuil")


def test_without_matches_uses_the_passage_vector_search_chose():
    assert snippet(["Eerste.", "Tweede passage."], "onbekend", preferred=1) == "Tweede passage."


def test_marks_forgiven_typos_and_escapes_html():
    html = snippet(["De <b>bewonerskaart</b> & meer."], "bewonreskaart")
    assert html == "De &lt;b&gt;<mark>bewonerskaart</mark>&lt;/b&gt; &amp; meer."


def test_long_passages_are_cut_around_the_matches():
    passage = " ".join(["vulling"] * 50 + ["afvalkalender"] + ["vulling"] * 50)
    html = snippet([passage], "afvalkalender")
    assert html.startswith("… ") and html.endswith(" …") and "<mark>afvalkalender</mark>" in html
    assert len(html.split()) <= 32
