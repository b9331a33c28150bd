"""Channels by the names readers know: `x` is "X (Twitter)", `linkedin` is "LinkedIn".

Clauses name channels by id (`channels: [linkedin, x]`); the handbook shows
the platform's own spelling. An id this table does not know is shown with
its hyphens as spaces and a capital first letter, so a company's own channel
(`internal-wiki`) still reads as words.
"""

from __future__ import annotations

from collections.abc import Iterable

CHANNEL_NAMES = {
    "all": "all channels",
    "bluesky": "Bluesky",
    "facebook": "Facebook",
    "forums": "forums",
    "github": "GitHub",
    "gitlab": "GitLab",
    "instagram": "Instagram",
    "linkedin": "LinkedIn",
    "mastodon": "Mastodon",
    "reddit": "Reddit",
    "stackoverflow": "Stack Overflow",
    "threads": "Threads",
    "tiktok": "TikTok",
    "x": "X (Twitter)",
    "xing": "XING",
    "youtube": "YouTube",
}


def channel_name(channel: object) -> str:
    key = str(channel)
    known = CHANNEL_NAMES.get(key.casefold())
    if known:
        return known
    words = key.replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:]


def channel_list(channels: Iterable[object]) -> str:
    """The channels as one phrase, plain text (the caller escapes it)."""
    return ", ".join(channel_name(c) for c in channels)
