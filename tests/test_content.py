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
    "which version applies: home country, travel, remote work from abroad": ["which-handbook-applies"],
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
    "legal threats, subpoenas and requests from authorities": ["legal-and-regulator-requests"],
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
                 "ca": None, "ca-on": "ca", "ca-qc": "ca"}


@pytest.fixture(scope="module")
def shipped():
    return open_worktree(ROOT)


def _text(clause) -> str:
    parts = [clause.title, clause.body, *(n.text for n in clause.notes), clause.get("rationale") or "",
             *(clause.get("examples") or {}).get("do", [])]
    return "\n".join(parts)


def _flat(text: str) -> str:
    """Text with each run of whitespace as one space, as the legal lint rules read it."""
    return re.sub(r"\s+", " ", text)


def _notes(clause, jid: str) -> str:
    return _flat(" ".join(n.text for n in clause.notes if n.jurisdiction == jid))


def _cites(clause, jid: str | None = None) -> str:
    """Every cite and title the clause and its notes rely on (optionally only one jurisdiction's notes)."""
    refs = [] if jid else list(clause.get("references") or [])
    for note in clause.notes:
        if jid is None or note.jurisdiction == jid:
            refs.extend(note.references)
    for step in clause.provenance:
        if jid is None or step.jurisdiction == jid:
            refs.extend(step.references)
    return " | ".join(f"{r.get('title', '')} {r.get('cite', '')}" for r in refs)


def _rule(shipped, jid: str, rule_id: str) -> dict:
    return next(r for r in shipped.repo.jurisdictions[jid].rules if r["id"] == rule_id)


def _rule_holds(shipped, jid: str, rule_id: str) -> None:
    """The jurisdiction's data rule holds in its handbook and in every handbook below it."""
    rule = _rule(shipped, jid, rule_id)
    pattern = re.compile(rule.get("forbid") or rule["require"], re.IGNORECASE)
    for handbook_id in shipped.repo.descendants(jid):
        for clause in shipped.handbooks[handbook_id].clauses.values():
            text = _flat(_text(clause))
            if "forbid" in rule:
                assert not pattern.search(text), (rule_id, handbook_id, clause.id)
            elif set(rule["tags"]) & set(clause.get("tags") or ()):
                parts = [clause.title, clause.body, *(n.text for n in clause.notes), clause.get("rationale") or "",
                         *(clause.get("examples") or {}).get("do", [])]
                assert any(pattern.search(_flat(part)) for part in parts), (rule_id, handbook_id, clause.id)


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


# --- Monitoring: the clause is the notice the law asks for, so it names every tool ---------------------------

MONITORING_TOOLS = ("Account management tool", "Listening tool", "Security alert service", "Device security tools",
                    "Advocacy tool")


@pytest.mark.parametrize("jid", [GLOBAL, "us-ny", "ca-on", "eu", "de", "fr", "uk"])
def test_monitoring_names_each_tool_with_what_it_collects_who_sees_it_and_how_long(shipped, jid):
    """Ontario ESA s. 41.1.1, N.Y. Civ. Rights Law s. 52-c, GDPR Arts. 13-14, C. trav. L1222-4, Barbulescu:
    the notice has to say what each tool collects, who sees it and how long it is kept."""
    body = shipped.handbooks[jid].clauses["monitoring"].body
    items = {line.split("**")[1].rstrip("."): line for line in body.splitlines() if line.startswith("- **")}
    for tool in MONITORING_TOOLS:
        assert tool in items, (jid, tool)
        assert re.search(r"\b(records?|collects?|counts?|scan)\b", items[tool]), (jid, tool)
        assert re.search(r"\bsees\b", items[tool]), (jid, tool)
        assert re.search(r"kept for|deleted after", items[tool]), (jid, tool)


def test_what_other_clauses_say_monitoring_covers_is_in_monitoring(shipped):
    """working-time-and-devices sends readers to monitoring for device security tools, and the advocacy tool
    counts each person's shares: both are described there."""
    handbook = shipped.handbooks[GLOBAL]
    assert "[monitoring](#monitoring)" in handbook.clauses["working-time-and-devices"].body
    monitoring = _flat(handbook.clauses["monitoring"].body)
    assert re.search(r"Device security tools\.\*\* On company devices", monitoring)
    assert re.search(r"They do not record what you post or write in messages", monitoring)
    assert re.search(r"Advocacy tool\.\*\* It records who signed up as an ambassador, and counts how often each "
                     r"person shares", monitoring)
    assert "advocacy tool" in handbook.clauses["advocacy-leaderboard"].body


def test_de_advocacy_tool_stops_counting_people_where_the_list_is_removed(shipped):
    """BetrVG s. 87(1) Nr. 6: Germany drops the per-person list, and its monitoring note says the tool then counts
    only totals, so the handbook no longer describes a counting tool it does not explain."""
    de = shipped.handbooks["de"]
    assert "advocacy-leaderboard" not in de.clauses
    note = _notes(de.clauses["monitoring"], "de")
    assert "counts only how often each approved post is shared in total" in note
    assert "does not record who shared it" in note


