"""A deterministic corpus of realistic Ghent pages for the search benchmark, and the queries.

Why generated from the demo content: the demo JSON (cms/importers/demo_data/) is real
Dutch (with English and French translations) about Ghent's themes and wijken, so query
terms, stems and the embedding model see the text a city site really holds. We recombine
it (paragraph subsets, a paragraph borrowed from a sibling page) into a bounded pool of
page texts, then spread 10,000 pages over that pool with their own ids, URLs, wijken,
themes, types and dates.

Why a bounded pool: the real embedding model costs ~0.3 s per passage on two cores; 10,000
fully distinct pages would take hours to embed. The index size (documents, passage
vectors, postings) is what query latency and memory depend on, and that is full size; only
the number of *distinct* passage texts is capped (`passage_budget`), counted exactly as the
vector cache keys them (title + passage, see search.preparation.embedding_text).

Everything comes from one seeded `random.Random`, so two runs index identical documents,
which is what lets the benchmark prove that re-indexing unchanged content embeds nothing.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from html import unescape
from pathlib import Path

from cms.core.taxonomy_data import THEMES, WIJKEN
from search.documents import SearchDocument
from search.preparation import document_passages, embedding_text

DEMO_DATA = Path(__file__).resolve().parents[2] / "cms" / "importers" / "demo_data"
SEED = 20261130
TAG_RE = re.compile(r"<[^>]+>")
#: Block value keys that hold no reader-visible text (links, media keys, heading levels).
NON_TEXT_KEYS = {"url", "image", "document", "level", "registration_url"}
WIJK_SLUGS = [slug for slug, _ in WIJKEN]
THEME_SLUGS = [slug for slug, _ in THEMES]


@dataclass(frozen=True)
class PageText:
    """One source page's text and what it is about, before it becomes many bench pages."""

    slug: str
    language: str
    title: str
    intro: str
    body: tuple[str, ...]
    themes: tuple[str, ...]
    wijken: tuple[str, ...]
    page_type: str
    date: date | None = None
    end_date: date | None = None


# --- reading the demo content ------------------------------------------------------------
def _text(value) -> list[str]:
    """Reader-visible strings of a block value, tags stripped, in reading order."""
    if isinstance(value, str):
        text = " ".join(unescape(TAG_RE.sub(" ", value)).split())
        return [text] if text else []
    if isinstance(value, list):
        return [part for item in value for part in _text(item)]
    if isinstance(value, dict):
        return [part for key, item in value.items() if key not in NON_TEXT_KEYS for part in _text(item)]
    return []


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?", ":", ";", "…")) else f"{text}."


def _paragraphs(blocks) -> tuple[str, ...]:
    """One paragraph per block, its parts read as sentences (as search.block_text does for pages)."""
    paragraphs = []
    for block in blocks or []:
        parts = _text(block.get("value"))
        if parts:
            paragraphs.append(" ".join(_sentence(part) for part in parts))
    return tuple(paragraphs)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    return datetime.fromisoformat(value).date() if "T" in value else date.fromisoformat(value)


def _load(name: str) -> list[dict]:
    return json.loads((DEMO_DATA / name).read_text(encoding="utf-8"))


def _with_translations(item: dict, base: PageText) -> list[PageText]:
    texts = [base]
    for language, translated in sorted((item.get("translations") or {}).items()):
        texts.append(
            replace(
                base,
                slug=f"{base.slug}-{language}",
                language=language,
                title=translated.get("title", base.title),
                intro=translated.get("intro", ""),
                body=_paragraphs(translated.get("body")),
            )
        )
    return texts


