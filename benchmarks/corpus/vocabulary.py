"""The words and catalogues the synthetic corpus is made of: teams, policies, jurisdictions, sentence parts.

Plain data. Changing any of it changes every corpus (and, through the
generator's hash, the cache key), so the lists only ever grow deliberately.
"""

OWNERS = {
    "legal": ("Legal", "@example/legal"),
    "communications": ("Communications", "@example/comms"),
    "privacy": ("Privacy office", "@example/privacy"),
    "security": ("Information security", "@example/security"),
    "people": ("People and culture", "@example/people"),
    "finance": ("Finance", "@example/finance"),
    "it": ("IT operations", "@example/it"),
    "compliance": ("Compliance", "@example/compliance"),
}
AUDIENCES = [("employees", "Employees"), ("contractors", "Contractors and agency staff"),
             ("managers", "People managers"), ("executives", "Executives"),
             ("account-managers", "Official account managers")]
CHANNELS = ["all", "linkedin", "x", "instagram", "tiktok", "youtube", "facebook", "github", "email", "chat"]
TAGS = ["privacy", "security", "confidentiality", "conduct", "monitoring", "records", "finance", "travel",
        "devices", "media", "safety", "training", "vendors", "customers", "reporting"]
POLICIES = [
    ("social-media", "Social media policy", "sm"), ("acceptable-use", "Acceptable use policy", "au"),
    ("data-protection", "Data protection policy", "dp"), ("information-security", "Information security policy", "is"),
    ("code-of-conduct", "Code of conduct", "cc"), ("remote-work", "Remote work policy", "rw"),
    ("travel-and-expenses", "Travel and expenses policy", "te"), ("anti-bribery", "Anti-bribery policy", "ab"),
    ("records-retention", "Records retention policy", "rr"), ("whistleblowing", "Whistleblowing policy", "wb"),
    ("health-and-safety", "Health and safety policy", "hs"), ("procurement", "Procurement policy", "pr"),
]
SECTION_TOPICS = [
    ("scope", "Scope and purpose"), ("roles", "Roles and responsibilities"), ("everyday", "Everyday practice"),
    ("approvals", "Approvals"), ("records", "Keeping records"), ("incidents", "When something goes wrong"),
    ("suppliers", "Working with suppliers"), ("customers", "Customers and the public"),
    ("devices", "Devices and accounts"), ("oversight", "Monitoring and oversight"),
    ("training", "Training and awareness"), ("exceptions", "Exceptions"), ("leaving", "Joining and leaving"),
    ("reporting", "Raising concerns"),
]
ID_WORDS = [
    "account", "access", "advocacy", "approval", "archive", "badge", "budget", "client", "code", "conduct",
    "conference", "contract", "customer", "data", "device", "disclosure", "document", "email", "expense",
    "feedback", "gift", "hospitality", "incident", "interview", "invoice", "laptop", "leave", "media",
    "meeting", "mobile", "network", "office", "partner", "password", "payment", "personal", "phone", "photo",
    "press", "privacy", "product", "public", "record", "recording", "remote", "report", "research", "review",
    "risk", "safety", "security", "social", "software", "supplier", "training", "travel", "vendor", "visitor",
    "wellbeing", "workplace",
]
WHO = ["You", "Employees", "Managers", "Contractors", "Account managers", "Team leads", "Executives",
       "Everyone who works with the company"]
VERBS = ["report", "protect", "review", "approve", "store", "delete", "label", "archive", "record", "check",
         "document", "escalate", "encrypt", "lock away"]
NEGATIVE_VERBS = ["share", "post", "forward", "publish", "copy", "discuss", "upload", "disclose"]
OBJECTS = ["client information", "personal data", "unreleased product details", "passwords and access codes",
           "customer complaints", "financial results", "internal documents", "security incidents",
           "photos of the office", "screenshots of internal tools", "contracts with suppliers",
           "recordings of meetings", "expense receipts", "travel bookings", "source code", "access badges",
           "company devices", "health information", "job applications", "purchase orders",
           "gifts and hospitality", "conflicts of interest"]
WHEN = ["within one working day", "before the end of the week", "as soon as you notice it", "before you post",
        "when a project ends", "every quarter", "before you travel", "when in doubt",
        "unless the legal team has approved it", "after a customer asks", "on company devices only",
        "through the approved tools"]
