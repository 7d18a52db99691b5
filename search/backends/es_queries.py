"""Elasticsearch queries for search.retrieval's definitions, built with elasticsearch.dsl.

Keyword side: per query word a `dis_max` over its stem variants, each a `most_fields`
multi_match over the analysed title (x3), intro (x1.5) and body, with the same fuzziness
the local backend applies (search.fuzzy). Candidates C(S) = filters AND (keyword match OR
one of the kNN neighbours found under the same filters); the neighbours enter as an `ids`
clause with boost 0 so they never change keyword scores.
"""

from __future__ import annotations

from elasticsearch.dsl import Q
from elasticsearch.dsl.query import Query

from ..fuzzy import MAX_EXPANSIONS, PREFIX_LENGTH, auto_max_edits
from ..preparation import KEYWORD_FIELDS
from ..retrieval import RetrievalPlan
from .es_mapping import FACET_FIELDS, terms_field

FIELDS = [f"{terms_field(name)}^{boost}" for name, boost in KEYWORD_FIELDS.items()]


def _variant_query(variant: str, fuzzy: bool) -> Query:
    options = {"query": variant, "fields": FIELDS, "type": "most_fields"}
    if fuzzy:  # the edit rule of search.fuzzy, not AUTO, so both backends forgive the same typos
        options.update(fuzziness=auto_max_edits(variant), prefix_length=PREFIX_LENGTH, max_expansions=MAX_EXPANSIONS)
    return Q("multi_match", **options)


def keyword_query(plan: RetrievalPlan) -> Query | None:
    if not plan.uses_keyword:
        return None
    clauses = []
    for variants in plan.groups:
        queries = [_variant_query(variant, plan.fuzzy) for variant in variants]
        clauses.append(queries[0] if len(queries) == 1 else Q("dis_max", queries=queries, tie_breaker=0))
    return Q("bool", should=clauses, minimum_should_match=1)


def date_filters(plan: RetrievalPlan) -> list[Query]:
    """Pages whose [date, end date] overlaps the asked range; pages without a date drop out."""
    filters = []
    if plan.date_to is not None:
        filters.append(Q("range", date={"lte": plan.date_to.isoformat()}))
    if plan.date_from is not None:
        filters.append(Q("range", last_date={"gte": plan.date_from.isoformat()}))
    return filters


def selection_filters(selections: dict[str, tuple[str, ...]]) -> list[Query]:
    """OR within a facet (terms), AND across facets; an unknown value matches nothing."""
    return [Q("terms", **{FACET_FIELDS[facet]: list(values)}) for facet, values in selections.items()]


def candidates(plan: RetrievalPlan, variant: str | None, keyword: Query | None, neighbours: list[str]) -> Query:
    """C(S without `variant`'s selection), as defined in search.retrieval."""
    should = []
    if keyword is not None:
        should.append(keyword)
    if neighbours:
        should.append(Q("constant_score", filter=Q("ids", values=neighbours), boost=0))
    if not should:
        return Q("match_none")
    filters = date_filters(plan) + selection_filters(plan.selections_without(variant))
    return Q("bool", filter=filters, should=should, minimum_should_match=1)


def knn_filter(plan: RetrievalPlan, variant: str | None) -> list[dict]:
    return [query.to_dict() for query in date_filters(plan) + selection_filters(plan.selections_without(variant))]
