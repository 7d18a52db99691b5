"""Start-up refuses a wrong setting and names the variable, instead of falling back silently.

Each case starts a real `manage.py check` in a child process with one variable set wrong,
because settings are read once at import: that is where an operator meets the error.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from cms.settings.env import InvalidSetting, env_bool, env_choice, env_fraction, env_int, env_list, env_url, env_urls

REPO_ROOT = Path(__file__).resolve().parents[3]


def _check(tmp_path, **variables) -> subprocess.CompletedProcess:
    return _manage(tmp_path, "check", **variables)


def _manage(tmp_path, *arguments, **variables) -> subprocess.CompletedProcess:
    services = {"DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL", "ELASTICSEARCH_URL"}
    env = {key: value for key, value in os.environ.items() if key not in services}
    env.update({"DJANGO_SETTINGS_MODULE": "cms.settings.dev", "VRIJHAVEN_VAR_DIR": str(tmp_path), **variables})
    return subprocess.run(
        [sys.executable, "manage.py", *arguments], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_embedded_defaults_start_on_a_bare_machine(tmp_path):
    completed = _check(tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert "no issues" in completed.stdout


def test_a_fresh_clone_without_var_can_open_its_database(tmp_path):
    """`make demo` on a fresh clone: var/ does not exist yet, and migrate must still work."""
    var_dir = tmp_path / "not-created-yet"
    completed = _manage(var_dir, "migrate", "--plan")
    assert completed.returncode == 0, completed.stderr
    assert (var_dir / "vrijhaven.sqlite3").exists()


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DATABASE_URL", "mysql://db.example/vrijhaven"),
        ("DJANGO_DEBUG", "maybe"),
        ("ELASTICSEARCH_URL", "elasticsearch:9200"),
        ("ELASTICSEARCH_URL", "http://es-1:9200,es-2:9200"),
        ("CELERY_BROKER_URL", "http://broker.example"),
        ("REDIS_URL", "localhost:6379"),
        ("WAGTAILADMIN_BASE_URL", "admin.example"),
        ("CACHE_URL", "memcached://cache.example:11211"),
        ("SEARCH_FUSION", "average"),
        ("SEARCH_VECTOR_MIN_SCORE", "1.5"),
        ("CSRF_TRUSTED_ORIGINS", "stad.gent"),
        ("CSP_MEDIA_ORIGINS", "https://media.stad.gent/bucket/"),
        ("TRUSTED_PROXY_COUNT", "-1"),
        ("LOGIN_FAILURE_LIMIT", "0"),
        ("LOGIN_LOCKOUT_MINUTES", "soon"),
        ("AUTOMATION_SUBSCRIBE_RATE", "10 per hour"),
        ("CONTENT_API_ANON_RATE", "0/minute"),
        ("AUTOMATION_CONFIRMATION_MAILS_PER_HOUR", "0"),
        ("AUTOMATION_EVENT_CLOCK_SKEW_SECONDS", "-5"),
    ],
)
def test_an_invalid_value_stops_start_up_naming_the_variable(tmp_path, variable, value):
    completed = _check(tmp_path, **{variable: value})
    assert completed.returncode != 0
    assert f"Environment variable {variable}=" in completed.stderr


def test_production_refuses_the_embedded_secret_key(tmp_path):
    completed = _check(tmp_path, DJANGO_SETTINGS_MODULE="cms.settings.production")
    assert completed.returncode != 0
    assert "SECRET_KEY" in completed.stderr


def test_readers_parse_what_operators_write(monkeypatch):
    monkeypatch.setenv("FLAG", "Yes")
    monkeypatch.setenv("COUNT", " 12 ")
    monkeypatch.setenv("HOSTS", "stad.gent, www.stad.gent ,")
    monkeypatch.setenv("SEARCH", "https://search.stad.gent:9200")
    assert env_bool("FLAG") is True
    assert env_int("COUNT", 1) == 12
    assert env_list("HOSTS", []) == ["stad.gent", "www.stad.gent"]
    assert env_url("SEARCH", schemes=("http", "https")) == "https://search.stad.gent:9200"


def test_a_cluster_is_several_urls_and_a_bad_one_is_named(monkeypatch):
    monkeypatch.setenv("NODES", " http://es-1:9200, http://es-2:9200 ,https://es-3:9200")
    assert env_urls("NODES", schemes=("http", "https")) == ["http://es-1:9200", "http://es-2:9200", "https://es-3:9200"]
    monkeypatch.setenv("NODES", "http://es-1:9200,es-2:9200")
    with pytest.raises(InvalidSetting, match="NODES.*'es-2:9200' is not one"):
        env_urls("NODES", schemes=("http", "https"))
    monkeypatch.delenv("NODES")
    assert env_urls("NODES", schemes=("http",)) == []


def test_a_number_below_its_minimum_is_refused(monkeypatch):
    monkeypatch.setenv("WORKERS", "0")
    with pytest.raises(InvalidSetting, match="WORKERS"):
        env_int("WORKERS", 2, minimum=1)


def test_a_choice_and_a_fraction_are_read_and_checked(monkeypatch):
    monkeypatch.setenv("FUSION", " RRF ")
    monkeypatch.setenv("FLOOR", "0.88")
    assert env_choice("FUSION", ("similarity", "rrf"), "similarity") == "rrf"
    assert env_choice("UNSET_FUSION", ("similarity", "rrf"), "similarity") == "similarity"
    assert env_fraction("FLOOR") == 0.88
    assert env_fraction("UNSET_FLOOR") is None
    monkeypatch.setenv("FLOOR", "high")
    with pytest.raises(InvalidSetting, match="FLOOR"):
        env_fraction("FLOOR")


PRODUCTION = {"DJANGO_SETTINGS_MODULE": "cms.settings.production", "SECRET_KEY": "a-long-random-production-secret-1234567890"}


@pytest.mark.parametrize(
    ("variables", "named"),
    [
        ({}, "ALLOWED_HOSTS"),  # no default in production
        ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "api.stad.gent", "SECURE_PROXY_SSL_HEADER": "X Forwarded Proto"}, "SECURE_PROXY_SSL_HEADER"),
        ({"ALLOWED_HOSTS": "api.stad.gent", "SESSION_COOKIE_SECURE": "sometimes"}, "SESSION_COOKIE_SECURE"),
        ({"ALLOWED_HOSTS": "api.stad.gent", "SECURE_HSTS_SECONDS": "a year"}, "SECURE_HSTS_SECONDS"),
    ],
)
def test_production_refuses_unsafe_security_settings_naming_the_variable(tmp_path, variables, named):
    completed = _check(tmp_path, **PRODUCTION, **variables)
    assert completed.returncode != 0
    assert f"Environment variable {named}=" in completed.stderr


def test_production_defaults_are_the_safe_ones(tmp_path):
    code = (
        "from django.conf import settings as s; "
        "print(s.ALLOWED_HOSTS, s.SECURE_PROXY_SSL_HEADER, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.CSRF_TRUSTED_ORIGINS, "
        "s.TRUSTED_PROXY_COUNT, s.AXES_FAILURE_LIMIT, s.AUTOMATION_SUBSCRIBE_RATE)"
    )
    completed = _manage(tmp_path, "shell", "-c", code, **PRODUCTION, ALLOWED_HOSTS="api.stad.gent, cms.stad.gent",
                        CSRF_TRUSTED_ORIGINS="https://cms.stad.gent/")  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split("\n")[-2] == (
        "['api.stad.gent', 'cms.stad.gent'] ('HTTP_X_FORWARDED_PROTO', 'https') True True True 31536000 True "
        "['https://cms.stad.gent'] 0 5 10/hour"
    )
    no_proxy = _manage(tmp_path, "shell", "-c", "from django.conf import settings; print(settings.SECURE_PROXY_SSL_HEADER)",
                       **PRODUCTION, ALLOWED_HOSTS="api.stad.gent", SECURE_PROXY_SSL_HEADER="")  # fmt: skip
    assert no_proxy.stdout.split("\n")[-2] == "None"
