/** Every command, registered in the order `--help` lists them. Each module registers one command. */
import type { Command } from "commander";
import type { Context } from "../common.js";
import { registerValidate } from "./validate.js";
import { registerInfo } from "./info.js";
import { registerConvert } from "./convert.js";
import { registerGatekeepers } from "./gatekeepers.js";
import { registerCentrality } from "./centrality.js";
import { registerBrokerage } from "./brokerage.js";
import { registerHoles } from "./holes.js";
import { registerView } from "./view.js";
import { registerGroups } from "./groups.js";
import { registerFragmentation } from "./fragmentation.js";
import { registerReport } from "./report.js";
import { registerGenerate } from "./generate.js";
import { registerQap } from "./qap.js";
import { registerLayers } from "./layers.js";
import { registerProfile } from "./profile.js";
import { registerWaves } from "./waves.js";

export type Register = (program: Command, ctx: Context) => void;

export const COMMANDS: Register[] = [registerValidate, registerInfo, registerConvert, registerCentrality, registerBrokerage, registerHoles, registerGatekeepers, registerGroups, registerFragmentation, registerReport, registerWaves, registerLayers, registerQap, registerProfile, registerView, registerGenerate];
