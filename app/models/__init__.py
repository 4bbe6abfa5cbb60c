"""Tables and API schemas, one module per entity. Importing this registers every table."""

from app.models.appearance import (
    AppearancePublic,
    AppearancesPublic,
    ArticleRepublication,
    ClaimBand,
    ClaimFingerprint,
)
from app.models.article import (
    Article,
    ArticleCreate,
    ArticlePublic,
    ArticleSummary,
    RepublicationOf,
)
from app.models.claim import (
    Claim,
    ClaimPublic,
    Quantity,
    QuantityPublic,
    SpanPublic,
)
from app.models.common import Page, Problem, ValidationProblem
from app.models.correction import ClaimUpdate, Correction, SourceMerge, SourceUpdate
from app.models.job import JobPublic, JobStatus
from app.models.source import (
    AffiliationPublic,
    AliasCount,
    RoleSeen,
    Source,
    SourceAlias,
    SourceDetail,
    SourcePublic,
    SourceRef,
)

__all__ = [
    "AffiliationPublic",
    "AppearancePublic",
    "AppearancesPublic",
    "ArticleRepublication",
    "ClaimBand",
    "ClaimFingerprint",
    "RepublicationOf",
    "AliasCount",
    "Article",
    "ArticleCreate",
    "ArticlePublic",
    "ArticleSummary",
    "Claim",
    "ClaimPublic",
    "ClaimUpdate",
    "Correction",
    "JobPublic",
    "JobStatus",
    "Page",
    "Problem",
    "Quantity",
    "QuantityPublic",
    "RoleSeen",
    "Source",
    "SourceAlias",
    "SourceDetail",
    "SourceMerge",
    "SourcePublic",
    "SourceRef",
    "SourceUpdate",
    "SpanPublic",
    "ValidationProblem",
]