@pytest.mark.parametrize("jid, pattern", [
    ("eu", r"The company runs each tool above only after the privacy team has completed a data protection impact"),
    ("de", r"the company runs the tools above only after the works council has agreed"),
    ("uk", r"The company runs each tool above only after the privacy team has completed a data protection impact"),
])
def test_before_any_tool_notes_match_a_base_text_that_makes_tools_conditional(shipped, jid, pattern):
    """The notes that set steps before a tool runs now sit under base text that says tools run only after
    such steps, instead of under text saying the listening tool already runs."""
    monitoring = shipped.handbooks[jid].clauses["monitoring"]
    assert "the tools run only after those steps" in _flat(monitoring.body)
    assert re.search(pattern, _notes(monitoring, jid))
    assert "Before any monitoring tool is used" not in _notes(monitoring, jid)


def test_eu_monitoring_handles_special_categories_and_names_the_dpo(shipped):
    """GDPR Art. 9 (public posts reveal special categories; C-252/21 reads 'manifestly made public' narrowly) and
    Art. 13(1)(b) (the DPO's contact details), in every EU handbook."""
    for jid in ("eu", "de", "fr"):
        text = _flat(_text(shipped.handbooks[jid].clauses["monitoring"]))
        assert "Article 9 of the GDPR protects this data even when a post is public" in text, jid
        assert re.search(r"data protection officer at dpo@example\.com", text), jid
    for rule_id in ("monitoring-special-categories", "monitoring-dpo-contact", "monitoring-retention"):
        _rule_holds(shipped, "eu", rule_id)


def test_uk_monitoring_gives_data_rights_and_the_ico_complaint_route(shipped):
    """UK GDPR Arts. 13(2)(b) and (d), 15-21 and 77: workers are told their rights and that they may complain to
    the Information Commissioner."""
    note = _notes(shipped.handbooks["uk"].clauses["monitoring"], "uk")
    assert re.search(r"right to access the data held about you", note)
    assert "object to it" in note
    assert "complain to the Information Commissioner's Office" in note
    _rule_holds(shipped, "uk", "monitoring-complaint-route")


# --- France --------------------------------------------------------------------------------------------------

def test_fr_policy_takes_effect_as_an_annex_to_the_internal_rules(shipped):
    """C. trav. L1321-4 to L1321-6: the policy is adopted as an annex to the reglement interieur, after the CSE's
    opinion, communication to the labour inspector, filing and publicity, and in French."""
    fr = shipped.repo.jurisdictions["fr"]
    assert fr.data.get("requires_translation") is True
    note = _notes(shipped.handbooks["fr"].clauses["consequences"], "fr")
    assert "takes effect as an annex to the internal rules (règlement intérieur)" in note
    assert re.search(r"The CSE gives its opinion first\..*labour inspector.*filed with the registry of the labour court",
                     note)
    assert "one month after the filing and publicity steps" in note
    cites = _cites(shipped.handbooks["fr"].clauses["consequences"], "fr")
    assert "L1321-4" in cites and "L1321-6" in cites
    _rule_holds(shipped, "fr", "annex-to-internal-rules")


def test_fr_discipline_is_not_only_for_abuse_of_free_expression(shipped):
    """Cass. soc. 30 Sept 2020, n 19-12.058 (Petit Bateau): a leak in a private post can justify dismissal; harassment
    is a ground of its own (L1152-5, L1153-6). Abuse stays the test for opinions and criticism."""
    note = _notes(shipped.handbooks["fr"].clauses["consequences"], "fr")
    assert "Criticism alone is not abuse" in note
    assert "Other breaches are separate grounds" in note
    assert re.search(r"Leaking confidential information.*even when you post it to a private audience", note)
    assert "harassing a colleague" in note
    assert "19-12.058" in _cites(shipped.handbooks["fr"].clauses["consequences"], "fr")
    _rule_holds(shipped, "fr", "discipline-grounds-not-only-abuse")


def test_fr_monitoring_keeps_the_base_promises_and_adds_the_french_steps(shipped):
    """The French replacement no longer says the company never looks at personal accounts (the listening tool
    collects public posts that mention it), and keeps no mood analysis, human review and no friend requests."""
    fr = shipped.handbooks["fr"].clauses["monitoring"]
    base = shipped.handbooks[GLOBAL].clauses["monitoring"]
    text = _flat(fr.body)
    for promise in ("We do not follow or track the personal accounts of individual employees",
                    "We do not ask you to friend or follow a manager or a company account",
                    "We do not use automated tools to judge your opinions or mood",
                    "a person must review it first",
                    "A public post from your personal account is collected if it mentions us"):
        assert promise in text and promise in _flat(base.body), promise
    assert not re.search(r"never look at (your )?personal accounts", text, re.IGNORECASE)
    assert re.search(r"inform and consult the CSE", text)
    assert re.search(r"tell you about any method of collecting data about you before it uses", text)
    for rule_id in ("monitoring-keeps-base-promises", "no-blanket-personal-account-claim", "monitoring-cse"):
        _rule_holds(shipped, "fr", rule_id)
    pattern = re.compile(_rule(shipped, "fr", "no-blanket-personal-account-claim")["forbid"], re.IGNORECASE)
    assert pattern.search("We never look at your personal accounts.")


