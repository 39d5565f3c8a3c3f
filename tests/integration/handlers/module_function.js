// `export default function`: a .js file that is a module because it exports.
export default async function (req) {
  await null;
  return Response.text('fn ' + req.path);
}
