"""Feeds out of the content hub: RSS/Atom news, iCalendar events and the sitemap.

Every list here is drawn through `cms.api.visibility`, the one rule for what is public, so
drafts, embargoed, expired and view-restricted pages never reach a feed reader, a calendar
or a search engine. Every answer carries the content API's validators (`cms.api.caching`).
"""
