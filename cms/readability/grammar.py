"""Two habits of official writing, found in a sentence's words: the passive and nouns made of verbs.

No parser runs here (there is no Dutch model on PyPI that works offline and small): the
patterns are the ones the Flemish government's plain-language guidance ("Klare taal",
Taaltelefoon) teaches editors to spot, and they are written for precision, so an editor is
not told to fix a sentence that is fine.

**Passive** (lijdende vorm). Dutch: a form of "worden" with a past participle within the
same clause, before or after it ("uw aanvraag wordt binnen dertig dagen behandeld", "dat
uw afval opgehaald wordt", "dient te worden ingediend"). A form of "zijn" with a
participle counts only when an agent follows with "door" ("is door het college
goedgekeurd"): "het loket is gesloten" describes a state and reads fine. English: be + a
participle; French: être + a participle, the same way.

**Nominalisation** (naamwoordstijl). A noun made from a verb or adjective (-ing, -heid,
-atie, -name, -iteit ...) used abstractly: followed by "van", "door", "tot" or "inzake"
("de toekenning van de premie" for "u krijgt de premie"), or after "ter", "ten",
"middels", "inzake". Everyday nouns with the same endings ("woning", "informatie",
"vergadering") are left alone.
"""

from __future__ import annotations

SEPARABLE = (
    "aan", "af", "bij", "binnen", "buiten", "door", "in", "mee", "na", "om", "onder", "op", "over", "samen",
    "tegen", "terug", "toe", "tot", "uit", "vast", "voor", "vrij", "weg", "goed", "kwijt", "stop", "teweeg",
    "plaats", "neer", "rond", "voort", "achter", "bekend", "vol", "open", "dicht", "ter",
)  # fmt: skip
INSEPARABLE = ("be", "ver", "ont", "her", "er", "mis")
# Nouns and other words shaped like a participle.
NOT_PARTICIPLES = {
    "gebied", "gebit", "gedicht", "gevecht", "gewicht", "geluid", "gerecht", "gezicht", "gebed", "geld", "gemoed",
    "gelaat", "gezond", "geleden", "genoeg", "gemeenten", "gewesten", "gebieden", "gebouwen", "gezinnen",
    "gevolgen", "gedachten", "gewoonten", "gedeelten", "genoegen", "gebruiken", "geloven", "genieten", "gebeuren",
    "geven", "gelden", "geraken", "genezen", "gewennen", "gehoorzamen", "beleid", "bericht", "bestand", "verband",
    "verstand", "verzet", "bereid", "betreft", "verbindt", "bezit", "bent", "beroepen", "verleden", "verzoeken",
    "besluit", "bedrijfsleven", "beroepsleven", "eerst", "erg", "ergens", "verdient", "verwacht", "bestaat",
    "verstaat", "ontstaat", "beantwoordt", "herinnert", "verandert", "verhuist", "betaalt", "bepaalt",
}  # fmt: skip
# Past participles of strong verbs with an inseparable prefix end in -en, like infinitives.
STRONG_INSEPARABLE = {
    "ontvangen", "verkregen", "vervangen", "bevonden", "verzonden", "verboden", "besproken", "beschreven",
    "vergeten", "bevolen", "ontnomen", "verworven", "verschenen", "verbonden", "bezworen", "verleden",
    "bedragen", "beslagen", "verstrekken", "ontheven", "verheven", "ontslagen", "onderworpen", "ondernomen",
    "overwogen", "ontbonden", "besloten", "verweten", "bevroren", "vertrokken", "bekeken", "vergeven",
    "verworpen", "ontworpen", "bewogen", "verdreven", "verschoven", "ontsloten", "betreden", "bedreven",
    "verstoten", "beschoten", "verbonden", "ontbonden", "bevochten", "verstreken", "verschenen", "bevallen",
}  # fmt: skip
# Intransitive verbs whose participle goes with "zijn" in the perfect, not the passive.
PERFECT_WITH_ZIJN = {
    "gegaan", "gekomen", "gebleven", "geweest", "geworden", "gestorven", "gevallen", "geboren", "gebeurd",
    "gelukt", "gestart", "begonnen", "verdwenen", "veranderd", "gestegen", "gedaald", "gegroeid", "vertrokken",
    "aangekomen", "overleden", "verhuisd", "ontstaan", "verschenen", "teruggekomen", "opgestaan",
}  # fmt: skip
WORDEN = {"word", "wordt", "worden", "werd", "werden", "geworden"}
ZIJN = {"is", "zijn", "was", "waren", "ben", "bent", "geweest"}
WINDOW_AFTER, WINDOW_BEFORE = 14, 4  # Dutch puts the participle at the end of the clause

