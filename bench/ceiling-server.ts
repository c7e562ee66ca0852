// The ceiling: a bare Fastify route, no plugins or hooks, serving exactly the bytes of the public list.
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

const body = readFileSync(process.env.CEILING_BODY_FILE ?? '', 'utf8');
const app = Fastify({ logger: false });
app.get('/api/v1/municipalities/helmond/neighbourhoods', async (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('ready\n');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
