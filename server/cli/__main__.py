"""`python -m dissertation_kg.server.cli` runs `dkg` (as the tests and the rebuild job do)."""
from dissertation_kg.server.cli import main

main()
