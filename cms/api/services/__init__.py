"""One package per traversal endpoint, Plone-style: `services/<endpoint>/get.py`.

Each `get.py` exposes two functions the traversal view calls:

* `fingerprint(request, located, params)`: the database state the answer depends on, from
  narrow queries, so the ETag (and a 304) is known before the answer is built;
* `get(request, located, params)`: the answer as a JSON-ready dict.
"""
