// SharedArrayBuffer (ECMA-262 25.2): an ArrayBufferObject with `shared`
// set. Kite runs one agent per engine (no workers share memory), so a
// shared buffer is a block of bytes that is never detached; typed arrays,
// DataView and Atomics work on it as on any buffer. Growable shared buffers
// (maxByteLength, grow) are not built.
#include <algorithm>
#include <cstring>

#include "builtins/builtins.h"
#include "objects/typed_array.h"

namespace kite::vm::builtins {

namespace {

ArrayBufferObject* this_shared_buffer(VM& vm, CallInfo& ci, std::string_view method) {
  return this_buffer_of(vm, ci, true, method);
}

Value return_this(VM&, CallInfo& ci) {
  return ci.this_value;
}

// AllocateSharedArrayBuffer (25.2.2.1).
ArrayBufferObject* allocate_shared_array_buffer(VM& vm, Value new_target, std::size_t byte_length) {
  Object* proto =
      prototype_from_constructor(vm, new_target, vm.intrinsics().shared_array_buffer_prototype);
  ArrayBufferObject* sab = vm.new_array_buffer(proto, byte_length);
  sab->shared = true;
  return sab;
}

// SharedArrayBuffer(length) (25.2.3.1).
Value shared_array_buffer_ctor(VM& vm, CallInfo& ci) {
  if (ci.new_target.is_undefined())
    vm.throw_type_error("Constructor SharedArrayBuffer requires 'new'");
  std::size_t len = to_index(vm, ci.arg(0), "shared array buffer length");
  return Value::object(allocate_shared_array_buffer(vm, ci.new_target, len));
}

// get SharedArrayBuffer.prototype.byteLength (25.2.5.1).
Value shared_array_buffer_byte_length(VM& vm, CallInfo& ci) {
  ArrayBufferObject* sab = this_shared_buffer(vm, ci, "SharedArrayBuffer.prototype.byteLength");
  return Value::number(static_cast<double>(sab->byte_length));
}

// SharedArrayBuffer.prototype.slice(start, end) (25.2.5.6).
Value shared_array_buffer_slice(VM& vm, CallInfo& ci) {
  ArrayBufferObject* sab = this_shared_buffer(vm, ci, "SharedArrayBuffer.prototype.slice");
  Rooted ro(vm, Value::object(sab));
  auto len = static_cast<double>(sab->byte_length);
  double first = relative_index(vm, ci.arg(0), len, 0);
  double final = relative_index(vm, ci.arg(1), len, len);
  double new_len = std::max(final - first, 0.0);
  Value ctor = species_constructor(vm, ro.object(),
                                   Value::object(vm.intrinsics().shared_array_buffer_constructor));
  Value arg = Value::number(new_len);
  Value made = vm.construct(ctor, std::span<const Value>(&arg, 1), ctor);
  if (!made.is_object() || made.as_object()->klass() != ObjectClass::kArrayBuffer ||
      !static_cast<ArrayBufferObject*>(made.as_object())->shared) {
    vm.throw_type_error("The species constructor did not return a SharedArrayBuffer");
  }
  auto* out = static_cast<ArrayBufferObject*>(made.as_object());
  if (out == ro.object()) {
    vm.throw_type_error("SharedArrayBuffer subclass returned this from species constructor");
  }
  if (static_cast<double>(out->byte_length) < new_len) {
    vm.throw_type_error("The species constructor returned a too small SharedArrayBuffer");
  }
  auto* src = static_cast<ArrayBufferObject*>(ro.object());
  if (new_len > 0) {
    std::memcpy(out->data, src->data + static_cast<std::size_t>(first),
                static_cast<std::size_t>(new_len));
  }
  return made;
}

}  // namespace

void install_shared_array_buffer(VM& vm, Object* global) {
  Intrinsics& in = vm.intrinsics();
  Rooted rg(vm, Value::object(global));
  in.shared_array_buffer_prototype = vm.new_object_with_proto(in.object_prototype);
  Object* sp = in.shared_array_buffer_prototype;
  NativeFunction* ctor =
      make_constructor(vm, rg.object(), "SharedArrayBuffer", shared_array_buffer_ctor, 1, sp);
  in.shared_array_buffer_constructor = ctor;
  vm.define_getter(ctor, PropertyKey::symbol(in.symbol_species), "[Symbol.species]", return_this);
  vm.define_getter(sp, vm.key("byteLength"), "byteLength", shared_array_buffer_byte_length);
  vm.define_native(sp, "slice", shared_array_buffer_slice, 2);
  vm.define_own_property(sp, PropertyKey::symbol(in.symbol_to_string_tag),
                         Value::string(vm.intern("SharedArrayBuffer")), attr::kConfigurable);
}

}  // namespace kite::vm::builtins
