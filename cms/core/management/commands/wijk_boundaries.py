"""`manage.py wijk_boundaries FILE.geojson [--property NAME] [--dry-run] [--no-progress]`.

Loads the wijken's boundaries from a GeoJSON FeatureCollection (WGS84), so crisis alerts'
CAP messages give each wijk as polygons instead of a circle. Every feature is checked
first; a bad one is named (position and wijk) and nothing is stored.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from cms.core.wijk_boundaries import WijkBoundariesInvalid, wijk_boundaries_load


class Command(BaseCommand):
    help = "Load wijk boundaries (Polygon or MultiPolygon features, WGS84) from a GeoJSON file: all or nothing."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="A GeoJSON FeatureCollection, one feature per wijk.")
        parser.add_argument(
            "--property", dest="name_property", default=None,
            help="The feature property that names the wijk (slug or name); default: slug, naam, name or wijk.",
        )
        parser.add_argument("--dry-run", action="store_true", help="Check the file, store nothing.")
        parser.add_argument("--no-progress", action="store_true", help="No progress bar.")

    def handle(self, *args, file, name_property=None, dry_run=False, no_progress=False, **options):
        bar = tqdm(total=1, desc="Wijkgrenzen", unit="stap", file=self.stderr._out, disable=no_progress)

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.n = done
            bar.refresh()

        try:
            loaded = wijk_boundaries_load(path=file, name_property=name_property, dry_run=dry_run, progress=progress)
        except WijkBoundariesInvalid as error:
            raise CommandError(f"{error}; nothing stored") from None
        finally:
            bar.close()
        verb = "would get" if dry_run else "got"
        self.stdout.write(f"{len(loaded.stored)} wijk(en) {verb} a boundary: {', '.join(loaded.stored)}.")
        if loaded.without:
            without = ", ".join(loaded.without)
            self.stdout.write(f"{len(loaded.without)} wijk(en) without a boundary keep their circle: {without}.")
