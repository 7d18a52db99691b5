"""The public algorithm register: every rule that decides what citizens see or receive, in plain words.

Each app describes its own algorithms where they live and registers the description from
its `AppConfig.ready` (`registry.algorithm_register`); the description reads the live
settings every time it is asked, so the register cannot go stale. The register keeps one
fingerprint per algorithm to know the date it last changed (`changes.py`), and answers at
/api/transparency/ (`api.py`) for the citizen site's page "Algoritmes".
"""
