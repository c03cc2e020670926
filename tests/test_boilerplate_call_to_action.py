from helpers import findings, located

from lint.findings import Severity

RULE = ("boilerplate-call-to-action",)


def test_call_to_action_in_a_sentence_is_a_hint():
    text = "The council meets in May. To hear first, subscribe to our weekly newsletter.\n"
    found = findings(text, select=RULE)
    assert located(found) == [("boilerplate-call-to-action", 1, 42, 1, 76)]
    assert found[0].severity is Severity.INFO


def test_a_line_holding_only_a_call_to_action_is_a_warning():
    text = "The council meets in May.\n\nFollow us on Facebook\n"
    found = findings(text, select=RULE)
    assert [(f.line, f.column, f.severity) for f in found] == [(3, 1, Severity.WARNING)]


def test_reported_speech_is_quiet():
    text = "Fans were told to follow the band on tour. She said she would subscribe to the theory.\n"
    assert findings(text, select=RULE) == []


def test_calls_in_new_wordings_are_found_by_their_shape():
    text = (
        "The ferry resumes on Friday.\n\n"
        "Grab our free weekend digest, delivered straight to your inbox every Saturday.\n\n"
        "Download the app\n\n"
        "You can watch the video of the hearing on the county website.\n\n"
        "Watch the rescue video:\n"
    )
    found = findings(text, select=RULE)
    assert [(f.line, f.column, f.end_column, f.severity) for f in found] == [
        (3, 1, 79, Severity.WARNING),
        (5, 1, 17, Severity.WARNING),
    ]
    assert found[0].message.startswith("“Grab our free weekend digest, delivered straight to your inbox every")


def test_a_short_paragraph_read_as_one_call():
    text = (
        "The ferry resumes on Friday.\n\n"
        "Like what you read? Follow our channel on Telegram.\n\n"
        "Press the bell to get notified.\n\n"
        "Want to know more? The county explains the plan in detail on its own pages today.\n"
    )
    found = findings(text, select=RULE)
    assert [(f.line, f.column, f.severity) for f in found] == [(3, 1, Severity.WARNING), (5, 1, Severity.WARNING)]
