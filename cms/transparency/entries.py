"""What the register says about one algorithm: trilingual plain text and its live settings.

Every text is given in Dutch, English and French (`Text`), because the register is read by
citizens, not only by auditors. `settings` are the values in force right now, each with a
sentence saying what it means, so that "3 newsletters a week" reads as such and not as
`AUTOMATION_NEWSLETTER_CAP=3`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

LANGUAGES = ("nl", "en", "fr")


@dataclass(frozen=True)
class Text:
    nl: str
    en: str
    fr: str

    def __post_init__(self):
        for language in LANGUAGES:
            if not getattr(self, language).strip():
                raise ValueError(f"every register text needs {language}")

    def read(self, language: str) -> str:
        return getattr(self, language if language in LANGUAGES else "nl")


@dataclass(frozen=True)
class Setting:
    """One value in force: `name` as an administrator sets it, `value` as it is now."""

    name: str
    value: str
    meaning: Text


@dataclass(frozen=True)
class AlgorithmEntry:
    key: str  # stable, e.g. "search-ranking"
    title: Text
    purpose: Text  # what it decides, for whom
    method: Text  # how it decides, in plain words
    data: Text  # which data about citizens it uses (or that it uses none)
    oversight: Text  # who can change or overrule it
    source: str  # where it lives in the code, for auditors (a module path)
    settings: tuple[Setting, ...] = field(default_factory=tuple)

    def read(self, language: str) -> dict:
        return {
            "key": self.key,
            "title": self.title.read(language),
            "purpose": self.purpose.read(language),
            "method": self.method.read(language),
            "data": self.data.read(language),
            "oversight": self.oversight.read(language),
            "source": self.source,
            "settings": [
                {"name": setting.name, "value": setting.value, "meaning": setting.meaning.read(language)}
                for setting in self.settings
            ],
        }

    def fingerprint_source(self) -> dict:
        """Everything that, when it changes, changes what the register says (all languages)."""
        return {language: self.read(language) for language in LANGUAGES}
