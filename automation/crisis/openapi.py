"""The public crisis endpoints' part of the OpenAPI document (merged by automation/api/openapi.py)."""

from __future__ import annotations


def crisis_paths() -> dict:
    return {}


def crisis_schemas() -> dict:
    return {}
