"""Benchmark: the print edition and the brand, as ratios and counts.

- how rendering scales with the edition: seconds per article of a 16-article edition over
  those of a 4-article one (about 1 when it grows linearly), and pages per second;
- what the tagged variants cost: accessible seconds over print seconds;
- database queries to gather an edition, per article (the sheet is read once, then laid out
  without the database);
- queries the brand costs 500 framed e-mails (remembered per process: 1 at most).

Prints name=value lines.
"""

from __future__ import annotations

import datetime
import time

from django.db import connection

from automation.messages.layout import email_html
from cms.core.models.brand import brand_forget
from cms.neighbourhoods.models import MagazineArticle, MagazineEdition
from cms.neighbourhoods.print.content import edition_sheet
from cms.neighbourhoods.print.render import edition_pdf_render
from tests.cms.conftest import add_page, home, locales, tree  # noqa: F401 - the page tree fixtures
from tests.cms.neighbourhoods.print.conftest import image, paragraph


def edition_with(tree, articles: int, number: int) -> MagazineEdition:
    edition = add_page(tree.magazine, MagazineEdition, title=f"Editie {number}", number=number,
                       date=datetime.date(2026, 5, number))
    picture = image(f"bench-{number}")
    for n in range(articles):
        add_page(edition, MagazineArticle, title=f"Artikel {number}-{n}", intro="Een korte inleiding.", body=[
            paragraph("Een alinea over de wijk, met wat er verandert en wat je moet doen. " * 12),
            {"type": "image", "value": {"image": picture.pk, "alt": "Een straat in de wijk.", "caption": "De straat."}},
            paragraph("Nog een alinea met praktische informatie en een afspraak. " * 10),
        ])
    return MagazineEdition.objects.get(pk=edition.pk)


def timed(edition, variant: str):
    started = time.perf_counter()
    result = edition_pdf_render(edition=edition, variant=variant)
    return time.perf_counter() - started, result


def count_queries(action) -> int:
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        action()
    return len(queries)


def test_print_edition_scaling_variants_and_queries(tree):
    small, large = edition_with(tree, 4, 2), edition_with(tree, 16, 3)
    timed(small, "print")  # warm fonts and WeasyPrint's caches
    small_seconds, _ = timed(small, "print")
    large_seconds, large_result = timed(large, "print")
    tagged_seconds, _ = timed(large, "accessible")
    small_queries = count_queries(lambda: edition_sheet(small))
    large_queries = count_queries(lambda: edition_sheet(large))

    brand_forget()
    frame = {"body_html": "", "body_text": "Tekst", "why": "Waarom", "preferences_url": "https://x", "language": "nl",
             "subject": "Onderwerp"}
    brand_queries = count_queries(lambda: [email_html(**frame) for _ in range(500)])

    print()
    print(f"print_seconds_4_articles={small_seconds:.2f}")
    print(f"print_seconds_16_articles={large_seconds:.2f}")
    print(f"print_per_article_ratio_16_over_4={(large_seconds / 16) / (small_seconds / 4):.2f}")
    print(f"print_pages_per_second={large_result.pages / large_seconds:.1f}")
    print(f"accessible_over_print_seconds={tagged_seconds / large_seconds:.2f}")
    print(f"gather_queries_4_articles={small_queries}")
    print(f"gather_queries_16_articles={large_queries}")
    print(f"gather_queries_per_extra_article={(large_queries - small_queries) / 12:.1f}")
    print(f"brand_queries_for_500_emails={brand_queries}")
