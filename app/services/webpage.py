"""Web pages in: fetch a page safely (httpx) and extract its article (trafilatura).

Fetching is safe by default. Before every request, also after every redirect, the host is
resolved and each of its addresses checked: loopback, private, link-local, multicast,
reserved and cloud-metadata addresses are refused unless the host is named in the allow
list (``CLAIMTRAIL_FETCH_ALLOW_HOSTS``). The request then goes to the address that was
checked, with the page's host in the ``Host`` header and TLS SNI, so the name cannot resolve
to something else between the check and the connection (DNS rebinding). Only http and https,
a redirect limit, a size cap on the (decoded) body, a deadline for the whole fetch, and only
HTML is read.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

from app.db import utcnow
from app.errors import InvalidInput, UpstreamError, UpstreamTimeout

if TYPE_CHECKING:  # httpx is imported when a page is fetched: serving starts faster
    import httpx

log = logging.getLogger("claimtrail.webpage")

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
USER_AGENT = "Claimtrail/1.0 (claim-provenance service; fetches a page when asked to ingest it)"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Link-local or private already, named so the refusal says what it is.
_METADATA = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "169.254.170.2", "100.100.100.200", "fd00:ec2::254")
)
_URL_LOC = ("body", "url")


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """How pages are fetched (see ``Settings.fetch_policy``)."""

    allow_hosts: frozenset[str] = frozenset()
    timeout: float = 15.0  # seconds for the whole fetch, redirects included
    connect_timeout: float = 5.0
    max_bytes: int = 5_000_000
    max_redirects: int = 5
    user_agent: str = USER_AGENT

    def allows(self, host: str) -> bool:
        return _host_key(host) in {_host_key(h) for h in self.allow_hosts}


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str
    final_url: str
    html: str
    fetched_at: datetime


@dataclass(frozen=True, slots=True)
class PageArticle:
    """What a page says about its article; ``text`` is the main text, paragraphs separated
    by blank lines, without the headline and the page's chrome."""

    text: str
    title: str | None
    publisher: str | None
    author: str | None
    published_at: date | None
    language: str | None
    canonical_url: str | None


def _host_key(host: str) -> str:
    return host.strip().strip("[]").rstrip(".").lower()


def check_url(url: str) -> httpx.URL:
    """The URL parsed, if it is an absolute http(s) URL with a host; else 422."""
    import httpx

    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise InvalidInput(f"not a valid URL: {exc}", loc=_URL_LOC) from exc
    if parsed.scheme not in ("http", "https"):
        raise InvalidInput(
            f"only http and https URLs are fetched, not {parsed.scheme or 'a relative URL'}",
            loc=_URL_LOC,
        )
    if not parsed.host:
        raise InvalidInput("the URL has no host", loc=_URL_LOC)
    return parsed


