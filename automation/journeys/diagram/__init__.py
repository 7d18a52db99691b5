"""A journey drawn as a diagram beside its form, with live counts on every step.

Editors build a journey as a long form of nested blocks; the diagram shows the same
version as a picture (what starts it, its steps, waits, branches and channels) with the
funnel on it: how many entered each step, wait there, were sent and delivered a message,
reached the milestone that ends the journey, or left. Four parts, each replaceable:

- graph.py: the version's rows read into plain nodes (two queries);
- layout.py: where each box and line goes (pure, no database, no SVG);
- counting.py: the counts per step (a fixed number of aggregate queries);
- drawing.py: the inline SVG, drawn on the server (no JavaScript), with a title and a
  description; the panel shows the same counts as a table for screen readers.
"""
