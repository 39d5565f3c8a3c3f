// ArrayBuffer (ECMA-262 25.1) and DataView (25.3): a block of bytes and a
// byte-addressed window onto it. ES2024's ArrayBuffer.prototype.transfer,
// transferToFixedLength and `detached` are here too: they are how a buffer
// is detached (handlers hand a body's bytes on without a copy; the test262
// host's $262.detachArrayBuffer uses transfer). Resizable buffers
// (maxByteLength) are not built.
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>

#include "builtins/builtins.h"
#include "objects/typed_array.h"

namespace kite::vm::builtins {

Object* prototype_from_constructor(VM& vm, Value new_target, Object* fallback) {
  if (!new_target.is_object()) return fallback;
  Rooted rf(vm, Value::object(fallback));
  Value p = vm.get(new_target.as_object(), PropertyKey::atom(vm.atoms().prototype));
  return p.is_object() ? p.as_object() : rf.object();
}

std::size_t to_index(VM& vm, Value v, std::string_view what) {
  if (v.is_int32() && v.as_int32() >= 0) return static_cast<std::size_t>(v.as_int32());
  double d = vm.to_integer_or_infinity(v);
  if (d < 0 || d > 9007199254740991.0) vm.throw_range_error(std::string("Invalid ") += what);
  return static_cast<std::size_t>(d);
}

// The relative index of slice/subarray/fill (ToIntegerOrInfinity, then
// counted from the end when negative, clamped to 0..len).
double relative_index(VM& vm, Value v, double len, double if_undefined) {
  if (v.is_undefined()) return if_undefined;
  double d = vm.to_integer_or_infinity(v);
  if (d < 0) return std::max(len + d, 0.0);
  return std::min(d, len);
}

ArrayBufferObject* this_buffer_of(VM& vm, CallInfo& ci, bool shared, std::string_view method) {
  Value t = ci.this_value;
  if (t.is_object() && t.as_object()->klass() == ObjectClass::kArrayBuffer &&
      static_cast<ArrayBufferObject*>(t.as_object())->shared == shared) {
    return static_cast<ArrayBufferObject*>(t.as_object());
  }
  vm.throw_type_error(std::string("Method ") + std::string(method) +
                      " called on incompatible receiver " + vm.describe(t));
}

namespace {

ArrayBufferObject* this_array_buffer(VM& vm, CallInfo& ci, std::string_view method) {
  return this_buffer_of(vm, ci, false, method);
}

Value return_this(VM&, CallInfo& ci) {
  return ci.this_value;
}

// ---- ArrayBuffer ----

Value array_buffer_ctor(VM& vm, CallInfo& ci) {
  if (ci.new_target.is_undefined()) vm.throw_type_error("Constructor ArrayBuffer requires 'new'");
  std::size_t len = to_index(vm, ci.arg(0), "array buffer length");
  Object* proto =
      prototype_from_constructor(vm, ci.new_target, vm.intrinsics().array_buffer_prototype);
  return Value::object(vm.new_array_buffer(proto, len));
}

Value array_buffer_is_view(VM&, CallInfo& ci) {
  Value v = ci.arg(0);
  if (!v.is_object()) return Value::boolean(false);
  ObjectClass k = v.as_object()->klass();
  return Value::boolean(k == ObjectClass::kTypedArray || k == ObjectClass::kDataView);
}

Value array_buffer_byte_length(VM& vm, CallInfo& ci) {
  ArrayBufferObject* ab = this_array_buffer(vm, ci, "ArrayBuffer.prototype.byteLength");
  return Value::number(static_cast<double>(ab->byte_length));
}

Value array_buffer_detached(VM& vm, CallInfo& ci) {
  return Value::boolean(this_array_buffer(vm, ci, "ArrayBuffer.prototype.detached")->detached);
}

Value array_buffer_slice(VM& vm, CallInfo& ci) {
  ArrayBufferObject* ab = this_array_buffer(vm, ci, "ArrayBuffer.prototype.slice");
  Rooted ro(vm, Value::object(ab));
  if (ab->detached)
    vm.throw_type_error("Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer");
  auto len = static_cast<double>(ab->byte_length);
  double first = relative_index(vm, ci.arg(0), len, 0);
  double final = relative_index(vm, ci.arg(1), len, len);
  double new_len = std::max(final - first, 0.0);
  Value ctor =
      species_constructor(vm, ro.object(), Value::object(vm.intrinsics().array_buffer_constructor));
  Value arg = Value::number(new_len);
  Value made = vm.construct(ctor, std::span<const Value>(&arg, 1), ctor);
  if (!made.is_object() || made.as_object()->klass() != ObjectClass::kArrayBuffer) {
    vm.throw_type_error("ArrayBuffer subclass returned this from species constructor");
  }
  auto* out = static_cast<ArrayBufferObject*>(made.as_object());
  if (out->shared)
    vm.throw_type_error("The species constructor returned a SharedArrayBuffer, not an ArrayBuffer");
  if (out->detached) vm.throw_type_error("The species constructor returned a detached ArrayBuffer");
  if (out == ro.object())
    vm.throw_type_error("ArrayBuffer subclass returned this from species constructor");
  if (static_cast<double>(out->byte_length) < new_len) {
    vm.throw_type_error("The species constructor returned a too small ArrayBuffer");
  }
  auto* src = static_cast<ArrayBufferObject*>(ro.object());
  if (src->detached)
    vm.throw_type_error("Cannot perform ArrayBuffer.prototype.slice on a detached ArrayBuffer");
  if (new_len > 0) {
    std::memcpy(out->data, src->data + static_cast<std::size_t>(first),
                static_cast<std::size_t>(new_len));
  }
  return made;
}

// ArrayBufferCopyAndPreserve (ES2024 25.1.3.3) for a fixed-length buffer:
// the new buffer takes the old one's bytes (no copy when the length is
// kept) and the old one is detached.
Value array_buffer_transfer(VM& vm, CallInfo& ci) {
  ArrayBufferObject* ab = this_array_buffer(vm, ci, "ArrayBuffer.prototype.transfer");
  Rooted ro(vm, Value::object(ab));
  std::size_t new_len =
      ci.arg(0).is_undefined() ? ab->byte_length : to_index(vm, ci.arg(0), "array buffer length");
  ab = static_cast<ArrayBufferObject*>(ro.object());
  if (ab->detached)
    vm.throw_type_error("Cannot perform ArrayBuffer.prototype.transfer on a detached ArrayBuffer");
  ArrayBufferObject* out;
  if (new_len == ab->byte_length) {
    out = vm.new_array_buffer(vm.intrinsics().array_buffer_prototype, 0);
    ab = static_cast<ArrayBufferObject*>(ro.object());
    out->data = ab->data;
    out->byte_length = ab->byte_length;
  } else {
    out = vm.new_array_buffer(vm.intrinsics().array_buffer_prototype, new_len);
    ab = static_cast<ArrayBufferObject*>(ro.object());
    if (ab->detached) {
      vm.throw_type_error(
          "Cannot perform ArrayBuffer.prototype.transfer on a detached ArrayBuffer");
    }
    std::memcpy(out->data, ab->data, std::min(new_len, ab->byte_length));
    vm.heap().remove_external(ab->byte_length);
    std::free(ab->data);
  }
  ab->data = nullptr;
  ab->byte_length = 0;
  ab->detached = true;
  return Value::object(out);
}

// ---- DataView ----

DataViewObject* this_data_view(VM& vm, CallInfo& ci, std::string_view method) {
  return static_cast<DataViewObject*>(this_object_of(vm, ci, ObjectClass::kDataView, method));
}

Value data_view_ctor(VM& vm, CallInfo& ci) {
  if (ci.new_target.is_undefined()) vm.throw_type_error("Constructor DataView requires 'new'");
  Value b = ci.arg(0);
  if (!b.is_object() || b.as_object()->klass() != ObjectClass::kArrayBuffer) {
    vm.throw_type_error("First argument to DataView constructor must be an ArrayBuffer");
  }
  Rooted rb(vm, b);
  std::size_t offset = to_index(vm, ci.arg(1), "DataView offset");
  auto* ab = static_cast<ArrayBufferObject*>(rb.object());
  if (ab->detached) vm.throw_type_error("Cannot construct a DataView on a detached ArrayBuffer");
  if (offset > ab->byte_length)
    vm.throw_range_error("Start offset is outside the bounds of the buffer");
  bool auto_length = ci.arg(2).is_undefined();
  std::size_t view_len = 0;
  if (auto_length) {
    view_len = ab->byte_length - offset;
  } else {
    view_len = to_index(vm, ci.arg(2), "DataView length");
    if (offset + view_len > static_cast<ArrayBufferObject*>(rb.object())->byte_length) {
      vm.throw_range_error("Invalid DataView length");
    }
  }
  Object* proto =
      prototype_from_constructor(vm, ci.new_target, vm.intrinsics().data_view_prototype);
  ab = static_cast<ArrayBufferObject*>(rb.object());
  if (ab->detached) vm.throw_type_error("Cannot construct a DataView on a detached ArrayBuffer");
  return Value::object(vm.new_data_view(proto, ab, offset, view_len));
}

Value data_view_buffer(VM& vm, CallInfo& ci) {
  return Value::object(this_data_view(vm, ci, "DataView.prototype.buffer")->buffer);
}

Value data_view_byte_length(VM& vm, CallInfo& ci) {
  DataViewObject* dv = this_data_view(vm, ci, "DataView.prototype.byteLength");
  if (dv->buffer->detached)
    vm.throw_type_error("Cannot perform DataView.prototype.byteLength on a detached ArrayBuffer");
  return Value::number(static_cast<double>(dv->byte_length));
}

Value data_view_byte_offset(VM& vm, CallInfo& ci) {
  DataViewObject* dv = this_data_view(vm, ci, "DataView.prototype.byteOffset");
  if (dv->buffer->detached)
    vm.throw_type_error("Cannot perform DataView.prototype.byteOffset on a detached ArrayBuffer");
  return Value::number(static_cast<double>(dv->byte_offset));
}

// The element kind a DataView method reads or writes (NativeFunction::data).
ElementKind view_kind(CallInfo& ci) {
  return static_cast<ElementKind>(static_cast<NativeFunction*>(ci.callee)->data.as_int32());
}

void reverse_bytes(std::uint8_t* p, std::uint32_t n) {
  std::reverse(p, p + n);
}

// GetViewValue (25.3.1.5).
Value data_view_get(VM& vm, CallInfo& ci) {
  DataViewObject* dv = this_data_view(vm, ci, "DataView.prototype.get");
  Rooted rd(vm, Value::object(dv));
  ElementKind k = view_kind(ci);
  std::size_t index = to_index(vm, ci.arg(0), "DataView index");
  bool little = VM::to_boolean(ci.arg(1));
  dv = static_cast<DataViewObject*>(rd.object());
  if (dv->buffer->detached)
    vm.throw_type_error("Cannot perform DataView.prototype.get on a detached ArrayBuffer");
  std::uint32_t size = element_size(k);
  if (index + size > dv->byte_length)
    vm.throw_range_error("Offset is outside the bounds of the DataView");
  std::uint8_t bytes[8];
  std::memcpy(bytes, dv->buffer->data + dv->byte_offset + index, size);
  if (!little) reverse_bytes(bytes, size);
  return vm.typed_array_load(k, bytes);
}

// SetViewValue (25.3.1.6).
Value data_view_set(VM& vm, CallInfo& ci) {
  DataViewObject* dv = this_data_view(vm, ci, "DataView.prototype.set");
  Rooted rd(vm, Value::object(dv));
  ElementKind k = view_kind(ci);
  std::size_t index = to_index(vm, ci.arg(0), "DataView index");
  Rooted value(vm, vm.to_element_value(k, ci.arg(1)));
  bool little = VM::to_boolean(ci.arg(2));
  dv = static_cast<DataViewObject*>(rd.object());
  if (dv->buffer->detached)
    vm.throw_type_error("Cannot perform DataView.prototype.set on a detached ArrayBuffer");
  std::uint32_t size = element_size(k);
  if (index + size > dv->byte_length)
    vm.throw_range_error("Offset is outside the bounds of the DataView");
  std::uint8_t bytes[8];
  vm.typed_array_store(k, bytes, value.get());
  if (!little) reverse_bytes(bytes, size);
  std::memcpy(dv->buffer->data + dv->byte_offset + index, bytes, size);
  return Value::undefined();
}

}  // namespace

void install_array_buffer(VM& vm, Object* global) {
  Intrinsics& in = vm.intrinsics();
  Rooted rg(vm, Value::object(global));

  in.array_buffer_prototype = vm.new_object_with_proto(in.object_prototype);
  Object* ap = in.array_buffer_prototype;
  NativeFunction* ctor = make_constructor(vm, rg.object(), "ArrayBuffer", array_buffer_ctor, 1, ap);
  in.array_buffer_constructor = ctor;
  vm.define_native(ctor, "isView", array_buffer_is_view, 1);
  vm.define_getter(ctor, PropertyKey::symbol(in.symbol_species), "[Symbol.species]", return_this);
  vm.define_getter(ap, vm.key("byteLength"), "byteLength", array_buffer_byte_length);
  vm.define_getter(ap, vm.key("detached"), "detached", array_buffer_detached);
  vm.define_native(ap, "slice", array_buffer_slice, 2);
  vm.define_native(ap, "transfer", array_buffer_transfer, 0);
  vm.define_native(ap, "transferToFixedLength", array_buffer_transfer, 0);
  vm.define_own_property(ap, PropertyKey::symbol(in.symbol_to_string_tag),
                         Value::string(vm.intern("ArrayBuffer")), attr::kConfigurable);

  in.data_view_prototype = vm.new_object_with_proto(in.object_prototype);
  Object* dp = in.data_view_prototype;
  make_constructor(vm, rg.object(), "DataView", data_view_ctor, 1, dp);
  vm.define_getter(dp, vm.key("buffer"), "buffer", data_view_buffer);
  vm.define_getter(dp, vm.key("byteLength"), "byteLength", data_view_byte_length);
  vm.define_getter(dp, vm.key("byteOffset"), "byteOffset", data_view_byte_offset);
  static constexpr struct {
    const char* type;
    ElementKind kind;
  } kTypes[] = {
      {"Int8", ElementKind::kInt8},         {"Uint8", ElementKind::kUint8},
      {"Int16", ElementKind::kInt16},       {"Uint16", ElementKind::kUint16},
      {"Int32", ElementKind::kInt32},       {"Uint32", ElementKind::kUint32},
      {"Float32", ElementKind::kFloat32},   {"Float64", ElementKind::kFloat64},
      {"BigInt64", ElementKind::kBigInt64}, {"BigUint64", ElementKind::kBigUint64},
  };
  for (const auto& t : kTypes) {
    Value kind = Value::int32(static_cast<std::int32_t>(t.kind));
    std::string get = std::string("get") + t.type;
    std::string set = std::string("set") + t.type;
    vm.define_native(dp, get, data_view_get, 1)->data = kind;
    vm.define_native(dp, set, data_view_set, 2)->data = kind;
  }
  vm.define_own_property(dp, PropertyKey::symbol(in.symbol_to_string_tag),
                         Value::string(vm.intern("DataView")), attr::kConfigurable);
}

}  // namespace kite::vm::builtins
