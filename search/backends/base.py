"""The contract every search backend fulfils, and the work they share.

Public methods (`index_documents`, `delete_documents`, `rebuild`, `search`, `suggest`,
`describe`) are implemented here once; a backend supplies storage hooks: write prepared
documents, delete, begin/finish a rebuild, retrieve (see `search.retrieval` for the exact
definition), load documents for display, and suggest titles. Analysis, embedding (with
its cache), fusion, paging and snippets are therefore identical across backends, which is
what lets one shared test suite hold them all to the same behaviour.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from itertools import islice

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from .. import answer_cache
from ..answerability import Margins
from ..documents import SearchDocument, StoredDocument
from ..embeddings import DEFAULT_EMBEDDER, Embedder, get_embedder
from ..preparation import PreparedDocument, prepare_documents
from ..query import SearchQuery, SearchResults, Suggestion, execute
from ..retrieval import Retrieval, RetrievalPlan
from ..text import suggest_words

DEFAULT_VECTOR_K = 50
REBUILD_BATCH = 100


class EmbedderMismatch(ImproperlyConfigured):
    """The index holds vectors of another model than SEARCH_EMBEDDER: comparing them would be noise."""

    def __init__(self, index: str, indexed_with: str, configured: str):
        super().__init__(
            f"search index {index!r} holds vectors of {indexed_with!r} but the embedder is {configured!r}: "
            "rebuild the index with the new embedder"
        )


def latest_per_id(documents) -> list[SearchDocument]:
    """Documents with duplicate ids collapsed to the last one, as repeated indexing would."""
    return list({document.id: document for document in documents}.values())


@dataclass
class IndexReport:
    indexed: int = 0
    embedded: int = 0  # passages embedded now (not found in the vector cache)

    def add(self, other: IndexReport) -> None:
        self.indexed += other.indexed
        self.embedded += other.embedded


class BaseSearchBackend(ABC):
    #: Short name reported in answer metadata ("local", "elasticsearch").
    kind = "base"

    def __init__(self, alias: str, params: dict):
        self.alias = alias
        self.params = dict(params)
        self.vector_k = int(self.params.get("VECTOR_K", DEFAULT_VECTOR_K))
        self._embedder_path = self.params.get("EMBEDDER") or getattr(settings, "SEARCH_EMBEDDER", DEFAULT_EMBEDDER)

    # --- shared public API --------------------------------------------------------------
    @property
    def embedder(self) -> Embedder:
        return get_embedder(self._embedder_path)

    @property
    def embedder_name(self) -> str:
        """The embedder's name without loading its model."""
        return import_string(self._embedder_path).name

    @property
    def vector_min_score(self) -> float:
        """The score a vector neighbour needs to be a result: params VECTOR_MIN_SCORE, else
        settings.SEARCH_VECTOR_MIN_SCORE, else the embedder's own `min_score` (scores are
        only comparable within one model)."""
        for value in (self.params.get("VECTOR_MIN_SCORE"), getattr(settings, "SEARCH_VECTOR_MIN_SCORE", None)):
            if value is not None:
                return float(value)
        return float(import_string(self._embedder_path).min_score)

    @property
    def answer_margins(self) -> Margins:
        """When a page is close enough in meaning to be an answer (search.answerability):
        params ANSWER_MARGINS ([some words found, no word found]; [0, 0] turns the meaning
        test off), else the embedder's own margins (scores are only comparable within one model)."""
        given = self.params.get("ANSWER_MARGINS")
        if given is not None:
            answer, alone = (float(value) for value in given)
            return Margins(answer, alone)
        embedder = import_string(self._embedder_path)
        return Margins(float(embedder.answer_margin), float(embedder.alone_margin))

    def index_documents(self, documents) -> IndexReport:
        """Add or replace documents (by id) in the live index; embeds only passages not cached."""
        batch = prepare_documents(latest_per_id(documents), self.embedder)
        if batch.documents:
            self._write(batch.documents, target=None)
            answer_cache.index_changed(self.index_identity)
        return IndexReport(len(batch.documents), batch.embedded)

    def delete_documents(self, ids) -> None:
        ids = [str(doc_id) for doc_id in ids]
        if ids:
            self._delete(ids)
            answer_cache.index_changed(self.index_identity)

    def rebuild(self, documents) -> IndexReport:
        """Build a fresh index from `documents` while searches read the old one, then switch at once."""
        report = IndexReport()
        target = self._begin_rebuild()
        try:
            iterator = iter(documents)
            while chunk := list(islice(iterator, REBUILD_BATCH)):
                batch = prepare_documents(latest_per_id(chunk), self.embedder)
                self._write(batch.documents, target=target)
                report.add(IndexReport(len(batch.documents), batch.embedded))
        except BaseException:
            self._abort_rebuild(target)
            raise
        self._finish_rebuild(target)
        answer_cache.index_changed(self.index_identity)
        return report

    def search(self, query: SearchQuery) -> SearchResults:
        """The answer to `query`; the same query on an unchanged index is answered from the
        shared cache (`search.answer_cache`, when CACHE_URL is shared)."""
        return answer_cache.remembered(self.index_identity, query, lambda: execute(self, query))

    @property
    def index_identity(self) -> str:
        """What names this index to every process: the backend's kind, alias and index name."""
        return f"{self.kind}:{self.alias}:{self.params.get('INDEX', '')}"

    def suggest(self, prefix: str, *, language: str | None = None, limit: int = 8) -> list[Suggestion]:
        """Titles with words starting with what was typed: every full word must match, the last may be a prefix."""
        typed = suggest_words(prefix)
        if not typed or limit < 1:
            return []
        if prefix[-1:].isspace():
            complete, partial = typed, None
        else:
            complete, partial = typed[:-1], typed[-1]
        return self._suggest(complete, partial, language, limit)

    def clear(self) -> None:
        """Remove every document and the index itself (tests, and resetting a site)."""
        self._clear()
        answer_cache.index_changed(self.index_identity)

    def describe(self) -> dict:
        """Answer metadata: which backend and embedder produced a result."""
        return {"alias": self.alias, "kind": self.kind, "embedder": self.embedder_name}

    # --- storage hooks ------------------------------------------------------------------
    @abstractmethod
    def _write(self, documents: list[PreparedDocument], *, target) -> None:
        """Store prepared documents, replacing any with the same id; `target` is a rebuild target or None (live)."""

    @abstractmethod
    def _delete(self, ids: list[str]) -> None: ...

    @abstractmethod
    def _begin_rebuild(self):
        """Create an empty index that searches do not see yet; return a handle for `_write`."""

    @abstractmethod
    def _finish_rebuild(self, target) -> None:
        """Make `target` the live index in one step and drop the previous one."""

    @abstractmethod
    def _abort_rebuild(self, target) -> None: ...

    @abstractmethod
    def retrieve(self, plan: RetrievalPlan) -> Retrieval: ...

    @abstractmethod
    def load(self, ids: list[str]) -> dict[str, StoredDocument]: ...

    @abstractmethod
    def _suggest(self, complete: list[str], partial: str | None, language: str | None, limit: int) -> list[Suggestion]: ...

    @abstractmethod
    def count(self) -> int:
        """Documents in the live index."""

    @abstractmethod
    def _clear(self) -> None:
        """Remove every document and the index itself."""


def suggestion_key(document: SearchDocument) -> tuple:
    """Suggestion order shared by the backends: shortest title first, then alphabetical, then id."""
    return (len(document.title), document.title.lower(), document.id)
