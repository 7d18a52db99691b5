"""The journeys screens in the admin's "Automatisering" menu (collected by automation/admin_menu.py)."""

from __future__ import annotations


def viewsets() -> list:
    """Viewsets (or viewset groups) this area adds to the "Automatisering" menu, in menu order."""
    return []
