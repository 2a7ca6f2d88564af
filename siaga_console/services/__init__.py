"""Use cases. Each command is one transaction that also writes its timeline and change feed."""
