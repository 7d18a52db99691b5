"""`python manage.py search_pages "<query>"`: ask the public search what a citizen would get.

For people (ranked lines) and for scripts and evaluations (`--json`, one array of hits;
`--queries FILE`, one array per line of the file, in order, with the embedding model
loaded once for all of them).
"""

import json
import sys
from html import unescape

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.html import strip_tags

from search.backends import backend_settings, get_backend
from search.query import MAX_PAGE_SIZE, SearchMode, SearchQuery, site_languages

BACKEND_CLASSES = {
    "local": "search.backends.local.LocalBackend",
    "elasticsearch": "search.backends.elasticsearch.ElasticsearchBackend",
}


def backend_of_kind(kind: str | None):
    """The configured backend of that kind (`local`, `elasticsearch`), else one on the default index names."""
    if kind is None:
        return get_backend("default")
    if kind not in BACKEND_CLASSES:
        raise CommandError(f"--backend must be one of {', '.join(BACKEND_CLASSES)}, not {kind!r}")
    for alias, config in backend_settings().items():
        if config.get("BACKEND") == BACKEND_CLASSES[kind]:
            return get_backend(alias)
    if kind == "local":
        from search.backends.local import LocalBackend

        return LocalBackend("local", {"INDEX": "pages"})
    if not getattr(settings, "ELASTICSEARCH_URL", ""):
        raise CommandError("--backend elasticsearch: ELASTICSEARCH_URL is not set")
    from search.backends.elasticsearch import ElasticsearchBackend

    return ElasticsearchBackend("elasticsearch", {"URL": settings.ELASTICSEARCH_URL})


def hit_json(hit) -> dict:
    return {
        "id": hit.id,
        "title": hit.title,
        "url": hit.url,
        "score": hit.score,
        "language": hit.language,
        "page_type": hit.page_type,
        "themes": list(hit.themes),
        "wijken": list(hit.wijken),
        "date": hit.date.isoformat() if hit.date else None,
        "snippet": hit.snippet,
    }


class Command(BaseCommand):
    help = "Search the public search index and print ranked results (or JSON)."

    def add_arguments(self, parser):
        parser.add_argument("query", nargs="?", default=None, help="What to search for.")
        parser.add_argument("--json", action="store_true", help="Print a JSON array of hits.")
        parser.add_argument("--limit", default="10", help=f"Results to show, 1 to {MAX_PAGE_SIZE} (default 10).")
        parser.add_argument("--backend", default=None, help="local or elasticsearch (default: the configured one).")
        parser.add_argument("--mode", default="hybrid", help="hybrid, keyword or vector (default hybrid).")
        parser.add_argument("--lang", default=None, help="Only pages in this language (nl, en, fr).")
        parser.add_argument(
            "--queries", default=None, help="File with one query per line ('-' for stdin); prints one JSON array per line."
        )

    def handle(self, *args, query, json: bool, limit, backend, mode, lang, queries, **options):
        limit = self._limit(limit)
        if mode not in {str(choice) for choice in SearchMode}:
            raise CommandError(f"--mode must be one of {', '.join(SearchMode)}, not {mode!r}")
        if lang is not None and lang not in site_languages():
            raise CommandError(f"--lang must be one of {', '.join(site_languages())}, not {lang!r}")
        if queries is None and not (query or "").strip():
            raise CommandError("give a query, or --queries FILE")
        if queries is not None and query:
            raise CommandError("give either a query or --queries FILE, not both")
        search_backend = backend_of_kind(backend)

        def run(text: str):
            if not text.strip():
                return [], None
            languages = (lang,) if lang else ()
            results = search_backend.search(SearchQuery(text, mode=mode, languages=languages, page_size=limit))
            return results.hits, results.no_answer

        if queries is not None:
            for line in self._lines(queries):
                self.stdout.write(_dumps([hit_json(hit) for hit in run(line)[0]]))
            return
        hits, no_answer = run(query)
        if json:
            self.stdout.write(_dumps([hit_json(hit) for hit in hits], indent=2))
            return
        if not hits:
            self.stdout.write("No results." + (f" {no_answer.explanation}" if no_answer else ""))
        for rank, hit in enumerate(hits, start=1):
            self.stdout.write(f"{rank:2}. {hit.score:.4f}  {hit.title}")
            self.stdout.write(f"    {hit.url}  ({hit.page_type}, {hit.language})")
            snippet = unescape(strip_tags(hit.snippet))
            if snippet:
                self.stdout.write(f"    {snippet}")

    @staticmethod
    def _limit(value) -> int:
        try:
            limit = int(value)
        except (TypeError, ValueError):
            raise CommandError(f"--limit must be a whole number, not {value!r}") from None
        if not 1 <= limit <= MAX_PAGE_SIZE:
            raise CommandError(f"--limit must be between 1 and {MAX_PAGE_SIZE}, not {limit}")
        return limit

    @staticmethod
    def _lines(path: str) -> list[str]:
        if path == "-":
            return sys.stdin.read().splitlines()
        try:
            with open(path, encoding="utf-8") as handle:
                return handle.read().splitlines()
        except OSError as error:
            raise CommandError(f"--queries: cannot read {path}: {error.strerror}") from None


def _dumps(value, **options) -> str:
    return json.dumps(value, ensure_ascii=False, **options)
