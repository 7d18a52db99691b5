"""The signage tests reuse the feeds' never-to-leak pages."""

from tests.cms.api.feeds.conftest import hidden_pages, hidden_state  # noqa: F401 - fixtures
