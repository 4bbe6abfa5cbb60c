"""Use cases: ``ingest`` (the write path) and the read queries behind every list."""
