"""The HTTP kernel: what every endpoint of the platform shares, whichever app it lives in.

One error format (problems.py, field_problems.py), one JSON body parser with size and depth
limits (json_body.py), the URL registry each app mounts its routes through (routes.py), the
API-request URLconf that keeps 404s under /api/ problem+json (urlconf.py, views.py), the
OpenAPI registry the platform's documents are assembled from (openapi/), and what hostile
input meets first: the one rule for which methods an address takes (methods.py: 405 with
`Allow`, OPTIONS), who the client is (clients.py), the one request-rate mechanism every
limit uses (rate_windows.py) and the Content-Security-Policy (content_security.py).

It sits low in the house: apps register into it from their `AppConfig.ready`, and it
imports no other project package, so the content API, automation and the integrations all
build on it without depending on each other.
"""
