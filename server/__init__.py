"""Build, store and publish the dissertation knowledge graph."""
