"""`python manage.py rebuild_search_index`: rebuild the public search index from the live pages.

Search keeps answering from the old index until the new one is swapped in. The work is in
search/rebuild.py; this command shows progress on stderr and prints what it embedded.
"""

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from search.backends import backend_settings
from search.rebuild import search_index_rebuild


class Command(BaseCommand):
    help = "Rebuild the public search index from every live public page, then swap it in."

    def add_arguments(self, parser):
        parser.add_argument("--backend", default="default", help="Alias in SEARCH_BACKENDS (default: default).")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, backend, no_progress, **options):
        if backend not in backend_settings():
            raise CommandError(f"--backend: SEARCH_BACKENDS has no alias {backend!r}")
        progress = tqdm(total=0, unit="page", file=self.stderr._out, disable=no_progress, dynamic_ncols=True)
        try:
            report = search_index_rebuild(alias=backend, progress=progress)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from None
        finally:
            progress.close()
        self.stdout.write(
            f"Search index {backend!r} rebuilt: {report.documents} documents from {report.pages} pages, "
            f"{report.passages} passages ({report.embedded} embedded, {report.cached} from cache) "
            f"in {report.seconds:.1f} s"
        )
        caught_up = report.caught_up
        if caught_up.indexed or caught_up.removed or caught_up.failed:
            self.stdout.write(
                f"Pages changed during the rebuild: {caught_up.indexed} indexed, {caught_up.removed} removed, "
                f"{caught_up.failed} left pending"
            )
