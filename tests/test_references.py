"""Tables of real citations -> expected references.

Sentences are taken from the texts in corpus/ (file named in each case id), cleaned as the
pipeline cleans them: whitespace collapsed, footnote markers and markdown removed.
A few cases written for other organs (SC, HRC, ECOSOC authors) follow the wording those
organs use.
"""
from __future__ import annotations

import re
import time
from datetime import date

import pytest

from ungraph.model import DocumentRef, ResolutionRef
from ungraph.references import find_references, normalize
from ungraph.symbols import document_kind


def refs(text: str, organ: str = "GA") -> list[tuple[str, str | None]]:
    """(symbol, ISO date or None) of every resolution reference, in text order."""
    found, _ = find_references(text, organ)
    return [(r.symbol, r.adopted.isoformat() if r.adopted else None) for r in found]


def docs(text: str, organ: str = "GA") -> list[tuple[str, str]]:
    """(symbol, kind) of every other document reference, in text order."""
    _, found = find_references(text, organ)
    return [(d.symbol, d.kind) for d in found]


# --------------------------------------------------------------------------------------
# Resolutions: (text, author organ, [(symbol, date)])

OIC_LIST = (
    "Recalling its resolutions 37/4 of 22 October 1982, 38/4 of 28 October 1983, 39/7 of 8 November 1984, "
    "40/4 of 25 October 1985, 41/3 of 16 October 1986, 42/4 of 15 October 1987, 43/2 of 17 October 1988, "
    "44/8 of 18 October 1989, 45/9 of 25 October 1990, 46/13 of 28 October 1991, 47/18 of 23 November 1992, "
    "48/24 of 24 November 1993, 49/15 of 15 November 1994, 50/17 of 20 November 1995, 51/18 of 14 November 1996, "
    "52/4 of 22 October 1997, 53/16 of 29 October 1998, 54/7 of 25 October 1999, 55/9 of 30 October 2000, "
    "56/47 of 7 December 2001, 57/42 of 21 November 2002, 59/8 of 22 October 2004, 61/49 of 4 December 2006, "
    "63/114 of 5 December 2008, 65/140 of 16 December 2010, 67/264 of 17 May 2013, 69/317 of 10 September 2015, "
    "72/74 of 6 December 2017 and 73/135 of 13 December 2018,"
)
OIC_LIST_EXPECTED = [
    ("A/RES/37/4", "1982-10-22"), ("A/RES/38/4", "1983-10-28"), ("A/RES/39/7", "1984-11-08"),
    ("A/RES/40/4", "1985-10-25"), ("A/RES/41/3", "1986-10-16"), ("A/RES/42/4", "1987-10-15"),
    ("A/RES/43/2", "1988-10-17"), ("A/RES/44/8", "1989-10-18"), ("A/RES/45/9", "1990-10-25"),
    ("A/RES/46/13", "1991-10-28"), ("A/RES/47/18", "1992-11-23"), ("A/RES/48/24", "1993-11-24"),
    ("A/RES/49/15", "1994-11-15"), ("A/RES/50/17", "1995-11-20"), ("A/RES/51/18", "1996-11-14"),
    ("A/RES/52/4", "1997-10-22"), ("A/RES/53/16", "1998-10-29"), ("A/RES/54/7", "1999-10-25"),
    ("A/RES/55/9", "2000-10-30"), ("A/RES/56/47", "2001-12-07"), ("A/RES/57/42", "2002-11-21"),
    ("A/RES/59/8", "2004-10-22"), ("A/RES/61/49", "2006-12-04"), ("A/RES/63/114", "2008-12-05"),
    ("A/RES/65/140", "2010-12-16"), ("A/RES/67/264", "2013-05-17"), ("A/RES/69/317", "2015-09-10"),
    ("A/RES/72/74", "2017-12-06"), ("A/RES/73/135", "2018-12-13"),
]

