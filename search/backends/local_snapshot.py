"""The local backend's in-memory copy of one index generation: BM25 fields, vectors, facet masks.

Built from the database rows once per (generation, version) and shared by every search in
the process. Everything a query needs becomes a numpy array over documents, so a search is
a handful of vector operations: keyword scores, a passage-vector product, boolean masks.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..documents import FACETS, SearchDocument, StoredDocument
from ..preparation import KEYWORD_FIELDS
from .bm25 import FieldIndex, group_scores

NO_DATE = np.iinfo(np.int32).min


@dataclass
class SnapshotRow:
    data: dict
    terms: dict
    vectors: bytes


class LocalSnapshot:
    def __init__(self, rows: list[SnapshotRow], dimensions: int):
        # Sorting by id makes ties break by id, as the Elasticsearch backend sorts them.
        rows = sorted(rows, key=lambda row: row.data["id"])
        self.size = len(rows)
        self.documents = [SearchDocument.from_dict(row.data) for row in rows]
        self.passages = [row.data["passages"] for row in rows]
        self.ids = [document.id for document in self.documents]
        self.position = {doc_id: index for index, doc_id in enumerate(self.ids)}
        self.fields = {name: FieldIndex([row.terms.get(name, []) for row in rows]) for name in KEYWORD_FIELDS}
        self._facet_masks = {facet: self._masks(facet) for facet in FACETS}
        self.first_day = np.array([d.date.toordinal() if d.date else NO_DATE for d in self.documents], dtype=np.int64)
        self.last_day = np.array([d.last_date.toordinal() if d.last_date else NO_DATE for d in self.documents], dtype=np.int64)
        self.suggest = [row.data.get("suggest", []) for row in rows]
        self._load_vectors(rows, dimensions)

    def _masks(self, facet: str) -> dict[str, np.ndarray]:
        masks: dict[str, np.ndarray] = {}
        for index, document in enumerate(self.documents):
            for value in document.facet_values(facet):
                masks.setdefault(value, np.zeros(self.size, dtype=bool))[index] = True
        return masks

    def _load_vectors(self, rows: list[SnapshotRow], dimensions: int) -> None:
        blocks, owners, positions = [], [], []
        for index, row in enumerate(rows):
            block = np.frombuffer(bytes(row.vectors), dtype=np.float32).reshape(-1, dimensions)
            blocks.append(block)
            owners.extend([index] * len(block))
            positions.extend(range(len(block)))
        self.vectors = np.concatenate(blocks) if blocks else np.zeros((0, dimensions), dtype=np.float32)
        self.vector_owner = np.array(owners, dtype=np.int64)
        self.vector_position = np.array(positions, dtype=np.int64)
        # A document's passages are contiguous rows: per-document maxima are one reduceat.
        changes = np.r_[True, self.vector_owner[1:] != self.vector_owner[:-1]] if owners else np.zeros(0, dtype=bool)
        self._segment_starts = np.flatnonzero(changes)
        self._segment_owner = self.vector_owner[self._segment_starts]
        self._segment_lengths = np.diff(np.r_[self._segment_starts, len(owners)])

    # --- masks --------------------------------------------------------------------------
    def date_mask(self, date_from, date_to) -> np.ndarray:
        """Documents whose [date, end_date] span overlaps [date_from, date_to]."""
        mask = np.ones(self.size, dtype=bool)
        if date_from is None and date_to is None:
            return mask
        mask &= self.first_day != NO_DATE
        if date_to is not None:
            mask &= self.first_day <= date_to.toordinal()
        if date_from is not None:
            mask &= self.last_day >= date_from.toordinal()
        return mask

    def selection_mask(self, selections: dict[str, tuple[str, ...]]) -> np.ndarray:
        """OR within a facet, AND across facets; an unknown value matches nothing."""
        mask = np.ones(self.size, dtype=bool)
        for facet, values in selections.items():
            facet_mask = np.zeros(self.size, dtype=bool)
            for value in values:
                if value in self._facet_masks[facet]:
                    facet_mask |= self._facet_masks[facet][value]
            mask &= facet_mask
        return mask

    def facet_counts(self, facet: str, mask: np.ndarray) -> dict[str, int]:
        counts = {value: int((value_mask & mask).sum()) for value, value_mask in self._facet_masks[facet].items()}
        return {value: count for value, count in counts.items() if count}

    # --- scoring ------------------------------------------------------------------------
    def group_scores(self, groups, fuzzy: bool) -> np.ndarray:
        """BM25 per query word (rows) and document (columns); their sum is the query's BM25."""
        return group_scores(self.fields, KEYWORD_FIELDS, groups, fuzzy, self.size)

    def vector_scores(self, query_vector: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per document: the best passage's score ((1 + cosine) / 2, as Elasticsearch) and its position."""
        scores = np.full(self.size, -np.inf)
        best = np.zeros(self.size, dtype=np.int64)
        if not len(self.vectors):
            return scores, best
        similarities = (1.0 + self.vectors @ query_vector.astype(np.float32)) / 2.0
        # Per document the best passage (a reduceat, not a sort of every passage: this is
        # most of a vector search's time at 10,000 pages), and its first position on ties.
        maxima = np.maximum.reduceat(similarities, self._segment_starts)
        scores[self._segment_owner] = maxima
        at_max = np.flatnonzero(similarities >= np.repeat(maxima, self._segment_lengths))
        owners, first = np.unique(self.vector_owner[at_max], return_index=True)
        best[owners] = self.vector_position[at_max[first]]
        return scores, best

    def ranked(self, scores: np.ndarray, mask: np.ndarray, limit: int) -> np.ndarray:
        """Indexes of masked documents by score descending, ties by id, at most `limit`."""
        candidates = np.flatnonzero(mask)
        order = np.lexsort((candidates, -scores[candidates]))
        return candidates[order][:limit]

    def stored(self, index: int) -> StoredDocument:
        return StoredDocument(self.documents[index], list(self.passages[index]))
