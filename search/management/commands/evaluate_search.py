"""`python manage.py evaluate_search`: how well does the public search answer real questions?

Runs the labelled set (search/evaluation_set/queries.json) through a backend in every mode
(keyword, vector, hybrid) and prints MRR@10, nDCG@10 and hit@3, overall and per language,
then, on the whole set and on each half (alternate questions), hit@10 of the answerable
questions and the share of the unanswerable ones that find nothing (see search/evaluation.py
for the exact rules, search/answerability.py for the decision). `--fusion rrf` or `--fusion similarity`
compares the ways hybrid mode can fuse (search/fusion.py). `--json` prints the same report with the
per-query figures, for scripts and for comparing runs. The index must hold the demo site
and the policy note; `--rebuild` rebuilds it from the pages first.
"""

import json

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from search.backends import backend_settings
from search.evaluation import EVALUATION_SET, MODES, EvaluationSetError, evaluate, format_table, load_queries
from search.management.commands.search_pages import BACKEND_CLASSES, backend_of_kind
from search.extraction import indexable_pages, iter_page_documents
from search.fusion import METHODS
from search.query import SearchMode
from search.rebuild import search_index_rebuild


class Command(BaseCommand):
    help = (
        "Evaluate the public search on the labelled query set: MRR@10, nDCG@10, hit@3 and hit@10 per mode, "
        "and the share of unanswerable questions that find nothing, on the whole set and each half."
    )

    def add_arguments(self, parser):
        parser.add_argument("--backend", default=None, help="local or elasticsearch (default: the configured one).")
        parser.add_argument("--mode", action="append", default=None, help="Only this mode (repeatable).")
        parser.add_argument("--queries", default=str(EVALUATION_SET), help="Labelled set (JSON).")
        parser.add_argument(
            "--fusion", choices=METHODS, default=None, help="How hybrid mode fuses (default: settings.SEARCH_FUSION)."
        )
        parser.add_argument("--json", action="store_true", help="Print the report as JSON, with per-query figures.")
        parser.add_argument("--rebuild", action="store_true", help="Rebuild the index from the live pages first.")

    def handle(self, *args, backend, mode, queries, fusion, json: bool, rebuild, **options):
        if backend is not None and backend not in BACKEND_CLASSES:
            raise CommandError(f"--backend must be one of {', '.join(BACKEND_CLASSES)}, not {backend!r}")
        try:
            modes = [SearchMode(choice) for choice in (mode or MODES)]
        except ValueError:
            raise CommandError(f"--mode must be one of {', '.join(SearchMode)}") from None
        try:
            labelled = load_queries(queries)
        except OSError as error:
            raise CommandError(f"--queries: cannot read {queries}: {error.strerror}") from None
        except (ValueError, EvaluationSetError) as error:
            raise CommandError(f"--queries: {error}") from None
        search_backend = backend_of_kind(backend)
        try:
            if rebuild:
                self._rebuild(search_backend)
            if search_backend.count() == 0:
                raise CommandError("the search index is empty: seed the demo, import the policy note, and use --rebuild")
            reports = evaluate(search_backend, labelled, modes, fusion=fusion)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from None
        if json:
            self.stdout.write(_dumps([report.to_dict() for report in reports], indent=2))
            return
        self.stdout.write(format_table(reports))

    def _rebuild(self, search_backend) -> None:
        """Rebuild through search.rebuild when the backend is a configured alias, else directly."""
        if search_backend.alias in backend_settings():
            report = search_index_rebuild(alias=search_backend.alias)
            documents, embedded = report.documents, report.embedded
        else:
            pages = iter_page_documents(indexable_pages())
            report = search_backend.rebuild(document for _, document in pages if document is not None)
            documents, embedded = report.indexed, report.embedded
        self.stderr.write(f"Rebuilt the {search_backend.kind} index: {documents} documents, {embedded} passages embedded")


def _dumps(value, **options) -> str:
    return json.dumps(value, ensure_ascii=False, **options)
