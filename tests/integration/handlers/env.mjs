// The handler's environment (kite serve --env, --env-file, --env-pass): the
// second argument of fetch and process.env are one object of strings; the
// top-level code sees it too.
const atLoad = process.env.A;

export default {
  fetch(req, env) {
    return Response.json({
      a: env.A,
      atLoad,
      same: env === process.env,
      file: env.FROM_FILE,
      quoted: env.QUOTED,
      passed: env.KITE_TEST_PASS ?? null,
      home: env.HOME ?? null,
      keys: Object.keys(env).length,
    });
  },
};
