"""Web statistics without cookies or personal data: page views per page per day, referrers by domain.

The citizen site's Node server counts a view when it renders a page (200, HTML, not a
bot, not a prefetch) and sends the counts in signed batches every few seconds
(frontend/server/pageviews.mjs). Nothing is stored about the visitor: no cookie, no IP
address, no user agent, no full referrer URL; only "this page, this day, this many" and
"this referring domain, this day, this many". Counted on the server, so ad blockers and
visitors without JavaScript are counted too, and there is no consent banner to show.
"""
