"""The snippet under each result: the best passage, cut to ~30 words, query words marked.

Computed in Python from the stored passages for both backends. Elasticsearch's own
highlighter would mark our pre-stemmed index text ("bewonerskaart parker"), not the words
a citizen wrote; here we stem each passage word the way the index did and mark the
original word when its stem matches a query term (or is a forgiven typo of one).
"""

from __future__ import annotations

import re
from html import escape

from .fuzzy import auto_max_edits, osa_distance
from .text import is_stopword, stem

SNIPPET_WORDS = 30
LEAD_WORDS = 8
TOKEN_RE = re.compile(r"\S+")
WORD_IN_TOKEN_RE = re.compile(r"[^\W_]+", re.UNICODE)


class TermMatcher:
    """Decides whether a passage word matches any query term variant."""

    def __init__(self, groups, fuzzy: bool):
        self.groups = [
            [(variant, auto_max_edits(variant) if fuzzy else 0) for variant in group] for group in groups
        ]
        self._memo: dict[tuple[str, str], int | None] = {}

    def group_of(self, word: str, language: str) -> int | None:
        key = (word.lower(), language)
        if key not in self._memo:
            self._memo[key] = self._group_of(*key)
        return self._memo[key]

    def _group_of(self, word: str, language: str) -> int | None:
        if not self.groups or is_stopword(word, language):
            return None
        term = stem(word, language)
        for index, variants in enumerate(self.groups):
            for variant, edits in variants:
                if term == variant or (edits and osa_distance(variant, term, edits) <= edits):
                    return index
        return None


def _mark_token(token: str, matcher: TermMatcher, language: str, groups: set[int]) -> tuple[str, set[int]]:
    """One whitespace-separated token as HTML, its matching words (not its punctuation) marked."""
    html, cursor, hit = [], 0, set()
    for match in WORD_IN_TOKEN_RE.finditer(token):
        group = matcher.group_of(match.group(), language)
        html.append(escape(token[cursor : match.start()]))
        if group is None:
            html.append(escape(match.group()))
        else:
            groups.add(group)
            hit.add(group)
            html.append(f"<mark>{escape(match.group())}</mark>")
        cursor = match.end()
    html.append(escape(token[cursor:]))
    return "".join(html), hit


def _marked_tokens(passage: str, matcher: TermMatcher, language: str) -> tuple[list[tuple[str, set[int]]], set[int]]:
    groups: set[int] = set()
    tokens = [_mark_token(token, matcher, language, groups) for token in TOKEN_RE.findall(passage)]
    return tokens, groups


def _best_window(tokens: list[tuple[str, set[int]]]) -> int:
    """Start of the SNIPPET_WORDS window holding the most distinct query words (a little before them)."""
    hits = [i for i, (_, groups) in enumerate(tokens) if groups]
    if not hits:
        return 0
    best_start, best_count = 0, -1
    for hit in hits:
        start = max(0, min(hit - LEAD_WORDS, len(tokens) - SNIPPET_WORDS))
        covered = set().union(*(groups for _, groups in tokens[hit : start + SNIPPET_WORDS]))
        if len(covered) > best_count:
            best_start, best_count = start, len(covered)
    return best_start


def build_snippet(passages: list[str], language: str, matcher: TermMatcher, preferred: int | None = None) -> str:
    """HTML: the passage matching most query words (else `preferred`, else the first), marks in <mark>."""
    if not passages:
        return ""
    analysed = [_marked_tokens(passage, matcher, language) for passage in passages]
    default = preferred if preferred is not None and 0 <= preferred < len(passages) else 0
    best = max(range(len(passages)), key=lambda i: (len(analysed[i][1]), i == default, -i))
    tokens = analysed[best][0]
    start = _best_window(tokens)
    window = tokens[start : start + SNIPPET_WORDS]
    text = " ".join(html for html, _ in window)
    return ("… " if start else "") + text + (" …" if start + SNIPPET_WORDS < len(tokens) else "")
