"""The canonical themes and the 25 official Ghent neighbourhoods (wijken).

One list used by migrations' data seeding, `seed_demo`, the importers and tests, so a slug
means the same thing everywhere. Wijk names are the city's own spelling (Gent in Cijfers).
"""

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
