"""Feeds out of the content hub: RSS/Atom news, iCalendar events and the sitemap.

Every list here is drawn through the page kernel (`cms.core.publishing`), the one rule for
what is public, so drafts, embargoed, expired and view-restricted pages, and pages under an
unpublished section, never reach a feed reader, a calendar or a search engine; every link
is the page's public URL from the same kernel. Every answer carries the content API's
validators (`cms.api.caching`).
"""
