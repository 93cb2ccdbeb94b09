"""The .pnet network language: generated ANTLR parser (PortasnnNet*.py, from grammars/PortasnnNet.g4),
the reader that builds the network IR, the model catalog and the checks shared with the Python builder."""
