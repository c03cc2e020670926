from helpers import findings, snippet

RULE = ("glued-text",)


def test_caption_labels_and_time_stamps_run_into_the_text():
    text = (
        "Media captionResidents say the river rose overnight\n\n"
        "Image caption A lifeboat crew checks the harbour wall\n\n"
        "Council leader says he wishes the budget was biggerpublished at 14:48 GMT 23 February\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, f.column, snippet(text, f)) for f in found] == [
        (1, 1, "Media caption"),
        (3, 1, "Image caption"),
        (5, 52, "published at 14:48"),
    ]


def test_breadcrumbs_credits_and_capital_headlines():
    text = (
        "HomeNewsLocalThe harbour ferry returns on Friday.\n\n"
        "Harbour at dawn, photograph copyright Jo SmithWhen we arrived the tide was out.\n\n"
        "FERRY SERVICE RETURNS TO HARBOUR: PORTVILLE (AP) — The ferry returns on Friday.\n"
    )
    found = findings(text, name="story.txt", select=RULE)
    assert [(f.line, snippet(text, f)) for f in found] == [
        (1, "HomeNewsLocalThe"),
        (3, "SmithWhen"),
        (5, "FERRY SERVICE RETURNS TO HARBOUR: PORTVILLE"),
    ]


def test_names_tags_and_real_captions_are_left_alone():
    text = (
        "Find us on LinkedIn or follow #BackToTheFuture for updates on the HelpWithMyBank site.\n\n"
        "Image source: the county archive.\n\n"
        "NATO AND EU LEADERS MEET\n\n"
        "The ferry returns on Friday, the operator said.\n"
    )
    assert findings(text, name="story.txt", select=RULE) == []
