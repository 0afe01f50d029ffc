// The shape of one WeCom API endpoint in the simulator.
import type { Params } from './params.ts';
import type { Sim } from './sim-context.ts';
import type { CorpState } from './state.ts';

export type ApiCtx = {
  sim: Sim;
  corp: CorpState;
  agentid: number; // the app whose token made the call (tag and template ownership)
  p: Params; // the JSON body for POST endpoints, the query string for GET ones
  query: Params;
  ip: string;
  upload?: { body: Buffer; contentType: string }; // multipart endpoints
};

export type ApiResult = Record<string, unknown>;

export type ApiRoute = {
  path: string;
  method: 'GET' | 'POST';
  handler: (ctx: ApiCtx) => ApiResult | Promise<ApiResult>;
  reads?: boolean; // pure reads do not mark the state dirty
};
