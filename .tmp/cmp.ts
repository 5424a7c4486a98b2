import autocannon from 'autocannon';
import { freePort, startChild, type ChildServer } from '../bench/processes.js';
const headers = { 'accept-encoding': 'gzip, deflate, br, zstd', 'accept-language': 'en-US,en;q=0.9', 'sec-fetch-dest': 'iframe', 'sec-fetch-site': 'cross-site', 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36' };
async function cpu(s: ChildServer, url: string) {
  await autocannon({ url, headers, connections: 20, duration: 1 });
  const before = s.cpuMs();
  const r = await autocannon({ url, headers, connections: 20, duration: 4 });
  return ((s.cpuMs() - before) * 1000) / r.requests.total;
}
const entries = process.argv.slice(2);
const servers: [string, ChildServer][] = [];
for (const e of entries) { const port = await freePort(); servers.push([e, await startChild(e, { PORT: String(port), HOST: '127.0.0.1', OPTOUT_ALLOWED_ORIGINS: 'http://localhost:1' }, port, '/healthz')]); }
for (let round = 0; round < 2; round++) for (const [name, s] of servers) console.log(name, (await cpu(s, `${s.origin}/optout?showIntro=1`)).toFixed(1), 'µs/req');
for (const [, s] of servers) await s.stop();
