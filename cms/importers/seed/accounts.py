"""Demo editor accounts, one per group of the editorial network, plus `admin`.

All share one documented password so a demo visitor can try each role. Re-running resets
the password and group of each account, so the README's table is always true.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.core.editors import DEPARTMENTS, EditorGroup, department_group_name

DEMO_PASSWORD = "vrijhaven-demo"
EMAIL_DOMAIN = "stad.gent.example"


def demo_accounts() -> list[tuple[str, str | None]]:
    """(username, group name); group None is the superuser."""
    accounts = [("admin", None)]
    accounts += [(f"redacteur.{key}", department_group_name(name)) for key, name in DEPARTMENTS]
    accounts += [
        ("wijkredacteur", EditorGroup.WIJKREDACTEURS),
        ("persdienst", EditorGroup.PERSDIENST),
        ("reviewer", EditorGroup.REVIEWERS),
        ("campagne", EditorGroup.CAMPAGNETEAM),
    ]
    return accounts


def seed_accounts(ctx, data) -> list[str]:
    ctx.step("Demo-accounts")
    User = get_user_model()
    usernames = []
    for username, group_name in demo_accounts():
        user, _ = User.objects.get_or_create(username=username, defaults={"email": f"{username}@{EMAIL_DOMAIN}"})
        user.is_staff = group_name is None
        user.is_superuser = group_name is None
        user.set_password(DEMO_PASSWORD)
        user.save()
        if group_name:
            user.groups.add(Group.objects.get(name=group_name))
        usernames.append(username)
        ctx.counts["accounts"] += 1
    return usernames
