"""Crisis alerts (BE-Alert style): SMS and e-mail to the subscribers of chosen wijken or the whole city.

Two people are needed: one requests, another confirms. Then the audience is fanned out
into stored messages in chunks, each queued on the `crisis` queue, the highest priority.
Quiet hours and frequency caps never hold a crisis alert back.
"""
