"""Sinch SMS (REST API v1, EU region by default): sending, delivery reports, and inbound STOP."""