RESOLUTION_CASES = [
    # --- General Assembly, modern numbers -----------------------------------------------
    pytest.param(
        "Recalling its resolution 48/2 of 13 October 1993, by which it granted observer status to the "
        "Economic Cooperation Organization,",
        "GA", [("A/RES/48/2", "1993-10-13")], id="A_RES_75_324-its-resolution-dated"),
    pytest.param(OIC_LIST, "GA", OIC_LIST_EXPECTED, id="A_75_L_OIC-long-dated-list"),
    pytest.param(
        "and emphasizing the importance of engaging relevant United Nations agencies in promoting interfaith "
        "dialogue and other related activities, as well as General Assembly resolutions 68/127 of 18 December "
        "2013, 70/109 of 10 December 2015 and 72/241 of 20 December 2017 on a world against violence and "
        "violent extremism,",
        "GA", [("A/RES/68/127", "2013-12-18"), ("A/RES/70/109", "2015-12-10"), ("A/RES/72/241", "2017-12-20")],
        id="A_75_L_OIC-general-assembly-resolutions"),
    pytest.param(
        "held in Rabat from 3 to 5 July 2018, pursuant to General Assembly resolution 72/74, to review and "
        "appraise the level of cooperation",
        "GA", [("A/RES/72/74", None)], id="A_75_L_OIC-undated"),
    pytest.param(
        "while effectively implementing the Sustainable Development Goals on transport, including Goals 9 and "
        "17, and General Assembly resolution 72/212 of 20 December 2017, entitled “Strengthening the links "
        "between all modes of transport to achieve the Sustainable Development Goals”, in the region;",
        "GA", [("A/RES/72/212", "2017-12-20")], id="A_RES_75_324-entitled-and-goals"),
    pytest.param(
        "Acknowledges the important role of the Economic Cooperation Organization in addressing the global "
        "challenges referred to in its resolution 70/1 of 25 September 2015, entitled “Transforming our world: "
        "the 2030 Agenda for Sustainable Development”, and emphasizes",
        "GA", [("A/RES/70/1", "2015-09-25")], id="A_RES_75_324-referred-to-in-its"),
    pytest.param(
        "Reaffirming its resolution 70/1 of 25 September 2015, entitled “Transforming our world: the 2030 "
        "Agenda for Sustainable Development”, and its resolution 69/313 of 27 July 2015 on the Addis Ababa "
        "Action Agenda of the Third International Conference on Financing for Development,",
        "GA", [("A/RES/70/1", "2015-09-25"), ("A/RES/69/313", "2015-07-27")], id="A_RES_75_12-two-its"),
    pytest.param(
        "Recalling its resolutions 74/270 of 2 April 2020, 74/274 of 20 April 2020, and 74/306 and 74/307 of "
        "11 September 2020, which highlighted",
        "GA", [("A/RES/74/270", "2020-04-02"), ("A/RES/74/274", "2020-04-20"), ("A/RES/74/306", "2020-09-11"),
               ("A/RES/74/307", "2020-09-11")], id="A_RES_75_14-date-belongs-to-last"),
    pytest.param(
        "and peace, and its resolutions 60/1 of 16 September 2005, 60/9 of 3 November 2005, 61/10 of "
        "3 November 2006",
        "GA", [("A/RES/60/1", "2005-09-16"), ("A/RES/60/9", "2005-11-03"), ("A/RES/61/10", "2006-11-03")],
        id="A_RES_78_325-list"),
    pytest.param("Recalling resolutions 55/2 and 60/1,", "GA",
                 [("A/RES/55/2", None), ("A/RES/60/1", None)], id="undated-pair"),
    pytest.param(
        "Resolutions 57/35, 59/5, 61/46, 63/35, 65/235, 67/110, 69/110, 71/255 and 73/259.", "GA",
        [("A/RES/57/35", None), ("A/RES/59/5", None), ("A/RES/61/46", None), ("A/RES/63/35", None),
         ("A/RES/65/235", None), ("A/RES/67/110", None), ("A/RES/69/110", None), ("A/RES/71/255", None),
         ("A/RES/73/259", None)], id="A_RES_75_15-footnote-list"),
    pytest.param(
        "Recalling further its resolution 77/321 of 1 August 2023, resolution 78/272 of 24 April 2024, "
        "resolution 79/271 of 4 March 2025 and decision 78/560 of 13 August 2024,",
        "GA", [("A/RES/77/321", "2023-08-01"), ("A/RES/78/272", "2024-04-24"), ("A/RES/79/271", "2025-03-04")],
        id="A_80_L.13-repeated-word"),
    pytest.param(
        "Recalling further all its relevant resolutions related to cooperation between the United Nations and "
        "the African Union, in particular resolutions 55/218 of 21 December 2000, 56/48 of 7 December 2001, "
        "57/48 of 21 November 2002,",
        "GA", [("A/RES/55/218", "2000-12-21"), ("A/RES/56/48", "2001-12-07"), ("A/RES/57/48", "2002-11-21")],
        id="A_RES_79_329-in-particular"),
    pytest.param(
        "Reaffirming its resolutions 78/265 of 21 March 2024 on seizing the opportunities of safe, secure and "
        "trustworthy artificial intelligence systems for sustainable development, 78/311 of 1 July 2024 on "
        "enhancing international cooperation on capacity-building of artificial intelligence, 77/320 of "
        "25 July 2023 on the impact of rapid technological change on the achievement of the Sustainable "
        "Development Goals and targets, 79/194 of 19 December 2024 on information and communications "
        "technologies for sustainable development, 78/160 of 19 December 2023 on science, technology and "
        "innovation for sustainable development, 78/213 of 19 December 2023 on the promotion and protection of "
        "human rights in the context of digital technologies, 79/175 of 17 December 2024 on the right to "
        "privacy in the digital age and 70/125 of 16 December 2015 on the overall review",
        "GA", [("A/RES/78/265", "2024-03-21"), ("A/RES/78/311", "2024-07-01"), ("A/RES/77/320", "2023-07-25"),
               ("A/RES/79/194", "2024-12-19"), ("A/RES/78/160", "2023-12-19"), ("A/RES/78/213", "2023-12-19"),
               ("A/RES/79/175", "2024-12-17"), ("A/RES/70/125", "2015-12-16")],
        id="A_RES_79_322-list-across-titles"),
    pytest.param(
        "Recalling also its resolutions 76/305 of 8 September 2022, on financing for peacebuilding, and 78/257 "
        "of 22 December 2023, on investing in prevention and peacebuilding, in which the Assembly decided",
        "GA", [("A/RES/76/305", "2022-09-08"), ("A/RES/78/257", "2023-12-22")],
        id="A_RES_79_329-list-across-comma-titles"),
    pytest.param(
        "and welcomes in this regard the decision in its resolution 78/257 to approve 50 million United States "
        "dollars of assessed contributions",
        "GA", [("A/RES/78/257", None)], id="A_RES_79_329-decision-in-its-resolution"),
    pytest.param(
        "Recalling its resolutions 58/85 of 9 December 2003, 67/109 of 17 December 2012, 69/271 of 2 April "
        "2015, 71/15 of 21 November 2016, 73/14 of 26 November 2018 and 75/8 of 23 November 2020 and its "
        "decision 71/556 of 8 September 2017,",
        "GA", [("A/RES/58/85", "2003-12-09"), ("A/RES/67/109", "2012-12-17"), ("A/RES/69/271", "2015-04-02"),
               ("A/RES/71/15", "2016-11-21"), ("A/RES/73/14", "2018-11-26"), ("A/RES/75/8", "2020-11-23")],
        id="A_RES_77_15-list-then-decision"),
    # --- footnotes --------------------------------------------------------------------------
    pytest.param("See resolution 70/1.", "GA", [("A/RES/70/1", None)], id="footnote-see"),
    pytest.param("Resolution 69/283, annex II.", "GA", [("A/RES/69/283", None)], id="footnote-annex-II"),
    pytest.param("Resolution 49/57, annex.", "GA", [("A/RES/49/57", None)], id="footnote-annex"),
    pytest.param("Resolution 60/288.", "GA", [("A/RES/60/288", None)], id="A_RES_77_13-footnote"),
    pytest.param("Resolution S-30/1, annex.", "GA", [("A/RES/S-30/1", None)], id="A_RES_77_13-special-session"),
    # the Human Rights Council holds special sessions too: its own text, or naming it
    pytest.param("Recalling its resolution S-27/1 of 5 December 2017,", "HRC",
                 [("A/HRC/RES/S-27/1", "2017-12-05")], id="hrc-special-session"),
    pytest.param("Recalling Human Rights Council resolution S-27/1 of 5 December 2017,", "GA",
                 [("A/HRC/RES/S-27/1", "2017-12-05")], id="hrc-special-session-named"),
    pytest.param("Recalling Human Rights Council resolution S-29/1 of 20 November 2018,", "SC",
                 [("A/HRC/RES/S-29/1", "2018-11-20")], id="hrc-special-session-named-by-the-council"),
    pytest.param("Resolution 217 A (III).", "GA", [("A/RES/217A(III)", None)], id="udhr-lettered-old"),
    pytest.param("See resolution 2200 A (XXI), annex.", "GA", [("A/RES/2200A(XXI)", None)],
                 id="A_RES_78_12-covenants"),
    # --- several parts of one resolution ------------------------------------------------------
    pytest.param("Recalling its resolutions 60/1 A and B of 24 October 2005 and 61/16 of 20 November 2006,",
                 "GA", [("A/RES/60/1A", "2005-10-24"), ("A/RES/60/1B", "2005-10-24"), ("A/RES/61/16", "2006-11-20")],
                 id="parts-a-and-b-dated"),
    pytest.param("Recalling its resolutions 55/2, 64/243 A, B and D,", "GA",
                 [("A/RES/55/2", None), ("A/RES/64/243A", None), ("A/RES/64/243B", None), ("A/RES/64/243D", None)],
                 id="parts-listed"),
    pytest.param("Having considered its resolution 62/238 A to C,", "GA",
                 [("A/RES/62/238A", None), ("A/RES/62/238B", None), ("A/RES/62/238C", None)], id="parts-a-to-c"),
    pytest.param("Recalling resolution 45/6 B of 16 October 1990 and Belgium's proposal,", "GA",
                 [("A/RES/45/6B", "1990-10-16")], id="part-then-a-word"),
    pytest.param("Recalling its resolutions 63/250 A and 64/1,", "GA", [("A/RES/63/250A", None), ("A/RES/64/1", None)],
                 id="part-then-another-number"),
    # --- old General Assembly numbers -------------------------------------------------------
    pytest.param(
        "Recalling also its resolution 3369 (XXX) of 10 October 1975, by which it decided to invite the "
        "Organization of the Islamic Conference to participate in the sessions",
        "GA", [("A/RES/3369(XXX)", "1975-10-10")], id="A_75_L_OIC-roman"),
    pytest.param(
        "Recalling its resolutions 181 (II) of 29 November 1947, 194 (III) of 11 December 1948, 3236 (XXIX) of "
        "22 November 1974, 3375 (XXX) and 3376 (XXX) of 10 November 1975, 31/20 of 24 November 1976 and all its "
        "subsequent relevant resolutions, including those adopted at its emergency special sessions and its "
        "resolution 75/20 of 2 December 2020,",
        "GA", [("A/RES/181(II)", "1947-11-29"), ("A/RES/194(III)", "1948-12-11"),
               ("A/RES/3236(XXIX)", "1974-11-22"), ("A/RES/3375(XXX)", "1975-11-10"), ("A/RES/3376(XXX)", "1975-11-10"),
               ("A/RES/31/20", "1976-11-24"), ("A/RES/75/20", "2020-12-02")],
        id="A_RES_77_22-roman-list"),
    pytest.param(
        "Noting with deep regret the passage of 55 years since the onset of the Israeli occupation and 75 years "
        "since the adoption of resolution 181 (II) on 29 November 1947 and the Nakba",
        "GA", [("A/RES/181(II)", "1947-11-29")], id="A_RES_77_22-adopted-on"),
    pytest.param(
        "Requests the United Nations Conciliation Commission for Palestine, established under General Assembly "
        "resolution 194 (III), and other United Nations bodies",
        "GA", [("A/RES/194(III)", None)], id="A_RES_77_22-194-III"),
    pytest.param(
        "Recalling also the advisory opinion rendered on 9 July 2004 by the International Court of Justice, "
        "and recalling further its resolutions ES-10/15 of 20 July 2004 and ES-10/17 of 15 December 2006,",
        "GA", [("A/RES/ES-10/15", "2004-07-20"), ("A/RES/ES-10/17", "2006-12-15")],
        id="A_RES_77_22-emergency-special-session"),
    pytest.param(
        "and by the General Assembly in the annex to its resolution 1145 (XII) of 14 November 1957,",
        "GA", [("A/RES/1145(XII)", "1957-11-14")], id="A_RES_78_8-1145-XII"),
    pytest.param(
        "Reaffirming its resolutions 96 (I) of 11 December 1946, 260 A (III) of 9 December 1948 and 53/43 of "
        "2 December 1998 and other relevant resolutions",
        "GA", [("A/RES/96(I)", "1946-12-11"), ("A/RES/260A(III)", "1948-12-09"), ("A/RES/53/43", "1998-12-02")],
        id="A_RES_79_328-mixed-shapes"),
    # --- lettered parts, Cyrillic look-alikes -------------------------------------------------
    pytest.param(
        "Recalling its resolutions 75/257 В of 7 July 2021 and 77/299 of 26 June 2023,",
        "GA", [("A/RES/75/257B", "2021-07-07"), ("A/RES/77/299", "2023-06-26")], id="A_RES_79_324-cyrillic-B"),
    pytest.param(
        "shall be borne by voluntary contributions from the international community, in accordance with "
        "resolution 57/228 В of 13 May 2003,",
        "GA", [("A/RES/57/228B", "2003-05-13")], id="A_RES_79_324-cyrillic-B-2"),
    pytest.param("Resolution 75/257 B, annex.", "GA", [("A/RES/75/257B", None)], id="A_RES_79_324-latin-B"),
    # --- Security Council ---------------------------------------------------------------------
    pytest.param("Recalling Security Council resolution 497 (1981) of 17 December 1981,", "GA",
                 [("S/RES/497(1981)", "1981-12-17")], id="A_80_L.12-sc-dated"),
    pytest.param(
        "Noting with satisfaction the convening in Madrid on 30 October 1991 of the Peace Conference on the "
        "Middle East, on the basis of Security Council resolutions 242 (1967) of 22 November 1967, 338 (1973) "
        "of 22 October 1973 and 425 (1978) of 19 March 1978 and the formula of land for peace,",
        "GA", [("S/RES/242(1967)", "1967-11-22"), ("S/RES/338(1973)", "1973-10-22"),
               ("S/RES/425(1978)", "1978-03-19")], id="A_80_L.12-sc-list"),
    pytest.param(
        "Also declares that the Israeli decision of 14 December 1981 to impose its laws, jurisdiction and "
        "administration on the occupied Syrian Golan is null and void and has no validity whatsoever, as "
        "confirmed by the Security Council in its resolution 497 (1981), and calls upon Israel to rescind it;",
        "GA", [("S/RES/497(1981)", None)], id="A_80_L.12-sc-in-its-resolution"),
    pytest.param(
        "Calls upon all the parties concerned ... by implementing Security Council resolutions 242 (1967) and "
        "338 (1973);",
        "GA", [("S/RES/242(1967)", None), ("S/RES/338(1973)", None)], id="A_80_L.12-sc-pair"),
    pytest.param(
        "Recalling the relevant Security Council resolutions, including resolution 2334 (2016) of 23 December "
        "2016, and underscoring",
        "GA", [("S/RES/2334(2016)", "2016-12-23")], id="A_RES_77_22-including-resolution"),
    pytest.param(
        "and the Quartet road map to a permanent two-State solution to the Israeli-Palestinian conflict, "
        "endorsed by the Security Council in resolution 1515 (2003) of 19 November 2003,",
        "GA", [("S/RES/1515(2003)", "2003-11-19")], id="A_RES_77_22-in-resolution"),
    pytest.param(
        "Referring to all previous relevant resolutions of the Security Council, including resolution 1631 "
        "(2005) of 17 October 2005, and the relevant statements by its President,",
        "GA", [("S/RES/1631(2005)", "2005-10-17")], id="A_RES_77_13-resolutions-of-the-council"),
    pytest.param(
        "Mindful of all previous relevant resolutions and presidential statements of the Security Council, "
        "especially resolutions 1809 (2008) of 16 April 2008, 2033 (2012) of 12 January 2012, 2320 (2016) of "
        "18 November 2016 and 2378 (2017) of 20 September 2017, as well as the presidential statements, and "
        "recalling Council resolution 2457 (2019) of 27 February 2019 on silencing the guns in Africa,",
        "GA", [("S/RES/1809(2008)", "2008-04-16"), ("S/RES/2033(2012)", "2012-01-12"),
               ("S/RES/2320(2016)", "2016-11-18"), ("S/RES/2378(2017)", "2017-09-20"),
               ("S/RES/2457(2019)", "2019-02-27")], id="A_RES_79_329-sc-list-and-council"),
    pytest.param("Underscores the importance of the implementation of resolution 2719 (2023), on a case-by-case "
                 "basis", "GA", [("S/RES/2719(2023)", None)], id="A_RES_79_329-bare-sc-shape"),
    pytest.param("Recalling its resolutions 1267 (1999), 1989 (2011) and 2253 (2015),", "SC",
                 [("S/RES/1267(1999)", None), ("S/RES/1989(2011)", None), ("S/RES/2253(2015)", None)],
                 id="sc-author-its-list"),
    pytest.param("Recalling resolutions 1267 (1999), 1989 (2011) and 2253 (2015),", "SC",
                 [("S/RES/1267(1999)", None), ("S/RES/1989(2011)", None), ("S/RES/2253(2015)", None)],
                 id="sc-author-bare-list"),
    pytest.param("Reaffirming its resolution 2250 (2015) of 9 December 2015 on youth, peace and security,", "SC",
                 [("S/RES/2250(2015)", "2015-12-09")], id="sc-author-its"),
    pytest.param(
        "Convinced that space science and technology ... and in this regard recalling General Assembly "
        "resolution 70/1, entitled “Transforming our world”, and resolution 69/313,",
        "SC", [("A/RES/70/1", None), ("A/RES/69/313", None)], id="sc-author-ga-numbers"),
    # --- Human Rights Council -------------------------------------------------------------------
    pytest.param(
        "and welcoming the promotion of the effective implementation of Human Rights Council resolution 16/18 "
        "of 24 March 2011 to counter global violence, religious discrimination and intolerance,",
        "GA", [("A/HRC/RES/16/18", "2011-03-24")], id="A_75_L_OIC-hrc"),
    pytest.param(
        "Recalling Human Rights Council resolutions 7/25 of 28 March 2008, 22/22 of 22 March 2013, 28/34 of "
        "27 March 2015, 37/26 of 23 March 2018, 43/29 of 22 June 2020, 49/9 of 31 March 2022 and 55/13 of "
        "3 April 2024 on the prevention of genocide,",
        "GA", [("A/HRC/RES/7/25", "2008-03-28"), ("A/HRC/RES/22/22", "2013-03-22"),
               ("A/HRC/RES/28/34", "2015-03-27"), ("A/HRC/RES/37/26", "2018-03-23"),
               ("A/HRC/RES/43/29", "2020-06-22"), ("A/HRC/RES/49/9", "2022-03-31"),
               ("A/HRC/RES/55/13", "2024-04-03")], id="A_RES_79_328-hrc-list"),
    pytest.param(
        "Recalling Human Rights Council resolutions 7/25 of 28 March 2008,3 22/22 of 22 March 2013, 4 28/34 of "
        "27 March 2015, 49/9 of 31 March 20228 and 55/13 of 3 April 20249 on the prevention of genocide,",
        "GA", [("A/HRC/RES/7/25", "2008-03-28"), ("A/HRC/RES/22/22", "2013-03-22"),
               ("A/HRC/RES/28/34", "2015-03-27"), ("A/HRC/RES/49/9", "2022-03-31"),
               ("A/HRC/RES/55/13", "2024-04-03")], id="A_RES_79_328-footnote-markers-left"),
    pytest.param("Recalling also Council resolution 16/18 of 24 March 2011,", "HRC",
                 [("A/HRC/RES/16/18", "2011-03-24")], id="hrc-author-council"),
    pytest.param("Recalling its resolution 16/18 of 24 March 2011,", "HRC",
                 [("A/HRC/RES/16/18", "2011-03-24")], id="hrc-author-its"),
    pytest.param("Recalling General Assembly resolution 60/251 of 15 March 2006, and resolution 5/1,", "HRC",
                 [("A/RES/60/251", "2006-03-15"), ("A/HRC/RES/5/1", None)], id="hrc-author-ga-then-bare"),
    pytest.param("Recalling that the Human Rights Council, in its resolution 16/18 of 24 March 2011, called",
                 "GA", [("A/HRC/RES/16/18", "2011-03-24")], id="ga-author-council-in-its"),
    pytest.param("Recalling Council resolution 16/18,", "GA", [("A/HRC/RES/16/18", None)],
                 id="ga-author-council-nn-nn"),
    # --- Economic and Social Council ------------------------------------------------------------
    pytest.param(
        "Reaffirming also its resolutions 53/199 of 15 December 1998 and 61/185 of 20 December 2006 on the "
        "proclamation of international years, and Economic and Social Council resolution 1980/67 of 25 July "
        "1980 on international years and anniversaries,",
        "GA", [("A/RES/53/199", "1998-12-15"), ("A/RES/61/185", "2006-12-20"), ("E/RES/1980/67", "1980-07-25")],
        id="A_RES_78_326-ecosoc"),
    pytest.param(
        "Stresses that the International Day should be implemented in accordance with the arrangements "
        "contained in the annex to Economic and Social Council resolution 1980/67, to",
        "GA", [("E/RES/1980/67", None)], id="A_RES_78_326-annex-to-resolution"),
    pytest.param(
        "recalling its resolutions 73/187 of 17 December 2018, 74/247 of 27 December 2019 and 75/282 of 26 May "
        "2021, as well as Economic and Social Council resolutions 2019/19 and 2019/20 of 23 July 2019, and "
        "noting the need",
        "GA", [("A/RES/73/187", "2018-12-17"), ("A/RES/74/247", "2019-12-27"), ("A/RES/75/282", "2021-05-26"),
               ("E/RES/2019/19", "2019-07-23"), ("E/RES/2019/20", "2019-07-23")], id="A_RES_77_20-ga-then-ecosoc"),
    pytest.param(
        "Recalling the decisions of the Economic and Social Council, and Council resolutions 2019/1 and 2020/2,",
        "GA", [("E/RES/2019/1", None), ("E/RES/2020/2", None)], id="council-after-ecosoc-in-sentence"),
    pytest.param("Recalling its resolution 2019/1 of 24 July 2019,", "ECOSOC",
                 [("E/RES/2019/1", "2019-07-24")], id="ecosoc-author-its"),
    pytest.param("Recalling General Assembly resolution 70/1 and resolution 72/279,", "ECOSOC",
                 [("A/RES/70/1", None), ("A/RES/72/279", None)], id="ecosoc-author-ga-numbers"),
    # --- printed resolution symbols ---------------------------------------------------------------
    pytest.param("Recalling A/RES/75/324 and S/RES/2250 (2015),", "GA",
                 [("A/RES/75/324", None), ("S/RES/2250(2015)", None)], id="printed-symbols"),
    pytest.param("as set out in A/HRC/RES/16/18 of 24 March 2011 and E/RES/1996/31,", "GA",
                 [("A/HRC/RES/16/18", "2011-03-24"), ("E/RES/1996/31", None)], id="printed-symbols-hrc-ecosoc"),
    pytest.param("as requested in A/RES/3369 (XXX) and A/RES/75/257 B,", "GA",
                 [("A/RES/3369(XXX)", None), ("A/RES/75/257B", None)], id="printed-symbols-old-and-lettered"),
    # --- one date printed after a list of numbers of one session dates them all --------------
    pytest.param("Recalling Human Rights Council resolutions 5/1 and 5/2 of 18 June 2007,", "HRC",
                 [("A/HRC/RES/5/1", "2007-06-18"), ("A/HRC/RES/5/2", "2007-06-18")], id="one-date-one-session"),
    pytest.param("Recalling its resolutions 77/1, 77/4 and 77/5 of 1 November 2022,", "GA",
                 [("A/RES/77/1", "2022-11-01"), ("A/RES/77/4", "2022-11-01"), ("A/RES/77/5", "2022-11-01")],
                 id="one-date-three-numbers"),
    pytest.param("Recalling its resolutions 60/1 and 70/1 of 25 September 2015,", "GA",
                 [("A/RES/60/1", None), ("A/RES/70/1", "2015-09-25")], id="one-date-two-sessions"),
    pytest.param("Recalling its resolutions 74/7, 75/12 and 75/14 of 30 November 2020,", "GA",
                 [("A/RES/74/7", None), ("A/RES/75/12", "2020-11-30"), ("A/RES/75/14", "2020-11-30")],
                 id="one-date-stops-at-another-session"),
    pytest.param("Recalling its resolutions 74/270, 74/274 of 20 April 2020,", "GA",
                 [("A/RES/74/270", None), ("A/RES/74/274", "2020-04-20")], id="one-date-not-after-a-bare-comma"),
    # --- things after "resolution" that are not UN resolution numbers ---------------------------
    pytest.param("A/56/1026-S/2002/932, annex II, resolution 14/221.", "GA", [],
                 id="A_RES_77_22-resolution-inside-annex"),
    pytest.param("Beijing Declaration and Platform for Action (United Nations publication, Sales No. E.96.IV.13), "
                 "chap. I, resolution 1, annexes I and II.", "GA", [], id="A_RES_79_329-conference-resolution"),
    pytest.param("Commission on Human Rights resolution 2005/69 of 20 April 2005,", "GA", [],
                 id="commission-on-human-rights"),
    pytest.param("the World Health Assembly resolution 72/1 and the Islamic Summit resolution 14/221,", "GA", [],
                 id="other-bodies-resolutions"),
    pytest.param("Recalling its resolution of 1993 on the question,", "GA", [], id="resolution-of-year"),
    pytest.param("Recalling draft resolution 75/1,", "GA", [], id="draft-resolution"),
]


