"""The claimtrail command: ingest files into the configured database; serve migrates first."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from app import cli
from app.config import get_settings


@pytest.fixture
def configured(tmp_path, monkeypatch, real_extractor):
    url = f"sqlite:///{tmp_path}/cli.db"
    monkeypatch.setenv("CLAIMTRAIL_DATABASE_URL", url)
    monkeypatch.setenv("CLAIMTRAIL_PRELOAD_MODEL", "false")
    get_settings.cache_clear()
    yield url
    get_settings.cache_clear()


def _count(url: str, sql: str) -> int:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        value = conn.execute(sa.text(sql)).scalar_one()
    engine.dispose()
    return value


def test_cli_ingest_txt_json_ndjson_with_summary(configured, tmp_path, capsys) -> None:
    (tmp_path / "one.txt").write_text("Ann Lee said on Monday that the bridge will reopen.\n")
    (tmp_path / "two.json").write_text(
        json.dumps(
            [
                {"text": "Bo Chan said that the ferry is late.", "url": "https://e.org/2"},
                {"title": "no text here"},
            ]
        )
    )
    (tmp_path / "three.ndjson").write_text(
        json.dumps({"text": "Cy Dunn said that trains run.", "published_at": "2024-09-17"})
        + "\n\n{broken\n"
        + json.dumps({"text": "Bo Chan said that the ferry is late.", "url": "https://e.org/2"})
        + "\n"
    )
    (tmp_path / "notes.md").write_text("ignored?")
    code = cli.main(
        [
            "ingest",
            "-q",
            "--publisher",
            "Coastal Times",
            str(tmp_path / "one.txt"),
            str(tmp_path / "two.json"),
            str(tmp_path / "three.ndjson"),
            str(tmp_path / "notes.md"),
        ]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert "ingested: 3, already present: 1, failed: 3" in out
    assert "two.json[2]: record: Value error, give the article's text" in out
    assert "three.ndjson:3: invalid JSON" in out
    assert "notes.md: unsupported file type .md" in out
    assert _count(configured, "SELECT count(*) FROM article") == 3
    assert _count(configured, "SELECT count(*) FROM article WHERE publisher = 'Coastal Times'") == 3
    assert _count(configured, "SELECT count(*) FROM claim") >= 3

    # a second run finds everything already present
    code = cli.main(["ingest", "-q", str(tmp_path / "one.txt")])
    assert code == 0
    assert "ingested: 0, already present: 1, failed: 0" in capsys.readouterr().out


def test_cli_serve_migrates_then_runs_uvicorn(configured, monkeypatch) -> None:
    seen = {}

    def fake_run(app, **kwargs):
        seen.update(kwargs, app=app)

    monkeypatch.setattr("uvicorn.run", fake_run)
    assert cli.main(["serve", "--host", "0.0.0.0", "--port", "8123", "--workers", "3"]) == 0
    assert (seen["host"], seen["port"], seen["workers"]) == ("0.0.0.0", 8123, 3)
    assert seen["access_log"] is False
    # workers import the app factory themselves
    assert (seen["app"], seen["factory"]) == ("app.main:create_app", True)
    assert _count(configured, "SELECT count(*) FROM alembic_version") == 1
    assert _count(configured, "SELECT count(*) FROM article") == 0


def test_cli_serve_workers_and_access_log_from_settings(configured, monkeypatch) -> None:
    seen = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kwargs: seen.update(kwargs))
    monkeypatch.setenv("CLAIMTRAIL_WORKERS", "2")
    monkeypatch.setenv("CLAIMTRAIL_ACCESS_LOG", "true")
    get_settings.cache_clear()
    assert cli.main(["serve"]) == 0
    assert (seen["workers"], seen["access_log"]) == (2, True)


def test_cli_needs_a_command(capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main([])
    assert exc.value.code == 2


def test_cli_ingest_upper_case_suffix_bom_and_missing_file(configured, tmp_path, capsys) -> None:
    (tmp_path / "NOTE.TXT").write_text("Ann Lee said that the pier is closed.\n")
    (tmp_path / "feed.json").write_bytes(
        b"\xef\xbb\xbf" + json.dumps({"text": "Bo Chan said that buses run."}).encode()
    )
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "MORE.NDJSON").write_text(json.dumps({"text": "Cy said that it rained."}))
    code = cli.main(
        [
            "ingest",
            "-q",
            str(tmp_path / "NOTE.TXT"),
            str(tmp_path / "feed.json"),
            str(tmp_path / "sub"),
            str(tmp_path / "missing.txt"),
        ]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert "ingested: 3, already present: 0, failed: 1" in out
    assert "missing.txt: no such file or directory" in out
    texts = _count(configured, "SELECT count(*) FROM article WHERE text LIKE 'Bo Chan%'")
    assert texts == 1  # the byte order mark is not part of the text


def test_cli_unreachable_database_is_one_line_not_a_traceback(monkeypatch, capsys) -> None:
    monkeypatch.setenv("CLAIMTRAIL_DATABASE_URL", "postgresql+psycopg://nobody@127.0.0.1:1/x")
    monkeypatch.setenv("CLAIMTRAIL_DB_CONNECT_TIMEOUT", "2")
    get_settings.cache_clear()
    try:
        assert cli.main(["migrate"]) == 2
    finally:
        get_settings.cache_clear()
    err = capsys.readouterr().err
    assert err.startswith("claimtrail: cannot use the database: ")
    assert "Traceback" not in err


ARTICLES = [
    "Ann Lee, the mayor of Dover, said on Monday that the bridge will reopen in May.\n\n"
    "The council approved 3 million dollars for repairs.",
    'Bo Chan told reporters that the ferry is late. "We are sorry," she added.',
    "Cy Dunn said that trains run on time, according to the transport ministry.",
    "Police said the road was closed after a crash. Dee Fox said she saw two cars.",
    "The union said workers would strike on Friday unless pay rises by 5 percent.",
    "Officials said that 41 people were hurt. Ed Gray, a doctor, said most were released.",
]


def _claims(url: str) -> list[tuple]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT a.content_sha256, c.kind, c.content_start, c.content_end, c.cue_start,"
                " c.source_mention_start, s.name, c.said_on FROM claim c"
                " JOIN article a ON a.id = c.article_id LEFT JOIN source s ON s.id = c.source_id"
            )
        ).all()
    engine.dispose()
    return sorted(tuple(map(str, r)) for r in rows)


def test_cli_ingest_workers_stores_the_same_claims_as_one_worker(
    configured, tmp_path, monkeypatch, capsys
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(ARTICLES):
        (folder / f"{i}.txt").write_text(text)
    (folder / "again.txt").write_text(ARTICLES[0])  # a duplicate inside the same run
    (folder / "empty.txt").write_text("   \n")  # fails validation, the rest goes on
    monkeypatch.setattr(cli, "BATCH_SIZE", 2)  # several batches

    code = cli.main(["ingest", "-q", "--workers", "2", str(folder)])
    out = capsys.readouterr().out
    assert code == 1
    assert "ingested: 6, already present: 1, failed: 1" in out
    assert "empty.txt: text: Value error, text must contain something" in out
    parallel = _claims(configured)

    other = f"sqlite:///{tmp_path}/one.db"
    monkeypatch.setenv("CLAIMTRAIL_DATABASE_URL", other)
    get_settings.cache_clear()
    assert cli.main(["ingest", "-q", "--workers", "1", str(folder)]) == 1
    assert "ingested: 6, already present: 1, failed: 1" in capsys.readouterr().out
    assert len(parallel) >= len(ARTICLES)
    assert _claims(other) == parallel
    assert _count(other, "SELECT count(*) FROM article") == 6

    # a second parallel run extracts nothing and finds every article present
    monkeypatch.setenv("CLAIMTRAIL_DATABASE_URL", configured)
    get_settings.cache_clear()
    assert cli.main(["ingest", "-q", "-w", "2", str(folder)]) == 1
    assert "ingested: 0, already present: 7, failed: 1" in capsys.readouterr().out
    assert _claims(configured) == parallel


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_cli_ingest_workers_must_be_a_positive_number(value, capsys) -> None:
    with pytest.raises(SystemExit) as exc:
        cli.main(["ingest", "--workers", value, "x.txt"])
    assert exc.value.code == 2
    assert "expected a whole number of at least 1" in capsys.readouterr().err


def test_cli_reextract_all_and_some_with_summary(configured, tmp_path, capsys) -> None:
    (tmp_path / "one.txt").write_text("Ann Lee said on Monday that the bridge will reopen.\n")
    (tmp_path / "two.txt").write_text("Bo Chan said that the ferry is late.\n")
    assert cli.main(["ingest", "-q", str(tmp_path)]) == 0
    claims = _count(configured, "SELECT count(*) FROM claim")
    capsys.readouterr()
    assert cli.main(["reextract", "--all", "-q"]) == 0
    out = capsys.readouterr().out
    assert f"reextracted: 2 articles, claims {claims} -> {claims} ({claims} kept their id)" in out
    assert "failed: 0" in out
    assert _count(configured, "SELECT count(*) FROM claim") == claims
    assert cli.main(["reextract", "--article", "1", "-q"]) == 0
    assert "reextracted: 1 articles" in capsys.readouterr().out
    assert cli.main(["reextract", "--article", "1", "99", "-q"]) == 2
    assert "no article with id 99" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        cli.main(["reextract", "-q"])  # --all or --article is required


def test_cli_ingest_html_files_and_a_file_of_urls(
    configured, tmp_path, monkeypatch, capsys
) -> None:
    from tests.newspage import news_page
    from tests.webserver import Page, serve

    page = news_page(
        ["Dara Quinn said on Monday that the library will open on Sundays."],
        headline="Library Opens On Sundays",
        published="2024-05-08",
        site="Valley Post",
        canonical="https://valley.example/library-sundays",
    )
    (tmp_path / "saved.HTML").write_bytes(page.encode("utf-8"))
    other = news_page(
        ["Eli Park said on Tuesday that the pool will close for the winter."],
        headline="Pool Closes For Winter",
        published="2024-05-09",
        site="Valley Post",
    )
    with serve(
        {"/pool": Page(other.encode()), "/img": Page(b"GIF89a", content_type="image/gif")}
    ) as site:
        urls = tmp_path / "links.txt.urls"
        urls.write_text(f"# today's links\n{site.url('/pool')}\n\n{site.url('/img')}\n")
        code = cli.main(["ingest", "-q", str(tmp_path / "saved.HTML"), "--urls", str(urls)])
        out = capsys.readouterr().out
        assert code == 1  # the loopback host is refused by default
        assert "ingested: 1, already present: 0, failed: 2" in out
        assert "loopback" in out

        monkeypatch.setenv("CLAIMTRAIL_FETCH_ALLOW_HOSTS", "127.0.0.1")
        get_settings.cache_clear()
        code = cli.main(["ingest", "-q", "--urls", str(urls), str(tmp_path)])
        out = capsys.readouterr().out
    assert "ingested: 1, already present: 1, failed: 1" in out
    assert "not an HTML page (it is image/gif)" in out
    rows = _count(
        configured,
        "SELECT group_concat(publisher || '|' || published_at || '|' || coalesce(url, '-'), ';') "
        "FROM (SELECT * FROM article ORDER BY id)",
    )
    assert rows == f"Valley Post|2024-05-08|-;Valley Post|2024-05-09|{site.url('/pool')}"


def test_cli_appearances_indexes_what_was_stored_unlinked(
    configured, tmp_path, monkeypatch, capsys
) -> None:
    quote = "Ann Lee said on Monday that the old bridge will reopen to traffic next week.\n\n"
    (tmp_path / "a.txt").write_text(quote + "Crews worked through the night.\n")
    (tmp_path / "b.txt").write_text("Traffic was light in the city.\n\n" + quote)
    monkeypatch.setenv("CLAIMTRAIL_LINK_APPEARANCES", "false")
    get_settings.cache_clear()
    assert cli.main(["ingest", "-q", str(tmp_path)]) == 0
    assert _count(configured, "SELECT count(*) FROM claim_fingerprint") == 0
    capsys.readouterr()
    assert cli.main(["appearances", "-q"]) == 0
    claims = _count(configured, "SELECT count(*) FROM claim")
    assert capsys.readouterr().out.strip() == f"appearances: indexed {claims} claims of 2 articles"
    assert _count(configured, "SELECT count(*) FROM claim_fingerprint") == claims
    linked = (
        "SELECT count(*) FROM claim_fingerprint f JOIN claim_fingerprint o "
        "ON o.statement_id = f.statement_id AND o.claim_id < f.claim_id"
    )
    assert _count(configured, linked) == 1  # Ann Lee's statement, in both articles
    assert cli.main(["appearances", "-q"]) == 0
    assert "indexed 0 claims of 0 articles" in capsys.readouterr().out
    assert cli.main(["appearances", "--rebuild", "-q"]) == 0
    assert _count(configured, linked) == 1
