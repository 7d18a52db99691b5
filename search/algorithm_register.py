"""How search describes itself in the public algorithm register (cms.transparency).

Two entries: how results are ranked, and when search says "nothing found". Both read the
default backend's live configuration (embedder, fusion, floors, margins) without loading
the model, so the register shows what citizens' searches use right now.
"""

from __future__ import annotations

from django.conf import settings

from cms.transparency.entries import AlgorithmEntry, Setting, Text
from cms.transparency.registry import algorithm_register
from search.answerability import WORDS_FOUND_SHARE
from search.backends import get_backend
from search.fusion import KEYWORD_BONUS, RRF_K


def search_ranking_entry() -> AlgorithmEntry:
    backend = get_backend("default")
    bonus = f"{KEYWORD_BONUS:g}"
    bonus_comma = bonus.replace(".", ",")  # Dutch and French write a decimal comma
    fusion = settings.SEARCH_FUSION
    if fusion == "rrf":
        fused = Text(
            nl=f"Beide lijsten worden samengevoegd op hun plaats in de lijst (reciprocal rank fusion, k = {RRF_K}).",
            en=f"Both lists are merged by their place in each list (reciprocal rank fusion, k = {RRF_K}).",
            fr=f"Les deux listes sont fusionnées selon la place dans chaque liste (reciprocal rank fusion, k = {RRF_K}).",
        )
    else:
        fused = Text(
            nl=f"Wat het dichtst bij de betekenis ligt, komt eerst; een pagina die ook de woorden bevat, krijgt een kleine bonus ({bonus_comma}).",
            en=f"What comes closest in meaning comes first; a page that also contains the words gets a small bonus ({bonus}).",
            fr=f"Ce qui est le plus proche du sens vient en premier ; une page qui contient aussi les mots reçoit un petit bonus ({bonus_comma}).",
        )
    return AlgorithmEntry(
        key="search-ranking",
        title=Text(nl="Zoeken: de volgorde van de resultaten", en="Search: the order of results", fr="Recherche : l'ordre des résultats"),
        purpose=Text(
            nl="Bepaalt welke pagina's u ziet als u op de website zoekt, en in welke volgorde.",
            en="Decides which pages you see when you search the website, and in which order.",
            fr="Détermine les pages que vous voyez quand vous cherchez sur le site, et dans quel ordre.",
        ),
        method=Text(
            nl="Uw vraag wordt op twee manieren gezocht: op de woorden (ook met kleine tikfouten) en op de betekenis, "
            "met een taalmodel dat tekst omzet in getallen. " + fused.nl + " Filters (thema, wijk, soort, taal) kiest u zelf.",
            en="Your question is searched in two ways: by its words (also with small typing errors) and by its meaning, "
            "with a language model that turns text into numbers. " + fused.en + " You choose the filters (theme, wijk, type, language) yourself.",
            fr="Votre question est cherchée de deux façons : par ses mots (aussi avec de petites fautes de frappe) et par son sens, "
            "avec un modèle de langue qui transforme le texte en nombres. " + fused.fr + " Vous choisissez vous-même les filtres (thème, quartier, type, langue).",
        ),
        data=Text(
            nl="Alleen uw zoekvraag. Er wordt niet bijgehouden wie zoekt; de vraag wordt zonder tijdstip en zonder iets over u bewaard om de website te verbeteren.",
            en="Only your question. Nobody records who searches; the question is kept without a time of day or anything about you, to improve the website.",
            fr="Seulement votre question. Personne n'enregistre qui cherche ; la question est gardée sans heure ni rien sur vous, pour améliorer le site.",
        ),
        oversight=Text(
            nl="De webredactie ziet welke vragen niets vinden en schrijft daar pagina's voor. Beheerders kiezen het model en de manier van samenvoegen; elke keuze is eerst gemeten op een vaste set vragen.",
            en="The web editors see which questions find nothing and write pages for them. Administrators choose the model and the way of merging; each choice was first measured on a fixed set of questions.",
            fr="La rédaction web voit les questions qui ne trouvent rien et écrit des pages pour elles. Les administrateurs choisissent le modèle et la fusion ; chaque choix a d'abord été mesuré sur un jeu fixe de questions.",
        ),
        source="search/query.py, search/fusion.py, search/embeddings.py",
        settings=(
            Setting("SEARCH_EMBEDDER", backend.embedder_name, Text(
                nl="Het taalmodel dat de betekenis van tekst vergelijkt (draait op de eigen servers van de stad).",
                en="The language model that compares the meaning of texts (runs on the city's own servers).",
                fr="Le modèle de langue qui compare le sens des textes (tourne sur les serveurs de la ville).",
            )),
            Setting("SEARCH_FUSION", fusion, Text(
                nl="Hoe de lijst op woorden en de lijst op betekenis één lijst worden.",
                en="How the list by words and the list by meaning become one list.",
                fr="Comment la liste par mots et la liste par sens deviennent une seule liste.",
            )),
            Setting("SEARCH_VECTOR_MIN_SCORE", f"{backend.vector_min_score:g}", Text(
                nl="Hoe dicht een pagina in betekenis bij uw vraag moet liggen om mee te tellen (0 tot 1).",
                en="How close in meaning a page must be to your question to count (0 to 1).",
                fr="À quel point une page doit être proche du sens de votre question pour compter (0 à 1).",
            )),
        ),
    )


