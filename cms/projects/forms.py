"""The admin form of a project page: checks the phase rows an editor submits together."""

from wagtail.admin.forms import WagtailAdminPageForm

from cms.projects.phases import SINGLE_CURRENT_PHASE_MESSAGE, has_several_current_phases


class ProjectPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        formset = self.formsets.get("phases")
        if formset is None or not formset.is_valid():
            return cleaned_data
        current_forms = [
            form
            for form in formset.forms
            if form.cleaned_data and not formset._should_delete_form(form) and form.cleaned_data.get("is_current")
        ]
        if has_several_current_phases(True for _ in current_forms):
            for form in current_forms:
                form.add_error("is_current", SINGLE_CURRENT_PHASE_MESSAGE)
            self.add_error(None, SINGLE_CURRENT_PHASE_MESSAGE)
        return cleaned_data
