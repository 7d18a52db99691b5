"""The OpenAPI part for the edition's print versions (`@print`) and the city's brand (`/api/brand/`)."""

from __future__ import annotations

from cms.api.brand import SCHEMA as BRAND
from cms.api.openapi.common import COMMON_RESPONSES, CONDITIONAL, PATH_PARAM, ok
from cms.api.services.print_edition.get import SCHEMA as PRINTS


def schemas() -> dict:
    return {"Brand": BRAND, "EditionPrints": PRINTS}


def paths() -> dict:
    return {
        "/api/content/{path}/@print": {
            "get": {
                "summary": "The magazine edition's print versions (PDF), to download",
                "description": "Ready PDFs per variant: `print` (A4 with bleed and crop marks, PDF/X-4), "
                "`accessible` (tagged PDF/UA-1) and `large-print` (16 pt body text), with size in bytes. "
                "Pages other than magazine editions have none (an empty list).",
                "parameters": [PATH_PARAM, *CONDITIONAL],
                "responses": {
                    "200": ok("Print versions", {"$ref": "#/components/schemas/EditionPrints"}),
                    **COMMON_RESPONSES,
                },
            }
        },
        "/api/brand/": {
            "get": {
                "summary": "The city's brand: name, logo, colours, typeface, Gentinfo",
                "description": "Kept in the admin (Instellingen > Huisstijl); letters, the printed magazine, "
                "e-mails and the signage screens use the same values.",
                "parameters": CONDITIONAL,
                "responses": {"200": ok("The brand", {"$ref": "#/components/schemas/Brand"}),
                              "304": COMMON_RESPONSES["304"]},
            }
        },
    }
