/**
 * @fileoverview Shard 2 of 2 of the property tests (test/props/properties.ts): vitest runs the
 * shards in parallel, each with its own seed and half the cases of every property.
 */
import { properties } from "./properties.js";

properties(1);
