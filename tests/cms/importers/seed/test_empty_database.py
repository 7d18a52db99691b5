"""The seed on a database emptied after its migrations (a flushed test database) still builds the site."""

from wagtail.models import Page, Site

from cms.importers.seed.run import seed_demo
from tests.cms.importers.seed.kept_for_module import FIXTURES


def test_the_seed_makes_the_tree_root_again_when_it_is_gone(db, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    Page.get_first_root_node().delete()
    Site.objects.all().delete()
    assert not Page.objects.exists()
    report = seed_demo(data_dir=FIXTURES)
    assert report.total_live_pages > 10
    assert "stad-gent" in {page.slug for page in Page.get_first_root_node().get_children()}
    assert Site.objects.get(is_default_site=True).root_page.slug == "stad-gent"
