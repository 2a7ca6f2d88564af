"""Keeping workstations in step: change-feed followers and the outage outbox. No Qt."""
