"""The canonical themes and the 25 official Ghent neighbourhoods (wijken).

One list used by migrations' data seeding, `seed_demo`, the importers and tests, so a slug
means the same thing everywhere. Wijk names are the city's own spelling (Gent in Cijfers).
"""

import uuid

THEMES: list[tuple[str, str]] = [
    ("afval", "Afval"),
    ("mobiliteit", "Mobiliteit"),
    ("wonen", "Wonen"),
    ("klimaat", "Klimaat en milieu"),
    ("cultuur", "Cultuur"),
    ("onderwijs", "Onderwijs"),
    ("werk", "Werk"),
    ("welzijn", "Welzijn en zorg"),
    ("veiligheid", "Veiligheid"),
    ("ondernemen", "Ondernemen"),
    ("burgerzaken", "Burgerzaken"),
    ("sport", "Sport en vrije tijd"),
    ("communicatie", "Communicatie"),  # the city's communication policy (the policy note import)
]

WIJKEN: list[tuple[str, str]] = [
    ("binnenstad", "Binnenstad"),
    ("bloemekenswijk", "Bloemekenswijk"),
    ("brugse-poort-rooigem", "Brugse Poort - Rooigem"),
    ("dampoort", "Dampoort"),
    ("drongen", "Drongen"),
    ("elisabethbegijnhof-prinsenhof-papegaai-sint-michiels", "Elisabethbegijnhof - Prinsenhof - Papegaai - Sint-Michiels"),
    ("gentbrugge", "Gentbrugge"),
    ("kanaaldorpen-en-zone", "Kanaaldorpen en -zone"),
    ("ledeberg", "Ledeberg"),
    ("macharius-heirnis", "Macharius - Heirnis"),
    ("mariakerke", "Mariakerke"),
    ("moscou-vogelhoek", "Moscou - Vogelhoek"),
    ("muide-meulestede-afrikalaan", "Muide - Meulestede - Afrikalaan"),
    ("nieuw-gent-uz", "Nieuw Gent - UZ"),
    ("oostakker", "Oostakker"),
    ("oud-gentbrugge", "Oud Gentbrugge"),
    ("rabot-blaisantvest", "Rabot - Blaisantvest"),
    ("sint-amandsberg", "Sint-Amandsberg"),
    ("sint-denijs-westrem-afsnee", "Sint-Denijs-Westrem - Afsnee"),
    ("sluizeken-tolhuis-ham", "Sluizeken - Tolhuis - Ham"),
    ("stationsbuurt-noord", "Stationsbuurt-Noord"),
    ("stationsbuurt-zuid", "Stationsbuurt-Zuid"),
    ("watersportbaan-ekkergem", "Watersportbaan - Ekkergem"),
    ("wondelgem", "Wondelgem"),
    ("zwijnaarde", "Zwijnaarde"),
]

# Theme names in the translated locales, so the demo's English and French pages show their
# themes in their own language (the slug stays the Dutch one everywhere).
THEME_TRANSLATIONS: dict[str, dict[str, str]] = {
    "afval": {"en": "Waste", "fr": "Déchets"},
    "mobiliteit": {"en": "Mobility", "fr": "Mobilité"},
    "wonen": {"en": "Housing", "fr": "Logement"},
    "klimaat": {"en": "Climate and environment", "fr": "Climat et environnement"},
    "cultuur": {"en": "Culture", "fr": "Culture"},
    "onderwijs": {"en": "Education", "fr": "Enseignement"},
    "werk": {"en": "Work", "fr": "Emploi"},
    "welzijn": {"en": "Welfare and care", "fr": "Bien-être et soins"},
    "veiligheid": {"en": "Safety", "fr": "Sécurité"},
    "ondernemen": {"en": "Business", "fr": "Entreprendre"},
    "burgerzaken": {"en": "Civil affairs", "fr": "Affaires civiles"},
    "sport": {"en": "Sport and leisure", "fr": "Sport et loisirs"},
    "communicatie": {"en": "Communication", "fr": "Communication"},
}

