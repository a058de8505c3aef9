"""Run the command-line interface from a checkout: ``python cli.py ...`` is ``kg ...``."""
from kg.cli import main

main()
