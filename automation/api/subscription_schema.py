"""The bodies the subscription endpoints accept, validated once; the OpenAPI document is derived from these.

Booleans must be JSON booleans ("yes" is refused, not guessed); wijken and themes are
the slugs of cms.core's `Wijk` and source-locale `Theme` snippets, and an unknown slug is
an error on the list's field. Unknown fields are ignored, for forward compatibility.
"""

from __future__ import annotations

from rest_framework import serializers

from automation.contacts.phone import InvalidPhoneNumber, phone_to_e164
from automation.contacts.projects import followable_projects_by_id
from automation.contacts.targets import Targets
from automation.contacts.taxonomy import themes_by_slug, wijken_by_slug
from automation.dossiers.event_schema import StrictBooleanField
from automation.languages import supported_languages


class SlugListField(serializers.ListField):
    def __init__(self, **kwargs):
        super().__init__(child=serializers.SlugField(max_length=80), max_length=100, **kwargs)


def _rows_for(slugs: list[str], found: dict, what: str):
    unknown = [slug for slug in dict.fromkeys(slugs) if slug not in found]
    if unknown:
        raise serializers.ValidationError([f"Unknown {what}: {slug!r}." for slug in unknown])
    return [found[slug] for slug in dict.fromkeys(slugs)]


def _phone(value: str) -> str:
    if not value:
        return ""
    try:
        return phone_to_e164(value)
    except InvalidPhoneNumber as error:
        raise serializers.ValidationError(f"The phone number {error}.") from None


class ChoicesSerializer(serializers.Serializer):
    """Fields shared by the subscribe form and the preference centre."""

    language = serializers.ChoiceField(choices=supported_languages(), help_text="nl, en or fr.")
    wijken = SlugListField(help_text="Slugs of core.Wijk: news from these wijken.")
    themes = SlugListField(help_text="Slugs of source-locale core.Theme: news on these themes.")
    press = StrictBooleanField(help_text="Press releases (for journalists).")
    crisis = StrictBooleanField(help_text="Crisis alerts for all of Ghent.")
    phone = serializers.CharField(
        max_length=32, allow_blank=True, help_text="Mobile number; E.164 (+32470123456) or Belgian notation."
    )

    def validate_wijken(self, value):
        return _rows_for(value, wijken_by_slug(value), "wijk")

    def validate_themes(self, value):
        return _rows_for(value, themes_by_slug(value), "theme")

    def validate_phone(self, value):
        return _phone(value.strip())


class SubscribeSerializer(ChoicesSerializer):
    email = serializers.EmailField(max_length=254, help_text="Where the confirmation link goes.")
    sms = StrictBooleanField(help_text="Also crisis alerts by SMS; needs `phone`.")
    projects = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        max_length=20,
        required=False,
        default=list,
        help_text="Ids of public project pages to follow: a message when the project moves to another phase "
        "or an event is planned for it.",
    )

    def validate_projects(self, value):
        found = followable_projects_by_id(value)
        unknown = [page_id for page_id in dict.fromkeys(value) if page_id not in found]
        if unknown:
            raise serializers.ValidationError([f"Unknown project: {page_id}." for page_id in unknown])
        return list({found[page_id].pk: found[page_id] for page_id in value}.values())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].required = False
        self.fields["language"].default = "nl"
        for name in ("wijken", "themes"):
            self.fields[name].required, self.fields[name].default = False, list
        for name in ("press", "crisis", "sms"):
            self.fields[name].required, self.fields[name].default = False, False
        self.fields["phone"].required, self.fields["phone"].default = False, ""

    def validate(self, attrs):
        if not (attrs["wijken"] or attrs["themes"] or attrs["press"] or attrs["crisis"] or attrs["projects"]):
            raise serializers.ValidationError(
                {"wijken": ["Choose at least one wijk, theme, press releases, crisis alerts or project."]}
            )
        if attrs["sms"] and not attrs["phone"]:
            raise serializers.ValidationError({"phone": ["A phone number is needed for crisis alerts by SMS."]})
        if attrs["sms"] and not attrs["crisis"]:
            raise serializers.ValidationError({"sms": ["SMS is only used for crisis alerts: set crisis to true."]})
        return attrs

    def targets(self) -> Targets:
        data = self.validated_data
        return Targets(
            wijken=tuple(data["wijken"]),
            themes=tuple(data["themes"]),
            press=data["press"],
            crisis=data["crisis"],
            projects=tuple(data["projects"]),
        )


class ChannelsSerializer(serializers.Serializer):
    email = StrictBooleanField(required=False, help_text="May we e-mail you?")
    sms = StrictBooleanField(required=False, help_text="May we text you (crisis alerts)? Needs a phone number.")
    voice = StrictBooleanField(
        required=False, help_text="May we call you and read our messages aloud (\"bel mij\")? Needs a phone number."
    )


class PreferencesSerializer(ChoicesSerializer):
    """PUT body: every field optional; one left out stays as it is."""

    channels = ChannelsSerializer(required=False)

    def __init__(self, *args, citizen=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.citizen = citizen
        for field in self.fields.values():
            field.required = False

    def validate(self, attrs):
        phone = attrs.get("phone", self.citizen.phone if self.citizen is not None else "")
        if attrs.get("channels", {}).get("sms") and not phone:
            raise serializers.ValidationError({"channels": {"sms": ["A phone number is needed for SMS."]}})
        if attrs.get("channels", {}).get("voice") and not phone:
            raise serializers.ValidationError({"channels": {"voice": ["A phone number is needed to be called."]}})
        return attrs
