// Abstract operations: type conversion (ECMA-262 7.1), testing and
// comparison (7.2), and the operators the interpreter's slow paths use.
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>

#include "objects/bigint.h"
#include "objects/function.h"
#include "objects/object.h"
#include "objects/property_map.h"
#include "objects/proxy.h"
#include "objects/string.h"
#include "objects/symbol.h"
#include "util/numbers.h"
#include "vm/vm.h"

namespace kite::vm {

// 7.1.1 ToPrimitive
Value VM::to_primitive(Value v, int hint) {
  if (!v.is_object()) return v;
  Rooted rv(*this, v);
  Value exotic = get_method(v, PropertyKey::symbol(intrinsics_.symbol_to_primitive));
  if (!exotic.is_undefined()) {
    Rooted rf(*this, exotic);
    const char* h = hint == 0 ? "default" : hint == 1 ? "number" : "string";
    Value arg = Value::string(intern(h));
    Value result = call(rf.get(), rv.get(), std::span<const Value>(&arg, 1));
    if (result.is_object()) throw_type_error("Cannot convert object to primitive value");
    return result;
  }
  // 7.1.1.1 OrdinaryToPrimitive
  String* order[2] = {atoms_.valueOf, atoms_.toString};
  if (hint == 2) std::swap(order[0], order[1]);
  for (String* name : order) {
    Value fn = get(rv.object(), PropertyKey::atom(name), rv.get());
    if (is_callable(fn)) {
      Value result = call(fn, rv.get(), {});
      if (!result.is_object()) return result;
    }
  }
  throw_type_error("Cannot convert object to primitive value");
}

// 7.1.4 ToNumber
double VM::to_number(Value v) {
  if (v.is_int32()) return v.as_int32();
  if (v.is_double()) return v.as_double();
  if (v.is_undefined()) return std::nan("");
  if (v.is_null() || v.is_false()) return 0;
  if (v.is_true()) return 1;
  if (v.is_string()) {
    String* s = flatten(v.as_string());
    if (s->is_one_byte()) {
      return util::string_to_number(
          std::string_view(reinterpret_cast<const char*>(s->chars8()), s->length()));
    }
    return util::string_to_number(std::u16string_view(s->chars16(), s->length()));
  }
  if (v.is_symbol()) throw_type_error("Cannot convert a Symbol value to a number");
  if (v.is_bigint()) throw_type_error("Cannot convert a BigInt value to a number");
  return to_number(to_primitive(v, 1));
}

// 7.1.17 ToString
String* VM::to_string(Value v) {
  if (v.is_string()) return v.as_string();
  if (v.is_int32()) {
    std::int32_t i = v.as_int32();
    if (i >= 0 && i < 10) return single_char(static_cast<char16_t>('0' + i));
    char buf[16];
    auto r = std::to_chars(buf, buf + sizeof buf, i);
    return new_string_latin1(reinterpret_cast<const std::uint8_t*>(buf),
                             static_cast<std::size_t>(r.ptr - buf));
  }
  if (v.is_double()) return number_to_string(v.as_double());
  if (v.is_undefined()) return atoms_.undefined_;
  if (v.is_null()) return atoms_.null_;
  if (v.is_true()) return atoms_.true_;
  if (v.is_false()) return atoms_.false_;
  if (v.is_symbol()) throw_type_error("Cannot convert a Symbol value to a string");
  if (v.is_bigint()) return bigint_to_string(v);
  return to_string(to_primitive(v, 2));
}

// 7.1.18 ToObject
Object* VM::to_object(Value v) {
  if (v.is_object()) return v.as_object();
  if (v.is_nullish()) throw_type_error("Cannot convert undefined or null to object");
  Rooted rv(*this, v);
  Object* o;
  if (v.is_string()) {
    o = new_object_of_class(ObjectClass::kString, intrinsics_.string_prototype, 1);
    Rooted ro(*this, Value::object(o));
    o->set_internal(rv.get());
    define_own_property(o, PropertyKey::atom(atoms_.length),
                        Value::number(rv.get().as_string()->length()), 0);
    return ro.object();
  }
  if (v.is_number()) {
    o = new_object_of_class(ObjectClass::kNumber, intrinsics_.number_prototype, 0);
  } else if (v.is_boolean()) {
    o = new_object_of_class(ObjectClass::kBoolean, intrinsics_.boolean_prototype, 0);
  } else if (v.is_bigint()) {
    o = new_object_of_class(ObjectClass::kBigIntObject, intrinsics_.bigint_prototype, 0);
  } else {
    o = new_object_of_class(ObjectClass::kSymbol, intrinsics_.symbol_prototype, 0);
  }
  o->set_internal(rv.get());
  return o;
}

// 7.1.19 ToPropertyKey
PropertyKey VM::to_property_key(Value v) {
  if (v.is_int32() && v.as_int32() >= 0)
    return PropertyKey::index(static_cast<std::uint32_t>(v.as_int32()));
  if (v.is_string()) {
    String* s = v.as_string();
    // An atom, or a flat string that knows its atom: no flattening or
    // atom-table probe (the keyed accesses of js/dynamicProps).
    String* a = s->is_atom() ? s : !s->is_rope() ? s->left_ : nullptr;
    if (a != nullptr) {
      std::uint32_t idx;
      if (a->length() <= 10 && a->as_index(&idx)) return PropertyKey::index(idx);
      return PropertyKey::atom(a);
    }
    if (s->length() <= 10 && s->length() > 0) {
      s = flatten(s);
      char16_t c = s->at(0);
      if (c >= '0' && c <= '9') {
        String* a = atomize(s);
        std::uint32_t idx;
        if (a->as_index(&idx)) return PropertyKey::index(idx);
        return PropertyKey::atom(a);
      }
    }
    return PropertyKey::atom(atomize(s));
  }
  if (v.is_symbol()) return PropertyKey::symbol(v.as_symbol());
  if (v.is_double()) {
    double d = v.as_double();
    if (d >= 0 && d < 4294967295.0 && d == std::floor(d) && !(d == 0 && std::signbit(d))) {
      return PropertyKey::index(static_cast<std::uint32_t>(d));
    }
  }
  Value p = to_primitive(v, 2);
  if (p.is_symbol()) return PropertyKey::symbol(p.as_symbol());
  return to_property_key(Value::string(to_string(p)));
}

double VM::to_integer_or_infinity(Value v) {
  if (v.is_int32()) return v.as_int32();
  double d = to_number(v);
  if (std::isnan(d) || d == 0) return 0;
  if (std::isinf(d)) return d;
  return std::trunc(d) + 0.0;  // -0.5 truncates to -0; the integer is 0
}

std::uint32_t VM::to_length_u32(Value v) {
  double d = to_integer_or_infinity(v);
  if (d <= 0) return 0;
  if (d >= 4294967295.0) return 4294967295u;
  return static_cast<std::uint32_t>(d);
}

// 7.1.2 ToBoolean
bool VM::to_boolean(Value v) {
  if (v.is_boolean()) return v.is_true();
  if (v.is_int32()) return v.as_int32() != 0;
  if (v.is_double()) {
    double d = v.as_double();
    return !(d == 0 || d != d);
  }
  if (v.is_nullish()) return false;
  if (v.is_string()) return v.as_string()->length() != 0;
  if (v.is_bigint()) return !v.as_bigint()->num.is_zero();
  return true;
}

Value VM::type_of(Value v) {
  if (v.is_number()) return Value::string(atoms_.number);
  if (v.is_string()) return Value::string(atoms_.string);
  if (v.is_boolean()) return Value::string(atoms_.boolean);
  if (v.is_undefined()) return Value::string(atoms_.undefined_);
  if (v.is_null()) return Value::string(atoms_.object);
  if (v.is_symbol()) return Value::string(atoms_.symbol);
  if (v.is_bigint()) return Value::string(atoms_.bigint);
  if (v.is_object() && v.as_object()->is_callable()) return Value::string(atoms_.function);
  return Value::string(atoms_.object);
}

// 7.2.15 IsStrictlyEqual
bool VM::strict_equals(Value a, Value b) {
  if (a.is_number() && b.is_number()) return a.as_number() == b.as_number();
  if (a.is_string() && b.is_string()) return string_equals(a.as_string(), b.as_string());
  if (a.is_bigint() && b.is_bigint()) return util::equals(a.as_bigint()->num, b.as_bigint()->num);
  return a == b;
}

// 7.2.14 IsLooselyEqual
bool VM::loose_equals(Value a, Value b) {
  for (;;) {
    if (a.is_number() && b.is_number()) return a.as_number() == b.as_number();
    if (a.is_string() && b.is_string()) return string_equals(a.as_string(), b.as_string());
    if (a.is_nullish() && b.is_nullish()) return true;
    if (a.is_nullish() || b.is_nullish()) return false;
    if (a.is_bigint() || b.is_bigint()) {
      if (a.is_bigint() && b.is_bigint())
        return util::equals(a.as_bigint()->num, b.as_bigint()->num);
      Value big = a.is_bigint() ? a : b;
      Value other = a.is_bigint() ? b : a;
      if (other.is_number()) {
        double d = other.as_number();
        return d == d && util::compare_double(big.as_bigint()->num, d) == 0;
      }
      if (other.is_string()) {
        auto n = string_to_bigint(other.as_string());
        return n && util::equals(*n, big.as_bigint()->num);
      }
    }
    if (a.tag() == b.tag() && !a.is_number()) return a == b;
    if (a.is_boolean() && b.is_boolean()) return a == b;
    if (a.is_number() && b.is_string()) return a.as_number() == to_number(b);
    if (a.is_string() && b.is_number()) return to_number(a) == b.as_number();
    if (a.is_boolean()) {
      a = Value::int32(a.is_true() ? 1 : 0);
      continue;
    }
    if (b.is_boolean()) {
      b = Value::int32(b.is_true() ? 1 : 0);
      continue;
    }
    if ((a.is_number() || a.is_string() || a.is_symbol() || a.is_bigint()) && b.is_object()) {
      Rooted ra(*this, a);
      b = to_primitive(b, 0);
      a = ra.get();
      continue;
    }
    if (a.is_object() && (b.is_number() || b.is_string() || b.is_symbol() || b.is_bigint())) {
      Rooted rb(*this, b);
      a = to_primitive(a, 0);
      b = rb.get();
      continue;
    }
    return false;
  }
}

bool VM::same_value(Value a, Value b) {
  if (a.is_number() && b.is_number()) {
    double x = a.as_number(), y = b.as_number();
    if (x != x && y != y) return true;
    if (x == 0 && y == 0) return std::signbit(x) == std::signbit(y);
    return x == y;
  }
  return strict_equals(a, b);
}

bool VM::same_value_zero(Value a, Value b) {
  if (a.is_number() && b.is_number()) {
    double x = a.as_number(), y = b.as_number();
    if (x != x && y != y) return true;
    return x == y;
  }
  return strict_equals(a, b);
}

// 13.15.3 ApplyStringOrNumericBinaryOperator for `+`
Value VM::add(Value a, Value b) {
  if (a.is_number() && b.is_number()) return Value::number(a.as_number() + b.as_number());
  if (a.is_string() && b.is_string()) return Value::string(concat(a.as_string(), b.as_string()));
  Rooted rb(*this, b);
  Rooted pa(*this, to_primitive(a, 0));
  Rooted pb(*this, to_primitive(rb.get(), 0));
  if (pa.get().is_string() || pb.get().is_string()) {
    Rooted sa(*this, Value::string(to_string(pa.get())));
    String* sb = to_string(pb.get());
    return Value::string(concat(sa.string(), sb));
  }
  Rooted x(*this, to_numeric(pa.get()));
  Value y = to_numeric(pb.get());
  if (x.get().is_bigint() != y.is_bigint()) {
    throw_type_error("Cannot mix BigInt and other types, use explicit conversions");
  }
  if (y.is_bigint()) return bigint_add(x.get(), y);
  return Value::number(x.get().as_number() + y.as_number());
}

// 7.2.13 IsLessThan: 0 false, 1 true, 2 undefined
int VM::less_than(Value a, Value b, bool left_first) {
  if (a.is_number() && b.is_number()) {
    double x = a.as_number(), y = b.as_number();
    if (x != x || y != y) return 2;
    return x < y ? 1 : 0;
  }
  Rooted ra(*this, a);
  Rooted rb(*this, b);
  Value px, py;
  if (left_first) {
    px = to_primitive(a, 1);
    ra.set(px);
    py = to_primitive(rb.get(), 1);
    px = ra.get();
  } else {
    py = to_primitive(b, 1);
    rb.set(py);
    px = to_primitive(ra.get(), 1);
    py = rb.get();
  }
  if (px.is_string() && py.is_string()) {
    Rooted sy(*this, py);
    String* sx = flatten(px.as_string());
    Rooted rsx(*this, Value::string(sx));
    String* syf = flatten(sy.string());
    return rsx.string()->compare(syf) < 0 ? 1 : 0;
  }
  if (px.is_bigint() || py.is_bigint()) {
    // 7.2.13 steps 3-4: a string meets a BigInt through StringToBigInt.
    Rooted ry(*this, py);
    Rooted lx(*this, px.is_string() ? Value::undefined() : to_numeric(px));
    Value ly = ry.get().is_string() ? Value::undefined() : to_numeric(ry.get());
    Rooted rly(*this, ly);
    if (px.is_string()) {
      auto n = string_to_bigint(px.as_string());
      if (!n) return 2;
      return util::compare(*n, ly.as_bigint()->num) < 0 ? 1 : 0;
    }
    if (ry.get().is_string()) {
      auto n = string_to_bigint(ry.get().as_string());
      if (!n) return 2;
      return util::compare(lx.get().as_bigint()->num, *n) < 0 ? 1 : 0;
    }
    Value l = lx.get(), r = rly.get();
    if (l.is_bigint() && r.is_bigint()) {
      return util::compare(l.as_bigint()->num, r.as_bigint()->num) < 0 ? 1 : 0;
    }
    if (l.is_bigint()) {
      double d = r.as_number();
      if (d != d) return 2;
      return util::compare_double(l.as_bigint()->num, d) < 0 ? 1 : 0;
    }
    double d = l.as_number();
    if (d != d) return 2;
    return util::compare_double(r.as_bigint()->num, d) > 0 ? 1 : 0;
  }
  Rooted ry(*this, py);
  double x = to_number(px);
  double y = to_number(ry.get());
  if (x != x || y != y) return 2;
  return x < y ? 1 : 0;
}

bool VM::is_constructor(Value v) {
  if (!v.is_object()) return false;
  Object* o = v.as_object();
  switch (o->klass()) {
    case ObjectClass::kFunction: {
      auto* f = static_cast<JSFunction*>(o);
      return !f->tmpl->has(FunctionTemplate::kArrow) && !f->tmpl->has(FunctionTemplate::kMethod) &&
             !f->tmpl->has(FunctionTemplate::kGetter) && !f->tmpl->has(FunctionTemplate::kSetter) &&
             !f->tmpl->has(FunctionTemplate::kGenerator) && !f->tmpl->has(FunctionTemplate::kAsync);
    }
    case ObjectClass::kNativeFunction:
      return static_cast<NativeFunction*>(o)->is_constructor;
    case ObjectClass::kBoundFunction:
      return is_constructor(static_cast<BoundFunction*>(o)->target);
    case ObjectClass::kCallableProxy:
      return static_cast<ProxyObject*>(o)->is_constructor;
    default:
      return false;
  }
}

// IsArray (7.2.2): a proxy answers for its target.
bool VM::is_array(Value v) {
  while (v.is_object() && v.as_object()->is_proxy() &&
         v.as_object()->klass() != ObjectClass::kModuleNamespace) {
    auto* p = static_cast<ProxyObject*>(v.as_object());
    if (p->handler.is_null())
      throw_type_error("Cannot perform 'IsArray' on a proxy that has been revoked");
    v = p->target;
  }
  return v.is_object() && v.as_object()->is_array();
}

// 13.10.2 InstanceofOperator
bool VM::instance_of(Value v, Value target) {
  if (!target.is_object()) {
    throw_type_error("Right-hand side of 'instanceof' is not " +
                     std::string(is_callable(target) ? "callable" : "an object"));
  }
  Rooted rv(*this, v);
  Rooted rt(*this, target);
  Value handler = get_method(target, PropertyKey::symbol(intrinsics_.symbol_has_instance));
  if (!handler.is_undefined()) {
    Value arg = rv.get();
    return to_boolean(call(handler, rt.get(), std::span<const Value>(&arg, 1)));
  }
  if (!is_callable(rt.get())) throw_type_error("Right-hand side of 'instanceof' is not callable");
  Object* f = rt.object();
  if (f->klass() == ObjectClass::kBoundFunction) {
    return instance_of(rv.get(), static_cast<BoundFunction*>(f)->target);
  }
  if (!rv.get().is_object()) return false;
  Value proto = get(f, PropertyKey::atom(atoms_.prototype));
  if (!proto.is_object()) throw_type_error("Function has non-object prototype in instanceof check");
  Rooted rp(*this, proto);
  Rooted cur(*this, rv.get());
  for (;;) {
    Object* o = get_prototype_of(cur.object());  // a proxy's trap may allocate
    if (o == nullptr) return false;
    if (o == rp.object()) return true;
    cur.set(Value::object(o));
  }
}

Value VM::get_method(Value v, PropertyKey key) {
  Value fn = get_value(v, key);
  if (fn.is_nullish()) return Value::undefined();
  if (!is_callable(fn)) throw_type_error(describe(fn) + " is not a function");
  return fn;
}

std::string VM::describe(Value v) {
  if (v.is_undefined()) return "undefined";
  if (v.is_null()) return "null";
  if (v.is_boolean()) return v.is_true() ? "true" : "false";
  if (v.is_number()) {
    std::string s;
    util::number_to_string(v.as_number(), s);
    return s;
  }
  if (v.is_string()) return v.as_string()->to_utf8();
  if (v.is_bigint()) return v.as_bigint()->num.to_string() + "n";
  if (v.is_symbol()) {
    Value d = v.as_symbol()->description;
    return "Symbol(" + (d.is_string() ? d.as_string()->to_utf8() : std::string()) + ")";
  }
  Object* o = v.as_object();
  if (o->is_callable()) {
    Property p;
    std::string name;
    if (get_own_property(o, PropertyKey::atom(atoms_.name), &p) && p.value.is_string()) {
      name = p.value.as_string()->to_utf8();
    }
    return o->klass() == ObjectClass::kFunction &&
                   static_cast<JSFunction*>(o)->tmpl->has(FunctionTemplate::kClassConstructor)
               ? "class " + (name.empty() ? std::string("(anonymous)") : name)
               : "function " + (name.empty() ? std::string("(anonymous)") : name);
  }
  if (o->is_array()) return "[object Array]";
  // #<Ctor> like V8
  Value ctor = Value::undefined();
  for (Object* p = o; p != nullptr; p = p->proto()) {
    Property prop;
    if (get_own_property(p, PropertyKey::atom(atoms_.constructor), &prop) &&
        !(prop.attrs & attr::kAccessor)) {
      ctor = prop.value;
      break;
    }
  }
  if (ctor.is_object()) {
    Property np;
    if (get_own_property(ctor.as_object(), PropertyKey::atom(atoms_.name), &np) &&
        np.value.is_string() && np.value.as_string()->length() > 0) {
      return "#<" + np.value.as_string()->to_utf8() + ">";
    }
  }
  return "#<Object>";
}

}  // namespace kite::vm
