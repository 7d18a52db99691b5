"""Three v2 filter combinations stock Wagtail refuses, answered instead (found by the API fuzzer, issue 12).

- `?order=random` with `?offset=`: Wagtail refuses any offset (even 0), because a random
  order is not stable from one page to the next. Skipping items of a random order is still
  a random selection, so the offset is applied like any other.
- `?child_of=` with `?descendant_of=`: Wagtail refuses the pair; the answer is plain, the
  children of the one page that lie below the other (often none), so it is given.
- `?search=` with `?order=` by a field the search index does not hold (`slug`, `random`,
  ...): Wagtail asks the search backend to order, which can only order by indexed fields.
  The matches are found without order, then ordered by the database like any listing.

Both are query-string combinations OpenAPI cannot describe (a parameter's schema cannot
depend on another parameter), so a refusal would contradict the document, which lets every
parameter be combined with every other.
"""

from __future__ import annotations

from wagtail.api.v2.filters import DescendantOfFilter, OrderingFilter, SearchFilter

RANDOM = "random"


class OrderingWithOffset(OrderingFilter):
    def filter_queryset(self, request, queryset, view):
        if request.GET.get("order") == RANDOM:
            return queryset.order_by("?")
        return super().filter_queryset(request, queryset, view)


class DescendantOfBesideChildOf(DescendantOfFilter):
    def filter_queryset(self, request, queryset, view):
        parent = getattr(queryset, "_filtered_by_child_of", None)
        if parent is None or "descendant_of" not in request.GET:
            return super().filter_queryset(request, queryset, view)
        del queryset._filtered_by_child_of  # Wagtail's marker for "refuse descendant_of"
        filtered = super().filter_queryset(request, queryset, view)
        filtered._filtered_by_child_of = parent  # later filters (translation_of, locale) keep it
        return filtered


class SearchInAnyOrder(SearchFilter):
    def filter_queryset(self, request, queryset, view):
        if "search" not in request.GET or "order" not in request.GET:
            return super().filter_queryset(request, queryset, view)
        matches = super().filter_queryset(request, queryset.order_by(), view)
        return queryset.filter(pk__in=[match.pk for match in matches])  # in the order asked for


REPLACING = {OrderingFilter: OrderingWithOffset, DescendantOfFilter: DescendantOfBesideChildOf,
             SearchFilter: SearchInAnyOrder}


def combinable(backends) -> list:
    """A viewset's filter backends with the two above in place of Wagtail's."""
    return [REPLACING.get(backend, backend) for backend in backends]
