"""Built-in rules, one module per dimension (``targeting``, ``efficiency``, ``effectiveness``). They hold
logic only: every threshold and every sentence comes from the edition file. The engine loads these
modules by name through ``monitoreo.methodology.registry`` — exactly as a third-party plugin."""
