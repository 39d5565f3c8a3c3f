// Function objects: JSFunction (a bytecode closure), NativeFunction (a C++
// built-in) and BoundFunction (Function.prototype.bind).
#pragma once

#include <cstdint>
#include <vector>

#include "objects/call_info.h"
#include "objects/object.h"
#include "objects/value.h"

namespace kite::vm {

class Environment;
class FunctionTemplate;
class Shape;

// A closure: compiled code plus the environment it captured.
class JSFunction : public Object {
 public:
  JSFunction(Shape* shape, Value* inline_slots, std::uint32_t cap, FunctionTemplate* tmpl,
             Environment* env)
      : Object(shape, inline_slots, cap, ObjectClass::kFunction), tmpl(tmpl), env(env) {}
  FunctionTemplate* tmpl;
  Environment* env;
  Value home_object;  // for super property access in methods
  Value fields;       // class constructors: JSFunction initializing instance fields
};

class NativeFunction : public Object {
 public:
  NativeFunction(Shape* shape, Value* inline_slots, std::uint32_t cap, NativeFn fn)
      : Object(shape, inline_slots, cap, ObjectClass::kNativeFunction), fn(fn) {}
  NativeFn fn;
  Value data;  // per-function data (e.g. a Response helper's kind)
  bool is_constructor = false;
  // No frame in error.stack (Function.prototype.call & co., as in V8).
  bool hidden_in_stack = false;
};

class BoundFunction : public Object {
 public:
  BoundFunction(Shape* shape, Value* inline_slots, std::uint32_t cap)
      : Object(shape, inline_slots, cap, ObjectClass::kBoundFunction) {}
  Value target;
  Value bound_this;
  std::vector<Value> args;
};

}  // namespace kite::vm
