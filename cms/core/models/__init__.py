"""Core models: the taxonomies, press contacts, the home page and the abstract page bases."""

from cms.core.models.brand import Brand, BrandSettings, brand
from cms.core.models.home import HomePage
from cms.core.models.pages import BasePage, TaggedPage, ThemedPage, slugs_serializer
from cms.core.models.press_contact import PressContact
from cms.core.models.taxonomy import Theme, Wijk, in_source_locale

__all__ = [
    "BasePage",
    "Brand",
    "BrandSettings",
    "HomePage",
    "PressContact",
    "TaggedPage",
    "Theme",
    "ThemedPage",
    "Wijk",
    "brand",
    "in_source_locale",
    "slugs_serializer",
]
