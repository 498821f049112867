/**
 * clusterflow — the library. Everything the CLI does is one function call away.
 *
 *   import { readInput, gatekeepers } from "clusterflow";
 */
export * from "./model/types.js";
export * from "./model/graph.js";
export * from "./model/tieType.js";
export * from "./model/views.js";
export * from "./model/random.js";
export { AnalysisRefused } from "./model/errors.js";
export * from "./io/report.js";
export * from "./io/format.js";
export * from "./io/csv.js";
export { parseTidy, writeTidy } from "./io/tidy.js";
export { FORMATS, formatByName, detectFormat } from "./io/formats.js";
export { readInput, loadInput, writeOutput, outputFormat, datasetLayout } from "./io/load.js";
export { parseMatrix, writeMatrix } from "./io/matrix.js";
export { parseRoster, writeRoster, addRosterAnswers, ActorResolver, splitNames } from "./io/roster.js";
export type { RosterAnswer, RosterNomination, RosterTieOptions, RosterSummary, SourceLocation } from "./io/roster.js";
export { parseJson, writeJson } from "./io/json.js";
export { density, reciprocity, dyadCensus } from "./metrics/cohesion.js";
export type { DensityOptions, ReciprocityOptions, DyadCensus } from "./metrics/cohesion.js";
export { weakComponents, strongComponents, componentMembers } from "./metrics/components.js";
export type { Components } from "./metrics/components.js";
export { networkOverview } from "./metrics/overview.js";
export type { NetworkOverview, CohesionFigures, RelationRespondents } from "./metrics/overview.js";
export { brokerage, brokerageOnDigraph, brokerageCounts, partitionLabelsOrRefuse, BROKERAGE_ROLES, SNA_BROKERAGE_COLUMNS } from "./metrics/brokerage.js";
export type { BrokerageOptions, BrokerageResult, BrokerageActor, BrokerageGroup, BrokerageRole, BrokerageRoles, BrokerageArrays } from "./metrics/brokerage.js";
export { externalOpenness, opennessOnDigraph } from "./metrics/openness.js";
export type { OpennessOptions, OpennessResult, ActorOpenness, ClusterOpenness } from "./metrics/openness.js";
export { cognitiveRoles, classifyCognitiveRole, COGNITIVE_ROLES, COGNITIVE_ROLE_LABELS } from "./diagnosis/roles.js";
export type { CognitiveRole, CognitiveRoleOptions, CognitiveRoleThresholds, CognitiveRolesResult, ActorCognitiveRole, SourceAbsorberPosition } from "./diagnosis/roles.js";
export { gatekeepers } from "./diagnosis/gatekeepers.js";
export { centrality, betweenness, closeness, pagerank, eigenvector, degrees, degreeCentralization } from "./metrics/centrality.js";
export type { CentralityOptions, CentralityResult, ActorCentrality, BetweennessOptions, ClosenessOptions, IterativeOptions, IterativeResult, PathWeights } from "./metrics/centrality.js";
export { structuralHoles, structuralHolesOnDigraph, constraint, effectiveSize } from "./metrics/structuralHoles.js";
export type { StructuralHolesOptions, StructuralHolesResult, ActorStructuralHoles, StructuralHolesArrays } from "./metrics/structuralHoles.js";
export type { GatekeeperOptions, GatekeeperRow, GatekeepersResult } from "./diagnosis/gatekeepers.js";
