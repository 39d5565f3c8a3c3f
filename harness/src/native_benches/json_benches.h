// Native benches of the engine's JSON paths (docs/harness.md): JSON.parse
// as req.json() calls it and the serializer behind Response.json, with no
// JS source in the timed loop. Registered into kite-microbench as
// native/json_*.
#pragma once

void kite_register_json_benches();
