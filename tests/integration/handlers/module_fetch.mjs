// A Workers/Bun/Deno-style module handler: `export default { fetch }`,
// importing a helper module and awaiting at top level.
import { greet, started } from './module_lib.mjs';

const config = await Promise.resolve({ prefix: 'Hello' });

export default {
  prefix: config.prefix,
  fetch(req) {
    if (req.path === '/this') return Response.json({ prefix: this.prefix, started });
    return Response.json({ greeting: greet(this.prefix, req.path.slice(1)) });
  },
};
