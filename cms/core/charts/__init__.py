"""Charts for admin reports, drawn on the server as inline SVG: no chart library, no JavaScript.

Each chart has a title and a description a screen reader reads (role="img"), carries its
numbers as text, and is shown beside a table of the same numbers.
"""
