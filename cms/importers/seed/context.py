"""What every seeding step shares: locales, the demo media, progress and a report."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from wagtail.models import Locale

from cms.importers.seed.media import DemoMedia


class NoProgress:
    """Stands in for tqdm when no progress bar is wanted (tests, --no-progress)."""

    def update(self, n=1):
        pass

    def set_description(self, description=None, refresh=True):
        pass

    def close(self):
        pass


@dataclass
class SeedContext:
    locales: dict[str, Locale]
    media: DemoMedia
    progress: object = field(default_factory=NoProgress)
    warnings: list[str] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)

    @property
    def source_locale(self) -> Locale:
        return self.locales["nl"]

    def translation_locales(self) -> list[Locale]:
        return [locale for code, locale in self.locales.items() if code != "nl"]

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def step(self, description: str) -> None:
        self.progress.set_description(description)

    def done(self, kind: str, n: int = 1) -> None:
        self.counts[kind] += n
        self.progress.update(n)
