// Never evaluated by slugwiki: a Docusaurus site is found by this file's name.
throw new Error('slugwiki must not run the site config')
