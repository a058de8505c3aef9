"""Event data in bulk: GDELT, ICEWS and PLOVER files to events in the store.

``kg.eventdata.files`` reads files into rows, ``kg.eventdata.actors`` looks their actors up, and
``kg.eventdata.importer`` writes rows as events into a store.
"""

from kg.eventdata.importer import ImportReport, import_events

__all__ = ["ImportReport", "import_events"]
