from search.text import analyze, analyze_query, fold, suggest_words


def test_dutch_inflections_meet_at_one_stem():
    assert analyze("fietsstraten", "nl") == analyze("fietsstraat", "nl")
    assert analyze("ophalingen", "nl") == analyze("ophaling", "nl")


def test_accents_do_not_matter_after_stemming():
    assert analyze("école élèves", "fr") == analyze("ecole eleves", "fr")
    assert fold("Ĳzer Élève") == "ijzer eleve"


def test_stop_words_of_the_language_are_dropped():
    assert analyze("de kaart van het gezin", "nl") == analyze("kaart gezin", "nl")
    assert analyze("the permit of the car", "en") == analyze("permit car", "en")


def test_hyphens_and_apostrophes_split_words():
    assert analyze("Sint-Amandsberg", "nl") == ["sint", "amandsberg"]
    assert analyze("l'école", "fr") == analyze("école", "fr")


def test_query_words_carry_their_stem_in_each_language():
    groups = analyze_query("de parkeerkaarten", "nl", ("nl", "en", "fr"))
    assert len(groups) == 1  # "de" is a Dutch stop word
    assert groups[0][0] == analyze("parkeerkaart", "nl")[0]
    assert len(set(groups[0])) == len(groups[0])


def test_suggest_words_keep_whole_words():
    assert suggest_words("Gentse Feesten 2024") == ["gentse", "feesten", "2024"]


def test_threads_stemming_at_once_get_the_same_stems_as_one_thread():
    """A web worker's threads search at once: each must get its own words' stems back."""
    import threading

    import snowballstemmer

    from search.text import stem

    endings = ["kaarten", "huizen", "straten", "wijken", "parkeren", "ophalingen", "bewoners", "fietsen"]
    words = {n: [f"{chr(97 + n)}{i}{endings[i % len(endings)]}" for i in range(6000)] for n in range(6)}
    reference = snowballstemmer.stemmer("dutch")
    expected = {n: [stem_word for stem_word in reference.stemWords(batch)] for n, batch in words.items()}
    got: dict[int, list[str]] = {}
    failures: list[BaseException] = []

    def work(n: int) -> None:
        try:
            got[n] = [stem(word, "nl") for word in words[n]]
        except BaseException as error:  # an IndexError from a stemmer shared between threads
            failures.append(error)

    threads = [threading.Thread(target=work, args=(n,)) for n in words]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert got == expected
