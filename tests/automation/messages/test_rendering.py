"""Templates: placeholders and conditional parts work; nothing else a template could abuse does."""

from __future__ import annotations

import pytest
from django.template import TemplateSyntaxError

from automation.messages.rendering import render_string

CONTEXT = {"dossier": {"id": "OMV-1"}, "data": {"address": "Rabotstraat 1", "note": "<script>x</script>"}}


def test_placeholders_and_conditional_parts_are_filled_in():
    source = "Aanvraag {{ dossier.id }}{% if data.address %} voor {{ data.address }}{% endif %}{% if data.none %}!{% endif %}."
    assert render_string(source, CONTEXT, html=False) == "Aanvraag OMV-1 voor Rabotstraat 1."


def test_case_system_data_is_escaped_in_html_but_not_in_text():
    assert render_string("{{ data.note }}", CONTEXT, html=True) == "&lt;script&gt;x&lt;/script&gt;"
    assert render_string("{{ data.note }}", CONTEXT, html=False) == "<script>x</script>"


@pytest.mark.parametrize("tag", ["{% load static %}", "{% debug %}", "{% include 'base.html' %}", "{% extends 'x' %}"])
def test_tags_that_reach_beyond_the_message_are_refused(tag):
    with pytest.raises(TemplateSyntaxError):
        render_string(tag, CONTEXT, html=False)


def test_a_missing_placeholder_renders_empty_rather_than_failing_a_send():
    assert render_string("[{{ citizen.name }}]", CONTEXT, html=False) == "[]"