def search_no_answer_entry() -> AlgorithmEntry:
    backend = get_backend("default")
    margins = backend.answer_margins
    return AlgorithmEntry(
        key="search-no-answer",
        title=Text(nl="Zoeken: wanneer we 'niets gevonden' zeggen", en="Search: when we say 'nothing found'", fr="Recherche : quand nous disons « rien trouvé »"),
        purpose=Text(
            nl="Bepaalt of de website een antwoord op uw vraag heeft, of dat we eerlijk zeggen dat we niets vonden en u tips geven.",
            en="Decides whether the website has an answer to your question, or whether we honestly say we found nothing and give you tips.",
            fr="Détermine si le site a une réponse à votre question, ou si nous disons honnêtement n'avoir rien trouvé et vous donnons des conseils.",
        ),
        method=Text(
            nl=f"Komen de meeste woorden van uw vraag op de website voor (minstens {round(WORDS_FOUND_SHARE * 100)} % van hun gewicht), dan tonen we resultaten. "
            "Zo niet, dan tonen we alleen resultaten als één pagina duidelijk dichter bij de betekenis ligt dan de rest.",
            en=f"If most words of your question occur on the website (at least {round(WORDS_FOUND_SHARE * 100)} % of their weight), we show results. "
            "If not, we show results only when one page is clearly closer in meaning than the rest.",
            fr=f"Si la plupart des mots de votre question figurent sur le site (au moins {round(WORDS_FOUND_SHARE * 100)} % de leur poids), nous montrons des résultats. "
            "Sinon, seulement si une page est nettement plus proche du sens que les autres.",
        ),
        data=Text(nl="Alleen uw zoekvraag.", en="Only your question.", fr="Seulement votre question."),
        oversight=Text(
            nl="De grenzen zijn gemeten op vragen waarop de website wel en geen antwoord heeft; beheerders kunnen ze per zoekmachine aanpassen.",
            en="The limits were measured on questions the website can and cannot answer; administrators can adjust them per search engine.",
            fr="Les limites ont été mesurées sur des questions auxquelles le site peut ou non répondre ; les administrateurs peuvent les ajuster.",
        ),
        source="search/answerability.py",
        settings=(
            Setting("ANSWER_MARGINS", f"{margins.answer_margin:g}, {margins.alone_margin:g}", Text(
                nl="Hoeveel dichterbij de beste pagina moet liggen dan de rest: als sommige woorden voorkomen, en als geen enkel woord voorkomt.",
                en="How much closer the best page must be than the rest: when some words occur, and when no word does.",
                fr="De combien la meilleure page doit être plus proche que les autres : si certains mots figurent, et si aucun ne figure.",
            )),
        ),
    )


def register_search_algorithms() -> None:
    algorithm_register(key="search-ranking", order=10, describe=search_ranking_entry)
    algorithm_register(key="search-no-answer", order=11, describe=search_no_answer_entry)