@pytest.mark.parametrize("text, organ, expected", RESOLUTION_CASES)
def test_resolution_references(text, organ, expected):
    assert refs(text, organ) == expected


# --------------------------------------------------------------------------------------
# Other documents: (text, author organ, [(symbol, kind)])

DOCUMENT_CASES = [
    pytest.param("A/73/328-S/2018/592.", "GA", [("A/73/328-S/2018/592", "report")], id="joint-report"),
    pytest.param("See A/75/345-S/2020/898, sect. II.", "GA", [("A/75/345-S/2020/898", "report")],
                 id="A_RES_75_324-joint-report"),
    pytest.param("A/67/581, annex.", "GA", [("A/67/581", "report")], id="A_RES_75_324-report-annex"),
    pytest.param("See S/PV.7813.", "GA", [("S/PV.7813", "meeting_record")], id="meeting-record"),
    pytest.param(
        "S/PRST/2013/16; see Resolutions and Decisions of the Security Council, 1 August 2013–31 July 2014 "
        "(S/INF/69).", "GA", [("S/PRST/2013/16", "presidential_statement"), ("S/INF/69", "document")],
        id="presidential-statement-and-S-INF"),
    pytest.param(
        "See Official Records of the General Assembly, Sixty-sixth Session, Supplement No. 53 (A/66/53), "
        "chap. II, sect. A.", "GA", [("A/66/53", "report")], id="official-records-supplement"),
    pytest.param("[without reference to a Main Committee (A/75/L.131 and A/75/L.131/Add.1)]", "GA",
                 [("A/75/L.131", "draft"), ("A/75/L.131/Add.1", "draft")], id="drafts"),
    pytest.param("Taking note of and acting upon the letter dated 6 December 2023 of the Secretary-General, under "
                 "Article 99 of the Charter of the United Nations (S/2023/962),", "SC",
                 [("S/2023/962", "report")], id="S_2023_970-letter"),
    pytest.param("See decision 60/519 and A/60/88 and A/60/88/Corr.2, annex.", "GA",
                 [("A/DEC/60/519", "decision"), ("A/60/88", "report"), ("A/60/88/Corr.2", "report")],
                 id="A_RES_77_20-decision-and-reports"),
    pytest.param("Resolutions 75/239 and 77/248 and decisions 74/543, 75/570, 76/564 and 77/556.", "GA",
                 [("A/DEC/74/543", "decision"), ("A/DEC/75/570", "decision"), ("A/DEC/76/564", "decision"),
                  ("A/DEC/77/556", "decision")], id="A_80_L.13-decision-list"),
    pytest.param("Recalling its resolution 77/321 of 1 August 2023 and decision 78/560 of 13 August 2024,", "GA",
                 [("A/DEC/78/560", "decision")], id="A_80_L.13-dated-decision"),
    pytest.param("Recalling its decision 2019/201,", "ECOSOC", [("E/DEC/2019/201", "decision")],
                 id="ecosoc-decision"),
    pytest.param("A/CONF.232/2023/4. A/AC.296/2025/9 and A/AC.296/2025/19.", "GA",
                 [("A/CONF.232/2023/4", "document"), ("A/AC.296/2025/9", "document"),
                  ("A/AC.296/2025/19", "document")], id="A_80_L.13-conference-documents"),
    pytest.param("See A/ES-10/273 and A/ES-10/273/Corr.1.", "GA",
                 [("A/ES-10/273", "report"), ("A/ES-10/273/Corr.1", "report")], id="A_RES_77_22-es-reports"),
    pytest.param(
        "Takes note of resolutions GC(67)/RES/7, entitled “Nuclear and radiation safety”; GC(67)/RES/10, "
        "entitled “Strengthening the Agency’s activities”, comprising GC(67)/RES/10 A, entitled “Non-power "
        "nuclear applications”; and decisions GC(67)/DEC/9, entitled “Amendment to Article XIV.A of the "
        "Statute”;", "GA",
        [("GC(67)/RES/7", "document"), ("GC(67)/RES/10", "document"), ("GC(67)/RES/10A", "document"),
         ("GC(67)/DEC/9", "document")], id="A_RES_78_8-iaea"),
    pytest.param("Welcomes resolution GC(67)/RES/1 on the approval of the appointment", "GA",
                 [("GC(67)/RES/1", "document")], id="A_RES_78_8-iaea-after-resolution"),
    pytest.param(
        "and in this regard recalling General Assembly resolution A/76/3, entitled “The Space 2030 Agenda: "
        "space as a driver of sustainable development”,", "SC", [("A/76/3", "report")],
        id="S_2024_302-misprinted-symbol"),
    pytest.param("A/56/1026-S/2002/932, annex II, resolution 14/221.", "GA",
                 [("A/56/1026-S/2002/932", "report")], id="A_RES_77_22-oic-resolution-in-annex"),
    pytest.param("Commission on Human Rights resolution 2005/69 of 20 April 2005,", "GA",
                 [("E/CN.4/RES/2005/69", "document")], id="commission-on-human-rights"),
    pytest.param("A/RES/75/324", "GA", [], id="printed-resolution-is-not-a-document"),
]


