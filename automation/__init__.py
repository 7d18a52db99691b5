"""The automation plugin: dossier-milestone journeys that message citizens by email, SMS and letter.

Sub-packages, one idea each: `contacts` (citizens, consent, subscriptions), `dossiers`
(signed milestone events from case systems), `journeys` (definitions and the runtime that
turns an event into messages), `messages` (templates, rendering, the message log and the
send task) and `channels` (how a stored message leaves the building). Each Django app has
an explicit label; `messages` is labelled `automation_messages` so it never collides with
`django.contrib.messages`.
"""
