"""Actors and places in a parsed article: names, titles and role words matched against the
knowledge base (`index.ActorIndex`, assembled from the knowledge-base pass in `scan`, noun
phrase → actors in `phrases`, and the subjects and speakers of verbs in `subjects`), office
holders and surnames (`people`), pronouns and anaphors resolved to earlier mentions (`coref`),
places placed (`places`), and the shared mention types (`base`). Knows nothing of events or
quotes."""
