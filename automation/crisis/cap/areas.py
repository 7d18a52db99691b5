"""Where a crisis alert applies, as CAP `area` blocks: one per wijk, or the whole city.

Each area has a description (the wijk's name), its shape and geocodes:

* shape: the wijk's boundary as `polygon`s once loaded (`manage.py wijk_boundaries`: one
  polygon per outline of a (Multi)Polygon; CAP polygons have no holes, so a hole's streets
  are warned too), else a `circle` from the wijk's centre and radius (seeded for Ghent's
  wijken), else no shape (a wijk an editor added without a centre still has its geocodes);
* geocodes: `NIS` with the municipality's NIS code (Statbel's REFNIS, 44021 for Gent: the
  code Belgian warning systems use for a municipality), and `wijk` with the wijk's slug,
  Vrijhaven's stable key for it (the same as `?wijk=` in the API).

A city-wide alert has one area: the city, with its NIS code and a circle around it.
The city (name, NIS code, a circle around it) is `CITY`, beside the wijken's own data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

NIS_VALUE_NAME = "NIS"
WIJK_VALUE_NAME = "wijk"
CITY = {"name": "Gent", "nis": "44021", "centre": (51.0543, 3.7174), "radius_km": 11.0}


@dataclass(frozen=True)
class Area:
    description: str
    polygons: list[str] = field(default_factory=list)
    circles: list[str] = field(default_factory=list)
    geocodes: list[tuple[str, str]] = field(default_factory=list)


def _number(value) -> str:
    """A coordinate or radius as CAP writes it: decimal degrees, no exponent, no trailing zeros."""
    text = format(Decimal(str(value)).quantize(Decimal("0.000001")), "f").rstrip("0")
    return text + "0" if text.endswith(".") else text


def circle(lat, lon, radius_km) -> str:
    """CAP circle: "latitude,longitude radius" (WGS84, radius in km)."""
    return f"{_number(lat)},{_number(lon)} {_number(radius_km)}"


def polygons(boundary: dict) -> list[str]:
    """CAP polygons ("lat,lon lat,lon ...", closed) from a GeoJSON Polygon or MultiPolygon: the outlines."""
    shapes = [boundary["coordinates"]] if boundary["type"] == "Polygon" else boundary["coordinates"]
    return [" ".join(f"{_number(lat)},{_number(lon)}" for lon, lat, *_alt in shape[0]) for shape in shapes]


def wijk_area(wijk) -> Area:
    shapes, circles = [], []
    if wijk.boundary:
        shapes = polygons(wijk.boundary)
    elif wijk.centre_lat is not None and wijk.centre_lon is not None and wijk.radius_km:
        circles = [circle(wijk.centre_lat, wijk.centre_lon, wijk.radius_km)]
    return Area(
        description=wijk.name,
        polygons=shapes,
        circles=circles,
        geocodes=[(NIS_VALUE_NAME, CITY["nis"]), (WIJK_VALUE_NAME, wijk.slug)],
    )


def city_area() -> Area:
    lat, lon = CITY["centre"]
    return Area(
        description=CITY["name"], circles=[circle(lat, lon, CITY["radius_km"])], geocodes=[(NIS_VALUE_NAME, CITY["nis"])]
    )


def alert_areas(wijken) -> list[Area]:
    """One area per wijk (by name), or the city's when the alert is for all of it."""
    wijken = sorted(wijken, key=lambda wijk: wijk.name)
    return [wijk_area(wijk) for wijk in wijken] if wijken else [city_area()]
