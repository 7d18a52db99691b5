"""The blocks editors build a journey's design with in Wagtail admin (Dutch labels).

Three StreamFields on `Journey` (triggers, conditions, steps) rather than InlinePanels
over the version rows: the rows are immutable versions that running enrolments and
messages point at, while the design is one editable document; saving it (versioning.py)
builds a new version's rows only when it changed. Steps refer to each other by a short
key the editor types ("herinnering"), so a branch can jump to a later step.

Choices (milestones, templates, wijken, themes) are read from the database each time a
form is built, by module-level callables, so a new template shows up without a deploy.
"""

from __future__ import annotations

from itertools import permutations

from wagtail import blocks

from automation.channels.kinds import ChannelKind

STEP_KEY_HELP = "Korte naam van de stap (letters, cijfers, -), bv. mail-ontvangen."
START_HELP = "Sleutel van de stap waar de deelname begint; leeg: de eerste stap; 'geen': herkend, niets versturen."


def milestone_choices() -> list[tuple[str, str]]:
    from automation.dossiers.models import Milestone

    rows = Milestone.objects.select_related("dossier_type").order_by("dossier_type__code", "position", "code")
    return [(f"{m.dossier_type.code}:{m.code}", f"{m.dossier_type.name}: {m.name}") for m in rows]


def template_choices() -> list[tuple[str, str]]:
    from automation.messages.models import MessageTemplate

    return list(MessageTemplate.objects.order_by("name").values_list("slug", "name"))


def wijk_choices() -> list[tuple[str, str]]:
    from cms.core.models import Wijk

    return list(Wijk.objects.order_by("name").values_list("slug", "name"))


def theme_choices() -> list[tuple[str, str]]:
    from cms.core.models import Theme
    from cms.core.models.taxonomy import in_source_locale

    return list(Theme.objects.filter(in_source_locale()).order_by("name").values_list("slug", "name"))


def subscription_kind_choices() -> list[tuple[str, str]]:
    from automation.contacts.models import Subscription

    return list(Subscription.Kind.choices)


def channel_order_choices() -> list[tuple[str, str]]:
    """Every order of one or more channels: "email,sms" reads "e-mail, anders sms"."""
    labels = dict(ChannelKind.choices)
    options = []
    for size in range(1, len(ChannelKind.values) + 1):
        for order in permutations(ChannelKind.values, size):
            options.append((",".join(order), ", anders ".join(labels[c] for c in order)))
    return options


WEEKDAYS = [("1", "maandag"), ("2", "dinsdag"), ("3", "woensdag"), ("4", "donderdag"), ("5", "vrijdag"),
            ("6", "zaterdag"), ("0", "zondag")]


def _start_step():
    return blocks.CharBlock(label="begin bij stap", required=False, help_text=START_HELP)


def _wijk(help_text=""):
    return blocks.ChoiceBlock(choices=wijk_choices, label="wijk", required=False, help_text=help_text)


def _theme(help_text=""):
    return blocks.ChoiceBlock(choices=theme_choices, label="thema", required=False, help_text=help_text)


class MilestoneTriggerBlock(blocks.StructBlock):
    milestone = blocks.ChoiceBlock(choices=milestone_choices, label="mijlpaal")
    start_step = _start_step()

    class Meta:
        label = "Mijlpaal in een dossier"
        icon = "flag"


class ExitTriggerBlock(blocks.StructBlock):
    milestone = blocks.ChoiceBlock(choices=milestone_choices, label="mijlpaal")

    class Meta:
        label = "Stoppen als deze mijlpaal binnenkomt"
        icon = "cross"


class PagePublishedTriggerBlock(blocks.StructBlock):
    wijk = _wijk("Leeg: elke wijk; de abonnees op wijknieuws van de wijken van de pagina.")
    theme = _theme("Leeg: elk thema; de abonnees op de thema's van de pagina.")
    start_step = _start_step()

    class Meta:
        label = "Pagina gepubliceerd voor een wijk of thema"
        icon = "doc-full"


class SubscriptionTriggerBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=subscription_kind_choices, label="soort abonnement", required=False)
    wijk = _wijk()
    start_step = _start_step()

    class Meta:
        label = "Nieuw abonnement"
        icon = "user"


class ScheduleTriggerBlock(blocks.StructBlock):
    frequency = blocks.ChoiceBlock(
        choices=[("weekly", "wekelijks"), ("daily", "dagelijks")], default="weekly", label="hoe vaak"
    )
    weekday = blocks.ChoiceBlock(choices=WEEKDAYS, default="1", label="dag (wekelijks)", required=False)
    time = blocks.TimeBlock(label="tijdstip (Europe/Brussels)")
    subscription_kind = blocks.ChoiceBlock(
        choices=subscription_kind_choices, default="wijk_news", label="voor abonnees op"
    )
    wijk = _wijk()
    theme = _theme()
    only_with_news = blocks.BooleanBlock(
        label="alleen als er nieuwe pagina's zijn", required=False, default=True
    )
    start_step = _start_step()

    class Meta:
        label = "Schema (bv. wekelijkse wijkdigest)"
        icon = "date"


