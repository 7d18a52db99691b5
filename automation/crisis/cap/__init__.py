"""Crisis alerts as CAP 1.2 (OASIS Common Alerting Protocol), for notice boards, screens and aggregators.

The policy note relies on BE-Alert-style warnings that reach notice boards through CAP.
Every published step of an alert is one CAP message (`models.CapMessage`): the Alert when
it is confirmed, an Update when its words change after sending, the Cancel when it ends.
`document.py` writes a message as CAP 1.2 XML (an `info` per language, an `area` per wijk,
`areas.py`), `feed.py` lists active and recent alerts as Atom, `message.py` answers one
document; both are cacheable. `publish.py` is what the crisis services call.

Deliberately no imports here: `automation.crisis.models` imports `cap.models` to register it.
"""
