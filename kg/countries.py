"""Countries: ISO 3166 codes and names from pycountry, in one place.

Curated countries get their codes here, the extraction resolver and the event-data importer find the
countries that names and codes mean, and a country the registry lacks becomes a new, unreviewed actor
labelled by its common name (never a comma form such as "Congo, The Democratic Republic of the").

Examples
--------
>>> by_name("Belarus").alpha3, by_code("POL").label
('BLR', 'Poland')
>>> by_code("COD").label, "congo" in shared_ids()      # both Congos would be "congo"
('Congo', True)
>>> by_name("Atlantis") is None
True
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from kg.model import Actor, IsoCodes
from kg.names import slug

__all__ = ["Country", "by_code", "by_name", "country_actor", "shared_ids"]


@dataclass(frozen=True)
class Country:
    """One ISO 3166 country: its codes, its ISO name and the name a reader knows it by (``label``)."""

    alpha2: str
    alpha3: str
    numeric: str
    label: str
    name: str

    @property
    def iso(self) -> IsoCodes:
        """Its ISO 3166 codes."""
        return IsoCodes(self.alpha2, self.alpha3, self.numeric)


def _country(found: object) -> Country:
    label = getattr(found, "common_name", None) or getattr(found, "name")  # noqa: B009
    if "," in label:  # "Palestine, State of", "Congo, The Democratic Republic of the"
        official = getattr(found, "official_name", None)
        label = official.removeprefix("the ") if official else label.split(",")[0]
    return Country(getattr(found, "alpha_2"), getattr(found, "alpha_3"), getattr(found, "numeric"),  # noqa: B009
                   label, getattr(found, "name"))  # noqa: B009


@functools.lru_cache(maxsize=1 << 16)
def by_name(name: str) -> Country | None:
    """The country whose ISO name, official name or code is exactly ``name`` (case aside), or None.
    Cached: pycountry's lookup scans every country."""
    import pycountry

    try:
        return _country(pycountry.countries.lookup(name))
    except LookupError:
        return None


@functools.lru_cache(maxsize=1024)
def by_code(alpha3: str) -> Country | None:
    """The country with ISO 3166 alpha-3 code ``alpha3``, or None."""
    import pycountry

    found = pycountry.countries.get(alpha_3=alpha3.upper())
    return _country(found) if found is not None else None


def country_actor(country: Country, *, alias: str | None = None) -> Actor:
    """A new, unreviewed actor for ``country``, labelled by its common name, with its ISO 3166 codes."""
    return Actor(slug(country.label), "Country", country.label,
                 aliases=((alias, "en"),) if alias and alias != country.label else (),
                 iso=country.iso, reviewed=False)


@functools.lru_cache(maxsize=1)
def shared_ids() -> frozenset[str]:
    """Actor ids that several countries would get from their names (both Congos are ``congo``)."""
    import pycountry

    seen: dict[str, int] = {}
    for found in pycountry.countries:
        ident = slug(_country(found).label)
        seen[ident] = seen.get(ident, 0) + 1
    return frozenset(ident for ident, count in seen.items() if count > 1)
