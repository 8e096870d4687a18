"""Bodies the gazetteer does not list, detected in the text: what is a body's name and what is not."""
from __future__ import annotations

import pytest

from ungraph.bodies import DocumentContext, find_bodies
from ungraph.gazetteer import load

DETECTED = [
    # a listed name followed by words and a head noun: a unit, a fund, a group of its own
    ("Welcomes the establishment of the African Union Partnership Unit;", ["African Union Partnership Unit"]),
    ("Takes note of the work of the INTERPOL Human Trafficking Expert Group;",
     ["INTERPOL Human Trafficking Expert Group"]),
    ("Welcomes the work of the Central European Initiative Cooperation Fund;",
     ["Central European Initiative Cooperation Fund"]),
    # events named like bodies are no bodies (A/RES/78/325: "the World University Games")
    ("Welcoming the Commonwealth Games and the World University Games, for promoting education, health, "
     "development, peace and solidarity among nations,", []),
    ("Notes the United Nations University Festival of Science;", []),
    # a document or a plan named after a body is the body's, not a body
    ("Notes the Economic Cooperation Organization Trade Agreement;", []),
]


@pytest.mark.parametrize("text,names", DETECTED)
def test_detected_names(text, names):
    mentions = find_bodies(text, DocumentContext(load()))
    assert [m.text for m in mentions if m.via == "detected"] == names
