"""The Elasticsearch backend: production search on a cluster, same answers as the local one.

Writes go to an alias (params INDEX) over one concrete index; `rebuild` loads a new
concrete index with refresh off, then moves the alias in one atomic `_aliases` call and
deletes the old index, so searches never see a half-built index. A search costs four
round trips: a look-up of the alias (an absent index answers empty), one `_msearch` of kNN
queries (one per facet filter variant, see search.retrieval), one keyword search that also
counts the candidates, the facets and the pages each query word matches (fuzzily for
search.coordination, by stem for search.answerability), and one `mget` of the page of results.
"""

from __future__ import annotations

from datetime import datetime, timezone

from django.conf import settings
from elasticsearch import BadRequestError, Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import MultiSearch, Q, Search

from ..coordination import coordinate, group_weights
from ..documents import FACETS, SearchDocument, StoredDocument
from ..query import Suggestion
from ..retrieval import Evidence, Retrieval, RetrievalPlan, VectorHit
from . import es_queries
from .base import BaseSearchBackend, EmbedderMismatch
from .es_mapping import DEFAULT_VECTOR_INDEX, FACET_FIELDS, VECTOR_FIELD, index_body, page_source

FACET_SIZE = 100
#: The aggregation counting, over the whole index, the pages each query word matches.
WORDS = "query_words"
BULK_CHUNK = 100


def node_urls(url) -> list[str]:
    """The nodes to talk to: a URL, a comma-separated list of them (ELASTICSEARCH_URL), or a list."""
    items = url.split(",") if isinstance(url, str) else url
    return [item.strip() for item in items if item.strip()]


