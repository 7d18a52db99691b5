"""The three v2 endpoints (pages, images, documents): stock Wagtail behaviour and URLs, plus
our visibility rule, `theme`/`wijk` filters, problem+json errors and HTTP validators.

Stock v2 clients keep working: same paths, same fields, same listing shape; what changes
is that errors are problem details (still 400/404, still JSON), unknown `locale` is a 400
instead of a 404, every 200 carries ETag/Last-Modified and answers 304 when asked, rich
text is display HTML (internal links as real URLs) unless `?rich_text_format=` asks for
another format, and `?renditions=` adds image sizes to every image (cms/api/v2/renditions.py).
Any `?search=` text answers 200 or a 400 naming `search` (cms/api/v2/search_text.py), and
every item keeps `id` and `meta` whatever `?fields=` says (cms/api/v2/field_selection.py);
an `?offset=` past any listing is a 400 naming it (cms/api/v2/paging.py).
"""

from __future__ import annotations

from django.db.models import Max
from django.http import Http404
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.rich_text import APIRichText
from wagtail.api.v2.filters import FieldsFilter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale

from cms.api import caching
from cms.http.problems import InvalidParam, Problem, bad_request, exception_handler, not_found, problem_response
from cms.api.v2.errors import problem_from_bad_request
from cms.api.v2.field_selection import with_kept_fields
from cms.api.v2.combined_filters import combinable
from cms.api.v2.paging import check_offset
from cms.api.v2.search_text import clean_search_param
from cms.api.v2.fields import READABILITY, SCHEMA_ORG
from cms.api.v2.media import public_media
from cms.api.v2.renditions import add_renditions, requested_specs
from cms.api.throttling import check_rate
from cms.http.urlconf import mark_api_request
from cms.api.v2.filters import FieldsFilterBesideTaxonomy, TaxonomyFilter
from cms.core.publishing import public_pages, public_q


class ProblemsAndValidatorsMixin:
    """Errors as problem+json, unknown parameters named, ETag/Last-Modified on every 200."""

    def get_exception_handler(self):
        return exception_handler

    def handle_exception(self, exc):
        if isinstance(exc, BadRequestError):
            return problem_response(problem_from_bad_request(str(exc), self.request))
        if isinstance(exc, Http404):
            return problem_response(not_found())
        if isinstance(exc, Problem):
            return problem_response(exc)
        return super().handle_exception(exc)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        check_rate(request)
        check_offset(request)
        clean_search_param(request)
        self.rendition_specs = requested_specs(request) if self.adds_renditions else []

    @classmethod
    def _get_serializer_class(cls, router, model, fields_config, show_details=False, nested=False):
        if not nested:  # the endpoint's own items; nested objects keep Wagtail's rules
            fields_config = with_kept_fields(fields_config)
        return super()._get_serializer_class(router, model, fields_config, show_details=show_details, nested=nested)

    adds_renditions = False

    def detail_view(self, request, pk):
        """Unknown parameters are refused on one item as on the listing (stock v2 ignored them on the detail)."""
        self.check_query_parameters(self.get_queryset())
        return super().detail_view(request, pk)

    def find_object(self, queryset, request):
        """`find/?id=`: a value that is not a whole number is a 400 naming `id` (Wagtail let the database
        refuse it: a 500, found by the API fuzzer, issue 12)."""
        raw = request.GET.get("id")
        if raw is not None and not (raw.isascii() and raw.isdecimal()):
            raise bad_request(InvalidParam("id", "must be a whole number"))
        return super().find_object(queryset, request)

    def check_query_parameters(self, queryset):
        allowed = set(self.get_available_fields(queryset.model, db_fields_only=True)) | self.known_query_parameters
        unknown = set(self.request.GET) - allowed
        if unknown:
            raise bad_request(
                *(InvalidParam(name, "not an operation or a filterable field") for name in sorted(unknown))
            )

    def last_modified(self, data):
        return None

    def finalize_response(self, request, response, *args, **kwargs):
        mark_api_request(request)
        if response.status_code == 200 and getattr(self, "rendition_specs", None) and hasattr(response, "data"):
            add_renditions(request, response.data, self.rendition_specs)
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code != 200 or request.method not in ("GET", "HEAD"):
            return response
        response.render()
        etag = caching.body_etag(response.content)
        last_modified = self.last_modified(response.data)
        return caching.not_modified(request, etag=etag, last_modified=last_modified) or caching.decorate(
            response, etag=etag, last_modified=last_modified
        )


