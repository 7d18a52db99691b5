from search.passages import MAX_WORDS, split_passages


def words(n, word="woord"):
    return " ".join([word] * n)


def test_short_paragraphs_share_one_passage():
    assert split_passages(["Eerste alinea.", "Tweede alinea."]) == ["Eerste alinea. Tweede alinea."]


def test_passages_are_cut_near_120_words_at_paragraph_ends():
    passages = split_passages([words(70), words(70), words(70)])
    assert [len(p.split()) for p in passages] == [140, 70]


def test_a_very_long_paragraph_is_cut_at_sentence_ends():
    sentence = words(19) + " zin."
    passages = split_passages([" ".join([sentence] * 20)])  # 400 words, 20 sentences
    assert all(len(p.split()) <= MAX_WORDS for p in passages)
    assert all(p.endswith("zin.") for p in passages)
    assert sum(len(p.split()) for p in passages) == 400


def test_a_sentence_without_end_is_cut_hard():
    passages = split_passages([words(400)])
    assert all(len(p.split()) <= MAX_WORDS for p in passages)
    assert sum(len(p.split()) for p in passages) == 400


def test_empty_text_has_no_passages():
    assert split_passages(["", "   "]) == []
