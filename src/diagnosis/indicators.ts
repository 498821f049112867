/** The actor-level network indicators that attribute profiles and node-level regressions use (attributeProfile.ts). */
export const NODE_INDICATORS = ["outDegree", "inDegree", "externalIn", "gatekeeperScore", "brokerage", "constraint", "core"] as const;
export type NodeIndicator = (typeof NODE_INDICATORS)[number];
