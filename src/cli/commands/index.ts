/** Every command, registered in the order `--help` lists them. Each module registers one command. */
import type { Command } from "commander";
import type { Context } from "../common.js";
import { registerValidate } from "./validate.js";
import { registerGatekeepers } from "./gatekeepers.js";

export type Register = (program: Command, ctx: Context) => void;

export const COMMANDS: Register[] = [registerValidate, registerGatekeepers];
