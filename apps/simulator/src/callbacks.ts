// Callback delivery: one ordered queue per corp (the delivery log doubles as the queue), sent
// concurrently across corps. Each delivery is encrypted and signed for real, POSTed, and retried
// when no 2xx comes back within the timeout; after the last retry it is marked failed and the
// queue moves on, so one dead receiver never blocks a corp forever.
import { encryptMessage } from '@siyu/wecom';
import type { CorpState } from './state.ts';
import type { EventFields, Sim } from './sim-context.ts';
import { envelopeXml, eventXml } from './callback-xml.ts';

export type CallbackDispatcher = {
  emit(corp: CorpState, event: string, changeType: string, fields: EventFields): void;
  /** Starts queues holding pending deliveries (after a restart). */
  resume(): void;
  stop(): Promise<void>;
};

export function createCallbackDispatcher(sim: Sim): CallbackDispatcher {
  const running = new Set<string>();
  const inflight = new Set<AbortController>();
  const done = new Set<Promise<void>>();
  let stopped = false;
  let wake: () => void = () => {};
  const stoppedSignal = new Promise<void>((r) => (wake = r));
  // A pause between attempts that stop() cuts short.
  const pause = (ms: number) => Promise.race([new Promise((r) => setTimeout(r, ms).unref()), stoppedSignal]);

  function trim(corp: CorpState) {
    const max = sim.limits.callbackLogSize;
    if (corp.callbacks.length <= max) return;
    let excess = corp.callbacks.length - max;
    corp.callbacks = corp.callbacks.filter((d) => {
      if (excess <= 0 || d.status === 'pending') return true;
      excess--;
      return false;
    });
  }

  async function attempt(corp: CorpState, xml: string): Promise<string | null> {
    const cfg = corp.callback;
    if (!cfg) return 'no callback URL set';
    // Transport timestamp is real time: receivers check freshness against their own clock.
    const env = encryptMessage({ token: cfg.token, encodingAESKey: cfg.encoding_aes_key, receiveId: corp.corpid }, xml);
    const url = new URL(cfg.url);
    url.searchParams.set('msg_signature', env.msgSignature);
    url.searchParams.set('timestamp', env.timestamp);
    url.searchParams.set('nonce', env.nonce);
    const ctl = new AbortController();
    inflight.add(ctl);
    const timer = setTimeout(() => ctl.abort(new Error(`no answer within ${sim.callbackTimeoutMs} ms`)), sim.callbackTimeoutMs);
    try {
      const agentid = String(corp.apps[0]?.agentid ?? '');
      const res = await fetch(url, {
        method: 'POST', body: envelopeXml(corp.corpid, env.encrypted, agentid),
        headers: { 'content-type': 'text/xml; charset=utf-8' }, signal: ctl.signal,
      });
      await res.arrayBuffer();
      return res.status >= 200 && res.status < 300 ? null : `HTTP ${res.status}`;
    } catch (err) {
      const reason = ctl.signal.aborted ? ctl.signal.reason : err;
      return reason instanceof Error ? reason.message : String(reason);
    } finally {
      clearTimeout(timer);
      inflight.delete(ctl);
    }
  }

  async function drain(corpid: string) {
    while (!stopped) {
      const corp = sim.state.corps[corpid];
      const d = corp?.callbacks.find((x) => x.status === 'pending');
      if (!corp || !d) return;
      if (!corp.callback) {
        // Like WeCom without a configured URL: the event is simply not delivered (no retries).
        d.status = 'failed';
        d.last_error = 'no callback URL set';
        trim(corp);
        sim.dirty();
        continue;
      }
      const error = await attempt(corp, d.xml);
      if (stopped) return; // an attempt cut short by stop() is not counted: it is retried after restart
      d.attempts++;
      if (error === null) {
        d.status = 'delivered';
        d.last_error = null;
      } else {
        d.last_error = error;
        if (d.attempts > sim.callbackRetries) d.status = 'failed';
        else await pause(Math.min(1000, 50 * d.attempts));
      }
      if (d.status !== 'pending') trim(corp);
      sim.dirty();
    }
  }

  function kick(corpid: string) {
    if (stopped || running.has(corpid)) return;
    running.add(corpid);
    const p = drain(corpid)
      .catch(() => undefined)
      .finally(() => {
        running.delete(corpid);
        done.delete(p);
        // An emit that raced with the loop's exit finds nothing running: look once more.
        if (!stopped && sim.state.corps[corpid]?.callbacks.some((x) => x.status === 'pending')) kick(corpid);
      });
    done.add(p);
  }

  return {
    emit(corp, event, changeType, fields) {
      const now = sim.now();
      const dropped = corp.drop_next > 0;
      if (dropped) corp.drop_next--;
      corp.callbacks.push({
        id: ++corp.callback_seq, event, change_type: changeType, xml: eventXml(corp.corpid, now, event, changeType, fields),
        created_at: now, attempts: 0, status: dropped ? 'dropped' : 'pending', last_error: null,
      });
      sim.dirty();
      if (dropped) trim(corp);
      else kick(corp.corpid);
    },
    resume() {
      for (const corp of Object.values(sim.state.corps)) if (corp.callbacks.some((d) => d.status === 'pending')) kick(corp.corpid);
    },
    async stop() {
      stopped = true;
      wake();
      for (const c of inflight) c.abort(new Error('simulator stopping'));
      await Promise.all([...done]);
    },
  };
}
