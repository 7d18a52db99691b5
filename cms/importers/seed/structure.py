"""The skeleton of the site: locales, the home page as site root, and the section pages.

Wagtail installs a "Welcome to your new Wagtail site!" page as the site root; the seed puts
the Ghent home page in its place (and removes the welcome page once nothing points at it).
The home and section pages are translated here, before any content, so translated content
finds translated parents rather than untranslated aliases.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, Site

from cms.core.models import HomePage
from cms.events.models import EventIndexPage
from cms.importers.seed.pages import upsert_page, upsert_translations
from cms.neighbourhoods.models import WijkIndexPage
from cms.pressroom.models import PressRoomPage
from cms.projects.models import ProjectIndexPage
from cms.themes.models import ThemeIndexPage

LOCALE_CODES = ["nl", "en", "fr"]
HOME_SLUG = "stad-gent"

HOME = {
    "title": "Stad Gent",
    "intro": "Informatie en diensten van Stad Gent voor inwoners, ondernemers en bezoekers.",
    "translations": {
        "en": {"title": "City of Ghent", "intro": "Information and services of the City of Ghent for residents, businesses and visitors."},
        "fr": {"title": "Ville de Gand", "intro": "Informations et services de la Ville de Gand pour les habitants, les entreprises et les visiteurs."},
    },
}

SECTIONS = {
    "themes": (ThemeIndexPage, {
        "slug": "themas",
        "title": "Thema's",
        "intro": "Alles wat de Stad doet, per onderwerp: van afval en mobiliteit tot wonen en welzijn.",
        "translations": {
            "en": {"title": "Topics", "intro": "Everything the City does, by topic: from waste and mobility to housing and welfare."},
            "fr": {"title": "Thèmes", "intro": "Tout ce que fait la Ville, par thème : des déchets et de la mobilité au logement et au bien-être."},
        },
    }),
    "wijken": (WijkIndexPage, {
        "slug": "wijken",
        "title": "Wijken",
        "intro": "Gent telt 25 wijken. Vind nieuws, diensten en het wijkmagazine van uw wijk.",
        "translations": {
            "en": {"title": "Neighbourhoods", "intro": "Ghent has 25 neighbourhoods. Find the news, services and magazine of yours."},
            "fr": {"title": "Quartiers", "intro": "Gand compte 25 quartiers. Trouvez les nouvelles, les services et le magazine de votre quartier."},
        },
    }),
    "press": (PressRoomPage, {
        "slug": "pers",
        "title": "Persruimte",
        "intro": "Persberichten van Stad Gent, met contactgegevens van de woordvoerders.",
        "translations": {
            "en": {"title": "Press room", "intro": "Press releases of the City of Ghent, with the spokespeople's contact details."},
            "fr": {"title": "Espace presse", "intro": "Communiqués de presse de la Ville de Gand, avec les coordonnées des porte-parole."},
        },
    }),
    "projects": (ProjectIndexPage, {
        "slug": "projecten",
        "title": "Projecten",
        "intro": "Grote en kleine projecten in de stad: wat er verandert, wanneer, en waar u mee kunt denken.",
        "translations": {
            "en": {"title": "Projects", "intro": "Projects large and small: what changes, when, and where you can have your say."},
            "fr": {"title": "Projets", "intro": "Grands et petits projets : ce qui change, quand, et où vous pouvez donner votre avis."},
        },
    }),
    "events": (EventIndexPage, {
        "slug": "activiteiten",
        "title": "Activiteiten",
        "intro": "Infoavonden, buurtfeesten en activiteiten van de Stad.",
        "translations": {
            "en": {"title": "Events", "intro": "Information evenings, neighbourhood parties and City events."},
            "fr": {"title": "Activités", "intro": "Soirées d'information, fêtes de quartier et activités de la Ville."},
        },
    }),
}


def _title_and_intro(data: dict) -> dict:
    return {"title": data["title"], "intro": data.get("intro", "")}


def ensure_locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LOCALE_CODES}


def demo_address() -> tuple[str, int]:
    """Host and port the demo serves on: those of WAGTAILADMIN_BASE_URL (http://localhost:8000
    under `make demo`). The Site is the source of every absolute URL the API gives (v2
    `detail_url` and `html_url`, schema.org `url`, feeds, sitemap): without the port each
    of them would point at http://localhost/, where nothing answers."""
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    return address.hostname or "localhost", address.port or (443 if address.scheme == "https" else 80)


def _point_site_at(home: HomePage) -> None:
    hostname, port = demo_address()
    wanted = {"root_page": home, "site_name": "Stad Gent", "hostname": hostname, "port": port}
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(is_default_site=True, **wanted)
    elif any(getattr(site, name) != value for name, value in wanted.items()):
        for name, value in wanted.items():
            setattr(site, name, value)
        site.save()


def _remove_wagtail_welcome_page() -> None:
    plain_page = ContentType.objects.get_for_model(Page)
    for welcome in Page.objects.filter(depth=2, content_type=plain_page, slug="home", numchild=0):
        if not Site.objects.filter(root_page=welcome).exists():
            welcome.delete()


def _tree_root(ctx) -> Page:
    """Wagtail's root node, made again when a database was emptied after its migrations (a flushed test database)."""
    return Page.add_root(instance=Page(title="Root", slug="root", locale=ctx.locales["nl"]))


def seed_structure(ctx, data) -> dict[str, Page]:
    """Home and sections in Dutch, English and French; returns the Dutch ones by key."""
    ctx.step("Startpagina en rubrieken")
    root = Page.get_first_root_node() or _tree_root(ctx)
    home = upsert_page(ctx, root, HomePage, slug=HOME_SLUG, fields=_title_and_intro(HOME), where="startpagina")
    _point_site_at(home)
    _remove_wagtail_welcome_page()
    upsert_translations(ctx, home, HOME["translations"], fields_for=_title_and_intro)
    sections = {"home": home}
    for key, (model, section) in SECTIONS.items():
        page = upsert_page(ctx, home, model, slug=section["slug"], fields=_title_and_intro(section))
        upsert_translations(ctx, page, section["translations"], fields_for=_title_and_intro)
        sections[key] = page
    return sections