class ElasticsearchBackend(BaseSearchBackend):
    kind = "elasticsearch"

    def __init__(self, alias: str, params: dict):
        super().__init__(alias, params)
        url = self.params.get("URL") or getattr(settings, "ELASTICSEARCH_URL", "")
        if not url:
            raise ValueError("ElasticsearchBackend needs a URL (params URL or ELASTICSEARCH_URL)")
        self.client = Elasticsearch(
            node_urls(url),
            request_timeout=float(self.params.get("TIMEOUT", 30)),
            # A node that is down (killed, restarting) costs a retry on the next one, not an error.
            max_retries=int(self.params.get("MAX_RETRIES", 3)),
        )
        self.index_alias = self.params.get("INDEX", "vrijhaven-pages")
        self.shards = int(self.params.get("SHARDS", 1))
        self.replicas = int(self.params.get("REPLICAS", 0))
        #: "flat" (exact kNN, the default) or "hnsw"; see es_mapping.page_mapping.
        self.vector_index = self.params.get("VECTOR_INDEX", DEFAULT_VECTOR_INDEX)
        #: "wait_for": an indexing call returns once its pages are searchable.
        self.refresh = self.params.get("REFRESH", "wait_for")
        self._checked: set[str] = set()

    # --- indices and the alias ----------------------------------------------------------
    def _new_index_name(self) -> str:
        return f"{self.index_alias}-{datetime.now(timezone.utc):%Y%m%d%H%M%S%f}"

    def _create_index(self, name: str, *, aliases: dict | None = None, wait_for: dict | None = None, **options) -> None:
        body = index_body(
            self.embedder.dimensions,
            self.embedder_name,
            shards=self.shards,
            replicas=self.replicas,
            vector_index=self.vector_index,
            **options,
        )
        wait_for = wait_for or {}
        self.client.indices.create(
            index=name, settings=body["settings"], mappings=body["mappings"], aliases=aliases, **wait_for
        )

    def _indices_behind_alias(self, *, check: bool = True) -> list[str]:
        try:
            names = sorted(self.client.indices.get_alias(name=self.index_alias).body)
        except NotFoundError:
            return []
        if check:
            self._check_embedder(names)
        return names

    def _check_embedder(self, names: list[str]) -> None:
        """Refuse an index built with another embedder; checked once per concrete index and process."""
        for name in names:
            if name in self._checked:
                continue
            meta = self.client.indices.get_mapping(index=name)[name]["mappings"].get("_meta", {})
            if meta.get("embedder") not in (None, self.embedder_name):
                raise EmbedderMismatch(self.index_alias, meta["embedder"], self.embedder_name)
            self._checked.add(name)

    def _ensure_index(self) -> None:
        """Create the first index with the alias on it; a fixed name lets concurrent workers race safely."""
        if self._indices_behind_alias():
            return
        try:
            self._create_index(f"{self.index_alias}-initial", aliases={self.index_alias: {}})
        except BadRequestError as error:
            if error.error != "resource_already_exists_exception":
                raise

    def _begin_rebuild(self) -> str:
        """A new index, returned once every copy of it is active (on a cluster: the replica too).

        Writing into a primary whose replica is still starting would put the whole rebuild on
        one node: losing that node then loses the new index, and the rebuild with it.
        """
        name = self._new_index_name()
        self._create_index(name, refresh_interval="-1", wait_for={"wait_for_active_shards": "all", "timeout": "60s"})
        return name

    def _finish_rebuild(self, target: str) -> None:
        self.client.indices.put_settings(index=target, settings={"index": {"refresh_interval": None}})
        self.client.indices.refresh(index=target)
        old = self._indices_behind_alias(check=False)
        actions = [{"remove": {"index": name, "alias": self.index_alias}} for name in old]
        if self.client.indices.exists(index=self.index_alias) and not old:
            actions.append({"remove_index": {"index": self.index_alias}})  # a concrete index squatting the name
        actions.append({"add": {"index": target, "alias": self.index_alias}})
        self.client.indices.update_aliases(actions=actions)
        for name in old:
            self.client.indices.delete(index=name, ignore_unavailable=True)

    def _abort_rebuild(self, target: str) -> None:
        self.client.indices.delete(index=target, ignore_unavailable=True)

    def _clear(self) -> None:
        for name in self._indices_behind_alias(check=False):
            self.client.indices.delete(index=name, ignore_unavailable=True)

    def count(self) -> int:
        if not self._indices_behind_alias():
            return 0
        return int(self.client.count(index=self.index_alias)["count"])

    # --- writing ------------------------------------------------------------------------
    def _write(self, documents, *, target) -> None:
        if target is None:
            self._ensure_index()
        actions = (
            {"_index": target or self.index_alias, "_id": prepared.document.id, "_source": page_source(prepared)}
            for prepared in documents
        )
        helpers.bulk(self.client, actions, chunk_size=BULK_CHUNK, refresh=False if target else self.refresh)

    def _delete(self, ids) -> None:
        if not self._indices_behind_alias():
            return
        actions = ({"_op_type": "delete", "_index": self.index_alias, "_id": doc_id} for doc_id in ids)
        helpers.bulk(self.client, actions, chunk_size=BULK_CHUNK, refresh=self.refresh, ignore_status=(404,))

    # --- reading ------------------------------------------------------------------------
    def _search(self) -> Search:
        return Search(using=self.client, index=self.index_alias)

    def _nearest(self, plan: RetrievalPlan) -> tuple[dict[str | None, list[str]], list[VectorHit], tuple[float, ...]]:
        """kNN neighbour ids per facet variant, the main variant's hits with their best
        passage, and the main variant's k scores before the floor (search.retrieval's evidence).

        The facet filters go inside the `knn` clause, so they choose which pages compete
        (a pre-filter); a filter applied afterwards would only thin out the k nearest pages
        of the whole site and could leave nothing. The index is flat by default, so the
        search is exact under any filter (see es_mapping.page_mapping). The floor
        (`min_score`) is applied here rather than as kNN's `similarity`: the k nearest
        with their scores are the evidence, and on an exact search "the k nearest, then
        those reaching the floor" are the very pages `similarity` would return.
        """
        if not plan.uses_vector:
            return {}, [], ()
        variants = plan.facet_variants()
        vector = [float(x) for x in plan.vector]
        multi = MultiSearch(using=self.client, index=self.index_alias)
        for variant in variants:
            inner_hits = {"size": 1, "_source": False, "fields": ["passages.position"]} if variant is None else None
            multi = multi.add(
                self._search()
                .knn(
                    field=VECTOR_FIELD,
                    k=plan.vector_k,
                    num_candidates=min(10_000, max(100, 2 * plan.vector_k)),
                    query_vector=vector,
                    filter=es_queries.knn_filter(plan, variant) or None,
                    inner_hits=inner_hits,
                )
                .source(False)
                .extra(size=plan.vector_k)
            )
        nearest, main_hits, neighbourhood = {}, [], ()
        for variant, response in zip(variants, multi.execute(raise_on_error=True)):
            ranked = sorted(((hit.meta.score, hit.meta.id, hit) for hit in response), key=lambda item: (-item[0], item[1]))
            if variant is None:
                neighbourhood = tuple(float(score) for score, _, _ in ranked)
            ranked = [item for item in ranked if item[0] >= plan.min_score]
            nearest[variant] = [doc_id for _, doc_id, _ in ranked]
            if variant is None:
                main_hits = [VectorHit(doc_id, float(score), _best_passage(hit)) for score, doc_id, hit in ranked]
        return nearest, main_hits, neighbourhood

    def retrieve(self, plan: RetrievalPlan) -> Retrieval:
        if not self._indices_behind_alias():
            return Retrieval()
        nearest, vector_hits, neighbourhood = self._nearest(plan)
        keyword = es_queries.keyword_query(plan)

        def candidates(variant):
            return es_queries.candidates(plan, variant, keyword, nearest.get(variant, []))

        all_neighbours = sorted({doc_id for ids in nearest.values() for doc_id in ids})
        should = [keyword] if keyword is not None else []
        if all_neighbours:
            should.append(Q("constant_score", filter=Q("ids", values=all_neighbours), boost=0))
        if not should:
            return Retrieval(evidence=Evidence(nearest=neighbourhood))
        search = (
            self._search()
            .query(Q("bool", filter=es_queries.date_filters(plan), should=should, minimum_should_match=1))
            .post_filter(candidates(None))
            .sort({"_score": {"order": "desc"}}, {"doc_id": {"order": "asc"}})
            .source(False)
            .extra(size=plan.keyword_window if keyword is not None else 0, track_total_hits=True, track_scores=True)
        )
        for facet in FACETS:
            variant = facet if facet in plan.selections else None
            search.aggs.bucket(facet, "filter", filter=candidates(variant)).bucket(
                "values", "terms", field=FACET_FIELDS[facet], size=FACET_SIZE
            )
        if keyword is not None:
            search.aggs.bucket(WORDS, "global").bucket("df", "filters", filters=es_queries.word_frequency_filters(plan))
        response = search.execute()
        keyword_hits = [(hit.meta.id, float(hit.meta.score)) for hit in response if hit.meta.score and hit.meta.score > 0]
        evidence = Evidence(nearest=neighbourhood)
        if keyword is not None:
            words = getattr(response.aggregations, WORDS)
            buckets = words.df.buckets
            frequencies = [buckets[es_queries.group_name(position)].doc_count for position in range(len(plan.groups))]
            matched = {
                hit.meta.id: [int(name[1:]) for name in getattr(hit.meta, "matched_queries", ())]
                for hit in response
            }
            keyword_hits = coordinate(keyword_hits, matched, group_weights(frequencies, words.doc_count))
            stemmed = [buckets[es_queries.group_name(position, exact=True)].doc_count for position in range(len(plan.groups))]
            evidence = Evidence(
                word_pages=tuple(frequencies), stem_pages=tuple(stemmed), page_count=words.doc_count, nearest=neighbourhood
            )
        facets = {
            facet: {bucket.key: bucket.doc_count for bucket in getattr(response.aggregations, facet)["values"].buckets}
            for facet in FACETS
        }
        return Retrieval(
            keyword=keyword_hits, vector=vector_hits, total=response.hits.total.value, facets=facets, evidence=evidence
        )

    def load(self, ids) -> dict[str, StoredDocument]:
        if not ids:
            return {}
        response = self.client.mget(index=self.index_alias, ids=list(ids), source_includes=["stored"])
        loaded = {}
        for item in response["docs"]:
            if item.get("found"):
                stored = item["_source"]["stored"]
                loaded[item["_id"]] = StoredDocument(SearchDocument.from_dict(stored["document"]), stored["passages"])
        return loaded

    def _suggest(self, complete, partial, language, limit) -> list[Suggestion]:
        if not self._indices_behind_alias():
            return []
        filters = [Q("term", suggest_words=word) for word in complete]
        if partial is not None:
            filters.append(Q("prefix", suggest_words=partial))
        if language:
            filters.append(Q("term", language=language))
        search = (
            self._search()
            .query(Q("bool", filter=filters))
            .sort("title_length", "title_sort", "doc_id")
            .source(["stored.document.title", "stored.document.url", "language"])
            .extra(size=limit)
        )
        return [
            Suggestion(hit.meta.id, hit.stored.document.title, hit.stored.document.url, hit.language)
            for hit in search.execute()
        ]


def _best_passage(hit) -> int:
    try:
        inner = hit.meta.inner_hits["passages"].hits.hits
        return int(inner[0]["fields"]["passages"][0]["position"][0])
    except (AttributeError, KeyError, IndexError, TypeError):
        return 0
