"""Making a pretest: the draft's words fixed as they are now, its cloze test, the questions, the sample asked for.

The text is copied onto the pretest when it is made, so the answers are scored against
what citizens read even when the page is edited afterwards; the cloze gaps are made once,
from that copy (cms/readability/cloze.py).
"""

from __future__ import annotations

from automation.messages.models import MessageTemplate
from automation.panel.drafts import Draft, page_draft, template_draft
from automation.panel.models import Pretest
from automation.panel.questions import DEFAULT_QUESTIONS, questions_errors
from cms.readability.cloze import EVERY, cloze_build


def pretest_create(
    *,
    name: str,
    page=None,
    message_template: MessageTemplate | None = None,
    language: str = "nl",
    questions: list[dict] | None = None,
    sample_size: int = 20,
    wijken=(),
    created_by=None,
    every: int = EVERY,
) -> Pretest:
    """A pretest of `page` (its latest revision) or `message_template` (its e-mail words in `language`).

    Raises `NoDraftText` when there is nothing to read, ValueError when neither or both are given.
    """
    if (page is None) == (message_template is None):
        raise ValueError("a pretest tests one page or one message template")
    questions = list(questions or DEFAULT_QUESTIONS)
    if questions_errors(questions):
        raise ValueError("; ".join(questions_errors(questions)))
    draft: Draft = page_draft(page=page) if page is not None else template_draft(template=message_template, language=language)
    cloze = cloze_build(draft.text, every=every, language=draft.language)
    pretest = Pretest.objects.create(
        name=name,
        page=page,
        message_template=message_template,
        revision_id=draft.revision_id,
        language=draft.language,
        title=draft.title,
        text=draft.text,
        cloze=cloze.as_json(),
        questions=questions,
        sample_size=sample_size,
        created_by=created_by,
    )
    pretest.wijken.set(list(wijken))
    return pretest
