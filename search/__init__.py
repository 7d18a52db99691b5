"""Public search for Vrijhaven: Dutch-aware keyword search, passage embeddings, hybrid fusion.

The public entry points are `search.backends.get_backend(alias)` and the dataclasses in
`search.documents` (what goes in) and `search.query` (what is asked and answered).
"""
