"""Press releases: an embargo is scheduled publishing; attachments carry what journalists need."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.pressroom.models import AttachmentKind, PressReleaseAttachment, PressReleasePage
from tests.cms.conftest import add_page


def test_embargoed_release_stays_offline_until_the_embargo_ends(client, tree, monkeypatch):
    embargo = timezone.now() + datetime.timedelta(days=2)
    release = add_page(tree.press_room, PressReleasePage, title="Nieuw circulatieplan", embargo_until=embargo)
    assert not release.live
    assert release.go_live_at == embargo
    assert client.get("/nl/pers/nieuw-circulatieplan/").status_code == 404

    # Two days later the scheduler (cron: publish_scheduled) runs and publishes it.
    later = embargo + datetime.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    call_command("publish_scheduled")
    release.refresh_from_db()
    assert release.live


def test_a_schedule_set_in_the_future_becomes_the_embargo(tree):
    release = tree.release
    release.go_live_at = timezone.now() + datetime.timedelta(hours=5)
    release.full_clean()
    assert release.embargo_until == release.go_live_at


def test_the_embargo_moves_the_schedule(tree):
    release = tree.release
    release.go_live_at = timezone.now() + datetime.timedelta(hours=5)
    release.embargo_until = timezone.now() + datetime.timedelta(days=1)
    release.full_clean()
    assert release.go_live_at == release.embargo_until


def test_a_photo_attachment_needs_alt_text():
    image = Image.objects.create(title="persfoto", file=get_test_image_file())
    attachment = PressReleaseAttachment(kind=AttachmentKind.IMAGE, image=image, alt="", credit="Stad Gent")
    with pytest.raises(ValidationError) as error:
        attachment.clean()
    assert "alt" in error.value.message_dict


def test_a_document_attachment_needs_a_document():
    attachment = PressReleaseAttachment(kind=AttachmentKind.DOCUMENT, title="Persmap")
    with pytest.raises(ValidationError) as error:
        attachment.clean()
    assert "document" in error.value.message_dict


pytestmark = pytest.mark.django_db
