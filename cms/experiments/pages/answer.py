"""Put the version drawn for one view into a page's content-API answer.

The answer is the page as published, changed in one place: the title, the intro, or the
label of the measured button. Every button with the measured address now points to the
counting redirect (`click_url`, /api/experiments/click/?t=...), so a client without
JavaScript counts the click by simply following the link. `experiment` tells a front end
which version it shows and where the button really leads, without anything about results.
"""

from __future__ import annotations

from cms.experiments.pages.models import ExperimentField, PageExperiment
from cms.experiments.pages.services import Shown


def answer_with_version(data: dict, *, experiment: PageExperiment, shown: Shown, measured_link: str,
                        click_url: str) -> dict:
    if shown.text is not None and experiment.field == ExperimentField.TITLE:
        data["title"] = shown.text
    elif shown.text is not None and experiment.field == ExperimentField.INTRO:
        data["intro"] = shown.text
    relabelled = False
    for block in data.get("body", []):
        value = block.get("value")
        if block.get("type") != "call_to_action" or not isinstance(value, dict) or value.get("url") != measured_link:
            continue
        if shown.text is not None and experiment.field == ExperimentField.CALL_TO_ACTION and not relabelled:
            value["label"] = shown.text
            relabelled = True
        value["url"] = click_url
    data["experiment"] = {
        "version": shown.version,
        "field": experiment.field,
        "measured_link": measured_link,
        "click": click_url,
    }
    return data
