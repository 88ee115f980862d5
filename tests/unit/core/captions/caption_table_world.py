# SPDX-License-Identifier: GPL-3.0-or-later
"""The caption table, second part: other agencies' and papers' caption shapes."""

from __future__ import annotations

from tests.unit.core.captions.caption_table import Row

WORLD_ROWS = [
    Row(
        (
            "FILE - This Oct. 2, 2012, file photo shows the exterior of Apple headquarters "
            "in Cupertino, Calif. (AP Photo/Paul Sakuma, File)"
        ),
        date="2012-10-02",
        city="Cupertino",
        region="California",
        cc="US",
        creator="Paul Sakuma",
        credit="AP",
        file_photo=True,
    ),
    Row(
        (
            "President Barack Obama speaks at the White House in Washington, Tuesday, April"
            " 15, 2025. (AP Photo/Evan Vucci)"
        ),
        date="2025-04-15",
        city="Washington",
        cc="US",
        creator="Evan Vucci",
        credit="AP",
        file_photo=False,
    ),
    Row(
        (
            "Demonstrators gather on April 1, 2015 outside the courthouse in Canton, Miss. "
            "(AP Photo/Rogelio V. Solis)"
        ),
        date="2015-04-01",
        city="Canton",
        region="Mississippi",
        cc="US",
        creator="Rogelio V. Solis",
        credit="AP",
    ),
    Row(
        (
            "Sen. Dick Durbin, D-Ill., speaks during a hearing on Capitol Hill in "
            "Washington, Wednesday, Jan. 10, 2018. (AP Photo/J. Scott Applewhite)"
        ),
        date="2018-01-10",
        city="Washington",
        region="District of Columbia",
        cc="US",
        creator="J. Scott Applewhite",
    ),
    Row(
        (
            "John Smith, of Toledo, Ohio, cheers at a rally in Columbus, Ohio, Saturday, "
            "Sept. 8, 2012. (AP Photo/Jay LaPrete)"
        ),
        date="2012-09-08",
        city="Columbus",
        region="Ohio",
        cc="US",
        creator="Jay LaPrete",
    ),
    Row(
        "Toledo, Ohio, resident Jane Doe waves in Detroit on Aug. 3, 2014.",
        date="2014-08-03",
        city="Detroit",
        region="Michigan",
        cc="US",
        creator=None,
        credit=None,
    ),
    Row(
        ("In this Feb. 3, 2016 photo, a man walks past a mural in Havana, Cuba. (AP Photo, File)"),
        date="2016-02-03",
        city="Havana",
        cc="CU",
        creator=None,
        credit="AP",
        file_photo=True,
    ),
    Row(
        (
            "Survivors mark the anniversary of the March 11, 2011 tsunami in Ishinomaki, "
            "Japan, Friday, March 11, 2016. (AP Photo/Eugene Hoshiko)"
        ),
        date="2016-03-11",
        city="Ishinomaki",
        cc="JP",
        creator="Eugene Hoshiko",
    ),
    Row(
        "Fans cheer in Atlanta, Ga., on Dec. 5, 2015. (AP Photo/John Bazemore)",
        date="2015-12-05",
        city="Atlanta",
        region="Georgia",
        cc="US",
    ),
    Row(
        "Fans cheer in Atlanta, Georgia, on Dec. 5, 2015.",
        date="2015-12-05",
        city="Atlanta",
        cc="US",
    ),
    Row(
        "People walk in Tbilisi, Georgia, Nov. 2, 2019.",
        date="2019-11-02",
        city="Tbilisi",
        cc="GE",
    ),
    Row(
        "Shoppers walk past stores in Canton, MS, on Aug. 1, 2019.",
        date="2019-08-01",
        city="Canton",
        region="Mississippi",
        cc="US",
    ),
    Row(
        (
            "A firefighter works near Paradise, Calif., Thursday, Nov. 8, 2018, at 4:30 "
            "p.m. (AP Photo/Noah Berger)"
        ),
        date="2018-11-08T16:30:00",
        city="Paradise",
        cc="US",
        creator="Noah Berger",
    ),
    Row(
        (
            "Workers clean up in Brooklyn, N.Y., Monday, Oct. 29, 2012. The storm hit on "
            "Sunday, Oct. 28, 2012. (AP Photo/Seth Wenig)"
        ),
        date="2012-10-29",
        city="Brooklyn",
        region="New York",
        cc="US",
        creator="Seth Wenig",
    ),
    Row(
        (
            "Police stand guard Tuesday, April 15 outside the stadium in Boston. (AP "
            "Photo/Charles Krupa)"
        ),
        date=None,
        city="Boston",
        cc="US",
        creator="Charles Krupa",
        warn="without a year",
    ),
    Row(
        "A man waits in line on Feb. 30, 2015 in Denver. (AP Photo/David Zalubowski)",
        date=None,
        city="Denver",
        cc="US",
        warn="does not exist",
    ),
    Row(
        "Protesters march in Paris, France, May 1, 2019. REUTERS/Benoit Tessier",
        date="2019-05-01",
        city="Paris",
        cc="FR",
        creator="Benoit Tessier",
        credit="Reuters",
        file_photo=False,
    ),
    Row(
        "A soldier keeps watch in Kabul, Afghanistan on Tuesday. REUTERS/Omar Sobhani",
        date=None,
        city="Kabul",
        cc="AF",
        creator="Omar Sobhani",
        credit="Reuters",
    ),
    Row(
        (
            "A general view of the city in Kabul, Afghanistan, 30 March 2015. REUTERS/Omar "
            "Sobhani/File Photo"
        ),
        date="2015-03-30",
        city="Kabul",
        cc="AF",
        creator="Omar Sobhani",
        credit="Reuters",
        file_photo=True,
    ),
    Row(
        (
            "Traders work on the floor of the New York Stock Exchange in New York, U.S., "
            "March 30, 2015. REUTERS/Lucas Jackson TPX IMAGES OF THE DAY"
        ),
        date="2015-03-30",
        city="New York",
        cc="US",
        creator="Lucas Jackson",
        credit="Reuters",
    ),
    Row(
        (
            "FILE PHOTO: A man walks past a logo in London, Britain, June 4, 2018. "
            "REUTERS/Toby Melville/File Photo"
        ),
        date="2018-06-04",
        city="London",
        cc="GB",
        creator="Toby Melville",
        file_photo=True,
    ),
    Row(
        (
            "A ferry leaves port in Helsinki, Finland, 30 March 2015. Lehtikuva/Heikki "
            "Saukkomaa via REUTERS"
        ),
        date="2015-03-30",
        city="Helsinki",
        cc="FI",
        creator="Heikki Saukkomaa",
        credit="Lehtikuva via Reuters",
    ),
    Row(
        "Children play in a park in eastern Mosul, Iraq, Jan. 20, 2017. (credit:REUTERS)",
        date="2017-01-20",
        city="Mosul",
        cc="IQ",
        credit="REUTERS",
    ),
]
