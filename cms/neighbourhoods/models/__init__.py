"""Neighbourhood models: wijk pages with their services, and the neighbourhood magazines."""

from cms.neighbourhoods.models.magazines import MagazineArticle, MagazineEdition, NeighbourhoodMagazine
from cms.neighbourhoods.models.prints import EditionPrint, PrintStatus
from cms.neighbourhoods.models.wijk_pages import ServiceKind, WijkIndexPage, WijkPage, WijkService

__all__ = [
    "EditionPrint",
    "MagazineArticle",
    "MagazineEdition",
    "NeighbourhoodMagazine",
    "PrintStatus",
    "ServiceKind",
    "WijkIndexPage",
    "WijkPage",
    "WijkService",
]
