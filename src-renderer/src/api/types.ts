/**
 * The renderer's one window onto src-main: the API contract's types. Every page imports contract
 * types from here. Importing values from src-main would pull Node code into the page, so this is
 * `export type` only; values both sides need live in src-shared.
 */
export type * from '../../../src-main/api/contract';
