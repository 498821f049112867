/** The example datasets and their builder scripts, for the dataset tests. */
import { fileURLToPath } from "node:url";
import type { PlantedCluster } from "../../src/model/plant.js";
import type { DatasetMeta } from "../../src/io/dataset.js";
import * as taiwan from "../../datasets/taiwan-flowers/build.js";
import * as jepara from "../../datasets/jepara-furniture/build.js";
import * as thai from "../../datasets/thai-automotive/build.js";
import * as bangalore from "../../datasets/bangalore-software/build.js";
import * as sialkot from "../../datasets/sialkot-surgical/build.js";
import * as gamarra from "../../datasets/gamarra-garments/build.js";
import * as suame from "../../datasets/suame-magazine/build.js";
import * as fepach from "../../datasets/fepach-fruit-processing/build.js";

export interface CaseModule {
  SEED: number;
  build: () => { planted: PlantedCluster; meta: DatasetMeta };
}

export const CASES: Record<string, CaseModule> = {
  "taiwan-flowers": taiwan,
  "jepara-furniture": jepara,
  "thai-automotive": thai,
  "bangalore-software": bangalore,
  "sialkot-surgical": sialkot,
  "gamarra-garments": gamarra,
  "suame-magazine": suame,
  "fepach-fruit-processing": fepach,
};

export const REPO = fileURLToPath(new URL("../../", import.meta.url));
export const datasetDir = (name: string) => fileURLToPath(new URL(`../../datasets/${name}/`, import.meta.url));
