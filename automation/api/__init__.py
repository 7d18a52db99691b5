"""HTTP endpoints of the automation plugin, one module per endpoint, one error format for all."""
