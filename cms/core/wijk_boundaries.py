"""Wijk boundaries from a GeoJSON file: read, check every feature, then store all or nothing.

A crisis alert's CAP message gives each wijk as a circle until its real boundary is known;
then it gives the boundary as polygons (automation/crisis/cap/). The city publishes its
wijken as GeoJSON (a FeatureCollection of Polygon or MultiPolygon features, RFC 7946: WGS84
longitude, latitude). `manage.py wijk_boundaries FILE` calls `wijk_boundaries_load` here.

Each feature names its wijk in a property: `slug`, else `naam`, `name` or `wijk` (or the
one given with `--property`), matched against the wijk's slug or name ("Rabot - Blaisantvest",
"rabot-blaisantvest" and "RABOT BLAISANTVEST" are the same wijk). A bad feature is named by
its position and its wijk property, with what is wrong; nothing is stored unless every
feature is right. Projected coordinates (Lambert 72 from a GIS export) are caught and said.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from cms.core.models import Wijk

NAME_PROPERTIES = ("slug", "naam", "name", "wijk")
GEOMETRY_TYPES = ("Polygon", "MultiPolygon")
WGS84_NAMES = {"urn:ogc:def:crs:OGC:1.3:CRS84", "urn:ogc:def:crs:OGC::CRS84", "urn:ogc:def:crs:EPSG::4326", "EPSG:4326"}


class WijkBoundariesInvalid(ValueError):
    """The file cannot be loaded; the message names the feature and what is wrong with it."""


@dataclass(frozen=True)
class BoundariesLoaded:
    stored: list[str]  # slugs of the wijken that got a boundary
    without: list[str]  # slugs of the wijken still without a boundary (their CAP area stays a circle)


def _label(index: int, feature, name_property: str | None) -> str:
    properties = feature.get("properties") if isinstance(feature, dict) else None
    properties = properties if isinstance(properties, dict) else {}
    keys = (name_property,) if name_property else NAME_PROPERTIES
    name = next((properties[key] for key in keys if properties.get(key) not in (None, "")), None)
    return f"feature {index}" + (f" ({name!r})" if name is not None else "")


def _check_position(position, where: str) -> None:
    if not isinstance(position, list) or len(position) not in (2, 3):
        raise WijkBoundariesInvalid(f"{where}: a position is [longitude, latitude], got {position!r}")
    if not all(isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
               for value in position):
        raise WijkBoundariesInvalid(f"{where}: a position holds numbers, got {position!r}")
    lon, lat = position[0], position[1]
    if abs(lon) > 180 or abs(lat) > 90:
        raise WijkBoundariesInvalid(
            f"{where}: {position!r} is not a longitude, latitude in WGS84 (projected coordinates, such as "
            "Lambert 72? convert the file to EPSG:4326 first)"
        )


def _check_polygon(rings, where: str) -> None:
    if not isinstance(rings, list) or not rings:
        raise WijkBoundariesInvalid(f"{where}: a polygon is a list of rings, the first its outline")
    for number, ring in enumerate(rings):
        ring_where = f"{where}, ring {number}"
        if not isinstance(ring, list) or len(ring) < 4:
            raise WijkBoundariesInvalid(f"{ring_where}: a ring needs at least 4 positions (closed: last = first)")
        for position in ring:
            _check_position(position, ring_where)
        if ring[0][:2] != ring[-1][:2]:
            raise WijkBoundariesInvalid(
                f"{ring_where}: the ring is not closed (last position {ring[-1]!r} is not the first {ring[0]!r})"
            )


def boundary_geometry_check(geometry, where: str) -> dict:
    """The geometry as stored ({"type", "coordinates"}), or WijkBoundariesInvalid saying what is wrong."""
    if not isinstance(geometry, dict) or geometry.get("type") not in GEOMETRY_TYPES:
        found = geometry.get("type") if isinstance(geometry, dict) else geometry
        raise WijkBoundariesInvalid(f"{where}: geometry must be a Polygon or MultiPolygon, got {found!r}")
    coordinates = geometry.get("coordinates")
    if geometry["type"] == "Polygon":
        _check_polygon(coordinates, where)
    else:
        if not isinstance(coordinates, list) or not coordinates:
            raise WijkBoundariesInvalid(f"{where}: a MultiPolygon is a non-empty list of polygons")
        for number, polygon in enumerate(coordinates):
            _check_polygon(polygon, f"{where}, polygon {number}")
    return {"type": geometry["type"], "coordinates": coordinates}


def _wijk_index() -> dict[str, Wijk]:
    index = {}
    for wijk in Wijk.objects.all():
        index[wijk.slug] = wijk
        index.setdefault(slugify(wijk.name), wijk)
    return index


def _feature_wijk(feature: dict, where: str, wijken: dict[str, Wijk], name_property: str | None) -> Wijk:
    properties = feature.get("properties")
    if not isinstance(properties, dict):
        raise WijkBoundariesInvalid(f"{where}: the feature has no properties to name its wijk")
    keys = (name_property,) if name_property else NAME_PROPERTIES
    values = [properties[key] for key in keys if properties.get(key) not in (None, "")]
    if not values:
        raise WijkBoundariesInvalid(f"{where}: no wijk named (property {' or '.join(repr(key) for key in keys)})")
    for value in values:
        wijk = wijken.get(slugify(str(value)))
        if wijk is not None:
            return wijk
    raise WijkBoundariesInvalid(f"{where}: no wijk called {values[0]!r} (give a wijk's slug or name)")


def boundaries_read(path: Path) -> list:
    """The features of a GeoJSON FeatureCollection file."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise WijkBoundariesInvalid(f"{path}: cannot read ({error.strerror})") from None
    except UnicodeDecodeError:
        raise WijkBoundariesInvalid(f"{path}: not UTF-8 text (GeoJSON is UTF-8)") from None
    except json.JSONDecodeError as error:
        raise WijkBoundariesInvalid(f"{path}: not JSON (line {error.lineno}, column {error.colno}: {error.msg})") from None
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection" or not isinstance(data.get("features"), list):
        raise WijkBoundariesInvalid(f"{path}: expected a GeoJSON FeatureCollection with a list of features")
    crs = data.get("crs")
    crs_name = crs.get("properties", {}).get("name") if isinstance(crs, dict) else None
    if crs_name and crs_name not in WGS84_NAMES:
        raise WijkBoundariesInvalid(f"{path}: coordinates in {crs_name}; convert the file to WGS84 (EPSG:4326) first")
    if not data["features"]:
        raise WijkBoundariesInvalid(f"{path}: the FeatureCollection has no features")
    return data["features"]


