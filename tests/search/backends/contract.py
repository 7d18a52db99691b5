"""The behaviour every search backend owes a citizen, written once.

Subclass `SearchBackendContract` and provide a `make_backend(**params)` fixture: backends
on one empty index of the test's own, removed afterwards (several calls give several
backends on the same index). The local backend runs it in tests/search/backends/test_local.py,
Elasticsearch in tests/integration/search/. Vectors come from the deterministic
HashingEmbedder (shared words make vectors close), so these tests check plumbing and
rules; relevance with the real model is tested separately.
"""

from dataclasses import replace
from datetime import date

import pytest

from search.backends.base import EmbedderMismatch
from search.fusion import KEYWORD_BONUS
from search.query import SearchQuery
from tests.search import embedders
from tests.search.corpus import (
    CORPUS,
    CYCLE_STREETS,
    FESTIVAL,
    LIBRARY,
    PARK,
    PARKING,
    PARKING_EN,
    PLAYGROUND,
    RENOVATION,
    WASTE,
    WASTE_FR,
)


def ids(results):
    return [hit.id for hit in results.hits]


def counts(results, facet):
    return {value.value: value.count for value in results.facets[facet]}


@pytest.mark.django_db
class SearchBackendContract:
    @pytest.fixture
    def backend(self, make_backend):
        return make_backend()

    @pytest.fixture
    def indexed(self, backend):
        backend.index_documents(CORPUS)
        return backend

    # --- finding pages ------------------------------------------------------------------
    def test_keyword_search_puts_the_page_about_it_first(self, indexed):
        results = indexed.search(SearchQuery("bewonerskaart", mode="keyword"))
        assert ids(results)[0] == PARKING.id

    def test_dutch_plural_finds_the_singular(self, indexed):
        results = indexed.search(SearchQuery("fietsstraat", mode="keyword"))
        assert ids(results) == [CYCLE_STREETS.id]

    def test_words_without_accents_find_french_pages_with_them(self, indexed):
        results = indexed.search(SearchQuery("dechets menagers", mode="keyword", languages=["fr"]))
        assert ids(results) == [WASTE_FR.id]

    def test_a_typo_still_finds_the_page(self, indexed):
        results = indexed.search(SearchQuery("bewonreskaart", mode="keyword"))
        assert ids(results)[:1] == [PARKING.id]

    def test_without_typo_tolerance_a_typo_finds_nothing(self, indexed):
        results = indexed.search(SearchQuery("bewonreskaart", mode="keyword", fuzzy=False))
        assert results.total == 0 and ids(results) == []

    def test_a_page_matching_the_whole_question_outranks_one_repeating_one_word(self, backend):
        # BM25 alone puts the first page first: "huis" in its title and all over its body
        # outweighs one "huis" and one "gekeurd"; a citizen asked about both words
        repeats = replace(PARKING, id="huis", title="Huis en thuis", intro="Huis, huis, huis.", body=("Ons huis is uw huis.",))
        answers = replace(WASTE, id="keuring", title="Conformiteitsattest", intro="", body=("Uw huis moet gekeurd worden.",))
        others = [replace(LIBRARY, id=f"huis-{n}", title="Huis", body=("Een huis.",)) for n in range(3)]
        backend.index_documents([repeats, answers, *others, PARK, FESTIVAL])
        assert ids(backend.search(SearchQuery("huis gekeurd", mode="keyword", fuzzy=False)))[0] == "keuring"

    def test_a_title_match_outranks_a_body_match(self, indexed):
        # "zomer" is in the playground's title and in the park project's (shorter) body.
        results = indexed.search(SearchQuery("zomer", mode="keyword", fuzzy=False))
        assert ids(results) == [PLAYGROUND.id, PARK.id]

    def test_stop_words_alone_find_nothing_by_keyword(self, indexed):
        results = indexed.search(SearchQuery("de het van", mode="keyword"))
        assert results.total == 0

    def test_empty_query_returns_nothing(self, indexed):
        results = indexed.search(SearchQuery("   "))
        assert results.total == 0 and results.hits == []

    def test_vector_search_finds_the_page_nearest_the_query(self, indexed):
        results = indexed.search(SearchQuery("ophaalkalender restafval papier karton", mode="vector"))
        assert ids(results)[0] == WASTE.id
        assert results.hits[0].vector_rank == 1 and results.hits[0].keyword_rank is None

    def test_hybrid_ranks_pages_found_both_ways_first(self, indexed):
        results = indexed.search(SearchQuery("bewonerskaart parkeren"))
        assert ids(results)[0] == PARKING.id
        top = results.hits[0]
        assert top.keyword_rank == 1 and top.vector_rank is not None
        # its similarity plus the whole keyword bonus (it has the best keyword score)
        vector = indexed.search(SearchQuery("bewonerskaart parkeren", mode="vector"))
        similarity = next(hit.score for hit in vector.hits if hit.id == PARKING.id)
        assert top.score == pytest.approx(similarity + KEYWORD_BONUS)

    def test_snippet_marks_the_query_words_in_the_best_passage(self, indexed):
        results = indexed.search(SearchQuery("tweede kaart kost", mode="keyword"))
        hit = results.hits[0]
        assert hit.id == PARKING.id
        assert "<mark>tweede</mark>" in hit.snippet and "<mark>kaart</mark>" in hit.snippet, hit.snippet

    def test_results_carry_what_a_result_list_shows(self, indexed):
        hit = indexed.search(SearchQuery("speelplein", mode="keyword")).hits[0]
        assert (hit.title, hit.url, hit.page_type, hit.wijken, hit.date) == (
            PLAYGROUND.title,
            PLAYGROUND.url,
            "event",
            ("sint-amandsberg",),
            date(2024, 7, 1),
        )

    def test_answer_metadata_names_the_backend(self, indexed, backend):
        meta = indexed.search(SearchQuery("restafval")).metadata()
        assert meta["backend"]["kind"] == backend.kind
        assert meta["mode"] == "hybrid" and meta["total"] >= 1

    # --- facets and filters -------------------------------------------------------------
    def test_facets_count_the_matching_pages(self, indexed):
        results = indexed.search(SearchQuery("binnenstad gratis fietsstraat", mode="keyword"))
        assert set(ids(results)) == {FESTIVAL.id, CYCLE_STREETS.id, LIBRARY.id}
        assert counts(results, "theme") == {"mobiliteit": 2, "cultuur": 2}
        assert counts(results, "wijk") == {"binnenstad": 2, "gentbrugge": 1}
        assert counts(results, "type") == {"event": 1, "news": 1, "info": 1}
        assert counts(results, "language") == {"nl": 3}

    def test_theme_filter_keeps_only_that_theme(self, indexed):
        results = indexed.search(SearchQuery("binnenstad gratis fietsstraat", mode="keyword", themes=["cultuur"]))
        assert set(ids(results)) == {FESTIVAL.id, LIBRARY.id}
        assert results.total == 2

    def test_values_of_one_facet_are_ored_and_facets_are_anded(self, indexed):
        query = SearchQuery("binnenstad gratis fietsstraat", mode="keyword", themes=["cultuur", "mobiliteit"])
        assert set(ids(indexed.search(query))) == {FESTIVAL.id, CYCLE_STREETS.id, LIBRARY.id}
        narrowed = indexed.search(replace(query, wijken=("binnenstad",), types=("info",)))
        assert ids(narrowed) == [LIBRARY.id]

    def test_a_selected_facet_still_shows_what_its_other_values_would_add(self, indexed):
        results = indexed.search(SearchQuery("binnenstad gratis fietsstraat", mode="keyword", wijken=["gentbrugge"]))
        assert ids(results) == [CYCLE_STREETS.id]
        wijken = {value.value: (value.count, value.selected) for value in results.facets["wijk"]}
        assert wijken == {"gentbrugge": (1, True), "binnenstad": (2, False)}
        assert counts(results, "theme") == {"mobiliteit": 1}  # other facets count the filtered pages

    def test_an_unknown_facet_value_gives_an_empty_result(self, indexed):
        results = indexed.search(SearchQuery("parkeren", themes=["bestaat-niet"]))
        assert results.total == 0 and results.hits == []
        assert ("bestaat-niet", 0, True) in [(v.value, v.count, v.selected) for v in results.facets["theme"]]
        assert all(values == [] for facet, values in results.facets.items() if facet != "theme")

    def test_language_filter(self, indexed):
        results = indexed.search(SearchQuery("parking permit", mode="keyword", languages=["en"]))
        assert ids(results) == [PARKING_EN.id]
        assert counts(results, "theme") == {"mobiliteit": 1}
        assert counts(results, "language")["en"] == 1  # and what the other languages would add

    def test_date_range_keeps_events_running_in_it_and_drops_undated_pages(self, indexed):
        query = SearchQuery("kinderen feest speelplein fietsstraat premie", mode="keyword")
        assert set(ids(indexed.search(query))) == {PLAYGROUND.id, FESTIVAL.id, CYCLE_STREETS.id, RENOVATION.id}
        in_july = indexed.search(replace(query, date_from=date(2024, 7, 25), date_to=date(2024, 7, 26)))
        assert set(ids(in_july)) == {PLAYGROUND.id, FESTIVAL.id}
        since_2024 = indexed.search(replace(query, date_from=date(2024, 1, 1)))
        assert set(ids(since_2024)) == {PLAYGROUND.id, FESTIVAL.id, CYCLE_STREETS.id}

    def test_filters_apply_to_vector_results_too(self, indexed):
        results = indexed.search(SearchQuery("ophaalkalender restafval papier", mode="vector", languages=["fr"]))
        assert results.hits and all(hit.language == "fr" for hit in results.hits)
        assert results.total == len(results.hits) == 1  # the corpus has one French page

    def test_a_filtered_vector_query_finds_the_matching_page_behind_many_nearer_ones(self, make_backend):
        # 150 copies of the waste page, nearer the query than anything, fill every candidate
        # pool; the one page in Ledeberg must still be found when a citizen picks Ledeberg.
        backend = make_backend(VECTOR_K=5)
        crowd = [replace(WASTE, id=f"afval-{number}", url=f"/nl/afval-{number}", wijken=("binnenstad",)) for number in range(150)]
        backend.index_documents([*crowd, replace(PARKING, wijken=("ledeberg",))])
        query = SearchQuery("ophaalkalender restafval papier karton", mode="vector")
        assert PARKING.id not in ids(backend.search(replace(query, page_size=50)))
        for filtered in (replace(query, wijken=("ledeberg",)), replace(query, wijken=("ledeberg",), mode="hybrid")):
            results = backend.search(filtered)
            assert ids(results) == [PARKING.id] and results.total == 1

    def test_a_vector_neighbour_below_the_minimum_score_is_no_result(self, indexed, make_backend):
        # "xqzv brrm" shares no word with any page: its nearest pages are noise
        nonsense = SearchQuery("xqzv brrm")
        unjudged = make_backend(ANSWER_MARGINS=[0, 0])  # meaning always counts: the floor alone decides
        assert unjudged.search(nonsense).total > 0  # without a floor, noise fills the list
        floored = make_backend(VECTOR_MIN_SCORE=0.6, ANSWER_MARGINS=[0, 0])
        for mode in ("hybrid", "vector"):
            results = floored.search(replace(nonsense, mode=mode))
            assert (results.total, results.hits) == (0, [])
            assert all(values == [] for values in results.facets.values())

    # --- saying "nothing found" (search.answerability) -------------------------------------
    def test_a_question_none_of_whose_words_occur_and_nothing_near_in_meaning_finds_nothing(self, indexed, make_backend):
        nonsense = SearchQuery("xqzv brrm")
        results = indexed.search(nonsense)
        assert (results.total, results.hits) == (0, [])
        assert all(values == [] for values in results.facets.values())
        assert results.no_answer.reason == "no_words_no_meaning"
        assert (results.no_answer.words, results.no_answer.words_found) == (2, 0)
        assert results.metadata()["no_answer"]["explanation"] == (
            "No word of the question occurs on the site and nothing comes close in meaning."
        )
        assert indexed.search(replace(nonsense, mode="keyword")).total == 0  # nothing matches its words
        # the decision, not the floor, stops it: with the meaning test off, noise is listed
        assert make_backend(ANSWER_MARGINS=[0, 0]).search(nonsense).total > 0

    def test_a_question_whose_words_occur_is_answered(self, indexed):
        results = indexed.search(SearchQuery("ophaalkalender restafval"))
        assert results.no_answer is None and ids(results)[0] == WASTE.id
        assert results.metadata()["no_answer"] is None

    def test_a_page_close_in_meaning_answers_a_question_without_its_words(self, indexed, make_backend):
        # A typo beyond the fuzzy rules shares no word with the index, but its trigrams
        # bring the waste page near: with a margin the hashing embedder reaches, it answers.
        question = SearchQuery("restafvalophaalkalendertje")
        assert indexed.search(replace(question, mode="keyword")).total == 0
        lenient = make_backend(ANSWER_MARGINS=[0.01, 0.01])
        results = lenient.search(question)
        assert results.no_answer is None and ids(results)[0] == WASTE.id
        strict = make_backend(ANSWER_MARGINS=[1, 1])
        assert strict.search(question).no_answer.reason == "no_words_no_meaning"

    def test_a_typo_still_finds_the_page_in_hybrid_mode(self, indexed):
        results = indexed.search(SearchQuery("bewonreskaart"))
        assert results.no_answer is None and ids(results)[0] == PARKING.id

    def test_vector_mode_keeps_the_floor_only(self, indexed):
        assert indexed.search(SearchQuery("xqzv brrm", mode="vector")).no_answer is None

    def test_with_a_floor_total_and_facets_count_the_results_a_citizen_can_page_through(self, indexed, make_backend):
        floored = make_backend(VECTOR_MIN_SCORE=0.6)
        results = floored.search(SearchQuery("ophaalkalender restafval papier karton", page_size=50))
        assert WASTE.id in ids(results) and len(results.hits) < len(CORPUS)
        assert results.total == len(results.hits)
        assert sum(value.count for value in results.facets["language"]) == results.total
        assert sum(value.count for value in results.facets["type"]) == results.total

    # --- paging and suggestions ---------------------------------------------------------
    def test_pages_split_the_results_without_overlap(self, indexed):
        query = SearchQuery("binnenstad gratis fietsstraat kinderen parkeren", mode="keyword", page_size=2)
        everything = ids(indexed.search(replace(query, page_size=10)))
        assert len(everything) == 5
        pages = [indexed.search(replace(query, page=n)) for n in (1, 2, 3)]
        assert [len(page.hits) for page in pages] == [2, 2, 1]
        assert sum((ids(page) for page in pages), []) == everything
        assert {page.total for page in pages} == {5} and pages[0].pages == 3
        assert indexed.search(replace(query, page=4)).hits == []

    def test_hybrid_pages_do_not_repeat_results(self, indexed):
        query = SearchQuery("gratis parkeren in de binnenstad", page_size=3)
        first, second = indexed.search(query), indexed.search(replace(query, page=2))
        assert first.total == second.total
        assert not set(ids(first)) & set(ids(second))

    def test_suggestions_complete_a_title_word(self, indexed):
        assert [s.id for s in indexed.suggest("bewo")] == [PARKING.id]
        assert [s.title for s in indexed.suggest("gentse fe")] == ["Gentse Feesten 2024"]
        assert [s.id for s in indexed.suggest("Park")] == [PARK.id, PARKING_EN.id]  # shortest title first
        assert [s.id for s in indexed.suggest("park", language="en")] == [PARKING_EN.id]
        assert indexed.suggest("xyz") == [] and indexed.suggest("") == []

    # --- keeping the index current ------------------------------------------------------
    def test_reindexing_a_page_replaces_it(self, indexed):
        indexed.index_documents([replace(LIBRARY, title="Stadsbibliotheek De Krook en Zebrastraat")])
        assert indexed.count() == len(CORPUS)
        results = indexed.search(SearchQuery("zebrastraat", mode="keyword"))
        assert ids(results) == [LIBRARY.id]
        assert results.hits[0].title.startswith("Stadsbibliotheek")

    def test_a_deleted_page_is_no_longer_found(self, indexed):
        indexed.delete_documents([WASTE.id, "never-indexed"])
        assert indexed.count() == len(CORPUS) - 1
        assert WASTE.id not in ids(indexed.search(SearchQuery("afvalophaling ophaalkalender")))

    def test_a_page_given_twice_in_one_call_is_indexed_once_as_last_given(self, backend):
        backend.index_documents([LIBRARY, replace(LIBRARY, title="Bibliotheek De Krook (nieuw)")])
        assert backend.count() == 1
        assert backend.search(SearchQuery("krook", mode="keyword")).hits[0].title.endswith("(nieuw)")

    def test_an_index_built_with_another_embedder_must_be_rebuilt(self, indexed, make_backend):
        switched = make_backend(EMBEDDER=embedders.OTHER_MODEL)
        with pytest.raises(EmbedderMismatch):
            switched.search(SearchQuery("afval"))
        with pytest.raises(EmbedderMismatch):
            switched.index_documents([WASTE])
        assert ids(indexed.search(SearchQuery("bewonerskaart")))[0] == PARKING.id  # the old one still works
        switched.rebuild(CORPUS)
        assert ids(switched.search(SearchQuery("bewonerskaart")))[0] == PARKING.id

    def test_indexing_unchanged_text_again_embeds_nothing(self, backend):
        first = backend.index_documents(CORPUS)
        assert first.indexed == len(CORPUS) and first.embedded > 0
        again = backend.index_documents(CORPUS)
        assert again.embedded == 0
        edited = backend.index_documents([replace(PARK, body=("De aanleg start in de herfst.",))])
        assert edited.embedded == 1  # the intro passage is unchanged, the body passage is new

    def test_rebuild_switches_to_the_new_set_at_once(self, indexed):
        report = indexed.rebuild(iter([PARKING, WASTE]))
        assert report.indexed == 2 and report.embedded == 0
        assert indexed.count() == 2
        assert indexed.search(SearchQuery("bibliotheek", mode="keyword")).total == 0
        assert ids(indexed.search(SearchQuery("afvalophaling", mode="keyword"))) == [WASTE.id]

    def test_a_failed_rebuild_leaves_the_live_index_alone(self, indexed):
        def documents():
            yield PARKING
            raise RuntimeError("extractor crashed")

        with pytest.raises(RuntimeError):
            indexed.rebuild(documents())
        assert indexed.count() == len(CORPUS)
        assert ids(indexed.search(SearchQuery("bibliotheek", mode="keyword"))) == [LIBRARY.id]

    def test_searching_an_empty_index_finds_nothing(self, backend):
        assert backend.search(SearchQuery("afval")).total == 0
        assert backend.suggest("afv") == []
        assert backend.count() == 0
