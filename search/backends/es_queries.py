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


def _variant_query(variant: str, fuzzy: bool, **named) -> Query:
    options = {"query": variant, "fields": FIELDS, "type": "most_fields", **named}
    if fuzzy:  # the edit rule of search.fuzzy, not AUTO, so both backends forgive the same typos
        options.update(fuzziness=auto_max_edits(variant), prefix_length=PREFIX_LENGTH, max_expansions=MAX_EXPANSIONS)
    return Q("multi_match", **options)


def group_name(position: int, *, exact: bool = False) -> str:
    """The `_name` of a query word's clause, so a hit says which words it matched (matched_queries);
    `exact`: the key of its stems-only count in the word aggregation."""
    return f"{'e' if exact else 'g'}{position}"


def group_queries(plan: RetrievalPlan, *, named: bool = False, fuzzy: bool | None = None) -> list[Query]:
    """One clause per query word: its variants in a dis_max (a lone variant needs none);
    `fuzzy` overrides the plan's (None: the plan's)."""
    fuzzy = plan.fuzzy if fuzzy is None else fuzzy
    clauses = []
    for position, variants in enumerate(plan.groups):
        name = {"_name": group_name(position)} if named else {}
        if len(variants) == 1:
            clauses.append(_variant_query(variants[0], fuzzy, **name))
        else:
            queries = [_variant_query(variant, fuzzy) for variant in variants]
            clauses.append(Q("dis_max", queries=queries, tie_breaker=0, **name))
    return clauses


def keyword_query(plan: RetrievalPlan) -> Query | None:
    """Any query word matches; each clause is named so coverage can be computed (search.coordination)."""
    if not plan.uses_keyword:
        return None
    return Q("bool", should=group_queries(plan, named=True), minimum_should_match=1)


def word_frequency_filters(plan: RetrievalPlan) -> dict[str, Query]:
    """The filters of an aggregation counting the pages each query word matches (as the
    keyword side matches it, for search.coordination) and the pages holding one of its
    stems (no fuzzy expansion, for search.answerability's evidence)."""
    counted = {group_name(position): clause for position, clause in enumerate(group_queries(plan))}
    stems = group_queries(plan, fuzzy=False)
    counted.update({group_name(position, exact=True): clause for position, clause in enumerate(stems)})
    return counted


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
