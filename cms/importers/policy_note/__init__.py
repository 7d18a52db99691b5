"""Import of the city's communication and brand policy note (PDF text) as themed pages.

The parser (`parser.parse_policy_note` and the modules it uses) is plain Python, so it can
be tested and reused without Django; only `importer.py` touches Wagtail pages.
"""

from pathlib import Path

# The note itself ("Communicatie en merkbeleid", 30 March 2021, text extracted from the
# PDF), shipped so `make demo` can import it and tests can check the parser against it.
BUNDLED_NOTE = Path(__file__).resolve().parent / "data" / "communicatie_en_merkbeleid_2021.txt"
