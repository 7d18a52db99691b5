"""Admin wiring of failed logins: the unlock screen and its item in the Settings menu."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from cms.logins.unlocking import URL_NAME, LockedLoginsView, user_may_unlock


@hooks.register("register_admin_urls")
def locked_logins_urls():
    return [path("aanmeldingen/geblokkeerd/", LockedLoginsView.as_view(), name=URL_NAME)]


class LockedLoginsMenuItem(MenuItem):
    def is_shown(self, request):
        return user_may_unlock(request.user)


@hooks.register("register_settings_menu_item")
def locked_logins_menu_item():
    return LockedLoginsMenuItem("Geblokkeerde aanmeldingen", reverse(URL_NAME), icon_name="lock", order=900)
