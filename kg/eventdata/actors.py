"""Exact lookup of event-data actors among a store's actors, and the new actors an import creates.

Never fuzzy matching at this scale: a polkg id, a Wikidata id, a bare CAMEO country code (``BLR`` is the
country with that ISO 3166 code) or a name with the same key (:func:`kg.names.name_key`: case,
accents, punctuation and script aside) as a label or alias of an actor in the store; anything else
becomes a new, unreviewed actor (``Belarus GOV`` for GDELT's ``BLRGOV``, typed by its CAMEO role or
ICEWS sectors) whose IRI depends on its folded label alone, so every worker of an import names it alike.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from kg import countries
from kg.eventdata.files import Party
from kg.names import fold, name_key, slug
from kg.store.base import Handle

__all__ = ["ActorLookup"]

# CAMEO actor role codes (the three letters after a country code) and the class each suggests.
_ROLES = {"GOV": "GovernmentBody", "LEG": "GovernmentBody", "JUD": "GovernmentBody", "ELI": "Group",
          "MIL": "Military", "COP": "PoliceForce", "SPY": "GovernmentBody", "OPP": "OppositionMovement",
          "PTY": "PoliticalParty", "MED": "MediaOutlet", "JRN": "MediaOutlet", "NGO": "NGO",
          "IGO": "IntergovernmentalOrganization", "REB": "Group", "INS": "Group", "SEP": "Group",
          "UAF": "Group", "CVL": "Group", "BUS": "Organization", "EDU": "Organization", "HLH": "Organization",
          "LAB": "Organization", "REF": "Group", "CRM": "Group", "AGR": "Group", "ENV": "Group", "MOD": "Group",
          "RAD": "Group", "REL": "Group", "HRI": "NGO", "MNC": "Organization", "SET": "Group", "IMG": "Group"}
_ICEWS_SECTORS = (("Police", "PoliceForce"), ("Military", "Military"), ("Media", "MediaOutlet"),
                  ("Political Part", "PoliticalParty"), ("Dissident", "OppositionMovement"),
                  ("Opposition", "OppositionMovement"), ("Government", "GovernmentBody"),
                  ("Executive", "GovernmentBody"), ("Legislative", "GovernmentBody"),
                  ("Judicial", "GovernmentBody"), ("NGO", "NGO"),
                  ("International Government", "IntergovernmentalOrganization"))


_ORGANISATION_WORDS = {"party", "ministry", "organization", "organisation", "union", "council", "army", "police",
                       "agency", "court", "parliament", "committee", "bank", "company", "association", "front",
                       "movement", "group", "forces", "force", "government", "office", "department", "commission",
                       "university", "church", "league", "congress", "assembly", "media", "news", "times", "post",
                       "state", "states", "nations", "fund", "corporation", "service", "services", "taliban"}


def _icews_class(party: Party) -> str | None:
    """The class of a new ICEWS actor: generic actors ("Police (India)") by their sectors, names with an
    organisation word ("Congress Party") as organisations, other names as people."""
    by_sector = next((cls for word, cls in _ICEWS_SECTORS if any(word in s for s in party.sectors)), None)
    if "(" in party.name or fold(party.name).startswith("unspecified"):
        return by_sector or "Group"
    if set(fold(party.name).split()) & _ORGANISATION_WORDS:
        return by_sector if by_sector not in (None, "GovernmentBody") or "government" in fold(party.name) \
            else "Organization"
    return "Person"


def _is_country(code: str) -> bool:
    return countries.by_code(code) is not None


class ActorLookup:
    """Exact lookup of dataset actors among the store's actors; new ones are created once.

    A name that several actors share matches none of them, unless exactly one of them is reviewed.
    """

    def __init__(self, handle: Handle):
        keys: dict[str, dict[bool, set[str]]] = {}
        for row in handle.query("SELECT ?entity ?key ?reviewed WHERE { ?entity pk:searchKey ?key . "
                            "OPTIONAL { ?entity pk:reviewed ?reviewed } "
                                "FILTER(STRSTARTS(STR(?entity), 'https://w3id.org/polkg/actor/')) }").rows:
            reviewed = row["reviewed"] is not False
            found = keys.setdefault(name_key(row["key"]), {True: set(), False: set()})
            found[reviewed].add(row["entity"].split(":", 1)[1])
        self.by_key: dict[str, str] = {}
        for key, found in keys.items():
            best = found[True] or found[False]
            if len(best) == 1:
                self.by_key[key] = next(iter(best))
        self.by_iso: dict[str, str] = {}
        for row in handle.query("SELECT ?entity ?iso WHERE { ?entity pk:iso3166Alpha3 ?iso }").rows:
            self.by_iso[row["iso"]] = row["entity"].split(":", 1)[1]
        self.things = {row["thing"].split(":", 1)[1] for row in handle.query(
            "SELECT ?thing WHERE { ?thing a ?c . "
            "FILTER(STRSTARTS(STR(?thing), 'https://w3id.org/polkg/node/')) }").rows}
        self.by_wikidata: dict[str, str] = {}
        self.ids: set[str] = set()
        for row in handle.query("SELECT ?entity ?q WHERE { ?entity a ?c . OPTIONAL { ?entity skos:exactMatch ?q } "
                                "FILTER(STRSTARTS(STR(?entity), 'https://w3id.org/polkg/actor/')) }").rows:
            ident = row["entity"].split(":", 1)[1]
            self.ids.add(ident)
            if row["q"] and row["q"].startswith("wd:"):
                self.by_wikidata[row["q"][3:]] = ident
        self.new: dict[str, Any] = {}

    def _country(self, alpha3: str = "", name: str = "") -> str | None:
        """The country with this ISO code or name: the store's, or a new one (see :mod:`kg.countries`)."""
        if alpha3 in self.by_iso:
            return self.by_iso[alpha3]
        found = countries.by_code(alpha3) if alpha3 else countries.by_name(name)
        if found is None:
            return None
        if found.alpha3 in self.by_iso:
            return self.by_iso[found.alpha3]
        actor = countries.country_actor(found)
        if actor.id in self.ids or actor.id in self.by_key.values() or actor.id in countries.shared_ids():
            actor = replace(actor, id=f"country-{found.alpha3.lower()}")  # the same whichever comes first
        self.new[actor.id] = actor
        self.by_iso[found.alpha3] = actor.id
        self.by_key.setdefault(name_key(actor.label), actor.id)
        return actor.id

    def find(self, party: Party, dataset: str) -> str:
        from kg.model import Actor

        code = party.code.upper()
        if party.ident and (party.ident in self.ids or party.ident in self.things):
            return party.ident
        if party.thing and party.ident and dataset == "plover":  # one of our things the store lacks
            from kg.model import Thing
            from kg.ontology import load_ontology

            thing_class = party.kind if party.kind in load_ontology().class_parents else "Occurrence"
            self.things.add(party.ident)
            self.new[party.ident] = Thing(party.ident, thing_class, party.name or party.ident,
                                          wikidata=party.wikidata or None)
            return party.ident
        if party.wikidata and party.wikidata in self.by_wikidata:
            return self.by_wikidata[party.wikidata]
        if len(code) == 3:
            country = self._country(alpha3=code)
            if country:
                return country
        key = name_key(party.name)
        role = code[3:6] if len(code) >= 6 and _is_country(code[:3]) else ""
        if key and key in self.by_key and not role:
            return self.by_key[key]
        if party.name and not role and (dataset != "icews" or party.name == party.country):
            # a name that is exactly a country's name is that country, whichever file or worker meets it first
            country = self._country(name=party.name)
            if country:
                return country
        name = party.name.title() if party.name.isupper() else party.name
        label = " ".join(part for part in (name, role) if part) or code
        if name_key(label) in self.by_key:
            return self.by_key[name_key(label)]
        ident = slug(f"{dataset} {fold(label)}")[:80] or f"{dataset}-unnamed"  # the same in every worker
        if ident not in self.new:
            kind = _ROLES.get(role) if role else None
            if dataset == "icews":
                kind = _icews_class(party)
            if dataset == "plover" and party.kind:
                from kg.ontology import load_ontology

                if party.kind in load_ontology().class_parents:
                    kind = party.kind
            country = self._country(alpha3=code[:3]) if dataset == "gdelt" and role else \
                self._country(name=party.country) if dataset == "icews" and party.country else None
            origin = f"Imported from {dataset.upper()}" + (f" (code {code})" if code else "")
            self.new[ident] = Actor(ident, kind or "Group", label, country=country, reviewed=False,
                                    description=origin)
            self.by_key[name_key(label)] = ident
        return ident


