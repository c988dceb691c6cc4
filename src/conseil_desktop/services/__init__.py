"""Use cases: functions taking a Session and returning plain data."""
