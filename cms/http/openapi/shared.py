"""What every part of the OpenAPI documents shares: the Problem schema, a problem answer, a query parameter.

The Problem schema describes `cms.http.problems.Problem.as_dict`, the one error shape of
every endpoint; each document carries it under `#/components/schemas/Problem`.
"""

from __future__ import annotations

from django.db import DatabaseError

PROBLEM = {
    "type": "object",
    "description": "RFC 7807 problem details, the one error shape of every content API endpoint.",
    "properties": {
        "type": {"type": "string", "format": "uri"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "invalid_params": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"name": {"type": "string"}, "reason": {"type": "string"}},
                "required": ["name", "reason"],
            },
        },
    },
    "required": ["type", "title", "status"],
}


def problem(description: str, schema: str = "Problem") -> dict:
    """An answer in problem+json; `schema` names a component that extends Problem (FieldProblem)."""
    return {"description": description, "content": {"application/problem+json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}}}


def query(name: str, description: str, schema: dict | None = None) -> dict:
    """An optional query parameter (a string unless `schema` says otherwise)."""
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema or {"type": "string"}}


def listed_from_database(read) -> list | None:
    """Values the document lists from the database (slugs, names), or None when it cannot read them.

    A document built where there is no database to read (before migrations; while tests are
    collected; the front end's type generation) states only the values' shape, not which
    exist: the server still refuses an unknown one. Served by a running site, it lists them.
    """
    try:
        return list(read())
    except (DatabaseError, RuntimeError):  # pytest-django's blocker raises RuntimeError
        return None
