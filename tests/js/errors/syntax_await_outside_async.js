console.log("never printed");
function handler(req) {
  const body = await req.text();
  return body;
}
