// ProxyObject (ECMA-262 10.5): a target and a handler; every internal
// method asks the handler's trap first and checks the answer against the
// target's invariants (builtins/proxy.cpp). A revoked proxy has null in
// both. A proxy over a callable target is of class kCallableProxy (so
// is_callable() needs no second test), otherwise kProxy; either way
// Object::is_proxy() is true. Its shape is a dictionary shape with an empty
// dictionary, which no inline cache ever records, so the interpreter's
// fast paths always fall through to the VM's generic operations.
#pragma once

#include "objects/object.h"
#include "objects/value.h"

namespace kite::vm {

class ProxyObject : public Object {
 public:
  ProxyObject(Shape* shape, Value* inline_slots, std::uint32_t cap, ObjectClass klass)
      : Object(shape, inline_slots, cap, klass) {
    flags_ |= kProxyFlag;
  }
  Value target;   // null once revoked
  Value handler;  // null once revoked
  bool is_constructor = false;
};

}  // namespace kite::vm
