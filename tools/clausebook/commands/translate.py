"""`clausebook translate status|digest|export|import`: translation state, digests, XLIFF and PO exchange."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from clausebook.commands._common import Subcommands, refuse_on_errors
from clausebook.core.errors import UsageError
from clausebook.core.translation import Sources, source_digest
from clausebook.history.scan import begin_scan
from clausebook.outputs.registry import TRANSLATION_STATUS, add_format_option, formatter
from clausebook.translate.status import Assessment, assess
from clausebook.workspace import Workspace, open_worktree


def register(sub: Subcommands) -> None:
    parser = sub.add_parser("translate", help="translation state, digests, XLIFF/PO exchange",
                            description="Translations of each handbook: which are current, stale (editorial "
                                        "or material) or missing; the digest a translation file carries; "
                                        "export to and import from a translation system.")
    actions = parser.add_subparsers(dest="translate_command", metavar="ACTION")
    actions.required = True

    status = actions.add_parser("status", help="counts per handbook and every translation that is not current",
                                description="Per translated handbook (jurisdiction x language): counts of "
                                            "current, stale-editorial, stale-material and missing translations, "
                                            "then each one that is not current, with the date its source changed.")
    status.add_argument("--jurisdiction", metavar="J", help="only this jurisdiction's handbooks")
    status.add_argument("--lang", metavar="L", help="only handbooks in this language (fr) or locale (fr-CA)")
    add_format_option(status, TRANSLATION_STATUS)
    status.set_defaults(func=run_status)

    digest = actions.add_parser("digest", help="the digest of a clause's translatable text",
                                description="Print sha256:<hex> of a base clause's translatable text (with "
                                            "--jurisdiction: of that jurisdiction's overlay on it), as a current "
                                            "translation's `source` says. --policy P: of policy P's headings.")
    digest.add_argument("clause", nargs="?", metavar="CLAUSE")
    digest.add_argument("--jurisdiction", metavar="J", help="the overlay of J on CLAUSE")
    digest.add_argument("--policy", metavar="P", help="the policy's title, summary and section headings")
    digest.set_defaults(func=run_digest)

    export = actions.add_parser("export", help="write what needs translating as XLIFF 2.0 or PO",
                                description="Write every string of the handbooks in --lang whose translation "
                                            "is missing or stale, as XLIFF 2.0 (.xlf, .xliff) or PO (.po).")
    export.add_argument("--lang", metavar="L", required=True, help="a language (fr) or a handbook locale (fr-CA)")
    export.add_argument("--out", metavar="FILE", required=True, help="the file to write: .xlf, .xliff or .po")
    export.set_defaults(func=run_export)

    imported = actions.add_parser("import", help="write translation files back from XLIFF 2.0 or PO",
                                  description="Write the translation files of a filled-in export with their "
                                              "digests. Units whose source changed since the export are refused "
                                              "(and named); then nothing is written.")
    imported.add_argument("file", metavar="FILE")
    imported.set_defaults(func=run_import)


def _workspace(root: str) -> Workspace | None:
    workspace = open_worktree(root)
    return None if refuse_on_errors(workspace.problems) else workspace


def run_status(args: argparse.Namespace) -> int:
    pending = begin_scan(Path(args.root))  # git log runs while the work tree loads
    workspace = _workspace(args.root)
    if workspace is None:
        return 1
    if args.jurisdiction is not None and args.jurisdiction not in workspace.repo.jurisdictions:
        raise UsageError(f"unknown jurisdiction '{args.jurisdiction}' "
                         f"(known: {', '.join(sorted(workspace.repo.jurisdictions)) or 'none'})")
    assessment = assess(workspace, pending)
    handbooks = assessment.handbooks(args.jurisdiction, args.lang)
    if args.lang is not None and not handbooks:
        known = sorted({h.lang for h in assessment.handbooks(args.jurisdiction)})
        raise UsageError(f"no handbook is in '{args.lang}'; translated handbooks: {', '.join(known) or 'none'}")
    sys.stdout.write(formatter(TRANSLATION_STATUS, args.format)(handbooks))
    return 0


def run_digest(args: argparse.Namespace) -> int:
    workspace = _workspace(args.root)
    if workspace is None:
        return 1
    repo = workspace.repo
    if args.policy is not None:
        if args.clause is not None or args.jurisdiction is not None:
            raise UsageError("--policy takes no CLAUSE or --jurisdiction")
        policy = repo.policies.get(args.policy)
        if policy is None:
            raise UsageError(f"unknown policy '{args.policy}' (known: {', '.join(sorted(repo.policies))})")
        print(source_digest("policy", policy.data))
        return 0
    if args.clause is None:
        raise UsageError("name a clause (translate digest CLAUSE) or a policy (--policy P)")
    if args.jurisdiction is None:
        clause = repo.clause(args.clause)
        if clause is None:
            raise UsageError(f"unknown clause '{args.clause}': no base clause has this id")
        print(source_digest("clause", clause.data))
        return 0
    if args.jurisdiction not in repo.jurisdictions:
        raise UsageError(f"unknown jurisdiction '{args.jurisdiction}'")
    source = Sources(repo).source_for("overlay", args.jurisdiction, args.clause)
    if source is None:
        raise UsageError(f"'{args.jurisdiction}' has no overlay on '{args.clause}'")
    print(source.digest())
    return 0


def run_export(args: argparse.Namespace) -> int:
    from clausebook.translate.exchange import export_units, format_of, write_exchange

    out = Path(args.out)
    format_of(out)  # a usage error before any work
    pending = begin_scan(Path(args.root))
    workspace = _workspace(args.root)
    if workspace is None:
        return 1
    assessment = Assessment(workspace, pending)
    units = export_units(assessment, args.lang)
    try:
        write_exchange(units, out, assessment.source_language, args.lang)
    except OSError as exc:
        raise UsageError(f"cannot write '{out}': {exc.strerror or exc}") from None
    files = len({u.id.partition(".yaml:")[0] for u in units})
    if units:
        print(f"Wrote {len(units)} strings from {files} translation files to {out}", file=sys.stderr)
    else:
        print(f"Nothing to translate into '{args.lang}': every translation is current; wrote an empty {out}",
              file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from clausebook.translate.exchange import import_units, iter_refusals, read_exchange

    path = Path(args.file)
    units = read_exchange(path)
    workspace = _workspace(args.root)
    if workspace is None:
        return 1
    result = import_units(Assessment(workspace), units, workspace.root)
    for line in iter_refusals(result):
        print(f"{path}: {line}")
    for translation_path, left in result.incomplete:
        print(f"clausebook: note: {translation_path} not written: {left} string(s) not translated "
              "(or still marked for review)", file=sys.stderr)
    if result.refused:
        print(f"clausebook: {len(result.refused)} unit(s) refused; nothing was written. Export again "
              "(`clausebook translate export`) to get today's source text.", file=sys.stderr)
        return 1
    for written in result.written:
        print(f"wrote {written}")
    if not result.written:
        print("clausebook: nothing to write: no translation file is complete", file=sys.stderr)
    return 0