@pytest.mark.parametrize("text, organ, expected", DOCUMENT_CASES)
def test_document_references(text, organ, expected):
    assert docs(text, organ) == expected


# --------------------------------------------------------------------------------------
# Nothing to find

NEGATIVE_CASES = [
    pytest.param("United Nations, Treaty Series, vol. 2562, No. 45696.", id="treaty-series"),
    pytest.param("Ibid., vol. 2624, No. 46745.", id="ibid-treaty"),
    pytest.param("Cooperation between the United Nations and the Black Sea Economic Cooperation Organization "
                 "20-15849 2/6", id="page-and-job-number"),
    pytest.param("in particular paragraphs 1 to 10 of the annex thereto on the agreed criteria for the "
                 "proclamation of international years, as well as paragraphs 13 and 14,", id="paragraphs"),
    pytest.param("Requests the Secretary-General to take into account paragraphs 8 and 9 of the present "
                 "resolution,", id="paragraph-list"),
    pytest.param("the Sustainable Development Goals on transport, including Goals 9 and 17,", id="goals"),
    pytest.param("Resolution adopted by the General Assembly on 9 September 2021", id="heading"),
    pytest.param("Recalling its resolutions on the situation on the Middle East,", id="S_2023_970-vague"),
    pytest.param("Recalling also its previous resolutions on cooperation between the United Nations and the "
                 "Economic Cooperation Organization,", id="previous-resolutions"),
    pytest.param("Recalling also the decision of the Economic and Social Council of 20 May 1971 to extend a "
                 "standing invitation to the OECD", id="A_RES_77_21-decision-of"),
    pytest.param("Also declares that the Israeli decision of 14 December 1981 to impose its laws",
                 id="A_80_L.12-decision-of-date"),
    pytest.param("with a view to the empowerment of women in decision-making at all levels", id="decision-making"),
    pytest.param("the Joint Statement of the Leaders of the Five Nuclear-Weapon States issued on January 3, 2022,",
                 id="S_2024_302-us-date"),
    pytest.param("held in Rabat from 3 to 5 July 2018,", id="date-range"),
    pytest.param("Recalling the Articles of the Charter of the United Nations, 1 August 2013–31 July 2014",
                 id="date-span"),
    pytest.param("including the agreement to continue cooperation in conflict prevention and resolution, "
                 "mediation, peacekeeping and peacebuilding", id="conflict-resolution"),
    pytest.param("Noting further the adoption by the Council of Foreign Ministers, at its forty-fifth and "
                 "forty-sixth sessions, of resolutions on strengthening the mediation capacity", id="oic-vague"),
    pytest.param("the Quartet in its statement of 21 September 2010,", id="its-statement"),
    pytest.param("See A/B and and/or, the S/he form, 24/7 service", id="slashes"),
]