# The main postcode of each wijk (several wijken straddle two postcodes; this is the one
# most of its addresses carry), used to suggest a wijk from an address.
WIJK_POSTCODES: dict[str, str] = {
    "binnenstad": "9000",
    "bloemekenswijk": "9000",
    "brugse-poort-rooigem": "9000",
    "dampoort": "9000",
    "drongen": "9031",
    "elisabethbegijnhof-prinsenhof-papegaai-sint-michiels": "9000",
    "gentbrugge": "9050",
    "kanaaldorpen-en-zone": "9042",
    "ledeberg": "9050",
    "macharius-heirnis": "9000",
    "mariakerke": "9030",
    "moscou-vogelhoek": "9050",
    "muide-meulestede-afrikalaan": "9000",
    "nieuw-gent-uz": "9000",
    "oostakker": "9041",
    "oud-gentbrugge": "9050",
    "rabot-blaisantvest": "9000",
    "sint-amandsberg": "9040",
    "sint-denijs-westrem-afsnee": "9051",
    "sluizeken-tolhuis-ham": "9000",
    "stationsbuurt-noord": "9000",
    "stationsbuurt-zuid": "9000",
    "watersportbaan-ekkergem": "9000",
    "wondelgem": "9032",
    "zwijnaarde": "9052",
}

# Themes get a translation key derived from their slug, so a theme is the same translatable
# object on every install (the migration and the demo seed both use this).
THEME_KEY_NAMESPACE = uuid.UUID("5d0c3f0e-8f7a-4c1b-9a51-0c6b2f1e9a10")


def theme_translation_key(slug: str) -> uuid.UUID:
    return uuid.uuid5(THEME_KEY_NAMESPACE, slug)

# A centre (latitude, longitude in WGS84) and a radius in km per wijk: the circle a crisis
# alert's CAP message gives when no boundary is loaded (`manage.py wijk_boundaries`). Read
# off the map of the city's wijken (Gent in Cijfers); the radius is chosen to cover the wijk,
# so a circle errs on the side of warning a few streets too many, never too few.
WIJK_CENTRES: dict[str, tuple[float, float, float]] = {
    "binnenstad": (51.0543, 3.7233, 1.3),
    "bloemekenswijk": (51.0690, 3.7040, 0.9),
    "brugse-poort-rooigem": (51.0560, 3.6970, 1.2),
    "dampoort": (51.0590, 3.7440, 0.8),
    "drongen": (51.0440, 3.6280, 3.5),
    "elisabethbegijnhof-prinsenhof-papegaai-sint-michiels": (51.0530, 3.7110, 0.8),
    "gentbrugge": (51.0380, 3.7630, 1.6),
    "kanaaldorpen-en-zone": (51.1320, 3.7500, 5.0),
    "ledeberg": (51.0380, 3.7430, 0.7),
    "macharius-heirnis": (51.0480, 3.7440, 0.7),
    "mariakerke": (51.0750, 3.6730, 1.8),
    "moscou-vogelhoek": (51.0300, 3.7540, 1.0),
    "muide-meulestede-afrikalaan": (51.0770, 3.7300, 1.4),
    "nieuw-gent-uz": (51.0250, 3.7290, 1.0),
    "oostakker": (51.0960, 3.7760, 2.8),
    "oud-gentbrugge": (51.0470, 3.7610, 0.9),
    "rabot-blaisantvest": (51.0650, 3.7150, 0.8),
    "sint-amandsberg": (51.0660, 3.7560, 1.6),
    "sint-denijs-westrem-afsnee": (51.0210, 3.6690, 2.5),
    "sluizeken-tolhuis-ham": (51.0630, 3.7270, 0.7),
    "stationsbuurt-noord": (51.0410, 3.7150, 0.7),
    "stationsbuurt-zuid": (51.0300, 3.7080, 0.9),
    "watersportbaan-ekkergem": (51.0450, 3.6950, 1.1),
    "wondelgem": (51.0860, 3.7150, 2.2),
    "zwijnaarde": (51.0030, 3.7160, 2.2),
}


def wijk_centre_fields(slug: str) -> dict:
    """`centre_lat`, `centre_lon` and `radius_km` for a new Wijk row (empty for a wijk not listed)."""
    if slug not in WIJK_CENTRES:
        return {}
    lat, lon, radius = WIJK_CENTRES[slug]
    return {"centre_lat": str(lat), "centre_lon": str(lon), "radius_km": str(radius)}
