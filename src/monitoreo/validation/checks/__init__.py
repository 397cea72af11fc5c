"""Built-in checks, one module per area; each declares its issue types and registers its checks."""
