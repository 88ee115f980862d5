# SPDX-License-Identifier: GPL-3.0-or-later
"""Article texts and builders shared by the importer's tests (a trimmed saved article, one
with no gallery, a gallery of given items)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

SEED = Path("/work/shared/seeds/000_434daab715aed8b6.txt")

# A trimmed copy of a saved HuffPost article, in the seed's layout.
TRIMMED = """\
Iraqi FM Wants More Airstrikes Against ISIS, Supports Russia’s Role In Syria

He says Iraq and the coalition are winning the war against ISIS and should ramp it up.
|
Open Image Modal
Anadolu Agency via Getty Images

Iraqi Foreign Minister Ibrahim al-Jaafari said Friday that he would like more U.S.-led \
coalition airstrikes against the Islamic State in Iraq.

"The Iraqi military has been winning,"   he said.   "The Iraqi military and international \
coalition played a decisive role."

Earlier this month, at least a dozen Russian planes flew over Iraq and Iran, delivering \
military equipment to Russia’s new air base in Syria.

Touching on the refugees from Syria, Iraq and other conflict zones flooding Europe, \
al-Jaafari asked the receiving nations to treat the refugees with respect.

Fighting In Iraq
(01 of3)
Open Image Modal
In this Monday, March 30, 2015 file photo Iraqi security forces launch a rocket against \
Islamic State extremist positions during clashes in Tikrit, 80 miles north of Baghdad, Iraq. \
(AP Photo/Khalid Mohammed, File) (credit:ASSOCIATED PRESS)
(2 of 3)
Open Image Modal
In this Friday, April 3, 2015 file photo, an Iraqi soldier plays his guitar atop his armored \
vehicle on the main road between Baghdad and Tikrit. (AP Photo/Khalid Mohammed, File) \
(credit:ASSOCIATED PRESS)
(03 of 3)
Open Image Modal
Shiite militiamen celebrate at one of Saddam Hussein's palaces in Tikrit, 80 miles north of \
Baghdad, Iraq, Friday, April 3, 2015. (AP Photo/Khalid Mohammed) (credit:ASSOCIATED PRESS)

Our 2024 Coverage Needs You

As Americans head to the polls in 2024, the very future of our country is at stake.

to keep our news free for all.

Support HuffPost
"""

NO_GALLERY = """\
Council Approves New Bridge

The vote ends a decade of debate.

The city council voted 7-2 on Tuesday to build a new bridge over the river.

Construction is due to start next spring, the mayor said.
"""


def no_fields(text: str) -> SimpleNamespace:
    """A caption reader that finds nothing, so a test sees the article's own fields."""
    return SimpleNamespace(
        taken=None, location=None, creator=None, credit=None, file_photo=False, warnings=()
    )


def gallery_text(items: str, *, before: str = "First paragraph here.", after: str = "") -> str:
    return f"Headline\n\n{before}\n\nThe Gallery\n{items}\n\n{after}\n"


def item_text(counter: str, caption: str) -> str:
    return f"{counter}\nOpen Image Modal\n{caption} (credit:AP)"
