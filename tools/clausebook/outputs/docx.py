"""The semantic diff as a Word document whose redline is real tracked changes.

`format_docx(diff, author=..., when=...)` returns the bytes of a .docx: a
title and summary, then per changed clause a heading (title and id), its
class (material or editorial), kind, policy, jurisdictions and reasons, and
one paragraph per changed field whose words are tracked revisions: deleted
words in `w:del`/`w:delText`, inserted words in `w:ins`, each with a unique
`w:id`, `w:author` and `w:date` (the head commit's author and date). Word
and LibreOffice list each as a change to accept or reject; an added clause
is one insertion, a removed one a deletion. Settings switch on
`w:trackRevisions`, so counsel's own edits are tracked too.

python-docx has no API for revisions (TECH-NOTES), so it provides the
package (styles, settings, headings) and the revision markup is WordprocessingML
written here: the body is built as one XML string and parsed once, which
keeps a diff of thousands of clauses fast. Field values are the diff's own
text (`diff.fields.field_text`), Markdown as the editors wrote it; line breaks
are `w:br` inside the runs, so a changed line break is part of its revision.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from xml.sax.saxutils import escape, quoteattr

from clausebook.diff.compare import Diff, FieldRedline
from clausebook.diff.fields import field_label
from clausebook.diff.redline import DELETE, EQUAL, Segment
from clausebook.outputs.diff import change_phrase, short, summary_counts, where

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
# Characters XML 1.0 cannot hold: shown as U+FFFD rather than making a file Word refuses.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("\ufffd", value))


def _runs(text: str, tag: str = "w:t", props: str = "") -> str:
    """Runs for `text`: one `w:t` (or `w:delText`) per line, `w:br` between lines."""
    rpr = f"<w:rPr>{props}</w:rPr>" if props else ""
    parts = []
    for index, line in enumerate(text.split("\n")):
        if index:
            parts.append("<w:br/>")
        if line:
            parts.append(f'<{tag} xml:space="preserve">{_text(line)}</{tag}>')
    return f"<w:r>{rpr}{''.join(parts)}</w:r>" if parts else ""


def _paragraph(content: str, style: str | None = None, keep_next: bool = False) -> str:
    props = (f'<w:pStyle w:val="{style}"/>' if style else "") + ("<w:keepNext/>" if keep_next else "")
    return f"<w:p>{f'<w:pPr>{props}</w:pPr>' if props else ''}{content}</w:p>"


def _label(label: str, value: str) -> str:
    return _runs(f"{label}: ", props="<w:b/>") + _runs(value)


class _Revisions:
    """Writes `w:ins`/`w:del` with ids unique in the document, all by one author at one time."""

    def __init__(self, author: str, when: dt.datetime) -> None:
        self.author = quoteattr(_NOT_XML.sub("\ufffd", author))
        stamp = when.astimezone(dt.UTC) if when.tzinfo else when.replace(tzinfo=dt.UTC)
        self.date = quoteattr(stamp.replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ"))
        self.next_id = 1

    def mark(self, segments: Iterable[Segment]) -> str:
        out = []
        for seg in segments:
            if seg.op == EQUAL:
                out.append(_runs(seg.text))
                continue
            runs = _runs(seg.text, "w:delText" if seg.op == DELETE else "w:t")
            if not runs:
                continue
            tag = "w:del" if seg.op == DELETE else "w:ins"
            out.append(f"<{tag} w:id=\"{self.next_id}\" w:author={self.author} w:date={self.date}>{runs}</{tag}>")
            self.next_id += 1
        return "".join(out)

    @property
    def count(self) -> int:
        return self.next_id - 1


def _field(diff: Diff, item: FieldRedline, revisions: _Revisions) -> list[str]:
    label = field_label(item.field)
    places = where(diff, list(item.jurisdictions))
    heading = _runs(label, props="<w:b/>") + _runs(f" (in {places})" if places != "everywhere" else "",
                                                    props='<w:i/><w:color w:val="555555"/>')
    return [_paragraph(heading, keep_next=True), _paragraph(revisions.mark(item.segments))]


def body_paragraphs(diff: Diff, revisions: _Revisions) -> Iterator[str]:
    """The document's paragraphs after the title, as WordprocessingML, one change at a time."""
    yield _paragraph(_runs(f"{summary_counts(diff)} between {short(diff.base)} and {short(diff.head)}."))
    if not diff.changes:
        yield _paragraph(_runs("No clause reads differently."))
    policy = None
    for change in diff.changes:
        out = []
        if change.policy != policy:
            policy = change.policy
            out.append(_paragraph(_runs(diff.policy_titles.get(policy, policy)), "Heading1"))
        out.append(_paragraph(_runs(f"{change.title} ") + _runs(f"({change.clause})",
                                                                 props='<w:color w:val="666666"/>'),
                              "Heading2", keep_next=True))
        cls = "Material" if change.material else "Editorial"
        out.append(_paragraph(_runs(cls, props="<w:b/>" + ('<w:color w:val="B71C1C"/>' if change.material else ""))
                              + _runs(f" · {change_phrase(change)}"), keep_next=True))
        out.append(_paragraph(_label("Jurisdictions", ", ".join(change.jurisdictions)), keep_next=True))
        out.append(_paragraph(_label("Why", change.reason), keep_next=bool(change.redlines)))
        for item in change.redlines:
            out += _field(diff, item, revisions)
        yield "".join(out)


