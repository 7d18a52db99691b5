"""Signage playlists for the screens in a wijk's buildings."""