def test_fr_creator_labels_follow_the_amended_influence_law(shipped):
    """Loi 2023-451 art. 5 as amended by Ordonnance 2024-978: 'Images retouchees' only for edited faces or bodies,
    'Images virtuelles' for AI-produced faces or bodies."""
    clause = shipped.handbooks["fr"].clauses["creator-partnerships"]
    note = _notes(clause, "fr")
    assert re.search(r"edited to slim or thicken a body, or to change the look of a face, must carry \"Images retouchées\"",
                     note)
    assert re.search(r"AI produced a face or a body must carry \"Images virtuelles\"", note)
    assert "Ordonnance n° 2024-978" in _cites(clause, "fr")
    _rule_holds(shipped, "fr", "retouched-images-label-scope")


def test_fr_advertising_label_words_are_the_company_choice_not_the_only_lawful_ones(shipped):
    """Ordonnance 2024-978 (art. 5-2 of Loi 2023-451): an equivalent label suited to the format is accepted, and the
    label is needed where commercial intent is not clear from the context. The note said the law required the words."""
    clause = shipped.handbooks["fr"].clauses["creator-partnerships"]
    note = _notes(clause, "fr")
    assert 'the company asks creators to label paid promotion with the words "Publicité" or "Collaboration' in note
    assert "The law also accepts an equivalent label suited to the format" in note
    step = next(p for p in clause.provenance if p.jurisdiction == "fr")
    assert "sets the exact labels" not in step.reason
    assert "allows an equivalent label suited to the format" in _flat(step.reason)
    _rule_holds(shipped, "fr", "influence-labels-allow-equivalent")


def test_fr_closed_group_insults_depend_on_the_group(shipped):
    """Cass. soc. 12 Sept 2018, n 16-11.690 turned on a closed group of 14 approved members: not a blanket rule."""
    note = _notes(shipped.handbooks["fr"].clauses["consequences"], "fr")
    assert "can count as private correspondence" in note
    assert "The courts look at the size of the group and who belongs to it" in note
    assert "are treated as private correspondence" not in note


# --- Germany -------------------------------------------------------------------------------------------------

def test_de_policy_is_adopted_through_a_works_agreement(shipped):
    """BetrVG s. 87(1) Nr. 1 (medium confidence, practitioner commentary): binding conduct rules are co-determined,
    so where a works council exists the policy is adopted through a works agreement."""
    scope = shipped.handbooks["de"].clauses["purpose-and-scope"]
    note = _notes(scope, "de")
    assert "adopts the binding rules of conduct in this policy through a works agreement (Betriebsvereinbarung)" in note
    assert "Where a works council exists" in note
    assert "§ 87(1) Nr. 1 BetrVG" in _cites(scope, "de")
    assert "Betriebsvereinbarung" not in _text(shipped.handbooks["eu"].clauses["purpose-and-scope"])
    _rule_holds(shipped, "de", "conduct-rules-works-agreement")


def test_de_relies_on_gdpr_article_6_not_section_26_bdsg(shipped):
    """CJEU C-34/21 (2023): s. 26(1) s. 1 BDSG is treated as inapplicable, so the German jurisdiction and its
    monitoring note cite GDPR Art. 6(1)(b) and (f) instead."""
    de = shipped.repo.jurisdictions["de"]
    cites = " | ".join(f"{r.get('title', '')} {r.get('cite', '')}" for r in de.data.get("references", []))
    for overlay in de.overlays:
        cites += " | " + " | ".join(f"{r.get('title', '')} {r.get('cite', '')}"
                                   for r in overlay.data.get("references", []))
    assert "BDSG" not in cites and "Bundesdatenschutzgesetz" not in cites
    assert "GDPR Art. 6(1)(b) and (f)" in cites and "C-34/21" in cites
    note = _notes(shipped.handbooks["de"].clauses["monitoring"], "de")
    assert "performance of your employment contract (Article 6(1)(b))" in note
    assert "legitimate interests (Article 6(1)(f))" in note
    # The EU note above it said legitimate interest was the only basis; the two now fit together.
    assert "unless the note for your country names another basis" in _notes(shipped.handbooks["de"].clauses["monitoring"], "eu")
    assert "Where a use is needed to carry out your job" in note
    _rule_holds(shipped, "de", "no-section-26-bdsg-basis")


def test_de_existing_official_pages_with_visitor_posts_need_the_works_council(shipped):
    """BAG 13.12.2016 - 1 ABR 7/15 concerned a page already running: visitor posts on existing pages are
    co-determined too, not only on new pages."""
    note = _notes(shipped.handbooks["de"].clauses["official-accounts"], "de")
    assert "This applies to existing pages as well as new ones" in note
    assert "or keep them on for an existing page" in note
    assert "on a new official page" not in note


# --- Quebec --------------------------------------------------------------------------------------------------

def test_ca_qc_is_a_french_language_handbook_below_canada(shipped):
    """Charter of the French language s. 41 (Bill 96): conditions of employment and training documents in French;
    the handbook is fr-CA and requires translation (its overlay text is English until the translations work)."""
    qc = shipped.repo.jurisdictions["ca-qc"]
    assert qc.parent == "ca"
    assert qc.data["locale"] == "fr-CA"
    assert qc.data.get("requires_translation") is True
    scope = shipped.handbooks["ca-qc"].clauses["purpose-and-scope"]
    note = _notes(scope, "ca-qc")
    assert "gives staff in Quebec this policy, and the training about it, in French" in note
    assert "never on better terms than the French one" in note
    assert "C-11, s. 41" in _cites(scope, "ca-qc")
    _rule_holds(shipped, "ca-qc", "policy-in-french")


