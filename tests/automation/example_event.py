"""The contract's example event and the secret tests sign with."""

SECRET = "test-webhook-secret"

EXAMPLE_EVENT = {
    "event_id": "evt-0001",
    "source": "omgevingsloket",
    "dossier": {"id": "OMV-2026-000123", "type": "omgevingsvergunning"},
    "milestone": "aanvraag_ontvangen",
    "occurred_at": "2026-11-30T09:00:00+01:00",
    "citizen": {
        "ref": "citizen-42",
        "email": "an.peeters@example.be",
        "phone": "+32470123456",
        "language": "nl",
        "wijk": "Rabot - Blaisantvest",
        "consent": {"email": True, "sms": True},
    },
    "data": {"address": "Rabotstraat 1, 9000 Gent"},
}
