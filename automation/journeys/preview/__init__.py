"""The admin preview of message templates with sample data (templates live in automation/messages)."""
