"""How a stored message leaves the building: a channel per medium, chosen through a registry.

A plain package, not a Django app: channels hold no tables. Each channel raises the typed
errors of `errors.py`, so the send task decides retry or failure without knowing providers.
"""
