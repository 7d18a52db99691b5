"""Typed readers for environment variables.

Every setting of Vrijhaven comes from the environment (12-factor) and has an embedded
default, so `make demo` runs on a bare machine. A value that is present but wrong must
stop start-up with a message that names the variable: a typo in production should never
fall back silently to a default.
"""

from __future__ import annotations

import os
from urllib.parse import urlparse

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = {"1", "true", "yes", "on"}
FALSE_WORDS = {"0", "false", "no", "off", ""}


class InvalidSetting(ImproperlyConfigured):
    """An environment variable holds a value Vrijhaven cannot use."""

    def __init__(self, name: str, value: str, expected: str):
        super().__init__(f"Environment variable {name}={value!r} is invalid: expected {expected}.")
        self.name = name


def _given(name: str) -> str | None:
    """The variable's value without surrounding spaces; None when it is unset or blank."""
    value = os.environ.get(name, "").strip()
    return value or None


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise InvalidSetting(name, raw, "one of true/false, 1/0, yes/no, on/off")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = _given(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidSetting(name, raw, "a whole number") from None
    if minimum is not None and value < minimum:
        raise InvalidSetting(name, raw, f"a whole number of at least {minimum}")
    return value


def env_choice(name: str, choices: tuple[str, ...], default: str) -> str:
    raw = _given(name)
    if raw is None:
        return default
    value = raw.lower()
    if value not in choices:
        raise InvalidSetting(name, raw, f"one of {', '.join(choices)}")
    return value


def env_fraction(name: str, default: float | None = None) -> float | None:
    """A number from 0 to 1, or `default` when unset."""
    raw = _given(name)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise InvalidSetting(name, raw, "a number from 0 to 1") from None
    if not 0.0 <= value <= 1.0:
        raise InvalidSetting(name, raw, "a number from 0 to 1")
    return value


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_url(name: str, schemes: tuple[str, ...], default: str = "") -> str:
    """A URL whose scheme is one of `schemes`, or the default when unset or empty."""
    raw = _given(name)
    if raw is None:
        return default
    parsed = urlparse(raw)
    if parsed.scheme not in schemes or not (parsed.netloc or parsed.path):
        raise InvalidSetting(name, raw, f"a URL starting with {' or '.join(s + '://' for s in schemes)}")
    return raw


def env_urls(name: str, schemes: tuple[str, ...]) -> list[str]:
    """Comma-separated URLs (the nodes of a cluster), each with one of `schemes`; [] when unset."""
    raw = _given(name)
    if raw is None:
        return []
    urls = [item.strip() for item in raw.split(",") if item.strip()]
    for url in urls:
        parsed = urlparse(url)
        if parsed.scheme not in schemes or not parsed.netloc:
            expected = " or ".join(s + "://" for s in schemes)
            raise InvalidSetting(name, raw, f"URLs starting with {expected}, comma-separated ({url!r} is not one)")
    return urls


def env_path(name: str, default) -> str:
    return _given(name) or str(default)


RATE_UNITS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


def env_rate(name: str, default: str) -> str:
    """A rate "<count>/<unit>" (unit: second, minute, hour or day; a plural is fine), e.g. "10/hour"."""
    raw = _given(name)
    if raw is None:
        return default
    count, _, unit = raw.partition("/")
    if not count.strip().isdigit() or int(count) < 1 or unit.strip().lower().removesuffix("s") not in RATE_UNITS:
        raise InvalidSetting(name, raw, "a rate such as 10/hour: a whole number of at least 1, a slash, and second, minute, hour or day")
    return f"{int(count)}/{unit.strip().lower().removesuffix('s')}"


def env_origins(name: str, default: list[str]) -> list[str]:
    """Comma-separated origins ("https://stad.gent"): a scheme and a host, no path."""
    origins = env_list(name, default)
    for origin in origins:
        parsed = urlparse(origin)
        if parsed.scheme not in ("http", "https") or not parsed.netloc or parsed.path not in ("", "/"):
            raise InvalidSetting(name, os.environ.get(name, ""), f"origins such as https://stad.gent, comma-separated ({origin!r} is not one)")
    return [origin.rstrip("/") for origin in origins]