WHERE = ["on personal accounts", "in public channels", "outside the company", "with people who do not need it",
         "in messaging apps", "on social media", "in shared folders", "at conferences"]
EXPLAIN = [
    "This protects {obj} and the people who rely on it.",
    "The {team} team can help if you are unsure what applies.",
    "Mistakes happen, and what matters most is that they are reported quickly.",
    "Once you make {obj} public, the company cannot take it back.",
    "Ask your manager when a situation is not covered here.",
    "The same rule applies on every platform and in every country we work in.",
    "Regulators and customers expect us to be able to show how we handle {obj}.",
    "Most problems start with a small shortcut that seemed harmless at the time.",
]
LAW_WORDS = ["Employment", "Data Protection", "Works Council", "Consumer", "Labour Code", "Privacy",
             "Whistleblower Protection", "Trade Secrets", "Equal Treatment", "Telecommunications"]

# (id, name, parent, locale, region); parents come before their children.
JURISDICTIONS = [
    ("eu", "European Union", None, "en-IE", "Europe"), ("de", "Germany", "eu", "de-DE", "Europe"),
    ("de-by", "Bavaria", "de", "de-DE", "Europe"), ("us", "United States", None, "en-US", "North America"),
    ("us-ca", "California", "us", "en-US", "North America"), ("fr", "France", "eu", "fr-FR", "Europe"),
    ("uk", "United Kingdom", None, "en-GB", "Europe"), ("ca", "Canada", None, "en-CA", "North America"),
    ("ca-on", "Ontario", "ca", "en-CA", "North America"), ("us-ny", "New York", "us", "en-US", "North America"),
    ("es", "Spain", "eu", "es-ES", "Europe"), ("es-ct", "Catalonia", "es", "ca-ES", "Europe"),
    ("au", "Australia", None, "en-AU", "Asia Pacific"), ("au-nsw", "New South Wales", "au", "en-AU", "Asia Pacific"),
    ("it", "Italy", "eu", "it-IT", "Europe"), ("nl", "Netherlands", "eu", "nl-NL", "Europe"),
    ("jp", "Japan", None, "ja-JP", "Asia Pacific"), ("in", "India", None, "en-IN", "Asia Pacific"),
    ("br", "Brazil", None, "pt-BR", "Latin America"), ("mx", "Mexico", None, "es-MX", "Latin America"),
    ("us-tx", "Texas", "us", "en-US", "North America"), ("ca-qc", "Quebec", "ca", "fr-CA", "North America"),
    ("ie", "Ireland", "eu", "en-IE", "Europe"), ("pl", "Poland", "eu", "pl-PL", "Europe"),
    ("se", "Sweden", "eu", "sv-SE", "Europe"), ("at", "Austria", "eu", "de-AT", "Europe"),
    ("ch", "Switzerland", None, "de-CH", "Europe"), ("sg", "Singapore", None, "en-SG", "Asia Pacific"),
    ("kr", "South Korea", None, "ko-KR", "Asia Pacific"), ("za", "South Africa", None, "en-ZA", "Africa"),
    ("fr-idf", "Ile-de-France", "fr", "fr-FR", "Europe"), ("us-il", "Illinois", "us", "en-US", "North America"),
]
AUTHORS = ["Ana Ortiz <ana.ortiz@example.com>", "Ben Okafor <ben.okafor@example.com>",
           "Chloe Martin <chloe.martin@example.com>", "Dev Patel <dev.patel@example.com>",
           "Eva Schmidt <eva.schmidt@example.com>", "Farid Haddad <farid.haddad@example.com>",
           "Grace Liu <grace.liu@example.com>", "Hugo Laurent <hugo.laurent@example.com>"]
LEVELS = ["must", "should", "may", "info"]
LEVEL_WEIGHTS = [35, 30, 10, 25]
# Rule sentences are stored with placeholders and filled in with the clause's
# level when rendered, so a level change rewords the body as a real edit would
# (lint's C001 wants the body to say what the level says).
MODAL = {"must": ("must", "must not"), "should": ("should", "should not"), "may": ("may", "may not"),
         "info": ("can", "cannot")}
WORKS_COUNCIL_TAG = "works-council"
WORKS_COUNCIL_TEXT = ("Where a works council exists, the company agrees any tool that can monitor staff with the "
                      "works council before it is used.")
