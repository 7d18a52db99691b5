"""The representation parameters of the traversal endpoints, validated once per request.

Unknown parameters are refused (400 naming them) rather than ignored: a typo such as
`?expnad=breadcrumbs` would otherwise give a plausible answer missing what was asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from cms.api.batching import Batch, parse_batch
from cms.http.problems import InvalidParam, bad_request, unknown_params

EXPANDABLE = ("breadcrumbs", "navigation", "translations", "children")
KNOWN = {"expand", "b_start", "b_size"}


@dataclass(frozen=True)
class Params:
    expand: frozenset[str]
    batch: Batch

    def as_query(self) -> dict:
        return {"expand": ",".join(sorted(self.expand))} if self.expand else {}

    def fingerprint(self) -> list:
        return [sorted(self.expand), self.batch.start, self.batch.size]


def parse_params(request, *, also_known=()) -> Params:
    unknown = set(request.GET) - KNOWN - set(also_known)
    if unknown:
        raise unknown_params(unknown)
    names = [name.strip() for name in request.GET.get("expand", "").split(",") if name.strip()]
    wrong = [name for name in names if name not in EXPANDABLE]
    if wrong:
        raise bad_request(
            InvalidParam("expand", f"unknown component(s): {', '.join(wrong)}; choose from {', '.join(EXPANDABLE)}")
        )
    return Params(expand=frozenset(names), batch=parse_batch(request))