def test_ca_qc_monitoring_needs_a_privacy_impact_assessment_and_names_the_person_in_charge(shipped):
    """Law 25: P-39.1 s. 3.3 (privacy impact assessment for information systems, person in charge consulted from the
    outset), s. 3.1 (person in charge, title and contact published), s. 8.1 (notice before profiling technology)."""
    monitoring = shipped.handbooks["ca-qc"].clauses["monitoring"]
    note = _notes(monitoring, "ca-qc")
    assert "runs each tool above only after a privacy impact assessment" in note
    assert "person in charge of the protection of personal information takes part from the start" in note
    assert "technology with functions that can identify, locate or profile you" in note
    cites = _cites(monitoring, "ca-qc")
    for section in ("s. 3.1", "s. 3.3", "s. 8.1"):
        assert f"P-39.1, {section}" in cites, section
    assert "person in charge of the protection of personal information" in _notes(
        shipped.handbooks["ca-qc"].clauses["personal-data"], "ca-qc")
    for rule_id in ("privacy-impact-assessment", "person-in-charge"):
        _rule_holds(shipped, "ca-qc", rule_id)
    _rule_holds(shipped, "ca", "no-covert-monitoring")


def test_quebec_rules_moved_out_of_the_english_canadian_handbook(shipped):
    """The ca overlays no longer address Quebec staff in an English-only handbook: Quebec's text is in ca-qc."""
    for clause_id in ("monitoring", "personal-data"):
        clause = shipped.handbooks["ca"].clauses[clause_id]
        assert "P-39.1" not in _cites(clause, "ca"), clause_id
        assert not re.search(r"In Quebec, you", _notes(clause, "ca")), clause_id
    assert "Staff in Quebec also have the rules of Quebec, which the Quebec handbook adds" in _notes(shipped.handbooks["ca"].clauses["monitoring"], "ca")
    ca = shipped.repo.jurisdictions["ca"]
    assert not any("Quebec" in (r.get("title") or "") for r in ca.data.get("references", []))


# --- United States: the remaining Stericycle risk ------------------------------------------------------------

def test_us_workplace_photos_carve_out_for_documenting_working_conditions(shipped):
    """NLRA s. 7; Whole Foods Market, 363 NLRB No. 87 (2015): a consent-of-everyone photo rule can chill documenting
    working conditions, so the US handbook carves that out and keeps only the confidentiality check."""
    photos = shipped.handbooks["us"].clauses["workplace-photos"]
    note = _notes(photos, "us")
    assert "does not apply to photos or videos you take to document or discuss working conditions" in note
    assert "co-workers, a union, a lawyer, a government agency or the public" in note
    assert "Keep the background check" in note
    assert "363 NLRB No. 87" in _cites(photos, "us")
    _rule_holds(shipped, "us", "photos-working-conditions")


def test_us_restructuring_is_free_to_discuss_with_co_workers(shipped):
    """Restructuring is core s. 7 subject matter: the carve-out covers 'you and your co-workers', not only your own
    job, and the confidentiality rules leave pay and conditions of co-workers out too."""
    for jid in ("us", "us-ca", "us-ny"):
        unreleased = _flat(shipped.handbooks[jid].clauses["unreleased-products-and-financials"].body)
        assert ("It does not stop you and your co-workers from discussing how changes, including planned "
                "restructuring, affect your jobs, pay and working conditions") in unreleased
        assert "your own job" not in unreleased
    confidential = _flat(shipped.handbooks["us"].clauses["confidential-information"].body)
    assert "This rule does not cover pay or working conditions, yours or your co-workers'" in confidential
    _rule_holds(shipped, "us", "confidentiality-covers-co-workers")


def test_us_confidentiality_limits_internal_links_and_screenshots_to_the_listed_items(shipped):
    """GC 15-04 pattern: an unqualified ban on internal links and screenshots of internal tools reaches protected
    material; it now covers only those showing the listed confidential items."""
    body = shipped.handbooks["us"].clauses["confidential-information"].body
    assert "- Internal links or screenshots that show any of the items above." in body
    assert "internal links and screenshots of internal tools" not in body


def test_us_public_company_clause_uses_the_regulation_fd_test(shipped):
    """Reg FD (17 C.F.R. s. 243.101(b), (c)): issuers registered or reporting under the Exchange Act, foreign private
    issuers excluded, disclosures by senior officials; the exchange listing is the wrong test. Every employee: no
    material non-public information learned through the role."""
    clause = shipped.handbooks["us"].clauses["public-company-disclosure"]
    body = _flat(clause.body)
    assert "You must not post material non-public information that you learned through your role" in body
    assert "The last three rules follow the SEC's Regulation FD" in body
    assert not re.search(r"trade on a US (stock )?exchange", body)
    assert "foreign private issuers" in clause.provenance[-1].reason
    assert "243.10" in _cites(clause) and "10b-5" in _cites(clause)
    _rule_holds(shipped, "us", "regulation-fd-scope")


