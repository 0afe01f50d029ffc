// Two kinds of failure. WecomError is an answer of the WeCom API (HTTP 200, errcode/errmsg).
// SimError is a refusal of the scenario API (/sim/*), which is plain REST with HTTP statuses.
export class WecomError extends Error {
  constructor(readonly errcode: number, message: string) {
    super(message);
    this.name = 'WecomError';
  }
}

export class SimError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
    this.name = 'SimError';
  }
}

export const wecomError = (errcode: number, message: string) => new WecomError(errcode, message);
export const badRequest = (message: string) => new SimError(400, message);
export const notFound = (message: string) => new SimError(404, message);

// The generic "invalid parameter" answer (40058): what WeCom gives for a missing required field,
// an over-long value or too many array items when no dedicated errcode exists.
export const invalidParam = (message: string) => new WecomError(40058, `invalid parameter: ${message}`);
