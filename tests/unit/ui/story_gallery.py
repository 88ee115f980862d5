# SPDX-License-Identifier: GPL-3.0-or-later
# ruff: noqa: E501  (captions and paragraphs are kept whole, as published)
"""The "Fighting In Iraq" gallery built in code, so story-widget tests need no files.

Captions and article text are those of the bundled gallery; dates are what the
captions say (entry 6 claims "Sunday, March 31", but that day was a Tuesday).
"""

from __future__ import annotations

import datetime as dt

from gallery_app.core.models import (
    Article,
    ContextLink,
    Entry,
    Gallery,
    Location,
    Precision,
    TakenAt,
)

CAPTIONS: tuple[str, ...] = (
    "In this Monday, March 30, 2015 file photo Iraqi security forces launch a rocket against Islamic State extremist positions during clashes in Tikrit, 80 miles north of Baghdad, Iraq. (AP Photo/Khalid Mohammed, File)",
    "This Monday, March 30, 2015 file photo shows an injured Iraqi officer waiting for treatment on the front line during clashes with Islamic State extremists in Tikrit, 80 miles north of Baghdad, Iraq. (AP Photo/Khalid Mohammed, File)",
    "This Monday, March 30, 2015 file photo shows a member of the Iraqi security forces running to plant the national flag as they surround Tikrit during clashes to regain the city from Islamic State militants, 80 miles north of Baghdad, Iraq. (AP Photo/Khalid Mohammed, File)",
    "In this Thursday, April 2, 2015 file photo, Iraqi security forces deploy in Tikrit, 80 miles north of Baghdad, Iraq, a day after Iraqi security forces backed by Shiite militiamen took control of the city from Islamic State militants. (AP Photo/Khalid Mohammed, File)",
    "In this Monday, March 30, 2015 file photo, Iraqi security forces attack Islamic State extremists as they take up positions next to the bodies of Islamic State fighters in Tikrit, 80 miles north of Baghdad, Iraq. (AP Photo/Khalid Mohammed, File)",
    "In this Sunday, March 31, 2015 file photo, Iraqi security forces launch rockets against Islamic State extremist positions in Tikrit, 80 miles north of Baghdad, Iraq. (AP Photo/Khalid Mohammed, File)",
    "In this Friday, April 3, 2015 file photo, an Iraqi soldier plays his guitar atop his armored vehicle on the main road between Baghdad and Tikrit, 80 miles north of Baghdad, Iraq. (AP Photo/Khalid Mohammed, File)",
    "In this Monday, March 30, 2015 file photo, an Iraqi officer shouts orders as they attack Islamic State extremists Tikrit, 80 miles north of Baghdad, Iraq. (AP Photo/Khalid Mohammed, File)",
    "Iraqi security forces chant slogans against the Islamic State group after opening the main gate of their base that was closed for months in Tikrit, 80 miles north of Baghdad, Iraq, Friday, April 3, 2015. (AP Photo/Khalid Mohammed)",
    "Iraqi security forces celebrate as they drive on the main road between Baghdad and Tikrit, 80 miles north of Baghdad, Iraq, Friday, April 3, 2015. (AP Photo/Khalid Mohammed)",
    "Shiite militiamen celebrate at one of Saddam Hussein's palaces in Tikrit, 80 miles north of Baghdad, Iraq, Friday, April 3, 2015. (AP Photo/Khalid Mohammed)",
)

