// The bindings one handler's engine carries: the Host's embedder data
// points at them, so native functions (Response's statics, Request's
// getters) reach their binding's state.
#pragma once

#include "handler/request.h"
#include "handler/response.h"

namespace kite::runtime {

struct Bindings {
  RequestBinding request;
  ResponseBinding response;
};

}  // namespace kite::runtime
