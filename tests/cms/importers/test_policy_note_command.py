"""The command on small files: what it tells the user, and that a bad file stores nothing."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from wagtail.models import Page

from cms.importers.policy_note.importer import ImportStatus, policy_note_import
from cms.themes.models import ThemeIndexPage

FIXTURES = Path(__file__).parent / "fixtures" / "policy_note"
SHORT_NOTE = FIXTURES / "short_note.txt"


def run_command(*args):
    out = StringIO()
    call_command("import_policy_note", *map(str, args), stdout=out)
    return out.getvalue()


def test_the_summary_lists_the_pages_and_what_happened_to_them(home):
    first = run_command(SHORT_NOTE)
    assert "2.1 Inleiding  /nl/communicatie-en-merkbeleid/2-tweede-hoofdstuk-" in first
    assert "5 pagina's (5 nieuw, 0 bijgewerkt, 0 ongewijzigd)" in first
    assert "5 pagina's (0 nieuw, 0 bijgewerkt, 5 ongewijzigd)" in run_command(SHORT_NOTE)


def test_a_heading_wrapped_over_two_lines_is_one_title(home):
    titles = [s.title for s in policy_note_import(path=SHORT_NOTE)]
    assert titles == [
        "Voorwoord",
        "1 Eerste hoofdstuk",
        "2 Tweede hoofdstuk met een lange titel die over twee regels loopt",
        "2.1 Inleiding",
        "2.2 Besluit",
    ]


def test_a_reworded_heading_updates_the_same_page_and_keeps_its_url(home, tmp_path):
    note = tmp_path / "note.txt"
    note.write_text(SHORT_NOTE.read_text(encoding="utf-8"), encoding="utf-8")
    first = {s.number: s for s in policy_note_import(path=note)}
    note.write_text(note.read_text(encoding="utf-8").replace("Eerste hoofdstuk", "Herwerkt hoofdstuk"), encoding="utf-8")
    second = {s.number: s for s in policy_note_import(path=note)}
    assert second["1"].page_id == first["1"].page_id
    assert second["1"].title == "1 Herwerkt hoofdstuk"
    assert second["1"].url == first["1"].url
    assert second["1"].status == ImportStatus.UPDATED
    assert second["2.1"].status == ImportStatus.UNCHANGED
    assert Page.objects.get(pk=first["1"].page_id).title == "1 Herwerkt hoofdstuk"


def test_a_missing_file_is_a_clear_error_and_stores_nothing(home):
    before = Page.objects.count()
    with pytest.raises(CommandError, match="does-not-exist.txt: cannot read the file"):
        run_command(FIXTURES / "does-not-exist.txt")
    assert Page.objects.count() == before


def test_a_file_without_sections_is_refused_and_stores_nothing(home):
    before = Page.objects.count()
    with pytest.raises(CommandError, match="not_a_note.txt: no numbered chapters found"):
        run_command(FIXTURES / "not_a_note.txt")
    assert Page.objects.count() == before
    assert not ThemeIndexPage.objects.filter(slug="communicatie-en-merkbeleid").exists()


def test_a_binary_file_is_refused(home, tmp_path):
    binary = tmp_path / "note.pdf"
    binary.write_bytes(b"%PDF-1.7\n\xff\xfe\x00\x81")
    with pytest.raises(CommandError, match=r"note.pdf: cannot read the file \(not UTF-8 text\)"):
        run_command(binary)


def test_without_a_home_page_nothing_is_stored(db):
    before = Page.objects.count()
    with pytest.raises(CommandError, match="no Dutch home page"):
        run_command(SHORT_NOTE)
    assert Page.objects.count() == before
