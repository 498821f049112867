/**
 * The null hypotheses of the MRQAP permutation test (mrqap.ts; R sna netlm/netlogit `nullhyp`): qapspp
 * (Dekker semi-partialling, sna's default), qap (the same), qapy, qapx, qapallx, classical.
 */
export const NULL_HYPOTHESES = ["qapspp", "qap", "qapy", "qapx", "qapallx", "classical"] as const;
export type NullHypothesis = (typeof NULL_HYPOTHESES)[number];