def source_texts() -> list[PageText]:
    """Every page text the demo seed would publish (live ones only), with translations."""
    texts: list[PageText] = []
    for path in sorted(DEMO_DATA.glob("theme_pages_*.json")):
        for item in _load(path.name):
            base = PageText(item["slug"], "nl", item["title"], item["intro"], _paragraphs(item["body"]),
                            tuple(item["themes"]), tuple(item["wijken"]), "themes.ThemePage")
            texts.extend(_with_translations(item, base))
    for item in _load("press_releases.json"):
        if item["status"] != "live":
            continue
        base = PageText(item["slug"], "nl", item["title"], item["intro"], _paragraphs(item["body"]),
                        tuple(item["themes"]), tuple(item["wijken"]), "pressroom.PressReleasePage", _day(item["date"]))
        texts.extend(_with_translations(item, base))
    for item in _load("projects.json"):
        phases = item.get("phases", [])
        extra = tuple(_sentence(f"{phase['title']}: {phase['description']}") for phase in phases if phase.get("description"))
        starts = [_day(phase.get("start")) for phase in phases if phase.get("start")]
        ends = [_day(phase.get("end")) for phase in phases if phase.get("end")]
        base = PageText(item["slug"], "nl", item["title"], item["intro"], _paragraphs(item["body"]) + extra,
                        tuple(item["themes"]), tuple(item["wijken"]), "projects.ProjectPage",
                        min(starts) if starts else None, max(ends) if ends else None)
        texts.extend(_with_translations(item, base))
    for item in _load("events.json"):
        start, end = _day(item["start"]), _day(item.get("end"))
        base = PageText(item["slug"], "nl", item["title"], item["intro"],
                        _paragraphs(item["body"]) + (_sentence(f"{item['location_name']}, {item['address']}"),),
                        tuple(item["themes"]), (item["wijk"],) if item.get("wijk") else (), "events.EventPage",
                        start, end if end and end > start else None)
        texts.extend(_with_translations(item, base))
    for magazine in _load("magazines.json"):
        for edition in magazine["editions"]:
            for article in edition["articles"]:
                texts.append(PageText(article["slug"], "nl", article["title"], article["intro"],
                                      _paragraphs(article["body"]), tuple(article["themes"]), tuple(article["wijken"]),
                                      "neighbourhoods.MagazineArticle", _day(edition["date"])))
    names = dict(WIJKEN)
    for item in _load("wijk_pages.json"):
        services = tuple(_sentence(f"{s['name']}, {s['address']}, {s.get('opening_hours', '')}".rstrip(", "))
                         for s in item.get("services", []))
        texts.append(PageText(f"wijk-{item['wijk']}", "nl", names[item["wijk"]], item["intro"],
                              _paragraphs(item["body"]) + services, (), (item["wijk"],), "neighbourhoods.WijkPage"))
    return texts


# --- recombining into a bounded pool ------------------------------------------------------
def embedding_keys(text: PageText) -> set[str]:
    """The texts the vector cache would key this page's passages by."""
    document = SearchDocument(id="x", language=text.language, title=text.title, url="/", intro=text.intro, body=text.body)
    return {embedding_text(document, passage) for passage in document_passages(document)}


def _variant(text: PageText, siblings: list[PageText], rng: random.Random, number: int) -> PageText:
    """Same page, other paragraphs: a subset in reading order, sometimes one borrowed from a sibling."""
    body = list(text.body)
    if len(body) > 1:
        keep = sorted(rng.sample(range(len(body)), rng.randint(1, len(body) - 1)))
        body = [body[i] for i in keep]
    if siblings and rng.random() < 0.5:
        donor = rng.choice(siblings)
        if donor.body:
            body.insert(rng.randint(0, len(body)), rng.choice(donor.body))
    return replace(text, slug=f"{text.slug}-v{number}", body=tuple(body))


def text_pool(passage_budget: int, rng: random.Random) -> tuple[list[PageText], int]:
    """Page texts whose passages number at most `passage_budget` distinct embedding texts, and that number.

    Originals first (shuffled), then variants round-robin, so a small budget still spreads
    over themes, types and languages.
    """
    sources = source_texts()
    rng.shuffle(sources)
    by_group: dict[tuple, list[PageText]] = {}
    for text in sources:
        by_group.setdefault((text.language, text.themes[:1]), []).append(text)
    pool: list[PageText] = []
    keys: set[str] = set()

    def offer(text: PageText) -> None:
        new = embedding_keys(text) - keys
        if len(keys) + len(new) <= passage_budget:
            keys.update(new)
            pool.append(text)

    for text in sources:
        offer(text)
    for number in range(1, 6):
        for text in sources:
            if len(keys) >= passage_budget:
                break
            siblings = [s for s in by_group[(text.language, text.themes[:1])] if s.slug != text.slug]
            offer(_variant(text, siblings, rng, number))
    return pool, len(keys)


# --- pages --------------------------------------------------------------------------------
@dataclass
class Corpus:
    documents: list[SearchDocument]
    distinct_passages: int  # distinct embedding texts over all documents (what a cold index embeds)
    pool_size: int  # distinct page texts


def _wijken(text: PageText, rng: random.Random) -> tuple[str, ...]:
    if text.page_type == "neighbourhoods.WijkPage" or (text.wijken and rng.random() < 0.5):
        return text.wijken
    if rng.random() < 0.4:
        return ()  # city-wide
    return tuple(sorted(rng.sample(WIJK_SLUGS, rng.randint(1, 2))))


def _themes(text: PageText, rng: random.Random) -> tuple[str, ...]:
    if rng.random() < 0.15:
        return tuple(sorted({*text.themes, rng.choice(THEME_SLUGS)}))
    return text.themes


def _dates(text: PageText, rng: random.Random) -> tuple[date | None, date | None]:
    if text.date is None:
        return None, None
    shift = timedelta(days=rng.randint(-900, 400))
    return text.date + shift, (text.end_date + shift if text.end_date else None)


