"""Django project of the monitoreo public portal. It imports the core (``monitoreo``); never the reverse."""
