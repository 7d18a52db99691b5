"""Heldere taal: how hard a text is to read, for editors, in Dutch first (issue 14).

The scorer (`scoring.py`) is pure Python, deterministic and offline: word frequencies from
`wordfreq`, syllables from `pyphen`, grammar signals written here. Everything around it
(the glossary snippet, the stored page scores, the admin screens, the command) calls it.
"""
