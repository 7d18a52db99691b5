"""Twilio Programmable Messaging and Voice: sending SMS, placing calls, status callbacks, and inbound STOP."""
