# SPDX-License-Identifier: GPL-3.0-or-later
"""A folder's entries ready to print: what ``gallery-cli list --json`` writes, kept per file.

Opening a folder the catalog knows still built 10,000 entries, parsed 10,000
captions for the checks and turned every entry into JSON again.  Here each
photo's finished entry — its metadata, its sidecar's record of corrections,
the checks' sentences among its warnings — is stored beside its catalog row
as the JSON object it prints as (``ready``), keyed like the row (size and the
later mtime of photo and sidecar) plus the version of what made it.

Flow: ``folder.list_folder`` lists the files, stats each, takes the stored
ready entries that are still fresh and builds the others (``ready.build``:
in the reader processes when there are many, each file read once or taken
from its catalog row), stores what it built; ``output`` numbers them in time
order, sorts them as asked and joins the stored JSON.  Only the id (relative
to the folder listed) and the position are spliced in at print time.
"""
