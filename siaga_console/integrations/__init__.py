"""HTTP integrations with the outside (requests). No Qt."""
