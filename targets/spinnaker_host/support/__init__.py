"""C sources of the spinnaker-host target (package data: headers, engine, glue, step driver)."""
