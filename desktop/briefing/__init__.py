"""The briefing sheet: what an officer prints before meeting a partner.

Imports no Qt, so it runs from the command line and in tests without a display:

- ``options``   BriefingOptions, what the officer chooses
- ``partner``   find_partner: the organization named by id, acronym or name
- ``gather``    the facts the sheet shows, read through db's queries into plain dataclasses
- ``words``     the sheet's wording in English and French, and its dates ("8 May 2018")
- ``fonts``     the bundled Unicode fonts, registered once; ``text`` sets any script in them
- ``styles``    the look; ``template`` the pages (header, footer, page N of M); ``sheet`` the layout
- ``render``    render_briefing(store, options, output) -> BriefingResult
"""

from desktop.briefing.options import SECTIONS, BriefingOptions
from desktop.briefing.partner import PartnerCandidate, PartnerNotFound, find_partner
from desktop.briefing.render import BriefingResult, render_briefing

__all__ = [
    "SECTIONS",
    "BriefingOptions",
    "BriefingResult",
    "PartnerCandidate",
    "PartnerNotFound",
    "find_partner",
    "render_briefing",
]
