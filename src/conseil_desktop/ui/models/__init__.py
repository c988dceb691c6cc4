"""Table models over plain rows returned by the services."""
