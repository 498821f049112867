/**
 * The cut-offs of the four verdicts of a diagnosis (diagnose.ts), each overridable (`report --threshold
 * name=value`). A module of its own so that the command line can name them without loading the diagnosis.
 */
export interface DiagnosisThresholds {
  /** fragmented: significance level of the E-I (or modularity) test. */
  alpha: number;
  /** fragmented: between-group density at most this share of the within-group density. */
  maxDensityRatio: number;
  /** fragmented: groups smaller than this are not counted as groups. */
  minGroupSize: number;
  /** closed: share of ties entering inside actors that come from outside, at most. */
  maxInflowShare: number;
  /** closed: share of inside actors reached by outside knowledge within two steps, at most. */
  maxOutsideReach: number;
  /** closed: ties entering inside actors needed to judge. */
  minTiesForClosed: number;
  /** hub-and-spoke: share of all ties touching the hubs, at least. */
  minHubShare: number;
  /** hub-and-spoke: at most this many hubs … */
  maxHubs: number;
  /** … and at most this share of all actors. */
  maxHubFraction: number;
  /** hub-and-spoke: actors needed to judge. */
  minActorsForHub: number;
  /** hub-and-spoke: partners each hub needs at least. */
  minHubDegree: number;
  /** gatekeeper-dependent: share of the outside inflow received by the top one or two actors, at least. */
  minTopReceiverShare: number;
  /** gatekeeper-dependent: ties from outside needed to judge. */
  minInflowTies: number;
  /** gatekeeper-dependent: inside actors needed to judge. */
  minInsideActors: number;
}

export const DEFAULT_THRESHOLDS: DiagnosisThresholds = {
  alpha: 0.05,
  maxDensityRatio: 0.25,
  minGroupSize: 2,
  maxInflowShare: 0.1,
  maxOutsideReach: 0.25,
  minTiesForClosed: 5,
  minHubShare: 0.6,
  maxHubs: 3,
  maxHubFraction: 0.2,
  minActorsForHub: 5,
  minHubDegree: 3,
  minTopReceiverShare: 0.75,
  minInflowTies: 3,
  minInsideActors: 6,
};
