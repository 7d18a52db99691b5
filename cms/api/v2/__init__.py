"""Wagtail API v2 at /api/v2/, kept compatible, with our filters, visibility rule and errors."""