def test_media_inquiries_examples_stay_within_the_on_behalf_of_limit(shipped):
    """GC 15-04, OM 12-59: media rules are lawful when limited to speaking on behalf of the company; the don't
    examples no longer forbid a personal quote about strategy."""
    media = shipped.handbooks["us"].clauses["media-inquiries"]
    for example in media.get("examples")["dont"]:
        assert re.search(r"on the company's behalf|as the company's view|for the company", example), example
    _rule_holds(shipped, "us", "no-media-ban")


def test_ai_imitation_ban_is_limited_to_deceptive_imitations(shipped):
    """Satire of executives can be protected (NLRA s. 7); the rule now reaches imitations people could take as real."""
    body = _flat(shipped.handbooks["us"].clauses["ai-generated-content"].body)
    assert "imitates a real person, such as a colleague, customer or public figure, so that people could take it as real" in body
    assert "Clearly labelled satire and parody, including of our executives, are not covered by this rule" in body
    _rule_holds(shipped, "us", "imitation-limited-to-deception")


# --- California ----------------------------------------------------------------------------------------------

GOV_12964_5 = ("Nothing in this policy prevents you from discussing or disclosing information about unlawful acts in "
               "the workplace, such as harassment or discrimination or any other conduct that you have reason to "
               "believe is unlawful.")


def test_us_ca_carries_the_section_12964_5_sentence(shipped):
    """Cal. Gov. Code s. 12964.5(a)(1)(B)(ii): the statutory sentence, with 'policy' for 'agreement', in the
    confidentiality clause and in the rights clause that governs every other restriction."""
    for clause_id in ("confidential-information", "your-rights"):
        clause = shipped.handbooks["us-ca"].clauses[clause_id]
        assert GOV_12964_5 in _notes(clause, "us-ca"), clause_id
        assert "12964.5" in _cites(clause, "us-ca"), clause_id
    assert GOV_12964_5 not in _text(shipped.handbooks["us"].clauses["confidential-information"])
    _rule_holds(shipped, "us-ca", "unlawful-acts-carve-out")


def test_us_ca_monitoring_is_a_ccpa_notice_at_collection(shipped):
    """Cal. Civ. Code s. 1798.100(a): categories, purposes, sale or sharing and retention, at or before collection."""
    monitoring = shipped.handbooks["us-ca"].clauses["monitoring"]
    note = _notes(monitoring, "us-ca")
    assert "this clause is the notice at collection under the California Consumer Privacy Act" in note
    assert "collects these categories of personal information" in note
    assert "The purposes and how long each category is kept are listed for each tool above" in note
    assert "does not sell this information or share it for cross-context behavioural advertising" in note
    assert "1798.100" in _cites(monitoring, "us-ca")
    _rule_holds(shipped, "us-ca", "notice-at-collection")


def test_us_ca_consequences_reason_does_not_overstate_sections_96k_and_98_6(shipped):
    """Grinzi v. San Diego Hospice, 120 Cal. App. 4th 72 (2004): s. 96(k) is procedural and s. 98.6 reaches only
    conduct otherwise protected; the note is the company's own commitment."""
    consequences = shipped.handbooks["us-ca"].clauses["consequences"]
    step = next(p for p in consequences.provenance if p.jurisdiction == "us-ca")
    reason = _flat(step.reason)
    assert "Grinzi held that section 96(k) is procedural" in reason
    assert "the company's own commitment" in reason
    assert "protect employees from losing pay or their job over lawful conduct" not in reason
    assert "120 Cal. App. 4th 72" in _cites(consequences, "us-ca")


def test_us_ca_personal_phones_for_official_accounts_are_reimbursed(shipped):
    """Cal. Lab. Code s. 2802; Cochran v. Schwan's Home Service, 228 Cal. App. 4th 1137 (2014)."""
    devices = shipped.handbooks["us-ca"].clauses["working-time-and-devices"]
    assert "use your personal phone for official accounts only if it is enrolled" in _flat(devices.body)
    note = _notes(devices, "us-ca")
    assert "the company reimburses part of your phone bill, as Labor Code section 2802 requires" in note
    assert "2802" in _cites(devices, "us-ca")
    _rule_holds(shipped, "us-ca", "phone-reimbursement")


# --- New York ------------------------------------------------------------------------------------------------

def test_us_ny_investigations_never_ask_to_open_a_personal_account_in_front_of_anyone(shipped):
    """N.Y. Lab. Law s. 201-i(2)(a)(ii): no request to access a personal account in the employer's presence, so
    'show the posts on your own phone' is gone from the New York step and its example."""
    investigations = shipped.handbooks["us-ny"].clauses["investigations"]
    body = _flat(investigations.body)
    assert "It never asks you to open a personal account in front of anyone" in body
    assert "posts that are public, or copies that the person who complained provided" in body
    assert not any("own phone" in e for e in investigations.get("examples")["do"])
    assert "201-i" in _cites(investigations, "us-ny")
    assert "Labor Law section 201-i protects your personal accounts" in _notes(investigations, "us-ny")
    _rule_holds(shipped, "us-ny", "no-personal-account-access-in-presence")
    pattern = re.compile(_rule(shipped, "us-ny", "no-personal-account-access-in-presence")["forbid"], re.IGNORECASE)
    assert pattern.search("Show the investigator the two posts named in the complaint on your own phone.")


