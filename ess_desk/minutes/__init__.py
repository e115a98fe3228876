"""Minutes (procès-verbal) of meetings, their approval and frozen record, and the decision register."""