def wijk_boundaries_load(
    *, path: Path, name_property: str | None = None, dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
) -> BoundariesLoaded:
    """Check every feature of the file, then store each wijk's boundary in one transaction."""
    features = boundaries_read(path)
    wijken = _wijk_index()
    found: dict[int, tuple[Wijk, dict, str]] = {}
    for index, feature in enumerate(features):
        where = _label(index, feature, name_property)
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise WijkBoundariesInvalid(f"{where}: not a GeoJSON Feature")
        wijk = _feature_wijk(feature, where, wijken, name_property)
        geometry = boundary_geometry_check(feature.get("geometry"), where)
        if wijk.pk in found:
            raise WijkBoundariesInvalid(f"{where}: {wijk.name} is already given by {found[wijk.pk][2]}")
        found[wijk.pk] = (wijk, geometry, where)
        if progress:
            progress(index + 1, len(features) * 2)
    if not dry_run:
        with transaction.atomic():
            for done, (wijk, geometry, _where) in enumerate(found.values(), start=1):
                Wijk.objects.filter(pk=wijk.pk).update(boundary=geometry)
                if progress:
                    progress(len(features) + done, len(features) * 2)
    stored = sorted(wijk.slug for wijk, _geometry, _where in found.values())
    without = sorted(Wijk.objects.filter(boundary__isnull=True).exclude(slug__in=stored).values_list("slug", flat=True))
    return BoundariesLoaded(stored=stored, without=without)
