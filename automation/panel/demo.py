"""The demo's test panel: a dozen members in three wijken, one pretest of a real page's draft, with answers.

So `make demo` shows the Pretests screen with figures: the clarity chart and its table,
free answers without names, the cloze score and the gaps missed most. The members are
demo citizens with made-up addresses under example.be; the answers are written here
(who gets which gap right is fixed, so every demo shows the same figures). Running the
seed again changes nothing.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from automation.panel.consent import CURRENT_VERSION

DEMO_PRETEST = "Demo: grofvuil (testpanel)"
REF_PREFIX = "testpanel-demo-"  # not "demo-": those are the journeys demo's citizens
MEMBERS = [  # (number, wijk, language)
    *((n, "ledeberg", "nl") for n in range(1, 6)),
    *((n, "rabot-blaisantvest", "nl") for n in range(6, 10)),
    *((n, "brugse-poort-rooigem", "nl") for n in range(10, 13)),
    (13, "ledeberg", "en"),
]
ANSWERS = [  # (clarity 1-5, what would you do now, comment)
    (4, "Een afspraak maken voor de ophaling.", "Duidelijk, maar zeg ook wat het kost."),
    (5, "Ik bel naar Gentinfo.", ""),
    (3, "Mijn oude zetel buiten zetten.", "Het woord 'recyclagepark' kende ik, 'containerpark' is gewoner."),
    (4, "De website nakijken voor een datum.", "Lange zinnen in het midden."),
    (2, "Ik weet het niet goed.", "Te veel moeilijke woorden. Wat is een 'afvalophaling op afroep'?"),
    (4, "Online een afspraak maken.", ""),
    (5, "Mijn buurvrouw helpen met haar grofvuil.", "Fijn dat er hulp is als je niet kunt tillen."),
    (3, "Eerst vragen of het gratis is.", "Zet de prijs bovenaan."),
]


def _page():
    """A public theme page with an intro: the afval one when the seed has it."""
    from cms.core.publishing import public_pages
    from cms.themes.models import ThemePage

    pages = ThemePage.objects.filter(pk__in=public_pages().values("pk")).exclude(intro="").order_by("path")
    return pages.filter(slug__icontains="grofvuil").first() or pages.filter(slug__icontains="afval").first() or pages.first()


def _members():
    from automation.contacts.models import Citizen
    from automation.contacts.services import consent_record
    from automation.panel.models import PanelMember
    from cms.core.models import Wijk

    now = timezone.now()
    members = []
    for number, wijk_slug, language in MEMBERS:
        wijk = Wijk.objects.filter(slug=wijk_slug).first()
        if wijk is None:
            continue
        citizen, new = Citizen.objects.get_or_create(
            ref=f"{REF_PREFIX}{number}", defaults={"email": f"testpanel{number}@example.be", "language": language}
        )
        if new:
            consent_record(citizen=citizen, channel="email", granted=True, source="demo: testpanel", recorded_at=now)
        member, _ = PanelMember.objects.get_or_create(citizen=citizen, defaults={
            "wijk": wijk, "language": language, "status": PanelMember.Status.ACTIVE, "consent_version": CURRENT_VERSION,
            "consent_source": "demo", "asked_at": now, "confirmed_at": now,
        })  # fmt: skip
        members.append(member)
    return members


def demo_panel_install() -> int:
    """The demo panel and its pretest; returns how many answers were added (0 when it was there already)."""
    from automation.panel.answering import pretest_answer
    from automation.panel.models import Invitation, Pretest
    from automation.panel.pretests import pretest_create
    from automation.panel.tokens import invitation_token_new

    with transaction.atomic():
        members = _members()
        page = _page()
        if page is None or Pretest.objects.filter(name=DEMO_PRETEST).exists():
            return 0
        pretest = pretest_create(name=DEMO_PRETEST, page=page, sample_size=10)
        dutch = [member for member in members if member.language == pretest.language][:10]
        invitations = [Invitation.objects.create(pretest=pretest, member=member, token_sha256=invitation_token_new()[1])
                       for member in dutch]  # fmt: skip
        Pretest.objects.filter(pk=pretest.pk).update(status=Pretest.Status.SENT, sent_at=timezone.now())
        pretest.refresh_from_db()
        gaps = pretest.cloze["answers"]
        for number, (invitation, (clear, action, comment)) in enumerate(zip(invitations, ANSWERS)):
            invitation.pretest = pretest
            # Reader `number` fills in gap `g` right unless (3g + g² + 5·number) mod 10 is 7 or more:
            # about 70 % right on the whole, and some gaps missed by most.
            cloze = [word if (3 * gap + 5 * number + gap * gap) % 10 < 7 else "" for gap, word in enumerate(gaps)]
            answers = {"duidelijk": clear, "actie": action, **({"opmerking": comment} if comment else {})}
            pretest_answer(invitation=invitation, answers=answers, cloze_given=cloze)
    return len(invitations[: len(ANSWERS)])
