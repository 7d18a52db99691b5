"""The Elasticsearch index: one document per page, its passage vectors nested inside it.

Why this shape: keyword fields and facets belong to the page, vectors to its passages. A
nested `dense_vector` lets one kNN search rank pages by their best passage, apply the
page-level filters during the search, and name that passage (inner hits) for the snippet,
with no client-side grouping of passage hits. The text fields hold terms already analysed
in Python (search.text), so the built-in `whitespace` analyzer is all we ask of the server:
the test distribution has no `dutch` analyzer. The display fields sit in a disabled
`stored` object: kept in _source, never indexed.
"""

from __future__ import annotations

from elasticsearch.dsl import Mapping
from elasticsearch.dsl.field import Date, DenseVector, Integer, Keyword, Nested, Object, Text

from ..preparation import KEYWORD_FIELDS, PreparedDocument

#: Facet name -> indexed keyword field.
FACET_FIELDS = {"theme": "themes", "wijk": "wijken", "type": "page_type", "language": "language"}
VECTOR_FIELD = "passages.vector"
#: How Elasticsearch indexes passage vectors: "flat" (exact, brute force) or "hnsw" (approximate graph).
DEFAULT_VECTOR_INDEX = "flat"


def terms_field(name: str) -> str:
    return f"{name}_terms"


def page_mapping(dimensions: int, embedder: str, vector_index: str = DEFAULT_VECTOR_INDEX) -> Mapping:
    """The page mapping; `vector_index` "flat" scans every passage vector, "hnsw" walks a graph.

    Flat is the default because it is exact, so a filtered kNN finds every page that
    passes the filter and Elasticsearch ranks exactly like the local backend. HNSW lost
    pages under filters: on the 10,000-page benchmark corpus (many pages share passages,
    so the graph holds clusters of identical vectors) 6 of 26 filtered vector queries found
    nothing, because the graph walk ran out of reachable neighbours before it met a page
    the filter accepts. A scan of 22,000 passages of 384 floats costs a few milliseconds; a
    site with millions of passages can choose "hnsw" (params VECTOR_INDEX) and rebuild.
    """
    mapping = Mapping()
    mapping.meta("dynamic", "strict")
    mapping.meta("_meta", {"embedder": embedder})
    mapping.field("doc_id", Keyword())
    for field_name in FACET_FIELDS.values():
        mapping.field(field_name, Keyword())
    mapping.field("date", Date(format="strict_date"))
    mapping.field("last_date", Date(format="strict_date"))
    for name in KEYWORD_FIELDS:
        mapping.field(terms_field(name), Text(analyzer="whitespace"))
    mapping.field("suggest_words", Keyword())
    mapping.field("title_length", Integer())
    mapping.field("title_sort", Keyword())
    mapping.field("stored", Object(enabled=False))
    mapping.field(
        "passages",
        Nested(
            properties={
                "position": Integer(),
                # float vectors, not the int8 default: exact enough that both backends rank alike.
                "vector": DenseVector(dims=dimensions, similarity="cosine", index=True, index_options={"type": vector_index}),
            }
        ),
    )
    return mapping


def index_body(
    dimensions: int,
    embedder: str,
    *,
    shards: int,
    replicas: int,
    refresh_interval: str | None = None,
    vector_index: str = DEFAULT_VECTOR_INDEX,
) -> dict:
    """Settings and mappings for a new concrete index.

    One shard by default: a city site fits easily, and BM25 statistics are then exact, so
    Elasticsearch scores like the local backend.
    """
    settings = {"number_of_shards": shards, "number_of_replicas": replicas}
    if refresh_interval:
        settings["refresh_interval"] = refresh_interval
    return {"settings": settings, "mappings": page_mapping(dimensions, embedder, vector_index).to_dict()}


def page_source(prepared: PreparedDocument) -> dict:
    document = prepared.document
    return {
        "doc_id": document.id,
        "language": document.language,
        "themes": list(document.themes),
        "wijken": list(document.wijken),
        "page_type": document.page_type or None,
        "date": document.date.isoformat() if document.date else None,
        "last_date": document.last_date.isoformat() if document.last_date else None,
        **{terms_field(name): " ".join(terms) for name, terms in prepared.terms.items()},
        "suggest_words": prepared.suggest,
        "title_length": len(document.title),
        "title_sort": document.title.lower(),
        "stored": {"document": document.to_dict(), "passages": prepared.passages},
        "passages": [
            {"position": position, "vector": [float(x) for x in vector]}
            for position, vector in enumerate(prepared.vectors)
        ],
    }
