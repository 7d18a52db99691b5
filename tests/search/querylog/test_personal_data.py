"""The privacy filter: queries that look like personal data are withheld, ordinary questions are kept.

Each kind in the notations people write it in, inside Dutch, French and English phrasings
(a citizen types a sentence, not a bare number), and the questions with numbers in them
that must stay searchable.
"""

import pytest

from search.querylog.models import WithheldKind
from search.querylog.normalise import query_normalise
from search.querylog.personal_data import personal_data_kind

Kind = WithheldKind


def kind_of(text: str):
    return personal_data_kind(query_normalise(text))


@pytest.mark.parametrize("text", [
    "jan.peeters@telenet.be parkeerkaart",
    "mijn mail is an-sofie_de.smet+stad@gmail.com",
    "adresse e-mail marie.dupont@skynet.be changement",
    "contact j.smith@example.co.uk about my permit",
    "JAN.PEETERS@TELENET.BE",
    "jan [at] telenet.be",
    "pieter (at) proximus.be wachtwoord",
])
def test_email_addresses_are_withheld(text):
    assert kind_of(text) == Kind.EMAIL


@pytest.mark.parametrize("text", [
    "0470 12 34 56",  # Belgian mobile, spaced
    "bel mij terug op 0470/12.34.56",
    "0470-123456 terugbellen",
    "0470123456",
    "09 266 11 11",  # Ghent landline
    "09/266.11.11 stad gent",
    "02 123 45 67 rendez-vous",
    "+32 470 12 34 56",
    "+32470123456",
    "+32 (0)9 266 11 11",
    "0032 470 12 34 56",
    "mon numéro est le +32 9 266 11 11",
    "appelez-moi au 0485 55 44 33 svp",
    "+31 6 12345678 afspraak",  # Dutch mobile
    "+33 1 23 45 67 89",  # French landline
    "+44 20 7946 0958 call back",
    "+1 (555) 123-4567",
    "0031 6 1234 5678",
])
def test_phone_numbers_are_withheld(text):
    assert kind_of(text) == Kind.PHONE


@pytest.mark.parametrize("text", [
    "85.07.30-033.28",  # the notation on the eID card
    "rijksregisternummer 85073003328",
    "attest gezinssamenstelling 85 07 30 033 28",
    "850730-033-28 uittreksel",
    "numéro national 85.07.30 033-28",
    "national number 01.02.03-456.78 certificate",
    "bisnummer 85.47.30-033.28",  # a BIS number: month plus 40
])
def test_national_register_numbers_are_withheld(text):
    assert kind_of(text) == Kind.NATIONAL_NUMBER


@pytest.mark.parametrize("text", [
    "BE68 5390 0754 7034",
    "terugbetaling op be68539007547034",
    "rekening BE68-5390-0754-7034 domiciliëring",
    "compte BE71 0961 2345 6769 remboursement",
    "NL91 ABNA 0417 1643 00 refund",
    "iban FR14 2004 1010 0505 0001 3M02 606",
    "DE89 3704 0044 0532 0130 00",
])
def test_ibans_are_withheld(text):
    assert kind_of(text) == Kind.IBAN


@pytest.mark.parametrize("text", ["1-ABC-123 parkeerboete", "amende 2-xyz-987", "gas boete 1abc123", "plate 1 abc 123"])
def test_belgian_licence_plates_are_withheld(text):
    assert kind_of(text) == Kind.LICENCE_PLATE


@pytest.mark.parametrize("text", [
    "klantnummer 12345678",
    "dossier 2023/123456",  # nine digits with a slash
    "kaart 4111 1111 1111 1111",
    "référence 123.456.789",
    "case number 987654321",
    "1234 5678 9012",
])
def test_long_digit_strings_are_withheld(text):
    assert kind_of(text) == Kind.DIGITS


def test_a_pasted_text_is_withheld():
    letter = ("Geachte, hierbij wil ik bezwaar aantekenen tegen de aanslag die ik ontvangen heb voor "
              "mijn woning in de Kerkstraat omdat die niet klopt")
    assert len(letter) > 100
    assert kind_of(letter) == Kind.LONG_TEXT


@pytest.mark.parametrize("text", [
    "3 kamers",
    "2025",
    "9000 Gent",
    "appartement 2 slaapkamers 9000 gent",
    "belastingen 2024-2025",
    "aanslagjaar 2024 2025",
    "ophaling 15/01/2026",
    "marché de noël 1.12.2025",
    "concert 15/01/2026 20u",
    "1700",
    "bel 112",
    "covid19 vaccin",
    "lijn 4 en lijn 24",
    "parking 1000 plaatsen",
    "openingsuren 8.30-17.00",
    "huisnummer 12a",
    "werken e40 mei 2026",
    "how do I renew my ID card",
    "où déposer mes déchets",
    "nl20 kamers te huur",  # looks like the start of an IBAN, has two digits
    "btw 21%",
    "het huis van mijn buurman staat al jaren leeg",
])
def test_ordinary_questions_stay(text):
    assert kind_of(text) is None
