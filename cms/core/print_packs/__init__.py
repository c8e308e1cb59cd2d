"""Print and offline packs: a page of a kind with a ``print_template`` as a typeset PDF.

Teachers in classrooms without devices ask for one download. A pack is made by WeasyPrint
in the background (``tasks.build_print_pack``) the first time someone asks for it, kept in
the media storage under the page's live revision, and made again after the next publish
(the old file is removed then). docs/print-packs.md.
"""
