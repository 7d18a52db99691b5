"""Experiments: comparing versions of a message or a page with statistics that survive looking.

The pure parts live here, low in the house, so that both the message side (automation) and
the page side (the content API) use one rule: `assignment` fixes who sees which version,
`statistics` decides whether a difference is real (an anytime-valid sequential test), and
`verdict` says it in plain Dutch, English or French.
"""
