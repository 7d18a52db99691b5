"""The OpenAPI 3.1 document of the content API (/api/schema/) and its docs page (/api/docs/)."""
