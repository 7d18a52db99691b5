"""The local backend: the index in the default database, searched in memory with numpy.

Meant for `make demo` and small sites: no service to run. Documents live in
LocalIndexedDocument rows (see search.models for why the default database); each process
keeps a snapshot of the live generation with BM25 postings over our Python-analysed terms
and a matrix of passage vectors, and answers queries exactly as search.retrieval defines.
Vector search is exact (a full matrix product), which is fine up to some hundred thousand
passages.
"""

from __future__ import annotations

import numpy as np

from ..coordination import coordinate, group_weights
from ..documents import FACETS, StoredDocument
from ..models import LocalIndexedDocument, LocalIndexGeneration
from ..query import Suggestion
from ..retrieval import Evidence, Retrieval, RetrievalPlan, VectorHit
from . import local_store
from .base import BaseSearchBackend, suggestion_key


class LocalBackend(BaseSearchBackend):
    kind = "local"

    def __init__(self, alias: str, params: dict):
        super().__init__(alias, params)
        self.index_name = self.params.get("INDEX", alias)

    def _snapshot(self):
        return local_store.snapshot(self.index_name, self.embedder_name, self.embedder.dimensions)

    # --- writing ------------------------------------------------------------------------
    def _write(self, documents, *, target) -> None:
        generation = target or local_store.live_generation(self.index_name, self.embedder_name, create=True)
        local_store.write_documents(generation, documents)

    def _delete(self, ids) -> None:
        generation = local_store.live_generation(self.index_name, self.embedder_name)
        if generation is not None:
            local_store.delete_documents(generation, ids)

    def _begin_rebuild(self):
        return local_store.begin_rebuild(self.index_name, self.embedder_name)

    def _finish_rebuild(self, target) -> None:
        local_store.finish_rebuild(target)

    def _abort_rebuild(self, target) -> None:
        local_store.abort_rebuild(target)

    def count(self) -> int:
        return LocalIndexedDocument.objects.filter(generation__index_name=self.index_name, generation__is_live=True).count()

    def _clear(self) -> None:
        LocalIndexGeneration.objects.filter(index_name=self.index_name).delete()

    # --- reading ------------------------------------------------------------------------
    def retrieve(self, plan: RetrievalPlan) -> Retrieval:
        snap = self._snapshot()
        base = snap.date_mask(plan.date_from, plan.date_to)
        none = np.zeros(snap.size, dtype=bool)
        per_group = snap.group_scores(plan.groups, plan.fuzzy) if plan.uses_keyword else np.zeros((0, snap.size))
        keyword_scores = per_group.sum(axis=0)
        keyword_match = keyword_scores > 0

        nearest: dict[str | None, np.ndarray] = {}
        vector_hits: list[VectorHit] = []
        neighbourhood: tuple[float, ...] = ()
        if plan.uses_vector:
            vector_scores, best_passage = snap.vector_scores(plan.vector)
            around = snap.ranked(vector_scores, base & snap.selection_mask(plan.selections), plan.vector_k)
            neighbourhood = tuple(float(vector_scores[i]) for i in around if np.isfinite(vector_scores[i]))
            for variant in plan.facet_variants():
                mask = base & snap.selection_mask(plan.selections_without(variant)) & (vector_scores >= plan.min_score)
                top = snap.ranked(vector_scores, mask, plan.vector_k)
                nearest[variant] = np.isin(np.arange(snap.size), top)
                if variant is None:
                    vector_hits = [VectorHit(snap.ids[i], float(vector_scores[i]), int(best_passage[i])) for i in top]

        def candidates(variant: str | None) -> np.ndarray:
            mask = base & snap.selection_mask(plan.selections_without(variant))
            return mask & (keyword_match | nearest.get(variant, none))

        main = candidates(None)
        window = snap.ranked(keyword_scores, main & keyword_match, plan.keyword_window)
        word_pages = [int(count) for count in (per_group > 0).sum(axis=1)]
        matched = {snap.ids[i]: np.flatnonzero(per_group[:, i] > 0).tolist() for i in window}
        keyword = coordinate(
            [(snap.ids[i], float(keyword_scores[i])) for i in window], matched, group_weights(word_pages, snap.size)
        )
        facets = {
            facet: snap.facet_counts(facet, candidates(facet) if facet in plan.selections else main) for facet in FACETS
        }
        exact = snap.group_scores(plan.groups, False) if plan.fuzzy and plan.uses_keyword else per_group
        evidence = Evidence(
            word_pages=tuple(word_pages),
            stem_pages=tuple(int(count) for count in (exact > 0).sum(axis=1)),
            page_count=snap.size,
            nearest=neighbourhood,
        )
        return Retrieval(keyword=keyword, vector=vector_hits, total=int(main.sum()), facets=facets, evidence=evidence)

    def load(self, ids) -> dict[str, StoredDocument]:
        snap = self._snapshot()
        return {doc_id: snap.stored(snap.position[doc_id]) for doc_id in ids if doc_id in snap.position}

    def _suggest(self, complete, partial, language, limit) -> list[Suggestion]:
        snap = self._snapshot()
        found = []
        for index, document in enumerate(snap.documents):
            if language and document.language != language:
                continue
            title_words = snap.suggest[index]
            if not set(complete) <= set(title_words):
                continue
            if partial is not None and not any(word.startswith(partial) for word in title_words):
                continue
            found.append(document)
        found.sort(key=suggestion_key)
        return [Suggestion(d.id, d.title, d.url, d.language) for d in found[:limit]]