@pytest.mark.parametrize("text", NEGATIVE_CASES)
def test_nothing_found(text):
    assert find_references(text, "GA") == ([], [])


# --------------------------------------------------------------------------------------
# Spans, organs and types


def _all_texts():
    for table, cases in (("res", RESOLUTION_CASES), ("doc", DOCUMENT_CASES)):
        for case in cases:
            yield pytest.param(case.values[0], case.values[1], id=f"{table}-{case.id}")


@pytest.mark.parametrize("text, organ", list(_all_texts()))
def test_spans_point_at_the_reference(text, organ):
    resolutions, documents = find_references(text, organ)
    for ref in [*resolutions, *documents]:
        assert ref.span.start < ref.span.end
        assert ref.span.of(text) == ref.text
        printed = normalize(ref.text)
        for number in re.findall(r"\d+", ref.symbol.removeprefix("E/CN.4/")):
            assert number in printed, (ref.symbol, ref.text)
        if isinstance(ref, ResolutionRef) and ref.adopted is not None:
            # its own date, or the one printed after the last number of its list
            assert printed.endswith(str(ref.adopted.year)) or str(ref.adopted.year) in text[ref.span.end:]
    for found in (resolutions, documents):
        assert [r.span.start for r in found] == sorted(r.span.start for r in found)