def test_no_handbook_asks_to_see_posts_on_your_own_phone(shipped):
    """Cal. Lab. Code s. 980(b)(2) and N.Y. Lab. Law s. 201-i(2)(a)(ii) bar asking an employee to access a personal
    account in the employer's presence, and most state laws bar 'shoulder surfing'. The base investigation step
    looked at posts on the employee's own phone while the same clause said nobody watches you sign in; it now looks
    only at public posts or copies, in every handbook. California's s. 980(c) exception reaches content only."""
    for jid, handbook in shipped.handbooks.items():
        clause = handbook.clauses["investigations"]
        body = _flat(clause.body)
        assert "It never asks you to open a personal account in front of anyone" in body, jid
        assert "You may choose to give your side with copies of your own posts, but nobody may require it" in body, jid
        assert not any("own phone" in e for e in clause.get("examples")["do"]), jid
    ca = shipped.handbooks["us-ca"].clauses["investigations"]
    note = _notes(ca, "us-ca")
    assert "may ask you for a copy of specific personal content only when facts give it reason to believe" in note
    assert "It never asks you to open your personal social media in front of anyone" in note
    assert "980(b) and (c)" in _cites(ca, "us-ca")
    _rule_holds(shipped, "us-ca", "no-access-in-presence")
    pattern = re.compile(_rule(shipped, "us-ca", "no-access-in-presence")["forbid"], re.IGNORECASE)
    assert pattern.search("Show the investigator the two posts named in the complaint on your own phone.")


def test_us_ny_off_duty_law_has_several_exceptions(shipped):
    """N.Y. Lab. Law s. 201-d has several exceptions; the material conflict of interest in s. 201-d(3) is one."""
    note = _notes(shipped.handbooks["us-ny"].clauses["consequences"], "us-ny")
    assert "The law has several exceptions" in note
    assert "material conflict of interest with the company's trade secrets, proprietary information" in note
    _rule_holds(shipped, "us-ny", "off-duty-exceptions-not-single")
    _rule_holds(shipped, "us-ny", "off-duty-activities")


def test_uk_duty_to_prevent_sexual_harassment_covers_third_parties(shipped):
    """Equality Act 2010 s. 40A (from 26 Oct 2024; EHRC: third parties included), relevant to account managers who
    face the public; the Employment Rights Act 2025 raises it to all reasonable steps."""
    conduct = shipped.handbooks["uk"].clauses["respectful-conduct"]
    note = _notes(conduct, "uk")
    assert "prevent sexual harassment of its staff, including by clients, customers and members of the public" in note
    assert "It takes all reasonable steps to prevent harassment of its staff, whoever it comes from" in note
    assert "through an official account, report them to the people team" in note
    assert "has a legal duty to take reasonable steps, such as training and clear reporting routes, to prevent" in note
    assert "s. 40A" in _cites(conduct, "uk")
    _rule_holds(shipped, "uk", "duty-to-prevent-sexual-harassment")


# --- Smaller legal points ------------------------------------------------------------------------------------

def test_us_dtsa_notice_includes_the_anti_retaliation_lawsuit(shipped):
    """18 U.S.C. s. 1833(b)(2): in a retaliation suit the trade secret may go to the employee's lawyer and be used in
    court if filed under seal and disclosed only under a court order."""
    clause = shipped.handbooks["us"].clauses["confidential-information"]
    note = _notes(clause, "us")
    assert "If you sue the company for retaliation for reporting a suspected breach of law" in note
    assert "file any document that contains it under seal, and disclose it only as a court orders" in note
    assert "1833(b)(1) and (2)" in _cites(clause, "us")
    _rule_holds(shipped, "us", "dtsa-notice")
    _rule_holds(shipped, "us", "dtsa-retaliation-lawsuit")


def test_eu_whistleblower_directive_covers_the_areas_of_article_2(shipped):
    """Directive (EU) 2019/1937 Art. 2: listed areas of EU law, which member states may extend."""
    clause = shipped.handbooks["eu"].clauses["reporting-concerns"]
    note = _notes(clause, "eu")
    assert "when you report a breach of EU law in the areas it lists" in note
    assert "National law often protects reports on more subjects" in note
    assert "Arts. 2, 15 and 24" in _cites(clause, "eu")
    _rule_holds(shipped, "eu", "whistleblower-scope")


def test_ca_on_policy_copies_for_new_hires_and_retention_after_it_ceases(shipped):
    """Ontario ESA s. 41.1.1 (copy to new employees within 30 days of hire) and s. 15(8.2) (keep three years after the
    policy ceases to be in effect)."""
    clause = shipped.handbooks["ca-on"].clauses["electronic-monitoring-policy"]
    body = _flat(clause.body)
    assert "New employees receive a copy within 30 days of starting work" in body
    assert "three years after it ceases to be in effect" in body
    assert "The company keeps each version for three years." not in body
    _rule_holds(shipped, "ca-on", "monitoring-policy-copies-and-retention")
    _rule_holds(shipped, "ca-on", "electronic-monitoring-policy")


# --- Consistency between clauses -----------------------------------------------------------------------------

