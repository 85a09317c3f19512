"""Editing an opened campaign: texts and translations, reversible edits, saving and recovery (no Qt).

- `session.EditingSession(folder)`: opens a campaign folder (None: the built-in campaign) and
  holds its editable texts and translations in memory. `session.campaign` is a Campaign the
  pipeline renders, unsaved edits included. Queries: `text(key, language)`, `source(key)`,
  `state(key, language)`, `keys()`, `label_of(key)`; edits: `edit(key, language, text)`.
- `edits.Edit`: one reversible change (`apply()`, `revert()`, `label`, `merged(other)`), so the
  GUI's undo commands are thin wrappers.
- `slots.slot_keys(...)`: which editable texts a design's slots show.
- `saving`: campaign.yaml written with comments and key order kept (ruamel.yaml), PO files
  updated entry by entry, every write atomic.
- `recovery`: unsaved edits written to a recovery file in the user's data folder, read back
  on the next open, removed on save or discard.

A key is a text's id, the PO message context: "messages.respect-boundaries.headline".
Only words are editable: messages' headline, body and call to action, statements' text and
help contacts' descriptions. Figures, definitions and sources are locked facts.
"""
