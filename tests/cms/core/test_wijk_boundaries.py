"""`manage.py wijk_boundaries FILE.geojson`: every feature checked, a bad one named, all stored or none."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import CommandError, call_command

from cms.core.models import Wijk

pytestmark = pytest.mark.django_db
RING = [[3.705, 51.061], [3.725, 51.061], [3.725, 51.070], [3.705, 51.061]]


def feature(name, geometry=None, key="naam"):
    return {"type": "Feature", "properties": {key: name}, "geometry": geometry or {"type": "Polygon", "coordinates": [RING]}}


def load(tmp_path, features, *args, raw=None):
    path = tmp_path / "wijken.geojson"
    path.write_text(raw if raw is not None else json.dumps({"type": "FeatureCollection", "features": features}))
    out, err = io.StringIO(), io.StringIO()
    call_command("wijk_boundaries", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def boundaries() -> dict:
    return dict(Wijk.objects.filter(boundary__isnull=False).values_list("slug", "boundary"))


def test_boundaries_are_stored_by_name_or_slug_with_progress_and_a_summary(tmp_path):
    multi = {"type": "MultiPolygon", "coordinates": [[RING], [RING]]}
    out, err = load(tmp_path, [feature("RABOT - BLAISANTVEST"), feature("ledeberg", multi, key="slug")])
    assert boundaries() == {"rabot-blaisantvest": {"type": "Polygon", "coordinates": [RING]}, "ledeberg": multi}
    assert "2 wijk(en) got a boundary: ledeberg, rabot-blaisantvest." in out
    assert "23 wijk(en) without a boundary keep their circle" in out
    assert "Wijkgrenzen" in err and "4/4" in err  # the progress bar: checked, then stored


@pytest.mark.parametrize(
    "bad, message",
    [
        (feature("Nergensland"), "feature 1 ('Nergensland'): no wijk called 'Nergensland'"),
        (feature("Ledeberg", {"type": "Point", "coordinates": [3.7, 51.0]}),
         "feature 1 ('Ledeberg'): geometry must be a Polygon or MultiPolygon, got 'Point'"),
        (feature("Ledeberg", {"type": "Polygon", "coordinates": [[[3.7, 51.0], [3.8, 51.0], [3.8, 51.1], [3.7, 51.1]]]}),
         "feature 1 ('Ledeberg'), ring 0: the ring is not closed"),
        (feature("Ledeberg", {"type": "Polygon", "coordinates": [[[104000.5, 194000.2], [105000, 194000], [105000, 195000],
                                                                  [104000.5, 194000.2]]]}),
         "feature 1 ('Ledeberg'), ring 0: [104000.5, 194000.2] is not a longitude, latitude in WGS84"),
        (feature("Ledeberg", {"type": "MultiPolygon", "coordinates": [[RING], [[[3.7, 51.0], [3.7, 51.0]]]]}),
         "feature 1 ('Ledeberg'), polygon 1, ring 0: a ring needs at least 4 positions"),
        (feature("Ledeberg", {"type": "Polygon", "coordinates": [[[3.7, "51"], [3.8, 51.0], [3.8, 51.1], [3.7, "51"]]]}),
         "feature 1 ('Ledeberg'), ring 0: a position holds numbers"),
        ({"type": "Feature", "properties": {"id": 7}, "geometry": {"type": "Polygon", "coordinates": [RING]}},
         "feature 1: no wijk named (property 'slug' or 'naam' or 'name' or 'wijk')"),
        (feature("rabot-blaisantvest", key="slug"), "feature 1 ('rabot-blaisantvest'): Rabot - Blaisantvest is already given by feature 0"),
    ],
)
def test_a_bad_feature_is_named_with_what_is_wrong_and_nothing_is_stored(tmp_path, bad, message):
    with pytest.raises(CommandError) as refused:
        load(tmp_path, [feature("Rabot - Blaisantvest"), bad])
    assert message in str(refused.value)
    assert str(refused.value).endswith("nothing stored")
    assert boundaries() == {}


def test_a_file_that_is_no_feature_collection_or_no_json_is_refused(tmp_path):
    with pytest.raises(CommandError, match=r"not JSON \(line 1, column 2"):
        load(tmp_path, [], raw="{nope")
    with pytest.raises(CommandError, match="expected a GeoJSON FeatureCollection"):
        load(tmp_path, [], raw=json.dumps({"type": "Feature"}))
    with pytest.raises(CommandError, match="convert the file to WGS84"):
        load(tmp_path, [], raw=json.dumps({"type": "FeatureCollection", "features": [feature("Ledeberg")],
                                           "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::31370"}}}))
    assert boundaries() == {}


def test_a_named_property_and_a_dry_run(tmp_path):
    out, _err = load(tmp_path, [feature("Ledeberg", key="WIJK_NAAM")], "--property", "WIJK_NAAM", "--dry-run", "--no-progress")
    assert "1 wijk(en) would get a boundary: ledeberg." in out
    assert boundaries() == {}
    load(tmp_path, [feature("Ledeberg", key="WIJK_NAAM")], "--property", "WIJK_NAAM", "--no-progress")
    assert list(boundaries()) == ["ledeberg"]


def test_every_ghent_wijk_starts_with_a_centre_and_radius_inside_the_city():
    wijken = list(Wijk.objects.all())
    assert len(wijken) == 25
    for wijk in wijken:
        assert 50.97 < wijk.centre_lat < 51.19 and 3.57 < wijk.centre_lon < 3.85, wijk.slug
        assert 0 < wijk.radius_km <= 5, wijk.slug
