"""``python -m kg`` runs the command line."""

from kg.cli.app import main

main()