def _enable_tracking(document: object) -> None:
    """`w:trackRevisions` in settings.xml, in its place in the schema's sequence (Word checks the order)."""
    from docx.oxml import parse_xml

    settings = document.settings.element  # type: ignore[attr-defined]
    if settings.find(f"{{{W}}}trackRevisions") is not None:
        return
    element = parse_xml(f'<w:trackRevisions xmlns:w="{W}"/>')
    later = ("w:doNotTrackMoves", "w:doNotTrackFormatting", "w:documentProtection", "w:autoFormatOverride",
             "w:styleLockTheme", "w:styleLockQFSet", "w:defaultTabStop")
    settings.insert_element_before(element, *later)


def format_docx(diff: Diff, author: str = "clausebook", when: dt.datetime | None = None) -> bytes:
    """The diff as .docx bytes; every changed word a tracked revision by `author` at `when`."""
    from docx import Document

    when = when or dt.datetime.now(dt.UTC)
    revisions = _Revisions(author, when)
    document = Document()
    core = document.core_properties
    core.title = f"Redline {short(diff.base)} → {short(diff.head)}"
    core.author = author
    core.comments = "Written by clausebook diff --format docx"
    stamp = when.astimezone(dt.UTC).replace(tzinfo=None) if when.tzinfo else when
    core.created = core.modified = stamp
    document.add_heading(f"Policy redline: {short(diff.base)} → {short(diff.head)}", 0)
    intro = document.add_paragraph()
    intro.add_run("Each deletion and insertion below is a tracked change by ")
    intro.add_run(author).bold = True
    intro.add_run(f" dated {when.astimezone(dt.UTC).date().isoformat()}: accept or reject them under "
                  "Review. Field text is shown as the policy's source (Markdown).")
    document.add_paragraph(_BODY_MARK)
    _enable_tracking(document)
    template = io.BytesIO()
    document.save(template)
    return _with_body(template.getvalue(), body_paragraphs(diff, revisions))


# Where the changes go: python-docx writes the frame (styles, title, settings), and the
# paragraphs of the changes are streamed into word/document.xml in its place. Parsing them
# into python-docx's element tree would hold the whole redline as XML objects (hundreds of
# megabytes for a far-apart diff of a large repository).
_BODY_MARK = "clausebook-changes-go-here"
_DOCUMENT_PART = "word/document.xml"


def _with_body(template: bytes, paragraphs: Iterable[str]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(template)) as source:
        xml = source.read(_DOCUMENT_PART).decode("utf-8")
        mark = xml.index(_BODY_MARK)
        head, tail = xml.rfind("<w:p>", 0, mark), xml.index("</w:p>", mark) + len("</w:p>")
        if head < 0:  # python-docx writes a plain `<w:p>` for a paragraph without properties
            raise RuntimeError("the Word template's placeholder paragraph was not found")
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                if info.filename != _DOCUMENT_PART:
                    target.writestr(info, source.read(info.filename))
                    continue
                entry = zipfile.ZipInfo(_DOCUMENT_PART, info.date_time)
                entry.compress_type = zipfile.ZIP_DEFLATED
                with target.open(entry, "w") as part:
                    part.write(xml[:head].encode("utf-8"))
                    for paragraph in paragraphs:
                        part.write(paragraph.encode("utf-8"))
                    part.write(xml[tail:].encode("utf-8"))
    return out.getvalue()

