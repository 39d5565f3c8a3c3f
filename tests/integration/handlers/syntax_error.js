function handler(req) {
  return Response.json({ ok: true }
}
