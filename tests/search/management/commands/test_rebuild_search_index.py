"""`manage.py rebuild_search_index`: a progress bar on stderr, embedded and cached counts on stdout."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from search.models import CachedEmbedding

pytestmark = pytest.mark.django_db


def rebuild(*args):
    out, err = StringIO(), StringIO()
    call_command("rebuild_search_index", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_rebuilding_twice_embeds_only_the_first_time(tree, index):
    CachedEmbedding.objects.all().delete()  # as on a site whose pages were never indexed
    out, err = rebuild()
    assert "14 documents from 14 pages" in out  # not Wagtail's welcome page: live, but no site serves it
    assert "14 passages (14 embedded, 0 from cache)" in out
    assert "14/14" in err  # the progress bar
    out, _ = rebuild("--no-progress")
    assert "14 passages (0 embedded, 14 from cache)" in out
    assert index.count() == 14


def test_an_unknown_backend_alias_is_refused_naming_the_option(db):
    with pytest.raises(CommandError, match="--backend"):
        rebuild("--backend", "nope")
