// Echoes req.headers (ServerTest.HeadersAreLowerCasedAndJoined).
function handler(req) {
  return Response.json(req.headers);
}
