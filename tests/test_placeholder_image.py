from helpers import findings, located, snippet

RULE = ("placeholder-image",)


def test_image_placeholders_in_text():
    text = (
        "The river rose overnight. Photo Placeholder: [Insert photo of sandbags. Alt text: Sandbags.]"
        " Crews worked.\n"
        "\n"
        "[IMAGE: aerial view of the flooded town]\n\n"
        "Residents left early [Insert a map of the evacuation zone] and stayed with family.\n\n"
        "[Chart here]\n\n"
        "Alt text: A man carries a child through the water\n"
    )
    found = findings(text, select=RULE)
    assert [snippet(text, f) for f in found] == [
        "Photo Placeholder: [Insert photo of sandbags. Alt text: Sandbags.]",
        "[IMAGE: aerial view of the flooded town]",
        "[Insert a map of the evacuation zone]",
        "[Chart here]",
        "Alt text: A man carries a child through the water",
    ]
    assert located(found)[0] == ("placeholder-image", 1, 27, 1, 93)
    # the placeholder-text check leaves media placeholders to this one
    assert findings(text, select=("placeholder-text",)) == []


def test_placeholder_image_sources_and_alt_text():
    text = (
        "![Flooded street](https://placehold.co/600x400)\n\n"
        "![Sandbags](https://picsum.photos/id/10/400/300)\n\n"
        '<p>Crews <img src="" alt="Crew at work"> arrived.</p>\n\n'
        "![placeholder](/img/flood.jpg)\n\n"
        "![Image here](/img/flood2.jpg)\n"
    )
    found = findings(text, select=RULE)
    assert [(f.line, f.column) for f in found] == [(1, 1), (3, 1), (5, 10), (7, 1), (9, 1)]
    assert "placehold.co" in found[0].message and "no address" in found[2].message


def test_real_images_and_ordinary_brackets_are_fine():
    text = (
        "![Placeholder text inside a search box](/img/368-x-43-Placeholder-search-inside-box.jpg)\n\n"
        "![Mayor at the podium](https://images.example.com/mayor.jpg)\n\n"
        "The [video] team and the [photo carousels] were cut. He watched a video of the flood.\n\n"
        "The map placeholder in the app confused users, the survey found.\n"
    )
    assert findings(text, select=RULE) == []


def test_alt_text_lines_with_a_prefix():
    text = "The valley flooded.\n\nImage Alt Text: Aerial view of the valley\n"
    found = findings(text, select=RULE)
    assert located(found) == [("placeholder-image", 3, 1, 3, 42)]
