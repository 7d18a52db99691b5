"""A wijk's place on the map (centre, radius, boundary) for crisis alerts in CAP 1.2.

Seeds the centre and radius of Ghent's 25 wijken (cms/core/taxonomy_data.py: WIJK_CENTRES)
where none is set, so a fresh install's alerts carry a circle per wijk. Never overwrites a
centre an editor set. Boundaries come later, from a GeoJSON file (`manage.py wijk_boundaries`).
"""

from django.db import migrations, models

from cms.core.taxonomy_data import WIJK_CENTRES, wijk_centre_fields


def seed_centres(apps, schema_editor):
    Wijk = apps.get_model("core", "Wijk")
    for wijk in Wijk.objects.filter(slug__in=list(WIJK_CENTRES), centre_lat__isnull=True):
        for field, value in wijk_centre_fields(wijk.slug).items():
            setattr(wijk, field, value)
        wijk.save(update_fields=["centre_lat", "centre_lon", "radius_km"])


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0003_brand_settings'),
    ]

    operations = [
        migrations.AddField(
            model_name='wijk',
            name='boundary',
            field=models.JSONField(blank=True, editable=False, help_text='Polygon of MultiPolygon in WGS84, geladen met manage.py wijk_boundaries.', null=True, verbose_name='grens (GeoJSON)'),
        ),
        migrations.AddField(
            model_name='wijk',
            name='centre_lat',
            field=models.DecimalField(blank=True, decimal_places=5, help_text='WGS84, bv. 51.05430.', max_digits=8, null=True, verbose_name='middelpunt: breedtegraad'),
        ),
        migrations.AddField(
            model_name='wijk',
            name='centre_lon',
            field=models.DecimalField(blank=True, decimal_places=5, help_text='WGS84, bv. 3.72330.', max_digits=8, null=True, verbose_name='middelpunt: lengtegraad'),
        ),
        migrations.AddField(
            model_name='wijk',
            name='radius_km',
            field=models.DecimalField(blank=True, decimal_places=2, help_text='Een cirkel rond het middelpunt die de hele wijk bedekt (voor crisisberichten).', max_digits=5, null=True, verbose_name='straal (km)'),
        ),
        migrations.AddConstraint(
            model_name='wijk',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('centre_lat__isnull', True), ('centre_lon__isnull', True)), models.Q(('centre_lat__isnull', False), ('centre_lon__isnull', False), ('centre_lat__gte', -90), ('centre_lat__lte', 90), ('centre_lon__gte', -180), ('centre_lon__lte', 180)), _connector='OR'), name='wijk_centre_whole_and_on_earth'),
        ),
        migrations.AddConstraint(
            model_name='wijk',
            constraint=models.CheckConstraint(condition=models.Q(('radius_km__isnull', True), ('radius_km__gt', 0), _connector='OR'), name='wijk_radius_positive'),
        ),
        migrations.RunPython(seed_centres, migrations.RunPython.noop),
    ]
