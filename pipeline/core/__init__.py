"""What every stage shares: the intermediate representation (:mod:`.document`), our errors,
languages, script tables, text files and the project's settings and layout."""
