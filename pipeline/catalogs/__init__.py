"""gettext catalogs: templates extracted from documents, PO files read and written, merged
like msgmerge, and the glossary."""
