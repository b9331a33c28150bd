"""Accessibility repairs to the HTML Material for MkDocs 9 writes around our pages.

What axe-core reported on the shipped handbook, and the fix for each:

- the search dialog (`role="dialog"`) had no accessible name: it gets `aria-label`;
- a navigation section with an index page (`navigation.indexes`) is a `<nav>` named by a
  label holding only an icon, so several navigation landmarks had the same empty name
  (`landmark-unique`): the label gets the section's title as visually hidden text.

Colours (badges, links told apart by more than colour, code and footer
contrast) and code blocks that scrolled sideways on a phone, out of reach of
the keyboard (`scrollable-region-focusable`; they wrap now), are fixed in
`assets/clausebook.css`. Every repair matches Material's markup
exactly and leaves a page it does not recognise unchanged; the axe-core browser
test catches a Material release that changes it.
"""

from __future__ import annotations

import html
import re

_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
_ICON_LABEL = re.compile(
    r'(<a href="[^"]*" class="md-nav__link[^"]*">\s*<span class="md-ellipsis">\s*)([^<]*?)(\s*</span>\s*</a>\s*'
    r'<label class="md-nav__link[^"]*" for="(__nav_[0-9_]+)" id="\4_label"[^>]*>\s*'
    r'<span class="md-nav__icon md-icon"></span>)(\s*</label>)')


def accessible_page(page_html: str, search_label: str) -> str:
    page_html = page_html.replace(_DIALOG, f'{_DIALOG[:-1]} aria-label="{html.escape(search_label)}">', 1)
    return _ICON_LABEL.sub(lambda m: f'{m.group(1)}{m.group(2)}{m.group(3)}'
                                     f'<span class="cb-visually-hidden">{m.group(2).strip()}</span>{m.group(5)}',
                           page_html)
