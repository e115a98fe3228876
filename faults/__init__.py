"""The fault campaign of issue 18: `python -m faults` (`make faults`)."""
