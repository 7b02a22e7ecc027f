"""The promise: models (``model``), scalar types (``types``), filters (``filters``),
and the located loader (``load``). Import from the submodules: the rule kinds need
``types`` and ``filters`` before ``model`` can build the rule union."""
