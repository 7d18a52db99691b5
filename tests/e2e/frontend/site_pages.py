"""The citizen site's pages every whole-site check walks: each page type, the forms and the error page.

Used by the reflow test (no sideways scrolling at 320 px) and the HTML validity test (the W3C
Nu checker). Paths from cms/importers/demo_data; the long wijk carries the longest real values.
"""

LONG_WIJK = "elisabethbegijnhof-prinsenhof-papegaai-sint-michiels"

SITE_PAGES = [
    "/nl",
    "/nl/themas",
    "/nl/themas/grof-huisvuil-laten-ophalen",
    "/nl/wijken",
    f"/nl/wijken/{LONG_WIJK}",
    "/nl/wijken/brugse-poort-rooigem/brugse-poort-nieuws",
    "/nl/wijken/brugse-poort-rooigem/brugse-poort-nieuws/editie-41",
    "/nl/wijken/brugse-poort-rooigem/brugse-poort-nieuws/editie-41/bp-groene-vallei-bomen",
    "/nl/pers",
    f"/nl/pers?wijk={LONG_WIJK}",
    "/nl/pers/nieuw-park-handelsdok-opent",
    "/nl/projecten",
    "/nl/projecten/oude-dokken",
    "/nl/activiteiten",
    "/nl/activiteiten/infoavond-renovatiepremie",
    "/fr/pers/hitteplan-2026",
    "/nl/zoeken",
    "/nl/zoeken?q=grofvuil",
    "/nl/inschrijven",
    "/nl/algoritmes",
    "/nl/voorkeuren?token=bestaat-niet",
    "/fr/bestaat-niet",
]
