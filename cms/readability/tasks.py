"""The one readability task: score a page when it is published (queued by name, signals.py)."""

from celery import shared_task

from cms.readability.services import page_readability_record

PAGE_SCORE = "readability.page_score"


@shared_task(name=PAGE_SCORE, acks_late=True)
def page_score(page_id: int) -> dict | None:
    row = page_readability_record(page_id=page_id)
    return {"page": page_id, "level": row.level, "difficulty": row.difficulty} if row else None
