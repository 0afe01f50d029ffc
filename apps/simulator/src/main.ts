// Runs the simulator as its own process:
//   node --import tsx apps/simulator/src/main.ts [--port 8090] [--host 127.0.0.1] [--state ./data/wecom-sim.json]
import { parseArgs } from 'node:util';
import { startSimulator } from './server.ts';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '8090' }, host: { type: 'string', default: '127.0.0.1' }, state: { type: 'string' }, log: { type: 'boolean', default: false } },
});
const sim = await startSimulator({ port: Number(values.port), host: values.host, stateFile: values.state, logger: values.log });
console.log(`WeCom simulator listening on ${sim.url}`);
const stop = () => {
  sim.stop().then(() => process.exit(0), () => process.exit(1));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
