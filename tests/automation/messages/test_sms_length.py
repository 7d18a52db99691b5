"""The SMS counter tells editors what a text costs, by the GSM-7 and UCS-2 rules."""

import pytest

from automation.journeys.demo_texts import TEMPLATES
from automation.messages.sms_length import sms_length


@pytest.mark.parametrize(
    "text, encoding, segments",
    [
        ("a" * 160, "GSM-7", 1),
        ("a" * 161, "GSM-7", 2),  # 153 + 8
        ("a" * 306, "GSM-7", 2),
        ("a" * 307, "GSM-7", 3),
        ("€" * 80, "GSM-7", 1),  # extension characters count twice: 160 septets
        ("€" * 81, "GSM-7", 2),
        ("reçu " + "a" * 65, "UCS-2", 1),  # ç is not GSM-7: the whole text becomes UCS-2 (70)
        ("reçu " + "a" * 66, "UCS-2", 2),
        ("👍" * 35, "UCS-2", 1),  # an emoji is two UTF-16 units
        ("👍" * 36, "UCS-2", 2),
        ("", "GSM-7", 0),
    ],
)
def test_segments_follow_the_gsm7_and_ucs2_rules(text, encoding, segments):
    length = sms_length(text)
    assert (length.encoding, length.segments) == (encoding, segments)


def test_remaining_counts_down_to_the_next_segment():
    assert sms_length("a" * 150).remaining == 10
    assert sms_length("a" * 161).remaining == 2 * 153 - 161


@pytest.mark.parametrize("milestone", list(TEMPLATES))
@pytest.mark.parametrize("language", ["nl", "en", "fr"])
def test_the_demo_sms_fit_one_gsm7_segment_with_a_long_dossier_number(milestone, language):
    text = TEMPLATES[milestone]["sms"][language].replace("{{ dossier.id }}", "OMV-2026-000123")
    assert sms_length(text).encoding == "GSM-7" and sms_length(text).segments == 1
