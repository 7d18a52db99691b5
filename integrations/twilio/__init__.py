"""Twilio Programmable Messaging: sending SMS, status callbacks, and inbound STOP."""