def test_no_clause_makes_personal_accounts_part_of_the_job(shipped):
    """separate-accounts promises the company never asks you to use a personal account for work (Delaware, among
    others, bars requiring it); advocacy and the LinkedIn tips no longer assume otherwise."""
    for jid in shipped.handbooks:
        clauses = shipped.handbooks[jid].clauses
        assert "never asks you to make a personal account public, to change its settings or to use it for work" in \
            _flat(clauses["separate-accounts"].body), jid
        for clause in clauses.values():
            text = _flat(_text(clause))
            assert not re.search(r"unless your role description says so", text), (jid, clause.id)
            assert not re.search(r"If you recruit for the company on LinkedIn", text), (jid, clause.id)
    handbook = shipped.handbooks[GLOBAL]
    assert "never part of your duties, and nobody may hold it against you" in _flat(
        handbook.clauses["advocacy-leaderboard"].body)
    assert "If you choose to share a job opening from your own profile" in handbook.clauses["platform-linkedin"].body



# --- Thin themes ---------------------------------------------------------------------------------------------

def test_legal_threats_subpoenas_and_regulator_requests_go_to_legal(shipped):
    """Requests made to the company go to legal; the employee's own right to talk to a regulator stays (SEC Rule
    21F-17, the your-rights clause)."""
    for jid in shipped.handbooks:
        clause = shipped.handbooks[jid].clauses["legal-and-regulator-requests"]
        body = _flat(clause.body)
        for item in ("legal threat", "subpoena", "request from a regulator"):
            assert item in body, (jid, item)
        assert "It does not stop you from talking to a regulator, a lawyer, a union or the authorities yourself" in body
        assert "(#legal-and-regulator-requests)" in shipped.handbooks[jid].clauses["media-inquiries"].body


def test_training_covers_ambassadors_and_ai_literacy(shipped):
    """FTC staff FAQ (train advocates on disclosure); EU AI Act Art. 4 (AI literacy, in force since 2 Feb 2025; the
    2026 amendments soften its wording, so the EU note does not rely on either version's exact words)."""
    body = _flat(shipped.handbooks[GLOBAL].clauses["training"].body)
    assert "Ambassadors must complete a short course on disclosure before their first share" in body
    assert "Anyone who uses AI tools for social media work must complete the AI tools course first" in body
    assert "within 30 days of joining" in body
    eu = shipped.handbooks["eu"].clauses["training"]
    note = _notes(eu, "eu")
    assert "AI literacy" in note and "Article 4 of the AI Act" in note
    assert "2024/1689, Art. 4" in _cites(eu, "eu")
    for jid in ("de", "fr"):
        assert "Article 4 of the AI Act" in _notes(shipped.handbooks[jid].clauses["training"], "eu"), jid


def test_every_reader_can_tell_which_version_applies(shipped):
    """Localisation: home version, travel, working from abroad, contractors."""
    body = _flat(shipped.handbooks[GLOBAL].clauses["which-handbook-applies"].body)
    for case in ("**Your home version.**", "**Travel.**", "**Working from abroad.**", "**Contractors and creators.**"):
        assert case in body, case
    assert "tell the people team before you work from another country for more than 30 days" in body


def test_one_term_per_thing_and_one_disclaimer(shipped):
    """The communications team, the security hotline, the advocacy tool, one onboarding deadline and one
    'my views' disclaimer, in every handbook; the X tip no longer suggests a bio note is enough disclosure."""
    stray = {
        "press team": r"\bpress team\b", "security portal": r"\bsecurity portal\b",
        "advocacy library": r"\badvocacy library\b", "first week or month": r"\byour first (week|month)\b",
        "other disclaimers": r"speaking for myself|posts are your own views",
    }
    for jid, handbook in shipped.handbooks.items():
        for clause in handbook.clauses.values():
            text = _text(clause) + " ".join((clause.get("examples") or {}).get("dont", []))
            for name, pattern in stray.items():
                assert not re.search(pattern, text, re.IGNORECASE), (jid, clause.id, name)
    base = shipped.handbooks[GLOBAL].clauses
    assert "My views, not my employer's" in base["speaking-for-the-company"].body
    x_tip = _flat(base["platform-x"].body)
    assert "A bio note does not replace the disclosure in each post" in x_tip
    assert "(#disclose-affiliation)" in x_tip
    for clause_id in ("lost-devices", "phishing-and-impersonation", "platform-github-and-forums"):
        assert "security hotline" in base[clause_id].body, clause_id


def test_employees_may_answer_a_regulator_without_telling_the_company(shipped):
    """SEC Rule 21F-17(a) (In re KBR, 2015: pre-approval impedes); the carve-out was limited to an authority asking
    about 'your own report'. Every handbook now lets you answer a regulator directly, without notice or approval."""
    for jid, handbook in shipped.handbooks.items():
        body = _flat(handbook.clauses["legal-and-regulator-requests"].body)
        assert "If a regulator or another authority contacts you directly, you may answer it yourself" in body, jid
        assert "You do not need to tell the company or ask anyone's permission first" in body, jid
        assert "about your own report" not in body, jid
    clause = shipped.handbooks["us"].clauses["confidential-information"]
    assert "You do not need to tell the company or ask for permission first" in _notes(clause, "us")
    step = next(p for p in clause.provenance if p.jurisdiction == "us")
    assert "A cross-reference in the agreement to a policy document" in _flat(step.reason)
    assert "1833(b)(3)" in _cites(clause, "us")
    _rule_holds(shipped, "us", "regulator-contact-without-notice")


