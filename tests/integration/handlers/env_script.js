// A global handler receives env as its second argument too.
function handler(req, env) {
  return Response.text(env.GREETING + ', ' + process.env.NAME);
}
