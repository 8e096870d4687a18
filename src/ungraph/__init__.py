"""ungraph: United Nations resolutions as a knowledge graph.

The pipeline, one module per step: ``read`` -> ``clean`` -> ``header`` / ``segment`` ->
``references``, ``bodies``, ``actions`` (via ``extract``) -> ``rdf`` -> ``validate`` ->
``analyze`` / ``export`` / ``query``.
"""
__version__ = "0.1.0"
