"""The admin form of a page experiment: Wagtail's model form plus the one validation rule.

The version rows arrive as an inline formset, so the rule that needs all of them (shares
adding up to 100 %) runs in `clean()` over the formset's valid, not-deleted rows; every
refusal lands on the field it is about (cms/experiments/pages/validation.py). An empty
measured link is stored as the page's first button, so the results say what was measured.
"""

from __future__ import annotations

from wagtail.admin.forms import WagtailAdminModelForm

from cms.experiments.pages.validation import VersionDraft, default_measured_link, page_experiment_problems

VERSIONS = "versions"


class PageExperimentForm(WagtailAdminModelForm):
    def _version_drafts(self) -> list[VersionDraft]:
        drafts = []
        for form in self.formsets[VERSIONS].forms:
            if not form.is_valid() or form.cleaned_data.get("DELETE") or not form.has_changed() and not form.instance.pk:
                continue
            drafts.append(VersionDraft(text=form.cleaned_data.get("text", ""), weight=form.cleaned_data.get("weight") or 0))
        return drafts

    def clean(self):
        cleaned = super().clean()
        if any(name in self.errors for name in ("page", "field", "control_weight", "starts_at", "ends_at")):
            return cleaned
        if any(form.errors for form in self.formsets[VERSIONS].forms):  # a row's own error says it first
            return cleaned
        page = cleaned.get("page")
        problems = page_experiment_problems(
            page=page, field=cleaned.get("field"), measured_link=cleaned.get("measured_link", ""),
            control_weight=cleaned.get("control_weight") or 0, versions=self._version_drafts(),
            starts_at=cleaned.get("starts_at"), ends_at=cleaned.get("ends_at"), experiment_id=self.instance.pk,
        )
        for name, message in problems.items():
            if name == VERSIONS:
                self.add_error(None, f"Andere versies: {message}")
            else:
                self.add_error(name, message)
        if not problems and page is not None and not cleaned.get("measured_link"):
            cleaned["measured_link"] = default_measured_link(page)
        return cleaned
