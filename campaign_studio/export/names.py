"""The export's output kinds and path placeholders: what `export --help` lists, with no imports of its own."""

# Output kind -> the file extension it writes.
KINDS = {"png": "png", "pdf": "pdf", "print-pdf": "print.pdf", "alt": "alt.txt", "data": "data.csv"}
PLACEHOLDERS = ("edition", "lang", "template", "subject", "format", "ext", "kind")