class ProjectPhaseTriggerBlock(blocks.StructBlock):
    start_step = _start_step()

    class Meta:
        label = "Project gaat naar een andere fase (voor wie het project volgt)"
        icon = "arrow-right"


class ProjectEventTriggerBlock(blocks.StructBlock):
    start_step = _start_step()

    class Meta:
        label = "Activiteit gepland voor een project (voor wie het project volgt)"
        icon = "date"


class TriggersBlock(blocks.StreamBlock):
    milestone = MilestoneTriggerBlock()
    exit_milestone = ExitTriggerBlock()
    page_published = PagePublishedTriggerBlock()
    subscription = SubscriptionTriggerBlock()
    schedule = ScheduleTriggerBlock()
    project_phase = ProjectPhaseTriggerBlock()
    project_event = ProjectEventTriggerBlock()


class ConditionBlock(blocks.StructBlock):
    field = blocks.ChoiceBlock(
        choices=[
            ("language", "taal"),
            ("wijk", "wijk (slug)"),
            ("consent", "toestemming voor kanaal (sleutel = kanaal)"),
            ("attribute", "gegeven uit het event (sleutel = pad in data, bv. adres.postcode)"),
        ],
        label="veld",
    )
    key = blocks.CharBlock(label="sleutel", required=False)
    operator = blocks.ChoiceBlock(
        choices=[("equals", "is"), ("not_equals", "is niet"), ("in", "is een van (komma's)"), ("present", "is ingevuld")],
        default="equals",
        label="vergelijking",
    )
    value = blocks.CharBlock(label="waarde", required=False)

    class Meta:
        label = "Voorwaarde"
        icon = "tick"


class ConditionsBlock(blocks.StreamBlock):
    condition = ConditionBlock()


class SendStepBlock(blocks.StructBlock):
    key = blocks.CharBlock(label="sleutel", max_length=100, help_text=STEP_KEY_HELP)
    template = blocks.ChoiceBlock(choices=template_choices, label="sjabloon")
    channels = blocks.ChoiceBlock(choices=channel_order_choices, default="email,sms", label="kanalen in volgorde")
    delivery = blocks.ChoiceBlock(
        choices=[
            ("first", "het eerste kanaal dat de burger kan ontvangen (terugval)"),
            ("all", "elk kanaal dat de burger kan ontvangen"),
        ],
        default="first",
        label="versturen naar",
    )

    class Meta:
        label = "Versturen"
        icon = "mail"


class WaitStepBlock(blocks.StructBlock):
    key = blocks.CharBlock(label="sleutel", max_length=100, help_text=STEP_KEY_HELP)
    days = blocks.IntegerBlock(label="dagen", required=False, min_value=0)
    hours = blocks.IntegerBlock(label="uren", required=False, min_value=0)
    until = blocks.TimeBlock(label="daarna tot tijdstip (Europe/Brussels)", required=False)

    class Meta:
        label = "Wachten"
        icon = "time"


class BranchStepBlock(blocks.StructBlock):
    key = blocks.CharBlock(label="sleutel", max_length=100, help_text=STEP_KEY_HELP)
    on = blocks.ChoiceBlock(
        choices=[
            ("not_delivered", "als het bericht van een eerdere stap niet afgeleverd werd (bounce, mislukt, tegengehouden)"),
            ("consent", "als de burger toestemming gaf voor een kanaal"),
        ],
        label="als",
    )
    after_step = blocks.CharBlock(label="eerdere verstuurstap (sleutel)", required=False)
    channel = blocks.ChoiceBlock(choices=ChannelKind.choices, label="kanaal (toestemming)", required=False)
    goto = blocks.CharBlock(label="dan naar stap (sleutel)", help_text="Anders gaat de journey verder met de volgende stap.")

    class Meta:
        label = "Splitsen"
        icon = "arrows-up-down"


class ExitStepBlock(blocks.StructBlock):
    key = blocks.CharBlock(label="sleutel", max_length=100, help_text=STEP_KEY_HELP)

    class Meta:
        label = "Stoppen"
        icon = "cross"


class StepsBlock(blocks.StreamBlock):
    send = SendStepBlock()
    wait = WaitStepBlock()
    branch = BranchStepBlock()
    exit = ExitStepBlock()
