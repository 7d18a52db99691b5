"""A spokesperson journalists can call, chosen on press releases.

A snippet rather than text on each release: when a spokesperson changes phone number,
every release that names them shows the new one.
"""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class PressContact(index.Indexed, models.Model):
    key = models.SlugField("sleutel", max_length=80, unique=True, help_text="Vaste sleutel voor import en API.")
    name = models.CharField("naam", max_length=120)
    role = models.CharField("functie", max_length=200, blank=True)
    phone = models.CharField("telefoon", max_length=40, blank=True)
    email = models.EmailField("e-mail", blank=True)

    panels = [FieldPanel("name"), FieldPanel("role"), FieldPanel("phone"), FieldPanel("email"), FieldPanel("key")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name"), index.SearchField("role")]

    class Meta:
        verbose_name = "perscontact"
        verbose_name_plural = "perscontacten"
        ordering = ["name"]

    def __str__(self):
        return f"{self.name} ({self.role})" if self.role else self.name
