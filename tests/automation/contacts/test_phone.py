"""Phone numbers are stored in E.164 whatever way a case system typed them."""

import pytest
from django.core.exceptions import ValidationError

from automation.contacts.phone import InvalidPhoneNumber, phone_to_e164, validate_e164


@pytest.mark.parametrize(
    "typed", ["+32470123456", "0470 12 34 56", "+32 470/12.34.56", "0032470123456"]
)
def test_belgian_mobile_numbers_in_any_spelling_become_e164(typed):
    assert phone_to_e164(typed) == "+32470123456"


def test_foreign_numbers_keep_their_country():
    assert phone_to_e164("+33 6 12 34 56 78") == "+33612345678"


@pytest.mark.parametrize("typed", ["", "hello", "0470", "+32 12"])
def test_text_that_is_no_valid_number_is_refused_with_a_reason(typed):
    with pytest.raises(InvalidPhoneNumber) as error:
        phone_to_e164(typed)
    assert str(error.value)


def test_model_validator_accepts_only_the_e164_spelling():
    validate_e164("+32470123456")
    with pytest.raises(ValidationError, match=r"\+32470123456"):
        validate_e164("0470123456")
