"""Experiments on pages: versions of a page's title, intro or call to action, served by the content API.

A citizen's page view has no identity (no cookie, nothing on the device), so every view
the content API builds is drawn at random (`cms.experiments.assignment.arm_at_random`) and
stored as one `PageView` row (the exposure, counted once, on the server). The measured link
in that answer goes through a signed token naming that row; the first use of it marks the
row clicked (a compare-and-set), later uses only redirect. Results are tallied per version
and judged by the kernel's anytime-valid test (`cms.experiments.statistics`).
"""
