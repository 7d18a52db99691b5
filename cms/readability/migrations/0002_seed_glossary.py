"""Seed the glossary snippet with the shipped terms (data/glossary.tsv): 350+ Dutch pairs
after the Flemish government's plain-language guidance, and a few English and French ones.

Adds only terms that are not there yet, so a term an editor has changed is left alone;
reversing removes only the terms still exactly as seeded. The file is read as it is at
migration time (it is the same list the evaluation measures with).
"""

from pathlib import Path

from django.db import migrations

SEED = Path(__file__).resolve().parent.parent / "data" / "glossary.tsv"


def _terms():
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        language, official, plain, *rest = line.split("\t")
        yield language.strip(), " ".join(official.lower().split()), plain.strip(), (rest or [""])[0].strip()


def seed(apps, schema_editor):
    GlossaryEntry = apps.get_model("readability", "GlossaryEntry")
    existing = set(GlossaryEntry.objects.values_list("language", "official"))
    GlossaryEntry.objects.bulk_create(
        [
            GlossaryEntry(language=language, official=official, plain=plain, note=note)
            for language, official, plain, note in _terms()
            if (language, official) not in existing
        ]
    )


def unseed(apps, schema_editor):
    GlossaryEntry = apps.get_model("readability", "GlossaryEntry")
    for language, official, plain, note in _terms():
        GlossaryEntry.objects.filter(language=language, official=official, plain=plain).delete()


class Migration(migrations.Migration):
    dependencies = [("readability", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
