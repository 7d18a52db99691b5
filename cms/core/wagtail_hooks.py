"""Admin wiring for the core snippets: the taxonomies and the press contacts.

Themes and wijken sit together under one "Taxonomie" menu; press contacts get their own
item because the press office, not the web editors, maintains them.
"""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.core.models import PressContact, Theme, Wijk


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = "Thema's"
    list_display = ["name", "slug"]
    search_fields = ["name"]


class WijkViewSet(SnippetViewSet):
    model = Wijk
    icon = "site"
    menu_label = "Wijken"
    list_display = ["name", "slug", "postcode"]
    list_filter = ["postcode"]
    search_fields = ["name"]


class TaxonomyViewSetGroup(SnippetViewSetGroup):
    items = (ThemeViewSet, WijkViewSet)
    menu_icon = "tag"
    menu_label = "Taxonomie"
    menu_name = "taxonomie"
    menu_order = 300


class PressContactViewSet(SnippetViewSet):
    model = PressContact
    icon = "user"
    menu_label = "Perscontacten"
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["name", "role", "phone", "email"]
    search_fields = ["name", "role"]


register_snippet(TaxonomyViewSetGroup)
register_snippet(PressContactViewSet)
