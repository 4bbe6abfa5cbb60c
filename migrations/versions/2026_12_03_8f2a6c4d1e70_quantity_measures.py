"""quantity measures: what a figure counts, its ledger unit, ranges and wholes

Revision ID: 8f2a6c4d1e70
Revises: 5b8e1f3c9d27
Create Date: 2026-12-03 14:20:00+00:00

- ``quantity.measure`` (deaths, injured, missing, hostages, displaced, arrested, cases,
  other; existing rows get ``other`` until re-extracted), ``figure_unit`` ("people" for
  "251 hostages", "percent", a currency, else the counted noun), ``value_to`` (the upper
  bound of "between 20 and 30") and ``part_of`` (251 on the 97 of "251 hostages, 97 of
  whom ...");
- index ``(measure, claim_id)`` for ``GET /figures?measure=``.

Plain ``ADD COLUMN`` on both databases (no table rebuild).
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

# revision identifiers, used by Alembic.
revision: str = "8f2a6c4d1e70"
down_revision: str | None = "5b8e1f3c9d27"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "quantity",
        sa.Column("measure", sa.String(length=20), server_default="other", nullable=False),
    )
    op.add_column(
        "quantity",
        sa.Column("figure_unit", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    )
    op.add_column("quantity", sa.Column("value_to", sa.Float(), nullable=True))
    op.add_column("quantity", sa.Column("part_of", sa.Float(), nullable=True))
    op.create_index("ix_quantity_measure_claim_id", "quantity", ["measure", "claim_id"])


def downgrade() -> None:
    op.drop_index("ix_quantity_measure_claim_id", table_name="quantity")
    with op.batch_alter_table("quantity") as batch:
        batch.drop_column("part_of")
        batch.drop_column("value_to")
        batch.drop_column("figure_unit")
        batch.drop_column("measure")