def test_span_is_number_with_its_date():
    text = "Recalling its resolution 48/2 of 13 October 1993, by which it granted observer status"
    (ref,), docs_ = find_references(text)
    assert docs_ == []
    assert ref == ResolutionRef("A/RES/48/2", "GA", date(1993, 10, 13), ref.span, "48/2 of 13 October 1993")
    assert ref.span.start == text.index("48/2")


def test_list_spans_do_not_overlap():
    resolutions, _ = find_references(OIC_LIST)
    assert [r.text for r in resolutions[:2]] == ["37/4 of 22 October 1982", "38/4 of 28 October 1983"]
    for a, b in zip(resolutions, resolutions[1:]):
        assert a.span.end <= b.span.start


def test_cyrillic_letter_kept_in_text_but_not_in_symbol():
    (ref, _), _ = find_references("Recalling its resolutions 75/257 В of 7 July 2021 and 77/299 of 26 June 2023,")
    assert ref.symbol == "A/RES/75/257B"
    assert ref.text == "75/257 В of 7 July 2021"


def test_organs():
    text = ("Recalling General Assembly resolution 70/1, Security Council resolution 2250 (2015), Human Rights "
            "Council resolution 16/18 and Economic and Social Council resolution 1996/31,")
    assert [r.organ for r in find_references(text)[0]] == ["GA", "SC", "HRC", "ECOSOC"]


