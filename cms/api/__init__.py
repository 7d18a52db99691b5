"""The headless content API: Wagtail API v2 beside Plone-style traversal, one error format."""
