"""The MkDocs integration: the plugin (plugin.py) and its options (config.py). Nothing
the pages need to be right lives here: the builder writes plain Markdown any renderer
of mkdocs.yml builds; the plugin runs the builder, prints the PDF and trims the
navigation of long generated sections."""
