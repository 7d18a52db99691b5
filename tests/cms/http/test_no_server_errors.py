"""No documented API operation answers 5xx to a hostile query string, header or path value.

For every operation in the OpenAPI document (path values filled with real examples, then
with hostile ones), each documented query parameter gets values a fuzzer or an attacker
sends, and the request gets headers with odd characters. Whatever the answer is, it is
not a server error. (schemathesis does this at scale in `make test`; this sweep runs in
the unit tests so a regression shows on SQLite within seconds.)
"""

from __future__ import annotations

import re

import pytest
from django.test import Client

from cms.http.openapi.document import openapi_document

pytestmark = pytest.mark.django_db
EXAMPLES = {"path": "nl/themas", "id": "1", "type": "themes.ThemePage", "fmt": "rss", "slug": "ledeberg", "token": "x"}
HOSTILE_VALUES = ['"', "\x00", "'", "-1", "99999999999999999999", "1e309", "é€🚲", "a" * 5000, "%", "\\", "[]", "{}",
                  "null", "true", " ", ",", "_", "*", "-"]  # fmt: skip
HOSTILE_PATH_VALUES = {"id": ["99999999999999999999", "0"], "path": ["nl/%00", "nl/" + "a" * 3000, "é/€"],
                       "slug": ["a" * 3000], "token": ["é€", "a" * 5000, "%00"]}  # fmt: skip
# As a WSGI server hands headers to Django: the bytes on the wire (UTF-8 here) decoded as ISO-8859-1.
HOSTILE_HEADERS = {
    "HTTP_IF_NONE_MATCH": 'W/"é€", *, "\x7f"',
    "HTTP_IF_MODIFIED_SINCE": "gisteren om drie uur",
    "HTTP_ACCEPT_LANGUAGE": "é€;q=abc, *;q=-1",
    "HTTP_X_VRIJHAVEN_CLIENT_KEY": "sleütel€",
    "HTTP_X_VRIJHAVEN_FORWARDED_FOR": "é€",
    "HTTP_X_FORWARDED_FOR": "é€, 999.1.1.1",
    "HTTP_AUTHORIZATION": "Basic é€",
    "HTTP_COOKIE": "sessionid=é€; csrftoken=\x7f",
    "HTTP_ACCEPT": "application/json; q=é",
}
HOSTILE_HEADERS = {name: value.encode("utf-8").decode("iso-8859-1") for name, value in HOSTILE_HEADERS.items()}


def get_operations():
    document = openapi_document()
    for template, item in sorted(document["paths"].items()):
        shared = item.get("parameters", [])
        for method, operation in item.items():
            if method == "get":
                params = [p for p in [*shared, *operation.get("parameters", [])] if p["in"] == "query"]
                yield template, [p["name"] for p in params]


GETS = list(get_operations())


def fill(template: str, **values) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), EXAMPLES[m.group(1)]), template)


@pytest.mark.parametrize(("template", "names"), GETS, ids=[t for t, _ in GETS])
def test_hostile_query_values_and_headers_never_answer_5xx(tree, template, names):
    client = Client()
    url = fill(template)
    for name in [*names, "unknown"]:
        for value in HOSTILE_VALUES:
            response = client.get(url, {name: value}, **HOSTILE_HEADERS)
            assert response.status_code < 500, (url, name, value, response.status_code)


@pytest.mark.parametrize(("template", "names"), GETS, ids=[t for t, _ in GETS])
def test_hostile_path_values_never_answer_5xx(tree, template, names):
    client = Client()
    for param, values in HOSTILE_PATH_VALUES.items():
        if "{" + param + "}" not in template:
            continue
        for value in values:
            response = client.get(fill(template, **{param: value}))
            assert response.status_code < 500, (template, param, value, response.status_code)
