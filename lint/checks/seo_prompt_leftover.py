"""seo-prompt-leftover: the AI assistant's side of a chat, pasted in with the article.

No single phrase gives it away; the assistant's voice does. Each line is read for several kinds
of evidence, each worth points:
- the assistant speaks to the person who asked, about the material ("the text you provided",
  "Please provide me with the text you want me to summarize", "Once you provide the text");
- it states what it can and cannot do, or apologises for itself ("I'm unable to access",
  "As an AI language model", "I apologise for the confusion");
- it offers more work or signs off ("Let me know if you'd like changes", "I hope this helps",
  "I look forward to helping you");
- it hands the text over or labels its parts ("Here's the rewritten article:", "Title: ...",
  "Tagline: ...", "Here's a sample local news blog:");
- it talks about the piece instead of the news ("In this piece, we'll explore", "This article
  aims to delve into") or instructs the writer ("you can customize your blog to fit your needs");
- it leaves template hedges for the writer to settle ("(or state, or region, depending on the
  election)") or credits the tool ("helped X to generate this content").
A line whose points reach the threshold is a leftover; the list the assistant announces ("I
will:" and its items) goes with it, and neighbouring leftover lines are reported together.
Quoted passages are skipped: an article about chatbots may quote one.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.checks._evidence import Clue, Signal, Signals, points, quote_clue, strongest
from lint.checks._leftover_lines import Line, line_texts, prose_lines, removal_span
from lint.checks.base import Check, HouseStyle, option
from lint.document.model import BlockKind, Document
from lint.document.span import Span
from lint.findings import Finding, Fix, Severity
from lint.patterns import lazy_re

_MATERIAL = (
    r"(?:text|article|prompt|content|information|passage|document|draft|story|details|excerpt|"
    r"transcript|data|sources?|material|topic|keywords?|notes|outline|link|url|request|instructions?)"
)
_HANDOVER_WORK = (
    r"(?:article|version|draft|rewrite|text|story|piece|post|blog(?: post)?|content|copy|headlines?|titles?"
    r"|summary|outline)"
)
_EDITED = (
    r"(?:re-?written|rewrite|revised|updated|edited|improved|polished|optimi[sz]ed|seo[- ]optimi[sz]ed"
    r"|seo[- ]friendly|expanded|shortened|condensed|humani[sz]ed|paraphrased|requested|reworked|refined"
    r"|proofread|corrected|unique|plagiarism[- ]free|human[- ]like|engaging)"
)
# "I" not after a word character (checked after it, so the engine jumps from "I" to "I").
_I = r"I(?<![\w’'].)"

SIGNALS: tuple[Signal, ...] = (
    # Speaking to the requester about the material.
    Signal("asks the requester for the material", 3,
           rf"\b(?:please\s+)?(?:provide|share|send|paste|give)\s+me\s+(?:with\s+)?(?:the|your|a|some|more)\s+"
           rf"(?:\w+\s+)?{_MATERIAL}\b"
           r"|\bonce you (?:provide|share|send|paste|give|upload)\b"
           r"|\b(?:text|article|content|information) (?:that )?you want me to\b|\bcomplete your request\b",
           needles=('provide', 'share', 'send', 'paste', 'give', 'want me', 'request')),
    Signal("speaks of the material the requester gave", 2,
           rf"\b(?:the|this|that|your)\s+(?:\w+\s+)?{_MATERIAL}\s+(?:that\s+)?you(?:['’]ve| have)?\s+"
           r"(?:provided|shared|sent|pasted|gave|given|submitted|uploaded|supplied)\b"
           r"|\b(?:as you (?:requested|asked|wanted|instructed|specified)|per your (?:request|instructions|brief))\b"
           r"|\byou want me to\b",
           needles=('you',),
           also=('provided', 'shared', 'sent', 'pasted', 'gave', 'given', 'submitted', 'uploaded', 'supplied', 'as you',
                 'per your', 'want me to')),
    Signal("the assistant on itself", 3,
           r"\bas an ai(?: language model| model| assistant| chatbot)?\b|\bI(?:['’]m| am) an ai\b"
           r"|\bI(?:['’]m| am) (?:a|an) (?:language model|ai assistant|artificial intelligence)\b"
           r"|\bmy (?:knowledge|training)(?: data)? cut-?off\b|\bas of my last (?:knowledge |training )?update\b"
           r"|\b(?:this|the above|the following) (?:article|story|text|report|news report|piece|draft|version|post) is "
           r"(?:a |an |entirely )?"
           r"(?:fictional|fictitious|hypothetical|imaginary)\b"
           # ... or about what it made up: "the quotes above are invented placeholders"
           r"|\b(?:the|these|all|any) (?:quotes?|quotations|names?|figures|numbers|statistics|details|people|sources)"
           r" (?:above |below |used |here |in this (?:article|story|piece|draft) )?(?:are|is|were|have been) "
           r"(?:\w+ )?(?:invented|fictional|fictitious|hypothetical|imaginary|made[- ]up|fabricated|placeholders?)\b",
           needles=('an ai', 'language model', 'artificial intelligence', 'cut-off', 'cutoff', 'last update',
                    'last knowledge', 'last training', 'fictional', 'fictitious', 'hypothetical', 'imaginary',
                    'invented', 'made up', 'made-up', 'fabricated', 'placeholder')),
    Signal("apologises", 1,
           rf"{_I}(?:['’]m| am) sorry\b"
           r"|\bapologi[sz]e for (?:the|any|my) (?:confusion|misunderstanding|oversight|error)\b",
           needles=('sorry', 'apologi')),
    Signal("says what it cannot do", 2,
           rf"{_I}(?:['’]m| am)? (?:not able|unable) to (?:access|browse|provide|fulfil|fulfill|complete|generate|"
           r"write|create|verify|summari[sz]e|rewrite)\b"
           rf"|{_I} (?:cannot|can['’]t|can not|do not have|don['’]t have) (?:access to|browse|real-time|the ability"
           r"|enough information|the (?:text|article|content))\b"
           rf"|{_I} need (?:the|more|some)\b[^.!?]{{0,40}}\b(?:text|content|information|details)\b",
           needles=('able to', 'cannot', "can't", 'can’t', 'can not', 'not have', "n't have", 'n’t have', 'need the',
                    'need more', 'need some')),
    Signal("offers more work", 3,
           r"\b(?:please )?let me know if you(?:['’]d| would)? (?:like|want|need|prefer)\b"
           r"|\bwould you like me to\b|\bif you(?:['’]d| would) like,? I can\b"
           rf"|{_I} look forward to (?:helping|assisting) you\b"
           r"|\bfeel free to (?:adjust|modify|tweak|edit|customi[sz]e|change) (?:the|this|it)\b"
           rf"|\bif you (?:need|want|wish|prefer)(?: it| me to| to)?,? {_I} can\b"
           rf"|{_I} can also (?:produce|write|create|make|draft|prepare|provide|generate|turn|adapt|shorten|expand)\b",
           needles=('let me know', 'would you like', 'like, i can', 'like i can', 'look forward', 'feel free',
                    'i can')),
    Signal("signs off like an assistant", 2,
           rf"{_I} hope (?:this|that|these) (?:\w+ ){{0,2}}(?:helps|meets your|is helpful|works)\b"
           r"|\bgood luck with your (?:blog|article|writing|website|site|project|post|story|content)\b"
           r"|\bhappy (?:writing|blogging)\b",
           needles=('hope', 'good luck', 'happy writing', 'happy blogging')),
    Signal("promises the task", 2,
           rf"{_I}(?:['’]ll| will| can| would)\b[^.!?\"“]{{0,50}}\b(?:summari[sz]e|rewrite|re-write|draft|"
           r"help you|assist you|create (?:a|an|the)|write (?:a|an|the|you))\b"
           rf"|{_I} will:\s*$",
           needles=("i'll", 'i’ll', 'i will', 'i can', 'i would')),
    Signal("hands the text over", 3,
           rf"^(?:(?:sure|certainly|absolutely|of course|okay|ok|great|alright)\b[!,.]?\s*)?"
           rf"(?:here(?:['’]s| is| are)|below is"
           rf"|I(?:['’]ve| have) (?:re-?written|revised|updated|edited|created|written))"
           rf"\s+(?:(?:the|a|an|your|my)\s+)?(?:[\w-]+\s+){{0,3}}?"
           rf"(?:{_EDITED}\s+(?:[\w-]+\s+){{0,2}}?{_HANDOVER_WORK}|{_HANDOVER_WORK}\s+(?:you requested|as requested)"
           rf"|{_HANDOVER_WORK}\s+(?:(?:has been|was)\s+)?{_EDITED})\b"
           rf"|^(?:sure|certainly|absolutely|of course)\b[!,.]\s*(?:here|below|I(?:['’]ll| will| can))\b"
           rf"|^here(?:['’]s| is)\s+your\s+(?:[\w-]+\s+){{0,3}}?{_HANDOVER_WORK}\b"
           r"|^here(?:['’]s| is) (?:a|an) (?:sample|template|mock-?up)\b[^.!?]*:$"
           # "Revised article below, with ...:", "Rewritten version follows:"
           rf"|^(?:the |your |my )?{_EDITED} {_HANDOVER_WORK} (?:is )?(?:below|follows)\b",
           needles=('here', 'below', "i've", 'i’ve', 'i have', "i'll", 'i’ll', 'i will', 'i can', 'sample',
                    'template', 'mock', 'follows')),
    Signal("calls itself a sample", 2,
           r"\bthis is (?:just |only )?(?:a|an) (?:sample|template|mock-?up|example)\b",
           needles=('this is',)),
    Signal("labels its answer", 3,
           r"^(?:title|headline|sub-?headline|subtitle|tagline|lede|article body|body text|assumptions"
           r"|key assumptions|tone|tone of voice|word count|article length|target audience|reading level"
           r"|primary keyword|secondary keywords?)\s*:(?=\s*\S)",
           needles=(':',)),
    Signal("talks about the piece, not the news", 2,
           r"\b(?:this|the following|the present) (?:article|piece|post|blog post|guide|essay|write-?up)"
           r"\b[^.!?]{0,40}?\b(?:aims? to|seeks? to|will (?:explore|delve|discuss|examine|serve as|provide you|take you"
           r"|walk you|guide)|explores|delves)\b"
           r"|\bin this (?:article|piece|post|blog post|guide|essay),? (?:we|I)(?:['’]ll| will| are going to)"
           r" (?:explore|delve|discuss|examine|look|dive|take|unpack|break|walk|cover)\b",
           needles=('article', 'piece', 'post', 'guide', 'essay', 'write')),
    Signal("instructs the writer", 1,
           r"\b(?:you can|you may|feel free to|be sure to|make sure to|remember to|don['’]t forget to)\b"
           r"[^.!?]{0,40}?\b(?:customi[sz]e|tailor|personali[sz]e|fill in|replace (?:the|this|it)|keep your content"
           r"|your (?:blog|article|post|content|audience|specific needs|own (?:details|information)))\b"
           r"|\bfor the (?:reporter|writer|editor|author|journalist) to (?:replace|fill in|check|verify|confirm|add)\b",
           needles=('you can', 'you may', 'feel free', 'be sure', 'make sure', 'remember to', 'forget to',
                    'reporter to', 'writer to', 'editor to', 'author to', 'journalist to'),
           also=('customi', 'tailor', 'personali', 'fill in', 'replace', 'your', 'check', 'verify', 'confirm', 'add')),
    Signal("template hedge", 2,
           r"\((?:or|and/or) [^()]{1,60}\bdepending on\b[^()]{0,60}\)"
           r"|\((?:if (?:applicable|available|known|relevant|mentioned|necessary|desired)|where applicable)"
           r"(?: in the (?:text|article|source))?\)"
           r"|\(if (?:sources|quotes|names|details) (?:are|is) (?:mentioned|available|provided)[^()]{0,40}\)",
           needles=('(',)),
    Signal("credits the generator", 3,
           r"\bhelped \S{1,40} (?:to )?generate\b"
           r"|\b(?:generat(?:e|ed|ing)|written|created|produced) (?:this|the) (?:content|article|text|post)"
           r" (?:with|using|by) (?:ai|chatgpt|gpt|gemini|claude|an? (?:ai|language model|tool))\b"
           r"|\b(?:content|article|text|post) (?:was )?(?:generated|written) (?:by|with|using) "
           r"(?:ai|chatgpt|gpt-?\d*|an? (?:ai|language model))\b",
           needles=('generat', 'written', 'helped')),
    Signal("says it cannot go online", 3,
           rf"{_I} (?:cannot|can['’]t|can not|am unable to|['’]m unable to|do not have|don['’]t have)"
           r" (?:the ability to )?(?:browse|access|search) (?:the (?:internet|web)|real-time|live|current|online)\b"
           r"|\bI don['’]t have (?:real-time|internet|web) access\b"
           rf"|{_I} (?:lack|have no) (?:internet|web|online|real-time|live) access\b"
           rf"|{_I} (?:could ?n['’]t|could not|was unable to|wasn['’]t able to) (?:independently )?"
           r"(?:verify|confirm|check) (?:the|these|this|any)\b",
           needles=("browse", "access", "search", "verify", "confirm", "check"),
           also=("cannot", "can't", "can’t", "can not", "able to", "not have", "n't have", "n’t have", "lack",
                 "have no", "could")),
    Signal("reports its edits", 2,
           r"^as (?:you )?requested\b"
           rf"|{_I} (?:have |['’]ve )?(?:kept|added|made|changed|removed|rewrote|rewritten|shortened|adjusted|included"
           r"|revised|tightened|simplified|restructured) (?:the|a|an|two|three|some|your|it|all)\b"
           r"|\b(?:this|the|my) (?:revised|rewritten|updated|edited|polished|optimi[sz]ed|shortened) "
           r"(?:version|draft|article|text|copy)\b"
           rf"|\bin this (?:version|draft|rewrite|revision),? {_I}\b",
           needles=("requested", "kept", "added", "made", "changed", "removed", "rewr", "shortened", "adjusted",
                    "included", "revised", "tightened", "simplified", "restructured", "updated", "edited",
                    "polished", "optimi", "in this"),
           also=("i ", "i'", "i’", "requested", "version", "draft", "article", "text", "copy", "rewrite", "revision")),
    # The stock vocabulary of machine-written essays; two of them in one line count as one clue.
    Signal("machine-essay vocabulary", 1,
           r"\b(?:delve|tapestry|testament to|bedrock|embodiment|intricacies|complexities|multifaceted|pivotal"
           r"|realm|paramount|underscores?|navigat(?:e|ing) the|ever-evolving|it is (?:crucial|essential|important)"
           r" to|plays? a (?:crucial|pivotal|vital) role|comprehensive (?:perspective|overview|understanding))\b"
           r"[^\n]*?\b(?:delve|tapestry|testament to|bedrock|embodiment|intricacies|complexities|multifaceted|pivotal"
           r"|realm|paramount|underscores?|navigat(?:e|ing) the|ever-evolving|architects? of|it is (?:crucial|essential"
           r"|important) to|plays? a (?:crucial|pivotal|vital) role|comprehensive)\b",
           needles=('delve', 'tapestry', 'testament', 'bedrock', 'embodiment', 'intricacies', 'complexities',
                    'multifaceted', 'pivotal', 'realm', 'paramount', 'underscore', 'navigat', 'ever-evolving',
                    'crucial', 'essential', 'important', 'role', 'comprehensive', 'architect')),
)
_SIGNALS = Signals(SIGNALS)
_HANDS_OVER = next(s for s in SIGNALS if s.name == "hands the text over")
_LABELS = next(s for s in SIGNALS if s.name == "labels its answer")
# A chat answer in plain text or HTML keeps its Markdown: "**bold**", "### Heading".
_CHAT_MARKDOWN = lazy_re(r"\*\*[^*\n]{1,120}\*\*|^#{2,6}\s")
_LIST_LINE = lazy_re(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s")


@dataclass(frozen=True)
class Options:
    threshold: int = option(
        3,
        "Points of evidence a line needs (each kind of evidence counts once per line; see `explain`).",
    )
    corroborating_lines: int = option(
        3,
        "A line one point short is still reported when the article holds other leftovers: a line at the threshold, or "
        "this many lines one point short.",
    )


@dataclass
class _Run:
    first: int  # index into the document's lines
    last: int
    evidence: list[tuple[Clue, str]]  # each clue with the line it was found in


class SeoPromptLeftover(Check):
    id = "seo-prompt-leftover"
    category = "seo"
    severity = Severity.ERROR
    Options = Options
    summary = (
        "The AI assistant's side of a chat left in the copy (\"Please provide the text you want me to "
        "rewrite\", \"Here's the rewritten article:\", \"I hope this helps!\")."
    )
    why = (
        "A model's reply to a prompt is not part of the story. Published, it tells readers the copy came "
        "out of a chatbot unchecked, which costs more trust than any typo."
    )
    bad = "Sure! Here's the rewritten article:\n\nThe council approved the budget on Monday."
    good = "The council approved the budget on Monday."

    def run(self, doc: Document, options: Options, house: HouseStyle) -> Iterator[Finding]:
        lines = prose_lines(doc)
        # A line worth fewer points than one short of the threshold is never reported nor
        # corroborates another (see _flagged): its evidence is not needed.
        at_least = options.threshold - 1
        masks = _SIGNALS.masks(line_texts(doc))
        scored = [
            self._evidence(line, mask, at_least) if mask else [] for line, mask in zip(lines, masks, strict=True)
        ]
        for run in _runs(lines, scored, _flagged(scored, options)):
            first, last = lines[run.first], lines[run.last]
            clue, said = strongest(run.evidence)
            where = "" if run.first == run.last else " (and the lines after it)"
            span = Span(first.span.start, last.span.end) if run.first != run.last else _sentences_span(first, run)
            yield self.finding(
                span,
                f"The AI assistant's reply is left in the article: “{quote_clue(said, clue)}” "
                f"({clue.signal.name}){where}. Delete it and keep only the story.",
                fix=Fix(removal_span(doc, first, last), "", safe=_safe_to_delete(run, first)),
            )

    @staticmethod
    def _evidence(line: Line, mask: int, at_least: int) -> list[Clue]:
        found = _SIGNALS.clues(line.text, mask, at_least=at_least)
        # "2. Headline: a short title that ..." in a list explains a part; a label on a line of its
        # own is the assistant's.
        if found and (line.block.kind is BlockKind.LIST_ITEM or _LIST_LINE.match(line.block.text.text)):
            found = [c for c in found if c.signal is not _LABELS]
        return found


def _flagged(scored: list[list[Clue]], options: Options) -> list[bool]:
    """Lines at the threshold; lines one point short when the article corroborates them."""
    totals = [points(evidence) for evidence in scored]
    strong = sum(1 for t in totals if t >= options.threshold)
    near = sum(1 for t in totals if t == options.threshold - 1)
    corroborated = strong > 0 or near >= options.corroborating_lines
    return [t >= options.threshold or (corroborated and t == options.threshold - 1) for t in totals]


def _runs(lines: list[Line], scored: list[list[Clue]], flagged: list[bool]) -> Iterator[_Run]:
    """Flagged lines, each extended over the list it announces, neighbours joined."""
    runs: list[_Run] = []
    for i, evidence in enumerate(scored):
        if not flagged[i]:
            continue
        last = i
        announces = lines[i].text.rstrip().endswith(":")
        # "Once you provide the text, I will:" and its numbered promises are one leftover.
        while last + 1 < len(lines) and _continues(lines[last + 1], announces):
            last += 1
            announces = announces or lines[last].text.rstrip().endswith(":")
        if runs and i <= runs[-1].last + 3 and all(
            len(lines[k].text.split()) <= 8 for k in range(runs[-1].last + 1, i)
        ):
            runs[-1].last = max(runs[-1].last, last)
            runs[-1].evidence.extend((c, lines[i].text) for c in evidence)
        else:
            runs.append(_Run(i, last, [(c, lines[i].text) for c in evidence]))
    yield from runs


def _sentences_span(line: Line, run: _Run) -> Span:
    """In a line that also holds the story, the sentences that hold the evidence."""
    starts = [line.start + clue.start for clue, _ in run.evidence]
    ends = [line.start + clue.end for clue, _ in run.evidence]
    lo, hi = line.start, line.end
    for sentence in line.block.sentences:
        if sentence.start <= min(starts) < sentence.end:
            lo = max(lo, sentence.start)
        if sentence.start < max(ends) <= sentence.end:
            hi = min(hi, sentence.end)
    return line.block.text.span(lo, hi)


def _safe_to_delete(run: _Run, line: Line) -> bool:
    """A short line that only hands the text over ("Sure! Here's the revised article:") can go
    without an editor's eye; longer leftovers may hold a sentence of the story."""
    text = line.text.rstrip()
    hands_over = any(clue.signal is _HANDS_OVER for clue, _ in run.evidence)
    return run.first == run.last and hands_over and len(text.split()) <= 14 and text.endswith((":", ".", "!"))


def _continues(line: Line, announced: bool) -> bool:
    text = line.text
    is_list = line.block.kind is BlockKind.LIST_ITEM or bool(_LIST_LINE.match(line.block.text.text))
    if announced and is_list:
        return True
    return bool(_CHAT_MARKDOWN.search(text)) and len(text.split()) <= 25
