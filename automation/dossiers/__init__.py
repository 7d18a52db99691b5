"""Dossiers in outside case systems and the signed milestone events they post to us."""