NOMINAL_SUFFIXES = ("ing", "heid", "atie", "itie", "isatie", "name", "iteit", "tie", "sie", "nis", "ering")
NOMINAL_AFTER = {"van", "door", "tot", "inzake", "omtrent", "aangaande"}
NOMINAL_BEFORE = {"ter", "ten", "middels", "inzake", "omtrent", "aangaande"}
EVERYDAY_NOUNS = {
    "woning", "rekening", "leerling", "opleiding", "vergadering", "verzekering", "vereniging", "uitnodiging",
    "omgeving", "ervaring", "oefening", "tekening", "verwarming", "verlichting", "regering", "richting",
    "lening", "afdeling", "vergunning", "kring", "koning", "ring", "beslissing", "wijziging", "opening",
    "informatie", "politie", "vakantie", "actie", "situatie", "organisatie", "positie", "locatie", "optie",
    "functie", "editie", "traditie", "relatie", "redactie", "stie", "operatie", "televisie", "versie",
    "gezondheid", "veiligheid", "overheid", "gelegenheid", "vrijheid", "meerderheid", "minderheid", "eenheid",
    "waarheid", "gewoonte", "kennis", "gebeurtenis", "geheim", "begrafenis", "gevangenis", "getuigenis",
    "deelname", "mening", "bijeenkomst", "voorstelling", "tentoonstelling", "wandeling", "verbouwing",
    "aflevering", "uitzending", "parking", "training", "meeting", "planning", "camping", "ophaling",
    "begeleiding", "verpleging", "opvang", "zitting", "stemming", "verkiezing", "bevolking", "buurt",
    "inwoning", "ontmoeting", "herinnering", "verjaardag", "jeugd", "stilte", "lening", "dienstverlening",
}  # fmt: skip

PASSIVE_EN = {"is", "are", "was", "were", "be", "been", "being"}
PASSIVE_FR = {"est", "sont", "était", "étaient", "été", "être", "sera", "seront", "serait", "fut"}
FR_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées", "is", "ise", "ises", "it", "ite", "ites", "u", "ue", "us", "ues")
FR_NOT_PARTICIPLES = {"plus", "tous", "nous", "vous", "dessus", "déjà", "été", "bientôt", "si", "ici", "aussi"}


def _strip_separable(word: str) -> str:
    for prefix in SEPARABLE:
        if word.startswith(prefix + "ge") and len(word) > len(prefix) + 4:
            return word[len(prefix):]
    return word


def is_dutch_participle(word: str) -> bool:
    """A past participle: (separable prefix) ge...d/t/en, or be-/ver-/ont-/her-/er-...d/t."""
    word = word.lower()
    if len(word) < 5 or word in NOT_PARTICIPLES or word.endswith(("heid", "schap", "heden")):
        return False
    if word in STRONG_INSEPARABLE:
        return True
    core = _strip_separable(word)
    if core.startswith("ge") and len(core) >= 5:
        return core.endswith(("d", "t")) or (core.endswith("en") and len(core) >= 7)
    return core.startswith(INSEPARABLE) and len(core) >= 6 and core.endswith(("d", "t"))


def passive_at(words: list[str], language: str) -> tuple[int, int] | None:
    """(auxiliary index, participle index) of the sentence's first passive, or None."""
    lowered = [word.lower() for word in words]
    if language == "nl":
        for index, word in enumerate(lowered):
            if word in WORDEN:
                found = _participle_near(lowered, index, is_dutch_participle)
                if found is not None:
                    return index, found
            elif word in ZIJN and "door" in lowered[index + 1:]:
                found = _participle_near(lowered, index, is_dutch_participle)
                if found is not None and lowered[found] not in PERFECT_WITH_ZIJN:
                    return index, found
        return None
    auxiliaries = PASSIVE_EN if language == "en" else PASSIVE_FR
    participle = _english_participle if language == "en" else _french_participle
    for index, word in enumerate(lowered):
        if word in auxiliaries:
            for offset in range(index + 1, min(len(lowered), index + 4)):
                if participle(lowered[offset]):
                    return index, offset
    return None


def _participle_near(lowered: list[str], index: int, is_participle) -> int | None:
    after = range(index + 1, min(len(lowered), index + 1 + WINDOW_AFTER))
    before = range(index - 1, max(-1, index - 1 - WINDOW_BEFORE), -1)
    for position in (*after, *before):
        if lowered[position] in (",", ";"):
            break
        if is_participle(lowered[position]):
            return position
    return None


def _english_participle(word: str) -> bool:
    irregular = {"given", "taken", "made", "sent", "paid", "done", "seen", "written", "held", "kept", "told",
                 "found", "brought", "built", "chosen", "known", "shown", "set", "put", "required", "collected"}
    return word in irregular or (len(word) > 4 and word.endswith("ed"))


def _french_participle(word: str) -> bool:
    return len(word) > 3 and word not in FR_NOT_PARTICIPLES and word.endswith(FR_PARTICIPLE_ENDINGS)


def is_nominalisation_form(word: str) -> bool:
    word = word.lower()
    return len(word) >= 7 and word.endswith(NOMINAL_SUFFIXES) and word not in EVERYDAY_NOUNS


def nominalisations(words: list[str], language: str) -> list[int]:
    """Indexes of nouns made of verbs, in abstract use (Dutch only: the pattern is Dutch)."""
    if language != "nl":
        return []
    lowered = [word.lower() for word in words]
    found = []
    for index, word in enumerate(lowered):
        if not is_nominalisation_form(word):
            continue
        following = lowered[index + 1] if index + 1 < len(lowered) else ""
        preceding = lowered[index - 1] if index else ""
        if following in NOMINAL_AFTER or preceding in NOMINAL_BEFORE:
            found.append(index)
    return found
