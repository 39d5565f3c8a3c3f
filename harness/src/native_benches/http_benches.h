// Native benches of the hot runtime paths (docs/harness.md): the HTTP
// parser, the response writer and the whole handler binding without a
// socket. Registered into kite-microbench as native/*.
#pragma once

void kite_register_http_benches();
