"""The shipped content pack: coverage of the topics, the overlays, and three legal facts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from clausebook.core.model import GLOBAL
from clausebook.workspace import open_worktree

ROOT = Path(__file__).resolve().parent.parent

# Each topic the policy must cover -> the clause(s) that cover it.
TOPICS = {
    "purpose and scope": ["purpose-and-scope"],
    "company values": ["company-values"],
    "official vs personal accounts, who speaks for the company": ["official-accounts", "speaking-for-the-company"],
    "account ownership and hand-over": ["account-ownership", "account-handover"],
    "disclosure of affiliation": ["disclose-affiliation"],
    "endorsement and sponsored-content disclosure": ["endorsements", "creator-partnerships"],
    "confidential, client, unreleased, financial information": ["confidential-information",
                                                                 "unreleased-products-and-financials"],
    "personal and customer data": ["personal-data"],
    "intellectual property and crediting": ["intellectual-property"],
    "account security": ["account-security", "phishing-and-impersonation", "lost-devices"],
    "respectful conduct": ["respectful-conduct"],
    "what employees remain free to do": ["your-rights"],
    "media, press and analyst inquiries": ["media-inquiries"],
    "crisis and incident response": ["crisis-response"],
    "customer complaints and service": ["customer-service"],
    "platform guidance": ["platform-linkedin", "platform-x", "platform-instagram", "platform-tiktok",
                          "platform-facebook", "platform-youtube", "platform-github-and-forums"],
    "AI-generated content": ["ai-generated-content"],
    "photos from the workplace and events": ["workplace-photos"],
    "working time and company devices": ["working-time-and-devices"],
    "separate professional and personal accounts": ["separate-accounts"],
    "transparent monitoring": ["monitoring"],
    "reporting concerns without retaliation": ["reporting-concerns"],
    "proportionate consequences": ["consequences"],
    "training and onboarding": ["training"],
    "approved content for advocacy": ["advocacy-content"],
    "departing employees": ["departing-employees"],
    "review of this policy": ["policy-review"],
}

JURISDICTIONS = {"us": None, "us-ca": "us", "us-ny": "us", "eu": None, "de": "eu", "fr": "eu", "uk": None,
                 "ca": None, "ca-on": "ca"}


@pytest.fixture(scope="module")
def shipped():
    return open_worktree(ROOT)


def _text(clause) -> str:
    parts = [clause.title, clause.body, *(n.text for n in clause.notes), clause.get("rationale") or "",
             *(clause.get("examples") or {}).get("do", [])]
    return "\n".join(parts)


def test_shipped_content_has_no_errors(shipped):
    assert [str(p) for p in shipped.problems if p.severity == "error"] == []


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_every_topic_is_covered(shipped, topic):
    clauses = shipped.repo.clauses()
    for clause_id in TOPICS[topic]:
        assert clause_id in clauses, f"{topic}: no clause {clause_id}"
        assert len(clauses[clause_id].data["body"]) > 200, f"{clause_id} is too thin to cover {topic}"


def test_policy_clauses_are_complete(shipped):
    for clause in shipped.repo.clauses().values():
        data = clause.data
        for field in ("rationale", "tags"):
            assert data.get(field), f"{clause.id} has no {field}"
        if data["level"] == "must":
            assert data.get("examples", {}).get("do") and data["examples"].get("dont"), clause.id


@pytest.mark.parametrize("jid", sorted(JURISDICTIONS))
def test_jurisdiction_exists_and_changes_at_least_two_clauses(shipped, jid):
    jurisdiction = shipped.repo.jurisdictions[jid]
    assert jurisdiction.parent == JURISDICTIONS[jid]
    assert len({o.clause for o in jurisdiction.overlays}) >= 2


def test_every_overlay_has_a_reason_and_a_reference(shipped):
    for jurisdiction in shipped.repo.jurisdictions.values():
        for overlay in jurisdiction.overlays:
            assert len(overlay.data["reason"].split()) >= 8, overlay.path
            assert overlay.data.get("references"), overlay.path


def test_all_four_overlay_actions_are_used(shipped):
    actions = {o.action for j in shipped.repo.jurisdictions.values() for o in j.overlays}
    assert actions == {"amend", "replace", "remove", "add"}


def test_us_keeps_the_right_to_discuss_pay_and_working_conditions(shipped):
    rights = shipped.handbooks["us"].clauses["your-rights"]
    text = _text(rights)
    assert re.search(r"You may discuss your pay\b.*working conditions", text)
    for rule in shipped.repo.jurisdictions["us"].rules:
        if "forbid" in rule:
            for clause in shipped.handbooks["us"].clauses.values():
                assert not re.search(rule["forbid"], _text(clause), re.IGNORECASE), (rule["id"], clause.id)


def test_us_ca_has_no_clause_asking_for_personal_account_credentials(shipped):
    rule = next(r for r in shipped.repo.jurisdictions["us-ca"].rules if r["id"] == "no-credential-requests")
    pattern = re.compile(rule["forbid"], re.IGNORECASE)
    for clause in shipped.handbooks["us-ca"].clauses.values():
        assert not pattern.search(_text(clause)), clause.id
    # The rule is not toothless: a request for credentials is caught.
    assert pattern.search("During an investigation, HR may ask you for your password.")
    investigations = _text(shipped.handbooks["us-ca"].clauses["investigations"])
    assert "980" in " ".join(n.text + n.reason for n in shipped.handbooks["us-ca"].clauses["investigations"].notes) \
        or "980" in investigations


def test_de_monitoring_requires_works_council_agreement(shipped):
    monitoring = shipped.handbooks["de"].clauses["monitoring"]
    german = [n for n in monitoring.notes if n.jurisdiction == "de"]
    assert german, "de adds no note to monitoring"
    text = " ".join(n.text for n in german)
    assert re.search(r"works council('s)? (has )?agree", text) or "works council's agreement" in text
    assert "Betriebsvereinbarung" in text
    assert any("87" in ref.get("cite", "") for n in german for ref in n.references)
    # ... and only the German handbook says so.
    assert "Betriebsvereinbarung" not in _text(shipped.handbooks[GLOBAL].clauses["monitoring"])
    assert "Betriebsvereinbarung" not in _text(shipped.handbooks["fr"].clauses["monitoring"])


def test_france_replaces_monitoring(shipped):
    fr = shipped.handbooks["fr"].clauses["monitoring"]
    assert fr.provenance[-1].action == "replace"
    assert fr.provenance[-1].jurisdiction == "fr"