def test_non_retaliation_does_not_depend_on_good_faith(shipped):
    """Directive (EU) 2019/1937 Art. 6(1)(a) and Recital 32 (reasonable grounds, motives irrelevant); UK ERA s. 43B after
    ERRA 2013 s. 18 (good faith no longer a condition). The base promise was limited to reports 'in good faith'."""
    for jid, handbook in shipped.handbooks.items():
        body = _flat(handbook.clauses["reporting-concerns"].body)
        assert "Nobody may punish, demote or exclude you for reporting a concern, or for helping with an investigation" \
            in body, jid
        assert "unless you knew it was false when you reported it" in body, jid
        assert "in good faith" not in body, jid
    _rule_holds(shipped, "eu", "no-good-faith-condition")
    _rule_holds(shipped, "uk", "no-good-faith-condition")
    pattern = re.compile(_rule(shipped, "uk", "no-good-faith-condition")["forbid"], re.IGNORECASE)
    assert pattern.search("Nobody may punish you for reporting a concern in good faith.")


def test_uk_protected_disclosures_and_section_43j_are_stated_as_the_act_has_them(shipped):
    """ERA 1996 s. 43J voids provisions in agreements that preclude a protected disclosure; the Employment Rights Act 2025
    makes reports of sexual harassment qualifying disclosures from 6 April 2026."""
    clause = shipped.handbooks["uk"].clauses["reporting-concerns"]
    note = _notes(clause, "uk")
    assert "any term in an agreement that tries to stop you from making one is void" in note
    assert "including a report of sexual harassment" in note
    assert "Employment Rights Act 2025" in _cites(clause, "uk")
    _rule_holds(shipped, "uk", "protected-disclosure-void-term")


def test_leaked_personal_passwords_are_never_used_and_are_deleted(shipped):
    """State account-privacy laws (e.g. Neb. Rev. Stat. s. 48-3510, Va. Code s. 40.1-28.7:5) bar using personal
    credentials captured by monitoring; the California note said leak alerts were used 'to secure the account
    concerned', which for a personal account means signing in to it."""
    for jid, handbook in shipped.handbooks.items():
        body = _flat(handbook.clauses["monitoring"].body)
        assert "It never uses a leaked password to sign in to any account" in body, jid
        assert "deletes the password from the alert" in body, jid
    note = _notes(shipped.handbooks["us-ca"].clauses["monitoring"], "us-ca")
    assert "uses them only to secure the account concerned" not in note
    assert "never to sign in to an account" in note
    _rule_holds(shipped, "us", "captured-credentials-not-used")


def test_fr_monitoring_replacement_keeps_every_eu_point(shipped):
    """A replace drops the EU note, so the French text has to carry it: the balancing test and its repetition
    (GDPR Art. 6(1)(f)) and the full list of rights (Arts. 13(2)(b), 15-21), as the EU handbook has them."""
    fr = _flat(shipped.handbooks["fr"].clauses["monitoring"].body)
    eu = _notes(shipped.handbooks["eu"].clauses["monitoring"], "eu")
    for point in ("a written balancing test", "before a tool changes what it collects",
                  "to access your data, to correct or erase it, to restrict its use and to object to it",
                  "Monitoring is not based on your consent", "No tool may build profiles of individual employees"):
        assert point in fr and point in eu, point


def test_restructuring_rule_covers_only_confidential_plans(shipped):
    """Stericycle: 'This rule covers plans you learned about in confidence' did not say 'only', so a reader could take
    the restructuring ban to reach any talk of layoffs, which is core NLRA s. 7 subject matter."""
    for jid in ("us", "us-ca", "us-ny"):
        body = _flat(shipped.handbooks[jid].clauses["unreleased-products-and-financials"].body)
        assert "This rule covers only plans you learned about in confidence through your role" in body, jid
        assert "What you hear from colleagues, such as talk of layoffs, is not covered" in body, jid
    _rule_holds(shipped, "us", "restructuring-limited-to-confidential-plans")


def test_personal_accounts_carry_no_customer_service_duty(shipped):
    """separate-accounts: the company never asks you to use a personal account for work, so a complaint seen on your
    own feed creates no duty to answer it."""
    body = _flat(shipped.handbooks[GLOBAL].clauses["customer-service"].body)
    assert "If you see a complaint on your personal feed or in a forum, you do not have to answer it" in body
    assert "(#workplace-photos)" in shipped.handbooks[GLOBAL].clauses["platform-tiktok"].body


def test_respectful_conduct_is_a_targeted_rule_not_a_civility_code(shipped):
    """Stericycle and OM 12-59: generic civility mandates are high risk; the must is aimed at harassment, threats,
    bullying and discrimination, and criticism stays free."""
    body = _flat(shipped.handbooks["us"].clauses["respectful-conduct"].body)
    assert "The rule itself is narrower: you must not use social media to harass, threaten, bully or discriminate" in body
    assert "You may argue, criticise and complain, including about the company" in body
    assert not body.startswith("Treat people online")