def generate_corpus(pages: int = 10_000, *, passage_budget: int = 1_200, seed: int = SEED) -> Corpus:
    """`pages` documents over a pool of page texts with at most `passage_budget` distinct passages.

    Every pool text is used at least once when `pages` allows; the order is shuffled, so
    the first N documents are a fair sample for measuring smaller indexes.
    """
    rng = random.Random(seed)
    pool, _ = text_pool(passage_budget, rng)
    chosen = pool[:pages] + [rng.choice(pool) for _ in range(max(0, pages - len(pool)))]
    rng.shuffle(chosen)
    documents = []
    for number, text in enumerate(chosen):
        start, end = _dates(text, rng)
        documents.append(
            SearchDocument(
                id=f"bench-{number:05d}",
                language=text.language,
                title=text.title,
                url=f"/{text.language}/{text.slug}-{number}/",
                intro=text.intro,
                body=text.body,
                themes=_themes(text, rng),
                wijken=_wijken(text, rng),
                page_type=text.page_type,
                date=start,
                end_date=end,
            )
        )
    distinct = set()
    for text in set(chosen):
        distinct |= embedding_keys(text)
    return Corpus(documents, len(distinct), len(set(chosen)))


# --- queries ------------------------------------------------------------------------------
#: What citizens type, as they type it (lower case, questions, a typo or two), with the
#: filters a front end adds when they click a facet.
QUERIES: list[tuple[str, dict]] = [
    ("wanneer wordt mijn afval opgehaald", {}),
    ("grofvuil laten ophalen", {"themes": ["afval"]}),
    ("recyclagepark openingsuren", {}),
    ("ophaalkalender gft", {"languages": ["nl"]}),
    ("bewonerskaart parkeren aanvragen", {}),
    ("lage emissiezone boete", {"themes": ["mobiliteit"]}),
    ("fietsenstalling station", {}),
    ("deelfiets huren", {"wijken": ["binnenstad"]}),
    ("identiteitskaart verloren", {}),
    ("rijbewijs aanvragen afspraak", {"themes": ["burgerzaken"]}),
    ("verhuizen adreswijziging doorgeven", {}),
    ("huwelijk aangeven stadhuis", {"languages": ["nl"]}),
    ("geboorte aangifte", {}),
    ("premie voor isolatie dak", {"themes": ["wonen", "klimaat"]}),
    ("huurwoning zoeken sociale woning", {}),
    ("renovatie advies energiecentrale", {}),
    ("zonnepanelen subsidie", {"types": ["themes.ThemePage"]}),
    ("hittegolf tips ouderen", {}),
    ("boom planten in mijn straat", {"wijken": ["ledeberg", "gentbrugge"]}),
    ("kinderopvang zoeken", {}),
    ("inschrijven school aanmelden", {"themes": ["onderwijs"]}),
    ("speelpleinwerking zomer", {}),
    ("bibliotheek openingsuren", {"wijken": ["dampoort"]}),
    ("museum gratis toegang", {"themes": ["cultuur"]}),
    ("subsidie voor een buurtfeest", {}),
    ("evenement organiseren vergunning", {"types": ["themes.ThemePage"]}),
    ("sportkamp voor kinderen", {}),
    ("zwembad tarieven", {"themes": ["sport"]}),
    ("werk zoeken hulp", {}),
    ("vacatures bij de stad", {"languages": ["nl"]}),
    ("leefloon aanvragen ocmw", {}),
    ("hulp bij thuiszorg senioren", {"themes": ["welzijn"]}),
    ("dienstencentrum in de buurt", {"wijken": ["rabot-blaisantvest"]}),
    ("eenzaamheid praten met iemand", {}),
    ("onderneming starten in gent", {"themes": ["ondernemen"]}),
    ("terras vergunning horeca", {}),
    ("markt standplaats", {}),
    ("inbraakpreventie advies", {"themes": ["veiligheid"]}),
    ("overlast melden buren lawaai", {}),
    ("gemeenschapswacht", {}),
    ("wegenwerken dampoort", {"date_from": date(2026, 1, 1)}),
    ("nieuwe brug oude dokken", {"types": ["projects.ProjectPage"]}),
    ("bewonersvergadering", {"types": ["events.EventPage"], "date_from": date(2026, 6, 1), "date_to": date(2027, 6, 30)}),
    ("persbericht stadsbestuur", {"types": ["pressroom.PressReleasePage"]}),
    ("afvalophalng veranderd", {}),  # typo
    ("parkeeer zone bezoekers", {}),  # typo
    ("wijkkrant brugse poort", {"wijken": ["brugse-poort-rooigem"]}),
    ("how do i register my address", {"languages": ["en"]}),
    ("collecte des déchets", {"languages": ["fr"]}),
    ("waar kan ik mijn paspoort ophalen", {}),
]
