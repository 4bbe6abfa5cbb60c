"""Fetching pages safely and extracting their article, against a local web server."""

from __future__ import annotations

import ipaddress
import socket
from datetime import date

import httpx
import pytest

from app.errors import InvalidInput, UpstreamError, UpstreamTimeout
from app.services.webpage import FetchPolicy, _refusal, extract_page, fetch_page
from tests.newspage import CHROME_SAYINGS, news_page
from tests.webserver import Page, serve

PARAGRAPHS = [
    "The city council approved the new budget late on Wednesday after a long debate.",
    "Council leader Maria Ortiz said on Tuesday that the plan would protect libraries.",
    "Opposition members said the cuts to bus routes went too far.",
]
HTML = news_page(
    PARAGRAPHS,
    headline="Council Passes Budget After Long Debate",
    published="2024-03-14",
    site="Riverton Gazette",
    canonical="https://gazette.example/local/council-budget",
).encode()
LOCAL = FetchPolicy(allow_hosts=frozenset({"127.0.0.1"}))


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "127.8.9.10",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.20",
        "169.254.169.254",  # cloud metadata
        "100.100.100.200",  # Alibaba cloud metadata
        "100.64.0.1",  # carrier-grade NAT
        "0.0.0.0",
        "224.0.0.1",
        "255.255.255.255",
        "::1",
        "::ffff:127.0.0.1",
        "fe80::1",
        "fc00::1",
        "fd00:ec2::254",  # AWS metadata over IPv6
        "ff02::1",
    ],
)
def test_refusal_non_public_addresses(address: str) -> None:
    assert _refusal(ipaddress.ip_address(address)) is not None


@pytest.mark.parametrize("address", ["93.184.216.34", "8.8.8.8", "2606:4700::6810:85e5"])
def test_refusal_public_addresses_pass(address: str) -> None:
    assert _refusal(ipaddress.ip_address(address)) is None


def test_fetch_page_refuses_loopback_by_default_without_asking() -> None:
    with serve({"/a": Page(HTML)}) as site:
        with pytest.raises(InvalidInput, match="loopback"):
            fetch_page(site.url("/a"), policy=FetchPolicy())
        with pytest.raises(InvalidInput, match="loopback"):
            fetch_page(site.url("/a", host="localhost"), policy=FetchPolicy())
    assert site.requests == []


def test_fetch_page_allowed_host_follows_redirects_to_final_url() -> None:
    pages = {
        "/old": Page(status=301, headers={"Location": "/a?from=old"}),
        "/a?from=old": Page(HTML),
    }
    with serve(pages) as site:
        page = fetch_page(site.url("/old"), policy=LOCAL)
    assert page.url == site.url("/old")
    assert page.final_url == site.url("/a?from=old")
    assert "Council leader Maria Ortiz" in page.html
    assert site.paths == ["/old", "/a?from=old"]
    assert page.fetched_at.tzinfo is not None


def test_fetch_page_sends_a_clear_user_agent() -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["user-agent"])
        return httpx.Response(200, headers={"content-type": "text/html"}, content=HTML)

    fetch_page("http://127.0.0.1/a", policy=LOCAL, transport=httpx.MockTransport(handler))
    assert seen and seen[0].startswith("Claimtrail/")


def test_fetch_page_redirect_to_a_host_not_allowed_is_refused() -> None:
    with serve({"/go": Page(status=302, content_type=None)}) as site:
        site.pages["/go"].headers["Location"] = site.url("/a", host="localhost")
        site.pages["/a"] = Page(HTML)
        with pytest.raises(InvalidInput, match="localhost is a loopback address"):
            fetch_page(site.url("/go"), policy=LOCAL)
    assert site.paths == ["/go"]


@pytest.mark.parametrize("location", ["file:///etc/passwd", "ftp://127.0.0.1/a", "gopher://x/"])
def test_fetch_page_redirect_to_another_scheme_is_refused(location: str) -> None:
    pages = {"/go": Page(status=302, headers={"Location": location})}
    with serve(pages) as site, pytest.raises(InvalidInput, match="only http and https"):
        fetch_page(site.url("/go"), policy=LOCAL)


def test_fetch_page_redirect_limit() -> None:
    pages = {f"/r{i}": Page(status=302, headers={"Location": f"/r{i + 1}"}) for i in range(10)}
    with serve(pages) as site, pytest.raises(InvalidInput, match="more than 3 redirects"):
        fetch_page(site.url("/r0"), policy=FetchPolicy(LOCAL.allow_hosts, max_redirects=3))
    assert len(site.requests) == 4


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/a", "not a url", "/a"])
def test_fetch_page_only_absolute_http_urls(url: str) -> None:
    with pytest.raises(InvalidInput):
        fetch_page(url, policy=LOCAL)


@pytest.mark.parametrize(
    ("page", "match"),
    [
        (Page(b"\x89PNG\r\n\x1a\n" + bytes(100), content_type="image/png"), "image/png"),
        (Page(b'{"a": 1}', content_type="application/json"), "application/json"),
        (Page(b"%PDF-1.7 ...", content_type=None), "not an HTML page"),
    ],
)
def test_fetch_page_refuses_what_is_not_html(page: Page, match: str) -> None:
    with serve({"/x": page}) as site, pytest.raises(InvalidInput, match=match):
        fetch_page(site.url("/x"), policy=LOCAL)


