"""Experiments on messages: versions of a journey's send step or a newsletter, measured honestly (issue 15)."""
