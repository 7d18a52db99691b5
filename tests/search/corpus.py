"""A small Ghent corpus for search tests: a few pages per theme, wijk, type and language.

Each page exists to make one behaviour observable (a title match, a stemmed plural, a
multi-day event, a French page with accents). Keep the texts natural: relevance tests run
the real embedding model on them.
"""

from datetime import date

from search.documents import SearchDocument

PARKING = SearchDocument(
    id="nl-bewonerskaart",
    language="nl",
    title="Bewonerskaart aanvragen",
    url="/nl/mobiliteit/bewonerskaart",
    intro="Wie in een betalende parkeerzone woont, kan een bewonerskaart aanvragen om in de eigen buurt te parkeren.",
    body=(
        "Je vraagt de kaart online aan met je eID. De kaart is gekoppeld aan de nummerplaat van je wagen.",
        "Per gezin kan je maximaal twee kaarten krijgen. De tweede kaart kost meer dan de eerste.",
    ),
    themes=("mobiliteit",),
    page_type="info",
)
PARKING_EN = SearchDocument(
    id="en-bewonerskaart",
    language="en",
    title="Applying for a residents' parking permit",
    url="/en/mobility/residents-permit",
    intro="If you live in a paid parking zone, you can apply for a residents' permit to park in your own neighbourhood.",
    body=("You apply online with your eID. The permit is linked to the number plate of your car.",),
    themes=("mobiliteit",),
    page_type="info",
)
WASTE = SearchDocument(
    id="nl-afvalophaling",
    language="nl",
    title="Afvalophaling aan huis",
    url="/nl/milieu/afvalophaling",
    intro="De ophaalkalender toont per straat op welke dag restafval, pmd, papier en karton en gft worden meegenomen.",
    body=(
        "Zet je zakken en containers buiten voor zes uur 's ochtends op de dag van de ophaling.",
        "Grof vuil breng je naar het recyclagepark of laat je tegen betaling aan huis ophalen.",
    ),
    themes=("milieu",),
    page_type="info",
)
WASTE_FR = SearchDocument(
    id="fr-dechets",
    language="fr",
    title="Collecte des déchets ménagers",
    url="/fr/environnement/collecte-dechets",
    intro="Le calendrier de collecte indique pour chaque rue le jour où les déchets résiduels et les PMC sont enlevés.",
    body=("Déposez vos sacs avant six heures du matin le jour de la collecte.",),
    themes=("milieu",),
    page_type="info",
)
CYCLE_STREETS = SearchDocument(
    id="nl-fietsstraten-gentbrugge",
    language="nl",
    title="Nieuwe fietsstraten in Gentbrugge",
    url="/nl/nieuws/fietsstraten-gentbrugge",
    intro="Vanaf maart worden drie straten in Gentbrugge een fietsstraat.",
    body=("In een fietsstraat mogen auto's de fietsers niet inhalen en is de snelheid beperkt tot dertig kilometer per uur.",),
    themes=("mobiliteit",),
    wijken=("gentbrugge",),
    page_type="news",
    date=date(2024, 3, 1),
)
PLAYGROUND = SearchDocument(
    id="nl-speelpleinwerking",
    language="nl",
    title="Speelpleinwerking in de zomer",
    url="/nl/jeugd/speelpleinwerking",
    intro="Tijdens de zomervakantie kunnen kinderen van zes tot twaalf jaar elke weekdag spelen op het speelplein.",
    body=("Animatoren begeleiden de kinderen. Inschrijven is niet nodig, je betaalt per dag.",),
    themes=("jeugd",),
    wijken=("sint-amandsberg",),
    page_type="event",
    date=date(2024, 7, 1),
    end_date=date(2024, 8, 31),
)
FESTIVAL = SearchDocument(
    id="nl-gentse-feesten",
    language="nl",
    title="Gentse Feesten 2024",
    url="/nl/evenementen/gentse-feesten-2024",
    intro="Tien dagen feest in de binnenstad met gratis concerten, straattheater en kinderanimatie.",
    body=("Tijdens de feesten is de binnenstad autovrij. Parkeer aan de rand en neem de tram of de fiets.",),
    themes=("cultuur", "mobiliteit"),
    wijken=("binnenstad",),
    page_type="event",
    date=date(2024, 7, 19),
    end_date=date(2024, 7, 28),
)
LIBRARY = SearchDocument(
    id="nl-bibliotheek-krook",
    language="nl",
    title="Bibliotheek De Krook",
    url="/nl/cultuur/de-krook",
    intro="In De Krook leen je boeken, strips, films en muziek. Je kan er ook studeren en werken.",
    body=("De bibliotheek is open van maandag tot zaterdag. Lenen is gratis met je lidkaart.",),
    themes=("cultuur",),
    wijken=("binnenstad",),
    page_type="info",
)
RENOVATION = SearchDocument(
    id="nl-renovatiepremie",
    language="nl",
    title="Renovatiepremie voor je woning",
    url="/nl/wonen/renovatiepremie",
    intro="Wie zijn woning renoveert, isoleert of een nieuw dak legt, kan een premie van de stad krijgen.",
    body=("Dien je aanvraag in binnen het jaar na de laatste factuur.",),
    themes=("wonen",),
    page_type="info",
    date=date(2023, 11, 15),
)
PARK = SearchDocument(
    id="nl-park-oude-dokken",
    language="nl",
    title="Nieuw park aan de Oude Dokken",
    url="/nl/projecten/park-oude-dokken",
    intro="Aan de Oude Dokken komt een groot park met speeltuigen, een hondenweide en veel bomen.",
    body=("De aanleg start deze zomer en duurt ongeveer een jaar.",),
    themes=("groen",),
    wijken=("muide-meulestede-afrikalaan",),
    page_type="project",
    date=date(2024, 4, 20),
)

CORPUS = (PARKING, PARKING_EN, WASTE, WASTE_FR, CYCLE_STREETS, PLAYGROUND, FESTIVAL, LIBRARY, RENOVATION, PARK)