PARAGRAPHS: tuple[str, ...] = (
    "Iraqi Foreign Minister Ibrahim al-Jaafari said Friday that he would like more U.S.-led coalition airstrikes against the Islamic State in Iraq.",
    "“The frequency of the air force campaign goes up and down, and I hope that it will get higher frequency in the future,” al-Jaafari said during a discussion at the Council on Foreign Relations",
    '"The Iraqi military has been winning, which is a result of civil efforts, the Iraqi military efforts and the international coalition, which played a decisive role in supporting the Iraqi military," he said. "With the intertwining of these factors -- the Iraqi military and international coalition -- objectives could be achieved."',
    'Al-Jaafari added that Iraq needs military assistance from the coalition, but it has not and is not asking for ground troops. “It is true that we do need equipment, training, intelligence, air force coverage. But we do not need ground troops or ground bases from this country or that country."',
    "Not included in the U.S.-led coalition against ISIS is Russia, which has recently escalated its military presence in Syria, where ISIS has its stronghold. American officials have said it isn’t clear what Russia’s intentions in the region are. Nevertheless, Defense Secretary Ash Carter has cautioned Russia that it could exacerbate the Syrian conflict.",
    "“Regarding Russia playing a role in alleviating the crisis in Syria, we support all efforts to alleviate the crisis,” al-Jaafari said.",
    "Earlier this month, at least a dozen Russian planes flew over Iraq and Iran, delivering military equipment to Russia’s new air base in Syria. When asked why Iraq hasn’t closed its airspace to Russian planes, al-Jaafari gave a vague answer.",
    '“We did not violate any of our commitments towards the international community,” he said. “When one of the countries requested to help us outside the coalition, we did not reject the offer but we made it a condition that they coordinate with the coalition because we have a moral commitment to the coalition.” He added, “I have no knowledge of any Russian experts being in Iraq to coordinate with the Iraqi forces."',
    "Regarding Iraq’s policy towards Syrian President Bashar al Assad, who has killed thousands of his own civilians -- largely in areas held by rebels who oppose him, al-Jaafari said that Iraq has remained neutral because the people of Syria are “divided.” He compared this policy to Iraq’s handling of other divisive leaders in the region.",
    "“When the Tunisian people rejected President Ben Ali, we rejected him. And when the former Egyptian President Mubarak was rejected, we also rejected him. When the Libyan people rejected Gaddafi, we did the same.”",
    "“But now Syria is divided,” he said. “Part is with the Syrian President Assad, and part is against him. So we stood neutral. Not with or against.”",
    'Touching on the refugees from Syria, Iraq and other conflict zones flooding Europe, al-Jaafari asked the receiving nations to treat the refugees with respect. The refugees “are not failures," he said. "They did not flee their countries because of economic reasons. They have expertise. They have qualifications. They can be successful in different countries."',
)

DAYS: dict[int, tuple[int, int]] = {
    1: (3, 30),
    2: (3, 30),
    3: (3, 30),
    4: (4, 2),
    5: (3, 30),
    6: (3, 31),
    7: (4, 3),
    8: (3, 30),
    9: (4, 3),
    10: (4, 3),
    11: (4, 3),
}
RELATED: dict[int, tuple[int, ...]] = {
    1: (2, 1),
    2: (2,),
    3: (2, 1),
    4: (1,),
    5: (2,),
    6: (2,),
    7: (3,),
    8: (1,),
    9: (1, 2),
    10: (1,),
    11: (10,),
}

TIKRIT = Location(name="Tikrit, Iraq", city="Tikrit", country="Iraq", lat=34.6, lon=43.68)


def make_entry(number: int, caption: str | None = None) -> Entry:
    """Entry ``number`` (1-based) of the gallery."""
    month, day = DAYS[number]
    warnings: tuple[str, ...] = ()
    if number == 6:
        warnings = ("The caption says Sunday, but March 31, 2015 was a Tuesday.",)
    return Entry(
        id=f"photo-{number:02d}",
        position=number,
        caption=CAPTIONS[number - 1] if caption is None else caption,
        taken=TakenAt(
            dt.datetime(2015, month, day), Precision.DAY, "caption", uncertain=number == 6
        ),
        location=TIKRIT,
        creator="Khalid Mohammed",
        credit="ASSOCIATED PRESS",
        context=ContextLink(gallery_index=12, paragraphs=RELATED[number], reason="words shared"),
        warnings=warnings,
    )


def make_article(
    url: str | None = "https://www.huffpost.com/entry/iraq-foreign-minister",
) -> Article:
    return Article(
        headline="Iraqi FM Wants More Airstrikes Against ISIS, Supports Russia’s Role In Syria",
        standfirst="He says Iraq and the coalition are winning the war against ISIS and should ramp it up.",
        lead_credit="Anadolu Agency via Getty Images",
        paragraphs=PARAGRAPHS,
        url=url,
        gallery_title="Fighting In Iraq",
        gallery_index=12,
    )


def iraq_gallery(
    *, undated: int = 0, url: str | None = "https://www.huffpost.com/entry/iraq-foreign-minister"
) -> Gallery:
    """The 11 entries, plus ``undated`` extra entries with no date at all."""
    entries = [make_entry(n) for n in range(1, 12)]
    for k in range(undated):
        entries.append(Entry(id=f"undated-{k}", position=12 + k, caption=f"An undated photo {k}."))
    return Gallery(
        title="Fighting In Iraq",
        entries=tuple(entries),
        article=make_article(url),
        id="fighting-in-iraq",
    )
