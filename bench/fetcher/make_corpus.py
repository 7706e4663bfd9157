"""Render the team-written stories into pages of different CMS patterns, with gold JSON.

    uv run python bench/fetcher/make_corpus.py      # rewrites bench/fetcher/corpus/

Each page gets ``<slug>.html`` and ``<slug>.json`` (url, title, text, published_at,
date_precision, authors, language, site_name, template). The gold text is exactly the story's
paragraphs; everything a template adds around them (menus, bylines, captions, comments, ads,
paywall prompts, timestamps) is boilerplate the parser must leave out.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from stories import STORIES, Story

OUT = Path(__file__).resolve().parent / "corpus"
e = html.escape

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre "
    "dicembre",
    "pt": "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro "
    "dezembro",
    "nl": "januari februari maart april mei juni juli augustus september oktober november december",
}
BY = {"en": "By", "de": "Von", "fr": "Par", "es": "Por", "it": "Di", "pt": "Por", "nl": "Door"}
NAV = {
    "en": ["Home", "World", "Politics", "Business", "Sport", "Culture", "Opinion", "Weather"],
    "de": ["Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Meinung", "Wetter"],
    "fr": ["Accueil", "Monde", "Politique", "Économie", "Sport", "Culture", "Opinions"],
    "es": ["Portada", "Internacional", "España", "Economía", "Deportes", "Cultura", "Opinión"],
    "it": ["Home", "Cronaca", "Politica", "Economia", "Sport", "Cultura", "Meteo"],
    "pt": ["Início", "País", "Mundo", "Economia", "Desporto", "Cultura", "Opinião"],
    "nl": ["Home", "Binnenland", "Buitenland", "Economie", "Sport", "Cultuur", "Opinie"],
}
TEASERS = [
    "Council approves new bus lanes for the old town",
    "Weekend weather: showers and sunny spells",
    "Five things to do this weekend",
    "Readers' letters: the bridge, the budget and the bins",
    "Obituary: a life in local theatre",
    "Quiz of the week",
    "Photos: the harvest festival in pictures",
    "Opinion: why the ring road is a mistake",
]


def domain(site: str) -> str:
    words = [w for w in site.lower().replace("'", "").split() if w not in ("the", "le", "la")]
    return "".join(words[:2]) + ".example"


def when(story: Story) -> dt.datetime:
    return dt.datetime.fromisoformat(story.published)


def url_of(story: Story, *, dated: bool = False) -> str:
    section = story.section.lower().replace(" ", "-")
    day = when(story).strftime("/%Y/%m/%d") if dated else ""
    return f"https://www.{domain(story.site)}/{section}{day}/{story.slug}"


def human_date(story: Story, *, with_time: bool = True) -> str:
    moment = when(story)
    month = MONTHS[story.language].split()[moment.month - 1]
    if story.language == "en":
        text = f"{moment.day} {month} {moment.year}"
        return f"{text}, {moment:%H:%M}" if with_time else text
    if story.language == "de":
        return f"{moment:%d.%m.%Y}" + (f", {moment:%H:%M} Uhr" if with_time else "")
    text = f"{moment.day} {month} {moment.year}"
    return f"{text} {moment:%H:%M}" if with_time else text


def nav(story: Story, rng: random.Random) -> str:
    items = "".join(f'<li><a href="/{n.lower()}">{e(n)}</a></li>' for n in NAV[story.language])
    return (
        f'<header class="site-header"><a class="logo" href="/">{e(story.site)}</a>'
        f'<nav class="main-nav"><ul>{items}</ul></nav>'
        f'<form class="search" action="/search"><input name="q" placeholder="Search"></form>'
        "</header>"
    )


def teasers(rng: random.Random, n: int, heading: str = "Most read") -> str:
    picks = rng.sample(TEASERS, n)
    items = "".join(f'<li><a href="/story/{i}">{e(t)}</a></li>' for i, t in enumerate(picks))
    return f'<aside class="most-read"><h3>{heading}</h3><ol>{items}</ol></aside>'


def footer(story: Story) -> str:
    return (
        '<footer class="site-footer"><ul><li><a href="/about">About us</a></li>'
        '<li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy policy</a></li>'
        '<li><a href="/terms">Terms</a></li></ul>'
        f"<p>© {when(story).year} {e(story.site)}. All rights reserved.</p></footer>"
    )


def paragraphs(story: Story) -> str:
    return "".join(f"<p>{e(p)}</p>" for p in story.paragraphs)


def head(story: Story, extra: str = "", *, title_suffix: bool = True) -> str:
    title = f"{story.title} | {story.site}" if title_suffix else story.title
    return (
        f'<!DOCTYPE html><html lang="{story.language}"><head><meta charset="utf-8">'
        f"<title>{e(title)}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<link rel="stylesheet" href="/static/site.css">{extra}</head>'
    )


def byline(story: Story) -> str:
    if not story.authors:
        return ""
    names = " and ".join(e(a) for a in story.authors)
    return f'<div class="byline">{BY[story.language]} {names}</div>'


def jsonld_block(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def og(story: Story, *, url: str, published: bool = True) -> str:
    tags = [
        ("og:type", "article"),
        ("og:title", story.title),
        ("og:site_name", story.site),
        ("og:url", url),
        ("og:description", story.paragraphs[0][:150]),
        ("og:image", f"https://img.{domain(story.site)}/{story.slug}.jpg"),
        ("article:section", story.section),
    ]
    if published:
        tags.append(("article:published_time", story.published))
    tags += [("article:author", a) for a in story.authors]
    return "".join(f'<meta property="{k}" content="{e(v)}">' for k, v in tags)


# --- templates --------------------------------------------------------------------------------


def t_jsonld(story: Story, rng: random.Random) -> tuple[str, str]:
    url = url_of(story)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "datePublished": story.published,
        "dateModified": (when(story) + dt.timedelta(hours=2)).isoformat(),
        "author": [{"@type": "Person", "name": a} for a in story.authors],
        "publisher": {"@type": "Organization", "name": story.site},
        "articleSection": story.section,
        "inLanguage": story.language,
        "mainEntityOfPage": url,
        "image": [f"https://img.{domain(story.site)}/{story.slug}-16x9.jpg"],
    }
    page = (
        head(story, jsonld_block(data) + f'<link rel="canonical" href="{url}">')
        + "<body>"
        + nav(story, rng)
        + '<main><article class="story">'
        + f"<h1>{e(story.title)}</h1>{byline(story)}"
        + f'<time datetime="{story.published}">{human_date(story)}</time>'
        + f'<div class="article-body">{paragraphs(story)}</div>'
        + '<div class="share"><a href="#">Share on X</a> <a href="#">Email</a></div>'
        + "</article>"
        + teasers(rng, 5)
        + "</main>"
        + footer(story)
        + "</body></html>"
    )
    return page, url


def t_jsonld_graph(story: Story, rng: random.Random) -> tuple[str, str]:
    url = url_of(story, dated=True)
    base = f"https://www.{domain(story.site)}"
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "@id": f"{base}/#org", "name": story.site},
            {"@type": "WebPage", "@id": url, "url": url, "name": story.title},
            {
                "@type": "Article",
                "headline": story.title,
                "datePublished": story.published,
                "author": [{"@id": f"{base}/#author-{i}"} for i in range(len(story.authors))],
                "publisher": {"@id": f"{base}/#org"},
                "isPartOf": {"@id": url},
            },
            *(
                {"@type": "Person", "@id": f"{base}/#author-{i}", "name": a}
                for i, a in enumerate(story.authors)
            ),
        ],
    }
    related = "".join(f"<li><a href='/p/{i}'>{e(t)}</a></li>" for i, t in enumerate(TEASERS[:3]))
    page = (
        head(story, jsonld_block(graph))
        + '<body class="single-post">'
        + nav(story, rng)
        + '<div id="primary"><article class="post type-post">'
        + f'<header class="entry-header"><h1 class="entry-title">{e(story.title)}</h1>'
        + '<div class="entry-meta"><span class="posted-on">'
        + f'<time class="entry-date published" datetime="{story.published}">'
        + f"{human_date(story, with_time=False)}</time></span></div></header>"
        + f'<div class="entry-content">{paragraphs(story)}'
        + '<div class="sharedaddy"><h3>Share this:</h3><ul><li>Facebook</li><li>X</li></ul>'
        + "</div></div>"
        + '<footer class="entry-footer"><span class="cat-links">Posted in '
        + f'<a href="/category/x">{e(story.section)}</a></span></footer></article>'
        + f'<div class="jp-relatedposts"><h3>Related</h3><ul>{related}</ul></div>'
        + '<div id="comments"><p class="no-comments">Comments are closed.</p></div></div>'
        + footer(story)
        + "</body></html>"
    )
    return page, url


def t_opengraph(story: Story, rng: random.Random) -> tuple[str, str]:
    url = url_of(story)
    page = (
        head(story, og(story, url=url))
        + "<body>"
        + nav(story, rng)
        + '<div class="container"><div class="story-header">'
        + f'<h1 class="headline">{e(story.title)}</h1>{byline(story)}</div>'
        + f'<div class="story-body">{paragraphs(story)}</div>'
        + teasers(rng, 6)
        + "</div>"
        + footer(story)
        + "</body></html>"
    )
    return page, url


def t_no_metadata(story: Story, rng: random.Random) -> tuple[str, str]:
    url = url_of(story)
    label = {"en": "Published", "de": "Veröffentlicht am"}.get(story.language, "")
    page = (
        f'<html><head><meta charset="utf-8"><title>{e(story.site)}</title></head><body>'
        + nav(story, rng)
        + f'<div id="content"><h1>{e(story.title)}</h1>'
        + f'<p class="date">{label} {human_date(story)}</p>{byline(story)}'
        + paragraphs(story)
        + "</div>"
        + teasers(rng, 4, "More news")
        + footer(story)
        + "</body></html>"
    )
    return page, url


def t_byline_text(story: Story, rng: random.Random) -> tuple[str, str]:
    url = url_of(story)
    names = " and ".join(story.authors)
    extra = f'<meta property="og:title" content="{e(story.title)}">'
    page = (
        head(story, extra)
        + "<body>"
        + nav(story, rng)
        + f"<article><h1>{e(story.title)}</h1>"
        + f"<p><strong>{BY[story.language]} {e(names)}</strong></p>"
        + f'<p class="meta"><time datetime="{story.published}">{human_date(story)}</time></p>'
        + paragraphs(story)
        + "</article>"
        + teasers(rng, 5)
        + footer(story)
        + "</body></html>"
    )
    return page, url


def t_relative_dates(story: Story, rng: random.Random) -> tuple[str, str]:
    url = url_of(story)
    page = (
        head(story, f'<meta property="og:title" content="{e(story.title)}">')
        + "<body>"
        + nav(story, rng)
        + f'<main><article><h1>{e(story.title)}</h1><div class="article-meta">{byline(story)}'
        + f'<time class="timestamp" datetime="{story.published}">'
        + f"{rng.randint(2, 9)} hours ago</time>"
        + f'<span class="updated">Updated {rng.randint(5, 50)} minutes ago</span></div>'
        + paragraphs(story)
        + "</article>"
        + '<aside class="latest"><h3>Latest</h3><ul>'
        + "".join(f"<li>{e(t)} <span>{i + 1}h ago</span></li>" for i, t in enumerate(TEASERS[:4]))
        + "</ul></aside></main>"
        + footer(story)
        + "</body></html>"
    )
    return page, url


def t_boilerplate(story: Story, rng: random.Random) -> tuple[str, str]:
    url = url_of(story)
    mega = "".join(
        f"<div class='col'><h4>{e(n)}</h4><ul>"
        + "".join(f"<li><a href='/{n}/{i}'>{e(n)} topic {i}</a></li>" for i in range(8))
        + "</ul></div>"
        for n in NAV[story.language]
    )
    body = []
    for i, p in enumerate(story.paragraphs):
        body.append(f"<p>{e(p)}</p>")
        if i == 0:
            body.append('<div class="ad-slot"><span>Advertisement</span></div>')
        if i == 1:
            body.append(
                f'<p class="read-more"><strong>Read more:</strong> <a href="/x">{e(TEASERS[i])}'
                "</a></p>"
            )
            body.append(
                '<div class="newsletter-box"><h3>Get our morning briefing</h3><p>The day\'s '
                "top stories in your inbox every weekday at 7am.</p><form><input type='email'>"
                "<button>Sign up</button></form></div>"
            )
    page = (
        head(
            story,
            og(story, url=url, published=False)
            + f'<meta itemprop="datePublished" content="{story.published}">',
        )
        + '<body><div id="cookie-banner"><p>We use cookies to improve your experience and to '
        + "show personalised advertising. By continuing you agree to our cookie policy.</p>"
        + "<button>Accept all</button><button>Manage settings</button></div>"
        + nav(story, rng)
        + f'<div class="mega-menu">{mega}</div>'
        + '<div class="ad-leaderboard">Advertisement</div>'
        + f'<div class="article-wrapper"><h1>{e(story.title)}</h1>{byline(story)}'
        + f'<span class="dateline">{human_date(story)}</span>'
        + f'<div class="article-text">{"".join(body)}</div>'
        + '<div class="tags">Topics: <a href="/t/1">Local</a> <a href="/t/2">Weather</a></div>'
        + "</div>"
        + teasers(rng, 8, "Most popular")
        + teasers(rng, 4, "Recommended for you")
        + '<div class="ad-footer">Advertisement</div>'
        + footer(story)
        + "</body></html>"
    )
    return page, url


COMMENTS = [
    ("riverwatcher", "This has been coming for years. Nobody listened to the residents."),
    ("J. Patel", "Great reporting, thank you. Would be good to hear from the other side too."),
    ("anon123", "Typical. Same story every year and nothing ever changes in this city."),
    ("Marguerite", "I was there on the day and can confirm it was chaos. Well done to the staff."),
]


def t_comments(story: Story, rng: random.Random) -> tuple[str, str]:
    url = url_of(story)
    comments = "".join(
        f'<div class="comment"><div class="comment-author">{e(a)}</div>'
        f'<div class="comment-body"><p>{e(t)}</p></div><a class="reply">Reply</a></div>'
        for a, t in rng.sample(COMMENTS, 3)
    )
    page = (
        head(story, og(story, url=url))
        + "<body>"
        + nav(story, rng)
        + f'<article class="main-article"><h1>{e(story.title)}</h1>{byline(story)}'
        + f'<div class="text">{paragraphs(story)}</div></article>'
        + f'<section id="comments" class="comments"><h2>Comments (3)</h2>{comments}'
        + '<form class="comment-form"><textarea></textarea><button>Post comment</button>'
        + "</form></section>"
        + footer(story)
        + "</body></html>"
    )
    return page, url


def t_paywall(story: Story, rng: random.Random) -> tuple[str, str]:
    url = url_of(story)
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "datePublished": story.published,
        "author": {"@type": "Person", "name": story.authors[0]},
        "isAccessibleForFree": False,
        "hasPart": {"@type": "WebPageElement", "isAccessibleForFree": False, "cssSelector": ".pw"},
    }
    page = (
        head(story, jsonld_block(data) + og(story, url=url, published=False))
        + "<body>"
        + nav(story, rng)
        + f"<article><h1>{e(story.title)}</h1>{byline(story)}"
        + f'<div class="article-body">{paragraphs(story)}</div>'
        + '<div class="pw paywall-prompt"><h2>Subscribe to continue reading</h2>'
        + "<p>Get unlimited access to our journalism for just 1 a week.</p>"
        + '<a class="button" href="/subscribe">Subscribe now</a>'
        + '<p>Already a subscriber? <a href="/login">Log in</a></p></div></article>'
        + footer(story)
        + "</body></html>"
    )
    return page, url


def t_liveblog(story: Story, rng: random.Random) -> tuple[str, str]:
    url = url_of(story)
    start = when(story)
    pairs = list(zip(story.paragraphs[::2], story.paragraphs[1::2], strict=True))
    entries = []
    updates = []
    for i, (headline, text) in enumerate(pairs):
        moment = start + dt.timedelta(minutes=45 * (len(pairs) - i))
        entries.append(
            f'<div class="live-entry" id="entry-{i}"><time datetime="{moment.isoformat()}">'
            f"{moment:%H:%M}</time><h2>{e(headline)}</h2><p>{e(text)}</p>"
            '<div class="share">Share this update</div></div>'
        )
        updates.append(
            {
                "@type": "BlogPosting",
                "headline": headline,
                "datePublished": moment.isoformat(),
                "articleBody": text,
            }
        )
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": story.title,
        "datePublished": story.published,
        "coverageStartTime": story.published,
        "publisher": {"@type": "Organization", "name": story.site},
        "liveBlogUpdate": updates,
    }
    page = (
        head(story, jsonld_block(data))
        + "<body>"
        + nav(story, rng)
        + f'<main><h1>{e(story.title)}</h1><div class="live-badge">LIVE</div>'
        + '<div class="key-events"><h3>Key events</h3><ul>'
        + "".join(f"<li><a href='#entry-{i}'>{e(h)}</a></li>" for i, (h, _) in enumerate(pairs))
        + "</ul></div>"
        + f'<div class="live-feed">{"".join(entries)}</div></main>'
        + footer(story)
        + "</body></html>"
    )
    return page, url


def t_microdata(story: Story, rng: random.Random) -> tuple[str, str]:
    url = url_of(story)
    authors = "".join(
        f'<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
        f'<span itemprop="name">{e(a)}</span></span>'
        for a in story.authors
    )
    page = (
        head(story)
        + "<body>"
        + nav(story, rng)
        + '<div itemscope itemtype="https://schema.org/NewsArticle">'
        + f'<h1 itemprop="headline">{e(story.title)}</h1>'
        + f'<meta itemprop="datePublished" content="{story.published}">'
        + (f'<div class="author">{BY[story.language]} {authors}</div>' if authors else "")
        + f'<div itemprop="articleBody">{paragraphs(story)}</div></div>'
        + teasers(rng, 5)
        + footer(story)
        + "</body></html>"
    )
    return page, url


def t_script_dates(story: Story, rng: random.Random) -> tuple[str, str]:
    url = url_of(story)
    future = when(story).replace(year=when(story).year + 5)
    scripts = (
        "<script>window.dataLayer=[{'pageType':'article','expires':'"
        + future.isoformat()
        + "','campaignEnd':'2031-12-31T23:59:59Z'}];</script>"
        + '<script type="application/json" id="config">{"countdown":"2030-01-01T00:00:00Z",'
        + '"datePublished":"2031-06-01T00:00:00Z"}</script>'
    )
    page = (
        head(
            story,
            og(story, url=url) + f'<meta name="publish-date" content="{future.date()}">' + scripts,
        )
        + "<body>"
        + nav(story, rng)
        + f"<article><h1>{e(story.title)}</h1>{byline(story)}"
        + paragraphs(story)
        + "</article>"
        + '<aside class="events"><h3>Coming up</h3><p><time datetime="2030-09-01">'
        + "1 September 2030</time>: city festival</p></aside>"
        + footer(story)
        + "</body></html>"
    )
    return page, url


def t_url_date(story: Story, rng: random.Random) -> tuple[str, str]:
    url = url_of(story, dated=True)
    page = (
        f"<html><head><title>{e(story.title)}</title></head><body>"
        + nav(story, rng)
        + f'<div class="content"><h1>{e(story.title)}</h1>'
        + paragraphs(story)
        + "</div>"
        + footer(story)
        + "</body></html>"
    )
    return page, url


def t_key_points(story: Story, rng: random.Random) -> tuple[str, str]:
    url = url_of(story)
    if story.slug == "lists-and-tables":
        first, *points, last = story.paragraphs
        body = (
            f"<p>{e(first)}</p><ul class='key-points'>"
            + "".join(f"<li>{e(p)}</li>" for p in points)
            + f"</ul><p>{e(last)}</p>"
        )
    else:
        first, second, *rest = story.paragraphs
        body = (
            f"<p>{e(first)}</p>"
            + '<figure><img src="/img/rescue.jpg" alt=""><figcaption>Rescue workers at the '
            + "mine entrance on Wednesday night. Photograph: Agency</figcaption></figure>"
            + f"<p>{e(second)}</p>"
            + f'<blockquote class="pullquote">“{e(second.split(",")[0])}”</blockquote>'
            + "".join(f"<p>{e(p)}</p>" for p in rest)
        )
    page = (
        head(story, og(story, url=url))
        + "<body>"
        + nav(story, rng)
        + f"<article><h1>{e(story.title)}</h1>{byline(story)}"
        + f'<div class="body">{body}</div></article>'
        + teasers(rng, 5)
        + footer(story)
        + "</body></html>"
    )
    return page, url


def t_div_paragraphs(story: Story, rng: random.Random) -> tuple[str, str]:
    # Some CMSs never use <p>: every paragraph is a styled <div>.
    url = url_of(story)
    body = "".join(f'<div class="paragraph text-block">{e(p)}</div>' for p in story.paragraphs)
    page = (
        head(story, og(story, url=url))
        + "<body>"
        + nav(story, rng)
        + f'<div class="article"><div class="title-block"><h1>{e(story.title)}</h1></div>'
        + f'{byline(story)}<div class="content-blocks">{body}</div></div>'
        + teasers(rng, 5)
        + footer(story)
        + "</body></html>"
    )
    return page, url


def t_br_text(story: Story, rng: random.Random) -> tuple[str, str]:
    # Old templates: one text block with paragraphs separated by <br><br>.
    url = url_of(story)
    text = "<br><br>\n".join(e(p) for p in story.paragraphs)
    page = (
        f"<html><head><title>{e(story.title)} - {e(story.site)}</title>"
        f'<meta name="date" content="{when(story):%Y-%m-%d %H:%M:%S%z}">'
        f'<meta name="author" content="{e(", ".join(story.authors))}"></head><body>'
        + nav(story, rng)
        + f'<table width="100%"><tr><td class="left">{teasers(rng, 4, "Headlines")}</td>'
        + f'<td class="main"><h1>{e(story.title)}</h1><div class="storytext">{text}</div></td>'
        + "</tr></table>"
        + footer(story)
        + "</body></html>"
    )
    return page, url


def t_embeds(story: Story, rng: random.Random) -> tuple[str, str]:
    # Social embeds and an inline "related story" card inside the body.
    url = url_of(story)
    first, second, *rest = story.paragraphs
    tweet = (
        '<blockquote class="twitter-tweet"><p lang="en">Solidarity with everyone on the picket '
        "lines today. We are not going anywhere.</p>&mdash; Union Branch (@unionbranch) "
        '<a href="https://social.example/status/1">1 October 2025</a></blockquote>'
    )
    card = (
        '<aside class="inline-related"><span>Related</span><a href="/r/1"><h3>Exam results '
        "improve for the third year running</h3><p>Pass rates rose in every subject.</p></a>"
        "</aside>"
    )
    body = (
        f"<p>{e(first)}</p>{tweet}<p>{e(second)}</p>{card}"
        + "".join(f"<p>{e(p)}</p>" for p in rest)
        + '<div class="embed-video"><iframe src="https://video.example/e/1"></iframe>'
        + "<p>Watch: teachers explain why they are striking</p></div>"
    )
    page = (
        head(story, og(story, url=url))
        + "<body>"
        + nav(story, rng)
        + f"<article><h1>{e(story.title)}</h1>{byline(story)}<div class='body'>{body}</div>"
        + "</article>"
        + footer(story)
        + "</body></html>"
    )
    return page, url


def t_utc_jsonld(story: Story, rng: random.Random) -> tuple[str, str]:
    # JSON-LD written in UTC ("Z"), the meta tag and the <time> in the publisher's own zone:
    # late in the evening (or just after midnight) the two name different days.
    url = url_of(story)
    utc = when(story).astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "datePublished": utc,
        "author": [{"@type": "Person", "name": a} for a in story.authors],
        "publisher": {"@type": "Organization", "name": story.site},
    }
    page = (
        head(story, jsonld_block(data) + og(story, url=url))
        + "<body>"
        + nav(story, rng)
        + f"<main><article><h1>{e(story.title)}</h1>{byline(story)}"
        + f'<time datetime="{story.published}">{human_date(story)}</time>'
        + paragraphs(story)
        + "</article></main>"
        + footer(story)
        + "</body></html>"
    )
    return page, url


def t_text_date(story: Story, rng: random.Random) -> tuple[str, str]:
    # A small site: the date is only in the dateline that opens the page's running text.
    url = url_of(story)
    place = story.paragraphs[0].split(" in ", 1)[-1].split()[0].strip(",.")
    page = (
        f"<html><head><title>{e(story.title)}</title></head><body>"
        + nav(story, rng)
        + f'<div class="content"><h1>{e(story.title)}</h1>'
        + f'<div class="where">{e(place)}, {human_date(story, with_time=False)}</div>'
        + paragraphs(story)
        + "</div>"
        + footer(story)
        + "</body></html>"
    )
    return page, url


TEMPLATES: dict[str, Callable[[Story, random.Random], tuple[str, str]]] = {
    "jsonld": t_jsonld,
    "jsonld_graph": t_jsonld_graph,
    "opengraph": t_opengraph,
    "no_metadata": t_no_metadata,
    "byline_text": t_byline_text,
    "relative_dates": t_relative_dates,
    "boilerplate": t_boilerplate,
    "comments": t_comments,
    "paywall": t_paywall,
    "liveblog": t_liveblog,
    "microdata": t_microdata,
    "script_dates": t_script_dates,
    "url_date": t_url_date,
    "key_points": t_key_points,
    "div_paragraphs": t_div_paragraphs,
    "br_text": t_br_text,
    "embeds": t_embeds,
    "utc_jsonld": t_utc_jsonld,
    "text_date": t_text_date,
}


# --- page weight ------------------------------------------------------------------------------
# Real article pages weigh 100-300 KB: inline CSS, analytics and app-state scripts, icon
# sprites, teaser grids and footer link farms. Without that weight the speed figure would be
# flattering, so every page gets a realistic, deterministic share of it.


def _css(rng: random.Random) -> str:
    rules = []
    for i in range(rng.randint(500, 900)):
        rules.append(
            f".c{i}-{rng.choice(['card', 'grid', 'nav', 'btn', 'hero', 'teaser'])}"
            f"{{margin:{rng.randint(0, 32)}px;padding:{rng.randint(0, 24)}px "
            f"{rng.randint(0, 24)}px;color:#{rng.randrange(16**6):06x};"
            f"font-size:{rng.randint(11, 28)}px;line-height:{rng.random() + 1:.2f}}}"
        )
    return "<style>" + "".join(rules) + "</style>"


def _scripts(story: Story, rng: random.Random) -> str:
    state = {
        "props": {
            "page": {"type": "article", "section": story.section, "id": rng.randrange(10**9)},
            "article": {"headline": story.title, "body": story.paragraphs},
            "teasers": [
                {"id": rng.randrange(10**9), "title": t, "image": f"/img/{i}.jpg", "tags": [i]}
                for i, t in enumerate(TEASERS * 12)
            ],
        },
        "buildId": f"{rng.randrange(16**12):012x}",
    }
    tracking = ";".join(
        f"window.__t{i}=function(e){{return e&&e.{rng.choice(['id', 'ts', 'ref'])}||"
        f"{rng.randint(0, 999)}}}"
        for i in range(rng.randint(300, 600))
    )
    return (
        f'<script id="__NEXT_DATA__" type="application/json">{json.dumps(state)}</script>'
        f"<script>{tracking}</script>"
        '<script async src="https://cdn.analytics.example/a.js"></script>'
    )


def _sprite(rng: random.Random) -> str:
    icons = "".join(
        f'<symbol id="i{i}" viewBox="0 0 24 24"><path d="M{rng.randint(0, 24)} '
        + " ".join(f"L{rng.randint(0, 24)} {rng.randint(0, 24)}" for _ in range(12))
        + 'Z"/></symbol>'
        for i in range(40)
    )
    return f'<svg style="display:none" xmlns="http://www.w3.org/2000/svg">{icons}</svg>'


def _grid(rng: random.Random) -> str:
    cards = "".join(
        f'<div class="card card--{i % 3}"><div class="card__media"><a href="/s/{i}"><picture>'
        f'<source srcset="/img/{i}.avif" type="image/avif"><source srcset="/img/{i}.webp" '
        f'type="image/webp"><img src="/img/{i}.jpg" alt="" loading="lazy"></picture></a></div>'
        f'<div class="card__body"><span class="kicker">{e(rng.choice(NAV["en"]))}</span>'
        f'<h4><a href="/s/{i}">{e(rng.choice(TEASERS))}</a></h4>'
        f"<p>{e(rng.choice(TEASERS))}.</p><time>{rng.randint(1, 23)}h ago</time></div></div>"
        for i in range(60)
    )
    links = "".join(f'<li><a href="/topic/{i}">Topic {i}</a></li>' for i in range(300))
    return (
        f'<section class="more-stories"><h3>More stories</h3>{cards}</section>'
        f'<nav class="footer-topics"><ul>{links}</ul></nav>'
    )


def add_weight(page: str, story: Story, rng: random.Random) -> str:
    page = page.replace("</head>", _css(rng) + _scripts(story, rng) + "</head>", 1)
    # CMS layouts nest the page in a dozen wrappers (grid, container, row, column, …).
    depth = rng.randint(6, 12)
    opening = "".join(
        f'<div class="layout-{level} l-{rng.randrange(999)}">' for level in range(depth)
    )
    at = page.index(">", page.index("<body")) + 1
    page = page[:at] + _sprite(rng) + opening + page[at:]
    at = page.rindex("</body>")
    return page[:at] + "</div>" * depth + _grid(rng) + page[at:]


def gold(story: Story, url: str) -> dict[str, object]:
    return {
        "url": url,
        "template": story.template,
        "title": story.title,
        "text": "\n\n".join(story.paragraphs),
        "published_at": story.published,
        "date_precision": "day" if story.template in ("url_date", "text_date") else "minute",
        "authors": story.authors,
        "language": story.language,
        "site_name": story.site
        if story.template not in ("no_metadata", "url_date", "text_date")
        else None,
    }


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for old in OUT.glob("*"):
        old.unlink()
    for number, story in enumerate(STORIES):
        rng = random.Random(number)
        page, url = TEMPLATES[story.template](story, rng)
        page = add_weight(page, story, rng)
        (OUT / f"{story.slug}.html").write_text(page, encoding="utf-8")
        record = json.dumps(gold(story, url), ensure_ascii=False, indent=2)
        (OUT / f"{story.slug}.json").write_text(record + "\n", encoding="utf-8")
    print(f"wrote {len(STORIES)} pages to {OUT}")


if __name__ == "__main__":
    main()