def test_decision_is_a_document_not_a_resolution():
    resolutions, documents = find_references("decision 75/543")
    assert resolutions == []
    assert documents == [DocumentRef("A/DEC/75/543", "decision", documents[0].span, "75/543")]


@pytest.mark.parametrize("organ", ["GA", "ga", None, "XYZ"])
def test_unknown_or_missing_organ_means_general_assembly(organ):
    assert refs("Recalling its resolution 16/18,", organ) == [("A/RES/16/18", None)]


def test_organ_enum_accepted():
    from ungraph.model import Organ

    assert refs("Recalling its resolution 16/18,", Organ.HRC) == [("A/HRC/RES/16/18", None)]


def test_every_occurrence_is_returned():
    text = "Reaffirms resolution 70/1 and recalls resolution 70/1 of 25 September 2015;"
    assert refs(text) == [("A/RES/70/1", None), ("A/RES/70/1", "2015-09-25")]


def test_invalid_date_is_not_attached():
    assert refs("resolution 70/1 of 31 February 2015") == [("A/RES/70/1", None)]


@pytest.mark.parametrize("symbol, kind", [
    ("A/75/345-S/2020/898", "report"), ("A/67/581", "report"), ("A/66/53", "report"),
    ("S/2023/962", "report"), ("S/INF/69", "document"), ("S/PV.7813", "meeting_record"),
    ("A/75/PV.12", "meeting_record"), ("S/PRST/2013/16", "presidential_statement"),
    ("A/75/L.131", "draft"), ("A/75/L.131/Add.1", "draft"), ("A/C.3/75/L.12", "draft"),
    ("A/DEC/75/543", "decision"), ("GC(67)/RES/10", "document"), ("GC(67)/DEC/9", "document"),
    ("A/CONF.232/2023/4", "document"),
])
def test_document_kind(symbol, kind):
    assert document_kind(symbol) == kind


# --------------------------------------------------------------------------------------
# Linear time: a 1 MB paragraph of worst-case material must not hang.

HUGE = {
    "triggers": "resolution " * 100_000,
    "list": "its resolutions " + ", ".join(["70/1 of 1 January 2000"] * 40_000),
    "titles": "its resolutions " + ", ".join(["70/1 of 1 January 2000 on peace and a, b, c"] * 20_000),
    "no-continuation": "its resolutions 70/1 of 1 January 2000 on " + "x, " * 300_000,
    "slashes": "A/" * 500_000,
    "long-symbol": "A/75" + "/1" * 500_000 + ")" * 1_000,
    "parens": "resolution 1 (" * 80_000,
    "digits": "1/" * 500_000,
    "capitals": "Recalling General Assembly Council " * 30_000 + "resolution 70/1",
    "dates": "resolution 70/1 of 1 " * 50_000,
}


@pytest.mark.parametrize("name", list(HUGE))
def test_one_megabyte_paragraph_does_not_hang(name):
    text = HUGE[name]
    assert len(text) >= 900_000
    start = time.perf_counter()
    find_references(text)
    assert time.perf_counter() - start < 10
