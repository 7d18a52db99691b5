"""Draft preview for headless front ends: a signed, expiring token per page revision."""
