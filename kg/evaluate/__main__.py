"""``python -m kg.evaluate``: regenerate the seed gold file."""

from kg.evaluate import main

raise SystemExit(main())
