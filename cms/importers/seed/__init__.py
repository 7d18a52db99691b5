"""The demo seed: builds the Ghent demo site from cms/importers/demo_data/*.json.

One module per content area; `run.seed_demo` calls them in order inside one transaction.
Every step finds what it made before by a stable key (page slug under its parent, snippet
key, image title, username) and updates it in place, so the seed can run any number of
times without duplicating anything.
"""
