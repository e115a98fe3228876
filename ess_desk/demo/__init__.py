"""The demonstration council: a realistic French Conseil de l'ESS, the same for the same seed.

`fill_demo` plans the council part by part (organisations, bodies, the plenary's mandatures with
their bureau and commissions, working groups, guests and secretariat, contacts, archives) and
writes through a sink: the small demo goes through the service functions one by one, the large
one is written in bulk (executemany, with its audit rows) after the same rules were kept while
planning. Then a year (small) or ten years (large) of meetings of every body with agendas,
notices, attendance, proxies and votes; minutes for every meeting held, most approved at the
next one; and the actions decided, reviewed at later meetings. History is anchored to fixed
dates, never to today's.

The package, one module per part of the council: `profiles` (the sizes), `state` (the sinks
and what is kept while planning), `fill` (the parts in order), `organisations`, `people`,
`bodies` (bodies, mandatures, working groups, guests, contacts, archives), `meetings`,
`sittings` (attendance, votes, the law shown), `minutes`, `approvals` (the large demo's
approvals of minutes, in bulk), `follow_up` (the actions).
"""

from ess_desk.demo.bodies import mandature_bounds
from ess_desk.demo.fill import Progress, fill_demo, fill_profile
from ess_desk.demo.organisations import make_siret
from ess_desk.demo.profiles import HUGE, LARGE, PROFILES, SMALL, CollegeSpec, Profile

__all__ = [
    "HUGE",
    "LARGE",
    "PROFILES",
    "SMALL",
    "CollegeSpec",
    "Profile",
    "Progress",
    "fill_demo",
    "fill_profile",
    "make_siret",
    "mandature_bounds",
]
