"""Words of the demo journey's messages, per milestone, channel and language.

Written the way Stad Gent writes (the policy note: clear language, "u" as on the whole site, short sentences,
say what happens next). SMS stay within one GSM-7 segment (160 characters, no "ç"). The
e-mail frame (why you get this, the preference link) is added by the layout, not here;
letters carry the e-mail's words in the letter's own frame.
"""

RECEIVED = "aanvraag_ontvangen"
DECIDED = "beslissing_genomen"

TEMPLATES = {
    RECEIVED: {
        "name": "Omgevingsvergunning: aanvraag ontvangen",
        "email": {
            "nl": (
                "We hebben uw aanvraag {{ dossier.id }} ontvangen",
                "Beste,\n\n"
                "We hebben uw aanvraag voor een omgevingsvergunning ontvangen op {{ event.date }}"
                "{% if data.address %} voor {{ data.address }}{% endif %}. Uw dossiernummer is {{ dossier.id }}.\n\n"
                "We kijken nu na of uw aanvraag volledig is. Zodra er nieuws is, laten we het u weten.\n\n"
                "Met vriendelijke groeten,\nStad Gent",
            ),
            "en": (
                "We have received your application {{ dossier.id }}",
                "Hello,\n\n"
                "We received your application for an environmental permit on {{ event.date }}"
                "{% if data.address %} for {{ data.address }}{% endif %}. Your file number is {{ dossier.id }}.\n\n"
                "We are now checking whether your application is complete. We will let you know as soon as there is news.\n\n"
                "Kind regards,\nCity of Ghent",
            ),
            "fr": (
                "Nous avons bien reçu votre demande {{ dossier.id }}",
                "Bonjour,\n\n"
                "Nous avons reçu votre demande de permis d'environnement le {{ event.date }}"
                "{% if data.address %} pour {{ data.address }}{% endif %}. Votre numéro de dossier est {{ dossier.id }}.\n\n"
                "Nous vérifions maintenant si votre demande est complète. Nous vous informerons dès qu'il y a du nouveau.\n\n"
                "Meilleures salutations,\nVille de Gand",
            ),
        },
        "sms": {
            "nl": "Stad Gent: we hebben uw aanvraag {{ dossier.id }} ontvangen. We laten u weten wanneer er nieuws is.",
            "en": "City of Ghent: we have received your application {{ dossier.id }}. We will let you know when there is news.",
            "fr": "Ville de Gand : votre demande {{ dossier.id }} est bien arrivée. Nous vous informerons de la suite.",
        },
    },
    DECIDED: {
        "name": "Omgevingsvergunning: beslissing genomen",
        "email": {
            "nl": (
                "Er is een beslissing over uw aanvraag {{ dossier.id }}",
                "Beste,\n\n"
                "Stad Gent heeft op {{ event.date }} een beslissing genomen over uw aanvraag {{ dossier.id }}"
                "{% if data.address %} voor {{ data.address }}{% endif %}.\n\n"
                "{% if data.decision %}De beslissing: {{ data.decision }}.\n\n{% endif %}"
                "U vindt de volledige beslissing en wat u nu kunt doen in uw dossier op het Omgevingsloket.\n\n"
                "Met vriendelijke groeten,\nStad Gent",
            ),
            "en": (
                "There is a decision on your application {{ dossier.id }}",
                "Hello,\n\n"
                "On {{ event.date }} the City of Ghent took a decision on your application {{ dossier.id }}"
                "{% if data.address %} for {{ data.address }}{% endif %}.\n\n"
                "{% if data.decision %}The decision: {{ data.decision }}.\n\n{% endif %}"
                "You will find the full decision and what you can do next in your file on the Omgevingsloket.\n\n"
                "Kind regards,\nCity of Ghent",
            ),
            "fr": (
                "Une décision a été prise sur votre demande {{ dossier.id }}",
                "Bonjour,\n\n"
                "Le {{ event.date }}, la Ville de Gand a pris une décision sur votre demande {{ dossier.id }}"
                "{% if data.address %} pour {{ data.address }}{% endif %}.\n\n"
                "{% if data.decision %}La décision : {{ data.decision }}.\n\n{% endif %}"
                "Vous trouverez la décision complète et la suite à donner dans votre dossier sur l'Omgevingsloket.\n\n"
                "Meilleures salutations,\nVille de Gand",
            ),
        },
        "sms": {
            "nl": "Stad Gent: er is een beslissing over uw aanvraag {{ dossier.id }}. Bekijk ze in uw dossier op het Omgevingsloket.",
            "en": "City of Ghent: there is a decision on your application {{ dossier.id }}. See it in your file on the Omgevingsloket.",
            "fr": "Ville de Gand : une décision a été prise sur votre demande {{ dossier.id }}. Voir votre dossier sur l'Omgevingsloket.",
        },
    },
}

# A letter says what the e-mail says; the letter's frame (channels/letter.py) adds why the
# citizen gets it and how to reach Gentinfo, for readers who cannot look anything up online.
for _texts in TEMPLATES.values():
    _texts["letter"] = dict(_texts["email"])

MILESTONES = [
    ("aanvraag_ontvangen", "Aanvraag ontvangen"),
    ("volledig_verklaard", "Volledig verklaard"),
    ("openbaar_onderzoek", "Openbaar onderzoek"),
    ("beslissing_genomen", "Beslissing genomen"),
]