def _refusal(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address in _METADATA:
        return "a cloud metadata address"
    for test, what in (
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_unspecified", "an unspecified address"),
        ("is_private", "a private address"),
        ("is_reserved", "a reserved address"),
    ):
        if getattr(address, test):
            return what
    return None if address.is_global else "not a public address"


def _pinned_address(url: httpx.URL, policy: FetchPolicy) -> str:
    """The address to connect to: every address of the host checked, the first one kept."""
    host = url.raw_host.decode("ascii")
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host.strip("[]"), port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise UpstreamError(f"cannot resolve {host}: {exc}") from exc
    addresses = list(dict.fromkeys(ipaddress.ip_address(info[4][0]) for info in infos))
    if not addresses:  # pragma: no cover - getaddrinfo raises instead
        raise UpstreamError(f"cannot resolve {host}")
    if not policy.allows(host):
        for address in addresses:
            why = _refusal(address)
            if why is not None:
                raise InvalidInput(
                    f"refusing to fetch {url}: {host} is {why} "
                    "(CLAIMTRAIL_FETCH_ALLOW_HOSTS can allow a host)",
                    loc=_URL_LOC,
                )
    return str(addresses[0])


def _is_html(media: str, head: bytes) -> bool:
    if media:
        return media in HTML_TYPES
    start = head.lstrip()[:200].lower()  # no Content-Type: sniff as browsers do
    return start.startswith((b"<!doctype html", b"<html"))


def _read_capped(response: httpx.Response, policy: FetchPolicy, deadline: float) -> bytes:
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > policy.max_bytes:
        raise InvalidInput(
            f"the page is {declared} bytes, more than the limit of {policy.max_bytes}",
            loc=_URL_LOC,
        )
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > policy.max_bytes:
            raise InvalidInput(
                f"the page is more than the limit of {policy.max_bytes} bytes", loc=_URL_LOC
            )
        if time.monotonic() > deadline:
            raise UpstreamTimeout(f"the page took more than {policy.timeout:g} s to arrive")
        chunks.append(chunk)
    return b"".join(chunks)


def decode_html(body: bytes, charset: str | None) -> str:
    """Text of a page: by its declared charset, else detected (meta charset, byte patterns)."""
    if charset:
        try:
            return body.decode(charset, errors="replace")
        except LookupError:
            pass
    from trafilatura.utils import decode_file

    decoded = decode_file(body)
    return decoded if isinstance(decoded, str) else body.decode("utf-8", errors="replace")


def _get(client: httpx.Client, url: httpx.URL, address: str) -> httpx.Response:
    host = url.raw_host.decode("ascii")
    request = client.build_request(
        "GET",
        url.copy_with(host=address),
        headers={"Host": url.netloc.decode("ascii")},
        extensions={"sni_hostname": host.strip("[]")} if url.scheme == "https" else {},
    )
    return client.send(request, stream=True)


def _page(
    url: str, current: httpx.URL, response: httpx.Response, policy: FetchPolicy, deadline: float
) -> FetchedPage:
    if not response.is_success:
        raise UpstreamError(
            f"{current} answered {response.status_code} {response.reason_phrase}".strip()
        )
    media = response.headers.get("content-type", "").split(";")[0].strip().lower()
    if media and media not in HTML_TYPES:
        raise InvalidInput(f"{current} is not an HTML page (it is {media})", loc=_URL_LOC)
    body = _read_capped(response, policy, deadline)
    if not _is_html(media, body[:512]):
        raise InvalidInput(f"{current} is not an HTML page", loc=_URL_LOC)
    return FetchedPage(
        url=url,
        final_url=str(current),
        html=decode_html(body, response.charset_encoding),
        fetched_at=utcnow(),
    )


def fetch_page(
    url: str, *, policy: FetchPolicy, transport: httpx.BaseTransport | None = None
) -> FetchedPage:
    """GET an HTML page under ``policy``: 422 for a refused URL, a non-HTML or too large
    body; 502 for an upstream failure; 504 when it takes longer than the policy allows."""
    import httpx

    deadline = time.monotonic() + policy.timeout
    current = check_url(url)
    client = httpx.Client(
        timeout=httpx.Timeout(policy.timeout, connect=policy.connect_timeout),
        follow_redirects=False,
        trust_env=False,  # a proxy from the environment would bypass the address checks
        transport=transport,
        headers={
            "User-Agent": policy.user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1",
        },
    )
    try:
        with client:
            for _ in range(policy.max_redirects + 1):
                address = _pinned_address(current, policy)
                response = _get(client, current, address)
                try:
                    location = response.headers.get("location")
                    if response.status_code in _REDIRECTS and location:
                        current = check_url(urljoin(str(current), location))
                        continue
                    return _page(url, current, response, policy, deadline)
                finally:
                    response.close()
    except httpx.TimeoutException as exc:
        raise UpstreamTimeout(
            f"fetching {current} timed out ({exc.__class__.__name__}, limit {policy.timeout:g} s)"
        ) from exc
    except httpx.HTTPError as exc:
        raise UpstreamError(f"fetching {current} failed: {exc or exc.__class__.__name__}") from exc
    raise InvalidInput(f"more than {policy.max_redirects} redirects from {url}", loc=_URL_LOC)


def _canonical(tree: Any, base: str | None) -> str | None:
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        href = (link.get("href") or "").strip()
        if "canonical" in rel and href:
            absolute = urljoin(base or "", href)
            parts = urlsplit(absolute)
            if parts.scheme in ("http", "https") and parts.hostname and len(absolute) <= 2048:
                return absolute
    return None


def _same_words(a: str, b: str) -> bool:
    return a.split() == b.split() or a.casefold().split() == b.casefold().split()


def _clip(value: str | None, limit: int) -> str | None:
    value = (value or "").strip()
    return value[:limit] or None


def extract_page(html: str, *, url: str | None) -> PageArticle:
    """The article in ``html``: main text (paragraphs separated by blank lines, the headline
    and the page's menus, teasers, comments and footer left out) and its metadata."""
    import lxml.html
    import trafilatura

    if not html.strip():
        raise InvalidInput("the page is empty", loc=("body", "html"))
    try:
        doc = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            include_links=False,
            favor_precision=True,
            # Only the page's markup dates it; no guessing from words in the body.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        tree = lxml.html.fromstring(html)
    except Exception as exc:  # lxml and trafilatura raise many kinds on broken markup
        log.info("could not read a page: %r", exc)
        raise InvalidInput(f"the page could not be read: {exc}", loc=("body", "html")) from exc
    text = getattr(doc, "text", None) or ""
    blocks = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    title = _clip(getattr(doc, "title", None), 1000)
    if blocks and title and _same_words(blocks[0], title):
        blocks = blocks[1:]  # the headline is the title, not a paragraph of the text
    if not blocks:
        raise InvalidInput("no article text found in the page", loc=("body", "html"))
    published = getattr(doc, "date", None)
    try:
        published_at = date.fromisoformat(published[:10]) if published else None
    except ValueError:
        published_at = None
    lang = tree.getroottree().getroot().get("lang")
    return PageArticle(
        text="\n\n".join(blocks),
        title=title,
        publisher=_clip(getattr(doc, "sitename", None), 300),
        author=_clip(getattr(doc, "author", None), 500),
        published_at=published_at,
        language=_clip(lang, 35),
        canonical_url=_canonical(tree, url),
    )
