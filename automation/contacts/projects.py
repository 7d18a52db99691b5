"""Projects a citizen can follow, read through cms's models (automation sits above cms).

A follow subscription points at the project page in the source language (Dutch), like
theme subscriptions point at source themes: following the English page is following the
project, and the messages name it in the reader's language when it is translated. Only a
project the public can see now (the page kernel's rule) can be followed.
"""

from __future__ import annotations

from wagtail.models import Locale

from cms.core.publishing import is_public, public_pages
from cms.projects.models import ProjectPage


def source_project(page: ProjectPage) -> ProjectPage:
    default = Locale.get_default()
    if page.locale_id == default.pk:
        return page
    return page.get_translation_or_none(default) or page


def followable_projects_by_id(ids) -> dict[int, ProjectPage]:
    """Given page id -> the source-language project to follow, for the ids that are public projects."""
    found = {}
    for page in ProjectPage.objects.filter(pk__in=list(ids)):
        if is_public(page):
            found[page.pk] = source_project(page)
    return found


def followable_project_ids() -> list[int]:
    """Ids of every project page the public can see now, in any language: what `projects` may name."""
    return sorted(public_pages(ProjectPage).values_list("pk", flat=True))


def project_in_language(project: ProjectPage, *, language: str) -> ProjectPage:
    """The project's public translation in `language`, else the project as given."""
    locale = Locale.objects.filter(language_code=language).first()
    translation = project.get_translation_or_none(locale) if locale and locale.pk != project.locale_id else None
    return translation if translation is not None and is_public(translation) else project


def project_titles(*, projects, language: str) -> dict[int, str]:
    return {project.pk: project_in_language(project, language=language).title for project in projects}
