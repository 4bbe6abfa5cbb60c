"""Who is behind a source mention (kept for imports): see :mod:`app.extraction.mentions`
(name, role, affiliation, type of a mention) and :mod:`app.extraction.coref` (which entity
of the article a mention refers to); identity across articles lives with the directory,
in ``app/services/identity.py``."""

from app.extraction.coref import ResolvedMention, SourceResolver

__all__ = ["ResolvedMention", "SourceResolver"]
