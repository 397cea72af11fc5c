"""Pure logic of the yearly monitoring cycle that the web app shows (no Django): the completeness rule of a
report per edition (``completeness``), field labels and form values in es-CL (``fields``), the codes of the
web forms and of the cycle's guards (``codes.CYCLE_CODES``). See ``docs/monitoring-cycle.md``."""
