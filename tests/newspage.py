"""A realistic news web page around an article's paragraphs, for the web-ingest tests.

Everything a news site wraps an article in: a menu, a breaking-news ticker, a share bar,
a "most read" box whose teasers have their own "said" sentences, related links, a comment
form and a footer. The publication date is only in ``<meta property="article:published_time">``
and in the ``<time>`` element, never in the body text.
"""

from __future__ import annotations

from html import escape

# Sentences of the page's chrome that look like news: none of them may become a claim.
CHROME_SAYINGS = (
    "Mayor Elena Brightwater said on Friday that the harbour bridge will close for repairs",
    "Coach Tom Haverly said the team had never played better",
    "Police said a man had been arrested after the riverside fire",
    "BREAKING: Transport minister Ruth Calloway said fares will rise in January",
)


def news_page(
    paragraphs: list[str],
    *,
    headline: str,
    published: str,
    site: str = "The Daily Meridian",
    author: str = "Staff Reporter",
    canonical: str | None = None,
) -> str:
    """An HTML page with ``paragraphs`` as the article body and a site's chrome around it."""
    body = "\n".join(f"        <p>{escape(p)}</p>" for p in paragraphs)
    canonical_link = f'<link rel="canonical" href="{escape(canonical)}">' if canonical else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{escape(headline)} | {escape(site)}</title>
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta property="og:site_name" content="{escape(site)}">
  <meta property="og:title" content="{escape(headline)}">
  <meta property="og:type" content="article">
  <meta property="article:published_time" content="{published}T08:15:00+00:00">
  <meta name="author" content="{escape(author)}">
  {canonical_link}
  <link rel="stylesheet" href="/static/site.css">
</head>
<body>
  <header class="site-header">
    <a class="logo" href="/">{escape(site)}</a>
    <nav class="main-menu">
      <ul>
        <li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li>
        <li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li>
        <li><a href="/opinion">Opinion</a></li><li><a href="/subscribe">Subscribe</a></li>
      </ul>
    </nav>
    <div class="ticker" role="marquee">
      <span>{escape(CHROME_SAYINGS[3])}.</span>
      <span>Markets: stocks edge higher in early trading.</span>
    </div>
  </header>
  <main>
    <article class="story">
      <h1 class="headline">{escape(headline)}</h1>
      <div class="byline">By <span class="author">{escape(author)}</span>
        <time datetime="{published}T08:15:00Z">Updated 8:15 GMT</time></div>
      <div class="share-bar">
        <a href="/share/facebook">Share on Facebook</a>
        <a href="/share/x">Share on X</a>
        <a href="/share/email">Email this article</a>
        <button>Copy link</button>
      </div>
      <div class="story-body">
{body}
      </div>
      <div class="share-bar bottom">
        <a href="/share/facebook">Share</a> <a href="/share/x">Post</a>
      </div>
      <section class="comments">
        <h3>Leave a Comment</h3>
        <p>Your email address will not be published. Required fields are marked *</p>
        <form action="/comments" method="post">
          <label>Comment <textarea name="comment"></textarea></label>
          <label>Name* <input name="name"></label>
          <label>Email* <input name="email"></label>
          <button type="submit">Post Comment</button>
        </form>
      </section>
    </article>
    <aside class="most-read">
      <h2>Most read</h2>
      <ol>
        <li><a href="/local/bridge">{escape(CHROME_SAYINGS[0])}.</a></li>
        <li><a href="/sport/derby">{escape(CHROME_SAYINGS[1])}.</a></li>
        <li><a href="/local/fire">{escape(CHROME_SAYINGS[2])}.</a></li>
      </ol>
    </aside>
    <aside class="related">
      <h2>Related</h2>
      <ul><li><a href="/world/talks">Talks resume in the capital</a></li></ul>
    </aside>
  </main>
  <footer class="site-footer">
    <p>&copy; 2024 {escape(site)}. All rights reserved.</p>
    <nav><a href="/about">About us</a> <a href="/privacy">Privacy</a>
      <a href="/cookies">Cookie settings</a> <a href="#top">Scroll to Top</a></nav>
    <p>We use cookies to improve your experience. By continuing you accept our cookie policy.</p>
  </footer>
</body>
</html>
"""
