"""The experiments app's models: page experiments (cms/experiments/pages/models.py)."""

from cms.experiments.pages.models import (  # noqa: F401 - Django finds models through this module
    PageExperiment,
    PageExperimentVersion,
    PageView,
)
