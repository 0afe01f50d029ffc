// Shapes shared by the server (validation, OpenAPI) and the console (types).
// One file per area; this index is the package's only door.
export * from './errors.ts';
export { englishOf } from './messages.ts';
export * from './auth.ts';
export * from './customers.ts';
export * from './tags.ts';
export * from './channel.ts';
export * from './commerce.ts';
export * from './call-lists.ts';
export * from './live-codes.ts';
export * from './attribution.ts';
