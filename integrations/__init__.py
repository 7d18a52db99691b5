"""Adapters for outside systems, one folder per system: case systems, ESP webhooks, SMS providers.

Nothing here is imported by the core of `automation/` except through a registry or a
dotted path in settings, so a city that uses another provider swaps a setting, not code.
"""
