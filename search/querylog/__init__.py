"""What citizens search for and do not find: an anonymous, aggregated log of the public search.

Editors learn which questions the site fails to answer and which words citizens use, so
they can write pages that are found (the city's policy note, 6.2: "semantically
optimise"). The log keeps the least that answers that:

* per search, one row: the normalised query (lowercase, whitespace collapsed, accents
  kept), its language, the number of results and the day; per opened result, one row: the
  query, its language, the page and its position. No time of day, no IP address, no
  cookie, no user agent, no session: nothing that ties a row to a person or to the other
  searches of the same person (`recording.py`);
* a query that looks like personal data (an e-mail address, a phone number, a national
  register number, an IBAN, a licence plate, a long string of digits, a pasted text) is
  never stored; only a count per day and kind, without the text (`personal_data.py`);
* raw rows are folded into counts per day and query (`folding.py`) and deleted after
  SEARCH_LOG_RETENTION_DAYS; the daily counts after SEARCH_LOG_DAILY_RETENTION_DAYS
  (`retention.py`).

Layering: this package reads pages only through the page kernel (cms.core), like the rest
of `search`; the content API's search endpoint records into it, and its admin screens (the
report "Zoekvragen" and the questions beside each page in the editor) are wired in
`wagtail_hooks.py`.
"""
