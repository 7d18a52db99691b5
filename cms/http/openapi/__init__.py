"""The OpenAPI registry and the documents assembled from it (/api/schema/, /api/automation/openapi.json)."""
