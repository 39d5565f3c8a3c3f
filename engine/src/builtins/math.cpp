// Math (ECMA-262 21.3). Math.random is a per-VM xoshiro-class generator
// seeded per process (EngineOptions::random_seed).
#include <cmath>
#include <numbers>

#include "builtins/builtins.h"
#include "util/numbers.h"

namespace kite::vm::builtins {

namespace {

template <double (*F)(double)>
Value unary(VM& vm, CallInfo& ci) {
  return Value::number(F(vm.to_number(ci.arg(0))));
}

double js_round(double x) {
  if (!std::isfinite(x) || x == 0) return x;
  if (x > 0 && x < 0.5) return 0.0;
  if (x < 0 && x >= -0.5) return -0.0;
  return std::floor(x + 0.5);
}
double js_sign(double x) {
  if (std::isnan(x) || x == 0) return x;
  return x > 0 ? 1 : -1;
}
double js_abs(double x) {
  return std::fabs(x);
}
double js_floor(double x) {
  return std::floor(x);
}
double js_ceil(double x) {
  return std::ceil(x);
}
double js_trunc(double x) {
  return std::trunc(x);
}
double js_sqrt(double x) {
  return std::sqrt(x);
}
double js_cbrt(double x) {
  // glibc's cbrt can be an ulp off (cbrt(27) = 3.0000000000000004): one
  // Newton step, kept only when it is exact, gives the correct cube root.
  double r = std::cbrt(x);
  if (!std::isfinite(r) || r == 0) return r;
  double refined = r - (r * r * r - x) / (3 * r * r);
  return refined * refined * refined == x ? refined : r;
}
double js_exp(double x) {
  return std::exp(x);
}
double js_expm1(double x) {
  return std::expm1(x);
}
double js_log(double x) {
  return std::log(x);
}
double js_log2(double x) {
  return std::log2(x);
}
double js_log10(double x) {
  return std::log10(x);
}
double js_log1p(double x) {
  return std::log1p(x);
}
double js_sin(double x) {
  return std::sin(x);
}
double js_cos(double x) {
  return std::cos(x);
}
double js_tan(double x) {
  return std::tan(x);
}
double js_asin(double x) {
  return std::asin(x);
}
double js_acos(double x) {
  return std::acos(x);
}
double js_atan(double x) {
  return std::atan(x);
}
double js_sinh(double x) {
  return std::sinh(x);
}
double js_cosh(double x) {
  return std::cosh(x);
}
double js_tanh(double x) {
  return std::tanh(x);
}
double js_asinh(double x) {
  return std::asinh(x);
}
double js_acosh(double x) {
  return std::acosh(x);
}
double js_atanh(double x) {
  return std::atanh(x);
}
double js_fround(double x) {
  return static_cast<double>(static_cast<float>(x));
}
double js_clz32(double x) {
  std::uint32_t n = util::to_uint32(x);
  return n == 0 ? 32 : __builtin_clz(n);
}

Value math_max(VM& vm, CallInfo& ci) {
  double r = -INFINITY;
  bool nan = false;
  for (std::uint32_t i = 0; i < ci.argc; ++i) {
    double d = vm.to_number(ci.args[i]);
    if (std::isnan(d)) nan = true;
    if (d > r || (d == 0 && r == 0 && !std::signbit(d))) r = d;
  }
  return nan ? Value::raw_double(std::nan("")) : Value::number(r);
}

Value math_min(VM& vm, CallInfo& ci) {
  double r = INFINITY;
  bool nan = false;
  for (std::uint32_t i = 0; i < ci.argc; ++i) {
    double d = vm.to_number(ci.args[i]);
    if (std::isnan(d)) nan = true;
    if (d < r || (d == 0 && r == 0 && std::signbit(d))) r = d;
  }
  return nan ? Value::raw_double(std::nan("")) : Value::number(r);
}

Value math_pow(VM& vm, CallInfo& ci) {
  double x = vm.to_number(ci.arg(0));
  double y = vm.to_number(ci.arg(1));
  return Value::number(js_pow(x, y));
}

Value math_atan2(VM& vm, CallInfo& ci) {
  double y = vm.to_number(ci.arg(0));
  double x = vm.to_number(ci.arg(1));
  return Value::number(std::atan2(y, x));
}

Value math_hypot(VM& vm, CallInfo& ci) {
  double sum = 0;
  bool inf = false, nan = false;
  for (std::uint32_t i = 0; i < ci.argc; ++i) {
    double d = vm.to_number(ci.args[i]);
    if (std::isinf(d)) inf = true;
    if (std::isnan(d)) nan = true;
    sum += d * d;
  }
  if (inf) return Value::raw_double(INFINITY);
  if (nan) return Value::raw_double(std::nan(""));
  return Value::number(std::sqrt(sum));
}

Value math_imul(VM& vm, CallInfo& ci) {
  std::uint32_t a = util::to_uint32(vm.to_number(ci.arg(0)));
  std::uint32_t b = util::to_uint32(vm.to_number(ci.arg(1)));
  return Value::int32(static_cast<std::int32_t>(a * b));
}

Value math_random(VM& vm, CallInfo&) {
  std::uint64_t bits = vm.random()() >> 11;
  return Value::raw_double(static_cast<double>(bits) * (1.0 / 9007199254740992.0));
}

}  // namespace

void install_math(VM& vm, Object* global) {
  Object* math = vm.new_object();
  Rooted rm(vm, Value::object(math));
  vm.define_value(global, "Math", rm.get());
  struct C {
    const char* name;
    double value;
  };
  const C constants[] = {{"E", std::numbers::e},          {"LN10", std::numbers::ln10},
                         {"LN2", std::numbers::ln2},      {"LOG10E", std::numbers::log10e},
                         {"LOG2E", std::numbers::log2e},  {"PI", std::numbers::pi},
                         {"SQRT1_2", 0.7071067811865476}, {"SQRT2", std::numbers::sqrt2}};
  for (const C& c : constants) vm.define_value(rm.object(), c.name, Value::raw_double(c.value), 0);
  struct F {
    const char* name;
    NativeFn fn;
    std::uint32_t length;
  };
  const F fns[] = {
      {"abs", unary<js_abs>, 1},     {"floor", unary<js_floor>, 1}, {"ceil", unary<js_ceil>, 1},
      {"round", unary<js_round>, 1}, {"trunc", unary<js_trunc>, 1}, {"sign", unary<js_sign>, 1},
      {"sqrt", unary<js_sqrt>, 1},   {"cbrt", unary<js_cbrt>, 1},   {"exp", unary<js_exp>, 1},
      {"expm1", unary<js_expm1>, 1}, {"log", unary<js_log>, 1},     {"log2", unary<js_log2>, 1},
      {"log10", unary<js_log10>, 1}, {"log1p", unary<js_log1p>, 1}, {"sin", unary<js_sin>, 1},
      {"cos", unary<js_cos>, 1},     {"tan", unary<js_tan>, 1},     {"asin", unary<js_asin>, 1},
      {"acos", unary<js_acos>, 1},   {"atan", unary<js_atan>, 1},   {"sinh", unary<js_sinh>, 1},
      {"cosh", unary<js_cosh>, 1},   {"tanh", unary<js_tanh>, 1},   {"asinh", unary<js_asinh>, 1},
      {"acosh", unary<js_acosh>, 1}, {"atanh", unary<js_atanh>, 1}, {"fround", unary<js_fround>, 1},
      {"clz32", unary<js_clz32>, 1}, {"max", math_max, 2},          {"min", math_min, 2},
      {"pow", math_pow, 2},          {"atan2", math_atan2, 2},      {"hypot", math_hypot, 2},
      {"imul", math_imul, 2},        {"random", math_random, 0},
  };
  for (const F& f : fns) vm.define_native(rm.object(), f.name, f.fn, f.length);
  vm.define_own_property(rm.object(), PropertyKey::symbol(vm.intrinsics().symbol_to_string_tag),
                         Value::string(vm.intern("Math")), attr::kConfigurable);
}

}  // namespace kite::vm::builtins
