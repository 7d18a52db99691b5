"""Statistics for experiments, in pure Python (no Django): tallies in, a decision out.

Why a sequential test: editors look at results whenever they like. A fixed-sample test
(chi-squared) looked at after every hundred recipients declares a false winner in a third
of A/A experiments; the mixture sequential probability ratio test (mSPRT, Johari et al.,
"Always valid inference", 2017) gives p-values and intervals that stay valid at every look.
"""

from cms.experiments.statistics.comparison import ArmResult, Comparison, Decision, compare_arms
from cms.experiments.statistics.tallies import ArmTally

__all__ = ["ArmResult", "ArmTally", "Comparison", "Decision", "compare_arms"]