def test_fetch_page_html_without_content_type_is_sniffed() -> None:
    with serve({"/x": Page(b"  <!DOCTYPE html><html><p>Hi.</p></html>", content_type=None)}) as s:
        assert "Hi." in fetch_page(s.url("/x"), policy=LOCAL).html


@pytest.mark.parametrize("send_length", [True, False])
def test_fetch_page_size_cap(send_length: bool) -> None:
    big = b"<html><body>" + b"<p>word word word</p>" * 20_000 + b"</body></html>"
    policy = FetchPolicy(LOCAL.allow_hosts, max_bytes=100_000)
    pages = {"/big": Page(big, send_length=send_length)}
    with serve(pages) as site, pytest.raises(InvalidInput, match="limit of 100000"):
        fetch_page(site.url("/big"), policy=policy)


def test_fetch_page_timeout_is_504() -> None:
    policy = FetchPolicy(LOCAL.allow_hosts, timeout=0.3, connect_timeout=0.3)
    with serve({"/slow": Page(HTML, delay=2)}) as site, pytest.raises(UpstreamTimeout):
        fetch_page(site.url("/slow"), policy=policy)


def test_fetch_page_upstream_errors_are_502() -> None:
    with serve({"/err": Page(b"oops", status=500)}) as site:
        with pytest.raises(UpstreamError, match="500"):
            fetch_page(site.url("/err"), policy=LOCAL)
        with pytest.raises(UpstreamError, match="404"):
            fetch_page(site.url("/missing"), policy=LOCAL)
        port = site.port
    with pytest.raises(UpstreamError):  # nothing listens any more
        fetch_page(f"http://127.0.0.1:{port}/err", policy=LOCAL)
    with pytest.raises(UpstreamError, match="cannot resolve"):
        fetch_page("http://no-such-host.invalid/", policy=LOCAL)


def test_fetch_page_connects_to_the_checked_address(monkeypatch) -> None:
    """DNS rebinding: the name is resolved once per hop, checked, and that address is the
    one connected to; a second answer (a loopback one) is never used."""
    answers = iter(["93.184.216.34", "127.0.0.1", "127.0.0.1"])
    calls: list[str] = []

    def getaddrinfo(host, port, *args, **kwargs):
        calls.append(host)
        address = next(answers)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]

    seen: list[tuple[str, str]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.host, request.headers["host"]))
        return httpx.Response(200, headers={"content-type": "text/html"}, content=HTML)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    page = fetch_page(
        "http://news.example:8080/story",
        policy=FetchPolicy(),
        transport=httpx.MockTransport(handler),
    )
    assert calls == ["news.example"]
    assert seen == [("93.184.216.34", "news.example:8080")]
    assert page.final_url == "http://news.example:8080/story"


def test_fetch_page_allow_list_names_hosts_not_addresses(monkeypatch) -> None:
    with serve({"/a": Page(HTML)}) as site:
        policy = FetchPolicy(allow_hosts=frozenset({"LocalHost"}))
        assert "Maria Ortiz" in fetch_page(site.url("/a", host="localhost"), policy=policy).html
        with pytest.raises(InvalidInput, match="loopback"):
            fetch_page(site.url("/a"), policy=policy)
    assert site.requests == [("/a", f"localhost:{site.port}")]


def test_extract_page_main_text_and_metadata_without_chrome() -> None:
    page = extract_page(HTML.decode(), url="http://127.0.0.1:1/a")
    assert page.text == "\n\n".join(PARAGRAPHS)
    assert page.title == "Council Passes Budget After Long Debate"
    assert page.publisher == "Riverton Gazette"
    assert page.author == "Staff Reporter"
    assert page.published_at == date(2024, 3, 14)
    assert page.language == "en"
    assert page.canonical_url == "https://gazette.example/local/council-budget"
    for saying in CHROME_SAYINGS:
        assert saying not in page.text
    for chrome in ("Leave a Comment", "Share on", "Most read", "Scroll to Top", "cookies"):
        assert chrome not in page.text


def test_extract_page_relative_canonical_and_no_date() -> None:
    html = (
        "<html><head><title>Plain</title><link rel='canonical' href='/news/plain'></head>"
        "<body><article><p>The mayor said the bridge would reopen next spring after the "
        "long repairs.</p><p>Engineers said the work was on schedule and within its "
        "budget.</p></article></body></html>"
    )
    page = extract_page(html, url="https://paper.example/print/plain?x=1")
    assert page.canonical_url == "https://paper.example/news/plain"
    assert page.published_at is None
    assert page.text.startswith("The mayor said the bridge would reopen")


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        "<html><body></body></html>",
        "<html><head><title>T</title></head><body><script>var a = 1;</script></body></html>",
        "<html><body><img src='/chart.png'></body></html>",
    ],
)
def test_extract_page_without_text_is_422(html: str) -> None:
    with pytest.raises(InvalidInput):
        extract_page(html, url=None)
