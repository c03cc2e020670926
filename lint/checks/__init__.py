"""Built-in checks, one module per check id; `registry` finds them and plugins."""
