"""The content API's parts of the platform's OpenAPI document, registered with the HTTP kernel.

Called from `ApiConfig.ready`. The builders run when the document is served, so page types
and settings are read then, not at start-up.
"""

from __future__ import annotations

from cms.api.openapi import brand, channels, common, pages
from cms.api.services.experiments import openapi as experiments
from cms.api.services.participation import openapi as participation
from cms.api.services.search import openapi as search
from cms.http.openapi.registry import openapi_part_register


def openapi_parts_register() -> None:
    openapi_part_register(
        name="content-api.pages",
        order=10,
        paths=pages.page_paths,
        schemas=pages.page_schemas,
        security_schemes=common.security_schemes,
    )
    openapi_part_register(
        name="content-api.channels",
        order=20,
        paths=channels.channel_paths,
        schemas=channels.channel_schemas,
        webhooks=channels.webhooks,
    )
    openapi_part_register(name="content-api.search", order=30, paths=lambda: search.PATHS, schemas=lambda: search.SCHEMAS)
    openapi_part_register(
        name="content-api.participation",
        order=40,
        paths=lambda: participation.PATHS,
        schemas=lambda: participation.SCHEMAS,
    )
    openapi_part_register(name="content-api.experiments", order=45, paths=lambda: experiments.PATHS)
    openapi_part_register(name="content-api.print-and-brand", order=50, paths=brand.paths, schemas=brand.schemas)
