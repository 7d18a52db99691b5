"""The admin: the report "Zoekvragen" for web editors, the questions beside a page in its editor."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from cms.core.editors import EditorGroup, department_group_name, editorial_network_ensure

from .factories import opened, searched

REPORT = "/admin/zoekvragen/"


@pytest.fixture
def network(tree):
    return editorial_network_ensure()


@pytest.fixture
def user_in(django_user_model, network):
    def make(username, group_name):
        user = django_user_model.objects.create_user(username, f"{username}@stad.gent.example", "pw")
        user.groups.add(Group.objects.get(name=group_name))
        return user

    return make


@pytest.fixture
def web_editor(client, user_in):
    client.force_login(user_in("redacteur.milieu", department_group_name("Milieu en Klimaat")))
    return client


@pytest.fixture
def log(tree):
    searched("afvalkalender", times=4, results=3)
    opened("afvalkalender", tree.theme_page.pk, position=2, times=2)
    searched("xqzvwj plofkraak", times=2, results=0)
    searched("parkeerkaart", times=3, results=5)


def refused(response) -> None:
    """Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard and a message."""
    assert response.status_code == 302 and response["Location"] == "/admin/"


def section(html: str, heading: str) -> str:
    """The HTML of the report section under `heading`."""
    match = re.search(rf"<h2[^>]*>{re.escape(heading)}</h2>(.*?)</section>", html, re.S)
    assert match, f"no section {heading!r}"
    return unescape(match.group(1))


def test_a_web_editor_reads_the_report(web_editor, log):
    response = web_editor.get(REPORT)
    assert response.status_code == 200
    html = response.content.decode()
    assert "afvalkalender" in section(html, "Meest gezocht")
    nothing = section(html, "Gezocht maar niets gevonden")
    assert "xqzvwj plofkraak" in nothing and "afvalkalender" not in nothing
    unopened = section(html, "Gevonden maar nooit geopend")
    assert "parkeerkaart" in unopened and "afvalkalender" not in unopened
    assert html.count('role="img"') == 3  # one trend chart per list


def test_from_a_query_that_found_nothing_an_editor_creates_or_finds_a_page(web_editor, log):
    nothing = section(web_editor.get(REPORT).content.decode(), "Gezocht maar niets gevonden")
    create = reverse("wagtailadmin_pages:choose_parent", args=["themes", "themepage"])
    assert f'href="{create}"' in nothing
    explorer = reverse("wagtailadmin_pages:search") + "?q=xqzvwj+plofkraak"
    assert f'href="{explorer}"' in nothing
    assert web_editor.get(create).status_code == 200  # the add-page chooser opens for a web editor
    assert web_editor.get(explorer).status_code == 200


def test_the_period_filter(web_editor, tree):
    long_ago = timezone.localdate() - timedelta(days=45)
    searched("kerstmarkt", day=long_ago, results=0)
    assert "kerstmarkt" not in web_editor.get(REPORT).content.decode()
    html = web_editor.get(REPORT, {"since": long_ago.isoformat(), "until": long_ago.isoformat()}).content.decode()
    assert "kerstmarkt" in section(html, "Gezocht maar niets gevonden")


def test_a_period_backwards_is_explained(web_editor, tree):
    today = timezone.localdate()
    html = web_editor.get(REPORT, {"since": today.isoformat(), "until": (today - timedelta(days=3)).isoformat()})
    assert "De begindatum ligt na de einddatum." in html.content.decode()


def test_the_report_is_in_the_reports_menu_for_those_who_may_read_it(web_editor, client, user_in):
    menu = web_editor.get("/admin/").content.decode()
    assert "Zoekvragen" in menu and REPORT in menu
    client.force_login(user_in("campagne", EditorGroup.CAMPAGNETEAM))
    assert REPORT not in client.get("/admin/").content.decode()


def test_without_the_permission_the_report_is_forbidden(client, user_in, log):
    client.force_login(user_in("campagne", EditorGroup.CAMPAGNETEAM))
    refused(client.get(REPORT))
    client.logout()
    assert client.get(REPORT).status_code == 302  # to the login page


def test_the_questions_of_a_page_are_beside_it_in_the_editor(web_editor, tree, log):
    html = web_editor.get(reverse("wagtailadmin_pages:edit", args=[tree.theme_page.pk])).content.decode()
    assert 'data-side-panel-toggle="zoekvragen"' in html
    panel = re.search(r'data-side-panel="zoekvragen".*?</div>\s*</div>', html, re.S).group(0)
    assert "afvalkalender" in panel and "2,0" in panel  # opened twice, at position 2 (Dutch decimals)
    toggle = re.search(r'data-side-panel-toggle="zoekvragen".*?</button>', html, re.S).group(0)
    assert re.search(r"w-side-panel-toggle__counter[^>]*>\s*1\s*<", toggle)


def test_a_page_without_questions_says_so(web_editor, tree):
    html = web_editor.get(reverse("wagtailadmin_pages:edit", args=[tree.theme_index.pk])).content.decode()
    assert "Nog niemand opende deze pagina vanuit de zoekfunctie van de site." in html


def test_all_questions_of_a_page(web_editor, tree):
    for n in range(20):
        opened(f"vraag {n:02d}", tree.theme_page.pk, times=1 + n)
    edit = web_editor.get(reverse("wagtailadmin_pages:edit", args=[tree.theme_page.pk])).content.decode()
    url = reverse("search_querylog:page", args=[tree.theme_page.pk])
    assert f'href="{url}"' in edit and "Alle 20 zoekvragen" in edit
    html = web_editor.get(url).content.decode()
    assert all(f"vraag {n:02d}" in html for n in range(20))


def test_the_questions_of_a_page_need_the_right_to_edit_it_or_read_the_report(client, user_in, tree):
    client.force_login(user_in("campagne", EditorGroup.CAMPAGNETEAM))
    refused(client.get(reverse("search_querylog:page", args=[tree.theme_page.pk])))
