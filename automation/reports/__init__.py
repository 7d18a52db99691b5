"""Reports in the admin: counts of what happened to messages, per journey and per wijk, with charts.

Counts are aggregate queries (one per breakdown, whatever the number of messages);
charts are inline SVG drawn on the server, with text labels and a table beside them, so
they need no chart library, no JavaScript, and read well with a screen reader.
"""