class PagesViewSet(ProblemsAndValidatorsMixin, PagesAPIViewSet):
    filter_backends = [
        TaxonomyFilter,
        *combinable(FieldsFilterBesideTaxonomy if backend is FieldsFilter else backend
                    for backend in PagesAPIViewSet.filter_backends),
    ]
    known_query_parameters = PagesAPIViewSet.known_query_parameters.union(["theme", "wijk", "renditions"])
    adds_renditions = True

    def initial(self, request, *args, **kwargs):
        """Rich text as display HTML by default: a front end cannot expand `<a linktype="page"
        id="3">` itself. Wagtail's RichTextBlock reads the format from the query string (not
        from the view), so the default is written into this request's copy of it."""
        if "rich_text_format" not in request.GET:
            query = request._request.GET.copy()
            query["rich_text_format"] = APIRichText.FORMAT_HTML
            query._mutable = False
            request._request.GET = query
        super().initial(request, *args, **kwargs)
    meta_fields = [*PagesAPIViewSet.meta_fields, SCHEMA_ORG, READABILITY]
    detail_only_fields = [*PagesAPIViewSet.detail_only_fields, "schema_org", "readability"]

    def get_base_queryset(self):
        # Stock v2 builds this several times per request (listing, filters, serializer
        # context); build it once.
        if not hasattr(self, "_public_base"):
            base = super().get_base_queryset()
            if "search" in self.request.GET:
                # Search backends filter on indexed fields only (not expire_at, not path
                # prefixes): the visibility rule is applied as a list of ids, which they take.
                self._public_base = base.filter(pk__in=list(public_pages().values_list("pk", flat=True)))
            else:
                self._public_base = base.filter(public_q())
        return self._public_base.all()

    def get_queryset(self):
        """Stock querysets plus the joins a listing needs, so its cost does not grow per item."""
        queryset = super().get_queryset().select_related("locale")
        related = [name for name in ("themes", "wijken") if hasattr(queryset.model, name)]
        return queryset.prefetch_related(*related) if related else queryset

    def check_query_parameters(self, queryset):
        super().check_query_parameters(queryset)
        language = self.request.GET.get("locale")
        if language is not None and not Locale.objects.filter(language_code=language).exists():
            raise bad_request(InvalidParam("locale", f"no content language '{language}'"))

    def last_modified(self, data):
        if self.action == "detail_view":
            return self.get_object().last_published_at
        ids = [item["id"] for item in data.get("items", []) if isinstance(item, dict) and "id" in item]
        if not ids:
            return None
        return self.model.objects.filter(pk__in=ids).aggregate(latest=Max("last_published_at"))["latest"]


class ImagesViewSet(ProblemsAndValidatorsMixin, ImagesAPIViewSet):
    filter_backends = combinable(ImagesAPIViewSet.filter_backends)
    known_query_parameters = ImagesAPIViewSet.known_query_parameters.union(["renditions"])
    adds_renditions = True

    def get_queryset(self):
        """Only images a public page uses (cms/api/v2/media.py): listing and detail alike."""
        return public_media(super().get_queryset())


class DocumentsViewSet(ProblemsAndValidatorsMixin, DocumentsAPIViewSet):
    filter_backends = combinable(DocumentsAPIViewSet.filter_backends)
    def get_queryset(self):
        return public_media(super().get_queryset())
