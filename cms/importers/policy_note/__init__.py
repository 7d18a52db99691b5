"""Import of the city's communication and brand policy note (PDF text) as themed pages.

The parser (`parser.parse_policy_note` and the modules it uses) is plain Python, so it can
be tested and reused without Django; only `importer.py` touches Wagtail pages.
"""
